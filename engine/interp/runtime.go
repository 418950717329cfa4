package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// callRuntime runs a runtime function on the registers [first, first+argc)
// of the current frame.
func (in *Interp) callRuntime(id bytecode.RuntimeID, first, argc int) (layout.Value, bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	arg := func(i int) layout.Value {
		if i < argc {
			return in.stack[first+i]
		}
		return in.undefined
	}
	switch id {
	case bytecode.RtResolveDirectEval:
		return in.resolveDirectEval(h.NewHandle(arg(0)), h.NewHandle(arg(1)), arg(2).SmiValue())
	case bytecode.RtLookupLoad, bytecode.RtLookupLoadTypeof:
		v, _, ok := in.lookupLoad(h.NewHandle(arg(0)), id == bytecode.RtLookupLoadTypeof)
		return v, ok
	case bytecode.RtLookupCall:
		v, recv, ok := in.lookupLoad(h.NewHandle(arg(0)), false)
		if ok {
			in.stack[first+1] = recv
		}
		return v, ok
	case bytecode.RtLookupStore:
		return in.lookupStore(h.NewHandle(arg(0)), h.NewHandle(arg(1)), arg(2).SmiValue() != 0)
	case bytecode.RtLookupDelete:
		return in.lookupDelete(h.NewHandle(arg(0)))
	case bytecode.RtDeclareEvalVar:
		return in.declareEvalVar(h.NewHandle(arg(0)), heap.Handle{}, arg(1).SmiValue())
	case bytecode.RtDeclareEvalFunction:
		return in.declareEvalVar(h.NewHandle(arg(0)), h.NewHandle(arg(1)), arg(2).SmiValue())
	case bytecode.RtLookupRef:
		return in.lookupRef(h.NewHandle(arg(0)))
	case bytecode.RtLookupRefLoad:
		return in.refLoad(h.NewHandle(arg(0)), h.NewHandle(arg(1)))
	case bytecode.RtLookupRefStore:
		return in.refStore(h.NewHandle(arg(0)), h.NewHandle(arg(1)), h.NewHandle(arg(2)), arg(3).SmiValue() != 0)
	case bytecode.RtCheckEvalGlobals:
		return in.checkEvalGlobals(h.NewHandle(arg(0)))
	case bytecode.RtCreateWithContext:
		return in.createWithContext(h.NewHandle(arg(0)), h.NewHandle(arg(1)))
	case bytecode.RtNewScriptContext:
		return in.newScriptContext(h.NewHandle(arg(0)))
	case bytecode.RtDefineGlobalVar:
		return in.defineGlobalVar(h.NewHandle(arg(0)))
	case bytecode.RtDefineGlobalFunction:
		return in.defineGlobalFunction(h.NewHandle(arg(0)), h.NewHandle(arg(1)))
	case bytecode.RtDefineAccessor:
		return in.defineAccessor(h.NewHandle(arg(0)), arg(1), h.NewHandle(arg(2)), h.NewHandle(arg(3)), arg(4).SmiValue()&1 != 0)
	case bytecode.RtDefineMethod:
		obj, fn := h.NewHandle(arg(0)), h.NewHandle(arg(2))
		k, ok := in.ToPropertyKey(arg(1))
		if !ok {
			return 0, false
		}
		in.DefineOwn(obj.Value(), k, fn.Value(), objects.AttrDontEnum)
		return fn.Value(), true
	case bytecode.RtSetFunctionName:
		fn := h.NewHandle(arg(0))
		k, ok := in.ToPropertyKey(arg(1))
		if !ok {
			return 0, false
		}
		prefix := [...]string{"", "get", "set"}[arg(2).SmiValue()]
		in.setFunctionName(fn, k, prefix)
		return fn.Value(), true
	case bytecode.RtCopyDataProperties:
		target := h.NewHandle(arg(0))
		if !in.CopyDataProperties(target, arg(1), nil) {
			return 0, false
		}
		return target.Value(), true
	case bytecode.RtSpreadIntoArray:
		arr := h.NewHandle(arg(0))
		src, ok := in.iterableToArray(arg(1))
		if !ok {
			return 0, false
		}
		n := f.ArrayLength(src.Value())
		for i := uint32(0); i < n; i++ {
			v, found := f.GetElement(src.Value(), i)
			if !found {
				v = in.undefined
			}
			s := h.OpenScope()
			f.ArrayPush(arr, h.NewHandle(v))
			s.Close()
		}
		return arr.Value(), true
	case bytecode.RtDefineClass:
		return in.defineClass(h.NewHandle(arg(0)), h.NewHandle(arg(1)), arg(2).SmiValue(), h.NewHandle(arg(3)))
	case bytecode.RtSuperCall, bytecode.RtSuperCallSpread:
		fp := int(in.top().fp)
		return in.superCall(in.stack[fp+bytecode.FrameClosure], in.stack[fp+bytecode.FrameNewTarget], first, argc, id == bytecode.RtSuperCallSpread)
	case bytecode.RtMapArguments:
		fp := int(in.frames[len(in.frames)-1].fp)
		return in.mapArguments(h.NewHandle(arg(0)), arg(1), fp), true
	case bytecode.RtSuperCallFrom, bytecode.RtSuperCallFromSpread:
		return in.superCall(arg(0), arg(1), first+2, argc-2, id == bytecode.RtSuperCallFromSpread)
	case bytecode.RtLoadSuperProperty:
		fn, recv := h.NewHandle(arg(0)), h.NewHandle(arg(2))
		k, ok := in.ToPropertyKey(arg(1))
		if !ok {
			return 0, false
		}
		home, found := f.GetProperty(fn.Value(), in.intrinsics[PrivateHomeObject])
		if !found {
			return in.ThrowError(SyntaxError, "'super' keyword unexpected here")
		}
		proto := f.GetPrototype(home)
		if proto == in.null {
			return in.undefined, true
		}
		return in.getWithReceiver(proto, k, recv.Value())
	case bytecode.RtStoreSuperProperty:
		v, recv := h.NewHandle(arg(2)), h.NewHandle(arg(3))
		k, ok := in.ToPropertyKey(arg(1))
		if !ok {
			return 0, false
		}
		if !in.Set(recv.Value(), k, v.Value(), true) {
			return 0, false
		}
		return v.Value(), true
	case bytecode.RtInitializeInstance:
		inst := h.NewHandle(arg(0))
		fn := in.stack[int(in.top().fp)+bytecode.FrameClosure]
		if argc > 1 {
			fn = arg(1)
		}
		if init, found := f.GetProperty(fn, in.intrinsics[PrivateInstanceInit]); found && init != in.undefined {
			if _, ok := in.Call(init, inst.Value()); !ok {
				return 0, false
			}
		}
		return inst.Value(), true
	case bytecode.RtAwait:
		return in.await(h.NewHandle(arg(0)), h.NewHandle(arg(1)))
	case bytecode.RtAwaitYield:
		gen := h.NewHandle(arg(0))
		v, ok := in.await(gen, h.NewHandle(arg(1)))
		if st, isGen := in.generatorState(gen.Value()); ok && isGen {
			in.f.Set(st, genUncounted, layout.Smi(1))
		}
		return v, ok
	case bytecode.RtAsyncFunctionResolve, bytecode.RtAsyncFunctionReject:
		return in.asyncFunctionSettle(h.NewHandle(arg(0)), arg(1), id == bytecode.RtAsyncFunctionReject)
	case bytecode.RtGetAsyncIterator:
		return in.getAsyncIterator(arg(0))
	case bytecode.RtThrowTypeError:
		return in.ThrowError(TypeError, f.StringToGo(arg(0)))
	case bytecode.RtThrowReferenceError:
		return in.ThrowError(ReferenceError, f.StringToGo(arg(0)))
	case bytecode.RtModuleExportChanged:
		v := h.NewHandle(arg(0))
		in.exportChanged(v, arg(1).SmiValue(), arg(2).SmiValue())
		return v.Value(), true
	case bytecode.RtDynamicImport:
		return in.dynamicImport(h.NewHandle(arg(0)), h.NewHandle(arg(1)))
	case bytecode.RtImportMeta:
		return in.importMeta(arg(0).SmiValue())
	case bytecode.RtToObject:
		v := arg(0)
		if arg(1) == in.trueV && in.IsNullish(v) {
			s := in.displayValue(v)
			return in.ThrowError(TypeError, "Cannot destructure '"+s+"' as it is "+s+".")
		}
		return in.ToObject(v)
	case bytecode.RtIteratorClose:
		return in.iteratorClose(h.NewHandle(arg(0)), argc > 1 && arg(1) == in.trueV)
	case bytecode.RtCreateTemplateObject:
		return in.createTemplateObject(h.NewHandle(arg(0)), h.NewHandle(arg(1)))
	case bytecode.RtObjectRest:
		src := h.NewHandle(arg(0))
		var excluded []KeyHandle
		for i := 1; i < argc; i++ {
			k, ok := in.ToPropertyKey(in.stack[first+i])
			if !ok {
				return 0, false
			}
			excluded = append(excluded, in.HandleKey(k))
		}
		target := f.NewPlainObject()
		if !in.CopyDataProperties(target, src.Value(), excluded) {
			return 0, false
		}
		return target.Value(), true
	case bytecode.RtIteratorRest:
		return in.iteratorRest(h.NewHandle(arg(0)), h.NewHandle(arg(1)))
	case bytecode.RtIteratorToArray:
		start := 0
		if argc > 1 {
			start = arg(1).SmiValue()
		}
		arr, ok := in.iterableToArray(arg(0))
		if !ok {
			return 0, false
		}
		if start == 0 {
			if arr.Value() == in.stack[first] {
				return in.copyArray(arr, 0).Value(), true
			}
			return arr.Value(), true
		}
		return in.copyArray(arr, start).Value(), true
	case bytecode.RtSetHomeObject:
		fn := h.NewHandle(arg(0))
		f.DefineProperty(fn, h.NewHandle(in.intrinsics[PrivateHomeObject]), h.NewHandle(arg(1)), objects.AttrDontEnum)
		return fn.Value(), true
	case bytecode.RtCreatePrivateName:
		return f.NewPrivateSymbol(h.NewHandle(arg(0))).Value(), true
	case bytecode.RtLoadPrivate:
		return in.loadPrivate(arg(0), arg(1))
	case bytecode.RtStorePrivate:
		return in.storePrivate(h.NewHandle(arg(0)), h.NewHandle(arg(1)), h.NewHandle(arg(2)))
	case bytecode.RtDefinePrivate:
		obj, name, v := h.NewHandle(arg(0)), h.NewHandle(arg(1)), h.NewHandle(arg(2))
		if !in.IsObject(obj.Value()) {
			return in.ThrowError(TypeError, "Cannot define private member on a non-object")
		}
		if f.HasOwnProperty(obj.Value(), name.Value()) {
			return in.ThrowError(TypeError, "Cannot initialize "+in.privateText(name.Value())+" twice on the same object")
		}
		f.DefineProperty(obj, name, v, objects.AttrNone)
		return v.Value(), true
	case bytecode.RtHasPrivate:
		obj := arg(0)
		if !in.IsObject(obj) {
			return in.ThrowError(TypeError, "Cannot use 'in' operator to search for '"+in.privateText(arg(1))+"' in "+in.displayValue(obj))
		}
		_, kind := in.privateLookup(obj, arg(1))
		return in.Bool(kind != propNone), true
	case bytecode.RtDefinePrivateMethod:
		home, name, fn := h.NewHandle(arg(0)), h.NewHandle(arg(1)), h.NewHandle(arg(2))
		f.DefineProperty(home, name, fn, objects.AttrReadOnly|objects.AttrDontEnum|objects.AttrDontDelete)
		return fn.Value(), true
	case bytecode.RtSetPrototypeLiteral:
		obj, proto := h.NewHandle(arg(0)), h.NewHandle(arg(1))
		if in.IsObject(proto.Value()) || proto.Value() == in.null {
			f.SetPrototype(obj, proto)
		}
		return obj.Value(), true
	}
	return in.ThrowError(Error, "unimplemented runtime function "+id.String())
}

// newScriptContext creates the script context of a script's top-level
// lexical bindings (all in the TDZ) after checking them against earlier
// scripts' bindings and the global object's non-configurable properties.
func (in *Interp) newScriptContext(si heap.Handle) (layout.Value, bool) {
	h, f := in.h, in.f
	n := f.ScopeInfoContextLocalCount(si.Value())
	for i := 0; i < n; i++ {
		name := f.ScopeInfoContextLocalName(si.Value(), i)
		if name == in.names[NameThis] {
			continue
		}
		if _, j := in.lookupScriptContext(name); j >= 0 {
			return in.ThrowError(SyntaxError, "Identifier '"+f.StringToGo(name)+"' has already been declared")
		}
		if _, det, ok := f.GetOwnProperty(in.intrinsics[GlobalObject], name); ok && !det.Attributes().Configurable() {
			return in.ThrowError(SyntaxError, "Identifier '"+f.StringToGo(name)+"' has already been declared")
		}
	}
	ctx := f.NewBlockContext(si, h.NewHandle(in.intrinsics[NativeContext]), n)
	for i := 0; i < n; i++ {
		f.SetContextSlot(ctx.Value(), layout.ContextMinSlots+i, in.hole)
	}
	in.scriptContexts = append(in.scriptContexts, ctx.Value())
	return ctx.Value(), true
}

func (in *Interp) defineGlobalVar(name heap.Handle) (layout.Value, bool) {
	f := in.f
	if _, i := in.lookupScriptContext(name.Value()); i >= 0 {
		return in.ThrowError(SyntaxError, "Identifier '"+f.StringToGo(name.Value())+"' has already been declared")
	}
	g := in.h.NewHandle(in.intrinsics[GlobalObject])
	if !f.HasOwnProperty(g.Value(), name.Value()) {
		f.DefineProperty(g, name, in.h.NewHandle(in.undefined), in.globalDeclAttrs())
	}
	return in.undefined, true
}

func (in *Interp) defineGlobalFunction(name, fn heap.Handle) (layout.Value, bool) {
	f := in.f
	if _, i := in.lookupScriptContext(name.Value()); i >= 0 {
		return in.ThrowError(SyntaxError, "Identifier '"+f.StringToGo(name.Value())+"' has already been declared")
	}
	g := in.h.NewHandle(in.intrinsics[GlobalObject])
	if _, det, ok := f.GetOwnProperty(g.Value(), name.Value()); ok && !det.Attributes().Configurable() {
		f.SetProperty(g, name, fn)
	} else {
		f.DefineProperty(g, name, fn, in.globalDeclAttrs())
	}
	return in.undefined, true
}

// globalDeclAttrs are the attributes of a global var or function a
// declaration creates: not deletable, unless eval code declares it.
func (in *Interp) globalDeclAttrs() objects.PropertyAttributes {
	fn := in.stack[int(in.top().fp)+bytecode.FrameClosure]
	if rec := in.scriptOf(in.f.FunctionShared(fn)); rec != nil && rec.unit.Eval {
		return objects.AttrNone
	}
	return objects.AttrDontDelete
}

// defineAccessor defines (or merges into) an accessor property.
func (in *Interp) defineAccessor(obj heap.Handle, key layout.Value, getter, setter heap.Handle, enumerable bool) (layout.Value, bool) {
	h, f := in.h, in.f
	k, ok := in.ToPropertyKey(key)
	if !ok {
		return 0, false
	}
	name := in.KeyString(k)
	nh := h.NewHandle(name)
	if cur, det, found := f.GetOwnProperty(obj.Value(), name); found && det.Kind() == objects.KindAccessor {
		if getter.Value() == in.undefined {
			getter.Set(f.AccessorPairGetter(cur))
		}
		if setter.Value() == in.undefined {
			setter.Set(f.AccessorPairSetter(cur))
		}
	}
	attrs := objects.AttrNone
	if !enumerable {
		attrs = objects.AttrDontEnum
	}
	var g, s heap.Handle
	if getter.Value() != in.undefined {
		g = getter
	}
	if setter.Value() != in.undefined {
		s = setter
	}
	f.DefineAccessor(obj, nh, g, s, attrs)
	return obj.Value(), true
}

// CopyDataProperties copies source's own enumerable properties to target
// (object spread, Object.assign without setters), skipping excluded keys.
func (in *Interp) CopyDataProperties(target heap.Handle, source layout.Value, excluded []KeyHandle) bool {
	h, f := in.h, in.f
	if in.IsNullish(source) {
		return true
	}
	if in.IsString(source) {
		sh := h.NewHandle(source)
		for i := 0; i < f.StringLength(sh.Value()); i++ {
			s := h.OpenScope()
			c := in.charString(sh.Value(), i)
			in.DefineOwn(target.Value(), IndexKey(uint32(i)), c, objects.AttrNone)
			s.Close()
		}
		return true
	}
	if !in.IsObject(source) {
		return true
	}
	src := h.NewHandle(source)
	proxy := in.IsProxy(source)
	var keys heap.Handle
	if proxy {
		var ok bool
		if keys, ok = in.OwnPropertyKeys(source); !ok {
			return false
		}
	} else {
		keys = f.OwnKeys(src, objects.OnlyEnumerable)
	}
	n := f.Length(keys.Value())
outer:
	for i := 0; i < n; i++ {
		s := h.OpenScope()
		kv := f.Get(keys.Value(), i)
		var k Key
		if kv.IsSmi() {
			k = IndexKey(uint32(kv.SmiValue()))
		} else {
			k = NameKey(kv)
		}
		for _, x := range excluded {
			if x.Key() == k {
				s.Close()
				continue outer
			}
		}
		if proxy {
			d, found, ok := in.GetOwnPropertyDescriptor(src.Value(), k)
			if !ok {
				s.Close()
				return false
			}
			if !found || !d.Enumerable {
				s.Close()
				continue
			}
			k = KeyOf(f.Get(keys.Value(), i))
		}
		v, ok := in.Get(src.Value(), k)
		if !ok {
			s.Close()
			return false
		}
		k.Name = f.Get(keys.Value(), i)
		if k.IsIndex {
			k.Name = 0
		}
		in.DefineOwn(target.Value(), k, v, objects.AttrNone)
		s.Close()
	}
	return true
}

// defineClass links a class's prototype chains (see RtDefineClass).
func (in *Interp) defineClass(ctor, parent heap.Handle, flags int, instanceInit heap.Handle) (layout.Value, bool) {
	h, f := in.h, in.f
	protoParent := h.NewHandle(in.intrinsics[ObjectPrototype])
	ctorParent := h.NewHandle(in.intrinsics[FunctionPrototype])
	if flags&1 != 0 {
		p := parent.Value()
		switch {
		case p == in.null:
			protoParent.Set(in.null)
		case !in.isConstructor(p):
			return in.ThrowError(TypeError, "Class extends value "+in.displayValue(p)+" is not a constructor or null")
		default:
			pp, ok := in.GetName(p, NamePrototype)
			if !ok {
				return 0, false
			}
			if pp != in.null && !in.IsObject(pp) {
				return in.ThrowError(TypeError, "Class extends value does not have valid prototype property "+in.displayValue(pp))
			}
			protoParent.Set(pp)
			ctorParent.Set(parent.Value())
		}
	}
	proto := in.NewObject(protoParent.Value())
	f.DefineProperty(proto, h.NewHandle(in.names[NameConstructor]), ctor, objects.AttrDontEnum)
	f.SetFunctionPrototypeOrInitialMap(ctor.Value(), proto.Value())
	if ctorParent.Value() != in.intrinsics[FunctionPrototype] {
		f.SetPrototype(ctor, ctorParent)
	}
	if instanceInit.Value() != in.undefined {
		f.DefineProperty(ctor, h.NewHandle(in.intrinsics[PrivateInstanceInit]), instanceInit, objects.AttrDontEnum)
	}
	return proto.Value(), true
}

// isConstructor reports whether new may be applied to v.
func (in *Interp) isConstructor(v layout.Value) bool {
	if in.IsProxy(v) {
		return in.proxyFlags(v)&layout.JSProxyConstructor != 0
	}
	if !in.isFunction(v) {
		return false
	}
	return in.f.SharedFlags(in.f.FunctionShared(v))&sharedNotConstructor == 0
}

// superCall is super(…): construct the parent of fn (the derived
// constructor) with new.target nt.
func (in *Interp) superCall(fn, ntv layout.Value, first, argc int, spread bool) (layout.Value, bool) {
	h, f := in.h, in.f
	nt := h.NewHandle(ntv)
	parent := h.NewHandle(f.GetPrototype(fn))
	if !in.isConstructor(parent.Value()) {
		// V8 names the running function: the constructor, or the arrow
		// function calling super().
		name := in.f.StringToGo(f.SharedName(f.FunctionShared(in.stack[int(in.top().fp)+bytecode.FrameClosure])))
		if name == "" {
			name = "anonymous class"
		}
		return in.ThrowError(TypeError, "Super constructor "+in.displayValue(parent.Value())+" of "+name+" is not a constructor")
	}
	args := make([]layout.Value, 0, argc)
	n := argc
	if spread {
		n--
	}
	for i := 0; i < n; i++ {
		args = append(args, in.stack[first+i])
	}
	if spread {
		base := in.pushTemp(in.undefined)
		in.temps = append(in.temps, args...)
		arr, ok := in.iterableToArray(in.stack[first+argc-1])
		if !ok {
			in.popTemps(base)
			return 0, false
		}
		for i := range args {
			args[i] = in.temps[base+1+i]
		}
		in.popTemps(base)
		a := arr.Value()
		for i := uint32(0); i < f.ArrayLength(a); i++ {
			v, found := f.GetElement(a, i)
			if !found {
				v = in.undefined
			}
			args = append(args, v)
		}
	}
	return in.Construct(parent.Value(), args, nt.Value())
}

// createTemplateObject makes the strings array of a tagged template.
func (in *Interp) createTemplateObject(cooked, raw heap.Handle) (layout.Value, bool) {
	h, f := in.h, in.f
	toArray := func(fa heap.Handle) heap.Handle {
		n := f.Length(fa.Value())
		arr := f.NewJSArray(n)
		for i := 0; i < n; i++ {
			s := h.OpenScope()
			f.ArrayPush(arr, h.NewHandle(f.Get(fa.Value(), i)))
			s.Close()
		}
		return arr
	}
	c := toArray(cooked)
	r := toArray(raw)
	f.DefineProperty(c, h.NewHandle(in.InternalizeGo("raw").Value()), r, objects.AttrDontEnum)
	f.PreventExtensions(r)
	f.PreventExtensions(c)
	return c.Value(), true
}

// copyArray returns a new array of arr's elements from start on.
func (in *Interp) copyArray(arr heap.Handle, start int) heap.Handle {
	h, f := in.h, in.f
	n := int(f.ArrayLength(arr.Value()))
	out := f.NewJSArray(max(n-start, 0))
	for i := start; i < n; i++ {
		v, found := f.GetElement(arr.Value(), uint32(i))
		if !found {
			v = in.undefined
		}
		s := h.OpenScope()
		f.ArrayPush(out, h.NewHandle(v))
		s.Close()
	}
	return out
}

// privateText renders a private name (its symbol's description, "#x").
func (in *Interp) privateText(sym layout.Value) string {
	if d := in.f.SymbolDescription(sym); d != in.undefined {
		return in.f.StringToGo(d)
	}
	return "#<private>"
}

// privateLookup finds a private name on obj: an own field, or a method or
// accessor on its prototype chain (where the class put it; V8 checks a
// brand instead). It does not allocate.
func (in *Interp) privateLookup(obj, name layout.Value) (layout.Value, propKind) {
	f := in.f
	for o := obj; o != in.null && in.IsObject(o); o = f.GetPrototype(o) {
		if v, det, ok := f.GetOwnProperty(o, name); ok {
			if det.Kind() == objects.KindAccessor {
				return v, propAccessor
			}
			return v, propData
		}
	}
	return 0, propNone
}

func (in *Interp) loadPrivate(obj, name layout.Value) (layout.Value, bool) {
	if in.IsObject(obj) {
		v, kind := in.privateLookup(obj, name)
		switch kind {
		case propData:
			return v, true
		case propAccessor:
			g := in.f.AccessorPairGetter(v)
			if g == in.undefined {
				return in.ThrowError(TypeError, "'"+in.privateText(name)+"' was defined without a getter")
			}
			return in.Call(g, obj)
		}
	}
	return in.ThrowError(TypeError, "Cannot read private member "+in.privateText(name)+" from an object whose class did not declare it")
}

func (in *Interp) storePrivate(obj, name, v heap.Handle) (layout.Value, bool) {
	f := in.f
	if in.IsObject(obj.Value()) {
		cur, kind := in.privateLookup(obj.Value(), name.Value())
		switch kind {
		case propData:
			if _, det, own := f.GetOwnProperty(obj.Value(), name.Value()); own && det.Attributes().Writable() {
				f.SetProperty(obj, name, v)
				return v.Value(), true
			}
			return in.ThrowError(TypeError, "Private method is not writable")
		case propAccessor:
			s := f.AccessorPairSetter(cur)
			if s == in.undefined {
				return in.ThrowError(TypeError, "'"+in.privateText(name.Value())+"' was defined without a setter")
			}
			if _, ok := in.Call(s, obj.Value(), v.Value()); !ok {
				return 0, false
			}
			return v.Value(), true
		}
	}
	return in.ThrowError(TypeError, "Cannot write private member "+in.privateText(name.Value())+" to an object whose class did not declare it")
}

package builtins

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

func (b *installer) object() {
	in := b.in
	proto := b.intrinsic(interp.ObjectPrototype)
	c := b.constructor("Object", 1, objectConstructor, proto)
	in.SetIntrinsic(interp.ObjectFunction, c.Value())
	b.methods(c, []fn{
		{"assign", 2, objectAssign},
		{"getOwnPropertyDescriptor", 2, objectGetOwnPropertyDescriptor},
		{"getOwnPropertyDescriptors", 1, objectGetOwnPropertyDescriptors},
		{"getOwnPropertyNames", 1, objectGetOwnPropertyNames},
		{"getOwnPropertySymbols", 1, objectGetOwnPropertySymbols},
		{"hasOwn", 2, objectHasOwn},
		{"is", 2, objectIs},
		{"preventExtensions", 1, objectPreventExtensions},
		{"seal", 1, objectSeal},
		{"create", 2, objectCreate},
		{"defineProperties", 2, objectDefineProperties},
		{"defineProperty", 3, objectDefineProperty},
		{"freeze", 1, objectFreeze},
		{"getPrototypeOf", 1, objectGetPrototypeOf},
		{"setPrototypeOf", 2, objectSetPrototypeOf},
		{"isExtensible", 1, objectIsExtensible},
		{"isFrozen", 1, objectIsFrozen},
		{"isSealed", 1, objectIsSealed},
		{"keys", 1, objectKeys},
		{"entries", 1, objectEntries},
		{"fromEntries", 1, objectFromEntries},
		{"values", 1, objectValues},
	})
	// V8's order, Annex B's legacy accessor methods among them.
	b.methods(proto, []fn{
		{"__defineGetter__", 2, legacyDefineGetter},
		{"__defineSetter__", 2, legacyDefineSetter},
		{"hasOwnProperty", 1, objectHasOwnProperty},
		{"__lookupGetter__", 1, legacyLookupGetter},
		{"__lookupSetter__", 1, legacyLookupSetter},
		{"isPrototypeOf", 1, objectIsPrototypeOf},
		{"propertyIsEnumerable", 1, objectPropertyIsEnumerable},
		{"toString", 0, objectToString},
		{"valueOf", 0, objectValueOf},
	})
	get := in.NewNativeFunction("get __proto__", 0, protoGetter, 0)
	set := in.NewNativeFunction("set __proto__", 1, protoSetter, 0)
	in.DefineAccessorProperty(proto, interp.NameKey(in.Name(interp.NameProto)), get, set, objects.AttrDontEnum)
	b.methods(proto, []fn{{"toLocaleString", 0, objectToLocaleString}})
}

func objectConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	nt := a.NewTarget()
	if nt != in.Undefined() && nt != a.Callee() {
		o, ok := in.OrdinaryCreateFromConstructor(nt, interp.ObjectPrototype)
		if !ok {
			return 0, false
		}
		return o.Value(), true
	}
	v := a.Arg(0)
	if in.IsNullish(v) {
		return in.NewObject(in.Intrinsic(interp.ObjectPrototype)).Value(), true
	}
	return in.ToObject(v)
}

// toObjectArg converts argument i with ToObject.
func toObjectArg(in *interp.Interp, a interp.Args, i int) (layout.Value, bool) {
	return in.ToObject(a.Arg(i))
}

// ownKeys returns the FixedArray of obj's own keys (Smi indices and names)
// plus, unless onlyEnumerable, the built-in properties of arrays and
// functions (length, name, prototype).
func ownKeys(in *interp.Interp, obj heap.Handle, filter objects.PropertyFilter) heap.Handle {
	f := in.Factory()
	keys := f.OwnKeys(obj, filter)
	if filter&objects.SkipStrings == 0 {
		keys = in.WithTypedArrayIndices(obj, keys)
	}
	if filter&objects.OnlyEnumerable != 0 || filter&objects.SkipStrings != 0 {
		return keys
	}
	var extra []interp.Name
	if in.IsArray(obj.Value()) {
		extra = []interp.Name{interp.NameLength}
	} else if in.IsCallable(obj.Value()) {
		for _, n := range []interp.Name{interp.NameLength, interp.NameName, interp.NameArguments, interp.NameCaller, interp.NamePrototype} {
			if _, _, _, found := in.OwnProperty(obj.Value(), interp.NameKey(in.Name(n))); found && !f.HasOwnProperty(obj.Value(), in.Name(n)) {
				extra = append(extra, n)
			}
		}
	}
	if len(extra) == 0 {
		return keys
	}
	n := f.Length(keys.Value())
	out := f.NewFixedArray(n+len(extra), heap.NewSpace)
	i := 0
	for ; i < n && f.Get(keys.Value(), i).IsSmi(); i++ {
		f.Set(out.Value(), i, f.Get(keys.Value(), i))
	}
	for j, e := range extra {
		f.Set(out.Value(), i+j, in.Name(e))
	}
	for ; i < n; i++ {
		f.Set(out.Value(), i+len(extra), f.Get(keys.Value(), i))
	}
	return out
}

// keyValue returns an OwnKeys entry as a JavaScript value (indices as
// strings).
func keyValue(in *interp.Interp, k layout.Value) layout.Value {
	if k.IsSmi() {
		return in.KeyString(interp.IndexKey(uint32(k.SmiValue())))
	}
	return k
}

// listKeys builds the array Object.keys/values/entries return.
func listKeys(in *interp.Interp, a interp.Args, kind int) (layout.Value, bool) {
	o, ok := toObjectArg(in, a, 0)
	if !ok {
		return 0, false
	}
	h, f := in.Heap(), in.Factory()
	oh := h.NewHandle(o)
	if in.IsProxy(o) {
		return listProxyKeys(in, oh, kind)
	}
	keys := ownKeys(in, oh, objects.OnlyEnumerable|objects.SkipSymbols)
	n := f.Length(keys.Value())
	arr := f.NewJSArray(n)
	for i := 0; i < n; i++ {
		s := h.OpenScope()
		k := keys.Value()
		kv := f.Get(k, i)
		var v layout.Value
		switch kind {
		case 0:
			v = keyValue(in, kv)
		default:
			val, ok := in.Get(oh.Value(), interp.KeyOf(kv))
			if !ok {
				s.Close()
				return 0, false
			}
			if kind == 2 {
				vh := h.NewHandle(val)
				kh := h.NewHandle(keyValue(in, f.Get(keys.Value(), i)))
				pair := in.NewArray([]layout.Value{kh.Value(), vh.Value()})
				val = pair.Value()
			}
			v = val
		}
		in.PushValue(arr, v)
		s.Close()
	}
	return arr.Value(), true
}

func objectKeys(in *interp.Interp, a interp.Args) (layout.Value, bool)    { return listKeys(in, a, 0) }
func objectValues(in *interp.Interp, a interp.Args) (layout.Value, bool)  { return listKeys(in, a, 1) }
func objectEntries(in *interp.Interp, a interp.Args) (layout.Value, bool) { return listKeys(in, a, 2) }

func objectAssign(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	t, ok := toObjectArg(in, a, 0)
	if !ok {
		return 0, false
	}
	h, f := in.Heap(), in.Factory()
	target := h.NewHandle(t)
	for i := 1; i < a.Len(); i++ {
		src := a.Arg(i)
		if in.IsNullish(src) {
			continue
		}
		so, ok := in.ToObject(src)
		if !ok {
			return 0, false
		}
		sh := h.NewHandle(so)
		if in.IsProxy(so) {
			if !assignFromProxy(in, target, sh) {
				return 0, false
			}
			continue
		}
		keys := f.OwnKeys(sh, objects.OnlyEnumerable)
		for j := 0; j < f.Length(keys.Value()); j++ {
			s := h.OpenScope()
			k := interp.KeyOf(f.Get(keys.Value(), j))
			v, ok := in.Get(sh.Value(), k)
			if !ok {
				s.Close()
				return 0, false
			}
			k = interp.KeyOf(f.Get(keys.Value(), j))
			if !in.Set(target.Value(), k, v, true) {
				s.Close()
				return 0, false
			}
			s.Close()
		}
	}
	return target.Value(), true
}

func objectCreate(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	p := a.Arg(0)
	if p != in.Null() && !in.IsObject(p) {
		return in.ThrowError(interp.TypeError, "Object prototype may only be an Object or null: "+displayArg(in, p))
	}
	o := in.NewObject(p)
	if props := a.Arg(1); props != in.Undefined() {
		if !defineProperties(in, o, props) {
			return 0, false
		}
	}
	return o.Value(), true
}

func objectGetPrototypeOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, ok := toObjectArg(in, a, 0)
	if !ok {
		return 0, false
	}
	return in.GetPrototypeOf(o)
}

func objectSetPrototypeOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, p := a.Arg(0), a.Arg(1)
	if in.IsNullish(o) {
		return in.ThrowError(interp.TypeError, "Object.setPrototypeOf called on null or undefined")
	}
	if p != in.Null() && !in.IsObject(p) {
		return in.ThrowError(interp.TypeError, "Object prototype may only be an Object or null: "+displayArg(in, p))
	}
	if !in.IsObject(o) {
		return o, true
	}
	h := in.Heap()
	if !setPrototypeChecked(in, h.NewHandle(o), h.NewHandle(p)) {
		return 0, false
	}
	return a.Arg(0), true
}

// setPrototypeChecked sets obj's prototype, refusing cycles.
func setPrototypeChecked(in *interp.Interp, obj, proto heap.Handle) bool {
	f := in.Factory()
	if in.IsProxy(obj.Value()) {
		done, ok := in.SetPrototypeOf(obj.Value(), proto.Value())
		if ok && !done {
			in.ThrowError(interp.TypeError, "'setPrototypeOf' on proxy: trap returned falsish")
			return false
		}
		return ok
	}
	for p := proto.Value(); p != in.Null(); p = f.GetPrototype(p) {
		if p == obj.Value() {
			in.ThrowError(interp.TypeError, "Cyclic __proto__ value")
			return false
		}
	}
	if f.GetPrototype(obj.Value()) == proto.Value() {
		return true
	}
	if !f.IsExtensible(obj.Value()) {
		in.ThrowError(interp.TypeError, "#<Object> is not extensible")
		return false
	}
	f.SetPrototype(obj, proto)
	return true
}

func protoGetter(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, ok := thisObject(in, a, "Object.prototype.__proto__")
	if !ok {
		return 0, false
	}
	return in.GetPrototypeOf(o)
}

func protoSetter(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, p := a.This(), a.Arg(0)
	if !in.IsObject(o) || (p != in.Null() && !in.IsObject(p)) {
		return in.Undefined(), true
	}
	h := in.Heap()
	if !setPrototypeChecked(in, h.NewHandle(o), h.NewHandle(p)) {
		return 0, false
	}
	return in.Undefined(), true
}

// defineFromDescriptor is Object.defineProperty(obj, key, desc): a
// TypeError when the definition is refused.
func defineFromDescriptor(in *interp.Interp, obj heap.Handle, kh interp.KeyHandle, desc layout.Value) bool {
	d, ok := in.ToPropertyDescriptor(desc)
	if !ok {
		return false
	}
	done, ok := in.DefineOwnProperty(obj, kh, &d)
	if !ok {
		return false
	}
	if !done {
		switch {
		case in.IsProxy(obj.Value()):
			in.ThrowError(interp.TypeError, "'defineProperty' on proxy: trap returned falsish for property '"+keyText(in, kh.Key())+"'")
		case !in.HasOwnProperty(obj.Value(), kh.Key()) && !in.Factory().IsExtensible(obj.Value()):
			in.ThrowError(interp.TypeError, "Cannot define property "+keyText(in, kh.Key())+", object is not extensible")
		default:
			in.ThrowError(interp.TypeError, "Cannot redefine property: "+keyText(in, kh.Key()))
		}
		return false
	}
	return true
}

func objectDefineProperty(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o := a.Arg(0)
	if !in.IsObject(o) {
		return in.ThrowError(interp.TypeError, "Object.defineProperty called on non-object")
	}
	h := in.Heap()
	oh := h.NewHandle(o)
	k, ok := in.ToPropertyKey(a.Arg(1))
	if !ok {
		return 0, false
	}
	if !defineFromDescriptor(in, oh, in.HandleKey(k), a.Arg(2)) {
		return 0, false
	}
	return oh.Value(), true
}

// defineProperties is Object.defineProperties(obj, props).
func defineProperties(in *interp.Interp, obj heap.Handle, props layout.Value) bool {
	h, f := in.Heap(), in.Factory()
	po, ok := in.ToObject(props)
	if !ok {
		return false
	}
	ph := h.NewHandle(po)
	keys := f.OwnKeys(ph, objects.OnlyEnumerable)
	for i := 0; i < f.Length(keys.Value()); i++ {
		s := h.OpenScope()
		desc, ok := in.Get(ph.Value(), interp.KeyOf(f.Get(keys.Value(), i)))
		if !ok || !defineFromDescriptor(in, obj, in.HandleKey(interp.KeyOf(f.Get(keys.Value(), i))), desc) {
			s.Close()
			return false
		}
		s.Close()
	}
	return true
}

func objectDefineProperties(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o := a.Arg(0)
	if !in.IsObject(o) {
		return in.ThrowError(interp.TypeError, "Object.defineProperties called on non-object")
	}
	oh := in.Heap().NewHandle(o)
	if !defineProperties(in, oh, a.Arg(1)) {
		return 0, false
	}
	return oh.Value(), true
}

func namesOrSymbols(in *interp.Interp, a interp.Args, filter objects.PropertyFilter) (layout.Value, bool) {
	o, ok := toObjectArg(in, a, 0)
	if !ok {
		return 0, false
	}
	h, f := in.Heap(), in.Factory()
	keys, ok := keysOf(in, h.NewHandle(o), filter)
	if !ok {
		return 0, false
	}
	n := f.Length(keys.Value())
	arr := f.NewJSArray(n)
	for i := 0; i < n; i++ {
		in.PushValue(arr, keyValue(in, f.Get(keys.Value(), i)))
	}
	return arr.Value(), true
}

func objectGetOwnPropertyNames(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return namesOrSymbols(in, a, objects.SkipSymbols)
}

func objectGetOwnPropertySymbols(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return namesOrSymbols(in, a, objects.SkipStrings)
}

// fromDescriptor makes the descriptor object of an own property
// (undefined when there is none).
func fromDescriptor(in *interp.Interp, obj layout.Value, k interp.Key) (layout.Value, bool) {
	return descriptorObject(in, obj, k)
}

func objectGetOwnPropertyDescriptor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, ok := toObjectArg(in, a, 0)
	if !ok {
		return 0, false
	}
	oh := in.Heap().NewHandle(o)
	k, ok := in.ToPropertyKey(a.Arg(1))
	if !ok {
		return 0, false
	}
	return fromDescriptor(in, oh.Value(), k)
}

func objectGetOwnPropertyDescriptors(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, ok := toObjectArg(in, a, 0)
	if !ok {
		return 0, false
	}
	h, f := in.Heap(), in.Factory()
	oh := h.NewHandle(o)
	out := f.NewPlainObject()
	keys, ok := keysOf(in, oh, objects.AllProperties)
	if !ok {
		return 0, false
	}
	for i := 0; i < f.Length(keys.Value()); i++ {
		s := h.OpenScope()
		k := interp.KeyOf(f.Get(keys.Value(), i))
		d, ok := fromDescriptor(in, oh.Value(), k)
		if !ok {
			s.Close()
			return 0, false
		}
		if d == in.Undefined() {
			s.Close()
			continue
		}
		in.DefineOwn(out.Value(), interp.KeyOf(f.Get(keys.Value(), i)), d, objects.AttrNone)
		s.Close()
	}
	return out.Value(), true
}

// setIntegrity freezes or seals obj: every own property becomes
// non-configurable (and, frozen, data properties read-only), then obj
// non-extensible. Elements keep their attributes (a gap: the object model
// has no per-element attributes).
func setIntegrity(in *interp.Interp, o layout.Value, freeze bool) layout.Value {
	if !in.IsObject(o) {
		return o
	}
	h, f := in.Heap(), in.Factory()
	oh := h.NewHandle(o)
	// Elements cannot carry attributes: they move to named properties.
	elems := f.OwnKeys(oh, objects.SkipSymbols)
	for i := 0; i < f.Length(elems.Value()); i++ {
		s := h.OpenScope()
		if kv := f.Get(elems.Value(), i); kv.IsSmi() {
			k := interp.IndexKey(uint32(kv.SmiValue()))
			v, _, _, _ := in.OwnProperty(oh.Value(), k)
			attrs := objects.AttrDontDelete
			if freeze {
				attrs |= objects.AttrReadOnly
			}
			in.DefineOwn(oh.Value(), k, v, attrs)
		}
		s.Close()
	}
	if freeze && in.IsArray(oh.Value()) {
		in.SetArrayLengthReadOnly(oh)
	}
	keys := f.OwnKeys(oh, objects.AllProperties)
	for i := 0; i < f.Length(keys.Value()); i++ {
		s := h.OpenScope()
		kv := f.Get(keys.Value(), i)
		if kv.IsSmi() {
			s.Close()
			continue
		}
		v, det, _ := f.GetOwnProperty(oh.Value(), kv)
		attrs := det.Attributes() | objects.AttrDontDelete
		if det.Kind() == objects.KindAccessor {
			pair := h.NewHandle(v)
			in.DefineAccessorProperty(oh, interp.NameKey(kv), h.NewHandle(f.AccessorPairGetter(pair.Value())), h.NewHandle(f.AccessorPairSetter(pair.Value())), attrs)
		} else {
			if freeze {
				attrs |= objects.AttrReadOnly
			}
			f.DefineProperty(oh, h.NewHandle(kv), h.NewHandle(v), attrs)
		}
		s.Close()
	}
	f.PreventExtensions(oh)
	return oh.Value()
}

func testIntegrity(in *interp.Interp, o layout.Value, frozen bool) bool {
	if !in.IsObject(o) {
		return true
	}
	h, f := in.Heap(), in.Factory()
	if f.IsExtensible(o) {
		return false
	}
	if frozen && in.IsArray(o) {
		if _, _, attrs, _ := in.OwnProperty(o, interp.NameKey(in.Name(interp.NameLength))); attrs.Writable() {
			return false
		}
	}
	oh := h.NewHandle(o)
	keys := f.OwnKeys(oh, objects.AllProperties)
	for i := 0; i < f.Length(keys.Value()); i++ {
		kv := f.Get(keys.Value(), i)
		if kv.IsSmi() {
			// A plain element is configurable; a mapped arguments
			// index has attributes of its own.
			_, accessor, a, _ := in.OwnProperty(oh.Value(), interp.IndexKey(uint32(kv.SmiValue())))
			if a.Configurable() || frozen && !accessor && a.Writable() {
				return false
			}
			continue
		}
		_, det, _ := f.GetOwnProperty(oh.Value(), kv)
		a := det.Attributes()
		if a.Configurable() || frozen && det.Kind() == objects.KindData && a.Writable() {
			return false
		}
	}
	return true
}

func objectFreeze(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if in.IsProxy(a.Arg(0)) {
		return integrityOfProxy(in, a, true)
	}
	return setIntegrity(in, a.Arg(0), true), true
}

func objectSeal(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if in.IsProxy(a.Arg(0)) {
		return integrityOfProxy(in, a, false)
	}
	return setIntegrity(in, a.Arg(0), false), true
}

// integrityOfProxy is Object.freeze/seal of a proxy.
func integrityOfProxy(in *interp.Interp, a interp.Args, freeze bool) (layout.Value, bool) {
	p := in.Handle(a.Arg(0))
	done, ok := proxyIntegrity(in, p, freeze)
	if !ok {
		return 0, false
	}
	if !done {
		return in.ThrowError(interp.TypeError, "'preventExtensions' on proxy: trap returned falsish")
	}
	return p.Value(), true
}

func objectIsFrozen(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if in.IsProxy(a.Arg(0)) {
		r, ok := proxyTestIntegrity(in, in.Handle(a.Arg(0)), true)
		return in.Bool(r), ok
	}
	return in.Bool(testIntegrity(in, a.Arg(0), true)), true
}

func objectIsSealed(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if in.IsProxy(a.Arg(0)) {
		r, ok := proxyTestIntegrity(in, in.Handle(a.Arg(0)), false)
		return in.Bool(r), ok
	}
	return in.Bool(testIntegrity(in, a.Arg(0), false)), true
}

func objectPreventExtensions(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o := a.Arg(0)
	if in.IsObject(o) {
		oh := in.Handle(o)
		done, ok := in.PreventExtensionsObject(o)
		if !ok {
			return 0, false
		}
		if !done {
			return in.ThrowError(interp.TypeError, "'preventExtensions' on proxy: trap returned falsish")
		}
		return oh.Value(), true
	}
	return a.Arg(0), true
}

func objectIsExtensible(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o := a.Arg(0)
	if !in.IsObject(o) {
		return in.Bool(false), true
	}
	r, ok := in.IsExtensibleObject(o)
	return in.Bool(r), ok
}

func objectIs(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return in.Bool(in.SameValue(a.Arg(0), a.Arg(1))), true
}

func objectFromEntries(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h, f := in.Heap(), in.Factory()
	entries, ok := in.IterableToArray(a.Arg(0))
	if !ok {
		return 0, false
	}
	out := f.NewPlainObject()
	for i := uint32(0); i < in.ArrayLength(entries.Value()); i++ {
		s := h.OpenScope()
		e := h.NewHandle(in.Element(entries.Value(), i))
		kv, ok := in.Get(e.Value(), interp.IndexKey(0))
		if !ok {
			s.Close()
			return 0, false
		}
		kh := h.NewHandle(kv)
		v, ok := in.Get(e.Value(), interp.IndexKey(1))
		if !ok {
			s.Close()
			return 0, false
		}
		vh := h.NewHandle(v)
		k, ok := in.ToPropertyKey(kh.Value())
		if !ok {
			s.Close()
			return 0, false
		}
		in.DefineOwn(out.Value(), k, vh.Value(), objects.AttrNone)
		s.Close()
	}
	return out.Value(), true
}

func hasOwn(in *interp.Interp, o, key layout.Value) (layout.Value, bool) {
	oh := in.Heap().NewHandle(o)
	k, ok := in.ToPropertyKey(key)
	if !ok {
		return 0, false
	}
	if in.IsProxy(oh.Value()) {
		_, found, ok := in.GetOwnPropertyDescriptor(oh.Value(), k)
		return in.Bool(found), ok
	}
	return in.Bool(in.HasOwnProperty(oh.Value(), k)), true
}

func objectHasOwn(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, ok := toObjectArg(in, a, 0)
	if !ok {
		return 0, false
	}
	return hasOwn(in, o, a.Arg(1))
}

func objectHasOwnProperty(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	kh := h.NewHandle(a.Arg(0))
	o, ok := thisObject(in, a, "Object.prototype.hasOwnProperty")
	if !ok {
		return 0, false
	}
	return hasOwn(in, o, kh.Value())
}

func objectIsPrototypeOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	v := a.Arg(0)
	if !in.IsObject(v) {
		return in.Bool(false), true
	}
	o, ok := thisObject(in, a, "Object.prototype.isPrototypeOf")
	if !ok {
		return 0, false
	}
	oh := in.Handle(o)
	p := a.Arg(0)
	for {
		var ok bool
		if p, ok = in.GetPrototypeOf(p); !ok {
			return 0, false
		}
		if p == in.Null() {
			return in.Bool(false), true
		}
		if p == oh.Value() {
			return in.Bool(true), true
		}
	}
}

func objectPropertyIsEnumerable(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	kh := h.NewHandle(a.Arg(0))
	o, ok := thisObject(in, a, "Object.prototype.propertyIsEnumerable")
	if !ok {
		return 0, false
	}
	oh := h.NewHandle(o)
	k, ok := in.ToPropertyKey(kh.Value())
	if !ok {
		return 0, false
	}
	if in.IsProxy(oh.Value()) {
		d, found, ok := in.GetOwnPropertyDescriptor(oh.Value(), k)
		return in.Bool(found && d.Enumerable), ok
	}
	_, _, attrs, found := in.OwnProperty(oh.Value(), k)
	return in.Bool(found && attrs.Enumerable()), true
}

// builtinTag returns the [object Tag] of Object.prototype.toString.
func builtinTag(in *interp.Interp, v layout.Value) string {
	switch {
	case v == in.Undefined():
		return "Undefined"
	case v == in.Null():
		return "Null"
	case in.IsProxy(v):
		for in.IsProxy(v) && in.ProxyTarget(v) != in.Null() {
			v = in.ProxyTarget(v)
		}
		if in.IsArray(v) {
			return "Array"
		}
		if in.IsCallable(v) {
			return "Function"
		}
		return "Object"
	case in.IsArray(v):
		return "Array"
	case in.IsCallable(v):
		return "Function"
	case in.IsNumber(v):
		return "Number"
	case in.IsString(v):
		return "String"
	case v == in.Bool(true) || v == in.Bool(false):
		return "Boolean"
	case in.IsSymbol(v):
		return "Symbol"
	}
	if in.IsObject(v) {
		if p, ok := in.PrimitiveValue(v); ok {
			return builtinTag(in, p)
		}
		if in.IsErrorObject(v) {
			return "Error"
		}
		if in.IsArgumentsObject(v) {
			return "Arguments"
		}
		if _, _, ok := regexpSlots(in, v); ok {
			return "RegExp"
		}
		if _, ok := timeValueOf(in, v); ok {
			return "Date"
		}
	}
	return "Object"
}

func objectToString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	t := a.This()
	if in.IsProxy(t) {
		if _, ok := in.IsArrayValue(t); !ok {
			return 0, false
		}
	}
	tag := builtinTag(in, t)
	if in.IsObject(t) || in.IsBigInt(t) || in.IsSymbol(t) {
		if st, ok := in.Get(t, interp.NameKey(in.Intrinsic(interp.SymbolToStringTag))); !ok {
			return 0, false
		} else if in.IsString(st) {
			tag = in.GoString(st)
		}
	}
	return in.StringValue("[object " + tag + "]"), true
}

func objectToLocaleString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	ts, ok := in.GetName(a.This(), interp.NameToString)
	if !ok {
		return 0, false
	}
	return in.Call(ts, a.This())
}

func objectValueOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return thisObject(in, a, "Object.prototype.valueOf")
}

// displayArg renders a value in error messages.
func displayArg(in *interp.Interp, v layout.Value) string {
	switch {
	case in.IsString(v):
		return in.GoString(v)
	case in.IsCallable(v):
		return "function"
	case in.IsObject(v):
		return "#<" + constructorNameOf(in, v) + ">"
	case in.IsSymbol(v):
		return symbolDescriptiveString(in, v)
	}
	s, _ := in.ToGoString(v)
	return s
}

// keyText renders a key in messages.
func keyText(in *interp.Interp, k interp.Key) string {
	if k.IsIndex {
		return in.GoString(in.KeyString(k))
	}
	if in.IsSymbol(k.Name) {
		return symbolDescriptiveString(in, k.Name)
	}
	return in.GoString(k.Name)
}

// constructorNameOf returns the name of v's constructor, or "Object".
func constructorNameOf(in *interp.Interp, v layout.Value) string {
	c, accessor, found := in.Lookup(v, interp.NameKey(in.Name(interp.NameConstructor)))
	if found && !accessor && in.IsCallable(c) {
		if n, _, _ := in.Lookup(c, interp.NameKey(in.Name(interp.NameName))); in.IsString(n) {
			if s := in.GoString(n); s != "" {
				return s
			}
		}
	}
	return "Object"
}

package interp

import (
	"errors"
	"strconv"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/compiler"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
	"github.com/sonde-js/sonde/engine/parser"
)

// Names resolved at run time (the compiler's locDynamic: inside `with`, or
// where a sloppy direct eval may have declared vars) are looked up along
// the frame's context chain, innermost first, as the specification's
// environment records are:
//
//   - a with context (ScopeInfo kind WithScope) holds its binding object in
//     the extension slot: HasProperty, then Symbol.unscopables;
//   - any other context names its slots in its ScopeInfo (with each one's
//     mode, for assignments); a var scope a sloppy eval declared into keeps
//     those vars as properties of an extension object;
//   - the chain's script or native context ends the walk: then the global
//     scope (script-context lexicals, the global object).

// dynBindingKind says where a dynamically resolved name was found.
type dynBindingKind uint8

const (
	dynGlobal    dynBindingKind = iota // not in the chain: the global scope
	dynSlot                            // a context slot
	dynWith                            // a property of a with object
	dynExtension                       // a var a sloppy eval declared (extension object property)
)

// dynBinding is the result of resolveDynamic; ctx and obj are handles in
// the caller's scope.
type dynBinding struct {
	kind dynBindingKind
	ctx  heap.Handle // dynSlot: the context
	slot int
	mode int         // dynSlot: bytecode.ModeMutable…
	obj  heap.Handle // dynWith, dynExtension: the object
}

// resolveDynamic finds the binding of name from the current frame's
// context. ok is false when a proxy trap threw.
func (in *Interp) resolveDynamic(name heap.Handle) (dynBinding, bool) {
	h, f := in.h, in.f
	fp := int(in.top().fp)
	ctx := h.NewHandle(in.stack[fp+bytecode.FrameContext])
	for {
		c := ctx.Value()
		if c == in.undefined || !in.IsContext(c) {
			break
		}
		si := f.ContextScopeInfo(c)
		if si == in.undefined {
			break
		}
		kind := f.ScopeInfoKind(si)
		if kind == objects.ScriptScope {
			break
		}
		if kind == objects.WithScope {
			obj := h.NewHandle(f.ContextExtension(c))
			found, ok := in.withHas(obj, name)
			if !ok {
				return dynBinding{}, false
			}
			if found {
				return dynBinding{kind: dynWith, obj: obj}, true
			}
		} else {
			if i := f.ScopeInfoContextSlotIndex(si, name.Value()); i >= 0 {
				return dynBinding{kind: dynSlot, ctx: ctx, slot: i, mode: f.ScopeInfoContextLocalMode(si, i-layout.ContextMinSlots)}, true
			}
			if ext := f.ContextExtension(c); ext != in.undefined && in.IsObject(ext) && in.HasOwnProperty(ext, NameKey(name.Value())) {
				return dynBinding{kind: dynExtension, obj: h.NewHandle(ext)}, true
			}
		}
		ctx = h.NewHandle(f.ContextPrevious(ctx.Value()))
	}
	return dynBinding{kind: dynGlobal}, true
}

// IsContext reports whether v is a context (function, block or native).
func (in *Interp) IsContext(v layout.Value) bool {
	if !v.IsHeapObject() {
		return false
	}
	m := in.f.MapOf(v)
	r := &in.f.Roots
	return m == r.FunctionContextMap || m == r.BlockContextMap || m == r.NativeContextMap
}

// withHas is HasBinding of an object environment record of `with`: the
// object has the property and Symbol.unscopables does not hide it.
func (in *Interp) withHas(obj, name heap.Handle) (bool, bool) {
	found, ok := in.HasPropertyOK(obj.Value(), NameKey(name.Value()))
	if !ok || !found {
		return false, ok
	}
	u, ok := in.Get(obj.Value(), NameKey(in.intrinsics[SymbolUnscopables]))
	if !ok {
		return false, false
	}
	if in.IsObject(u) {
		blocked, ok := in.Get(u, NameKey(name.Value()))
		if !ok {
			return false, false
		}
		if in.ToBoolean(blocked) {
			return false, true
		}
	}
	return true, true
}

// lookupLoad is RtLookupLoad and RtLookupLoadTypeof; with withReceiver it
// also returns the receiver of a call (the with object, else undefined).
func (in *Interp) lookupLoad(name heap.Handle, typeof bool) (layout.Value, layout.Value, bool) {
	f := in.f
	b, ok := in.resolveDynamic(name)
	if !ok {
		return 0, 0, false
	}
	switch b.kind {
	case dynSlot:
		v := f.ContextSlot(b.ctx.Value(), b.slot)
		if v == in.hole {
			in.throwErrorValue(ReferenceError, "Cannot access '"+f.StringToGo(name.Value())+"' before initialization")
			return 0, 0, false
		}
		return v, in.undefined, true
	case dynWith:
		// GetBindingValue: the property may have gone meanwhile.
		found, ok := in.HasPropertyOK(b.obj.Value(), NameKey(name.Value()))
		if !ok {
			return 0, 0, false
		}
		if !found {
			return in.undefined, b.obj.Value(), true
		}
		v, ok := in.Get(b.obj.Value(), NameKey(name.Value()))
		return v, b.obj.Value(), ok
	case dynExtension:
		v, ok := in.Get(b.obj.Value(), NameKey(name.Value()))
		return v, in.undefined, ok
	}
	return in.lookupGlobal(name, typeof)
}

// lookupGlobal is lookupLoad's global scope: script-context bindings, then
// the global object.
func (in *Interp) lookupGlobal(name heap.Handle, typeof bool) (layout.Value, layout.Value, bool) {
	f := in.f
	if ctx, i := in.lookupScriptContext(name.Value()); i >= 0 {
		v := f.ContextSlot(ctx, i)
		if v == in.hole {
			in.throwErrorValue(ReferenceError, "Cannot access '"+f.StringToGo(name.Value())+"' before initialization")
			return 0, 0, false
		}
		return v, in.undefined, true
	}
	g := in.intrinsics[GlobalObject]
	found, ok := in.HasPropertyOK(g, NameKey(name.Value()))
	if !ok {
		return 0, 0, false
	}
	if !found {
		if typeof {
			return in.undefined, in.undefined, true
		}
		in.throwErrorValue(ReferenceError, f.StringToGo(name.Value())+" is not defined")
		return 0, 0, false
	}
	v, ok := in.Get(in.intrinsics[GlobalObject], NameKey(name.Value()))
	return v, in.undefined, ok
}

// lookupStore is RtLookupStore: PutValue to a dynamically resolved name.
func (in *Interp) lookupStore(name, v heap.Handle, strict bool) (layout.Value, bool) {
	f := in.f
	b, ok := in.resolveDynamic(name)
	if !ok {
		return 0, false
	}
	switch b.kind {
	case dynSlot:
		if f.ContextSlot(b.ctx.Value(), b.slot) == in.hole {
			return in.ThrowError(ReferenceError, "Cannot access '"+f.StringToGo(name.Value())+"' before initialization")
		}
		switch b.mode {
		case int(bytecode.ModeConst):
			return in.ThrowError(TypeError, "Assignment to constant variable.")
		case int(bytecode.ModeSloppyConst):
			if strict {
				return in.ThrowError(TypeError, "Assignment to constant variable.")
			}
			return v.Value(), true
		}
		f.SetContextSlot(b.ctx.Value(), b.slot, v.Value())
		return v.Value(), true
	case dynWith:
		found, ok := in.HasPropertyOK(b.obj.Value(), NameKey(name.Value()))
		if !ok {
			return 0, false
		}
		if !found && strict {
			return in.ThrowError(ReferenceError, f.StringToGo(name.Value())+" is not defined")
		}
		if !in.Set(b.obj.Value(), NameKey(name.Value()), v.Value(), strict) {
			return 0, false
		}
		return v.Value(), true
	case dynExtension:
		if !in.Set(b.obj.Value(), NameKey(name.Value()), v.Value(), strict) {
			return 0, false
		}
		return v.Value(), true
	}
	if !in.storeGlobalStrict(name.Value(), v.Value(), strict) {
		return 0, false
	}
	return v.Value(), true
}

// storeGlobalStrict is storeGlobal with the strictness given.
func (in *Interp) storeGlobalStrict(name, v layout.Value, strict bool) bool {
	h, f := in.h, in.f
	if ctx, i := in.lookupScriptContext(name); i >= 0 {
		if f.ContextSlot(ctx, i) == in.hole {
			in.throwErrorValue(ReferenceError, "Cannot access '"+f.StringToGo(name)+"' before initialization")
			return false
		}
		if in.scriptBindingIsConst(ctx, i) {
			in.throwErrorValue(TypeError, "Assignment to constant variable.")
			return false
		}
		f.SetContextSlot(ctx, i, v)
		return true
	}
	scope := h.OpenScope()
	defer scope.Close()
	nh, vh := h.NewHandle(name), h.NewHandle(v)
	g := in.intrinsics[GlobalObject]
	if strict {
		found, ok := in.HasPropertyOK(g, NameKey(name))
		if !ok {
			return false
		}
		if !found {
			in.throwErrorValue(ReferenceError, f.StringToGo(nh.Value())+" is not defined")
			return false
		}
	}
	return in.Set(in.intrinsics[GlobalObject], NameKey(nh.Value()), vh.Value(), strict)
}

// lookupDelete is RtLookupDelete: `delete name` in sloppy code.
func (in *Interp) lookupDelete(name heap.Handle) (layout.Value, bool) {
	b, ok := in.resolveDynamic(name)
	if !ok {
		return 0, false
	}
	switch b.kind {
	case dynSlot:
		return in.falseV, true
	case dynWith, dynExtension:
		return in.deleteProperty(b.obj.Value(), name.Value(), false)
	}
	if _, i := in.lookupScriptContext(name.Value()); i >= 0 {
		return in.falseV, true
	}
	return in.deleteProperty(in.intrinsics[GlobalObject], name.Value(), false)
}

// declareEvalVar is RtDeclareEvalVar and RtDeclareEvalFunction: a sloppy
// direct eval's var (fn unset) or function declaration in the variable
// environment depth contexts out.
func (in *Interp) declareEvalVar(name heap.Handle, fn heap.Handle, depth int) (layout.Value, bool) {
	h, f := in.h, in.f
	fp := int(in.top().fp)
	ctx := h.NewHandle(f.ContextOuter(in.stack[fp+bytecode.FrameContext], depth))
	si := f.ContextScopeInfo(ctx.Value())
	if i := f.ScopeInfoContextSlotIndex(si, name.Value()); i >= 0 {
		if fn != (heap.Handle{}) {
			f.SetContextSlot(ctx.Value(), i, fn.Value())
		}
		return in.undefined, true
	}
	ext := f.ContextExtension(ctx.Value())
	if ext == in.undefined {
		obj := in.NewObject(in.null)
		f.SetContextExtension(ctx.Value(), obj.Value())
		ext = obj.Value()
	}
	eh := h.NewHandle(ext)
	if fn != (heap.Handle{}) {
		in.DefineOwn(eh.Value(), NameKey(name.Value()), fn.Value(), objects.AttrNone)
	} else if !in.HasOwnProperty(eh.Value(), NameKey(name.Value())) {
		in.DefineOwn(eh.Value(), NameKey(name.Value()), in.undefined, objects.AttrNone)
	}
	return in.undefined, true
}

// createWithContext is RtCreateWithContext.
func (in *Interp) createWithContext(obj, si heap.Handle) (layout.Value, bool) {
	h, f := in.h, in.f
	o, ok := in.ToObject(obj.Value())
	if !ok {
		return 0, false
	}
	oh := h.NewHandle(o)
	fp := int(in.top().fp)
	prev := h.NewHandle(in.stack[fp+bytecode.FrameContext])
	ctx := f.NewBlockContext(si, prev, 0)
	f.SetContextExtension(ctx.Value(), oh.Value())
	return ctx.Value(), true
}

// resolveDirectEval is RtResolveDirectEval: a call `eval(source)` of
// %eval% with a string compiles source as direct eval code in the scope of
// call site (its index in the calling unit's EvalSites) and returns the
// closure over the current context; otherwise the callee itself.
func (in *Interp) resolveDirectEval(callee, source heap.Handle, site int) (layout.Value, bool) {
	h, f := in.h, in.f
	if callee.Value() != in.intrinsics[EvalFunction] || !in.IsString(source.Value()) {
		return callee.Value(), true
	}
	fp := int(in.top().fp)
	closure := h.NewHandle(in.stack[fp+bytecode.FrameClosure])
	caller := in.scriptOf(f.FunctionShared(closure.Value()))
	if caller == nil || site < 0 || site >= len(caller.unit.EvalSites) {
		return in.ThrowError(TypeError, "direct eval: unknown call site")
	}
	es := caller.unit.EvalSites[site]
	src := f.StringToGo(source.Value())
	key := evalKey{source: src, caller: caller.id, pos: es.Pos, scope: es.Scope}
	cached, seen := in.evalCache[key]
	if cached != nil {
		sfi := in.sharedFor(cached, 0)
		if !in.compile(sfi) {
			return 0, false
		}
		ctx := h.NewHandle(in.stack[int(in.top().fp)+bytecode.FrameContext])
		return f.NewJSFunction(sfi, ctx, h.NewHandle(cached.evalCell)).Value(), true
	}
	name := "<anonymous>"
	prog, err := parser.Parse(src, parser.Options{Filename: name, Strict: es.Scope.Strict, Outer: es.Scope, EvalInParams: es.InParams})
	if err != nil {
		return in.evalSyntaxError(err, name, src)
	}
	rec := in.newScript(prog, src, name)
	rec.unit = compiler.NewEvalUnit(prog, src, caller.unit)
	rec.evalFrom = in.evalOrigin(*in.top(), es.Pos)
	if in.scriptHook != nil {
		in.scriptHook(rec.id)
	}
	sfi := in.sharedFor(rec, 0)
	if !in.compile(sfi) {
		return 0, false
	}
	ctx := h.NewHandle(in.stack[int(in.top().fp)+bytecode.FrameContext])
	cell := f.NewFeedbackCell(heap.Handle{})
	in.cacheEval(key, seen, rec, cell)
	return f.NewJSFunction(sfi, ctx, cell).Value(), true
}

// evalKey identifies direct eval code for the compilation cache, as V8's
// does: its source, and the call site (caller script, position, scope).
type evalKey struct {
	source string
	caller int
	pos    int
	scope  *ast.Scope
}

// maxEvalCache bounds the cache; past it, it starts again empty.
const maxEvalCache = 1024

// cacheEval records a compilation of direct eval code. As V8's eval
// cache, an eval site's code is cached the second time it is compiled
// (not the first: one-off evals do not fill the cache), and from then on
// every call reuses that script, function and feedback cell: coverage and
// the debugger see one script for a loop's eval, as in node.
func (in *Interp) cacheEval(key evalKey, seen bool, rec *script, cell heap.Handle) {
	if in.evalCache == nil || len(in.evalCache) >= maxEvalCache {
		in.evalCache = map[evalKey]*script{}
	}
	if !seen {
		in.evalCache[key] = nil
		return
	}
	rec.evalCell = cell.Value()
	in.evalCache[key] = rec
}

// evalOrigin describes, for stack traces, the eval call the frame fr is
// making, as V8 does: "eval at f (file:line:col)", or for a caller that
// is eval code itself "eval at <anonymous> (eval at f (file:line:col))".
// pos is the call's position, or -1 for the frame's current one.
func (in *Interp) evalOrigin(fr frame, pos int) string {
	f := in.f
	sfi := f.FunctionShared(in.stack[int(fr.fp)+bytecode.FrameClosure])
	name := in.DebugName(sfi)
	if name == "" {
		name = "<anonymous>"
	}
	rec := in.scriptOf(sfi)
	switch {
	case rec == nil:
		return "eval at " + name
	case rec.evalFrom != "":
		return "eval at " + name + " (" + rec.evalFrom + ")"
	}
	loc := rec.name
	if pos < 0 {
		pos = in.framePosition(fr)
	}
	if pos >= 0 {
		l, c := rec.unit.Lines.LineCol(rec.unit.Lines.ByteOffset(pos))
		loc += ":" + strconv.Itoa(l+1) + ":" + strconv.Itoa(c+1)
	}
	return "eval at " + name + " (" + loc + ")"
}

// callerFrame returns the innermost JavaScript frame below the running
// native (the caller of indirect eval), or false.
func (in *Interp) callerFrame() (frame, bool) {
	for i := len(in.frames) - 1; i >= 0; i-- {
		if in.frames[i].flags&frameNative == 0 {
			return in.frames[i], true
		}
	}
	return frame{}, false
}

// evalSyntaxError throws the early error of eval code as V8 does: an
// error made at the eval call (its stack is the caller's), the code
// reported to the script hooks as failed to parse.
func (in *Interp) evalSyntaxError(err error, name, src string) (layout.Value, bool) {
	var se *parser.SyntaxError
	if !errors.As(err, &se) {
		return in.ThrowError(SyntaxError, err.Error())
	}
	kind := SyntaxError
	if se.RangeError {
		kind = RangeError
	}
	in.parseFailed(name, src, false)
	return in.ThrowError(kind, se.Msg)
}

// lookupRef is RtLookupRef: the base of the reference a dynamically
// resolved name makes (the context or object holding its binding, or
// undefined for the global scope).
func (in *Interp) lookupRef(name heap.Handle) (layout.Value, bool) {
	b, ok := in.resolveDynamic(name)
	if !ok {
		return 0, false
	}
	switch b.kind {
	case dynSlot:
		return b.ctx.Value(), true
	case dynWith, dynExtension:
		return b.obj.Value(), true
	}
	return in.undefined, true
}

// refLoad is RtLookupRefLoad: GetValue of the reference lookupRef made.
func (in *Interp) refLoad(base, name heap.Handle) (layout.Value, bool) {
	f := in.f
	switch {
	case base.Value() == in.undefined:
		v, _, ok := in.lookupGlobal(name, false)
		return v, ok
	case in.IsContext(base.Value()):
		i := f.ScopeInfoContextSlotIndex(f.ContextScopeInfo(base.Value()), name.Value())
		v := f.ContextSlot(base.Value(), i)
		if v == in.hole {
			return in.ThrowError(ReferenceError, "Cannot access '"+f.StringToGo(name.Value())+"' before initialization")
		}
		return v, true
	}
	// An object environment's GetBindingValue: the binding may be gone.
	found, ok := in.HasPropertyOK(base.Value(), NameKey(name.Value()))
	if !ok {
		return 0, false
	}
	if !found {
		return in.undefined, true
	}
	return in.Get(base.Value(), NameKey(name.Value()))
}

// refStore is RtLookupRefStore: PutValue through the reference lookupRef
// made.
func (in *Interp) refStore(base, name, v heap.Handle, strict bool) (layout.Value, bool) {
	f := in.f
	switch {
	case base.Value() == in.undefined:
		if !in.storeGlobalStrict(name.Value(), v.Value(), strict) {
			return 0, false
		}
		return v.Value(), true
	case in.IsContext(base.Value()):
		si := f.ContextScopeInfo(base.Value())
		i := f.ScopeInfoContextSlotIndex(si, name.Value())
		if f.ContextSlot(base.Value(), i) == in.hole {
			return in.ThrowError(ReferenceError, "Cannot access '"+f.StringToGo(name.Value())+"' before initialization")
		}
		switch f.ScopeInfoContextLocalMode(si, i-layout.ContextMinSlots) {
		case int(bytecode.ModeConst):
			return in.ThrowError(TypeError, "Assignment to constant variable.")
		case int(bytecode.ModeSloppyConst):
			if strict {
				return in.ThrowError(TypeError, "Assignment to constant variable.")
			}
			return v.Value(), true
		}
		f.SetContextSlot(base.Value(), i, v.Value())
		return v.Value(), true
	}
	// An object environment's SetMutableBinding.
	found, ok := in.HasPropertyOK(base.Value(), NameKey(name.Value()))
	if !ok {
		return 0, false
	}
	if !found && strict {
		return in.ThrowError(ReferenceError, f.StringToGo(name.Value())+" is not defined")
	}
	if !in.Set(base.Value(), NameKey(name.Value()), v.Value(), strict) {
		return 0, false
	}
	return v.Value(), true
}

// checkEvalGlobals is RtCheckEvalGlobals: CanDeclareGlobalFunction or
// CanDeclareGlobalVar for each (name, isFunction) pair of decls, in
// declaration order as V8, all before any is declared (a TypeError
// otherwise, with V8's messages).
func (in *Interp) checkEvalGlobals(decls heap.Handle) (layout.Value, bool) {
	f := in.f
	g := in.intrinsics[GlobalObject]
	extensible := f.IsExtensible(g)
	for i, n := 0, f.Length(decls.Value()); i+1 < n; i += 2 {
		name := f.Get(decls.Value(), i)
		function := f.Get(decls.Value(), i+1) == layout.Smi(1)
		_, det, found := f.GetOwnProperty(g, name)
		switch {
		case !found:
			if !extensible {
				return in.ThrowError(TypeError, "Cannot add property "+f.StringToGo(name)+", object is not extensible")
			}
		case function:
			a := det.Attributes()
			if !a.Configurable() && (det.Kind() == objects.KindAccessor || !a.Writable() || !a.Enumerable()) {
				return in.ThrowError(TypeError, "Identifier '"+f.StringToGo(name)+"' has already been declared")
			}
		}
	}
	return in.undefined, true
}

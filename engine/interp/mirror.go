package interp

import (
	"github.com/sonde-js/sonde/engine/objects"
	"strconv"
	"strings"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// This file is the inspector's read-only view of JavaScript values (what
// V8 calls mirrors): own properties with their attributes, class names,
// function locations, scripts and stack traces. The Runtime domain builds
// RemoteObjects from it and never reads the heap directly.

// PropertyMirror is one own property. Handles live in the caller's handle
// scope.
type PropertyMirror struct {
	// Name is the key as DevTools shows it: the string, or the symbol's
	// description in "Symbol(…)" form.
	Name string
	// Symbol holds the key when it is a symbol (IsNil otherwise).
	Symbol heap.Handle
	// Value is the data property's value; Getter and Setter the accessor's
	// functions (undefined when absent).
	Value, Getter, Setter heap.Handle
	Accessor              bool
	Writable              bool
	Enumerable            bool
	Configurable          bool
}

// PropertyMirrors describes obj's own properties named by keys (a
// FixedArray of index Smis, strings and symbols, as OwnKeys returns; see
// builtins.OwnPropertyMirrors for the complete list). It runs no
// JavaScript.
func (in *Interp) PropertyMirrors(obj, keys heap.Handle) []PropertyMirror {
	h, f := in.h, in.f
	n := f.Length(keys.Value())
	out := make([]PropertyMirror, 0, n)
	for i := 0; i < n; i++ {
		k := h.NewHandle(f.Get(keys.Value(), i))
		key := KeyOf(k.Value())
		if !key.IsIndex && !in.IsSymbol(key.Name) && !f.IsInternalized(key.Name) {
			key = in.ToPropertyKeyNoThrow(k.Value())
		}
		v, accessor, attrs, found := in.OwnProperty(obj.Value(), key)
		if !found {
			continue
		}
		p := PropertyMirror{Accessor: accessor, Enumerable: attrs.Enumerable(), Configurable: attrs.Configurable()}
		if accessor {
			p.Getter = h.NewHandle(f.AccessorPairGetter(v))
			p.Setter = h.NewHandle(f.AccessorPairSetter(v))
			if in.IsNullish(p.Getter.Value()) {
				p.Getter.Set(in.undefined)
			}
			if in.IsNullish(p.Setter.Value()) {
				p.Setter.Set(in.undefined)
			}
		} else {
			p.Value = h.NewHandle(v)
			p.Writable = attrs.Writable()
		}
		switch {
		case key.IsIndex:
			p.Name = strconv.FormatUint(uint64(key.Index), 10)
		case in.IsSymbol(key.Name):
			p.Symbol = h.NewHandle(key.Name)
			p.Name = in.SymbolDescriptiveString(key.Name)
		default:
			p.Name = f.StringToGo(key.Name)
		}
		out = append(out, p)
	}
	return out
}

// ToPropertyKeyNoThrow converts a string or symbol key value to a Key
// (internalizing strings); it never runs JavaScript.
func (in *Interp) ToPropertyKeyNoThrow(k layout.Value) Key {
	if k.IsSmi() {
		return IndexKey(uint32(k.SmiValue()))
	}
	if in.IsString(k) {
		return in.stringKey(k)
	}
	return NameKey(k)
}

// SymbolDescriptiveString returns "Symbol(description)".
func (in *Interp) SymbolDescriptiveString(sym layout.Value) string {
	d := in.f.SymbolDescription(sym)
	if !in.IsString(d) {
		return "Symbol()"
	}
	return "Symbol(" + in.f.StringToGo(d) + ")"
}

// ClassName returns V8's class name of an object: the name of the
// constructor found on its prototype chain (without running getters), or
// "Object".
func (in *Interp) ClassName(v layout.Value) string {
	f := in.f
	if in.IsModuleNamespace(v) {
		return "Module"
	}
	if in.IsCallable(v) {
		return "Function"
	}
	if p, ok := in.PrimitiveValue(v); ok {
		switch {
		case in.IsNumber(p):
			return "Number"
		case in.IsString(p):
			return "String"
		case in.IsSymbol(p):
			return "Symbol"
		case p == in.trueV || p == in.falseV:
			return "Boolean"
		}
	}
	if in.IsArrayExotic(v) {
		return "Array"
	}
	// The prototypes of the primitive wrappers are wrappers themselves in
	// V8 (Number.prototype is Number(0)).
	switch v {
	case in.intrinsics[NumberPrototype]:
		return "Number"
	case in.intrinsics[StringPrototype]:
		return "String"
	case in.intrinsics[BooleanPrototype]:
		return "Boolean"
	}
	// A string Symbol.toStringTag data property names builtin namespaces
	// and collections (Math, JSON, Map) as V8 does.
	if tag, accessor, found := in.Lookup(v, NameKey(in.intrinsics[SymbolToStringTag])); found && !accessor && in.IsString(tag) && f.StringLength(tag) > 0 {
		return f.StringToGo(tag)
	}
	scope := in.h.OpenScope()
	defer scope.Close()
	hv := in.h.NewHandle(v)
	start := v
	// A prototype object (C.prototype, whose own constructor is C) is named
	// after the constructor that made it, as V8's map constructor does:
	// Point.prototype is an "Object", TypeError.prototype an "Error".
	if c, accessor, _, found := in.OwnProperty(v, NameKey(in.names[NameConstructor])); found && !accessor && in.IsCallable(c) {
		// Reading prototype may materialize it (allocate): v is re-read.
		if p, acc, _, ok := in.OwnProperty(c, NameKey(in.names[NamePrototype])); ok && !acc && p == hv.Value() {
			start = f.GetPrototype(hv.Value())
		} else {
			start = hv.Value()
		}
	}
	for obj, depth := start, 0; in.IsObject(obj) && depth < 1000; obj, depth = f.GetPrototype(obj), depth+1 {
		d, accessor, _, found := in.OwnProperty(obj, NameKey(in.names[NameConstructor]))
		if found && !accessor && in.IsCallable(d) {
			n, _, _ := in.Lookup(d, NameKey(in.names[NameName]))
			if in.IsString(n) && f.StringLength(n) > 0 {
				return f.StringToGo(n)
			}
		}
	}
	return "Object"
}

// Prototype returns obj's [[Prototype]] (null at the end of the chain).
func (in *Interp) Prototype(obj layout.Value) layout.Value {
	if !in.IsObject(obj) {
		return in.null
	}
	return in.f.GetPrototype(obj)
}

// IsArrayExotic reports whether v is an Array exotic object: an array,
// or Array.prototype (an array in V8; not yet one here).
func (in *Interp) IsArrayExotic(v layout.Value) bool {
	return in.IsArray(v) || v == in.intrinsics[ArrayPrototype]
}

// ArrayExoticLength is the length of an IsArrayExotic object.
func (in *Interp) ArrayExoticLength(v layout.Value) uint32 {
	if !in.IsArray(v) {
		return 0
	}
	return in.ArrayLength(v)
}

// IsErrorObject reports whether v is an error object: it has
// [[ErrorData]] (MarkError), given by an Error constructor (or a subclass's
// super call) and to the errors the engine throws, as V8's IsNativeError.
// Neither its stack nor its prototype matter.
func (in *Interp) IsErrorObject(v layout.Value) bool {
	if !in.IsObject(v) || in.IsProxy(v) {
		return false
	}
	_, ok := in.f.GetProperty(v, in.intrinsics[PrivateErrorStack])
	return ok
}

// DataProperty reads an own or inherited data property by name without
// running JavaScript; ok is false for accessors and missing properties.
func (in *Interp) DataProperty(obj layout.Value, name string) (layout.Value, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	k := in.f.InternalizeGo(name)
	v, accessor, found := in.Lookup(obj, NameKey(k.Value()))
	if !found || accessor {
		return 0, false
	}
	return v, true
}

// Location is a 0-based position in a script, as CDP reports it.
type Location struct {
	ScriptID     int
	Line, Column int
}

// FunctionLocation returns where a JavaScript function's source starts; ok
// is false for builtins.
func (in *Interp) FunctionLocation(fn layout.Value) (Location, bool) {
	if !in.IsCallable(fn) || in.f.InstanceType(fn) != layout.JSFunctionType {
		return Location{}, false
	}
	sfi := in.f.FunctionShared(fn)
	rec := in.scriptOf(sfi)
	if rec == nil {
		return Location{}, false
	}
	// V8's function position is its parameter list's "(".
	pos := in.f.SharedStartPosition(sfi)
	if _, lit := in.functionAST(sfi); lit != nil && lit.ParamsLoc >= 0 {
		pos = rec.unit.Lines.UTF16(lit.ParamsLoc)
	}
	return in.ScriptLocation(rec.id, pos), true
}

// IsNativeFunction reports whether fn is a builtin (no JavaScript source).
func (in *Interp) IsNativeFunction(fn layout.Value) bool {
	if in.f.InstanceType(fn) != layout.JSFunctionType {
		return true
	}
	return in.scriptOf(in.f.FunctionShared(fn)) == nil
}

// ScriptLocation converts a UTF-16 offset in script id to a line and column.
func (in *Interp) ScriptLocation(id, pos int) Location {
	if id < 1 || id > len(in.scripts) {
		return Location{ScriptID: id}
	}
	u := in.scripts[id-1].unit
	l, c := u.Lines.LineCol(u.Lines.ByteOffset(pos))
	return Location{ScriptID: id, Line: l, Column: c}
}

// ScriptName returns the name (URL) a script was compiled with.
func (in *Interp) ScriptName(id int) string {
	if id < 1 || id > len(in.scripts) {
		return ""
	}
	return in.scripts[id-1].name
}

// CallFrame is one frame of a stack trace as CDP reports it.
type CallFrame struct {
	FunctionName string
	Location
	URL string
}

// StackTrace returns the JavaScript frames of the current stack, innermost
// first, at most max (0: all); builtin frames are left out, as V8 does for
// console messages.
func (in *Interp) StackTrace(max int) []CallFrame {
	var out []CallFrame
	for _, sf := range in.Stack(nil, 0) {
		if sf.Native || sf.ScriptID == 0 {
			continue
		}
		if max > 0 && len(out) >= max {
			break
		}
		cf := CallFrame{Location: in.ScriptLocation(sf.ScriptID, sf.Position), URL: in.ScriptName(sf.ScriptID)}
		if !in.f.SharedHasFlag(sf.Shared, sharedTopLevel) {
			cf.FunctionName = in.DebugName(sf.Shared)
		}
		out = append(out, cf)
	}
	return out
}

// ThrowPosition returns the pending exception's throw location (0-based),
// its script id, and whether it is known.
func (in *Interp) ThrowPosition() (Location, bool) {
	t := in.lastThrow
	if t.script == nil || t.pos < 0 {
		return Location{}, false
	}
	return in.ScriptLocation(t.script.id, t.pos), true
}

// GlobalLexicalScopeNames returns the names of the top-level let, const and
// class bindings of every script run so far.
func (in *Interp) GlobalLexicalScopeNames() []string {
	f := in.f
	var names []string
	for _, ctx := range in.scriptContexts {
		si := f.ContextScopeInfo(ctx)
		for i := 0; i < f.ScopeInfoContextLocalCount(si); i++ {
			n := f.StringToGo(f.ScopeInfoContextLocalName(si, i))
			if n != "" && !strings.HasPrefix(n, ".") {
				names = append(names, n)
			}
		}
	}
	return names
}

// ScriptCount returns the number of scripts compiled so far; their ids are
// 1..ScriptCount.
func (in *Interp) ScriptCount() int { return len(in.scripts) }

// OnScriptCompiled, when set, is called after each script (including eval
// code and Function bodies) is compiled, with its id: the inspector's
// Debugger.scriptParsed.
func (in *Interp) SetScriptCompiledHook(hook func(id int)) { in.scriptHook = hook }

// ScriptIsModule reports whether script id is an ES module.
func (in *Interp) ScriptIsModule(id int) bool {
	if id < 1 || id > len(in.scripts) {
		return false
	}
	return in.f.ScriptFlags(in.scripts[id-1].script)&objects.ScriptIsModule != 0
}

// ScopeMirror is one scope of a function's [[Scopes]], innermost first:
// V8's type ("closure", "block", "catch", "script", "module", "global") and
// the variables it holds (for "global", none: the global object is the
// scope; "local" is a suspended generator's own frame, GeneratorLocalScope).
type ScopeMirror struct {
	Type string
	// Name is the function a "local" scope belongs to ("" if anonymous).
	Name   string
	Names  []string
	Values []heap.Handle
}

// FunctionScopes lists the scopes a closure captured, from its context
// chain: the context-allocated variables of each enclosing function or
// block, then the script scope (top-level let/const/class of every
// script), then the global scope. Values are handles in the caller's
// scope.
func (in *Interp) FunctionScopes(fn layout.Value) []ScopeMirror {
	f, h := in.f, in.h
	if !in.IsCallable(fn) || in.IsNativeFunction(fn) {
		return nil
	}
	var out []ScopeMirror
	native := in.intrinsics[NativeContext]
	ctx := h.NewHandle(f.FunctionContext(fn))
	for depth := 0; depth < 10000 && ctx.Value() != native && ctx.Value() != in.undefined && ctx.Value().IsHeapObject(); depth++ {
		si := f.ContextScopeInfo(ctx.Value())
		kind := objects.ScopeKind(-1)
		if si != in.undefined {
			kind = f.ScopeInfoKind(si)
		}
		if kind == objects.ScriptScope {
			break
		}
		sm := ScopeMirror{Type: "closure"}
		switch kind {
		case objects.BlockScope, objects.ClassScope:
			sm.Type = "block"
		case objects.CatchScope:
			sm.Type = "catch"
		case objects.ModuleScope:
			sm.Type = "module"
		case objects.EvalScope:
			sm.Type = "eval"
		case objects.WithScope:
			sm.Type = "with" // its object (the context's extension) is not listed
		}
		if si != in.undefined {
			for i := 0; i < f.ScopeInfoContextLocalCount(si); i++ {
				name := f.StringToGo(f.ScopeInfoContextLocalName(si, i))
				if name == "" || strings.HasPrefix(name, ".") {
					continue
				}
				sm.Names = append(sm.Names, name)
				sm.Values = append(sm.Values, h.NewHandle(f.ContextSlot(ctx.Value(), layout.ContextMinSlots+i)))
			}
		}
		out = append(out, sm)
		ctx.Set(f.ContextPrevious(ctx.Value()))
	}
	script := ScopeMirror{Type: "script"}
	for _, c := range in.scriptContexts {
		si := f.ContextScopeInfo(c)
		for i := 0; i < f.ScopeInfoContextLocalCount(si); i++ {
			name := f.StringToGo(f.ScopeInfoContextLocalName(si, i))
			if name == "" || strings.HasPrefix(name, ".") {
				continue
			}
			script.Names = append(script.Names, name)
			script.Values = append(script.Values, h.NewHandle(f.ContextSlot(c, layout.ContextMinSlots+i)))
		}
	}
	if len(script.Names) > 0 {
		out = append(out, script)
	}
	return append(out, ScopeMirror{Type: "global"})
}

// QueryObjects collects garbage, then returns (as handles in the caller's
// scope) every live JavaScript object whose prototype chain contains proto
// (Runtime.queryObjects).
func (in *Interp) QueryObjects(proto layout.Value) []heap.Handle {
	h, f := in.h, in.f
	ph := h.NewHandle(proto)
	h.CollectGarbage(true)
	proto = ph.Value()
	var found []layout.Value
	h.ForEachObject(func(a layout.Addr) {
		v := a.Value()
		if !h.InstanceType(a).IsJSObject() || v == proto {
			return
		}
		for p, depth := f.GetPrototype(v), 0; p != in.null && depth < 1000; p, depth = f.GetPrototype(p), depth+1 {
			if p == proto {
				found = append(found, v)
				return
			}
			if !p.IsHeapObject() || !h.InstanceType(p.Addr()).IsJSObject() {
				return
			}
		}
	})
	out := make([]heap.Handle, len(found))
	for i, v := range found {
		out[i] = h.NewHandle(v)
	}
	return out
}

// ScriptFailedHook, when set, is told of every source that failed to
// parse (scripts, eval code, CommonJS files, modules): the inspector's
// Debugger.scriptFailedToParse. The syntax error is pending.
func (in *Interp) SetScriptFailedHook(hook func(name, source string, module bool)) {
	in.scriptFailedHook = hook
}

func (in *Interp) parseFailed(name, source string, module bool) {
	if in.scriptFailedHook != nil {
		in.scriptFailedHook(name, source, module)
	}
}

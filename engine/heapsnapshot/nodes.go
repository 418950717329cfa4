package heapsnapshot

import (
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Node types and names, after V8's V8HeapExplorer::AddEntry: JavaScript
// objects are named by their constructor ("Object" for plain objects, the
// class for class instances), closures by their function's name, strings by
// their contents, and the engine's own objects "system / <Type>" (with V8's
// types: a map is an "object shape", a SharedFunctionInfo "code"…). Arrays
// without a name of their own take the tag a referrer gave them.

// describe returns the type and name of the node of the object at a, whose
// map is m, and whether that name is empty (a tag may then name it).
func (g *generator) describe(a, m layout.Addr, t layout.InstanceType) (nodeType, nameRef, bool) {
	h, fx := g.h, &g.fixed
	switch t {
	case layout.InternalizedOneByteStringType, layout.InternalizedTwoByteStringType,
		layout.SeqOneByteStringType, layout.SeqTwoByteStringType:
		return typeString, refHeapString | nameRef(g.ix.stringRank(a)), false
	case layout.ConsOneByteStringType, layout.ConsTwoByteStringType:
		return typeConsString, fx.concatString, false
	case layout.SymbolType:
		if h.Field(a, layout.SymbolFlagsOffset).SmiValue()&objects.SymbolIsPrivate != 0 {
			return typeHidden, fx.privateSymbol, false
		}
		return typeSymbol, fx.symbol, false
	case layout.HeapNumberType:
		return typeNumber, fx.heapNumber, false
	case layout.BigIntType:
		return typeBigInt, fx.bigint, false
	case layout.OddballType:
		return typeHidden, fx.oddball, false
	case layout.MapType:
		ty := typeObjectShape
		if g.ix.inReadOnly(a) {
			ty = typeHidden // maps of the engine's own objects
		}
		if it := layout.InstanceType(h.U16(a, layout.MapInstanceTypeOffset)); it.IsString() {
			return ty, fx.stringMaps[it], false
		}
		return ty, fx.systemMap, false
	case layout.FixedArrayType, layout.ByteArrayType, layout.NameDictionaryType:
		return typeArray, fx.empty, true
	case layout.DescriptorArrayType:
		return typeObjectShape, fx.descriptorArray, false
	case layout.TransitionArrayType:
		return typeObjectShape, fx.transitionArray, false
	case layout.PropertyArrayType:
		return typeHidden, fx.propArray, false
	case layout.ScopeInfoType:
		return typeCode, fx.scopeInfoSys, false
	case layout.SharedFunctionInfoType:
		if n := h.Field(a, layout.SharedNameOffset); g.stringLength(n) > 0 {
			return typeCode, g.nameOfString(n), false
		}
		return typeCode, fx.sharedFunctionInfo, false
	case layout.AccessorPairType:
		return typeHidden, fx.accessorPair, false
	case layout.ScriptType:
		if n := h.Field(a, layout.ScriptNameOffset); g.stringLength(n) >= 0 {
			return typeCode, g.nameOfString(n), false
		}
		return typeCode, fx.empty, true
	case layout.FeedbackCellType:
		return typeCode, fx.feedbackCellSys, false
	case layout.FeedbackVectorType:
		return typeCode, fx.feedbackVector, false
	case layout.BytecodeArrayType:
		return typeCode, fx.bytecodeArray, false
	case layout.FunctionContextType, layout.BlockContextType:
		return typeObject, fx.contextSys, false
	case layout.NativeContextType:
		return typeHidden, fx.nativeContextSys, false
	case layout.JSFunctionType:
		sfi := h.Field(a, layout.JSFunctionSharedOffset)
		n := h.Field(sfi.Addr(), layout.SharedNameOffset)
		return typeClosure, g.nameOfString(n), g.stringLength(n) <= 0
	}
	if t.IsJSObject() {
		return typeObject, g.constructor(a, m, t).name, false
	}
	return typeHidden, g.names.intern("system / " + t.String()), false
}

// stringLength returns the length of the string v, or -1 if v is not a string.
func (g *generator) stringLength(v layout.Value) int {
	if !v.IsHeapObject() || !g.h.InstanceType(v.Addr()).IsString() {
		return -1
	}
	return g.h.Field(v.Addr(), layout.StringLengthOffset).SmiValue()
}

// nameOfString returns the name a string gives: its own strings entry for a
// sequential string, its (truncated) contents interned for a cons string, ""
// for anything else.
func (g *generator) nameOfString(v layout.Value) nameRef {
	if !v.IsHeapObject() {
		return g.fixed.empty
	}
	t := g.h.InstanceType(v.Addr())
	switch {
	case isStringNode(t):
		return refHeapString | nameRef(g.ix.stringRank(v.Addr()))
	case t.IsString():
		return g.names.intern(truncate(g.f.StringToUTF16(v)))
	}
	return g.fixed.empty
}

// keyName returns the name of a property key and whether it is the empty
// string (whose edges V8 makes internal). Symbols are "<symbol>".
func (g *generator) keyName(key layout.Value) (nameRef, bool) {
	if key.IsHeapObject() && g.h.InstanceType(key.Addr()) == layout.SymbolType {
		return g.fixed.symbolKey, false
	}
	return g.nameOfString(key), g.stringLength(key) == 0
}

// accessorName returns "get <key>" or "set <key>" for a string key, the key's
// own name for a symbol.
func (g *generator) accessorName(key layout.Value, getter bool) (nameRef, bool) {
	if g.stringLength(key) < 0 {
		return g.keyName(key)
	}
	prefix := "set "
	if getter {
		prefix = "get "
	}
	return g.names.intern(prefix + truncate(g.f.StringToUTF16(key))), false
}

// truncate returns at most nameLimit code units of u as Go text.
func truncate(u []uint16) string {
	if len(u) > nameLimit {
		u = u[:nameLimit]
	}
	return string(utf16Runes(u))
}

// utf16Runes decodes UTF-16 (lone surrogates become U+FFFD).
func utf16Runes(u []uint16) []rune {
	r := make([]rune, 0, len(u))
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if c >= 0xD800 && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			c = 0x10000 + (c-0xD800)<<10 + rune(u[i+1]-0xDC00)
			i++
		} else if c >= 0xD800 && c < 0xE000 {
			c = 0xFFFD
		}
		r = append(r, c)
	}
	return r
}

// ctorInfo is what a map's objects get from their constructor: their name
// and the constructor function (for their location), if one was found.
type ctorInfo struct {
	name nameRef
	fn   layout.Value
	loc  location
}

// constructor returns the constructor information of a JavaScript object,
// cached per map: the result depends only on the map and its prototype chain.
func (g *generator) constructor(a, m layout.Addr, t layout.InstanceType) *ctorInfo {
	if m == g.lastMap {
		return g.lastCtor
	}
	c, ok := g.ctors[m]
	if !ok {
		c = g.findConstructor(m, t)
		g.ctors[m] = c
	}
	g.lastMap, g.lastCtor = m, c
	return c
}

// findConstructor is V8's JSReceiver::GetConstructorName for the objects of
// map m: the map's constructor when it is a named function other than
// Object (and m is not a prototype's map); else the first "constructor" data
// property along the prototype chain with such a name; else the class name
// of the object's type ("Object", "Array"…). Symbol.toStringTag is not
// consulted: the engine has no well-known symbols yet.
func (g *generator) findConstructor(m layout.Addr, t layout.InstanceType) *ctorInfo {
	h, f := g.h, g.f
	named := func(fn layout.Value) (nameRef, bool) {
		if !fn.IsHeapObject() || h.InstanceType(fn.Addr()) != layout.JSFunctionType {
			return 0, false
		}
		n := f.SharedName(f.FunctionShared(fn))
		if g.stringLength(n) <= 0 || g.isObjectString(n) {
			return 0, false
		}
		return g.nameOfString(n), true
	}
	found := func(name nameRef, fn layout.Value) *ctorInfo {
		c := &ctorInfo{name: name, fn: fn}
		c.loc = g.functionLocation(fn)
		return c
	}
	mv := m.Value()
	if h.U32(m, layout.MapBitField3Offset)&layout.MapIsPrototypeMap == 0 {
		if fn := f.MapConstructor(mv); fn.IsHeapObject() {
			if name, ok := named(fn); ok {
				return found(name, fn)
			}
		}
	}
	if g.ctorKey.IsHeapObject() {
		proto := f.MapPrototype(mv)
		for steps := 0; f.IsJSObject(proto) && steps < 10000; steps++ {
			if v, det, ok := f.GetOwnProperty(proto, g.ctorKey); ok && det.Kind() == objects.KindData {
				if name, ok := named(v); ok {
					return found(name, v)
				}
			}
			proto = f.GetPrototype(proto)
		}
	}
	c := &ctorInfo{name: g.fixed.objectName}
	switch t {
	case layout.JSArrayType:
		c.name = g.fixed.arrayName
	case layout.JSFunctionType:
		c.name = g.fixed.functionName
	case layout.JSGlobalObjectType, layout.JSGlobalProxyType:
		c.name = g.fixed.globalName
	}
	return c
}

// isObjectString reports whether the string v is "Object".
func (g *generator) isObjectString(v layout.Value) bool {
	return g.stringLength(v) == 6 && g.f.StringToGo(v) == "Object"
}

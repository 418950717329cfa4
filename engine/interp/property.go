package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Key is a property key: an array index (an element) or a name (an
// internalized string or a symbol).
type Key struct {
	Name    layout.Value
	Index   uint32
	IsIndex bool
}

// KeyHandle keeps a Key valid across allocations (its name in a handle).
type KeyHandle struct {
	name    heap.Handle
	index   uint32
	isIndex bool
}

// HandleKey makes a KeyHandle for k in the current handle scope.
func (in *Interp) HandleKey(k Key) KeyHandle {
	if k.IsIndex {
		return KeyHandle{index: k.Index, isIndex: true}
	}
	return KeyHandle{name: in.h.NewHandle(k.Name)}
}

// Key returns the key's current value.
func (kh KeyHandle) Key() Key {
	if kh.isIndex {
		return IndexKey(kh.index)
	}
	return NameKey(kh.name.Value())
}

// NameKey returns the key of a name.
func NameKey(name layout.Value) Key { return Key{Name: name} }

// IndexKey returns the key of an array index.
func IndexKey(i uint32) Key { return Key{Index: i, IsIndex: true} }

// propKind is what an own-property lookup found.
type propKind uint8

const (
	propNone propKind = iota
	propData
	propAccessor
	// propProxy: the holder is a proxy (the value); the operation goes on
	// through its traps.
	propProxy
)

// ToPropertyKey converts v to a property key (ToPropertyKey): numbers that
// are array indices and strings spelling them become indices; other
// strings are internalized; objects are converted through ToPrimitive (which
// may run JavaScript). It may allocate.
func (in *Interp) ToPropertyKey(v layout.Value) (Key, bool) {
	if v.IsSmi() {
		if i := v.SmiValue(); i >= 0 {
			return IndexKey(uint32(i)), true
		}
	} else if in.IsHeapNumber(v) {
		x := in.NumberValue(v)
		if x >= 0 && x <= jsnum.MaxArrayIndex && x == float64(uint32(x)) {
			return IndexKey(uint32(x)), true
		}
	} else if in.IsString(v) {
		return in.stringKey(v), true
	} else if in.IsSymbol(v) {
		return NameKey(v), true
	}
	if in.IsObject(v) {
		p, ok := in.ToPrimitive(v, hintString)
		if !ok {
			return Key{}, false
		}
		if in.IsSymbol(p) {
			return NameKey(p), true
		}
		v = p
	}
	s, ok := in.ToString(v)
	if !ok {
		return Key{}, false
	}
	return in.stringKey(s), true
}

// stringKey makes a key of a string: an index when it spells one, else the
// internalized string.
func (in *Interp) stringKey(s layout.Value) Key {
	f := in.f
	if n := f.StringLength(s); n > 0 && n <= 10 {
		if c := f.CharCodeAt(s, 0); c >= '0' && c <= '9' {
			if i, ok := jsnum.ArrayIndexUTF16(f.StringToUTF16(s)); ok {
				return IndexKey(i)
			}
		}
	}
	if f.IsInternalized(s) {
		return NameKey(s)
	}
	scope := in.h.OpenScope()
	k := f.Internalize(in.h.NewHandle(s)).Value()
	scope.Close()
	return NameKey(k)
}

// indexName returns the internalized string spelling an array index.
func (in *Interp) indexName(i uint32) layout.Value {
	scope := in.h.OpenScope()
	defer scope.Close()
	return in.f.InternalizeGo(jsnum.FormatNumber(float64(i))).Value()
}

// KeyString returns a key as a JavaScript value: its name, or the index as
// a string (allocating).
func (in *Interp) KeyString(k Key) layout.Value {
	if k.IsIndex {
		return in.indexName(k.Index)
	}
	return k.Name
}

// prototypeOf returns the object a lookup on v continues with: the map's
// prototype for objects, the primitive's prototype for primitives.
func (in *Interp) prototypeOf(v layout.Value) layout.Value {
	if v.IsSmi() {
		return in.intrinsics[NumberPrototype]
	}
	m := in.h.Field(v.Addr(), layout.MapOffset)
	if m == in.heapNumberMap {
		return in.intrinsics[NumberPrototype]
	}
	t := in.f.MapInstanceType(m)
	switch {
	case t.IsJSObject():
		return in.f.MapPrototype(m)
	case t.IsString():
		return in.intrinsics[StringPrototype]
	case t == layout.SymbolType:
		return in.intrinsics[SymbolPrototype]
	case t == layout.BigIntType:
		return in.intrinsics[BigIntPrototype]
	case v == in.trueV || v == in.falseV:
		return in.intrinsics[BooleanPrototype]
	}
	return in.null
}

// ownProperty looks up k among holder's own properties (holder is an object
// or a string). For an accessor the value is its AccessorPair. It does not
// allocate unless it materializes a function's prototype object, and then
// only on the found path: callers return the value at once.
func (in *Interp) ownProperty(holder layout.Value, k Key) (layout.Value, propKind, objects.PropertyAttributes) {
	h, f := in.h, in.f
	t := h.InstanceType(holder.Addr())
	if t.IsString() {
		n := f.StringLength(holder)
		if k.IsIndex {
			if int(k.Index) < n {
				return in.charString(holder, int(k.Index)), propData, objects.AttrReadOnly | objects.AttrDontDelete
			}
			return 0, propNone, 0
		}
		if k.Name == in.names[NameLength] {
			return layout.Smi(n), propData, objects.AttrReadOnly | objects.AttrDontEnum | objects.AttrDontDelete
		}
		return 0, propNone, 0
	}
	if !t.IsJSObject() {
		return 0, propNone, 0
	}
	if t == layout.JSProxyType {
		return holder, propProxy, 0
	}
	if t == layout.JSTypedArrayType {
		if k.IsIndex {
			if v, ok := in.typedArrayElement(holder, k.Index); ok {
				return v, propData, objects.AttrNone
			}
			return 0, propNone, 0
		}
		if in.isCanonicalNumericKey(k) {
			return 0, propNone, 0
		}
	}
	if k.IsIndex {
		if v, ok := f.GetElement(holder, k.Index); ok {
			return v, propData, objects.AttrNone
		}
		if t == layout.JSObjectType {
			if in.mappedArguments {
				if v, attrs, ok := in.mappedGet(holder, k.Index); ok {
					return v, propData, attrs
				}
			}
			if p, ok := f.GetProperty(holder, in.intrinsics[PrivatePrimitiveValue]); ok && in.IsString(p) && int(k.Index) < f.StringLength(p) {
				return in.charString(p, int(k.Index)), propData, objects.AttrReadOnly | objects.AttrDontDelete
			}
		}
		return 0, propNone, 0
	}
	if t == layout.JSArrayType && k.Name == in.names[NameLength] {
		attrs := objects.AttrDontEnum | objects.AttrDontDelete
		if in.arrayLengthReadOnly(holder) {
			attrs |= objects.AttrReadOnly
		}
		// The field holds a Smi or a HeapNumber: no allocation.
		return h.Field(holder.Addr(), layout.JSArrayLengthOffset), propData, attrs
	}
	if v, det, ok := f.GetOwnProperty(holder, k.Name); ok {
		if det.Kind() == objects.KindAccessor {
			return v, propAccessor, det.Attributes()
		}
		return v, propData, det.Attributes()
	}
	if t == layout.JSFunctionType {
		return in.functionVirtual(holder, k.Name)
	}
	if k.Name == in.names[NameLength] {
		if p, ok := f.GetProperty(holder, in.intrinsics[PrivatePrimitiveValue]); ok && in.IsString(p) {
			return layout.Smi(f.StringLength(p)), propData, objects.AttrReadOnly | objects.AttrDontEnum | objects.AttrDontDelete
		}
	}
	return 0, propNone, 0
}

// functionVirtual serves a function's prototype, name and length properties,
// which live in its SharedFunctionInfo and prototype slot rather than in
// descriptors (V8 uses AccessorInfos for them).
func (in *Interp) functionVirtual(fn, name layout.Value) (layout.Value, propKind, objects.PropertyAttributes) {
	f := in.f
	sfi := f.FunctionShared(fn)
	if name == in.names[NameName] || name == in.names[NameLength] {
		if del, ok := f.GetProperty(fn, in.intrinsics[PrivateDeletedVirtual]); ok && del.SmiValue()&virtualBit(in, name) != 0 {
			return 0, propNone, 0
		}
	}
	switch name {
	case in.names[NamePrototype]:
		flags := f.SharedFlags(sfi)
		if flags&sharedNotConstructor != 0 && flags&objects.SharedIsGenerator == 0 {
			return 0, propNone, 0
		}
		attrs := objects.AttrDontEnum | objects.AttrDontDelete
		if flags&objects.SharedIsClassConstructor != 0 || in.h.Field(sfi.Addr(), layout.SharedFunctionDataOffset).IsSmi() {
			// Classes' and builtin constructors' prototypes are read-only.
			attrs |= objects.AttrReadOnly
		}
		slot := f.FunctionPrototypeOrInitialMap(fn)
		if slot == in.hole {
			if in.h.Field(sfi.Addr(), layout.SharedFunctionDataOffset).IsSmi() {
				return 0, propNone, 0 // a builtin without a prototype
			}
			return in.materializePrototype(fn), propData, attrs
		}
		if slot.IsHeapObject() && in.h.Field(slot.Addr(), layout.MapOffset) == f.Roots.MetaMap {
			return f.MapPrototype(slot), propData, attrs
		}
		return slot, propData, attrs
	case in.names[NameName]:
		return f.SharedName(sfi), propData, objects.AttrReadOnly | objects.AttrDontEnum
	case in.names[NameLength]:
		return layout.Smi(in.functionLength(sfi)), propData, objects.AttrReadOnly | objects.AttrDontEnum
	case in.names[NameArguments], in.names[NameCaller]:
		if hasLegacyCallerAndArguments(f.SharedFlags(sfi)) {
			// V8's own legacy properties of sloppy functions: null, frozen.
			return in.null, propData, objects.AttrReadOnly | objects.AttrDontEnum | objects.AttrDontDelete
		}
	}
	return 0, propNone, 0
}

// hasLegacyCallerAndArguments reports whether a function with these SFI
// flags has V8's own `arguments` and `caller` properties: ordinary sloppy
// functions do; strict, arrow, method, generator, async, class and builtin
// functions (builtins are strict) do not.
func hasLegacyCallerAndArguments(flags int) bool {
	return flags&(objects.SharedIsStrict|objects.SharedIsArrow|objects.SharedIsGenerator|objects.SharedIsAsync|
		objects.SharedIsClassConstructor|sharedNotConstructor|sharedMethod|sharedTopLevel) == 0
}

// virtualBit is the bit of a function's deleted-builtin-properties marker
// for name or length.
func virtualBit(in *Interp, name layout.Value) int {
	if name == in.names[NameName] {
		return 1
	}
	return 2
}

// functionLength returns a function's length property.
func (in *Interp) functionLength(sfi layout.Value) int {
	if rec, lit := in.functionAST(sfi); rec != nil && lit != nil {
		return rec.unit.Info(lit.ID).Length
	}
	return in.f.SharedFormalParameterCount(sfi)
}

// materializePrototype creates an ordinary function's prototype object on
// first use: `{constructor: fn}`, the constructor property non-enumerable.
func (in *Interp) materializePrototype(fn layout.Value) layout.Value {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	fh := h.NewHandle(fn)
	if flags := f.SharedFlags(f.FunctionShared(fn)); flags&objects.SharedIsGenerator != 0 {
		// A generator function's prototype: the prototype of its
		// generator objects, with no constructor.
		parent := in.intrinsics[GeneratorPrototype]
		if flags&objects.SharedIsAsync != 0 {
			parent = in.intrinsics[AsyncGeneratorPrototype]
		}
		proto := in.NewObject(parent)
		f.SetFunctionPrototypeOrInitialMap(fh.Value(), proto.Value())
		return proto.Value()
	}
	proto := f.NewPlainObject()
	f.DefineProperty(proto, h.NewHandle(in.names[NameConstructor]), fh, objects.AttrDontEnum)
	f.SetFunctionPrototypeOrInitialMap(fh.Value(), proto.Value())
	return proto.Value()
}

// charString returns the one-code-unit string at index i of s.
func (in *Interp) charString(s layout.Value, i int) layout.Value {
	c := in.f.CharCodeAt(s, i)
	scope := in.h.OpenScope()
	defer scope.Close()
	return in.singleCharString(c).Value()
}

// singleCharString returns the string of one code unit (internalized, so
// that repeated characters share one string).
func (in *Interp) singleCharString(c uint16) heap.Handle {
	return in.f.InternalizeUTF16([]uint16{c})
}

// Get is [[Get]]: obj[k] with obj as the receiver. Primitives look up their
// prototype's properties; null and undefined throw.
func (in *Interp) Get(obj layout.Value, k Key) (layout.Value, bool) {
	return in.getWithReceiver(obj, k, obj)
}

// GetNamed is Get with a name key.
func (in *Interp) GetNamed(obj, name layout.Value) (layout.Value, bool) {
	return in.getWithReceiver(obj, NameKey(name), obj)
}

// GetName is Get with a well-known name.
func (in *Interp) GetName(obj layout.Value, n Name) (layout.Value, bool) {
	return in.getWithReceiver(obj, NameKey(in.names[n]), obj)
}

func (in *Interp) getWithReceiver(obj layout.Value, k Key, receiver layout.Value) (layout.Value, bool) {
	if obj == in.undefined || obj == in.null || obj == in.hole {
		return in.throwReadNullish(obj, k)
	}
	v, kind := in.lookupFull(k, &obj, &receiver)
	switch kind {
	case propData:
		return v, true
	case propProxy:
		return in.proxyGet(v, k, receiver)
	case propAccessor:
		getter := in.f.AccessorPairGetter(v)
		if getter == in.undefined {
			return in.undefined, true
		}
		return in.Call(getter, receiver)
	}
	return in.undefined, true
}

// lookup walks obj and its prototype chain for k. It allocates only on a
// found path (see ownProperty). Indices stored sparsely as names are not
// found here: see lookupSparse.
func (in *Interp) lookup(obj layout.Value, k Key) (layout.Value, propKind) {
	holder := obj
	if obj.IsSmi() || in.IsHeapNumber(obj) {
		holder = in.intrinsics[NumberPrototype]
	}
	for holder != in.null {
		v, kind, _ := in.ownProperty(holder, k)
		if kind != propNone {
			return v, kind
		}
		if in.typeOf(holder) == layout.JSTypedArrayType && (k.IsIndex || in.isCanonicalNumericKey(k)) {
			// Integer-indexed exotic: no lookup past a typed array.
			return 0, propNone
		}
		holder = in.prototypeOf(holder)
	}
	return 0, propNone
}

// chainMayHaveSparseIndex reports whether an object on v's prototype chain
// has named properties, among which an index too sparse for the elements
// store could be (see setElement).
func (in *Interp) chainMayHaveSparseIndex(v layout.Value) bool {
	for p := v; p != in.null && in.IsObject(p); p = in.prototypeOf(p) {
		if in.mayHaveSparseIndex(p) {
			return true
		}
	}
	return false
}

// lookupFull is lookup for any key. An index not among obj's own elements
// is looked up again along the chain, each holder by its elements and then
// by the index's name (an element kept as a named property, see
// defineSparse), so that an own accessor index shadows a prototype's
// element. That walk allocates the name: the values in vals (obj first)
// are kept updated across it and returned.
func (in *Interp) lookupFull(k Key, vals ...*layout.Value) (layout.Value, propKind) {
	if !k.IsIndex || !in.chainMayHaveSparseIndex(*vals[0]) {
		return in.lookup(*vals[0], k)
	}
	if in.IsObject(*vals[0]) {
		if v, kind, _ := in.ownProperty(*vals[0], k); kind != propNone {
			return v, kind
		}
	}
	base := len(in.temps)
	for _, p := range vals {
		in.temps = append(in.temps, *p)
	}
	name := in.indexName(k.Index)
	for i, p := range vals {
		*p = in.temps[base+i]
	}
	in.popTemps(base)
	holder := *vals[0]
	if holder.IsSmi() || in.IsHeapNumber(holder) {
		holder = in.intrinsics[NumberPrototype]
	}
	for holder != in.null {
		if v, kind, _ := in.ownProperty(holder, k); kind != propNone {
			return v, kind
		}
		if in.typeOf(holder) == layout.JSTypedArrayType {
			return 0, propNone // integer-indexed exotic: no lookup past it
		}
		if in.IsObject(holder) && in.mayHaveSparseIndex(holder) {
			if v, kind, _ := in.ownProperty(holder, NameKey(name)); kind != propNone {
				return v, kind
			}
		}
		holder = in.prototypeOf(holder)
	}
	return 0, propNone
}

// mayHaveSparseIndex reports whether obj has named properties, among which
// an index stored sparsely could be.
func (in *Interp) mayHaveSparseIndex(obj layout.Value) bool {
	if !in.f.MayHaveIndexNames() {
		return false
	}
	m := in.f.MapOf(obj)
	return in.f.IsDictionaryMap(m) || in.f.NumberOfOwnDescriptors(m) > 0
}

// HasProperty is the `in` operator's [[HasProperty]]. A proxy's trap that
// throws leaves the exception pending: see HasPropertyOK.
func (in *Interp) HasProperty(obj layout.Value, k Key) bool {
	found, _ := in.HasPropertyOK(obj, k)
	return found
}

// HasPropertyOK is [[HasProperty]], with false ok when a proxy trap threw.
func (in *Interp) HasPropertyOK(obj layout.Value, k Key) (bool, bool) {
	v, kind := in.lookupFull(k, &obj)
	if kind == propProxy {
		return in.proxyHas(v, k)
	}
	return kind != propNone, true
}

// HasOwnProperty reports whether obj has an own property k.
func (in *Interp) HasOwnProperty(obj layout.Value, k Key) bool {
	if _, kind, _ := in.ownProperty(obj, k); kind != propNone {
		return kind != propProxy
	}
	if k.IsIndex && in.IsObject(obj) && in.mayHaveSparseIndex(obj) {
		t := in.pushTemp(obj)
		name := in.indexName(k.Index)
		obj = in.temp(t)
		in.popTemps(t)
		_, kind, _ := in.ownProperty(obj, NameKey(name))
		return kind != propNone
	}
	return false
}

// Set is [[Set]]: obj[k] = v with obj as the receiver, throwing in strict
// mode when the assignment fails.
func (in *Interp) Set(obj layout.Value, k Key, v layout.Value, strict bool) bool {
	return in.set(obj, k, v, strict, false)
}

// SetNamed is Set with a name key.
func (in *Interp) SetNamed(obj, name, v layout.Value, strict bool) bool {
	return in.set(obj, NameKey(name), v, strict, false)
}

func (in *Interp) set(obj layout.Value, k Key, v layout.Value, strict, keyed bool) bool {
	h, f := in.h, in.f
	if !in.IsObject(obj) {
		if obj == in.undefined || obj == in.null || obj == in.hole {
			in.throwSetNullish(obj, k)
			return false
		}
		if strict {
			in.throwErrorValue(TypeError, "Cannot create property '"+in.keyText(k)+"' on "+in.TypeOfString(obj)+" '"+in.displayValue(obj)+"'")
			return false
		}
		return true
	}
	if in.typeOf(obj) == layout.JSProxyType {
		return in.proxySetStrict(obj, k, v, obj, strict)
	}
	if in.typeOf(obj) == layout.JSTypedArrayType && (k.IsIndex || in.isCanonicalNumericKey(k)) {
		scope := h.OpenScope()
		defer scope.Close()
		if !k.IsIndex {
			// "-0", "1.5", "-1": never an element, but the value is
			// still converted.
			if in.TypedArrayKindOf(obj).IsBigInt() {
				_, ok := in.ToBigInt(v)
				return ok
			}
			_, ok := in.ToFloat(v)
			return ok
		}
		return in.typedArraySetElement(h.NewHandle(obj), k.Index, v)
	}
	scope := h.OpenScope()
	defer scope.Close()
	oh, vh := h.NewHandle(obj), h.NewHandle(v)
	if k.IsIndex {
		if in.mappedArguments && in.mappedSet(obj, k.Index, v) {
			return true // a mapped arguments index: its parameter
		}
		if !in.mayHaveSparseIndex(obj) || !in.hasSparse(oh, k.Index) {
			if p := in.proxyOnChain(oh.Value()); p != 0 {
				return in.setThroughProxy(p, k, vh, oh, strict)
			}
			if done, ok := in.setIndexOnChain(oh, k.Index, vh, strict); done {
				return ok
			}
			return in.setElement(oh, k.Index, vh, strict)
		}
		// The element is a named property (it has attributes).
		k = NameKey(in.indexName(k.Index))
		obj = oh.Value()
	}
	nh := h.NewHandle(k.Name)
	name := k.Name
	t := in.typeOf(obj)
	if t == layout.JSArrayType && name == in.names[NameLength] {
		return in.setArrayLength(oh, vh)
	}
	// An own property first.
	cur, kind, attrs := in.ownProperty(obj, k)
	obj, v, name = oh.Value(), vh.Value(), nh.Value()
	k = NameKey(name)
	switch kind {
	case propData:
		if !attrs.Writable() {
			return in.failReadOnly(obj, k, strict)
		}
		if t == layout.JSFunctionType && name == in.names[NamePrototype] && !f.HasOwnProperty(obj, name) {
			f.SetFunctionPrototypeOrInitialMap(obj, v)
			return true
		}
		if !f.SetProperty(oh, nh, vh) {
			return in.failReadOnly(oh.Value(), k, strict)
		}
		return true
	case propAccessor:
		return in.callSetter(cur, oh, vh, k, strict)
	}
	// Then setters and read-only properties on the prototype chain.
	for p := in.prototypeOf(obj); p != in.null; p = in.prototypeOf(p) {
		cur, kind, attrs := in.ownProperty(p, NameKey(nh.Value()))
		if kind == propAccessor {
			return in.callSetter(cur, oh, vh, k, strict)
		}
		if kind == propProxy {
			return in.setThroughProxy(cur, k, vh, oh, strict)
		}
		if kind == propData {
			if !attrs.Writable() {
				return in.failReadOnly(oh.Value(), k, strict)
			}
			break
		}
	}
	var ok bool
	if keyed {
		ok = f.SetKeyedProperty(oh, nh, vh)
	} else {
		ok = f.SetProperty(oh, nh, vh)
	}
	if !ok && strict {
		in.throwErrorValue(TypeError, "Cannot add property "+in.keyText(NameKey(nh.Value()))+", object is not extensible")
		return false
	}
	return true
}

func (in *Interp) callSetter(pair layout.Value, obj, v heap.Handle, k Key, strict bool) bool {
	setter := in.f.AccessorPairSetter(pair)
	if setter == in.undefined {
		if strict {
			in.throwErrorValue(TypeError, "Cannot set property "+in.keyText(k)+" of "+in.objectText(obj.Value())+" which has only a getter")
			return false
		}
		return true
	}
	_, ok := in.Call(setter, obj.Value(), v.Value())
	return ok
}

func (in *Interp) failReadOnly(obj layout.Value, k Key, strict bool) bool {
	if strict {
		in.throwErrorValue(TypeError, "Cannot assign to read only property '"+in.keyText(k)+"' of "+in.TypeOfString(obj)+" '"+in.objectText(obj)+"'")
		return false
	}
	return true
}

// setElement stores an indexed property. An array grows its length; an
// index too far past the elements of a plain object is kept as a named
// property (there are no dictionary elements).
func (in *Interp) setElement(obj heap.Handle, i uint32, v heap.Handle, strict bool) bool {
	f := in.f
	if in.typeOf(obj.Value()) == layout.JSFunctionType || in.typeOf(obj.Value()) == layout.JSGlobalObjectType {
		// Functions and the global object keep indices as names.
		return in.setSparse(obj, i, v, strict)
	}
	if in.arrayIndexBlocked(obj.Value(), i) && f.IsExtensible(obj.Value()) {
		return in.failReadOnly(obj.Value(), NameKey(in.names[NameLength]), strict)
	}
	if f.SetElement(obj, i, v) {
		return true
	}
	if !f.IsExtensible(obj.Value()) {
		if strict {
			in.throwErrorValue(TypeError, "Cannot add property "+jsnum.FormatNumber(float64(i))+", object is not extensible")
			return false
		}
		return true
	}
	if f.IsJSArray(obj.Value()) && i < objects.MaxFastArrayLength {
		if f.SetArrayLength(obj, i+1) && f.SetElement(obj, i, v) {
			return true
		}
	}
	if f.IsJSArray(obj.Value()) && i >= f.ArrayLength(obj.Value()) {
		f.SetArrayLength(obj, i+1)
	}
	return in.setSparse(obj, i, v, strict)
}

func (in *Interp) setSparse(obj heap.Handle, i uint32, v heap.Handle, strict bool) bool {
	name := in.h.NewHandle(in.indexName(i))
	if !in.f.SetKeyedProperty(obj, name, v) && strict {
		in.throwErrorValue(TypeError, "Cannot add property "+jsnum.FormatNumber(float64(i))+", object is not extensible")
		return false
	}
	return true
}

// setArrayLength is `array.length = v`. Elements kept as named properties
// (see defineSparse) past the new length are deleted too; a
// non-configurable one stops the truncation just after it, and the
// assignment fails (a TypeError in strict code), as does one to a length
// that is not writable (before the value is converted).
func (in *Interp) setArrayLength(arr, v heap.Handle) bool {
	if in.arrayLengthReadOnly(arr.Value()) {
		return in.failReadOnly(arr.Value(), NameKey(in.names[NameLength]), in.currentStrict())
	}
	n, ok := in.ToNumber(v.Value())
	if !ok {
		return false
	}
	x := in.NumberValue(n)
	if x != float64(uint32(x)) {
		in.throwErrorValue(RangeError, "Invalid array length")
		return false
	}
	if stop, ok := in.truncateArrayAt(arr, uint32(x)); !ok && in.currentStrict() {
		// V8 names the element that could not be deleted.
		in.throwErrorValue(TypeError, "Cannot delete property '"+jsnum.FormatNumber(float64(stop-1))+"' of [object Array]")
		return false
	}
	return true
}

// hasSparse reports whether index i of obj is kept as a named property.
func (in *Interp) hasSparse(obj heap.Handle, i uint32) bool {
	name := in.indexName(i)
	_, _, ok := in.f.GetOwnProperty(obj.Value(), name)
	return ok
}

// defineSparse keeps element i of obj as a named property (its key the
// index's string), which carries attributes elements cannot: read-only,
// non-enumerable, non-configurable elements.
func (in *Interp) defineSparse(obj heap.Handle, i uint32, v heap.Handle, attrs objects.PropertyAttributes) bool {
	h, f := in.h, in.f
	name := h.NewHandle(in.indexName(i))
	if _, ok := f.GetElement(obj.Value(), i); ok {
		f.DeleteElement(obj.Value(), i)
	}
	if f.IsJSArray(obj.Value()) && i >= f.ArrayLength(obj.Value()) {
		f.SetArrayLength(obj, i+1)
	}
	return f.DefineProperty(obj, name, v, attrs)
}

// truncateSparse deletes arr's sparse elements at or past n, from the
// highest; it stops at a non-configurable one and returns the length that
// leaves it in place, and false.
func (in *Interp) truncateSparse(arr heap.Handle, n uint32) (uint32, bool) {
	h, f := in.h, in.f
	keys := f.OwnKeys(arr, objects.SkipSymbols)
	var idx []uint32
	for j := 0; j < f.Length(keys.Value()); j++ {
		k := f.Get(keys.Value(), j)
		if k.IsSmi() {
			continue
		}
		if i, ok := jsnum.ArrayIndex(f.StringToGo(k)); ok && i >= n {
			idx = append(idx, i)
		}
	}
	for a, b := 0, len(idx)-1; a < b; a, b = a+1, b-1 {
		idx[a], idx[b] = idx[b], idx[a]
	}
	sortDesc(idx)
	for _, i := range idx {
		name := h.NewHandle(in.indexName(i))
		if !f.DeleteProperty(arr, name) {
			return i + 1, false
		}
	}
	return n, true
}

func sortDesc(a []uint32) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] > a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// DefineOwn defines obj's own data property k = v with attributes
// (CreateDataProperty and its non-enumerable variants); indices become
// elements.
func (in *Interp) DefineOwn(obj layout.Value, k Key, v layout.Value, attrs objects.PropertyAttributes) bool {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	oh, vh := h.NewHandle(obj), h.NewHandle(v)
	if k.IsIndex && in.typeOf(obj) == layout.JSTypedArrayType {
		if n, _ := in.TypedArrayLength(obj); attrs != objects.AttrNone || int64(k.Index) >= int64(n) {
			return false
		}
		return in.typedArraySetElement(oh, k.Index, vh.Value())
	}
	if in.typeOf(obj) == layout.JSProxyType {
		kh := in.HandleKey(k)
		d := in.NewDescriptor()
		d.Value.Set(vh.Value())
		d.HasValue, d.HasWritable, d.Writable = true, true, attrs.Writable()
		d.HasEnumerable, d.Enumerable = true, attrs.Enumerable()
		d.HasConfigurable, d.Configurable = true, attrs.Configurable()
		done, ok := in.DefineOwnProperty(oh, kh, &d)
		return done && ok
	}
	if k.IsIndex {
		if in.arrayIndexBlocked(obj, k.Index) {
			return false
		}
		if in.mappedArguments {
			if done, found := in.mappedDefineOwn(oh, k.Index, vh, attrs); found {
				return done
			}
		}
		if attrs != objects.AttrNone || in.mayHaveSparseIndex(obj) && in.hasSparse(oh, k.Index) {
			return in.defineSparse(oh, k.Index, vh, attrs)
		}
		return in.setElement(oh, k.Index, vh, false)
	}
	if in.IsArray(obj) && k.Name == in.names[NameLength] {
		return in.setArrayLength(oh, vh)
	}
	if in.typeOf(obj) == layout.JSFunctionType && k.Name == in.names[NamePrototype] && !f.HasOwnProperty(obj, k.Name) {
		f.SetFunctionPrototypeOrInitialMap(obj, v)
		return true
	}
	return f.DefineProperty(oh, h.NewHandle(k.Name), vh, attrs)
}

// Delete is the delete operator's [[Delete]]; it reports false (or throws
// in strict mode) when the property is not configurable.
func (in *Interp) Delete(obj layout.Value, k Key, strict bool) (bool, bool) {
	h, f := in.h, in.f
	if !in.IsObject(obj) {
		return true, true
	}
	if k.IsIndex && in.typeOf(obj) == layout.JSTypedArrayType {
		if n, _ := in.TypedArrayLength(obj); int64(k.Index) < int64(n) {
			return in.failDelete(obj, k, strict)
		}
		return true, true
	}
	if in.typeOf(obj) == layout.JSProxyType {
		done, ok := in.proxyDelete(obj, k)
		if ok && !done && strict && in.IsModuleNamespace(obj) {
			return in.failDelete(obj, k, true) // V8's words for a namespace
		}
		if ok && !done && strict {
			in.proxyError("deleteProperty", &k, "trap returned falsish")
			return false, false
		}
		return done, ok
	}
	if k.IsIndex {
		if _, ok := f.GetElement(obj, k.Index); ok {
			return f.DeleteElement(obj, k.Index), true
		}
		if in.mappedArguments {
			if deleted, found := in.mappedDelete(obj, k.Index); found {
				if !deleted {
					return in.failDelete(obj, k, strict)
				}
				return true, true
			}
		}
		if !in.mayHaveSparseIndex(obj) {
			return true, true
		}
		t := in.pushTemp(obj)
		k = NameKey(in.indexName(k.Index))
		obj = in.temp(t)
		in.popTemps(t)
	}
	if in.IsArray(obj) && k.Name == in.names[NameLength] {
		return in.failDelete(obj, k, strict)
	}
	scope := h.OpenScope()
	defer scope.Close()
	oh := h.NewHandle(obj)
	if !f.DeleteProperty(oh, h.NewHandle(k.Name)) {
		return in.failDelete(oh.Value(), k, strict)
	}
	if in.typeOf(oh.Value()) == layout.JSFunctionType {
		switch k.Name {
		case in.names[NameName], in.names[NameLength]:
			// Record the deletion of the built-in property.
			bits := virtualBit(in, k.Name)
			if del, ok := f.GetProperty(oh.Value(), in.intrinsics[PrivateDeletedVirtual]); ok {
				bits |= del.SmiValue()
			}
			f.DefineProperty(oh, h.NewHandle(in.intrinsics[PrivateDeletedVirtual]), h.NewHandle(layout.Smi(bits)), objects.AttrDontEnum)
		case in.names[NamePrototype], in.names[NameArguments], in.names[NameCaller]:
			if _, kind, _ := in.ownProperty(oh.Value(), k); kind != propNone {
				return in.failDelete(oh.Value(), k, strict)
			}
		}
	}
	return true, true
}

func (in *Interp) failDelete(obj layout.Value, k Key, strict bool) (bool, bool) {
	if strict {
		in.throwErrorValue(TypeError, "Cannot delete property '"+in.keyText(k)+"' of "+in.objectText(obj))
		return false, false
	}
	return false, true
}

// newPlainObject allocates `{}` without leaving a handle behind.
func (in *Interp) newPlainObject() layout.Value {
	scope := in.h.OpenScope()
	v := in.f.NewPlainObject().Value()
	scope.Close()
	return v
}

// newArray allocates an empty array with room for n elements.
func (in *Interp) newArray(n int) layout.Value {
	scope := in.h.OpenScope()
	v := in.f.NewJSArray(n).Value()
	scope.Close()
	return v
}

// NewArray allocates an array of the given values (in a handle).
func (in *Interp) NewArray(values []layout.Value) heap.Handle {
	h, f := in.h, in.f
	base := in.pushTemp(in.undefined)
	in.temps = append(in.temps, values...)
	arr := f.NewJSArray(len(values))
	for i := range values {
		s := h.OpenScope()
		f.ArrayPush(arr, h.NewHandle(in.temps[base+1+i]))
		s.Close()
	}
	in.popTemps(base)
	return arr
}

// arrayPush appends v to an array literal under construction.
func (in *Interp) arrayPush(arr, v layout.Value) {
	h := in.h
	scope := h.OpenScope()
	in.f.ArrayPush(h.NewHandle(arr), h.NewHandle(v))
	scope.Close()
}

// arrayPushHole appends a hole (an elision) to an array literal.
func (in *Interp) arrayPushHole(arr layout.Value) {
	h := in.h
	scope := h.OpenScope()
	a := h.NewHandle(arr)
	in.f.SetArrayLength(a, in.f.ArrayLength(a.Value())+1)
	scope.Close()
}

package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Named properties. Keys are names (internalized strings and symbols,
// compared by identity) that are not array indices: indices are elements
// (elements.go), and the interpreter routes them there.
//
// A fast-mode object's map describes its properties; each is a field: the
// first InObjectProperties fields live in the object, the rest in its
// PropertyArray, which grows by 3 fields at a time as V8's. Accessor pairs
// are stored in fields too (V8 keeps them in the descriptors), so objects
// with different getters still share maps. A dictionary-mode object keeps
// its properties in a NameDictionary.

const (
	// fieldsAdded is how many fields a PropertyArray grows by (V8's
	// JSObject::kFieldsAdded).
	fieldsAdded = 3
	// maxFastProperties is V8's kMaxFastProperties: more out-of-object fields
	// than this, added by named stores, send an object to dictionary mode.
	maxFastProperties = 128
	// fastPropertiesSoftLimit is V8's kFastPropertiesSoftLimit: the same
	// limit for keyed stores (obj[key] = v), which often build dictionaries.
	fastPropertiesSoftLimit = 12
)

// FieldIndex locates a fast property's value: a byte offset in the object
// (in-object) or in its PropertyArray. Inline caches keep it with the map.
type FieldIndex struct {
	offset   uint32
	inObject bool
}

// IsInObject reports whether the field is inside the object itself.
func (fi FieldIndex) IsInObject() bool { return fi.inObject }

// Offset returns the field's byte offset in the object, or in its
// PropertyArray (header included) when it is out of object.
func (fi FieldIndex) Offset() uint32 { return fi.offset }

// FieldIndexOf returns where field number field of objects of map m lives.
func (f *Factory) FieldIndexOf(m layout.Value, field int) FieldIndex {
	h := f.H
	inobj := int(h.U8(m.Addr(), layout.MapInObjectPropertiesOffset))
	if field < inobj {
		size := h.U32(m.Addr(), layout.MapInstanceSizeOffset)
		return FieldIndex{size - uint32(inobj-field)*layout.TaggedSize, true}
	}
	return FieldIndex{arraySlot(field - inobj), false}
}

// LookupField finds key among the own fast properties of map m and returns
// where its value lives and its details: what a load or store inline cache
// records. It does not allocate.
func (f *Factory) LookupField(m, key layout.Value) (FieldIndex, PropertyDetails, bool) {
	i := f.LookupOwnDescriptor(m, key)
	if i < 0 {
		return FieldIndex{}, 0, false
	}
	det := f.DescriptorDetails(f.MapDescriptors(m), i)
	return f.FieldIndexOf(m, det.FieldIndex()), det, true
}

// FastPropertyAt reads the field fi of the fast-mode object obj. Hot path.
func (f *Factory) FastPropertyAt(obj layout.Value, fi FieldIndex) layout.Value {
	h := f.H
	if fi.inObject {
		return h.Field(obj.Addr(), fi.offset)
	}
	return h.Field(h.Field(obj.Addr(), layout.JSObjectPropertiesOrHashOffset).Addr(), fi.offset)
}

// FastPropertyAtPut writes the field fi of the fast-mode object obj.
func (f *Factory) FastPropertyAtPut(obj layout.Value, fi FieldIndex, v layout.Value) {
	h := f.H
	if fi.inObject {
		h.SetField(obj.Addr(), fi.offset, v)
		return
	}
	h.SetField(h.Field(obj.Addr(), layout.JSObjectPropertiesOrHashOffset).Addr(), fi.offset, v)
}

// GetOwnProperty looks key up among obj's own named properties and returns
// its value and details. For an accessor property the value is its accessor
// pair. It does not allocate.
func (f *Factory) GetOwnProperty(obj, key layout.Value) (layout.Value, PropertyDetails, bool) {
	h := f.H
	m := h.Field(obj.Addr(), layout.MapOffset)
	bf3 := h.U32(m.Addr(), layout.MapBitField3Offset)
	if bf3&layout.MapIsDictionaryMap != 0 {
		d := h.Field(obj.Addr(), layout.JSObjectPropertiesOrHashOffset)
		e := f.DictionaryFind(d, key)
		if e < 0 {
			return 0, 0, false
		}
		return f.DictionaryValue(d, e), f.DictionaryDetails(d, e), true
	}
	n := int(bf3 & layout.MapNumberOfOwnDescriptorsMask)
	if n == 0 {
		return 0, 0, false
	}
	d := h.Field(m.Addr(), layout.MapInstanceDescriptorsOffset)
	i := f.searchDescriptors(d, key, n)
	if i < 0 {
		return 0, 0, false
	}
	det := f.DescriptorDetails(d, i)
	return f.FastPropertyAt(obj, f.FieldIndexOf(m, det.FieldIndex())), det, true
}

// GetProperty returns the value of obj's own property key (for an accessor,
// its pair: see GetOwnProperty). The prototype chain is the caller's. It
// does not allocate.
func (f *Factory) GetProperty(obj, key layout.Value) (layout.Value, bool) {
	v, _, ok := f.GetOwnProperty(obj, key)
	return v, ok
}

// HasOwnProperty reports whether obj has an own named property key.
func (f *Factory) HasOwnProperty(obj, key layout.Value) bool {
	_, _, ok := f.GetOwnProperty(obj, key)
	return ok
}

// SetProperty stores value into obj's own data property key, adding it
// (writable, enumerable, configurable) if obj has none: `obj.key = value`
// once the prototype chain has been checked for setters and read-only
// properties. It reports false, changing nothing, when the own property is
// read-only or an accessor, or when obj is not extensible and lacks it.
func (f *Factory) SetProperty(obj, key, value heap.Handle) bool {
	return f.setProperty(obj, key, value, false)
}

// SetKeyedProperty is SetProperty for keyed stores (`obj[key] = value`):
// as in V8, an object that gains properties this way goes to dictionary
// mode sooner (beyond 12 out-of-object fields rather than 128), since
// computed keys usually mean the object is used as a dictionary.
func (f *Factory) SetKeyedProperty(obj, key, value heap.Handle) bool {
	return f.setProperty(obj, key, value, true)
}

func (f *Factory) setProperty(obj, key, value heap.Handle, keyed bool) bool {
	h := f.H
	o := obj.Value()
	m := h.Field(o.Addr(), layout.MapOffset)
	if f.IsDictionaryMap(m) {
		d := h.Field(o.Addr(), layout.JSObjectPropertiesOrHashOffset)
		if e := f.DictionaryFind(d, key.Value()); e >= 0 {
			det := f.DictionaryDetails(d, e)
			if det.Kind() != KindData || !det.Attributes().Writable() {
				return false
			}
			f.setDictionaryValue(d, e, value.Value())
			return true
		}
		return f.addProperty(obj, key, value, KindData, AttrNone, keyed)
	}
	if fi, det, ok := f.LookupField(m, key.Value()); ok {
		if det.Kind() != KindData || !det.Attributes().Writable() {
			return false
		}
		f.FastPropertyAtPut(o, fi, value.Value())
		return true
	}
	return f.addProperty(obj, key, value, KindData, AttrNone, keyed)
}

// DefineProperty defines obj's own data property key with value and attrs,
// adding it or replacing its value, kind and attributes
// (Object.defineProperty with a complete data descriptor; the caller has
// validated the change against the old attributes). It reports false when
// obj is not extensible and lacks key.
func (f *Factory) DefineProperty(obj, key, value heap.Handle, attrs PropertyAttributes) bool {
	return f.defineOwn(obj, key, value, KindData, attrs)
}

// DefineAccessor defines obj's own accessor property key with a getter and a
// setter (functions, or nil handles for undefined) and attrs, as
// `get key() {}` or Object.defineProperty with get/set do. Merging with an
// existing pair is the caller's. It reports false when obj is not extensible
// and lacks key.
func (f *Factory) DefineAccessor(obj, key, getter, setter heap.Handle, attrs PropertyAttributes) bool {
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	pair := f.NewAccessorPair(getter, setter)
	return f.defineOwn(obj, key, pair, KindAccessor, attrs&^AttrReadOnly)
}

// DefineFormerElement is DefineProperty (getter and setter nil) or
// DefineAccessor for key, the name of an index obj held as a plain element
// until now (an element that gets attributes or accessors is kept by
// name): the property is not new to obj, so a non-extensible obj takes it
// too.
func (f *Factory) DefineFormerElement(obj, key, value, getter, setter heap.Handle, accessor bool, attrs PropertyAttributes) {
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	kind := KindData
	if accessor {
		value, kind, attrs = f.NewAccessorPair(getter, setter), KindAccessor, attrs&^AttrReadOnly
	}
	if f.defineOwn(obj, key, value, kind, attrs) {
		return
	}
	// Not extensible: added to the dictionary, past addProperty's check.
	f.objects.indexNames = true
	f.normalizeProperties(obj, 1)
	d := f.dictAdd(h.NewHandle(f.JSObjectProperties(obj.Value())), key, value, newDictionaryDetails(kind, attrs, 0))
	h.SetField(obj.Addr(), layout.JSObjectPropertiesOrHashOffset, d.Value())
}

func (f *Factory) defineOwn(obj, key, value heap.Handle, kind PropertyKind, attrs PropertyAttributes) bool {
	h := f.H
	o := obj.Value()
	m := f.MapOf(o)
	if f.IsDictionaryMap(m) {
		d := f.JSObjectProperties(o)
		e := f.DictionaryFind(d, key.Value())
		if e < 0 {
			return f.addProperty(obj, key, value, kind, attrs, false)
		}
		f.setDictionaryValue(d, e, value.Value())
		f.setDictionaryDetails(d, e, f.DictionaryDetails(d, e).withKindAndAttributes(kind, attrs))
		return true
	}
	i := f.LookupOwnDescriptor(m, key.Value())
	if i < 0 {
		return f.addProperty(obj, key, value, kind, attrs, false)
	}
	det := f.DescriptorDetails(f.MapDescriptors(m), i)
	if det.Kind() != kind || det.Attributes() != attrs {
		scope := h.OpenScope()
		nm := f.reconfigureProperty(h.NewHandle(m), i, kind, attrs).Value()
		scope.Close()
		h.SetField(obj.Addr(), layout.MapOffset, nm)
		m = nm
	}
	f.FastPropertyAtPut(obj.Value(), f.FieldIndexOf(m, det.FieldIndex()), value.Value())
	return true
}

// addProperty adds the absent property key to obj: along a map transition
// in fast mode (going to dictionary mode when the map has too many
// properties for a named or keyed store), into the dictionary otherwise.
func (f *Factory) addProperty(obj, key, value heap.Handle, kind PropertyKind, attrs PropertyAttributes, keyed bool) bool {
	h := f.H
	m := f.MapOf(obj.Value())
	if !f.MapIsExtensible(m) {
		return false
	}
	if !f.objects.indexNames {
		if _, ok := f.nameIndex(key.Value()); ok {
			f.objects.indexNames = true
		}
	}
	scope := h.OpenScope()
	defer scope.Close()
	if !f.IsDictionaryMap(m) {
		if target := f.transitionForAdd(h.NewHandle(m), key, kind, attrs, keyed); !target.IsNil() {
			f.addFastProperty(obj, target, value)
			return true
		}
		f.normalizeProperties(obj, 1)
	}
	d := f.dictAdd(h.NewHandle(f.JSObjectProperties(obj.Value())), key, value, newDictionaryDetails(kind, attrs, 0))
	h.SetField(obj.Addr(), layout.JSObjectPropertiesOrHashOffset, d.Value())
	return true
}

// transitionForAdd returns the map an object of map m moves to when the
// property (key, kind, attrs) is added: an existing transition or a new
// child map. A nil handle means the object must go to dictionary mode.
func (f *Factory) transitionForAdd(m, key heap.Handle, kind PropertyKind, attrs PropertyAttributes, keyed bool) heap.Handle {
	if t := f.SearchTransition(m.Value(), key.Value(), kind, attrs); t != 0 {
		return f.H.NewHandle(t)
	}
	if f.NumberOfOwnDescriptors(m.Value()) >= MaxNumberOfDescriptors || f.tooManyFastProperties(m.Value(), keyed) {
		return heap.Handle{}
	}
	return f.newChildMap(m, key, kind, attrs)
}

// propertyArrayLength returns the PropertyArray length of an object with out
// out-of-object fields: grown fieldsAdded at a time.
func propertyArrayLength(out int) int {
	return (out + fieldsAdded - 1) / fieldsAdded * fieldsAdded
}

// tooManyFastProperties is V8's Map::TooManyFastProperties: whether adding a
// field to an object of m, whose PropertyArray is full, should send it to
// dictionary mode instead. V8 counts only mutable fields for named stores
// (fields start out constant there); without constness tracking every field
// counts here, as for V8's keyed stores.
func (f *Factory) tooManyFastProperties(m layout.Value, keyed bool) bool {
	inobj := f.InObjectProperties(m)
	out := f.NumberOfOwnDescriptors(m) - inobj
	if out < 0 || propertyArrayLength(out) > out {
		return false
	}
	limit := maxFastProperties
	if keyed {
		limit = fastPropertiesSoftLimit
	}
	return out > max(limit, inobj)
}

// addFastProperty moves obj to target, a child of its map, and stores value
// into the new field, growing the PropertyArray when it is full.
func (f *Factory) addFastProperty(obj, target, value heap.Handle) {
	h := f.H
	t := target.Value()
	_, det := f.lastDescriptor(t)
	fi := f.FieldIndexOf(t, det.FieldIndex())
	if !fi.inObject {
		need := det.FieldIndex() - f.InObjectProperties(t) + 1
		if props := f.JSObjectProperties(obj.Value()); f.Length(props) < need {
			f.growPropertyArray(obj, propertyArrayLength(need))
		}
	}
	o := obj.Value()
	h.SetField(o.Addr(), layout.MapOffset, target.Value())
	f.FastPropertyAtPut(o, fi, value.Value())
}

// growPropertyArray gives obj a PropertyArray of n fields holding its
// current ones.
func (f *Factory) growPropertyArray(obj heap.Handle, n int) {
	h := f.H
	np := f.NewFixedArrayWithMap(f.Roots.PropertyArrayMap, n, heap.NewSpace, f.Roots.Undefined)
	old := f.JSObjectProperties(obj.Value())
	for i, c := 0, f.Length(old); i < c; i++ {
		h.SetField(np.Addr(), arraySlot(i), h.Field(old.Addr(), arraySlot(i)))
	}
	h.SetField(obj.Addr(), layout.JSObjectPropertiesOrHashOffset, np.Value())
}

// DeleteProperty removes obj's own named property key (the `delete`
// operator) and reports whether it is gone: false when it is not
// configurable. Deleting the property added last moves obj back to its
// map's parent, as V8 does; any other deletion sends obj to dictionary mode.
func (f *Factory) DeleteProperty(obj, key heap.Handle) bool {
	h := f.H
	m := f.MapOf(obj.Value())
	scope := h.OpenScope()
	defer scope.Close()
	if !f.IsDictionaryMap(m) {
		i := f.LookupOwnDescriptor(m, key.Value())
		if i < 0 {
			return true
		}
		det := f.DescriptorDetails(f.MapDescriptors(m), i)
		if !det.Attributes().Configurable() {
			return false
		}
		if f.deleteLastFastProperty(obj.Value(), m, i, det) {
			return true
		}
		f.normalizeProperties(obj, 0)
	}
	d := f.JSObjectProperties(obj.Value())
	e := f.DictionaryFind(d, key.Value())
	if e < 0 {
		return true
	}
	if !f.DictionaryDetails(d, e).Attributes().Configurable() {
		return false
	}
	nd := f.dictDelete(h.NewHandle(d), e)
	h.SetField(obj.Addr(), layout.JSObjectPropertiesOrHashOffset, nd.Value())
	return true
}

// deleteLastFastProperty undoes the last map transition when the deleted
// property is the one it added (V8's DeleteObjectPropertyFast). It does not
// allocate.
func (f *Factory) deleteLastFastProperty(obj, m layout.Value, i int, det PropertyDetails) bool {
	n := f.NumberOfOwnDescriptors(m)
	if i != n-1 {
		return false
	}
	parent, ok := f.MapBackPointer(m)
	if !ok || f.NumberOfOwnDescriptors(parent) != n-1 {
		return false
	}
	fi := f.FieldIndexOf(m, det.FieldIndex())
	if !fi.inObject && fi.offset == arraySlot(0) {
		f.H.SetField(obj.Addr(), layout.JSObjectPropertiesOrHashOffset, f.Roots.EmptyFixedArray)
	} else {
		f.FastPropertyAtPut(obj, fi, f.Roots.Undefined)
	}
	f.H.SetField(obj.Addr(), layout.MapOffset, parent)
	return true
}

// NormalizeProperties sends obj to dictionary mode: its properties move,
// in order, into a NameDictionary with room for extra more, and it takes
// the dictionary map of its map. Its in-object slots stay (cleared), as with
// V8's KEEP_INOBJECT_PROPERTIES.
func (f *Factory) NormalizeProperties(obj heap.Handle, extra int) {
	scope := f.H.OpenScope()
	defer scope.Close()
	f.normalizeProperties(obj, extra)
}

func (f *Factory) normalizeProperties(obj heap.Handle, extra int) {
	h := f.H
	mh := h.NewHandle(f.MapOf(obj.Value()))
	if f.IsDictionaryMap(mh.Value()) {
		return
	}
	nm := f.normalizedMap(mh)
	n := f.NumberOfOwnDescriptors(mh.Value())
	dict := f.newNameDictionary(n + extra)
	// No allocation from here on.
	o, m, dv := obj.Value(), mh.Value(), dict.Value()
	d := f.MapDescriptors(m)
	for i := 0; i < n; i++ {
		det := f.DescriptorDetails(d, i)
		v := f.FastPropertyAt(o, f.FieldIndexOf(m, det.FieldIndex()))
		f.dictAddNoGrow(dv, f.DescriptorKey(d, i), v, newDictionaryDetails(det.Kind(), det.Attributes(), 0))
	}
	size := h.U32(m.Addr(), layout.MapInstanceSizeOffset)
	for off := size - uint32(f.InObjectProperties(m))*layout.TaggedSize; off < size; off += layout.TaggedSize {
		h.SetField(o.Addr(), off, layout.Smi(0))
	}
	h.SetField(o.Addr(), layout.JSObjectPropertiesOrHashOffset, dv)
	h.SetField(o.Addr(), layout.MapOffset, nm.Value())
}

// NewAccessorPair allocates a getter/setter pair (nil handles mean
// undefined), V8's ACCESSOR_PAIR_TYPE.
func (f *Factory) NewAccessorPair(getter, setter heap.Handle) heap.Handle {
	h := f.H
	a := h.AllocateYoung(layout.AccessorPairSize)
	h.SetField(a, layout.MapOffset, f.Roots.AccessorPairMap)
	h.SetField(a, layout.AccessorPairGetterOffset, f.Roots.Undefined)
	h.SetField(a, layout.AccessorPairSetterOffset, f.Roots.Undefined)
	if !getter.IsNil() {
		h.SetField(a, layout.AccessorPairGetterOffset, getter.Value())
	}
	if !setter.IsNil() {
		h.SetField(a, layout.AccessorPairSetterOffset, setter.Value())
	}
	return h.HandleAddr(a)
}

// AccessorPairGetter returns the getter of an accessor pair, or undefined.
func (f *Factory) AccessorPairGetter(pair layout.Value) layout.Value {
	return f.H.Field(pair.Addr(), layout.AccessorPairGetterOffset)
}

// AccessorPairSetter returns the setter of an accessor pair, or undefined.
func (f *Factory) AccessorPairSetter(pair layout.Value) layout.Value {
	return f.H.Field(pair.Addr(), layout.AccessorPairSetterOffset)
}

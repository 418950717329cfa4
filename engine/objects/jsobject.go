package objects

import (
	"sort"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
)

// A JSObject is its map, a properties field (the empty fixed array, a
// PropertyArray of out-of-object fields, or a NameDictionary in dictionary
// mode), an elements field (the empty fixed array or a FixedArray of indexed
// properties with holes), its type's own fields (a JSArray's length), then
// its in-object property slots:
//
//	{}          map | properties | elements | 4 in-object slots  = 28 bytes
//	[]          map | properties | elements | length             = 16 bytes
//
// V8 keeps an identity hash in the properties field when there are no
// properties; here that field always holds a backing store.

// objectState is the factory's object-model state: the initial maps and the
// cache of dictionary maps. The maps live in the old space and may move: the
// factory registers the fields as roots and the GC updates them.
type objectState struct {
	// objectMap is the initial map of `{}`; arrayMap that of arrays.
	objectMap, arrayMap layout.Value
	// normalized is the weak normalized-map cache (see normalizedMap).
	normalized [normalizedCacheSize]layout.Value
	// indexNames is set once any object gets a named property spelling an
	// array index (see MayHaveIndexNames).
	indexNames bool
	// holeElement, when set, is asked about each hole of an object's
	// elements in key listings: the interpreter's mapped arguments objects
	// keep their mapped indices as holes and answer with the property's
	// attributes. It must not allocate.
	holeElement func(obj layout.Value, index uint32) (PropertyAttributes, bool)
}

// SetHoleElementHook installs the hook key listings ask about elements
// that are holes (see objectState.holeElement).
func (f *Factory) SetHoleElementHook(fn func(obj layout.Value, index uint32) (PropertyAttributes, bool)) {
	f.objects.holeElement = fn
}

// MayHaveIndexNames reports whether some object may have a named property
// spelling an array index (the interpreter keeps accessor, attributed and
// very sparse elements so). Until one is added, lookups of indices need
// look at elements only.
func (f *Factory) MayHaveIndexNames() bool { return f.objects.indexNames }

// setUpObjects creates the initial maps. Their prototypes start as null: the
// builtins set Object.prototype and Array.prototype with
// SetInitialMapPrototype when they set up the realm.
func (f *Factory) setUpObjects() {
	st := &f.objects
	st.objectMap, st.arrayMap = layout.Smi(0), layout.Smi(0)
	for i := range st.normalized {
		st.normalized[i] = layout.Smi(0)
	}
	f.H.AddRoots(func(visit func(*layout.Value)) {
		visit(&st.objectMap)
		visit(&st.arrayMap)
	})
	f.H.AddWeakRoots(f.sweepNormalizedCache)
	scope := f.H.OpenScope()
	defer scope.Close()
	st.objectMap = f.NewJSObjectMap(defaultInObjectProperties).Value()
	st.arrayMap = f.NewMap(layout.JSArrayType, layout.JSArrayHeaderSize, 0).Value()
}

// ObjectMap returns the initial map of plain objects (`{}`, new Object()):
// 4 in-object property slots, as in V8.
func (f *Factory) ObjectMap() layout.Value { return f.objects.objectMap }

// IsJSObject reports whether v is a JavaScript object of any kind.
func (f *Factory) IsJSObject(v layout.Value) bool {
	return v.IsHeapObject() && f.H.InstanceType(v.Addr()).IsJSObject()
}

// NewJSObject allocates, in the new space, an object of map m (a JavaScript
// object map of fixed size): no properties (a fresh dictionary if m is a
// dictionary map), no elements, every other field undefined (a JSArray's
// length 0).
func (f *Factory) NewJSObject(m heap.Handle) heap.Handle {
	h := f.H
	props := f.Roots.EmptyFixedArray
	var dict heap.Handle
	if f.IsDictionaryMap(m.Value()) {
		dict = f.newNameDictionary(0)
	}
	mv := m.Value()
	size := h.U32(mv.Addr(), layout.MapInstanceSizeOffset)
	a := h.AllocateYoung(size)
	mv = m.Value()
	if !dict.IsNil() {
		props = dict.Value()
	}
	h.SetField(a, layout.MapOffset, mv)
	h.SetField(a, layout.JSObjectPropertiesOrHashOffset, props)
	h.SetField(a, layout.JSObjectElementsOffset, f.Roots.EmptyFixedArray)
	for off := uint32(layout.JSObjectHeaderSize); off < size; off += layout.TaggedSize {
		h.SetField(a, off, f.Roots.Undefined)
	}
	if f.MapInstanceType(mv) == layout.JSArrayType {
		h.SetField(a, layout.JSArrayLengthOffset, layout.Smi(0))
	}
	return h.HandleAddr(a)
}

// NewPlainObject allocates `{}`: an object of ObjectMap.
func (f *Factory) NewPlainObject() heap.Handle {
	return f.NewJSObject(f.H.NewHandle(f.objects.objectMap))
}

// JSObjectProperties returns obj's properties backing store: the empty fixed
// array, a PropertyArray, or (dictionary mode) a NameDictionary.
func (f *Factory) JSObjectProperties(obj layout.Value) layout.Value {
	return f.H.Field(obj.Addr(), layout.JSObjectPropertiesOrHashOffset)
}

// JSObjectElements returns obj's elements backing store.
func (f *Factory) JSObjectElements(obj layout.Value) layout.Value {
	return f.H.Field(obj.Addr(), layout.JSObjectElementsOffset)
}

// HasFastProperties reports whether obj's named properties are described by
// its map (fast mode) rather than held in a dictionary.
func (f *Factory) HasFastProperties(obj layout.Value) bool { return !f.IsDictionaryMap(f.MapOf(obj)) }

// PropertyFilter selects the keys OwnKeys returns, as V8's PropertyFilter.
type PropertyFilter uint8

// Property filters; combine with |.
const (
	AllProperties    PropertyFilter = 0
	OnlyWritable     PropertyFilter = 1
	OnlyEnumerable   PropertyFilter = 2
	OnlyConfigurable PropertyFilter = 4
	SkipStrings      PropertyFilter = 8
	SkipSymbols      PropertyFilter = 16
)

// OwnKeys returns a FixedArray of obj's own keys in JavaScript's order
// ([[OwnPropertyKeys]]): element indices ascending (as Smis; the caller makes
// strings of them), then string keys in insertion order, then symbols in
// insertion order; private symbols never. Object.keys and for-in pass
// OnlyEnumerable|SkipSymbols, Object.getOwnPropertySymbols SkipStrings.
// A JSArray's length is not among them: it lives in the array, not in a
// descriptor.
func (f *Factory) OwnKeys(obj heap.Handle, filter PropertyFilter) heap.Handle {
	n := 0
	f.forEachOwnKey(obj.Value(), filter, func(layout.Value) { n++ })
	keys := f.NewFixedArray(n, heap.NewSpace)
	i := 0
	f.forEachOwnKey(obj.Value(), filter, func(k layout.Value) {
		f.H.SetField(keys.Addr(), arraySlot(i), k)
		i++
	})
	return keys
}

// forEachOwnKey calls fn, which must not allocate, with obj's own keys in
// order. Indices kept as named properties (the interpreter's sparse and
// attributed elements) come with the elements, all in ascending order.
func (f *Factory) forEachOwnKey(obj layout.Value, filter PropertyFilter, fn func(layout.Value)) {
	m := f.MapOf(obj)
	var order []int // dictionary entries in insertion order
	if f.IsDictionaryMap(m) {
		order = f.dictEnumerationOrder(f.JSObjectProperties(obj))
	}
	// forEachNamed calls visit with each named property and its attributes.
	forEachNamed := func(visit func(k layout.Value, attrs PropertyAttributes)) {
		if f.IsDictionaryMap(m) {
			d := f.JSObjectProperties(obj)
			for _, e := range order {
				visit(f.DictionaryKey(d, e), f.DictionaryDetails(d, e).Attributes())
			}
			return
		}
		d := f.MapDescriptors(m)
		for i, n := 0, f.NumberOfOwnDescriptors(m); i < n; i++ {
			visit(f.DescriptorKey(d, i), f.DescriptorDetails(d, i).Attributes())
		}
	}
	passes := func(attrs PropertyAttributes) bool {
		return !(filter&OnlyEnumerable != 0 && !attrs.Enumerable() ||
			filter&OnlyWritable != 0 && !attrs.Writable() || filter&OnlyConfigurable != 0 && !attrs.Configurable())
	}
	if filter&SkipStrings == 0 {
		var named []indexName // index-named properties, ascending
		forEachNamed(func(k layout.Value, attrs PropertyAttributes) {
			if i, ok := f.nameIndex(k); ok && passes(attrs) {
				named = append(named, indexName{i, k})
			}
		})
		sort.Slice(named, func(a, b int) bool { return named[a].index < named[b].index })
		el := f.JSObjectElements(obj)
		n := f.Length(el)
		if f.H.InstanceType(obj.Addr()) == layout.JSArrayType {
			n = min(n, int(f.ArrayLength(obj)))
		}
		j := 0
		hole := f.objects.holeElement
		for i := 0; i < n; i++ {
			present := f.H.Field(el.Addr(), arraySlot(i)) != f.Roots.TheHole
			if !present && hole != nil {
				attrs, ok := hole(obj, uint32(i))
				present = ok && passes(attrs)
			}
			if present {
				for ; j < len(named) && named[j].index < uint32(i); j++ {
					fn(named[j].name)
				}
				fn(layout.Smi(i))
			}
		}
		for ; j < len(named); j++ {
			fn(named[j].name)
		}
	}
	for _, symbols := range [2]bool{false, true} {
		if symbols && filter&SkipSymbols != 0 || !symbols && filter&SkipStrings != 0 {
			continue
		}
		forEachNamed(func(k layout.Value, attrs PropertyAttributes) {
			if f.isSymbolKey(k) != symbols || !passes(attrs) {
				return
			}
			if symbols && f.IsPrivateSymbol(k) {
				return
			}
			if _, ok := f.nameIndex(k); ok && !symbols {
				return // listed with the elements
			}
			fn(k)
		})
	}
}

// indexName is a named property spelling an array index.
type indexName struct {
	index uint32
	name  layout.Value
}

// nameIndex reports whether the property key k is a string spelling an
// array index, and which. It does not allocate on the heap.
func (f *Factory) nameIndex(k layout.Value) (uint32, bool) {
	if f.isSymbolKey(k) {
		return 0, false
	}
	n := f.StringLength(k)
	if n == 0 || n > 10 {
		return 0, false
	}
	if c := f.CharCodeAt(k, 0); c < '0' || c > '9' {
		return 0, false
	}
	return jsnum.ArrayIndex(f.StringToGo(k))
}

func (f *Factory) isSymbolKey(k layout.Value) bool {
	return f.H.Field(k.Addr(), layout.MapOffset) == f.Roots.SymbolMap
}

package objects

import (
	"sort"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// A DescriptorArray describes the named properties of the fast-mode objects
// of a map: per property its key, its details (PropertyDetails as a Smi) and a
// value (undefined for fields; V8 keeps field types or constants there).
//
// As in V8, the maps of one transition chain share one array: a child map
// made by adding a property appends its descriptor to its parent's array when
// the parent owns it (it is the last map that appended), and each map sees
// only its first NumberOfOwnDescriptors entries. An array without room is
// replaced by a larger copy in every map of the chain that uses it.
//
// Layout (FixedArray-shaped, DescriptorArrayMap):
//
//	slot 0: number of descriptors in use (Smi), shared by the whole chain
//	slot 1: enum cache (Smi 0: reserved for for-in)
//	slot 2+3i: key, details, value of descriptor i
//
// Descriptors are kept in insertion order, which is JavaScript's property
// order. For lookups in larger arrays each details word also holds a "sorted
// key pointer": the details of entry i name the index of the i-th key in hash
// order, so a binary search over hashes is possible, as in V8.
const (
	descNumberIndex    = 0
	descEnumCacheIndex = 1
	descFirstIndex     = 2
	descEntrySize      = 3

	// MaxNumberOfDescriptors bounds the properties of a fast-mode map (V8's
	// kMaxNumberOfDescriptors); beyond, objects go to dictionary mode.
	MaxNumberOfDescriptors = 1020
	// maxLinearSearch is the largest count searched linearly (V8's
	// kMaxElementsForLinearSearch).
	maxLinearSearch = 8
)

// PropertyAttributes are a property's attributes in V8's negative form: the
// zero value (AttrNone) is writable, enumerable and configurable.
type PropertyAttributes uint8

// Property attributes, V8's values.
const (
	AttrNone       PropertyAttributes = 0
	AttrReadOnly   PropertyAttributes = 1
	AttrDontEnum   PropertyAttributes = 2
	AttrDontDelete PropertyAttributes = 4
	// AttrSealed and AttrFrozen are what Object.seal and Object.freeze give.
	AttrSealed = AttrDontDelete
	AttrFrozen = AttrDontDelete | AttrReadOnly
	attrMask   = 7
)

// Writable reports whether the property's value may change ([[Writable]]).
func (a PropertyAttributes) Writable() bool { return a&AttrReadOnly == 0 }

// Enumerable reports whether for-in and Object.keys see the property.
func (a PropertyAttributes) Enumerable() bool { return a&AttrDontEnum == 0 }

// Configurable reports whether the property may be deleted or redefined.
func (a PropertyAttributes) Configurable() bool { return a&AttrDontDelete == 0 }

// PropertyKind says whether a property holds a value or a getter/setter pair.
type PropertyKind uint8

// Property kinds.
const (
	KindData     PropertyKind = 0
	KindAccessor PropertyKind = 1
)

// PropertyLocation says where a fast property's value lives: in a field of
// the object, or in the descriptor itself (shared by all objects of the map).
type PropertyLocation uint8

// Property locations. This engine stores every fast property, accessor pairs
// included, in a field; LocationDescriptor is reserved for map-level constants.
const (
	LocationField      PropertyLocation = 0
	LocationDescriptor PropertyLocation = 1
)

// PropertyDetails is the packed description of one property, stored as a Smi
// in descriptor arrays and dictionaries:
//
//	bit 0      kind (data, accessor)
//	bit 1      location (field, descriptor)             fast mode only
//	bits 2-4   attributes
//	bits 5-14  sorted key pointer                        fast mode only
//	bits 15-24 field index                               fast mode only
//	bits 5-27  enumeration index                         dictionary mode only
type PropertyDetails uint32

const (
	detailsKindBit       = 1 << 0
	detailsLocationBit   = 1 << 1
	detailsAttrShift     = 2
	detailsPointerShift  = 5
	detailsPointerMask   = 0x3ff << detailsPointerShift
	detailsFieldShift    = 15
	detailsFieldMask     = 0x3ff << detailsFieldShift
	detailsEnumShift     = 5
	detailsEnumMask      = maxEnumerationIndex << detailsEnumShift
	maxEnumerationIndex  = 1<<23 - 1
	detailsKindAttrsMask = detailsKindBit | attrMask<<detailsAttrShift
)

// NewFieldDetails returns the details of a fast property stored in field
// fieldIndex.
func NewFieldDetails(kind PropertyKind, attrs PropertyAttributes, fieldIndex int) PropertyDetails {
	return PropertyDetails(uint32(kind)|uint32(attrs&attrMask)<<detailsAttrShift) |
		PropertyDetails(uint32(fieldIndex)<<detailsFieldShift)
}

// newDictionaryDetails returns the details of a dictionary property with the
// given enumeration index.
func newDictionaryDetails(kind PropertyKind, attrs PropertyAttributes, enumIndex int) PropertyDetails {
	return PropertyDetails(uint32(kind)|uint32(attrs&attrMask)<<detailsAttrShift) |
		PropertyDetails(uint32(enumIndex)<<detailsEnumShift)
}

// Kind returns the property's kind.
func (d PropertyDetails) Kind() PropertyKind { return PropertyKind(d & detailsKindBit) }

// Location returns where a fast property's value lives.
func (d PropertyDetails) Location() PropertyLocation {
	return PropertyLocation(d & detailsLocationBit >> 1)
}

// Attributes returns the property's attributes.
func (d PropertyDetails) Attributes() PropertyAttributes {
	return PropertyAttributes(d>>detailsAttrShift) & attrMask
}

// FieldIndex returns the index of a fast property's field: in-object slots
// first, then the PropertyArray.
func (d PropertyDetails) FieldIndex() int { return int(d&detailsFieldMask) >> detailsFieldShift }

// EnumerationIndex returns a dictionary property's enumeration index: its
// place in insertion order.
func (d PropertyDetails) EnumerationIndex() int { return int(d&detailsEnumMask) >> detailsEnumShift }

func (d PropertyDetails) pointer() int { return int(d&detailsPointerMask) >> detailsPointerShift }

func (d PropertyDetails) withPointer(p int) PropertyDetails {
	return d&^detailsPointerMask | PropertyDetails(p<<detailsPointerShift)
}

func (d PropertyDetails) withEnumerationIndex(i int) PropertyDetails {
	return d&^detailsEnumMask | PropertyDetails(i<<detailsEnumShift)
}

func (d PropertyDetails) withKindAndAttributes(kind PropertyKind, attrs PropertyAttributes) PropertyDetails {
	return d&^detailsKindAttrsMask | PropertyDetails(uint32(kind)|uint32(attrs&attrMask)<<detailsAttrShift)
}

func (d PropertyDetails) smi() layout.Value { return layout.Value(d << 1) }

func detailsOf(v layout.Value) PropertyDetails { return PropertyDetails(v >> 1) }

// arraySlot returns the byte offset of slot i of a FixedArray-shaped object
// whose header is the plain FixedArray header (all the arrays of this file).
func arraySlot(i int) uint32 { return layout.FixedArrayHeaderSize + uint32(i)*layout.TaggedSize }

func descKeyOffset(i int) uint32 { return arraySlot(descFirstIndex + descEntrySize*i) }

// DescriptorKey returns the key of descriptor i of the descriptor array d.
func (f *Factory) DescriptorKey(d layout.Value, i int) layout.Value {
	return f.H.Field(d.Addr(), descKeyOffset(i))
}

// DescriptorDetails returns the details of descriptor i of d.
func (f *Factory) DescriptorDetails(d layout.Value, i int) PropertyDetails {
	return f.rawDescriptorDetails(d, i) &^ detailsPointerMask
}

// rawDescriptorDetails returns the details word of entry i, sorted key
// pointer included.
func (f *Factory) rawDescriptorDetails(d layout.Value, i int) PropertyDetails {
	return detailsOf(f.H.Field(d.Addr(), descKeyOffset(i)+layout.TaggedSize))
}

// DescriptorValue returns the value slot of descriptor i of d.
func (f *Factory) DescriptorValue(d layout.Value, i int) layout.Value {
	return f.H.Field(d.Addr(), descKeyOffset(i)+2*layout.TaggedSize)
}

func (f *Factory) setDescriptorDetails(d layout.Value, i int, det PropertyDetails) {
	f.H.SetField(d.Addr(), descKeyOffset(i)+layout.TaggedSize, det.smi())
}

// descCount returns how many entries of d are in use (by the map chain that
// shares it). d must not be the empty fixed array.
func (f *Factory) descCount(d layout.Value) int {
	return f.H.Field(d.Addr(), arraySlot(descNumberIndex)).SmiValue()
}

func (f *Factory) descCapacity(d layout.Value) int {
	if d == f.Roots.EmptyFixedArray {
		return 0
	}
	return (f.Length(d) - descFirstIndex) / descEntrySize
}

// nameHash reads the hash of a property key. Keys are internalized strings
// and symbols, whose hash is always computed.
func (f *Factory) nameHash(key layout.Value) uint32 {
	return uint32(f.H.Field(key.Addr(), layout.NameRawHashOffset)) >> 1
}

func (f *Factory) sortedKeyIndex(d layout.Value, i int) int {
	return f.rawDescriptorDetails(d, i).pointer()
}

// LookupOwnDescriptor returns the index of key among the own descriptors of
// the map m, or -1. It does not allocate: property loads and inline caches
// call it. Small maps are searched linearly by identity; larger ones by a
// binary search over key hashes.
func (f *Factory) LookupOwnDescriptor(m, key layout.Value) int {
	h := f.H
	n := int(h.U32(m.Addr(), layout.MapBitField3Offset) & layout.MapNumberOfOwnDescriptorsMask)
	if n == 0 {
		return -1
	}
	return f.searchDescriptors(h.Field(m.Addr(), layout.MapInstanceDescriptorsOffset), key, n)
}

// searchDescriptors finds key among the first n entries of d.
func (f *Factory) searchDescriptors(d, key layout.Value, n int) int {
	h := f.H
	a := d.Addr()
	if n <= maxLinearSearch {
		off := descKeyOffset(0)
		for i := 0; i < n; i++ {
			if h.Field(a, off) == key {
				return i
			}
			off += descEntrySize * layout.TaggedSize
		}
		return -1
	}
	// Binary search for the first sorted position whose hash is >= the key's,
	// over every entry of the shared array; then scan the equal hashes.
	hash := f.nameHash(key)
	total := f.descCount(d)
	lo, hi := 0, total-1
	for lo != hi {
		mid := lo + (hi-lo)/2
		if f.nameHash(f.DescriptorKey(d, f.sortedKeyIndex(d, mid))) >= hash {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	for ; lo < total; lo++ {
		idx := f.sortedKeyIndex(d, lo)
		k := f.DescriptorKey(d, idx)
		if f.nameHash(k) != hash {
			return -1
		}
		if k == key {
			if idx < n {
				return idx
			}
			return -1
		}
	}
	return -1
}

// newDescriptorArray allocates, in the old space, an empty descriptor array
// with room for capacity descriptors.
func (f *Factory) newDescriptorArray(capacity int) heap.Handle {
	d := f.NewFixedArrayWithMap(f.Roots.DescriptorArrayMap, descFirstIndex+descEntrySize*capacity, heap.OldSpace, f.Roots.Undefined)
	a := d.Addr()
	f.H.SetField(a, arraySlot(descNumberIndex), layout.Smi(0))
	f.H.SetField(a, arraySlot(descEnumCacheIndex), layout.Smi(0))
	return d
}

// copyDescriptors returns a new descriptor array holding the first n
// descriptors of src (a handle to a descriptor array or the empty fixed
// array) with room for slack more.
func (f *Factory) copyDescriptors(src heap.Handle, n, slack int) heap.Handle {
	d := f.newDescriptorArray(n + slack)
	h := f.H
	s, dv := src.Value(), d.Value()
	for i := 0; i < n; i++ {
		off := descKeyOffset(i)
		h.SetField(dv.Addr(), off, h.Field(s.Addr(), off))
		h.SetField(dv.Addr(), off+layout.TaggedSize, h.Field(s.Addr(), off+layout.TaggedSize))
		h.SetField(dv.Addr(), off+2*layout.TaggedSize, h.Field(s.Addr(), off+2*layout.TaggedSize))
	}
	h.SetField(dv.Addr(), arraySlot(descNumberIndex), layout.Smi(n))
	f.sortDescriptors(dv, n)
	return d
}

// sortDescriptors rebuilds the sorted key pointers of the n entries of d.
func (f *Factory) sortDescriptors(d layout.Value, n int) {
	if n == 0 {
		return
	}
	type entry struct {
		hash uint32
		idx  int
	}
	order := make([]entry, n)
	for i := range order {
		order[i] = entry{f.nameHash(f.DescriptorKey(d, i)), i}
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a].hash < order[b].hash })
	for pos, e := range order {
		f.setDescriptorDetails(d, pos, f.DescriptorDetails(d, pos).withPointer(e.idx))
	}
}

// appendDescriptor adds a descriptor at the end of d, which must have room,
// and inserts its key into the hash order. It does not allocate.
func (f *Factory) appendDescriptor(d, key layout.Value, det PropertyDetails, value layout.Value) {
	h := f.H
	a := d.Addr()
	n := f.descCount(d)
	off := descKeyOffset(n)
	h.SetField(a, off, key)
	h.SetField(a, off+layout.TaggedSize, det.withPointer(0).smi())
	h.SetField(a, off+2*layout.TaggedSize, value)
	h.SetField(a, arraySlot(descNumberIndex), layout.Smi(n+1))
	hash := f.nameHash(key)
	ins := n
	for ; ins > 0; ins-- {
		prev := f.sortedKeyIndex(d, ins-1)
		if f.nameHash(f.DescriptorKey(d, prev)) <= hash {
			break
		}
		f.setDescriptorDetails(d, ins, f.DescriptorDetails(d, ins).withPointer(prev))
	}
	f.setDescriptorDetails(d, ins, f.DescriptorDetails(d, ins).withPointer(n))
}

// slackForArraySize is V8's Map::SlackForArraySize: how much room to leave
// when growing a descriptor or transition array of oldSize entries.
func slackForArraySize(oldSize, limit int) int {
	maxSlack := limit - oldSize
	if oldSize < 4 {
		return min(1, maxSlack)
	}
	return min(maxSlack, oldSize/4)
}

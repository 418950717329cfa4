package objects

import (
	"math/bits"
	"sort"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// A NameDictionary holds the properties of a dictionary-mode object: a hash
// table keyed by name identity, open addressing with quadratic (triangular)
// probing over a power-of-two capacity, as V8's. Layout (FixedArray-shaped,
// NameDictionaryMap):
//
//	slot 0: number of elements (Smi)
//	slot 1: number of deleted entries (Smi)
//	slot 2: capacity (Smi)
//	slot 3: next enumeration index (Smi)
//	slot 4: object hash (Smi 0; reserved)
//	slot 5+3i: key, value, details of entry i
//
// An empty entry's key is undefined, a deleted one's the hole. Each entry's
// details carry an enumeration index, increasing in insertion order, so
// dictionary-mode objects still list their keys in the order JavaScript
// requires.
const (
	dictElementsIndex  = 0
	dictDeletedIndex   = 1
	dictCapacityIndex  = 2
	dictNextEnumIndex  = 3
	dictObjectHashIdx  = 4
	dictPrefixSize     = 5
	dictEntrySize      = 3
	dictMinCapacity    = 4
	dictMinShrinkCap   = 16
	dictInitialEnumIdx = 1
)

func dictKeyOffset(entry int) uint32 { return arraySlot(dictPrefixSize + dictEntrySize*entry) }

func (f *Factory) dictGet(d layout.Value, i int) int {
	return f.H.Field(d.Addr(), arraySlot(i)).SmiValue()
}

func (f *Factory) dictPut(d layout.Value, i, v int) {
	f.H.SetField(d.Addr(), arraySlot(i), layout.Smi(v))
}

// dictCapacity returns the number of entries of the dictionary d.
func (f *Factory) dictCapacity(d layout.Value) int { return f.dictGet(d, dictCapacityIndex) }

// DictionaryCapacity returns the number of entries of the dictionary d, live
// or not: iterate entries 0..capacity-1 and skip the keys that are
// undefined (empty) or the hole (deleted).
func (f *Factory) DictionaryCapacity(d layout.Value) int { return f.dictCapacity(d) }

// DictionaryCount returns the number of properties in the dictionary d.
func (f *Factory) DictionaryCount(d layout.Value) int { return f.dictGet(d, dictElementsIndex) }

// computeDictCapacity is V8's HashTable::ComputeCapacity: room for
// atLeast elements with the table at most two-thirds full.
func computeDictCapacity(atLeast int) int {
	c := atLeast + atLeast>>1
	if c < dictMinCapacity {
		return dictMinCapacity
	}
	return 1 << bits.Len(uint(c-1))
}

// newNameDictionary allocates, in the new space, an empty dictionary with
// room for atLeast properties.
func (f *Factory) newNameDictionary(atLeast int) heap.Handle {
	return f.newNameDictionaryWithCapacity(computeDictCapacity(atLeast))
}

func (f *Factory) newNameDictionaryWithCapacity(capacity int) heap.Handle {
	d := f.NewFixedArrayWithMap(f.Roots.NameDictionaryMap, dictPrefixSize+dictEntrySize*capacity, heap.NewSpace, f.Roots.Undefined)
	dv := d.Value()
	f.dictPut(dv, dictElementsIndex, 0)
	f.dictPut(dv, dictDeletedIndex, 0)
	f.dictPut(dv, dictCapacityIndex, capacity)
	f.dictPut(dv, dictNextEnumIndex, dictInitialEnumIdx)
	f.dictPut(dv, dictObjectHashIdx, 0)
	return d
}

// DictionaryFind returns the entry of key in the dictionary d, or -1. It does
// not allocate.
func (f *Factory) DictionaryFind(d, key layout.Value) int {
	h := f.H
	a := d.Addr()
	mask := uint32(f.dictCapacity(d) - 1)
	undefined := f.Roots.Undefined
	entry := f.nameHash(key) & mask
	for count := uint32(1); count <= mask+1; count++ {
		k := h.Field(a, dictKeyOffset(int(entry)))
		if k == key {
			return int(entry)
		}
		if k == undefined {
			return -1
		}
		entry = (entry + count) & mask
	}
	return -1
}

// DictionaryKey returns the key of entry i of d (undefined when empty, the
// hole when deleted).
func (f *Factory) DictionaryKey(d layout.Value, i int) layout.Value {
	return f.H.Field(d.Addr(), dictKeyOffset(i))
}

// DictionaryValue returns the value of entry i of d.
func (f *Factory) DictionaryValue(d layout.Value, i int) layout.Value {
	return f.H.Field(d.Addr(), dictKeyOffset(i)+layout.TaggedSize)
}

// DictionaryDetails returns the details of entry i of d.
func (f *Factory) DictionaryDetails(d layout.Value, i int) PropertyDetails {
	return detailsOf(f.H.Field(d.Addr(), dictKeyOffset(i)+2*layout.TaggedSize))
}

func (f *Factory) setDictionaryValue(d layout.Value, i int, v layout.Value) {
	f.H.SetField(d.Addr(), dictKeyOffset(i)+layout.TaggedSize, v)
}

func (f *Factory) setDictionaryDetails(d layout.Value, i int, det PropertyDetails) {
	f.H.SetField(d.Addr(), dictKeyOffset(i)+2*layout.TaggedSize, det.smi())
}

// dictLive reports whether the key of an entry is a real key.
func (f *Factory) dictLive(k layout.Value) bool {
	return k != f.Roots.Undefined && k != f.Roots.TheHole
}

// hasSufficientCapacityToAdd is V8's rule: after adding n elements at least
// half of the free entries stay free, and deleted entries take at most half
// of the free ones.
func hasSufficientCapacityToAdd(capacity, elements, deleted, n int) bool {
	nof := elements + n
	if nof < capacity && deleted <= (capacity-nof)/2 {
		return nof+nof/2 <= capacity
	}
	return false
}

// dictEnsureCapacity returns d, or a larger rehashed copy, with room to add
// n entries.
func (f *Factory) dictEnsureCapacity(d heap.Handle, n int) heap.Handle {
	dv := d.Value()
	elements := f.dictGet(dv, dictElementsIndex)
	if hasSufficientCapacityToAdd(f.dictCapacity(dv), elements, f.dictGet(dv, dictDeletedIndex), n) {
		return d
	}
	return f.dictRehash(d, computeDictCapacity(elements+n))
}

// dictRehash copies the live entries of d into a new table of capacity
// entries, keeping their details and the next enumeration index.
func (f *Factory) dictRehash(d heap.Handle, capacity int) heap.Handle {
	nd := f.newNameDictionaryWithCapacity(capacity)
	src, dst := d.Value(), nd.Value()
	h := f.H
	for i, c := 0, f.dictCapacity(src); i < c; i++ {
		k := f.DictionaryKey(src, i)
		if !f.dictLive(k) {
			continue
		}
		e := f.dictInsertionEntry(dst, f.nameHash(k))
		off := dictKeyOffset(e)
		h.SetField(dst.Addr(), off, k)
		h.SetField(dst.Addr(), off+layout.TaggedSize, f.DictionaryValue(src, i))
		h.SetField(dst.Addr(), off+2*layout.TaggedSize, h.Field(src.Addr(), dictKeyOffset(i)+2*layout.TaggedSize))
	}
	f.dictPut(dst, dictElementsIndex, f.dictGet(src, dictElementsIndex))
	f.dictPut(dst, dictNextEnumIndex, f.dictGet(src, dictNextEnumIndex))
	return nd
}

// dictInsertionEntry returns the first empty or deleted entry on the probe
// sequence of hash. The table must have one.
func (f *Factory) dictInsertionEntry(d layout.Value, hash uint32) int {
	h := f.H
	mask := uint32(f.dictCapacity(d) - 1)
	entry := hash & mask
	for count := uint32(1); ; count++ {
		if k := h.Field(d.Addr(), dictKeyOffset(int(entry))); !f.dictLive(k) {
			return int(entry)
		}
		entry = (entry + count) & mask
	}
}

// dictAdd adds key (absent from d) with value and details, giving it the next
// enumeration index, and returns the dictionary: d or a larger copy.
func (f *Factory) dictAdd(d, key, value heap.Handle, det PropertyDetails) heap.Handle {
	d = f.dictEnsureCapacity(d, 1)
	f.dictAddNoGrow(d.Value(), key.Value(), value.Value(), det)
	return d
}

// dictAddNoGrow is dictAdd into a table known to have room. It does not
// allocate.
func (f *Factory) dictAddNoGrow(d, key, value layout.Value, det PropertyDetails) {
	h := f.H
	index := f.dictGet(d, dictNextEnumIndex)
	if index > maxEnumerationIndex {
		index = f.dictRenumber(d)
	}
	e := f.dictInsertionEntry(d, f.nameHash(key))
	off := dictKeyOffset(e)
	if h.Field(d.Addr(), off) == f.Roots.TheHole {
		f.dictPut(d, dictDeletedIndex, f.dictGet(d, dictDeletedIndex)-1)
	}
	h.SetField(d.Addr(), off, key)
	h.SetField(d.Addr(), off+layout.TaggedSize, value)
	h.SetField(d.Addr(), off+2*layout.TaggedSize, det.withEnumerationIndex(index).smi())
	f.dictPut(d, dictElementsIndex, f.dictGet(d, dictElementsIndex)+1)
	f.dictPut(d, dictNextEnumIndex, index+1)
}

// dictRenumber gives the entries of d the enumeration indices 1..n in their
// current order and returns the next one (V8 does this when the indices run
// out).
func (f *Factory) dictRenumber(d layout.Value) int {
	order := f.dictEnumerationOrder(d)
	for i, e := range order {
		f.setDictionaryDetails(d, e, f.DictionaryDetails(d, e).withEnumerationIndex(dictInitialEnumIdx+i))
	}
	next := dictInitialEnumIdx + len(order)
	f.dictPut(d, dictNextEnumIndex, next)
	return next
}

// dictEnumerationOrder returns the live entries of d in insertion order.
func (f *Factory) dictEnumerationOrder(d layout.Value) []int {
	order := make([]int, 0, f.DictionaryCount(d))
	for i, c := 0, f.dictCapacity(d); i < c; i++ {
		if f.dictLive(f.DictionaryKey(d, i)) {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool {
		return f.DictionaryDetails(d, order[a]).EnumerationIndex() < f.DictionaryDetails(d, order[b]).EnumerationIndex()
	})
	return order
}

// dictDelete removes entry e of d and returns the dictionary: d, or a
// smaller copy when only a quarter of it stays in use (V8's Shrink).
func (f *Factory) dictDelete(d heap.Handle, e int) heap.Handle {
	h := f.H
	dv := d.Value()
	off := dictKeyOffset(e)
	h.SetField(dv.Addr(), off, f.Roots.TheHole)
	h.SetField(dv.Addr(), off+layout.TaggedSize, f.Roots.TheHole)
	h.SetField(dv.Addr(), off+2*layout.TaggedSize, layout.Smi(0))
	elements := f.dictGet(dv, dictElementsIndex) - 1
	f.dictPut(dv, dictElementsIndex, elements)
	f.dictPut(dv, dictDeletedIndex, f.dictGet(dv, dictDeletedIndex)+1)
	capacity := f.dictCapacity(dv)
	if elements > capacity/4 {
		return d
	}
	nc := computeDictCapacity(elements)
	if nc < dictMinShrinkCap || nc >= capacity {
		return d
	}
	return f.dictRehash(d, nc)
}

package objects

import (
	"unsafe"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// The string table makes internalized strings unique: one sequential string
// per text, so property keys compare by identity. It lives in Go memory as an
// open-addressing table (linear probing, power-of-two capacity) of entries
// that keep each string's hash beside it, so the table can be swept and
// rehashed during a GC without reading the heap. It is weak: a string only
// the table refers to dies, and its entry is dropped.

const (
	tableEmpty   layout.Value = 0               // a never-used slot (Smi 0)
	tableDeleted layout.Value = layout.Value(2) // a dropped entry (Smi 1)
	tableMinCap               = 64
)

type tableEntry struct {
	v    layout.Value
	hash uint32
}

type stringTable struct {
	entries       []tableEntry
	live, deleted int
}

func (t *stringTable) init() { t.entries = make([]tableEntry, tableMinCap) }

// find returns the entry with this hash for which eq holds.
func (t *stringTable) find(hash uint32, eq func(layout.Value) bool) (layout.Value, bool) {
	mask := uint32(len(t.entries) - 1)
	for i := hash & mask; ; i = (i + 1) & mask {
		e := &t.entries[i]
		if e.v == tableEmpty {
			return 0, false
		}
		if e.hash == hash && e.v != tableDeleted && eq(e.v) {
			return e.v, true
		}
	}
}

// add inserts v, which must not be in the table yet.
func (t *stringTable) add(v layout.Value, hash uint32) {
	if (t.live+t.deleted+1)*3 > len(t.entries)*2 {
		t.rehash(t.live + 1)
	}
	mask := uint32(len(t.entries) - 1)
	i := hash & mask
	for t.entries[i].v.IsHeapObject() {
		i = (i + 1) & mask
	}
	if t.entries[i].v == tableDeleted {
		t.deleted--
	}
	t.entries[i] = tableEntry{v, hash}
	t.live++
}

// rehash rebuilds the table for n entries at most half full, dropping the
// tombstones.
func (t *stringTable) rehash(n int) {
	c := tableMinCap
	for c < 2*n {
		c *= 2
	}
	old := t.entries
	t.entries = make([]tableEntry, c)
	mask := uint32(c - 1)
	for _, e := range old {
		if !e.v.IsHeapObject() {
			continue
		}
		i := e.hash & mask
		for t.entries[i].v != tableEmpty {
			i = (i + 1) & mask
		}
		t.entries[i] = e
	}
	t.deleted = 0
}

// sweep is the table's weak-root callback: it drops the entries of strings
// that died and updates those that moved, then compacts the table when
// tombstones or empty space dominate.
func (t *stringTable) sweep(retain func(layout.Value) (layout.Value, bool)) {
	for i := range t.entries {
		e := &t.entries[i]
		if !e.v.IsHeapObject() {
			continue
		}
		if v, ok := retain(e.v); ok {
			e.v = v
		} else {
			e.v = tableDeleted
			t.live--
			t.deleted++
		}
	}
	if t.deleted > t.live || (len(t.entries) > tableMinCap && t.live*8 < len(t.entries)) {
		t.rehash(t.live)
	}
}

// StringTableCount returns the number of strings in the string table.
func (f *Factory) StringTableCount() int { return f.strings.table.live }

// IsInternalized reports whether v is an internalized string.
func (f *Factory) IsInternalized(v layout.Value) bool {
	if !v.IsHeapObject() {
		return false
	}
	t := f.H.InstanceType(v.Addr())
	return t == layout.InternalizedOneByteStringType || t == layout.InternalizedTwoByteStringType
}

// lookupSeq finds the internalized string equal to the sequential string v.
func (f *Factory) lookupSeq(v layout.Value, hash uint32) (layout.Value, bool) {
	n := f.StringLength(v)
	return f.strings.table.find(hash, func(e layout.Value) bool {
		return f.StringLength(e) == n && f.seqRangeEqual(e, 0, v, 0, n)
	})
}

// Internalize returns the internalized string with the contents of the
// string s: s itself if it is internalized, else the table's string, else a
// new one in the old space (s is flattened first, as V8 does).
func (f *Factory) Internalize(s heap.Handle) heap.Handle {
	h := f.H
	if f.IsInternalized(s.Value()) {
		return s
	}
	if f.StringLength(s.Value()) == 0 {
		return h.NewHandle(f.Roots.EmptyString)
	}
	flat := f.Flatten(s)
	hash := f.StringHash(flat.Value())
	if f.IsConsString(s.Value()) {
		h.SetField(s.Addr(), layout.NameRawHashOffset, finishHash(hash))
	}
	if e, ok := f.lookupSeq(flat.Value(), hash); ok {
		return h.NewHandle(e)
	}
	v := flat.Value()
	n := f.StringLength(v)
	oneByte := f.IsOneByteString(v) || isLatin1(h.Uint16s(v.Addr(), layout.SeqStringCharsOffset, uint32(n)))
	a := f.allocateSeqString(n, oneByte, true, heap.OldSpace)
	f.copySeq(a, 0, oneByte, flat.Value())
	return f.addInternalized(a, hash)
}

// addInternalized sets the hash of the new internalized string a, enters it
// in the table and returns a handle to it.
func (f *Factory) addInternalized(a layout.Addr, hash uint32) heap.Handle {
	f.H.SetField(a, layout.NameRawHashOffset, finishHash(hash))
	f.strings.table.add(a.Value(), hash)
	return f.H.HandleAddr(a)
}

// InternalizeGo returns the internalized string of the UTF-8 text s
// (invalid bytes become U+FFFD), allocating only when the table has none.
func (f *Factory) InternalizeGo(s string) heap.Handle {
	h := f.H
	if s == "" {
		return h.NewHandle(f.Roots.EmptyString)
	}
	var latin1 []byte
	var units []uint16
	if isASCII(s) {
		latin1 = unsafe.Slice(unsafe.StringData(s), len(s))
	} else if n, oneByte := utf16Measure(s); oneByte {
		latin1 = make([]byte, n)
		writeLatin1(latin1, s)
	} else {
		units = make([]uint16, n)
		writeUTF16(units, s)
	}
	return f.internalizeUnits(latin1, units)
}

// InternalizeUTF16 returns the internalized string of the code units u.
func (f *Factory) InternalizeUTF16(u []uint16) heap.Handle {
	if len(u) == 0 {
		return f.H.NewHandle(f.Roots.EmptyString)
	}
	if isLatin1(u) {
		b := make([]byte, len(u))
		narrow(b, u)
		return f.internalizeUnits(b, nil)
	}
	return f.internalizeUnits(nil, u)
}

// internalizeUnits internalizes text held in Go memory: Latin-1 units in
// latin1, or else UTF-16 units (not all Latin-1) in units.
func (f *Factory) internalizeUnits(latin1 []byte, units []uint16) heap.Handle {
	h := f.H
	var hash uint32
	var n int
	if latin1 != nil {
		n = len(latin1)
		hash = uint32(finishHash(hashOneByte(latin1)).SmiValue())
	} else {
		n = len(units)
		hash = uint32(finishHash(hashTwoByte(units)).SmiValue())
	}
	e, ok := f.strings.table.find(hash, func(e layout.Value) bool {
		if f.StringLength(e) != n {
			return false
		}
		a := e.Addr()
		if latin1 != nil {
			return f.IsOneByteString(e) && string(h.Bytes(a, layout.SeqStringCharsOffset, uint32(n))) == string(latin1)
		}
		return !f.IsOneByteString(e) &&
			string(h.Bytes(a, layout.SeqStringCharsOffset, 2*uint32(n))) == string(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(units))), 2*n))
	})
	if ok {
		return h.NewHandle(e)
	}
	a := f.allocateSeqString(n, latin1 != nil, true, heap.OldSpace)
	if latin1 != nil {
		copy(h.Bytes(a, layout.SeqStringCharsOffset, uint32(n)), latin1)
	} else {
		copy(h.Uint16s(a, layout.SeqStringCharsOffset, uint32(n)), units)
	}
	return f.addInternalized(a, hash)
}

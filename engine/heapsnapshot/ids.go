package heapsnapshot

import (
	"slices"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// ObjectID identifies a heap object across snapshots, as V8's
// SnapshotObjectId: odd, assigned in increasing order, kept by an object for
// its whole life however often the GC moves it, and never reused.
type ObjectID uint32

// idEntry ties an object's current address to its id.
type idEntry struct {
	addr layout.Addr
	id   ObjectID
}

// idTable is the address → id map, kept outside the heap as two weak-root
// sets so the GC keeps it current: after each scavenge and full GC it hears
// where every tracked object moved and which died.
//
//   - table holds what snapshots tracked. A snapshot starts with a full GC,
//     which promotes every young object, so these are all old (or read-only)
//     objects: the set is registered with AddOldWeakRoots and scavenges skip
//     it. It is sorted by address between compacting GCs, which only mark it
//     dirty; it is sorted again when next needed.
//   - recent holds the ids handed out between snapshots (GetHeapObjectID),
//     young objects among them, so it is visited by every GC. It is small,
//     and folded into table by the next snapshot.
//
// Tracking starts with the first snapshot or id query: until then the GC
// pays nothing.
type idTable struct {
	h       *heap.Heap
	started bool
	next    ObjectID // the next id to assign
	table   []idEntry
	dirty   bool // table may be out of address order
	recent  map[layout.Addr]ObjectID
}

func newIDTable(h *heap.Heap) *idTable {
	return &idTable{h: h, next: firstObjectID}
}

// start registers the table with the heap on first use.
func (t *idTable) start() {
	if t.started {
		return
	}
	t.started = true
	t.recent = map[layout.Addr]ObjectID{}
	t.h.AddOldWeakRoots(t.updateTable)
	t.h.AddWeakRoots(t.updateRecent)
}

// updateTable is the GC's weak-root callback for table: it drops the dead
// and records moves.
func (t *idTable) updateTable(retain func(layout.Value) (layout.Value, bool)) {
	kept := t.table[:0]
	var prev layout.Addr
	for _, e := range t.table {
		v, ok := retain(e.addr.Value())
		if !ok {
			continue
		}
		e.addr = v.Addr()
		if e.addr < prev {
			t.dirty = true
		}
		prev = e.addr
		kept = append(kept, e)
	}
	clear(t.table[len(kept):])
	t.table = kept
}

// updateRecent is the GC's weak-root callback for recent.
func (t *idTable) updateRecent(retain func(layout.Value) (layout.Value, bool)) {
	if len(t.recent) == 0 {
		return
	}
	var moved []idEntry
	for a, id := range t.recent {
		v, ok := retain(a.Value())
		if !ok || v.Addr() != a {
			delete(t.recent, a)
		}
		if ok && v.Addr() != a {
			moved = append(moved, idEntry{v.Addr(), id})
		}
	}
	for _, e := range moved {
		t.recent[e.addr] = e.id
	}
}

// assign returns a fresh id.
func (t *idTable) assign() ObjectID {
	id := t.next
	t.next += idStep
	return id
}

// sort puts table back in address order.
func (t *idTable) sort() {
	if t.dirty {
		slices.SortFunc(t.table, func(a, b idEntry) int { return int(a.addr) - int(b.addr) })
		t.dirty = false
	}
}

// find returns the id of the object at a, if it has one.
func (t *idTable) find(a layout.Addr) (ObjectID, bool) {
	if id, ok := t.recent[a]; ok {
		return id, true
	}
	t.sort()
	i, ok := slices.BinarySearchFunc(t.table, a, func(e idEntry, a layout.Addr) int { return int(e.addr) - int(a) })
	if ok {
		return t.table[i].id, true
	}
	return 0, false
}

// idOf returns the id of the object at a, assigning one if it has none.
func (t *idTable) idOf(a layout.Addr) ObjectID {
	t.start()
	if id, ok := t.find(a); ok {
		return id
	}
	id := t.assign()
	t.recent[a] = id
	return id
}

// addrOf returns the address of the object with the given id. It is a linear
// search: CDP asks for one object at a time, when a user picks it.
func (t *idTable) addrOf(id ObjectID) (layout.Addr, bool) {
	for a, rid := range t.recent {
		if rid == id {
			return a, true
		}
	}
	for _, e := range t.table {
		if e.id == id {
			return e.addr, true
		}
	}
	return 0, false
}

// lastAssigned returns the last id handed out (V8's last_assigned_id).
func (t *idTable) lastAssigned() ObjectID { return t.next - idStep }

// foldRecent moves the recent entries into table. Called by a snapshot after
// its full GC, when every tracked object is old.
func (t *idTable) foldRecent() {
	if len(t.recent) == 0 {
		t.sort()
		return
	}
	add := make([]idEntry, 0, len(t.recent))
	for a, id := range t.recent {
		add = append(add, idEntry{a, id})
	}
	clear(t.recent)
	slices.SortFunc(add, func(a, b idEntry) int { return int(a.addr) - int(b.addr) })
	t.sort()
	t.table = mergeEntries(t.table, add)
}

// mergeEntries merges two address-sorted lists, growing a in place (with
// slack, so later small merges need no new array) and merging from the back.
func mergeEntries(a, b []idEntry) []idEntry {
	n, m := len(a), len(b)
	if m == 0 {
		return a
	}
	if cap(a) < n+m {
		a = slices.Grow(a, m+(n+m)/8)
	}
	a = a[:n+m]
	i, j, k := n-1, m-1, n+m-1
	for j >= 0 {
		if i >= 0 && a[i].addr > b[j].addr {
			a[k] = a[i]
			i--
		} else {
			a[k] = b[j]
			j--
		}
		k--
	}
	return a
}

// memory returns the bytes the table holds.
func (t *idTable) memory() uint64 {
	return uint64(cap(t.table))*8 + uint64(len(t.recent))*16
}

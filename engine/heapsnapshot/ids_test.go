package heapsnapshot

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// heapModes are the heap configurations the id tests run under: plain,
// compacting every page at each full GC, and GC stress (a GC every few
// allocations, alternating scavenges and full GCs), all verified. Under
// stress the semi-spaces are kept at 1 MiB: verification zaps the whole
// from-space after every scavenge.
var heapModes = []struct {
	name string
	opts heap.Options
}{
	{"plain", heap.Options{VerifyHeap: true}},
	{"stress-compaction", heap.Options{VerifyHeap: true, StressCompaction: true}},
	{"gc-stress", heap.Options{VerifyHeap: true, GCStressEvery: 7, StressCompaction: true, MaxSemiSpaceMiB: 1}},
}

// TestIDsSurviveGCs takes two snapshots with allocation, deaths, scavenges
// and compacting full GCs in between: survivors keep their ids, new objects
// get larger ones, the ids of the dead are never seen again.
func TestIDsSurviveGCs(t *testing.T) {
	for _, mode := range heapModes {
		t.Run(mode.name, func(t *testing.T) {
			f := newFactory(t, mode.opts)
			h := f.H
			scope := h.OpenScope()
			defer scope.Close()
			w := newWorld(f)
			leaky := w.newClass("LeakyThing", 2)
			iKey, sKey := f.InternalizeGo("i"), f.InternalizeGo("s")
			const n = 300
			keep := f.NewJSArray(0)
			for i := 0; i < n; i++ {
				s := h.OpenScope()
				f.ArrayPush(keep, w.newLeakyThing(leaky, i, iKey, sKey))
				s.Close()
			}
			s := New(f)
			p1 := takeSnapshot(t, s, Options{})
			last1 := s.LastSeenObjectID()
			ids := make([]ObjectID, n)
			seen1 := map[int64]bool{}
			for i := 0; i < p1.nodeCount(); i++ {
				seen1[p1.node(i).ID] = true
			}
			for i := range ids {
				v, _ := f.GetElement(keep.Value(), uint32(i))
				ids[i] = s.GetHeapObjectID(v)
				if !seen1[int64(ids[i])] {
					t.Fatalf("object %d: id %d is not in the snapshot", i, ids[i])
				}
			}
			if s.LastSeenObjectID() != last1 {
				t.Fatalf("looking up snapshot objects assigned ids")
			}

			// Every third object dies; new ones are made, some kept; the
			// GC runs both ways, moving everything.
			for i := 0; i < n; i += 3 {
				f.DeleteElement(keep.Value(), uint32(i))
			}
			for i := 0; i < 200; i++ {
				sc := h.OpenScope()
				obj := w.newLeakyThing(leaky, n+i, iKey, sKey)
				if i%2 == 0 {
					f.ArrayPush(keep, obj)
				}
				sc.Close()
				if i%50 == 0 {
					h.CollectGarbage(false)
				}
			}
			h.CollectGarbage(false)
			h.CollectGarbage(true)
			h.CollectGarbage(false)
			h.CollectGarbage(true)

			p2 := takeSnapshot(t, s, Options{})
			for i := 0; i < n; i++ {
				v, _ := f.GetElement(keep.Value(), uint32(i))
				if i%3 == 0 {
					if _, ok := p2.byID(int64(ids[i])); ok {
						t.Errorf("dead object %d's id %d is in the second snapshot", i, ids[i])
					}
					continue
				}
				if got := s.GetHeapObjectID(v); got != ids[i] {
					t.Errorf("object %d: id %d, was %d", i, got, ids[i])
				}
				node, ok := p2.byID(int64(ids[i]))
				if !ok || node.Name != "LeakyThing" {
					t.Errorf("object %d's id %d names %+v in the second snapshot", i, ids[i], node)
				}
				if ov, ok := s.ObjectByID(ids[i]); !ok || ov != v {
					t.Errorf("ObjectByID(%d) = %#x, %v; want %#x", ids[i], uint32(ov), ok, uint32(v))
				}
			}
			for i := 0; i < p2.nodeCount(); i++ {
				if id := p2.node(i).ID; !seen1[id] && ObjectID(id) <= last1 {
					t.Fatalf("new node %+v has id %d, not above the first snapshot's last %d", p2.node(i), id, last1)
				}
			}
			for i := n; i < n+100; i++ {
				v, _ := f.GetElement(keep.Value(), uint32(i))
				if id := s.GetHeapObjectID(v); id <= last1 {
					t.Errorf("new object %d has id %d <= %d", i, id, last1)
				}
			}
		})
	}
}

// TestIDsBeforeAnySnapshot asks for ids of young objects, moves them and
// kills some, then takes a snapshot: the ids hold through it.
func TestIDsBeforeAnySnapshot(t *testing.T) {
	for _, mode := range heapModes {
		t.Run(mode.name, func(t *testing.T) {
			f := newFactory(t, mode.opts)
			h := f.H
			scope := h.OpenScope()
			defer scope.Close()
			s := New(f)
			if s.GetHeapObjectID(layout.Smi(3)) != 0 {
				t.Error("a Smi got an id")
			}
			live := f.NewPlainObject()
			inner := h.OpenScope()
			idDead := s.GetHeapObjectID(f.NewPlainObject().Value())
			inner.Close()
			idLive := s.GetHeapObjectID(live.Value())
			if idLive == idDead || idLive%2 != 1 || idLive < firstObjectID {
				t.Fatalf("ids %d and %d", idLive, idDead)
			}
			if s.GetHeapObjectID(live.Value()) != idLive {
				t.Fatal("a second query gave a new id")
			}
			h.CollectGarbage(false)
			if v, ok := s.ObjectByID(idLive); !ok || v != live.Value() {
				t.Errorf("after a scavenge ObjectByID(%d) = %#x, %v", idLive, uint32(v), ok)
			}
			if _, ok := s.ObjectByID(idDead); ok {
				t.Error("a dead object is still found by id")
			}
			h.CollectGarbage(false)
			h.CollectGarbage(true)
			if s.GetHeapObjectID(live.Value()) != idLive {
				t.Error("the id changed after the object was promoted")
			}
			p := takeSnapshot(t, s, Options{})
			if n, ok := p.byID(int64(idLive)); !ok || n.Name != "Object" {
				t.Errorf("snapshot node of id %d: %+v", idLive, n)
			}
			if s.GetHeapObjectID(live.Value()) != idLive {
				t.Error("the id changed through the snapshot")
			}
			fresh := f.NewPlainObject()
			if id := s.GetHeapObjectID(fresh.Value()); id <= idLive || id <= ObjectID(p.node(p.nodeCount()-1).ID) {
				t.Errorf("a new object got id %d", id)
			}
		})
	}
}

// TestSnapshotsUnderGCStress takes snapshots of a growing program under GC
// stress; each must be valid.
func TestSnapshotsUnderGCStress(t *testing.T) {
	f := newFactory(t, heap.Options{VerifyHeap: true, GCStressEvery: 3, MaxSemiSpaceMiB: 1})
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	w := newWorld(f)
	s := New(f)
	var prev map[int64]string
	for round := 0; round < 3; round++ {
		program(f, w, 300)
		p := takeSnapshot(t, s, Options{CaptureNumericValue: round%2 == 0})
		if c := p.classCounts()["LeakyThing"]; c != 300*(round+1) {
			t.Errorf("round %d: %d LeakyThing", round, c)
		}
		cur := map[int64]string{}
		for i := 0; i < p.nodeCount(); i++ {
			if n := p.node(i); n.Type == "object" {
				cur[n.ID] = n.Name
			}
		}
		for id, name := range prev {
			if cur[id] != name {
				t.Errorf("round %d: object %d was %q, is %q", round, id, name, cur[id])
			}
		}
		prev = cur
	}
}

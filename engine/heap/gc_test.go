package heap

import (
	"math/rand/v2"
	"testing"

	"github.com/sonde-js/sonde/engine/layout"
)

// buildList makes a list of n nodes [number, next] in space s, newest first.
func buildList(th *testHeap, s Space, n int) Handle {
	list := th.NewHandle(layout.Smi(0))
	for i := 0; i < n; i++ {
		scope := th.OpenScope()
		node := th.array(s, 2)
		num := th.number(s, float64(i)+0.25)
		th.set(node.Value(), 0, num.Value())
		th.set(node.Value(), 1, list.Value())
		list.Set(node.Value())
		th.array(NewSpace, 5) // garbage
		scope.Close()
	}
	return list
}

func checkList(t *testing.T, th *testHeap, list layout.Value, n int) {
	t.Helper()
	c := 0
	for v := list; v.IsHeapObject(); v = th.get(v, 1) {
		if got, want := th.num(th.get(v, 0)), float64(n-1-c)+0.25; got != want {
			t.Fatalf("node %d holds %v, want %v", c, got, want)
		}
		c++
	}
	if c != n {
		t.Fatalf("list has %d nodes, want %d", c, n)
	}
}

func TestListsSurviveEveryKindOfGC(t *testing.T) {
	for _, m := range testModes {
		t.Run(m.name, func(t *testing.T) {
			th := newTestHeap(t, m.opts)
			scope := th.OpenScope()
			defer scope.Close()
			young := buildList(th, NewSpace, 5000)
			old := buildList(th, OldSpace, 5000)
			for i := 0; i < 3; i++ {
				th.CollectGarbage(false)
				checkList(t, th, young.Value(), 5000)
				checkList(t, th, old.Value(), 5000)
				th.CollectGarbage(true)
				checkList(t, th, young.Value(), 5000)
				checkList(t, th, old.Value(), 5000)
			}
			th.verify()
		})
	}
}

func TestScavengePromotesSecondTimeSurvivors(t *testing.T) {
	th := newTestHeap(t, Options{VerifyHeap: true})
	scope := th.OpenScope()
	defer scope.Close()
	obj := th.array(NewSpace, 3)
	th.CollectGarbage(false)
	if !th.InYoungGeneration(obj.Addr()) {
		t.Fatal("promoted after one scavenge")
	}
	first := obj.Addr()
	th.CollectGarbage(false)
	if th.InYoungGeneration(obj.Addr()) {
		t.Fatal("still young after two scavenges")
	}
	if obj.Addr() == first {
		t.Fatal("object did not move")
	}
}

func TestRememberedSetKeepsYoungObjectsAlive(t *testing.T) {
	th := newTestHeap(t, Options{VerifyHeap: true})
	scope := th.OpenScope()
	defer scope.Close()
	holder := th.array(OldSpace, 100)
	for i := 0; i < 100; i++ {
		s := th.OpenScope()
		n := th.number(NewSpace, float64(i))
		th.set(holder.Value(), i, n.Value())
		s.Close()
	}
	for round := 0; round < 3; round++ {
		th.CollectGarbage(false)
		for i := 0; i < 100; i++ {
			if got := th.num(th.get(holder.Value(), i)); got != float64(i) {
				t.Fatalf("round %d slot %d = %v", round, i, got)
			}
		}
	}
}

func TestFullGCCompactsFragmentedPages(t *testing.T) {
	th := newTestHeap(t, Options{VerifyHeap: true})
	scope := th.OpenScope()
	defer scope.Close()
	keep := th.array(OldSpace, 1000)
	for i := 0; i < 20000; i++ {
		s := th.OpenScope()
		b := th.bytes(OldSpace, 400, byte(i))
		if i%20 == 0 {
			th.set(keep.Value(), i/20, b.Value())
		}
		s.Close()
	}
	before := len(th.old.pages)
	th.CollectGarbage(true)
	after := len(th.old.pages)
	if after*4 > before {
		t.Fatalf("old space went from %d to %d pages; want at most a quarter", before, after)
	}
	if th.stats.evacuatedPages == 0 {
		t.Fatal("no page was evacuated")
	}
	for i := 0; i < 1000; i++ {
		b := th.get(keep.Value(), i)
		for _, c := range th.Bytes(b.Addr(), layout.ByteArrayHeaderSize, 400) {
			if c != byte(i*20) {
				t.Fatalf("array %d corrupted after compaction", i)
			}
		}
	}
}

func TestLargeObjects(t *testing.T) {
	th := newTestHeap(t, Options{VerifyHeap: true})
	scope := th.OpenScope()
	defer scope.Close()
	before := th.TotalAllocatedBytes()
	big := th.bytes(NewSpace, 1<<20, 7)
	if got := th.TotalAllocatedBytes() - before; got != uint64(bytesSize(1<<20)) {
		t.Fatalf("large object counted as %d bytes", got)
	}
	if th.pageOf(big.Addr()).space != LargeObjectSpace {
		t.Fatal("1 MiB array is not in the large-object space")
	}
	s := th.OpenScope()
	th.bytes(OldSpace, 3<<20, 1)
	s.Close()
	if len(th.lo.pages) != 2 {
		t.Fatalf("%d large pages", len(th.lo.pages))
	}
	th.CollectGarbage(true)
	if len(th.lo.pages) != 1 || th.pageOf(big.Addr()).space != LargeObjectSpace {
		t.Fatalf("after GC: %d large pages", len(th.lo.pages))
	}
	for _, c := range th.Bytes(big.Addr(), layout.ByteArrayHeaderSize, 1<<20) {
		if c != 7 {
			t.Fatal("large object corrupted")
		}
	}
}

func TestWeakHandles(t *testing.T) {
	for _, full := range []bool{false, true} {
		th := newTestHeap(t, Options{VerifyHeap: true})
		scope := th.OpenScope()
		live := th.number(NewSpace, 1)
		s := th.OpenScope()
		dead := th.number(NewSpace, 2)
		called := 0
		wDead := th.NewWeak(dead.Value(), func() { called++ })
		s.Close()
		wLive := th.NewWeak(live.Value(), nil)
		th.CollectGarbage(full)
		if _, ok := wDead.Value(); ok || called != 1 {
			t.Fatalf("full=%v: weak handle to a dead object not cleared (callback ran %d times)", full, called)
		}
		if v, ok := wLive.Value(); !ok || v != live.Value() || th.num(v) != 1 {
			t.Fatalf("full=%v: weak handle to a live object lost or not updated", full)
		}
		strong := th.NewGlobal(live.Value())
		scope.Close()
		th.CollectGarbage(full)
		v, _ := strong.Value()
		if w, ok := wLive.Value(); !ok || w != v {
			t.Fatalf("full=%v: object held by a global died", full)
		}
		strong.Release()
		th.CollectGarbage(true)
		if _, ok := wLive.Value(); ok {
			t.Fatalf("full=%v: weak handle survived its last strong reference", full)
		}
		wDead.Release()
		wLive.Release()
	}
}

func TestWeakRoots(t *testing.T) {
	th := newTestHeap(t, Options{VerifyHeap: true})
	scope := th.OpenScope()
	defer scope.Close()
	keep := th.array(NewSpace, 10)
	var table []layout.Value
	for i := 0; i < 20; i++ {
		s := th.OpenScope()
		n := th.number(NewSpace, float64(i))
		table = append(table, n.Value())
		if i%2 == 0 {
			th.set(keep.Value(), i/2, n.Value())
		}
		s.Close()
	}
	th.AddWeakRoots(func(retain func(layout.Value) (layout.Value, bool)) {
		kept := table[:0]
		for _, v := range table {
			if nv, ok := retain(v); ok {
				kept = append(kept, nv)
			}
		}
		table = kept
	})
	th.CollectGarbage(false)
	th.CollectGarbage(true)
	if len(table) != 10 {
		t.Fatalf("weak table has %d entries, want 10", len(table))
	}
	for i, v := range table {
		if th.num(v) != float64(2*i) || v != th.get(keep.Value(), i) {
			t.Fatalf("entry %d stale", i)
		}
	}
}

func TestRandomGraphUnderAllModes(t *testing.T) {
	for _, m := range testModes {
		t.Run(m.name, func(t *testing.T) {
			th := newTestHeap(t, m.opts)
			r := rand.New(rand.NewPCG(1, 2))
			scope := th.OpenScope()
			defer scope.Close()
			const slots = 64
			root := th.array(OldSpace, slots)
			// shadow[i] is the id expected in root[i]'s number, -1 if empty.
			shadow := make([]float64, slots)
			for i := range shadow {
				shadow[i] = -1
			}
			for step := 0; step < 20000; step++ {
				s := th.OpenScope()
				i := r.IntN(slots)
				space := NewSpace
				if r.IntN(4) == 0 {
					space = OldSpace
				}
				node := th.array(space, 1+r.IntN(6))
				num := th.number(NewSpace, float64(step))
				th.set(node.Value(), 0, num.Value())
				th.set(root.Value(), i, node.Value())
				shadow[i] = float64(step)
				if r.IntN(50) == 0 {
					th.bytes(NewSpace, r.IntN(300000), 3) // sometimes large
				}
				s.Close()
				if r.IntN(3000) == 0 {
					th.CollectGarbage(r.IntN(2) == 0)
				}
			}
			th.CollectGarbage(true)
			for i, want := range shadow {
				v := th.get(root.Value(), i)
				if want < 0 {
					continue
				}
				if got := th.num(th.get(v, 0)); got != want {
					t.Fatalf("slot %d holds %v, want %v", i, got, want)
				}
			}
			th.verify()
		})
	}
}

func TestOldWeakRootsAreSkippedByScavenges(t *testing.T) {
	th := newTestHeap(t, Options{})
	visits := 0
	th.AddOldWeakRoots(func(func(layout.Value) (layout.Value, bool)) { visits++ })
	th.CollectGarbage(false)
	if visits != 0 {
		t.Fatalf("a scavenge visited old weak roots")
	}
	th.CollectGarbage(true)
	if visits != 2 {
		t.Fatalf("a full GC visited old weak roots %d times, want 2 (clear, then update)", visits)
	}
}

func TestCloseAndEscape(t *testing.T) {
	th := newTestHeap(t, Options{})
	outer := th.OpenScope()
	defer outer.Close()
	make := func() Handle {
		s := th.OpenScope()
		th.array(NewSpace, 3)
		return s.CloseAndEscape(th.number(OldSpace, 4).Value())
	}
	n := make()
	th.CollectGarbage(true)
	if th.num(n.Value()) != 4 || th.SpaceOf(n.Addr()) != OldSpace || th.handles.n != 1 {
		t.Fatalf("escaped handle lost (%d handles open)", th.handles.n)
	}
}

func TestVisitRootValues(t *testing.T) {
	th := newTestHeap(t, Options{})
	scope := th.OpenScope()
	defer scope.Close()
	var stack []layout.Value
	th.AddNamedRoots("(Stack roots)", func(slot func(*layout.Value)) {
		for i := range stack {
			slot(&stack[i])
		}
	})
	stack = append(stack, th.number(NewSpace, 1).Value())
	hd := th.number(NewSpace, 2)
	g := th.NewGlobal(th.number(OldSpace, 3).Value())
	w := th.NewWeak(hd.Value(), nil)
	defer g.Release()
	defer w.Release()
	type seen struct {
		kind RootKind
		set  string
		n    float64
	}
	var got []seen
	th.VisitRootValues(func(k RootKind, set string, v layout.Value) {
		if v.IsHeapObject() && th.InstanceType(v.Addr()) == layout.HeapNumberType {
			got = append(got, seen{k, set, th.num(v)})
		}
	})
	want := []seen{{RootStrong, "(Stack roots)", 1}, {RootHandle, "", 1}, {RootHandle, "", 2}, {RootHandle, "", 3}, {RootGlobal, "", 3}, {RootWeakGlobal, "", 2}}
	if len(got) != len(want) {
		t.Fatalf("roots %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("roots %v, want %v", got, want)
		}
	}
	if size, tagged := th.ObjectBody(hd.Addr()); size != layout.HeapNumberSize || tagged != layout.HeaderSize {
		t.Fatalf("ObjectBody of a HeapNumber = %d, %d", size, tagged)
	}
}

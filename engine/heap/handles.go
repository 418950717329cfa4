package heap

import "github.com/sonde-js/sonde/engine/layout"

// Handles are how Go code holds heap values across a possible GC: the GC
// visits them as roots and updates them when objects move.

const handleBlockSize = 256

// Handle is a GC-visible slot holding one value; valid until its scope closes.
type Handle struct{ slot *layout.Value }

// Value returns the current value (updated by the GC when its object moves).
func (hd Handle) Value() layout.Value { return *hd.slot }

// Addr returns the address of the object the handle refers to.
func (hd Handle) Addr() layout.Addr { return hd.slot.Addr() }

// Set replaces the handle's value.
func (hd Handle) Set(v layout.Value) { *hd.slot = v }

// IsNil reports whether the handle was never created.
func (hd Handle) IsNil() bool { return hd.slot == nil }

// handleStack holds the handles of all open scopes, in blocks that never
// move so that a Handle can point into them.
type handleStack struct {
	blocks [][]layout.Value
	n      int // slots in use
}

// HandleScope marks a point of the handle stack; Close frees every handle
// created since.
type HandleScope struct {
	h *Heap
	n int
}

// OpenScope opens a handle scope. Close it (defer) in reverse order of opening.
func (h *Heap) OpenScope() HandleScope { return HandleScope{h, h.handles.n} }

// Close frees the scope's handles.
func (s HandleScope) Close() {
	if s.h.handles.n < s.n {
		panic("heap: handle scopes closed out of order")
	}
	s.h.handles.n = s.n
}

// CloseAndEscape closes the scope and returns a handle for v in the enclosing
// scope: how a function returns a value it made inside its own scope.
func (s HandleScope) CloseAndEscape(v layout.Value) Handle {
	s.Close()
	return s.h.NewHandle(v)
}

// NewHandle creates a handle for v in the innermost open scope.
func (h *Heap) NewHandle(v layout.Value) Handle {
	st := &h.handles
	b, i := st.n/handleBlockSize, st.n%handleBlockSize
	if b == len(st.blocks) {
		st.blocks = append(st.blocks, make([]layout.Value, handleBlockSize))
	}
	st.n++
	slot := &st.blocks[b][i]
	*slot = v
	return Handle{slot}
}

// HandleAddr creates a handle for the object at a.
func (h *Heap) HandleAddr(a layout.Addr) Handle { return h.NewHandle(a.Value()) }

func (st *handleStack) visit(f func(*layout.Value)) {
	for i := 0; i < st.n; i++ {
		f(&st.blocks[i/handleBlockSize][i%handleBlockSize])
	}
}

// Global is a handle that lives until Release: a strong root, or, once made
// weak, a reference the GC clears when its object dies.
type Global struct {
	h   *Heap
	idx int32
}

type globalSlot struct {
	v        layout.Value
	used     bool
	weak     bool
	cleared  bool
	callback func()
}

// globalHandles is a table of slots with a free list.
type globalHandles struct {
	slots []globalSlot
	free  []int32
	used  int
}

// NewGlobal creates a strong global handle for v.
func (h *Heap) NewGlobal(v layout.Value) Global {
	g := &h.globals
	var i int32
	if n := len(g.free); n > 0 {
		i, g.free = g.free[n-1], g.free[:n-1]
	} else {
		i = int32(len(g.slots))
		g.slots = append(g.slots, globalSlot{})
	}
	g.slots[i] = globalSlot{v: v, used: true}
	g.used++
	return Global{h, i}
}

// NewWeak creates a weak global handle for v; callback, if not nil, runs after
// the GC that clears it (it may allocate).
func (h *Heap) NewWeak(v layout.Value, callback func()) Global {
	g := h.NewGlobal(v)
	s := &h.globals.slots[g.idx]
	s.weak, s.callback = v.IsHeapObject(), callback
	return g
}

// Value returns the handle's value and whether it is still set (a weak
// handle whose object died is cleared).
func (g Global) Value() (layout.Value, bool) {
	s := &g.h.globals.slots[g.idx]
	return s.v, !s.cleared
}

// IsWeak reports whether the handle is weak.
func (g Global) IsWeak() bool { return g.h.globals.slots[g.idx].weak }

// Release frees the handle; it must not be used afterwards.
func (g Global) Release() {
	gh := &g.h.globals
	if !gh.slots[g.idx].used {
		panic("heap: global handle released twice")
	}
	gh.slots[g.idx] = globalSlot{}
	gh.free = append(gh.free, g.idx)
	gh.used--
}

func (gh *globalHandles) visitStrong(f func(*layout.Value)) {
	for i := range gh.slots {
		if s := &gh.slots[i]; s.used && !s.weak && !s.cleared {
			f(&s.v)
		}
	}
}

// processWeak updates the weak slots whose objects survived and clears the
// others, returning the callbacks to run once the GC is over.
func (gh *globalHandles) processWeak(retain func(layout.Value) (layout.Value, bool), pending []func()) []func() {
	for i := range gh.slots {
		s := &gh.slots[i]
		if !s.used || !s.weak || s.cleared {
			continue
		}
		if v, ok := retain(s.v); ok {
			s.v = v
			continue
		}
		s.cleared, s.v = true, layout.Smi(0)
		if s.callback != nil {
			pending = append(pending, s.callback)
		}
	}
	return pending
}

// AddRoots registers a set of strong roots kept by the heap's owner (the
// object model's root table, the interpreter's stack…): visit is called with a
// pointer to each slot, which the GC may update.
func (h *Heap) AddRoots(visit func(slot func(*layout.Value))) { h.AddNamedRoots("", visit) }

// AddNamedRoots is AddRoots for a set with a name, which heap snapshots show
// as the kind of root it is (V8's "(Stack roots)", "(Compilation cache)"…).
func (h *Heap) AddNamedRoots(name string, visit func(slot func(*layout.Value))) {
	h.roots = append(h.roots, rootSet{name, visit})
}

type rootSet struct {
	name  string
	visit func(slot func(*layout.Value))
}

// RootKind says what holds a root, for heap snapshots.
type RootKind uint8

const (
	// RootStrong is a slot of a registered root set (named or not).
	RootStrong RootKind = iota
	// RootHandle is a handle of an open handle scope.
	RootHandle
	// RootGlobal is a strong global handle.
	RootGlobal
	// RootWeakGlobal is a weak global handle whose object is alive.
	RootWeakGlobal
)

// VisitRootValues calls f with every root value and what holds it: each
// registered set (with its name, "" if none) in registration order, then the
// handles, the strong globals and the live weak globals. It must not
// allocate; it does not report the weak root sets.
func (h *Heap) VisitRootValues(f func(kind RootKind, set string, v layout.Value)) {
	for _, r := range h.roots {
		r.visit(func(slot *layout.Value) { f(RootStrong, r.name, *slot) })
	}
	h.handles.visit(func(slot *layout.Value) { f(RootHandle, "", *slot) })
	for i := range h.globals.slots {
		s := &h.globals.slots[i]
		switch {
		case !s.used || s.cleared:
		case s.weak:
			f(RootWeakGlobal, "", s.v)
		default:
			f(RootGlobal, "", s.v)
		}
	}
}

// AddWeakRoots registers a set of weak roots (the string table, caches): after
// each GC, visit is called with retain, which returns a slot's updated value,
// or false when its object died and the slot must be dropped.
func (h *Heap) AddWeakRoots(visit func(retain func(layout.Value) (layout.Value, bool))) {
	h.weaks = append(h.weaks, weakRoots{visit, true})
}

// AddOldWeakRoots registers a set of weak roots that only ever holds old or
// read-only objects (the string table interns in the old space): scavenges,
// which can neither free nor move those, skip it.
func (h *Heap) AddOldWeakRoots(visit func(retain func(layout.Value) (layout.Value, bool))) {
	h.weaks = append(h.weaks, weakRoots{visit, false})
}

type weakRoots struct {
	visit func(retain func(layout.Value) (layout.Value, bool))
	// young is set when the set may hold young objects.
	young bool
}

// visitRoots calls f with every strong root slot.
func (h *Heap) visitRoots(f func(*layout.Value)) {
	for _, r := range h.roots {
		r.visit(f)
	}
	h.handles.visit(f)
	h.globals.visitStrong(f)
}

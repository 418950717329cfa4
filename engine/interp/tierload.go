package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Optimized-tier named loads (h-load). LdaNamedChain(Star) replaces a
// LdaNamedProperty whose slot holds a prototype-chain handler, or is
// polymorphic: it serves the slot's own-field and prototype-chain field
// handlers without leaving the dispatch loop's Go frame for the generic
// path (loadNamed, applyLoadHandler, prototypeOf), and takes the generic
// load for anything else — an unknown map, an accessor, a chain whose maps
// changed, a primitive receiver — which also updates the slot. It never
// deoptimizes: the generic load is the baseline's own slow path, and the
// op reads the slot at each run, so it follows the feedback as it grows.
//
// What makes a chain handler sound: [Smi field handler, map of the 1st
// prototype, …, map of the holder] was recorded for the receiver's map, and
// a map fixes an object's prototype (it is the map's prototype field) and
// its own property layout, so equal maps all along the chain prove that
// the same lookup finds the same holder and field. The value is re-read
// from the holder every time: a method is a writable data property whose
// replacement (`P.prototype.m = …`) changes no map, so it cannot be cached
// without a guard we do not have (V8's prototype validity cells and field
// constness).

// cachedLoad serves a named load of obj (a heap object) from the load
// slot at byte offset off of the feedback vector fv: monomorphic or
// polymorphic, with an own-field or prototype-chain field handler. hit is
// false when the generic load must run. Hot path: no allocation.
func cachedLoad(h *heap.Heap, fv layout.Addr, off uint32, obj layout.Value) (v layout.Value, hit bool) {
	m := h.Field(obj.Addr(), layout.MapOffset)
	hd := h.Field(fv, off+4)
	if s0 := h.Field(fv, off); s0 != m {
		if hd != layout.Smi(polymorphicMarker) || !s0.IsHeapObject() {
			return 0, false
		}
		arr := s0.Addr()
		n := uint32(h.Field(arr, layout.FixedArrayLengthOffset).SmiValue())
		i := uint32(0)
		for ; i < n && h.Field(arr, layout.FixedArrayHeaderSize+i*layout.TaggedSize) != m; i += 2 {
		}
		if i >= n {
			return 0, false
		}
		hd = h.Field(arr, layout.FixedArrayHeaderSize+(i+1)*layout.TaggedSize)
	}
	if hd.IsSmi() {
		if k := hd.SmiValue(); k&handlerKindMask == handlerField {
			return loadField(h, obj, k), true
		}
		return 0, false
	}
	return chainLoad(h, obj, m, hd)
}

// chainLoad applies a prototype-chain load handler recorded for map m
// (obj's map): a data field of the holder, when the maps along the chain
// still match. Hot path: no allocation.
func chainLoad(h *heap.Heap, obj, m, hd layout.Value) (layout.Value, bool) {
	if !hd.IsHeapObject() {
		return 0, false
	}
	arr := hd.Addr()
	k := h.Field(arr, layout.FixedArrayHeaderSize).SmiValue()
	// Only ordinary objects find their prototype in their map (a string's
	// is the realm's String.prototype: the generic load serves it).
	if k&handlerKindMask != handlerField || !layout.InstanceType(h.U16(m.Addr(), layout.MapInstanceTypeOffset)).IsJSObject() {
		return 0, false
	}
	n := uint32(h.Field(arr, layout.FixedArrayLengthOffset).SmiValue())
	holder := obj
	for i := uint32(1); i < n; i++ {
		// A map's prototype is null or an object; null's map (an
		// oddball's) is never one of the chain's maps.
		holder = h.Field(m.Addr(), layout.MapPrototypeOffset)
		m = h.Field(holder.Addr(), layout.MapOffset)
		if m != h.Field(arr, layout.FixedArrayHeaderSize+i*layout.TaggedSize) {
			return 0, false
		}
	}
	return loadField(h, holder, k), true
}

// chainQuickenable reports whether the load slot at byte offset off of fv
// is worth a LdaNamedChain: monomorphic with a prototype-chain field
// handler, or polymorphic.
func chainQuickenable(h *heap.Heap, fv layout.Addr, off uint32) bool {
	s0, s1 := h.Field(fv, off), h.Field(fv, off+4)
	if s1 == layout.Smi(polymorphicMarker) {
		return s0.IsHeapObject()
	}
	if !s0.IsHeapObject() || !s1.IsHeapObject() || h.InstanceType(s0.Addr()) != layout.MapType || h.InstanceType(s1.Addr()) != layout.FixedArrayType {
		return false
	}
	return h.Field(s1.Addr(), layout.FixedArrayHeaderSize).SmiValue()&handlerKindMask == handlerField
}

// The megamorphic load cache (V8's stub cache, load side). A named load
// that saw more than maxPolymorphism maps keeps no handler in its slot, so
// the baseline does a full lookup at every run (RayTrace's Class.create
// constructors load this.initialize from every class's objects). Optimized
// code (LdaNamedMega) looks the (map, name) pair up in one table shared by
// all sites instead: an entry holds the handler loadHandlerFor computed for
// that map, valid as long as the maps along its chain match (the same
// rules as a slot's). The table is a GC root; a moving collection leaves
// entries at indices that no longer hash to them, which only costs misses.
const megaCacheSize = 512 // entries; a power of two

// megaEntry is one cached (map, name) → handler.
type megaEntry struct {
	m, name, handler layout.Value
}

// megaCache is the interpreter's table (in tierState).
type megaCache [megaCacheSize]megaEntry

func megaIndex(m, name layout.Value) uint32 {
	return (uint32(m)>>3 ^ uint32(name)>>2) & (megaCacheSize - 1)
}

// visit hands the GC the table's references (empty entries hold 0, a Smi).
func (c *megaCache) visit(visit func(*layout.Value)) {
	for i := range c {
		e := &c[i]
		if e.m != 0 {
			visit(&e.m)
			visit(&e.name)
			visit(&e.handler)
		}
	}
}

// megaLoad serves a load of name from obj (a heap object) from the
// megamorphic cache. Hot path: no allocation.
func (in *Interp) megaLoad(obj, name layout.Value) (layout.Value, bool) {
	h := in.h
	m := h.Field(obj.Addr(), layout.MapOffset)
	e := &in.tier.mega[megaIndex(m, name)]
	if e.m != m || e.name != name {
		return 0, false
	}
	if hd := e.handler; hd.IsSmi() {
		if k := hd.SmiValue(); k&handlerKindMask == handlerField {
			return loadField(h, obj, k), true
		}
		return 0, false
	}
	return chainLoad(h, obj, m, e.handler)
}

// megaMiss is LdaNamedMega's slow path: the load, and the handler for
// obj's map recorded in the megamorphic cache.
func (in *Interp) megaMiss(obj, name layout.Value) (layout.Value, bool) {
	h := in.h
	if !obj.IsHeapObject() {
		return in.getWithReceiver(obj, NameKey(name), obj)
	}
	scope := h.OpenScope()
	defer scope.Close()
	oh, nh := h.NewHandle(obj), h.NewHandle(name)
	if hd := in.loadHandlerFor(obj, name); !hd.IsNil() {
		m := h.Field(oh.Addr(), layout.MapOffset)
		in.tier.mega[megaIndex(m, nh.Value())] = megaEntry{m, nh.Value(), hd.Value()}
	}
	return in.getWithReceiver(oh.Value(), NameKey(nh.Value()), oh.Value())
}

// megamorphicSlot reports whether the load slot at byte offset off of fv
// is megamorphic.
func megamorphicSlot(h *heap.Heap, fv layout.Addr, off uint32) bool {
	return h.Field(fv, off) == layout.Smi(megamorphicMarker) && h.Field(fv, off+4).IsHeapObject()
}

// loadNamedOpt is LdaNamedChain's slow path: the megamorphic cache once
// the slot went megamorphic after the function was optimized, else the
// generic load (which updates the slot).
func (in *Interp) loadNamedOpt(fp int, obj, name layout.Value, slot int) (layout.Value, bool) {
	if megamorphicSlot(in.h, in.stack[fp+bytecode.FrameFeedbackVector].Addr(), feedbackOffset(slot)) {
		if obj.IsHeapObject() {
			if v, hit := in.megaLoad(obj, name); hit {
				return v, true
			}
		}
		return in.megaMiss(obj, name)
	}
	return in.loadNamed(fp, obj, name, slot)
}

// megaStoreMiss is StaNamedMega's slow path: the generic store, then, when
// it wrote an own writable data field of an ordinary object without
// changing its map, that field recorded in the megamorphic store cache for
// the (map, name) pair (the map fixes the field's place and writability,
// so any object of that map stores there). The value ends in in.acc.
func (in *Interp) megaStoreMiss(fp int, obj, name, v layout.Value, slot int) bool {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	oh, nh := h.NewHandle(obj), h.NewHandle(name)
	var before heap.Handle
	if obj.IsHeapObject() && h.InstanceType(obj.Addr()).IsJSObject() && h.InstanceType(obj.Addr()) != layout.JSProxyType {
		before = h.NewHandle(h.Field(obj.Addr(), layout.MapOffset))
	}
	if !in.storeNamed(fp, obj, name, v, slot, false) {
		return false
	}
	if before.IsNil() || nh.Value() == in.names[NameLength] {
		return true
	}
	m := h.Field(oh.Addr(), layout.MapOffset)
	if m != before.Value() || f.IsDictionaryMap(m) {
		return true
	}
	if fi, det, found := f.LookupField(m, nh.Value()); found && det.Kind() == objects.KindData && det.Attributes().Writable() {
		in.tier.megaStore[megaIndex(m, nh.Value())] = megaEntry{m, nh.Value(), smiHandler(fi, handlerField)}
	}
	return true
}

package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
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

// OptimizedOpCount returns how many instructions of fn's optimized code
// have the opcode named op (0 when fn has none): for tests that check a
// specialization is used.
func (in *Interp) OptimizedOpCount(fn layout.Value, op string) int {
	if !in.IsOptimized(fn) {
		return 0
	}
	code := in.f.Bytecodes(in.f.OptimizedCode(in.f.FunctionFeedbackVector(fn)))
	n := 0
	for pc := 0; pc < len(code); pc += int(bytecode.Sizes[code[pc]]) {
		if bytecode.Op(code[pc]).String() == op {
			n++
		}
	}
	return n
}

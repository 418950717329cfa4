package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// A map's transitions field says which maps were made from it:
//
//   - Smi 0: none;
//   - a Map: a single property transition (V8's "simple transition");
//   - a TransitionArray: any number of them, and the prototype transitions.
//
// A transition is identified by the added property's key, kind and
// attributes; the target map's last descriptor has them. TransitionArray
// layout (FixedArray-shaped, TransitionArrayMap), as V8's:
//
//	slot 0: prototype transitions (a FixedArray, or Smi 0)
//	slot 1: number of transitions (Smi)
//	slot 2+2i, 3+2i: key and target map of transition i, sorted by key hash
//
// Prototype transitions (FixedArray): slot 0 their number, then (prototype,
// map) pairs.
//
// V8 holds transitions weakly and clears those whose target died; here they
// are strong, so a map keeps every map derived from it (and every prototype
// it was given) alive.
const (
	transPrototypeIndex = 0
	transCountIndex     = 1
	transFirstIndex     = 2
	transEntrySize      = 2

	// maxNumberOfTransitions is V8's kMaxNumberOfTransitions: beyond, new
	// child maps are made without being recorded.
	maxNumberOfTransitions = 1024 + 512
	// maxCachedPrototypeTransitions is V8's kMaxCachedPrototypeTransitions.
	maxCachedPrototypeTransitions = 256
)

func transKeyOffset(i int) uint32 { return arraySlot(transFirstIndex + transEntrySize*i) }

// lastDescriptor returns the key and details of the last own descriptor of
// m, which must have one: for a transition target, the property it added.
func (f *Factory) lastDescriptor(m layout.Value) (layout.Value, PropertyDetails) {
	n := f.NumberOfOwnDescriptors(m)
	d := f.MapDescriptors(m)
	return f.DescriptorKey(d, n-1), f.DescriptorDetails(d, n-1)
}

func (f *Factory) isTransitionArray(v layout.Value) bool {
	return v.IsHeapObject() && f.H.Field(v.Addr(), layout.MapOffset) == f.Roots.TransitionArrayMap
}

func (f *Factory) transCount(t layout.Value) int {
	return f.H.Field(t.Addr(), arraySlot(transCountIndex)).SmiValue()
}

func (f *Factory) transCapacity(t layout.Value) int {
	return (f.Length(t) - transFirstIndex) / transEntrySize
}

// NumberOfTransitions returns how many property transitions leave m.
func (f *Factory) NumberOfTransitions(m layout.Value) int {
	t := f.H.Field(m.Addr(), layout.MapTransitionsOffset)
	switch {
	case f.isTransitionArray(t):
		return f.transCount(t)
	case t.IsHeapObject():
		return 1
	}
	return 0
}

// TransitionTarget returns the target of transition i of m (0 <= i <
// NumberOfTransitions): for heap snapshots and tests.
func (f *Factory) TransitionTarget(m layout.Value, i int) layout.Value {
	t := f.H.Field(m.Addr(), layout.MapTransitionsOffset)
	if f.isTransitionArray(t) {
		return f.H.Field(t.Addr(), transKeyOffset(i)+layout.TaggedSize)
	}
	return t
}

// SearchTransition returns the map that adding the property (key, kind,
// attrs) to an object of map m leads to, or 0 if there is none yet. It does
// not allocate.
func (f *Factory) SearchTransition(m, key layout.Value, kind PropertyKind, attrs PropertyAttributes) layout.Value {
	h := f.H
	t := h.Field(m.Addr(), layout.MapTransitionsOffset)
	if !t.IsHeapObject() {
		return 0
	}
	want := PropertyDetails(0).withKindAndAttributes(kind, attrs)
	matches := func(target layout.Value) bool {
		k, det := f.lastDescriptor(target)
		return k == key && det&detailsKindAttrsMask == want
	}
	if !f.isTransitionArray(t) {
		if matches(t) {
			return t
		}
		return 0
	}
	n := f.transCount(t)
	a := t.Addr()
	if n <= maxLinearSearch {
		for i := 0; i < n; i++ {
			off := transKeyOffset(i)
			if h.Field(a, off) == key {
				if target := h.Field(a, off+layout.TaggedSize); matches(target) {
					return target
				}
			}
		}
		return 0
	}
	hash := f.nameHash(key)
	for i := f.transLowerBound(t, hash); i < n; i++ {
		off := transKeyOffset(i)
		k := h.Field(a, off)
		if f.nameHash(k) != hash {
			break
		}
		if k == key {
			if target := h.Field(a, off+layout.TaggedSize); matches(target) {
				return target
			}
		}
	}
	return 0
}

// transLowerBound returns the first transition whose key hash is >= hash.
func (f *Factory) transLowerBound(t layout.Value, hash uint32) int {
	lo, hi := 0, f.transCount(t)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if f.nameHash(f.H.Field(t.Addr(), transKeyOffset(mid))) >= hash {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// canHaveMoreTransitions reports whether a new transition may be recorded in m.
func (f *Factory) canHaveMoreTransitions(m layout.Value) bool {
	return f.NumberOfTransitions(m) < maxNumberOfTransitions
}

// newTransitionArray allocates a transition array with room for capacity
// transitions, in the old space.
func (f *Factory) newTransitionArray(capacity int) heap.Handle {
	t := f.NewFixedArrayWithMap(f.Roots.TransitionArrayMap, transFirstIndex+transEntrySize*capacity, heap.OldSpace, f.Roots.Undefined)
	f.H.SetField(t.Addr(), arraySlot(transPrototypeIndex), layout.Smi(0))
	f.H.SetField(t.Addr(), arraySlot(transCountIndex), layout.Smi(0))
	return t
}

// ensureTransitionArray gives m a TransitionArray (moving a simple transition
// into it) with room for extra more transitions, and returns it.
func (f *Factory) ensureTransitionArray(m heap.Handle, extra int) heap.Handle {
	h := f.H
	t := h.Field(m.Addr(), layout.MapTransitionsOffset)
	n, capacity := 0, 0
	if f.isTransitionArray(t) {
		n, capacity = f.transCount(t), f.transCapacity(t)
		if n+extra <= capacity {
			return h.NewHandle(t)
		}
	} else if t.IsHeapObject() {
		n = 1
	}
	nt := f.newTransitionArray(n + extra + slackForArraySize(n, maxNumberOfTransitions))
	t = h.Field(m.Addr(), layout.MapTransitionsOffset)
	na := nt.Addr()
	if f.isTransitionArray(t) {
		a := t.Addr()
		h.SetField(na, arraySlot(transPrototypeIndex), h.Field(a, arraySlot(transPrototypeIndex)))
		for i := 0; i < n; i++ {
			off := transKeyOffset(i)
			h.SetField(na, off, h.Field(a, off))
			h.SetField(na, off+layout.TaggedSize, h.Field(a, off+layout.TaggedSize))
		}
	} else if t.IsHeapObject() {
		k, _ := f.lastDescriptor(t)
		h.SetField(na, transKeyOffset(0), k)
		h.SetField(na, transKeyOffset(0)+layout.TaggedSize, t)
	}
	h.SetField(na, arraySlot(transCountIndex), layout.Smi(n))
	h.SetField(m.Addr(), layout.MapTransitionsOffset, nt.Value())
	return nt
}

// insertTransition records child, made from parent by adding its last
// property, among parent's transitions. The caller checked
// canHaveMoreTransitions.
func (f *Factory) insertTransition(parent, child heap.Handle) {
	h := f.H
	if h.Field(parent.Addr(), layout.MapTransitionsOffset) == layout.Smi(0) {
		h.SetField(parent.Addr(), layout.MapTransitionsOffset, child.Value())
		return
	}
	t := f.ensureTransitionArray(parent, 1).Value()
	key, _ := f.lastDescriptor(child.Value())
	hash := f.nameHash(key)
	n := f.transCount(t)
	// Insert after the entries of equal or lower hash.
	pos := f.transLowerBound(t, hash+1)
	a := t.Addr()
	for i := n; i > pos; i-- {
		from, to := transKeyOffset(i-1), transKeyOffset(i)
		h.SetField(a, to, h.Field(a, from))
		h.SetField(a, to+layout.TaggedSize, h.Field(a, from+layout.TaggedSize))
	}
	h.SetField(a, transKeyOffset(pos), key)
	h.SetField(a, transKeyOffset(pos)+layout.TaggedSize, child.Value())
	h.SetField(a, arraySlot(transCountIndex), layout.Smi(n+1))
}

// prototypeTransitions returns m's prototype transitions, or Smi 0.
func (f *Factory) prototypeTransitions(m layout.Value) layout.Value {
	t := f.H.Field(m.Addr(), layout.MapTransitionsOffset)
	if !f.isTransitionArray(t) {
		return layout.Smi(0)
	}
	return f.H.Field(t.Addr(), arraySlot(transPrototypeIndex))
}

// findPrototypeTransition returns the copy of m with prototype proto, or 0.
func (f *Factory) findPrototypeTransition(m, proto layout.Value) layout.Value {
	p := f.prototypeTransitions(m)
	if !p.IsHeapObject() {
		return 0
	}
	h := f.H
	n := h.Field(p.Addr(), arraySlot(0)).SmiValue()
	for i := 0; i < n; i++ {
		if h.Field(p.Addr(), arraySlot(1+2*i)) == proto {
			return h.Field(p.Addr(), arraySlot(2+2*i))
		}
	}
	return 0
}

// putPrototypeTransition caches target as the copy of m with prototype proto.
func (f *Factory) putPrototypeTransition(m, proto, target heap.Handle) {
	h := f.H
	p := f.prototypeTransitions(m.Value())
	n, capacity := 0, 0
	if p.IsHeapObject() {
		n = h.Field(p.Addr(), arraySlot(0)).SmiValue()
		capacity = (f.Length(p) - 1) / 2
	}
	if n >= maxCachedPrototypeTransitions {
		return
	}
	t := f.ensureTransitionArray(m, 0)
	p = f.prototypeTransitions(m.Value())
	if n == capacity {
		np := f.NewFixedArrayWithMap(f.Roots.FixedArrayMap, 1+2*min(max(2*capacity, 4), maxCachedPrototypeTransitions), heap.OldSpace, f.Roots.Undefined)
		if p = f.prototypeTransitions(m.Value()); p.IsHeapObject() {
			for i := 1; i <= 2*n; i++ {
				h.SetField(np.Addr(), arraySlot(i), h.Field(p.Addr(), arraySlot(i)))
			}
		}
		h.SetField(t.Addr(), arraySlot(transPrototypeIndex), np.Value())
		p = np.Value()
	}
	h.SetField(p.Addr(), arraySlot(1+2*n), proto.Value())
	h.SetField(p.Addr(), arraySlot(2+2*n), target.Value())
	h.SetField(p.Addr(), arraySlot(0), layout.Smi(n+1))
}

// newChildMap makes the map of objects of parent with the property (key,
// kind, attrs) added as a new field, and records the transition. The child
// shares its parent's descriptor array when the parent owns it (appending
// in place, or into a larger copy given to the whole chain), else gets its
// own copy. Field index = descriptor index, since every property is a field.
func (f *Factory) newChildMap(parent, key heap.Handle, kind PropertyKind, attrs PropertyAttributes) heap.Handle {
	h := f.H
	p := parent.Value()
	n := f.NumberOfOwnDescriptors(p)
	det := NewFieldDetails(kind, attrs, n)
	insert := f.canHaveMoreTransitions(p)
	_, hasBack := f.MapBackPointer(p)
	old := h.NewHandle(f.MapDescriptors(p))
	var d heap.Handle
	switch {
	case insert && hasBack && n > 0 && f.descCount(old.Value()) == n:
		if f.descCapacity(old.Value()) > n {
			d = old
			break
		}
		d = f.copyDescriptors(old, n, slackForArraySize(n, MaxNumberOfDescriptors))
		for cur := parent.Value(); f.MapDescriptors(cur) == old.Value(); {
			h.SetField(cur.Addr(), layout.MapInstanceDescriptorsOffset, d.Value())
			bp, ok := f.MapBackPointer(cur)
			if !ok {
				break
			}
			cur = bp
		}
	default:
		d = f.copyDescriptors(old, n, 1)
	}
	child := f.copyMap(parent)
	c := child.Value()
	h.SetField(c.Addr(), layout.MapInstanceDescriptorsOffset, d.Value())
	f.setNumberOfOwnDescriptors(c, n+1)
	f.appendDescriptor(d.Value(), key.Value(), det, f.Roots.Undefined)
	if insert {
		h.SetField(c.Addr(), layout.MapConstructorOrBackPointerOffset, parent.Value())
		f.insertTransition(parent, child)
	}
	return child
}

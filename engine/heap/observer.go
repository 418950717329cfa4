package heap

import "github.com/sonde-js/sonde/engine/layout"

// AllocationObserver is told about allocations at step boundaries, as V8's
// allocation observers are (the sampling heap profiler and allocation tracking
// are built on it). Each space counts the bytes the mutator allocates in it;
// an observer is notified by the allocation whose end passes its next step.
type AllocationObserver interface {
	// Step reports the allocation of size bytes at soon, which is not yet
	// initialized; bytesSinceLast is what the space allocated between the
	// previous step and this object. Step must not allocate on the heap.
	Step(bytesSinceLast uint64, soon layout.Addr, size uint32)
	// NextStepSize returns the bytes to allocate before the next step.
	NextStepSize() uint64
}

type observerState struct {
	o          AllocationObserver
	prev, next uint64
}

// allocCounter counts one space's mutator allocation for its observers.
// current covers every allocation up to the space's LAB mark.
type allocCounter struct {
	current   uint64
	next      uint64 // the nearest observer's next step
	observers []observerState
}

func (c *allocCounter) active() bool { return len(c.observers) > 0 }

func (c *allocCounter) add(o AllocationObserver) {
	c.observers = append(c.observers, observerState{o: o, prev: c.current, next: c.current + o.NextStepSize()})
	c.recompute()
}

func (c *allocCounter) remove(o AllocationObserver) bool {
	for i, s := range c.observers {
		if s.o == o {
			c.observers = append(c.observers[:i], c.observers[i+1:]...)
			c.recompute()
			return true
		}
	}
	return false
}

func (c *allocCounter) recompute() {
	c.next = ^uint64(0)
	for _, s := range c.observers {
		c.next = min(c.next, s.next)
	}
}

// left returns the bytes that may still be allocated before a step is due.
func (c *allocCounter) left() uint64 { return c.next - c.current }

// invoke notifies the observers whose step the allocation of size bytes at
// soon passes, then counts the allocation.
func (c *allocCounter) invoke(soon layout.Addr, size uint32) {
	if c.current+uint64(size) > c.next {
		for i := range c.observers {
			s := &c.observers[i]
			if c.current+uint64(size) > s.next {
				s.o.Step(c.current-s.prev, soon, size)
				s.prev = c.current
				s.next = c.current + uint64(size) + s.o.NextStepSize()
			}
		}
		c.recompute()
	}
	c.current += uint64(size)
}

// AddAllocationObserver installs o on every space the mutator allocates in.
// Each space counts its own bytes, as in V8.
func (h *Heap) AddAllocationObserver(o AllocationObserver) {
	for _, al := range h.mutatorAllocators() {
		h.advance(al)
		al.counter.add(o)
		h.setLimit(al)
	}
	h.lo.counter.add(o)
}

// RemoveAllocationObserver uninstalls o.
func (h *Heap) RemoveAllocationObserver(o AllocationObserver) {
	for _, al := range h.mutatorAllocators() {
		h.advance(al)
		al.counter.remove(o)
		h.setLimit(al)
	}
	h.lo.counter.remove(o)
}

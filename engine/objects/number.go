package objects

import (
	"math"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

func nan() float64 { return math.NaN() }

// NewNumber returns d as a Smi when it is an integer that fits (and not -0),
// else as a new HeapNumber.
func (f *Factory) NewNumber(d float64) heap.Handle {
	if i := int(d); float64(i) == d && layout.FitsSmi(i) && !(d == 0 && math.Signbit(d)) {
		return f.H.NewHandle(layout.Smi(i))
	}
	return f.NewHeapNumber(d)
}

// NewHeapNumber allocates a boxed number in the new space.
func (f *Factory) NewHeapNumber(d float64) heap.Handle {
	h := f.H
	a := h.AllocateYoung(layout.HeapNumberSize)
	h.SetField(a, layout.MapOffset, f.Roots.HeapNumberMap)
	h.SetF64(a, layout.HeapNumberValueOffset, d)
	return h.HandleAddr(a)
}

// NumberValue returns the value of a Smi or a HeapNumber.
func (f *Factory) NumberValue(v layout.Value) float64 {
	if v.IsSmi() {
		return float64(v.SmiValue())
	}
	return f.H.F64(v.Addr(), layout.HeapNumberValueOffset)
}

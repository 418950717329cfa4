package heap

import (
	"testing"

	"github.com/sonde-js/sonde/engine/layout"
)

// A minimal object model for the heap's own tests: tagged arrays, byte arrays
// and boxed numbers, with maps in the read-only space.
type testHeap struct {
	*Heap
	t                          testing.TB
	arrayMap, bytesMap, numMap layout.Value
}

func newTestHeap(t testing.TB, opts Options) *testHeap {
	t.Helper()
	h, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	th := &testHeap{Heap: h, t: t}
	th.arrayMap = h.NewReadOnlyMap(layout.FixedArrayType, layout.VisitTaggedArray, 0, layout.FixedArrayHeaderSize).Value()
	th.bytesMap = h.NewReadOnlyMap(layout.ByteArrayType, layout.VisitByteArray, 0, 0).Value()
	th.numMap = h.NewReadOnlyMap(layout.HeapNumberType, layout.VisitTaggedRawTail, layout.HeapNumberSize, layout.HeaderSize).Value()
	if err := h.Seal(); err != nil {
		t.Fatal(err)
	}
	return th
}

func arraySize(n int) uint32 { return layout.FixedArrayHeaderSize + uint32(n)*layout.TaggedSize }

func bytesSize(n int) uint32 { return layout.AlignObject(layout.ByteArrayHeaderSize + uint32(n)) }

// array allocates a tagged array of n Smi-zero slots in space s.
func (th *testHeap) array(s Space, n int) Handle {
	a := th.Allocate(s, arraySize(n))
	th.SetField(a, layout.MapOffset, th.arrayMap)
	th.SetField(a, layout.FixedArrayLengthOffset, layout.Smi(n))
	for i := 0; i < n; i++ {
		th.SetField(a, layout.FixedArrayHeaderSize+uint32(i)*4, layout.Smi(0))
	}
	return th.HandleAddr(a)
}

// bytes allocates a byte array of n bytes, each set to fill.
func (th *testHeap) bytes(s Space, n int, fill byte) Handle {
	a := th.Allocate(s, bytesSize(n))
	th.SetField(a, layout.MapOffset, th.bytesMap)
	th.SetField(a, layout.ByteArrayLengthOffset, layout.Smi(n))
	b := th.Bytes(a, layout.ByteArrayHeaderSize, uint32(n))
	for i := range b {
		b[i] = fill
	}
	return th.HandleAddr(a)
}

func (th *testHeap) number(s Space, d float64) Handle {
	a := th.Allocate(s, layout.HeapNumberSize)
	th.SetField(a, layout.MapOffset, th.numMap)
	th.SetF64(a, layout.HeapNumberValueOffset, d)
	return th.HandleAddr(a)
}

func (th *testHeap) get(arr layout.Value, i int) layout.Value {
	return th.Field(arr.Addr(), layout.FixedArrayHeaderSize+uint32(i)*4)
}

func (th *testHeap) set(arr layout.Value, i int, v layout.Value) {
	th.SetField(arr.Addr(), layout.FixedArrayHeaderSize+uint32(i)*4, v)
}

func (th *testHeap) num(v layout.Value) float64 {
	return th.F64(v.Addr(), layout.HeapNumberValueOffset)
}

func (th *testHeap) verify() {
	th.t.Helper()
	if err := th.Verify(); err != nil {
		th.t.Fatal(err)
	}
}

// testModes are the heap configurations every workload runs under: plain,
// verified after each GC, and GC stress with verification.
var testModes = []struct {
	name string
	opts Options
}{
	{"plain", Options{}},
	{"verify", Options{VerifyHeap: true}},
	{"stress", Options{VerifyHeap: true, GCStressEvery: 17, StressCompaction: true}},
}

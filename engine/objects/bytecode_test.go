package objects

import (
	"bytes"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// codeSpaceUsed returns the used size of the code space.
func codeSpaceUsed(t *testing.T, h *heap.Heap) uint64 {
	t.Helper()
	for _, s := range h.SpaceStatistics() {
		if s.SpaceName == heap.CodeSpace.String() {
			return s.SpaceUsedSize
		}
	}
	t.Fatal("no code space in the statistics")
	return 0
}

func TestBytecodeArray(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		if used := codeSpaceUsed(t, h); used != 0 {
			t.Fatalf("code space holds %d bytes before any bytecode", used)
		}
		pool := f.NewFixedArray(2, heap.OldSpace)
		num := f.NewHeapNumber(1.5)
		f.Set(pool.Value(), 0, num.Value())
		code := []byte{0x0b, 0x01, 0x02, 0xff, 0x00, 0x7f, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0xab} // 13: padded
		ba := f.NewBytecodeArray(code, 3*layout.TaggedSize, 2, pool)

		v := ba.Value()
		if got := f.InstanceType(v); got != layout.BytecodeArrayType {
			t.Fatalf("bytecode array is %v", got)
		}
		checkSize(t, f, "BytecodeArray", v, int(layout.AlignObject(layout.BytecodeArrayHeaderSize+uint32(len(code)))))
		if used := codeSpaceUsed(t, h); used < uint64(h.SizeOf(v.Addr())) {
			t.Errorf("code space holds %d bytes, less than the bytecode array", used)
		}
		if h.InYoungGeneration(v.Addr()) || h.InReadOnlySpace(v.Addr()) {
			t.Errorf("bytecode array is not in the code space")
		}
		if got := f.Bytecodes(v); !bytes.Equal(got, code) {
			t.Errorf("bytecodes %x", got)
		}
		if got := h.Bytes(v.Addr(), layout.BytecodeArrayHeaderSize+13, 3); !bytes.Equal(got, []byte{0, 0, 0}) {
			t.Errorf("padding %x", got)
		}
		if f.BytecodeLength(v) != 13 || f.BytecodeAt(v, 12) != 0xab || f.BytecodeAt(v, 3) != 0xff {
			t.Errorf("length or BytecodeAt wrong")
		}
		if f.BytecodeFrameSize(v) != 12 || f.BytecodeRegisterCount(v) != 3 || f.BytecodeParameterSize(v) != 2 {
			t.Errorf("frame %d registers %d parameters %d", f.BytecodeFrameSize(v), f.BytecodeRegisterCount(v), f.BytecodeParameterSize(v))
		}
		if f.BytecodeConstantPool(v) != pool.Value() {
			t.Errorf("constant pool not set")
		}
		if f.BytecodeHandlerTable(v) != f.Roots.EmptyFixedArray || f.BytecodeSourcePositionTable(v) != f.Roots.EmptyFixedArray {
			t.Errorf("tables do not default to the empty fixed array")
		}

		positions := f.NewByteArray([]byte{0, 5, 3, 9, 1}, heap.OldSpace)
		handlers := f.NewByteArray([]byte{1, 2, 3, 4}, heap.OldSpace)
		pool2 := f.NewFixedArray(1, heap.NewSpace) // a code-to-new reference: remembered
		v = ba.Value()
		f.SetBytecodeSourcePositionTable(v, positions.Value())
		f.SetBytecodeHandlerTable(v, handlers.Value())
		f.SetBytecodeConstantPool(v, pool2.Value())
		checkSize(t, f, "ByteArray", positions.Value(), layout.ByteArrayHeaderSize+8)
		h.CollectGarbage(false)
		h.CollectGarbage(true)
		v = ba.Value()
		if got := f.ByteArrayBytes(f.BytecodeSourcePositionTable(v)); !bytes.Equal(got, []byte{0, 5, 3, 9, 1}) {
			t.Errorf("source positions %x", got)
		}
		if got := f.ByteArrayBytes(f.BytecodeHandlerTable(v)); !bytes.Equal(got, []byte{1, 2, 3, 4}) {
			t.Errorf("handler table %x", got)
		}
		if f.BytecodeConstantPool(v) != pool2.Value() {
			t.Errorf("constant pool not replaced")
		}

		empty := f.NewBytecodeArray(nil, 0, 1, heap.Handle{})
		checkSize(t, f, "empty BytecodeArray", empty.Value(), layout.BytecodeArrayHeaderSize)
		if f.BytecodeConstantPool(empty.Value()) != f.Roots.EmptyFixedArray || len(f.Bytecodes(empty.Value())) != 0 {
			t.Errorf("empty bytecode array")
		}
	})
}

// Bytecode arrays in the code space survive full GCs, interleaved with
// garbage there, with their bytes intact; CodeStatistics counts them and
// their metadata.
func TestBytecodeArraysSurviveGC(t *testing.T) {
	inBothHeapModes(t, func(t *testing.T, f *Factory) {
		h := f.H
		scope := h.OpenScope()
		defer scope.Close()
		const n = 60
		pattern := func(i int) []byte {
			b := make([]byte, 10+i*7)
			for j := range b {
				b[j] = byte(i*31 + j)
			}
			return b
		}
		keep := f.NewFixedArray(n, heap.OldSpace)
		for i := 0; i < n; i++ {
			s := h.OpenScope()
			pool := f.NewFixedArray(i%3, heap.OldSpace)
			ba := f.NewBytecodeArray(pattern(i), i, 1, pool)
			f.Set(keep.Value(), i, ba.Value())
			f.NewBytecodeArray(pattern(i+1), 0, 0, heap.Handle{}) // garbage in the code space
			s.Close()
		}
		check := func(when string) {
			for i := 0; i < n; i++ {
				ba := f.Get(keep.Value(), i)
				if got := f.Bytecodes(ba); !bytes.Equal(got, pattern(i)) {
					t.Fatalf("%s: bytecode array %d holds %x", when, i, got)
				}
				if f.BytecodeFrameSize(ba) != i || f.Length(f.BytecodeConstantPool(ba)) != i%3 {
					t.Fatalf("%s: bytecode array %d: header damaged", when, i)
				}
			}
		}
		check("before GC")
		before := make([]layout.Value, n)
		for i := range before {
			before[i] = f.Get(keep.Value(), i)
		}
		for i := 0; i < 3; i++ {
			h.CollectGarbage(true)
			check("after a full GC")
			h.CollectGarbage(false)
		}

		moved := 0
		for i := range before {
			if f.Get(keep.Value(), i) != before[i] {
				moved++
			}
		}
		t.Logf("%d of %d bytecode arrays moved", moved, n)

		var want, arrays uint64
		for i := 0; i < n; i++ {
			ba := f.Get(keep.Value(), i)
			arrays += uint64(h.SizeOf(ba.Addr()))
			want += uint64(h.SizeOf(ba.Addr()))
			if pool := f.BytecodeConstantPool(ba); !h.InReadOnlySpace(pool.Addr()) {
				want += uint64(h.SizeOf(pool.Addr()))
			}
		}
		if got := h.CodeStatistics().BytecodeAndMetadataSize; got != want {
			t.Errorf("bytecode and metadata size %d, want %d", got, want)
		}
		if used := codeSpaceUsed(t, h); used < arrays {
			t.Errorf("code space holds %d bytes, the bytecode arrays %d", used, arrays)
		}
	})
}

// A bytecode array larger than a regular object lands in the large-object
// space and survives too.
func TestLargeBytecodeArray(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	code := make([]byte, heap.MaxRegularObjectSize+100)
	for i := range code {
		code[i] = byte(i * 7)
	}
	ba := f.NewBytecodeArray(code, 0, 1, heap.Handle{})
	h.CollectGarbage(true)
	if got := f.Bytecodes(ba.Value()); !bytes.Equal(got, code) {
		t.Fatalf("large bytecode array damaged")
	}
	if got := h.CodeStatistics().BytecodeAndMetadataSize; got != uint64(h.SizeOf(ba.Addr())) {
		t.Errorf("bytecode and metadata size %d", got)
	}
}

// BenchmarkBytecodes measures the interpreter's access to a function's
// bytecode. Budget: 0 allocs/op.
func BenchmarkBytecodes(b *testing.B) {
	f := newTestFactory(b, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	ba := f.NewBytecodeArray(make([]byte, 64), 8, 1, heap.Handle{}).Value()
	b.ReportAllocs()
	sum := 0
	for b.Loop() {
		code := f.Bytecodes(ba)
		sum += int(code[len(code)-1]) + int(f.BytecodeAt(ba, 3))
	}
	_ = sum
}

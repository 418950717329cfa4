package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// NewBytecodeArray allocates a function's bytecode in the code space: a copy
// of code, the register frame size in bytes (TaggedSize per register, as in
// V8), the parameter size (parameters
// plus receiver) and the constant pool (a FixedArray; a nil handle gives the
// empty array). The handler and source position tables start empty
// (EmptyFixedArray); the compiler installs ByteArrays when it has some.
func (f *Factory) NewBytecodeArray(code []byte, frameSize, parameterSize int, constantPool heap.Handle) heap.Handle {
	h := f.H
	n := uint32(len(code))
	size := layout.AlignObject(layout.BytecodeArrayHeaderSize + n)
	a := h.Allocate(heap.CodeSpace, size)
	empty := f.Roots.EmptyFixedArray
	h.SetField(a, layout.MapOffset, f.Roots.BytecodeArrayMap)
	h.SetField(a, layout.BytecodeArrayLengthOffset, layout.Smi(len(code)))
	h.SetField(a, layout.BytecodeArrayConstantPoolOffset, valueOr(constantPool, empty))
	h.SetField(a, layout.BytecodeArrayHandlerTableOffset, empty)
	h.SetField(a, layout.BytecodeArraySourcePositionTableOffset, empty)
	h.SetField(a, layout.BytecodeArrayFrameSizeOffset, layout.Smi(frameSize))
	h.SetField(a, layout.BytecodeArrayParameterSizeOffset, layout.Smi(parameterSize))
	h.SetField(a, layout.BytecodeArrayBaselineOffset, f.Roots.Undefined)
	body := h.Bytes(a, layout.BytecodeArrayHeaderSize, size-layout.BytecodeArrayHeaderSize)
	clear(body[copy(body, code):]) // the alignment padding
	return h.HandleAddr(a)
}

// BytecodeLength returns the number of bytecode bytes.
func (f *Factory) BytecodeLength(ba layout.Value) int {
	return f.H.Field(ba.Addr(), layout.BytecodeArrayLengthOffset).SmiValue()
}

// Bytecodes returns the bytecode bytes. The slice aliases the heap: it is
// valid only until the next allocation, which may move the array (the
// interpreter re-reads it after every safepoint). Hot path: keep
// allocation-free, see BenchmarkBytecodes.
func (f *Factory) Bytecodes(ba layout.Value) []byte {
	a := ba.Addr()
	n := uint32(f.H.Field(a, layout.BytecodeArrayLengthOffset).SmiValue())
	return f.H.Bytes(a, layout.BytecodeArrayHeaderSize, n)
}

// BytecodeAt returns the bytecode byte at offset i, unchecked. Hot path:
// keep allocation-free, see BenchmarkBytecodes.
func (f *Factory) BytecodeAt(ba layout.Value, i int) byte {
	return f.H.U8(ba.Addr(), layout.BytecodeArrayHeaderSize+uint32(i))
}

// BytecodeConstantPool returns the constant pool (a FixedArray).
func (f *Factory) BytecodeConstantPool(ba layout.Value) layout.Value {
	return f.H.Field(ba.Addr(), layout.BytecodeArrayConstantPoolOffset)
}

// SetBytecodeConstantPool replaces the constant pool.
func (f *Factory) SetBytecodeConstantPool(ba, pool layout.Value) {
	f.H.SetField(ba.Addr(), layout.BytecodeArrayConstantPoolOffset, pool)
}

// BytecodeHandlerTable returns the exception handler table: a ByteArray, or
// EmptyFixedArray when the function has no try.
func (f *Factory) BytecodeHandlerTable(ba layout.Value) layout.Value {
	return f.H.Field(ba.Addr(), layout.BytecodeArrayHandlerTableOffset)
}

// SetBytecodeHandlerTable installs the exception handler table.
func (f *Factory) SetBytecodeHandlerTable(ba, table layout.Value) {
	f.H.SetField(ba.Addr(), layout.BytecodeArrayHandlerTableOffset, table)
}

// BytecodeSourcePositionTable returns the table mapping bytecode offsets to
// source positions: a ByteArray, or EmptyFixedArray when there is none.
func (f *Factory) BytecodeSourcePositionTable(ba layout.Value) layout.Value {
	return f.H.Field(ba.Addr(), layout.BytecodeArraySourcePositionTableOffset)
}

// SetBytecodeSourcePositionTable installs the source position table.
func (f *Factory) SetBytecodeSourcePositionTable(ba, table layout.Value) {
	f.H.SetField(ba.Addr(), layout.BytecodeArraySourcePositionTableOffset, table)
}

// BytecodeFrameSize returns the size of the function's register frame in
// bytes.
func (f *Factory) BytecodeFrameSize(ba layout.Value) int {
	return f.H.Field(ba.Addr(), layout.BytecodeArrayFrameSizeOffset).SmiValue()
}

// BytecodeRegisterCount returns the number of registers in the frame: the
// frame size over the tagged size, as V8 derives it.
func (f *Factory) BytecodeRegisterCount(ba layout.Value) int {
	return f.BytecodeFrameSize(ba) / layout.TaggedSize
}

// BytecodeParameterSize returns the number of parameter slots, receiver
// included.
func (f *Factory) BytecodeParameterSize(ba layout.Value) int {
	return f.H.Field(ba.Addr(), layout.BytecodeArrayParameterSizeOffset).SmiValue()
}

// NewByteArray allocates a ByteArray holding a copy of data in space s (the
// old space for tables that live as long as their bytecode).
func (f *Factory) NewByteArray(data []byte, s heap.Space) heap.Handle {
	h := f.H
	n := uint32(len(data))
	size := layout.AlignObject(layout.ByteArrayHeaderSize + n)
	a := h.Allocate(s, size)
	h.SetField(a, layout.MapOffset, f.Roots.ByteArrayMap)
	h.SetField(a, layout.ByteArrayLengthOffset, layout.Smi(len(data)))
	body := h.Bytes(a, layout.ByteArrayHeaderSize, size-layout.ByteArrayHeaderSize)
	clear(body[copy(body, data):])
	return h.HandleAddr(a)
}

// ByteArrayBytes returns the bytes of a ByteArray, aliasing the heap: valid
// only until the next allocation.
func (f *Factory) ByteArrayBytes(ba layout.Value) []byte {
	a := ba.Addr()
	n := uint32(f.H.Field(a, layout.ByteArrayLengthOffset).SmiValue())
	return f.H.Bytes(a, layout.ByteArrayHeaderSize, n)
}

// BytecodeBaseline returns the BytecodeArray optimized code was made from
// (same pcs, same constant pool and tables), or undefined for baseline code.
func (f *Factory) BytecodeBaseline(ba layout.Value) layout.Value {
	return f.H.Field(ba.Addr(), layout.BytecodeArrayBaselineOffset)
}

// SetBytecodeBaseline marks ba as optimized code made from baseline.
func (f *Factory) SetBytecodeBaseline(ba, baseline layout.Value) {
	f.H.SetField(ba.Addr(), layout.BytecodeArrayBaselineOffset, baseline)
}

package bytecode

import "math"

// Function is one compiled function literal in Go memory: what the compiler
// produces and the interpreter installs on the heap (a BytecodeArray with its
// constant pool, handler table and source position table). It is plain data,
// independent of any isolate, so it can be tested and disassembled alone.
type Function struct {
	// Name is the function's debug name (for the disassembly only).
	Name string
	// Code is the instruction stream.
	Code []byte
	// Constants is the constant pool; entries MetaFeedbackSlots and
	// MetaClosures are reserved for the function's metadata.
	Constants []Constant
	// Params is the number of formal parameter slots (the receiver is in
	// the frame header); Registers the number of registers after them.
	Params, Registers int
	// Handlers lists the try ranges, innermost first.
	Handlers []Handler
	// Positions is the encoded source position table (see PositionTable).
	Positions []byte
	// FeedbackSlots is the size of the function's feedback vector;
	// Closures the number of function literals it creates (feedback cells).
	FeedbackSlots, Closures int
	// Counters is the number of block-coverage counters (IncBlockCounter);
	// CounterRanges their source ranges, in allocation order.
	Counters      int
	CounterRanges []CounterRange
	// CountersConstant is the constant pool index of the counters
	// (ConstCounters), or -1 when the function has none.
	CountersConstant int
	// Locals names a generator function's parameters and function-scope
	// variables with where each lives, in declaration order, for the
	// inspector's Local scope of a suspended generator; nil otherwise.
	Locals []Local
}

// Local is one named variable of a function's own scope: in frame slot
// Reg, or (Reg < 0) in slot Slot of the function's context.
type Local struct {
	Name      string
	Reg, Slot int
}

// CounterRange is the source range of one block-coverage counter, in UTF-16
// offsets, End exclusive: V8's CoverageInfo slot. End is NoCounterEnd for a
// continuation that marks only where a range starts (its end is found by
// the coverage post-processing); both are FunctionCounterPos for the
// function-scope counter, counted on every entry to the body.
type CounterRange struct {
	Start, End int
}

// The special counter positions (V8's kNoSourcePosition and
// kFunctionLiteralSourcePosition).
const (
	NoCounterEnd       = -1
	FunctionCounterPos = -2
)

// FrameSize returns the number of frame slots: header, parameters and
// registers.
func (fn *Function) FrameSize() int { return FrameHeaderSize + fn.Params + fn.Registers }

// The reserved constant pool entries: the interpreter reads them when it
// first calls the function, to size its feedback vector.
const (
	// MetaFeedbackSlots holds the number of feedback slots (a Smi).
	MetaFeedbackSlots = 0
	// MetaClosures holds the number of closure feedback cells (a Smi).
	MetaClosures = 1
	// FirstConstant is the index of the first ordinary constant.
	FirstConstant = 2
)

// ConstKind says what a constant pool entry holds.
type ConstKind uint8

// The constant kinds.
const (
	// ConstSmi is a small integer (Int).
	ConstSmi ConstKind = iota
	// ConstString is an internalized string (Str, UTF-16).
	ConstString
	// ConstNumber is a number that is not a Smi (Num): a HeapNumber.
	ConstNumber
	// ConstFunction is a nested function literal (Int: its literal id),
	// installed as its SharedFunctionInfo.
	ConstFunction
	// ConstScopeInfo describes a scope with context-allocated variables
	// (Int: the ScopeKind of package objects; Names: the slot names).
	ConstScopeInfo
	// ConstArray is a FixedArray of constants (Elems).
	ConstArray
	// ConstUndefined is undefined (in ConstArray elements).
	ConstUndefined
	// ConstDefaultConstructor is the SharedFunctionInfo of a class's
	// implicit constructor (Int: bit 0 derived, bit 1 has instance fields;
	// Names[0]: the class name; Elems: its source start and end).
	ConstDefaultConstructor
	// ConstCounters is the function's block-coverage counters: a ByteArray
	// of Int little-endian uint32 counts, zeroed.
	ConstCounters
	// ConstBigInt is a BigInt literal (Names[0]: its value in decimal).
	ConstBigInt
)

// Constant is one constant pool entry, described in Go terms.
type Constant struct {
	Kind  ConstKind
	Int   int
	Num   float64
	Str   []uint16
	Names []string
	Elems []Constant
	// Modes, for a ConstScopeInfo, gives each name's assignment mode
	// (ModeMutable…) when lookups by name may need it; nil otherwise.
	Modes []byte
	// Eager marks a ConstFunction V8 compiles at once: a function
	// expression right after `(` (guessed to be called immediately).
	Eager bool
}

// Handler is one entry of the exception handler table: an exception thrown
// by an instruction in [Start, End) continues at Target with the exception
// in the accumulator, after the current context is restored from the
// register Context.
type Handler struct {
	Start, End, Target int
	Context            int
}

// handlerRecordSize is the size of one encoded handler: four u32.
const handlerRecordSize = 16

// EncodeHandlers packs a handler table for the heap (a ByteArray).
func EncodeHandlers(hs []Handler) []byte {
	b := make([]byte, 0, len(hs)*handlerRecordSize)
	for _, h := range hs {
		b = appendU32(b, uint32(h.Start))
		b = appendU32(b, uint32(h.End))
		b = appendU32(b, uint32(h.Target))
		b = appendU32(b, uint32(h.Context))
	}
	return b
}

// LookupHandler finds, in an encoded handler table, the innermost handler
// whose range holds pc.
func LookupHandler(table []byte, pc int) (Handler, bool) {
	for i := 0; i+handlerRecordSize <= len(table); i += handlerRecordSize {
		start, end := int(readU32(table, i)), int(readU32(table, i+4))
		if start <= pc && pc < end {
			return Handler{start, end, int(readU32(table, i+8)), int(readU32(table, i+12))}, true
		}
	}
	return Handler{}, false
}

func appendU32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}

func readU32(b []byte, i int) uint32 {
	return uint32(b[i]) | uint32(b[i+1])<<8 | uint32(b[i+2])<<16 | uint32(b[i+3])<<24
}

// ReadU16 reads a u16 operand at offset i. Hot path.
func ReadU16(code []byte, i int) int { return int(code[i]) | int(code[i+1])<<8 }

// ReadI32 reads an i32 operand at offset i. Hot path.
func ReadI32(code []byte, i int) int32 {
	return int32(uint32(code[i]) | uint32(code[i+1])<<8 | uint32(code[i+2])<<16 | uint32(code[i+3])<<24)
}

// ReadU32 reads a u32 operand at offset i. Hot path.
func ReadU32(code []byte, i int) int { return int(readU32(code, i)) }

// Operand returns operand n of the instruction at pc, sign-extended for Imm.
func Operand(code []byte, pc, n int) int {
	in := Op(code[pc]).Info()
	off := pc + 1
	for i := 0; i < n; i++ {
		off += in.Operands[i].Width()
	}
	switch in.Operands[n].Width() {
	case 1:
		return int(code[off])
	case 2:
		return ReadU16(code, off)
	}
	if in.Operands[n] == Imm {
		return int(ReadI32(code, off))
	}
	return ReadU32(code, off)
}

// IsSmiNumber reports whether the number x is stored as a Smi: an integer
// in the Smi range that is not -0.
func IsSmiNumber(x float64) bool {
	return x == math.Trunc(x) && x >= -(1<<30) && x <= 1<<30-1 && !(x == 0 && math.Signbit(x))
}

// Variable modes of a ConstScopeInfo's names, for run-time lookups by name.
const (
	ModeMutable     byte = iota // var, let, parameters
	ModeConst                   // const, class names: assignment is a TypeError
	ModeSloppyConst             // a function expression's own name: ignored in sloppy code
)

package bytecode

import (
	"fmt"
	"math"
	"unicode/utf16"
)

// Builder assembles one function's bytecode: instructions with their
// operands, forward and backward jumps through labels, the constant pool
// (strings and numbers deduplicated), source positions, the handler table
// and the feedback slot count. Code after an instruction that never falls
// through (Return, Throw, Jump…) is dropped until the next bound label, so
// unreachable code costs nothing.
type Builder struct {
	code      []byte
	consts    []Constant
	strings   map[string]int
	numbers   map[uint64]int
	positions PositionTableBuilder
	handlers  []Handler
	feedback  int
	closures  int
	counters  int
	ranges    []CounterRange
	// countersConst is the pool index of the counters, or -1.
	countersConst int

	// pendingPos is the source position for the next instruction.
	pendingPos  int
	pendingStmt bool
	hasPending  bool
	// dead is set after a terminating instruction, until a label is bound.
	dead bool
	// err records the first limit exceeded (too many constants…).
	err error
}

// NewBuilder returns an empty builder with the metadata constants reserved.
func NewBuilder() *Builder {
	b := &Builder{strings: map[string]int{}, numbers: map[uint64]int{}, countersConst: -1}
	b.consts = append(b.consts, Constant{Kind: ConstSmi}, Constant{Kind: ConstSmi})
	return b
}

// Err returns the first limit the function exceeded, or nil.
func (b *Builder) Err() error { return b.err }

func (b *Builder) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf(format, args...)
	}
}

// Offset returns the offset the next instruction will have.
func (b *Builder) Offset() int { return len(b.code) }

// Reachable reports whether code emitted now can run.
func (b *Builder) Reachable() bool { return !b.dead }

// SetExpressionPosition attaches source position pos to the next
// instruction (unless a statement position is already pending).
func (b *Builder) SetExpressionPosition(pos int) {
	if b.hasPending && b.pendingStmt {
		return
	}
	b.pendingPos, b.pendingStmt, b.hasPending = pos, false, true
}

// SetStatementPosition attaches statement position pos to the next
// instruction.
func (b *Builder) SetStatementPosition(pos int) {
	b.pendingPos, b.pendingStmt, b.hasPending = pos, true, true
}

// Emit appends an instruction. Operands are given as ints in the order of
// the opcode's table entry; a JumpTarget operand should be emitted through
// EmitJump instead.
func (b *Builder) Emit(op Op, operands ...int) {
	if b.dead {
		return
	}
	in := op.Info()
	if len(operands) != len(in.Operands) {
		panic(fmt.Sprintf("bytecode: %s takes %d operands, got %d", in.Name, len(in.Operands), len(operands)))
	}
	if b.hasPending {
		b.positions.Add(len(b.code), b.pendingPos, b.pendingStmt)
		b.hasPending = false
	}
	b.code = append(b.code, byte(op))
	for i, k := range in.Operands {
		b.putOperand(k, operands[i])
	}
	if in.Flags&Terminates != 0 {
		b.dead = true
	}
}

func (b *Builder) putOperand(k OperandKind, v int) {
	switch k.Width() {
	case 1:
		if v < 0 || v > math.MaxUint8 {
			b.fail("operand %d out of range", v)
		}
		b.code = append(b.code, byte(v))
	case 2:
		if v < 0 || v > math.MaxUint16 {
			b.fail("function too large: operand %d out of range", v)
		}
		b.code = append(b.code, byte(v), byte(v>>8))
	case 4:
		if k == Imm && (v < math.MinInt32 || v > math.MaxInt32) {
			b.fail("immediate %d out of range", v)
		}
		b.code = appendU32(b.code, uint32(v))
	}
}

// Label is a position in the code that jumps refer to, bound once.
type Label struct {
	offset int
	bound  bool
	refs   []int // offsets of the u32 operands to patch
}

// IsBound reports whether the label has been bound.
func (l *Label) IsBound() bool { return l.bound }

// Bind places the label at the current offset and patches the jumps
// already emitted to it. Code after a bound label is reachable.
func (b *Builder) Bind(l *Label) {
	if l.bound {
		panic("bytecode: label bound twice")
	}
	l.offset, l.bound = len(b.code), true
	for _, r := range l.refs {
		putU32(b.code, r, uint32(l.offset))
	}
	l.refs = nil
	b.dead = false
}

func putU32(b []byte, i int, v uint32) {
	b[i], b[i+1], b[i+2], b[i+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

// EmitJump appends a jump to l; operands are those before the target.
func (b *Builder) EmitJump(op Op, l *Label, operands ...int) {
	if b.dead {
		return
	}
	if op.Info().Flags&Jumps == 0 {
		panic("bytecode: " + op.String() + " is not a jump")
	}
	b.Emit(op, append(operands, 0)...)
	at := len(b.code) - 4
	if l.bound {
		putU32(b.code, at, uint32(l.offset))
	} else {
		l.refs = append(l.refs, at)
	}
}

// StringConstant returns the pool index of the string s (UTF-16),
// adding it once.
func (b *Builder) StringConstant(s []uint16) int {
	key := make([]byte, 2*len(s)+1)
	key[0] = 'u' // UTF-16 keys never collide with NameConstant's UTF-8 keys
	for i, c := range s {
		key[1+2*i], key[2+2*i] = byte(c), byte(c>>8)
	}
	if i, ok := b.strings[string(key)]; ok {
		return i
	}
	i := b.add(Constant{Kind: ConstString, Str: s})
	b.strings[string(key)] = i
	return i
}

// NameConstant returns the pool index of the string name (UTF-8).
func (b *Builder) NameConstant(name string) int {
	return b.StringConstant(utf16.Encode([]rune(name)))
}

// NumberConstant returns the pool index of the number x, adding it once.
func (b *Builder) NumberConstant(x float64) int {
	bits := math.Float64bits(x)
	if i, ok := b.numbers[bits]; ok {
		return i
	}
	k := ConstNumber
	c := Constant{Kind: k, Num: x}
	if IsSmiNumber(x) {
		c = Constant{Kind: ConstSmi, Int: int(x)}
	}
	i := b.add(c)
	b.numbers[bits] = i
	return i
}

// BigIntConstant returns the pool index of the BigInt whose value is the
// decimal digits, adding it once.
func (b *Builder) BigIntConstant(digits string) int {
	key := "n" + digits // never collides with string keys ('u' first)
	if i, ok := b.strings[key]; ok {
		return i
	}
	i := b.add(Constant{Kind: ConstBigInt, Names: []string{digits}})
	b.strings[key] = i
	return i
}

// Constant adds c to the pool (without deduplication) and returns its index.
func (b *Builder) Constant(c Constant) int { return b.add(c) }

func (b *Builder) add(c Constant) int {
	if len(b.consts) > math.MaxUint16 {
		b.fail("function too large: more than 65536 constants")
	}
	b.consts = append(b.consts, c)
	return len(b.consts) - 1
}

// FeedbackSlots reserves n consecutive feedback slots and returns the first.
func (b *Builder) FeedbackSlots(n int) int {
	s := b.feedback
	b.feedback += n
	return s
}

// Closure reserves a closure feedback cell and returns its index.
func (b *Builder) Closure() int {
	c := b.closures
	b.closures++
	return c
}

// Counter reserves a block-coverage counter for the source range [start,
// end) (UTF-16; see CounterRange for the special values) and returns its
// index. The first counter also reserves the pool entry holding them.
func (b *Builder) Counter(start, end int) int {
	if b.countersConst < 0 {
		b.countersConst = b.add(Constant{Kind: ConstCounters})
	}
	c := b.counters
	b.counters++
	b.ranges = append(b.ranges, CounterRange{start, end})
	return c
}

// IncCounter emits the increment of counter c (from Counter).
func (b *Builder) IncCounter(c int) {
	b.Emit(IncBlockCounter, b.countersConst, c)
}

// AddHandler records a try range. Handlers must be added innermost first
// (a try statement's handler after those of the trys it contains).
func (b *Builder) AddHandler(h Handler) {
	if h.Start < h.End {
		b.handlers = append(b.handlers, h)
	}
}

// Finish returns the function. params and registers size its frame.
func (b *Builder) Finish(name string, params, registers int) *Function {
	if !b.dead {
		// Falling off the end returns undefined.
		b.Emit(LdaUndefined)
		b.Emit(Return)
	}
	b.consts[MetaFeedbackSlots].Int = b.feedback
	b.consts[MetaClosures].Int = b.closures
	if b.countersConst >= 0 {
		b.consts[b.countersConst].Int = b.counters
	}
	if FrameHeaderSize+params+registers > math.MaxUint16 {
		b.fail("function too large: too many registers")
	}
	return &Function{
		Name:             name,
		Code:             b.code,
		Constants:        b.consts,
		Params:           params,
		Registers:        registers,
		Handlers:         b.handlers,
		Positions:        b.positions.Bytes(),
		FeedbackSlots:    b.feedback,
		Closures:         b.closures,
		Counters:         b.counters,
		CounterRanges:    b.ranges,
		CountersConstant: b.countersConst,
	}
}

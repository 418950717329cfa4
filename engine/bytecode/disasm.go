package bytecode

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Disassemble renders fn as text for golden tests and debugging, one
// instruction per line: its offset, a source-position mark (S> statement,
// E> expression), the opcode and its operands (registers by name, constant
// indices as [n] with the constant's value, feedback slots as #n, jump
// targets as @n), then the constant pool and the handler table.
func Disassemble(fn *Function) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: params %d, registers %d, feedback %d, closures %d\n",
		displayName(fn.Name), fn.Params, fn.Registers, fn.FeedbackSlots, fn.Closures)
	positions := map[int]Position{}
	for _, p := range DecodePositions(fn.Positions) {
		positions[p.PC] = p
	}
	for pc := 0; pc < len(fn.Code); {
		op := Op(fn.Code[pc])
		mark := "  "
		if p, ok := positions[pc]; ok {
			mark = "E>"
			if p.Statement {
				mark = "S>"
			}
		}
		fmt.Fprintf(&sb, "%5d %s %s\n", pc, mark, InstructionString(fn, pc))
		if int(op) >= NumOps {
			break
		}
		pc += op.Size()
	}
	if len(fn.Constants) > FirstConstant {
		sb.WriteString("constants:\n")
		for i := FirstConstant; i < len(fn.Constants); i++ {
			fmt.Fprintf(&sb, "%5d: %s\n", i, constantString(fn.Constants[i]))
		}
	}
	if len(fn.Handlers) > 0 {
		sb.WriteString("handlers:\n")
		for _, h := range fn.Handlers {
			fmt.Fprintf(&sb, "  [%d, %d) -> @%d, context %s\n", h.Start, h.End, h.Target, RegisterName(h.Context, fn.Params))
		}
	}
	if len(fn.CounterRanges) > 0 {
		sb.WriteString("counters:\n")
		for i, r := range fn.CounterRanges {
			switch {
			case r.Start == FunctionCounterPos:
				fmt.Fprintf(&sb, "  c%d: function\n", i)
			case r.End == NoCounterEnd:
				fmt.Fprintf(&sb, "  c%d: continuation at %d\n", i, r.Start)
			default:
				fmt.Fprintf(&sb, "  c%d: [%d, %d)\n", i, r.Start, r.End)
			}
		}
	}
	return sb.String()
}

func displayName(name string) string {
	if name == "" {
		return "(anonymous)"
	}
	return name
}

// InstructionString renders the instruction at pc of fn.
func InstructionString(fn *Function, pc int) string {
	code := fn.Code
	op := Op(code[pc])
	if int(op) >= NumOps {
		return fmt.Sprintf("Illegal(%d)", op)
	}
	in := op.Info()
	var sb strings.Builder
	sb.WriteString(in.Name)
	for i, k := range in.Operands {
		if i == 0 {
			sb.WriteByte(' ')
		} else {
			sb.WriteString(", ")
		}
		v := Operand(code, pc, i)
		switch k {
		case Reg, RegOut:
			sb.WriteString(RegisterName(v, fn.Params))
		case Idx:
			sb.WriteString("[" + strconv.Itoa(v) + "]")
			if v < len(fn.Constants) {
				if c := fn.Constants[v]; c.Kind == ConstString {
					sb.WriteString(" " + strconv.Quote(string(utf16.Decode(c.Str))))
				}
			}
		case Slot:
			sb.WriteString("#" + strconv.Itoa(v))
		case CtxSlot:
			sb.WriteString("[" + strconv.Itoa(v) + "]")
		case JumpTarget:
			sb.WriteString("@" + strconv.Itoa(v))
		case Runtime:
			sb.WriteString(RuntimeID(v).String())
		case Counter:
			sb.WriteString("c" + strconv.Itoa(v))
		default:
			sb.WriteString(strconv.Itoa(v))
		}
	}
	return sb.String()
}

func constantString(c Constant) string {
	switch c.Kind {
	case ConstSmi:
		return "Smi " + strconv.Itoa(c.Int)
	case ConstString:
		return "String " + strconv.Quote(string(utf16.Decode(c.Str)))
	case ConstNumber:
		return "Number " + strconv.FormatFloat(c.Num, 'g', -1, 64)
	case ConstBigInt:
		return "BigInt " + c.Names[0] + "n"
	case ConstFunction:
		return "SharedFunctionInfo #" + strconv.Itoa(c.Int)
	case ConstScopeInfo:
		return fmt.Sprintf("ScopeInfo %d %v", c.Int, c.Names)
	case ConstUndefined:
		return "undefined"
	case ConstDefaultConstructor:
		return fmt.Sprintf("DefaultConstructor %q flags %d", c.Names[0], c.Int)
	case ConstCounters:
		return fmt.Sprintf("Counters %d", c.Int)
	case ConstArray:
		parts := make([]string, len(c.Elems))
		for i, e := range c.Elems {
			parts[i] = constantString(e)
		}
		return "Array [" + strings.Join(parts, ", ") + "]"
	}
	return "?"
}

// Verify checks that fn's code decodes: every opcode is known, instructions
// end at the end of the code, registers fit the frame, constant indices fit
// the pool and jump targets land on instruction boundaries.
func Verify(fn *Function) error {
	starts := map[int]bool{}
	for pc := 0; pc < len(fn.Code); {
		op := Op(fn.Code[pc])
		if int(op) >= NumOps {
			return fmt.Errorf("@%d: illegal opcode %d", pc, op)
		}
		if pc+op.Size() > len(fn.Code) {
			return fmt.Errorf("@%d: %s runs past the end", pc, op)
		}
		starts[pc] = true
		pc += op.Size()
	}
	frame := fn.FrameSize()
	for pc := 0; pc < len(fn.Code); pc += Op(fn.Code[pc]).Size() {
		op := Op(fn.Code[pc])
		for i, k := range op.Info().Operands {
			v := Operand(fn.Code, pc, i)
			switch k {
			case Reg, RegOut:
				if v >= frame {
					return fmt.Errorf("@%d: %s register %d outside a frame of %d", pc, op, v, frame)
				}
			case Idx:
				if v >= len(fn.Constants) {
					return fmt.Errorf("@%d: %s constant %d outside the pool", pc, op, v)
				}
			case Slot:
				if v >= fn.FeedbackSlots {
					return fmt.Errorf("@%d: %s feedback slot %d outside the vector", pc, op, v)
				}
			case JumpTarget:
				if !starts[v] {
					return fmt.Errorf("@%d: %s jumps into the middle of an instruction (@%d)", pc, op, v)
				}
			}
		}
	}
	for _, h := range fn.Handlers {
		if !starts[h.Target] {
			return fmt.Errorf("handler target @%d is not an instruction", h.Target)
		}
	}
	return nil
}

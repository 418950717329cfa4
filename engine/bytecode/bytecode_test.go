package bytecode

import "testing"

func TestBuilderJumpsAndDisassembly(t *testing.T) {
	b := NewBuilder()
	loop, done := &Label{}, &Label{}
	b.SetStatementPosition(0)
	b.Emit(LdaZero)
	b.Emit(Star, FrameHeaderSize+1)
	b.Bind(loop)
	b.Emit(LdaSmi, 10)
	b.SetExpressionPosition(7)
	b.Emit(TestLessThan, FrameHeaderSize+1)
	b.EmitJump(JumpIfFalse, done)
	b.Emit(Ldar, FrameHeaderSize+1)
	b.Emit(Inc)
	b.Emit(Star, FrameHeaderSize+1)
	b.EmitJump(JumpLoop, loop)
	b.Emit(LdaTrue) // unreachable: dropped
	b.Bind(done)
	b.Emit(LdaConstant, b.NameConstant("done"))
	b.Emit(Return)
	fn := b.Finish("count", 1, 1)
	if err := Verify(fn); err != nil {
		t.Fatal(err)
	}
	got := Disassemble(fn)
	want := `count: params 1, registers 1, feedback 0, closures 0
    0 S> LdaZero
    1    Star r0
    4    LdaSmi 10
    9 E> TestLessThan r0
   12    JumpIfFalse @29
   17    Ldar r0
   20    Inc
   21    Star r0
   24    JumpLoop @4
   29    LdaConstant [2] "done"
   32    Return
constants:
    2: String "done"
`
	if got != want {
		t.Fatalf("disassembly:\n%s\nwant:\n%s", got, want)
	}
	// The forward jump lands on the instruction after the loop.
	if Operand(fn.Code, 12, 0) != 29 {
		t.Fatalf("JumpIfFalse target %d, want 29\n%s", Operand(fn.Code, 12, 0), got)
	}
}

func TestPositionTableRoundTrip(t *testing.T) {
	var pb PositionTableBuilder
	in := []Position{{0, 10, true}, {3, 5, false}, {9, 400, false}, {200, 399, true}, {70000, 2, false}}
	for _, p := range in {
		pb.Add(p.PC, p.Pos, p.Statement)
	}
	out := DecodePositions(pb.Bytes())
	if len(out) != len(in) {
		t.Fatalf("%v", out)
	}
	for i := range in {
		if in[i] != out[i] {
			t.Fatalf("entry %d: %v != %v", i, out[i], in[i])
		}
	}
	if p := SourcePosition(pb.Bytes(), 100); p != 400 {
		t.Fatalf("position at 100 = %d", p)
	}
	if p := SourcePosition(pb.Bytes(), 0); p != 10 {
		t.Fatalf("position at 0 = %d", p)
	}
}

func TestHandlerTable(t *testing.T) {
	hs := []Handler{{5, 10, 20, 7}, {0, 30, 40, 6}}
	enc := EncodeHandlers(hs)
	if h, ok := LookupHandler(enc, 7); !ok || h != hs[0] {
		t.Fatalf("innermost: %v %v", h, ok)
	}
	if h, ok := LookupHandler(enc, 15); !ok || h != hs[1] {
		t.Fatalf("outer: %v %v", h, ok)
	}
	if _, ok := LookupHandler(enc, 30); ok {
		t.Fatal("handler past the range")
	}
}

func TestEveryOpcodeHasAName(t *testing.T) {
	seen := map[string]bool{}
	for op := 0; op < NumOps; op++ {
		name := Op(op).String()
		if seen[name] {
			t.Errorf("duplicate opcode name %s", name)
		}
		seen[name] = true
	}
	for id := 0; id < NumRuntime; id++ {
		if RuntimeID(id).String() == "" {
			t.Errorf("runtime %d has no name", id)
		}
	}
}

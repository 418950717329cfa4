package interp

import (
	"math"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/layout"
)

// Optimized-tier arithmetic (h-elem). Profiles of Crypto and NavierStokes
// in optimized code showed the shifts (which the baseline always runs
// through the generic arith, converting Smis to doubles and back),
// `x++`/`++x` (three or six instructions), and double arithmetic reaching
// the HeapNumber allocation through three calls. quickenArith rewrites
// those into the ops below; each one's fast path needs no guard that could
// fail for good (a Smi check, and the generic helper or only the first
// instruction of the pair otherwise), so none deoptimizes.

// quickenArith returns the optimized form of the instruction at pc of code
// (baseline opcodes from pc on), or false. Called by quicken.
func quickenArith(code []byte, pc int) (bytecode.Op, bool) {
	op := bytecode.Op(code[pc])
	at := func(n int) bytecode.Op {
		if n >= len(code) {
			return bytecode.Op(bytecode.NumOps)
		}
		return bytecode.Op(code[n])
	}
	star := at(pc+3) == bytecode.Star
	switch op {
	case bytecode.Add:
		return bytecode.AddOpt, true
	case bytecode.Sub:
		return bytecode.SubOpt, true
	case bytecode.Mul:
		return bytecode.MulOpt, true
	case bytecode.Div:
		return bytecode.DivOpt, true
	case bytecode.BitwiseXor:
		if star {
			return bytecode.BitwiseXorStar, true
		}
		return bytecode.BitwiseXorOpt, true
	case bytecode.ShiftLeft:
		if star {
			return bytecode.ShiftLeftStar, true
		}
		return bytecode.ShiftLeftOpt, true
	case bytecode.ShiftRight:
		if star {
			return bytecode.ShiftRightStar, true
		}
		return bytecode.ShiftRightOpt, true
	case bytecode.StaKeyedProperty:
		return bytecode.StaKeyedOpt, true
	case bytecode.ShiftRightLogical:
		if star {
			return bytecode.ShiftRightLogicalStar, true
		}
		return bytecode.ShiftRightLogicalOpt, true
	case bytecode.Ldar:
		// Ldar x; Inc; Star y (pc+4 is Inc, pc+5 Star).
		if s := at(pc + 4); s == bytecode.Star {
			switch at(pc + 3) {
			case bytecode.Inc:
				return bytecode.LdarIncStar, true
			case bytecode.Dec:
				return bytecode.LdarDecStar, true
			}
		}
		// Ldar x; ToNumeric; Star t; Inc; Star x; Ldar t: x++ as a value.
		if at(pc+3) == bytecode.ToNumeric && at(pc+4) == bytecode.Star && at(pc+7) == bytecode.Inc &&
			at(pc+8) == bytecode.Star && at(pc+11) == bytecode.Ldar && u16(code, pc+1) == u16(code, pc+9) &&
			u16(code, pc+5) == u16(code, pc+12) && u16(code, pc+1) != u16(code, pc+5) {
			return bytecode.LdarPostInc, true
		}
	}
	return 0, false
}

// smiShift computes a shift of Smi a by Smi b (both tagged), if its result
// is a Smi. Hot path.
func smiShift(op bytecode.Op, a, b layout.Value) (layout.Value, bool) {
	x, s := int32(a)>>1, uint32(int32(b)>>1)&31
	switch op {
	case bytecode.ShiftLeftOpt, bytecode.ShiftLeftStar:
		if r := x << s; r >= layout.SmiMin && r <= layout.SmiMax {
			return layout.Value(uint32(r) << 1), true
		}
		return 0, false
	case bytecode.ShiftRightOpt, bytecode.ShiftRightStar:
		return layout.Value(uint32(x>>s) << 1), true
	}
	if r := uint32(x) >> s; r <= layout.SmiMax {
		return layout.Value(r << 1), true
	}
	return 0, false
}

// numberOf returns the value of v if it is a number (Smi or HeapNumber).
func (in *Interp) numberOf(v layout.Value) (float64, bool) {
	if v.IsSmi() {
		return float64(int32(v) >> 1), true
	}
	if in.h.Field(v.Addr(), layout.MapOffset) != in.heapNumberMap {
		return 0, false
	}
	return in.h.F64(v.Addr(), layout.HeapNumberValueOffset), true
}

// arithOpt is the slow path of the …Opt and …Star arithmetic ops (op is
// the baseline operator): two numbers are computed inline (a HeapNumber
// allocated when the result is no Smi), anything else takes the
// baseline's generic helper. It may allocate; the caller re-reads code.
func (in *Interp) arithOpt(op bytecode.Op, l, r layout.Value) (layout.Value, bool) {
	x, okx := in.numberOf(l)
	y, oky := in.numberOf(r)
	if !okx || !oky {
		if op == bytecode.Add {
			return in.add(l, r)
		}
		return in.arith(op, l, r)
	}
	return in.numberBinary(op, x, y)
}

// baseOp returns the baseline operator of an optimized arithmetic op.
func baseOp(op bytecode.Op) bytecode.Op {
	switch op {
	case bytecode.AddOpt, bytecode.AddStar:
		return bytecode.Add
	case bytecode.SubOpt, bytecode.SubStar:
		return bytecode.Sub
	case bytecode.MulOpt, bytecode.MulStar:
		return bytecode.Mul
	case bytecode.DivOpt:
		return bytecode.Div
	case bytecode.BitwiseAndStar:
		return bytecode.BitwiseAnd
	case bytecode.BitwiseOrStar:
		return bytecode.BitwiseOr
	case bytecode.BitwiseXorOpt, bytecode.BitwiseXorStar:
		return bytecode.BitwiseXor
	case bytecode.ShiftLeftOpt, bytecode.ShiftLeftStar:
		return bytecode.ShiftLeft
	case bytecode.ShiftRightOpt, bytecode.ShiftRightStar:
		return bytecode.ShiftRight
	}
	return bytecode.ShiftRightLogical
}

// OptimizedOps returns the names of the instructions of fn's optimized
// code, in order (none when it has none): for tests of what the optimizer
// rewrote.
func (in *Interp) OptimizedOps(fn layout.Value) []string {
	if !in.IsOptimized(fn) {
		return nil
	}
	code := in.f.Bytecodes(in.f.OptimizedCode(in.f.FunctionFeedbackVector(fn)))
	var ops []string
	for pc := 0; pc < len(code); pc += int(bytecode.Sizes[code[pc]]) {
		ops = append(ops, bytecode.Op(code[pc]).String())
	}
	return ops
}

// quickenReuse is quicken's last pass (code is the optimized code, fv the
// function's feedback vector): an arithmetic op X whose only predecessor
// is an AddOpt/SubOpt/MulOpt/DivOpt P (X follows P and nothing jumps to X,
// no exception handler starts there) receives in acc what P computed,
// which, when a HeapNumber, P has just allocated and nothing else refers
// to (every path of P's that makes a number allocates it: arithOpt, add
// and arith end in NewNumber). X then writes its result into that box
// instead of allocating one (V8 keeps such temporaries unboxed). It
// reads the heap and does not allocate.
func (in *Interp) quickenReuse(code []byte, fv layout.Value) {
	f := in.f
	base := f.SharedBytecode(f.FeedbackVectorShared(fv))
	bc := f.Bytecodes(base)
	if len(bc) != len(code) {
		return
	}
	targets := map[int]bool{}
	for pc := 0; pc < len(bc); pc += int(bytecode.Sizes[bc[pc]]) {
		op := bytecode.Op(bc[pc])
		for i, k := range op.Info().Operands {
			if k == bytecode.JumpTarget {
				targets[bytecode.Operand(bc, pc, i)] = true
			}
		}
	}
	table := f.ByteArrayBytes(f.BytecodeHandlerTable(base))
	for i := 0; i+16 <= len(table); i += 16 {
		targets[bytecode.ReadU32(table, i+8)] = true
	}
	prev := bytecode.Op(bytecode.NumOps)
	for pc := 0; pc < len(code); pc += int(bytecode.Sizes[code[pc]]) {
		op := bytecode.Op(code[pc])
		if !targets[pc] && (prev == bytecode.AddOpt || prev == bytecode.SubOpt || prev == bytecode.MulOpt || prev == bytecode.DivOpt) {
			if r, ok := reuseForm(op); ok {
				code[pc] = byte(r)
			}
		}
		prev = op
	}
}

// reuseForm returns the in-place form of an optimized arithmetic op.
func reuseForm(op bytecode.Op) (bytecode.Op, bool) {
	switch op {
	case bytecode.AddOpt:
		return bytecode.AddReuse, true
	case bytecode.SubOpt:
		return bytecode.SubReuse, true
	case bytecode.MulOpt:
		return bytecode.MulReuse, true
	case bytecode.DivOpt:
		return bytecode.DivReuse, true
	case bytecode.AddStar:
		return bytecode.AddStarReuse, true
	case bytecode.SubStar:
		return bytecode.SubStarReuse, true
	case bytecode.MulStar:
		return bytecode.MulStarReuse, true
	}
	return 0, false
}

// arithInPlace is the fast path of the …Reuse ops (op is the baseline
// operator): when acc is a
// HeapNumber (the fresh one of the op before; also checked to be the
// latest allocation, in case a path of that op ever returns a box it did
// not just make) and l a number, the result is a Smi or overwrites acc's
// box. No allocation.
func (in *Interp) arithInPlace(op bytecode.Op, l, acc layout.Value) (layout.Value, bool) {
	h := in.h
	if acc.IsSmi() || h.Field(acc.Addr(), layout.MapOffset) != in.heapNumberMap ||
		!h.IsLastYoung(acc.Addr(), layout.HeapNumberSize) {
		return 0, false
	}
	x, ok := in.numberOf(l)
	if !ok {
		return 0, false
	}
	y := h.F64(acc.Addr(), layout.HeapNumberValueOffset)
	var r float64
	switch op {
	case bytecode.Add:
		r = x + y
	case bytecode.Sub:
		r = x - y
	case bytecode.Mul:
		r = x * y
	default:
		r = x / y
	}
	if i := int32(r); float64(i) == r && i >= layout.SmiMin && i <= layout.SmiMax && (i != 0 || math.Float64bits(r) == 0) {
		return layout.Value(uint32(i) << 1), true
	}
	h.SetF64(acc.Addr(), layout.HeapNumberValueOffset, r)
	return acc, true
}

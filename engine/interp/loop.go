package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// codeOf returns the bytecode of the frame at fp. The slice aliases the
// heap: it is re-read after anything that may allocate (a GC may move the
// BytecodeArray).
func (in *Interp) codeOf(fp int) []byte {
	h := in.h
	ba := in.stack[fp+bytecode.FrameBytecode].Addr()
	n := uint32(h.Field(ba, layout.BytecodeArrayLengthOffset) >> 1)
	return h.Bytes(ba, layout.BytecodeArrayHeaderSize, n)
}

// constant returns constant idx of the frame at fp.
func (in *Interp) constantAt(fp, idx int) layout.Value {
	h := in.h
	pool := h.Field(in.stack[fp+bytecode.FrameBytecode].Addr(), layout.BytecodeArrayConstantPoolOffset)
	return h.Field(pool.Addr(), layout.FixedArrayHeaderSize+uint32(idx)*layout.TaggedSize)
}

// u16 reads a two-byte operand.
func u16(code []byte, i int) int { return int(code[i]) | int(code[i+1])<<8 }

// run executes the innermost frame, and every JavaScript frame it calls,
// until that frame returns (its value, true) or an exception unwinds past it
// (false, the exception pending). The frame must have frameEntry set.
//
// JS→JS calls push frames and continue in this loop: JavaScript recursion
// does not recurse in Go. The accumulator lives in acc, a Go local; values
// that must survive an allocation are in stack slots or handles, and code
// is re-read from the frame after every operation that may allocate.
//
// Hot path: keep the fast paths allocation-free, see BenchmarkFib.
func (in *Interp) run() (layout.Value, bool) {
	h := in.h
	stack := in.stack
	fi := len(in.frames) - 1
	fp := int(in.frames[fi].fp)
	pc := int(in.frames[fi].pc)
	code := in.codeOf(fp)
	acc := in.acc
	var ok bool

	for {
		if in.paranoid {
			in.checkFrame(fi, pc, acc)
		}
		switch bytecode.Op(code[pc]) {
		case bytecode.LdaZero:
			acc = layout.Smi(0)
			pc++
		case bytecode.LdaSmi:
			acc = layout.Value(uint32(bytecode.ReadI32(code, pc+1)) << 1)
			pc += 5
		case bytecode.LdaUndefined:
			acc = in.undefined
			pc++
		case bytecode.LdaNull:
			acc = in.null
			pc++
		case bytecode.LdaTheHole:
			acc = in.hole
			pc++
		case bytecode.LdaTrue:
			acc = in.trueV
			pc++
		case bytecode.LdaFalse:
			acc = in.falseV
			pc++
		case bytecode.LdaConstant:
			acc = in.constantAt(fp, u16(code, pc+1))
			pc += 3
		case bytecode.Ldar:
			acc = stack[fp+u16(code, pc+1)]
			pc += 3
		case bytecode.Star:
			stack[fp+u16(code, pc+1)] = acc
			pc += 3
		case bytecode.Mov:
			stack[fp+u16(code, pc+3)] = stack[fp+u16(code, pc+1)]
			pc += 5

		case bytecode.LdaGlobal, bytecode.LdaGlobalInsideTypeof:
			slot := u16(code, pc+3)
			fv := stack[fp+bytecode.FrameFeedbackVector].Addr()
			off := layout.FeedbackVectorHeaderSize + uint32(slot)*layout.TaggedSize
			if hd := h.Field(fv, off+4); hd.IsSmi() {
				k := hd.SmiValue()
				if k&handlerKindMask == handlerContextSlot {
					acc = h.Field(h.Field(fv, off).Addr(), layout.FixedArrayHeaderSize+uint32(k>>handlerShift)*layout.TaggedSize)
					if acc != in.hole {
						pc += 5
						continue
					}
				} else if g := in.intrinsics[GlobalObject]; h.Field(g.Addr(), layout.MapOffset) == h.Field(fv, off) && k&handlerKindMask == handlerField {
					acc = loadField(h, g, k)
					pc += 5
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.loadGlobalSlow(fp, in.constantAt(fp, u16(code, pc+1)), slot, bytecode.Op(code[pc]) == bytecode.LdaGlobalInsideTypeof)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 5
		case bytecode.StaGlobal:
			in.frames[fi].pc = int32(pc)
			if !in.storeGlobal(fp, in.constantAt(fp, u16(code, pc+1)), acc) {
				goto unwind
			}
			acc = in.acc
			code = in.codeOf(fp)
			pc += 5

		case bytecode.LdaContextSlot:
			ctx := stack[fp+bytecode.FrameContext]
			for d := int(code[pc+1]); d > 0; d-- {
				ctx = h.Field(ctx.Addr(), layout.FixedArrayHeaderSize+layout.ContextPreviousIndex*layout.TaggedSize)
			}
			acc = h.Field(ctx.Addr(), layout.FixedArrayHeaderSize+uint32(u16(code, pc+2))*layout.TaggedSize)
			pc += 4
		case bytecode.StaContextSlot:
			ctx := stack[fp+bytecode.FrameContext]
			for d := int(code[pc+1]); d > 0; d-- {
				ctx = h.Field(ctx.Addr(), layout.FixedArrayHeaderSize+layout.ContextPreviousIndex*layout.TaggedSize)
			}
			h.SetField(ctx.Addr(), layout.FixedArrayHeaderSize+uint32(u16(code, pc+2))*layout.TaggedSize, acc)
			pc += 4
		case bytecode.LdaModuleVariable:
			ctx := stack[fp+bytecode.FrameContext]
			for d := int(code[pc+1]); d > 0; d-- {
				ctx = h.Field(ctx.Addr(), layout.FixedArrayHeaderSize+layout.ContextPreviousIndex*layout.TaggedSize)
			}
			ctx = h.Field(ctx.Addr(), layout.FixedArrayHeaderSize+uint32(u16(code, pc+2))*layout.TaggedSize)
			acc = h.Field(ctx.Addr(), layout.FixedArrayHeaderSize+uint32(u16(code, pc+4))*layout.TaggedSize)
			pc += 6
		case bytecode.LdaCurrentContextSlot:
			acc = h.Field(stack[fp+bytecode.FrameContext].Addr(), layout.FixedArrayHeaderSize+uint32(u16(code, pc+1))*layout.TaggedSize)
			pc += 3
		case bytecode.StaCurrentContextSlot:
			h.SetField(stack[fp+bytecode.FrameContext].Addr(), layout.FixedArrayHeaderSize+uint32(u16(code, pc+1))*layout.TaggedSize, acc)
			pc += 3
		case bytecode.PushContext:
			stack[fp+u16(code, pc+1)] = stack[fp+bytecode.FrameContext]
			stack[fp+bytecode.FrameContext] = acc
			pc += 3
		case bytecode.PopContext:
			stack[fp+bytecode.FrameContext] = stack[fp+u16(code, pc+1)]
			pc += 3
		case bytecode.CreateFunctionContext, bytecode.CreateBlockContext:
			acc = in.createContext(fp, u16(code, pc+1), bytecode.Op(code[pc]) == bytecode.CreateFunctionContext)
			code = in.codeOf(fp)
			pc += int(bytecode.Sizes[code[pc]])
		case bytecode.CloneContext:
			in.acc = acc // the clone may collect: keep the accumulator
			in.cloneContext(fp)
			acc = in.acc
			code = in.codeOf(fp)
			pc++

		case bytecode.LdaNamedProperty:
			obj := stack[fp+u16(code, pc+1)]
			if obj.IsHeapObject() {
				off := layout.FeedbackVectorHeaderSize + uint32(u16(code, pc+5))*layout.TaggedSize
				fv := stack[fp+bytecode.FrameFeedbackVector].Addr()
				if h.Field(fv, off) == h.Field(obj.Addr(), layout.MapOffset) {
					if hd := h.Field(fv, off+4); hd.IsSmi() && hd.SmiValue()&handlerKindMask == handlerField {
						acc = loadField(h, obj, hd.SmiValue())
						pc += 7
						continue
					}
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.loadNamed(fp, obj, in.constantAt(fp, u16(code, pc+3)), u16(code, pc+5))
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 7
		case bytecode.StaNamedProperty, bytecode.DefineNamedOwnProperty:
			obj := stack[fp+u16(code, pc+1)]
			if obj.IsHeapObject() {
				off := layout.FeedbackVectorHeaderSize + uint32(u16(code, pc+5))*layout.TaggedSize
				fv := stack[fp+bytecode.FrameFeedbackVector].Addr()
				if h.Field(fv, off) == h.Field(obj.Addr(), layout.MapOffset) {
					if hd := h.Field(fv, off+4); hd.IsSmi() && hd.SmiValue()&handlerKindMask == handlerField {
						storeField(h, obj, hd.SmiValue(), acc)
						pc += 7
						continue
					} else if hd.IsHeapObject() && in.storeTransition(obj, hd, acc, bytecode.Op(code[pc]) == bytecode.DefineNamedOwnProperty) {
						pc += 7
						continue
					}
				}
			}
			in.frames[fi].pc = int32(pc)
			if !in.storeNamed(fp, obj, in.constantAt(fp, u16(code, pc+3)), acc, u16(code, pc+5), bytecode.Op(code[pc]) == bytecode.DefineNamedOwnProperty) {
				goto unwind
			}
			acc = in.acc
			code = in.codeOf(fp)
			pc += 7
		case bytecode.LdaKeyedProperty:
			obj := stack[fp+u16(code, pc+1)]
			if acc.IsSmi() && obj.IsHeapObject() {
				if v, hit := in.fastElement(obj, acc); hit {
					acc = v
					pc += 5
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.loadKeyed(obj, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 5
		case bytecode.StaKeyedProperty:
			obj := stack[fp+u16(code, pc+1)]
			key := stack[fp+u16(code, pc+3)]
			if key.IsSmi() && obj.IsHeapObject() && in.fastSetElement(obj, key, acc) {
				pc += 7
				continue
			}
			in.frames[fi].pc = int32(pc)
			if !in.storeKeyed(fp, obj, key, acc, false) {
				goto unwind
			}
			acc = in.acc
			code = in.codeOf(fp)
			pc += 7
		case bytecode.DefineKeyedOwnProperty:
			in.frames[fi].pc = int32(pc)
			if !in.defineKeyedOwn(stack[fp+u16(code, pc+1)], stack[fp+u16(code, pc+3)], acc, int(code[pc+5])) {
				goto unwind
			}
			acc = in.acc
			code = in.codeOf(fp)
			pc += 6
		case bytecode.DeleteProperty:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.deleteProperty(stack[fp+u16(code, pc+1)], acc, code[pc+3] != 0)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 4
		case bytecode.ArrayPush:
			in.acc = acc
			in.arrayPush(stack[fp+u16(code, pc+1)], acc)
			acc = in.acc
			code = in.codeOf(fp)
			pc += 3
		case bytecode.ArrayPushHole:
			in.acc = acc
			in.arrayPushHole(stack[fp+u16(code, pc+1)])
			acc = in.acc
			code = in.codeOf(fp)
			pc += 3

		case bytecode.Add:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)) + int64(int32(acc)); s == int64(int32(s)) {
					acc = layout.Value(uint32(int32(s)))
					pc += 3
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.add(l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.Sub:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)) - int64(int32(acc)); s == int64(int32(s)) {
					acc = layout.Value(uint32(int32(s)))
					pc += 3
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arith(bytecode.Sub, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.Mul:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if p := int64(int32(l)>>1) * int64(int32(acc)); p == int64(int32(p)) && p != 0 {
					acc = layout.Value(uint32(int32(p)))
					pc += 3
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arith(bytecode.Mul, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.Mod:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if a, b := int32(l)>>1, int32(acc)>>1; a >= 0 && b > 0 {
					acc = layout.Smi(int(a % b))
					pc += 3
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arith(bytecode.Mod, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.BitwiseAnd:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc = l & acc
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arith(bytecode.BitwiseAnd, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.BitwiseOr:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc = l | acc
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arith(bytecode.BitwiseOr, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.BitwiseXor:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc = l ^ acc
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arith(bytecode.BitwiseXor, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.Div, bytecode.Exp, bytecode.ShiftLeft, bytecode.ShiftRight, bytecode.ShiftRightLogical:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arith(bytecode.Op(code[pc]), stack[fp+u16(code, pc+1)], acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3

		case bytecode.Inc:
			if acc.IsSmi() && acc != layout.Smi(layout.SmiMax) {
				acc += layout.Smi(1)
				pc++
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.incDec(acc, 1)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc++
		case bytecode.Dec:
			if acc.IsSmi() && acc != layout.Smi(layout.SmiMin) {
				acc -= layout.Smi(1)
				pc++
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.incDec(acc, -1)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc++
		case bytecode.ToNumeric:
			if acc.IsSmi() || in.IsHeapNumber(acc) {
				pc++
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.unaryOp(bytecode.ToNumeric, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc++
		case bytecode.ToNumber:
			if acc.IsSmi() || in.IsHeapNumber(acc) {
				pc++
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.unaryOp(bytecode.ToNumber, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc++
		case bytecode.Negate, bytecode.BitwiseNot, bytecode.ToString, bytecode.ToPropertyKey:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.unaryOp(bytecode.Op(code[pc]), acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc++
		case bytecode.LogicalNot:
			acc = in.Bool(acc != in.trueV)
			pc++
		case bytecode.ToBooleanLogicalNot:
			acc = in.Bool(!in.ToBoolean(acc))
			pc++
		case bytecode.TypeOf:
			acc = in.TypeOf(acc)
			pc++

		case bytecode.TestEqualStrict:
			l := stack[fp+u16(code, pc+1)]
			if l == acc && (l.IsSmi() || !in.isNaNValue(l)) {
				acc = in.trueV
			} else if (l|acc)&1 == 0 {
				acc = in.falseV
			} else {
				acc = in.Bool(in.StrictEquals(l, acc))
			}
			pc += 3
		case bytecode.TestLessThan:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc = in.Bool(int32(l) < int32(acc))
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.compare(bytecode.TestLessThan, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.TestGreaterThan:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc = in.Bool(int32(l) > int32(acc))
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.compare(bytecode.TestGreaterThan, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.TestLessThanOrEqual:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc = in.Bool(int32(l) <= int32(acc))
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.compare(bytecode.TestLessThanOrEqual, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.TestGreaterThanOrEqual:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc = in.Bool(int32(l) >= int32(acc))
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.compare(bytecode.TestGreaterThanOrEqual, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.TestEqual:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc = in.Bool(l == acc)
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			var eq bool
			eq, ok = in.LooseEquals(l, acc)
			if !ok {
				goto unwind
			}
			acc = in.Bool(eq)
			code = in.codeOf(fp)
			pc += 3
		case bytecode.TestInstanceOf:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.instanceOf(stack[fp+u16(code, pc+1)], acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.TestIn:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.hasPropertyOp(stack[fp+u16(code, pc+1)], acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.TestNullish:
			acc = in.Bool(acc == in.undefined || acc == in.null)
			pc++
		case bytecode.TestNull:
			acc = in.Bool(acc == in.null)
			pc++
		case bytecode.TestUndefined:
			acc = in.Bool(acc == in.undefined)
			pc++

		case bytecode.Jump:
			pc = bytecode.ReadU32(code, pc+1)
		case bytecode.JumpLoop:
			pc = bytecode.ReadU32(code, pc+1)
			if in.interrupt.Load() != 0 || in.stressSafepoints {
				in.frames[fi].pc = int32(pc)
				in.acc = acc
				if !in.safepoint() {
					goto unwind
				}
				acc = in.acc
				code = in.codeOf(fp)
			}
			if in.tier.backEdges--; in.tier.backEdges <= 0 {
				in.tier.backEdges = in.tier.backEdge
				in.frames[fi].pc = int32(pc)
				in.acc = acc
				in.tierUpOnBackEdge(fp)
				acc = in.acc
				code = in.codeOf(fp)
			}
		case bytecode.JumpIfTrue:
			if acc == in.trueV {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfFalse:
			if acc == in.falseV {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfToBooleanTrue:
			if in.ToBoolean(acc) {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfToBooleanFalse:
			if !in.ToBoolean(acc) {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNull:
			if acc == in.null {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNotNull:
			if acc != in.null {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfUndefined:
			if acc == in.undefined {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNotUndefined:
			if acc != in.undefined {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNullish:
			if acc == in.undefined || acc == in.null {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNotNullish:
			if acc != in.undefined && acc != in.null {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfJSReceiver:
			if in.IsObject(acc) {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfNotHole:
			if acc != in.hole {
				pc = bytecode.ReadU32(code, pc+1)
			} else {
				pc += 5
			}
		case bytecode.JumpIfSmiEqual:
			if stack[fp+u16(code, pc+1)] == acc {
				pc = bytecode.ReadU32(code, pc+3)
			} else {
				pc += 7
			}

		case bytecode.CallProperty, bytecode.CallUndefinedReceiver, bytecode.CallWithSpread,
			bytecode.Construct, bytecode.ConstructWithSpread:
			in.frames[fi].pc = int32(pc)
			var st callStatus
			op := bytecode.Op(code[pc])
			callee := fp + u16(code, pc+1)
			first := fp + u16(code, pc+3)
			argc := u16(code, pc+5)
			switch op {
			case bytecode.CallProperty:
				st = in.callAt(callee, first, first+1, argc, -1, 0)
			case bytecode.CallUndefinedReceiver:
				st = in.callAt(callee, -1, first, argc, -1, 0)
			case bytecode.CallWithSpread:
				st = in.callSpread(callee, first, first+1, argc, false)
			case bytecode.Construct:
				st = in.callAt(callee, -1, first, argc, callee, frameConstruct)
			case bytecode.ConstructWithSpread:
				st = in.callSpread(callee, -1, first, argc, true)
			}
			switch st {
			case callPushed:
				fi = len(in.frames) - 1
				fp = int(in.frames[fi].fp)
				pc = 0
				code = in.codeOf(fp)
				acc = in.undefined // dead at entry
			case callDone:
				acc = in.acc
				code = in.codeOf(fp)
				pc += 9
			default:
				goto unwind
			}
		case bytecode.CallRuntime:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.callRuntime(bytecode.RuntimeID(u16(code, pc+1)), fp+u16(code, pc+3), u16(code, pc+5))
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 7
		case bytecode.Return:
			flags := in.frames[fi].flags
			if flags&frameConstruct != 0 && !in.IsObject(acc) {
				recv := stack[fp+bytecode.FrameReceiver]
				if flags&frameDerived != 0 && acc != in.undefined {
					// [[Construct]] throws this after the body returned:
					// in the caller, at its `new` (V8's stack), past every
					// handler of the constructor.
					in.frames = in.frames[:len(in.frames)-1]
					if flags&frameEntry != 0 {
						in.sp = fp
						in.throwErrorValue(TypeError, "Derived constructors may only return object or undefined")
						in.acc = in.undefined
						return in.undefined, false
					}
					in.sp = int(in.frames[fi-1].end)
					in.throwErrorValue(TypeError, "Derived constructors may only return object or undefined")
					goto unwind
				}
				if recv == in.hole {
					in.frames[fi].pc = int32(pc)
					in.throwErrorValue(ReferenceError, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor")
					goto unwind
				}
				acc = recv
			}
			in.frames = in.frames[:len(in.frames)-1]
			if flags&frameEntry != 0 {
				in.sp = fp
				in.acc = in.undefined
				return acc, true
			}
			fi--
			if flags&frameApplied != 0 {
				// h-call: f.apply(x, arguments) called f directly
				// (tiercall.go): the apply builtin's frame goes too.
				in.frames = in.frames[:fi]
				fi--
			}
			in.sp = int(in.frames[fi].end)
			fp = int(in.frames[fi].fp)
			pc = int(in.frames[fi].pc)
			code = in.codeOf(fp)
			pc += int(bytecode.Sizes[code[pc]])
		case bytecode.Throw:
			in.frames[fi].pc = int32(pc)
			in.throwValue(acc, true)
			goto unwind
		case bytecode.ReThrow:
			in.frames[fi].pc = int32(pc)
			in.throwValue(acc, false)
			goto unwind

		case bytecode.CreateClosure:
			acc = in.createClosure(fp, u16(code, pc+1), u16(code, pc+3))
			code = in.codeOf(fp)
			pc += 5
		case bytecode.CreateEmptyObjectLiteral:
			acc = in.newPlainObject()
			code = in.codeOf(fp)
			pc++
		case bytecode.CreateEmptyArrayLiteral:
			acc = in.newArray(0)
			code = in.codeOf(fp)
			pc++
		case bytecode.CreateRestParameter, bytecode.CreateArguments:
			acc = in.createArguments(fp, bytecode.Op(code[pc]) == bytecode.CreateRestParameter)
			code = in.codeOf(fp)
			pc++
		case bytecode.CreateRegExpLiteral:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.createRegExp(in.constantAt(fp, u16(code, pc+1)), in.constantAt(fp, u16(code, pc+3)))
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 5

		case bytecode.ThrowReferenceErrorIfHole:
			if acc == in.hole {
				in.frames[fi].pc = int32(pc)
				in.throwErrorValue(ReferenceError, "Cannot access '"+in.f.StringToGo(in.constantAt(fp, u16(code, pc+1)))+"' before initialization")
				goto unwind
			}
			pc += 3
		case bytecode.ThrowSuperNotCalledIfHole:
			if acc == in.hole {
				in.frames[fi].pc = int32(pc)
				in.throwErrorValue(ReferenceError, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor")
				goto unwind
			}
			pc++
		case bytecode.ThrowSuperAlreadyCalledIfNotHole:
			if acc != in.hole {
				in.frames[fi].pc = int32(pc)
				in.throwErrorValue(ReferenceError, "Super constructor may only be called once")
				goto unwind
			}
			pc++
		case bytecode.ThrowIfNotCallable:
			if !in.IsCallable(acc) {
				in.frames[fi].pc = int32(pc)
				in.throwErrorValue(TypeError, in.f.StringToGo(in.constantAt(fp, u16(code, pc+1)))+" is not a function")
				goto unwind
			}
			pc += 3
		case bytecode.ThrowConstAssignError:
			in.frames[fi].pc = int32(pc)
			in.throwErrorValue(TypeError, "Assignment to constant variable.")
			goto unwind

		case bytecode.ForInEnumerate:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.forInEnumerate(stack[fp+u16(code, pc+1)])
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.ForInNext:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.forInNext(fp, u16(code, pc+1), u16(code, pc+3), u16(code, pc+5))
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 7
		case bytecode.GetIterator:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.getIterator(acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3

		case bytecode.CreateGeneratorObject:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.createGenerator(fp)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc++
		case bytecode.SuspendGenerator:
			in.frames[fi].pc = int32(pc)
			in.acc = acc
			in.suspendGenerator(fi, u16(code, pc+1), u16(code, pc+3), u16(code, pc+5), pc+7)
			acc = in.acc
			flags := in.frames[fi].flags
			in.frames = in.frames[:fi]
			if flags&frameEntry != 0 {
				in.sp = fp
				in.acc = in.undefined
				return acc, true
			}
			fi--
			in.sp = int(in.frames[fi].end)
			fp = int(in.frames[fi].fp)
			pc = int(in.frames[fi].pc)
			code = in.codeOf(fp)
			pc += int(bytecode.Sizes[code[pc]])

		case bytecode.IncBlockCounter:
			in.incBlockCounter(fp, u16(code, pc+1), u16(code, pc+3))
			pc += 5
		case bytecode.Debugger:
			pc++

		// Optimized tier (h-tierup): instructions only optimized code holds
		// (tierup.go). A superinstruction runs the instruction after it too.
		case bytecode.StarLdar:
			stack[fp+u16(code, pc+1)] = acc
			acc = stack[fp+u16(code, pc+4)]
			pc += 6
		case bytecode.StarLdaSmi:
			stack[fp+u16(code, pc+1)] = acc
			acc = layout.Value(uint32(bytecode.ReadI32(code, pc+4)) << 1)
			pc += 8
		case bytecode.LdarStar:
			acc = stack[fp+u16(code, pc+1)]
			stack[fp+u16(code, pc+4)] = acc
			pc += 6
		case bytecode.AddStar:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)) + int64(int32(acc)); s == int64(int32(s)) {
					acc = layout.Value(uint32(int32(s)))
					stack[fp+u16(code, pc+4)] = acc
					pc += 6
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Add, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.SubStar:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)) - int64(int32(acc)); s == int64(int32(s)) {
					acc = layout.Value(uint32(int32(s)))
					stack[fp+u16(code, pc+4)] = acc
					pc += 6
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Sub, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.MulStar:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if p := int64(int32(l)>>1) * int64(int32(acc)); p == int64(int32(p)) && p != 0 {
					acc = layout.Value(uint32(int32(p)))
					stack[fp+u16(code, pc+4)] = acc
					pc += 6
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Mul, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.BitwiseAndStar, bytecode.BitwiseOrStar:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if bytecode.Op(code[pc]) == bytecode.BitwiseAndStar {
					acc &= l
				} else {
					acc |= l
				}
				stack[fp+u16(code, pc+4)] = acc
				pc += 6
				continue
			}
			in.frames[fi].pc = int32(pc)
			op := bytecode.BitwiseAnd
			if bytecode.Op(code[pc]) == bytecode.BitwiseOrStar {
				op = bytecode.BitwiseOr
			}
			acc, ok = in.arithOpt(op, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.IncStar:
			if acc.IsSmi() && acc != layout.Smi(layout.SmiMax) {
				acc += layout.Smi(1)
				stack[fp+u16(code, pc+2)] = acc
				pc += 4
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.incDec(acc, 1)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc++
		case bytecode.DecStar:
			if acc.IsSmi() && acc != layout.Smi(layout.SmiMin) {
				acc -= layout.Smi(1)
				stack[fp+u16(code, pc+2)] = acc
				pc += 4
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.incDec(acc, -1)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc++
		case bytecode.LdaKeyedStar, bytecode.LdaKeyedOpt:
			obj := stack[fp+u16(code, pc+1)]
			if acc.IsSmi() && int32(acc) >= 0 && obj.IsHeapObject() {
				// fastElement inline (h-elem)
				if t := layout.InstanceType(h.U16(h.Field(obj.Addr(), layout.MapOffset).Addr(), layout.MapInstanceTypeOffset)); t == layout.JSArrayType || t == layout.JSObjectType {
					el := h.Field(obj.Addr(), layout.JSObjectElementsOffset).Addr()
					if i := uint32(acc) >> 1; i < uint32(h.Field(el, layout.FixedArrayLengthOffset))>>1 {
						if v := h.Field(el, layout.FixedArrayHeaderSize+i*layout.TaggedSize); v != in.hole {
							acc = v
							if bytecode.Op(code[pc]) == bytecode.LdaKeyedOpt {
								pc += 5
								continue
							}
							stack[fp+u16(code, pc+6)] = acc
							pc += 8
							continue
						}
					}
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.loadKeyed(obj, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 5
		case bytecode.LdaNamedField, bytecode.LdaNamedFieldStar:
			obj := stack[fp+u16(code, pc+1)]
			if obj.IsHeapObject() && h.Field(obj.Addr(), layout.MapOffset) ==
				h.Field(stack[fp+bytecode.FrameFeedbackVector].Addr(), layout.FeedbackVectorHeaderSize+uint32(u16(code, pc+5))*layout.TaggedSize) {
				acc = loadField(h, obj, u16(code, pc+3))
				if bytecode.Op(code[pc]) == bytecode.LdaNamedField {
					pc += 7
					continue
				}
				stack[fp+u16(code, pc+8)] = acc
				pc += 10
				continue
			}
			in.tier.reason = deoptMap
			goto deopt
		case bytecode.StaNamedField:
			obj := stack[fp+u16(code, pc+1)]
			if obj.IsHeapObject() && h.Field(obj.Addr(), layout.MapOffset) ==
				h.Field(stack[fp+bytecode.FrameFeedbackVector].Addr(), layout.FeedbackVectorHeaderSize+uint32(u16(code, pc+5))*layout.TaggedSize) {
				storeField(h, obj, u16(code, pc+3), acc)
				pc += 7
				continue
			}
			in.tier.reason = deoptMap
			goto deopt
		case bytecode.CallPropertyMono, bytecode.CallUndefinedReceiverMono:
			callee := fp + u16(code, pc+1)
			first := fp + u16(code, pc+3)
			argc := u16(code, pc+5)
			recv := first
			if bytecode.Op(code[pc]) == bytecode.CallPropertyMono {
				first++
			} else {
				recv = -1
			}
			in.frames[fi].pc = int32(pc)
			switch in.callMono(fp, callee, recv, first, argc, u16(code, pc+7)) {
			case callPushed:
				fi = len(in.frames) - 1
				fp = int(in.frames[fi].fp)
				pc = 0
				code = in.codeOf(fp)
				acc = in.undefined // dead at entry
			case callDone:
				acc = in.acc
				code = in.codeOf(fp)
				pc += 9
			default:
				goto unwind
			}
		case bytecode.JumpIfNotLessSmi, bytecode.JumpIfNotGreaterSmi, bytecode.JumpIfNotLessEqualSmi, bytecode.JumpIfNotGreaterEqualSmi:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 != 0 {
				in.tier.reason = deoptSmi
				goto deopt
			}
			var t bool
			switch a, b := int32(l), int32(acc); bytecode.Op(code[pc]) {
			case bytecode.JumpIfNotLessSmi:
				t = a < b
			case bytecode.JumpIfNotGreaterSmi:
				t = a > b
			case bytecode.JumpIfNotLessEqualSmi:
				t = a <= b
			default:
				t = a >= b
			}
			if t {
				acc = in.trueV
				pc += 8
			} else {
				acc = in.falseV
				pc = bytecode.ReadU32(code, pc+4)
			}

		// Optimized tier (h-call): tiercall.go.
		case bytecode.CreateArgumentsSloppy:
			acc = in.createArgumentsSloppy(fp)
			code = in.codeOf(fp)
			pc++
		case bytecode.ConstructFast:
			in.frames[fi].pc = int32(pc)
			switch in.constructFast(fp+u16(code, pc+1), fp+u16(code, pc+3), u16(code, pc+5)) {
			case callPushed:
				fi = len(in.frames) - 1
				fp = int(in.frames[fi].fp)
				pc = 0
				code = in.codeOf(fp)
				acc = in.undefined // dead at entry
			case callDone:
				acc = in.acc
				code = in.codeOf(fp)
				pc += 9
			default:
				goto unwind
			}

		// Optimized tier (lead, session 5).
		case bytecode.TestInstanceOfFunction:
			if r, hit := in.instanceOfFunction(stack[fp+u16(code, pc+1)], acc); hit {
				acc = in.Bool(r)
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.instanceOf(stack[fp+u16(code, pc+1)], acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3

		// Optimized tier (h-elem): arithmetic (tierelem.go).
		case bytecode.AddReuse, bytecode.AddStarReuse:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)) + int64(int32(acc)); s == int64(int32(s)) {
					acc = layout.Value(uint32(int32(s)))
					if bytecode.Op(code[pc]) == bytecode.AddReuse {
						pc += 3
						continue
					}
					stack[fp+u16(code, pc+4)] = acc
					pc += 6
					continue
				}
			} else if v, hit := in.arithInPlace(bytecode.Add, l, acc); hit {
				acc = v
				if bytecode.Op(code[pc]) == bytecode.AddReuse {
					pc += 3
					continue
				}
				stack[fp+u16(code, pc+4)] = acc
				pc += 6
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Add, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.SubReuse, bytecode.SubStarReuse:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)) - int64(int32(acc)); s == int64(int32(s)) {
					acc = layout.Value(uint32(int32(s)))
					if bytecode.Op(code[pc]) == bytecode.SubReuse {
						pc += 3
						continue
					}
					stack[fp+u16(code, pc+4)] = acc
					pc += 6
					continue
				}
			} else if v, hit := in.arithInPlace(bytecode.Sub, l, acc); hit {
				acc = v
				if bytecode.Op(code[pc]) == bytecode.SubReuse {
					pc += 3
					continue
				}
				stack[fp+u16(code, pc+4)] = acc
				pc += 6
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Sub, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.MulReuse, bytecode.MulStarReuse:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)>>1) * int64(int32(acc)); s == int64(int32(s)) && s != 0 {
					acc = layout.Value(uint32(int32(s)))
					if bytecode.Op(code[pc]) == bytecode.MulReuse {
						pc += 3
						continue
					}
					stack[fp+u16(code, pc+4)] = acc
					pc += 6
					continue
				}
			} else if v, hit := in.arithInPlace(bytecode.Mul, l, acc); hit {
				acc = v
				if bytecode.Op(code[pc]) == bytecode.MulReuse {
					pc += 3
					continue
				}
				stack[fp+u16(code, pc+4)] = acc
				pc += 6
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Mul, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.DivReuse:
			l := stack[fp+u16(code, pc+1)]
			if v, hit := in.arithInPlace(bytecode.Div, l, acc); hit {
				acc = v
				pc += 3
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Div, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.StaKeyedOpt:
			obj := stack[fp+u16(code, pc+1)]
			key := stack[fp+u16(code, pc+3)]
			if key.IsSmi() && int32(key) >= 0 && obj.IsHeapObject() {
				// fastSetElement inline
				if t := layout.InstanceType(h.U16(h.Field(obj.Addr(), layout.MapOffset).Addr(), layout.MapInstanceTypeOffset)); t == layout.JSArrayType || t == layout.JSObjectType {
					el := h.Field(obj.Addr(), layout.JSObjectElementsOffset).Addr()
					if i := uint32(key) >> 1; i < uint32(h.Field(el, layout.FixedArrayLengthOffset))>>1 {
						if off := layout.FixedArrayHeaderSize + i*layout.TaggedSize; h.Field(el, off) != in.hole {
							h.SetField(el, off, acc)
							pc += 7
							continue
						}
					}
				}
			}
			in.frames[fi].pc = int32(pc)
			if !in.storeKeyed(fp, obj, key, acc, false) {
				goto unwind
			}
			acc = in.acc
			code = in.codeOf(fp)
			pc += 7
		case bytecode.AddOpt:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)) + int64(int32(acc)); s == int64(int32(s)) {
					acc = layout.Value(uint32(int32(s)))
					pc += 3
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Add, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.SubOpt:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if s := int64(int32(l)) - int64(int32(acc)); s == int64(int32(s)) {
					acc = layout.Value(uint32(int32(s)))
					pc += 3
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Sub, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.MulOpt:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				if p := int64(int32(l)>>1) * int64(int32(acc)); p == int64(int32(p)) && p != 0 {
					acc = layout.Value(uint32(int32(p)))
					pc += 3
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Mul, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.DivOpt:
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.Div, stack[fp+u16(code, pc+1)], acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.BitwiseXorOpt, bytecode.BitwiseXorStar:
			l := stack[fp+u16(code, pc+1)]
			if (l|acc)&1 == 0 {
				acc ^= l
				if bytecode.Op(code[pc]) == bytecode.BitwiseXorOpt {
					pc += 3
					continue
				}
				stack[fp+u16(code, pc+4)] = acc
				pc += 6
				continue
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(bytecode.BitwiseXor, l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.ShiftLeftOpt, bytecode.ShiftRightOpt, bytecode.ShiftRightLogicalOpt:
			l := stack[fp+u16(code, pc+1)]
			op := bytecode.Op(code[pc])
			if (l|acc)&1 == 0 {
				if v, hit := smiShift(op, l, acc); hit {
					acc = v
					pc += 3
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(baseOp(op), l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.ShiftLeftStar, bytecode.ShiftRightStar, bytecode.ShiftRightLogicalStar:
			l := stack[fp+u16(code, pc+1)]
			op := bytecode.Op(code[pc])
			if (l|acc)&1 == 0 {
				if v, hit := smiShift(op, l, acc); hit {
					acc = v
					stack[fp+u16(code, pc+4)] = acc
					pc += 6
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.arithOpt(baseOp(op), l, acc)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 3
		case bytecode.LdarIncStar:
			acc = stack[fp+u16(code, pc+1)]
			if acc.IsSmi() && acc != layout.Smi(layout.SmiMax) {
				acc += layout.Smi(1)
				stack[fp+u16(code, pc+5)] = acc
				pc += 7
				continue
			}
			pc += 3 // only the Ldar: the Inc and Star follow
		case bytecode.LdarDecStar:
			acc = stack[fp+u16(code, pc+1)]
			if acc.IsSmi() && acc != layout.Smi(layout.SmiMin) {
				acc -= layout.Smi(1)
				stack[fp+u16(code, pc+5)] = acc
				pc += 7
				continue
			}
			pc += 3
		case bytecode.LdarPostInc:
			r := fp + u16(code, pc+1)
			acc = stack[r]
			if acc.IsSmi() && acc != layout.Smi(layout.SmiMax) {
				stack[fp+u16(code, pc+5)] = acc
				stack[r] = acc + layout.Smi(1)
				pc += 14
				continue
			}
			pc += 3
		// Optimized tier: named loads (h-load, tierload.go).
		case bytecode.LdaNamedChain, bytecode.LdaNamedChainStar:
			obj := stack[fp+u16(code, pc+1)]
			if obj.IsHeapObject() {
				if v, hit := cachedLoad(h, stack[fp+bytecode.FrameFeedbackVector].Addr(), layout.FeedbackVectorHeaderSize+uint32(u16(code, pc+5))*layout.TaggedSize, obj); hit {
					acc = v
					if bytecode.Op(code[pc]) == bytecode.LdaNamedChain {
						pc += 7
						continue
					}
					stack[fp+u16(code, pc+8)] = acc
					pc += 10
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.loadNamedOpt(fp, obj, in.constantAt(fp, u16(code, pc+3)), u16(code, pc+5))
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 7
		case bytecode.LdaNamedMega:
			obj := stack[fp+u16(code, pc+1)]
			name := in.constantAt(fp, u16(code, pc+3))
			if obj.IsHeapObject() {
				if v, hit := in.megaLoad(obj, name); hit {
					acc = v
					pc += 7
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			acc, ok = in.megaMiss(obj, name)
			if !ok {
				goto unwind
			}
			code = in.codeOf(fp)
			pc += 7
		case bytecode.StaNamedMega:
			obj := stack[fp+u16(code, pc+1)]
			name := in.constantAt(fp, u16(code, pc+3))
			if obj.IsHeapObject() {
				m := h.Field(obj.Addr(), layout.MapOffset)
				if e := &in.tier.megaStore[megaIndex(m, name)]; e.m == m && e.name == name {
					storeField(h, obj, e.handler.SmiValue(), acc)
					pc += 7
					continue
				}
			}
			in.frames[fi].pc = int32(pc)
			if !in.megaStoreMiss(fp, obj, name, acc, u16(code, pc+5)) {
				goto unwind
			}
			acc = in.acc
			code = in.codeOf(fp)
			pc += 7

		default:
			in.frames[fi].pc = int32(pc)
			in.throwErrorValue(Error, "illegal bytecode")
			goto unwind
		}
		continue

	deopt:
		// A guard of optimized code failed: run the same pc in the
		// baseline bytecode (tierup.go).
		in.deoptimize(fi, pc, in.tier.reason)
		code = in.codeOf(fp)
		continue

	unwind:
		// An exception is pending: find a handler in the current frame,
		// else pop frames until one has a handler or the entry frame is
		// left.
		for {
			fi = len(in.frames) - 1
			fr := &in.frames[fi]
			fp = int(fr.fp)
			if fr.flags&frameNative == 0 && !in.terminating {
				table := h.Field(stack[fp+bytecode.FrameBytecode].Addr(), layout.BytecodeArrayHandlerTableOffset)
				if table != in.f.Roots.EmptyFixedArray {
					if hd, found := bytecode.LookupHandler(in.f.ByteArrayBytes(table), int(fr.pc)); found {
						stack[fp+bytecode.FrameContext] = stack[fp+hd.Context]
						acc = in.exception
						in.exception, in.hasException = in.undefined, false
						in.sp = int(fr.end)
						pc = hd.Target
						code = in.codeOf(fp)
						break
					}
				}
			}
			in.sp = fp
			in.frames = in.frames[:len(in.frames)-1]
			if fr.flags&frameEntry != 0 {
				in.acc = in.undefined
				return in.undefined, false
			}
		}
	}
}

// callStatus is the outcome of starting a call from the dispatch loop.
type callStatus uint8

const (
	// callPushed: a JavaScript frame was pushed; run continues in it.
	callPushed callStatus = iota
	// callDone: the call completed (a native); the result is in in.acc.
	callDone
	// callThrew: an exception is pending.
	callThrew
)

// Handler encoding of the inline caches' Smi handlers: the low bits say the
// kind of load or store, the rest the field's offset.
const (
	handlerInObject    = 1 << 0
	handlerKindMask    = 3 << 1
	handlerField       = 0 << 1 // a data field: offset, in-object or in the PropertyArray
	handlerAccessor    = 1 << 1 // an accessor pair in a field
	handlerContextSlot = 2 << 1 // a script-context slot (global loads)
	handlerSpecial     = 3 << 1 // array length, string length…
	handlerShift       = 3
)

// loadField reads the field a Smi handler describes. Hot path.
func loadField(h *heap.Heap, obj layout.Value, hd int) layout.Value {
	off := uint32(hd >> handlerShift)
	if hd&handlerInObject != 0 {
		return h.Field(obj.Addr(), off)
	}
	return h.Field(h.Field(obj.Addr(), layout.JSObjectPropertiesOrHashOffset).Addr(), off)
}

// storeField writes the field a Smi handler describes. Hot path.
func storeField(h *heap.Heap, obj layout.Value, hd int, v layout.Value) {
	off := uint32(hd >> handlerShift)
	if hd&handlerInObject != 0 {
		h.SetField(obj.Addr(), off, v)
		return
	}
	h.SetField(h.Field(obj.Addr(), layout.JSObjectPropertiesOrHashOffset).Addr(), off, v)
}

package interp

import (
	"math/bits"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/layout"
)

// Tier-up. A hot function (by calls, or by loop back-edges) gets optimized
// code: a second BytecodeArray made from its baseline bytecode, sharing the
// constant pool, handler table and source positions, in which instructions
// are rewritten in place to quickened forms of the same size that use the
// inline-cache feedback (guarded monomorphic field loads and stores,
// prototype-chain, polymorphic and megamorphic property access with the
// generic path as fallback (tierload.go), lean calls (tiercall.go), inline
// number and element ops (tierelem.go), Smi-guarded compare-and-branch)
// and superinstructions over the hottest
// pairs (an instruction and the Star after it, Star then Ldar…; the second
// instruction stays intact, so jumps to it still land on an instruction).
// Every pc means the same in both arrays, so:
//
//   - a frame runs whichever array its FrameBytecode slot holds; stack
//     traces, exception handlers, coverage counters and generators work
//     unchanged;
//   - on-stack replacement (a loop that got hot) is writing the optimized
//     array into the running frame;
//   - deoptimization (a guard failed) is writing the baseline array back
//     and dispatching the same pc again there.
//
// The optimized code lives in the FeedbackVector (V8's
// maybe_optimized_code), traced by the GC. pushFrame runs it instead of the
// baseline and does not count the invocation then, as V8's optimized code
// does not: best-effort coverage sees counts stop growing. Precise coverage
// turns tier-up off and drops every optimized code (coverage.go), so its
// counts are exact.

// TierUpConfig configures the optimized tier.
type TierUpConfig struct {
	// Disabled turns tier-up off (V8's --no-opt): every function stays in
	// the interpreter and counts every call.
	Disabled bool
	// CallBudget is how many calls make a function hot (rounded up to a
	// power of two; 0: DefaultTierUpCalls; 1: optimize at the first call).
	CallBudget int
	// BackEdgeBudget is how many loop back-edges make a profiler tick for
	// the function running the loop; TicksToOptimize ticks make it hot (0:
	// the defaults).
	BackEdgeBudget  int
	TicksToOptimize int
}

// Tier-up defaults.
const (
	DefaultTierUpCalls     = 64
	DefaultBackEdgeBudget  = 1024
	DefaultTicksToOptimize = 2
	// maxDeopts is how many deoptimizations a function may have before it
	// is never optimized again.
	maxDeopts = 8
)

// Feedback vector flag bits (FeedbackVectorFlags) owned by tier-up.
const (
	tierDeoptCountMask = 0xf // deoptimizations so far
	tierNoSmiFusion    = 1 << 4
	tierNeverOptimize  = 1 << 5
)

// Deoptimization reasons.
const (
	deoptMap = iota // a named access met another map than its feedback's
	deoptSmi        // a Smi-specialized op met a non-Smi
)

// tierState is the interpreter's tier-up configuration and counters.
type tierState struct {
	// off: no function is optimized (configuration, or a precise
	// coverage mode); callMask: a call tiers up when the new invocation
	// count & callMask is zero.
	disabled bool
	callMask int
	backEdge int
	ticks    int
	// backEdges counts down to the next profiler tick; reason is the
	// failed guard's, for the loop's deopt path (fields, not locals of
	// run: its hot loop keeps its registers).
	backEdges, reason int
	// mega and megaStore are the megamorphic load and store caches of
	// optimized code (tierload.go).
	mega, megaStore megaCache
	// Statistics for tests and benchmarks; direct: calls of f through
	// apply or call that callDirect made directly, fastArguments:
	// arguments objects createArgumentsSloppy made (tiercall.go).
	optimizations, deopts, direct, fastArguments int
}

func (t *tierState) configure(c TierUpConfig) {
	t.disabled = c.Disabled
	n := c.CallBudget
	if n <= 0 {
		n = DefaultTierUpCalls
	}
	t.callMask = 1<<bits.Len(uint(n-1)) - 1
	t.backEdge = c.BackEdgeBudget
	if t.backEdge <= 0 {
		t.backEdge = DefaultBackEdgeBudget
	}
	t.backEdges = t.backEdge
	t.ticks = c.TicksToOptimize
	if t.ticks <= 0 {
		t.ticks = DefaultTicksToOptimize
	}
}

// tierUpAllowed reports whether functions may be optimized now.
func (in *Interp) tierUpAllowed() bool {
	return !in.tier.disabled && !in.cov.mode.precise()
}

// SetTierUp turns tier-up on or off at run time (v8.setFlagsFromString
// '--opt' / '--no-opt'); turning it off drops every optimized code.
func (in *Interp) SetTierUp(on bool) {
	in.tier.disabled = !on
	if !on {
		in.dropOptimizedCode()
	}
}

// TierUpStats returns how many functions were optimized and how many
// deoptimizations happened since the interpreter started.
func (in *Interp) TierUpStats() (optimizations, deopts int) {
	return in.tier.optimizations, in.tier.deopts
}

// IsOptimized reports whether calls of the function fn run optimized code.
func (in *Interp) IsOptimized(fn layout.Value) bool {
	if !in.isFunction(fn) {
		return false
	}
	fv := in.f.FunctionFeedbackVector(fn)
	return fv != in.undefined && in.f.OptimizedCode(fv) != in.undefined
}

// DeoptCount returns how many times the function fn's optimized code was
// deoptimized.
func (in *Interp) DeoptCount(fn layout.Value) int {
	if !in.isFunction(fn) {
		return 0
	}
	fv := in.f.FunctionFeedbackVector(fn)
	if fv == in.undefined {
		return 0
	}
	return in.f.FeedbackVectorFlags(fv) & tierDeoptCountMask
}

// OptimizeFunction optimizes fn now if it was called before (it has
// bytecode and feedback) and tier-up is allowed; for tests (V8's
// %OptimizeFunctionOnNextCall, taking effect at once).
func (in *Interp) OptimizeFunction(fn layout.Value) bool {
	if !in.isFunction(fn) || !in.tierUpAllowed() {
		return false
	}
	fv := in.f.FunctionFeedbackVector(fn)
	if fv == in.undefined {
		return false
	}
	in.optimize(fv)
	return in.IsOptimized(fn)
}

// tierUpOnCall is pushFrame's slow path when a call made the function hot:
// optimize it and run the new frame (at pc 0) in the optimized code.
func (in *Interp) tierUpOnCall(fp int) {
	if !in.tierUpAllowed() {
		return
	}
	fv := in.stack[fp+bytecode.FrameFeedbackVector]
	in.optimize(fv)
	fv = in.stack[fp+bytecode.FrameFeedbackVector]
	if oc := in.f.OptimizedCode(fv); oc != in.undefined && in.f.BytecodeBaseline(oc) == in.stack[fp+bytecode.FrameBytecode] {
		in.stack[fp+bytecode.FrameBytecode] = oc
	}
}

// tierUpOnBackEdge is the back-edge budget's slow path: a profiler tick
// for the function running at fp; when it is hot, optimize it and switch
// the running frame to the optimized code (on-stack replacement: the pcs
// coincide). The caller re-reads the frame's code.
func (in *Interp) tierUpOnBackEdge(fp int) {
	if !in.tierUpAllowed() {
		return
	}
	f := in.f
	fv := in.stack[fp+bytecode.FrameFeedbackVector]
	if !fv.IsHeapObject() || fv == in.undefined {
		return
	}
	if oc := f.OptimizedCode(fv); oc == in.undefined {
		t := f.ProfilerTicks(fv) + 1
		f.SetProfilerTicks(fv, t)
		if t < in.tier.ticks {
			return
		}
		f.SetProfilerTicks(fv, 0)
		in.optimize(fv)
		fv = in.stack[fp+bytecode.FrameFeedbackVector]
	}
	if oc := f.OptimizedCode(fv); oc != in.undefined && f.BytecodeBaseline(oc) == in.stack[fp+bytecode.FrameBytecode] {
		in.stack[fp+bytecode.FrameBytecode] = oc
	}
}

// deoptimize switches frame fi back to its baseline bytecode after a guard
// of its optimized code failed, and drops that code from the function (a
// function that deoptimized maxDeopts times stays in the interpreter). The
// loop then dispatches the same pc in the baseline array. No allocation.
func (in *Interp) deoptimize(fi, pc, reason int) {
	f := in.f
	fp := int(in.frames[fi].fp)
	code := in.stack[fp+bytecode.FrameBytecode]
	in.stack[fp+bytecode.FrameBytecode] = f.BytecodeBaseline(code)
	in.tier.deopts++
	fv := in.stack[fp+bytecode.FrameFeedbackVector]
	if f.OptimizedCode(fv) != code {
		return // already dropped: another activation deoptimized first
	}
	f.SetOptimizedCode(fv, in.undefined)
	flags := f.FeedbackVectorFlags(fv)
	n := flags&tierDeoptCountMask + 1
	flags = flags&^tierDeoptCountMask | n
	if n >= maxDeopts {
		flags |= tierNeverOptimize
	}
	if reason == deoptSmi {
		flags |= tierNoSmiFusion
	}
	f.SetFeedbackVectorFlags(fv, flags)
}

// dropOptimizedCode discards every function's optimized code and switches
// the frames on the stack that run optimized code back to their baseline
// (same pcs). Suspended generators switch when they resume
// (ResumeGenerator). Precise coverage and Recompile call it.
func (in *Interp) dropOptimizedCode() {
	f := in.f
	in.h.ForEachObject(func(a layout.Addr) {
		if in.h.InstanceType(a) == layout.FeedbackVectorType {
			if v := a.Value(); f.OptimizedCode(v) != in.undefined {
				f.SetOptimizedCode(v, in.undefined)
			}
		}
	})
	for _, fr := range in.frames {
		if fr.flags&frameNative != 0 {
			continue
		}
		ba := in.stack[fr.fp+bytecode.FrameBytecode]
		if ba.IsHeapObject() && ba != in.undefined {
			if b := f.BytecodeBaseline(ba); b != in.undefined {
				in.stack[fr.fp+bytecode.FrameBytecode] = b
			}
		}
	}
}

// resumeCode picks the bytecode a resuming generator frame runs: the
// function's optimized code when it has some made from the saved baseline,
// else the baseline (a frame suspended in optimized code that was dropped
// since goes back to baseline). It reports whether the resumption runs
// optimized code (and so is not counted as an invocation).
func (in *Interp) resumeCode(fp int) bool {
	f := in.f
	fv := in.stack[fp+bytecode.FrameFeedbackVector]
	saved := in.stack[fp+bytecode.FrameBytecode]
	if !saved.IsHeapObject() || saved == in.undefined || fv == in.undefined {
		return false
	}
	base := saved
	if b := f.BytecodeBaseline(saved); b != in.undefined {
		base = b
	}
	if oc := f.OptimizedCode(fv); oc != in.undefined && f.BytecodeBaseline(oc) == base {
		in.stack[fp+bytecode.FrameBytecode] = oc
		return true
	}
	in.stack[fp+bytecode.FrameBytecode] = base
	return false
}

// optimize makes and installs the optimized code of the function whose
// feedback vector is fv, unless it has some, may not be optimized, or has
// no bytecode. It allocates (the new BytecodeArray).
func (in *Interp) optimize(fv layout.Value) {
	h, f := in.h, in.f
	if fv == in.undefined || f.OptimizedCode(fv) != in.undefined {
		return
	}
	flags := f.FeedbackVectorFlags(fv)
	if flags&tierNeverOptimize != 0 {
		return
	}
	base := f.SharedBytecode(f.FeedbackVectorShared(fv))
	if !base.IsHeapObject() || base == in.undefined {
		return
	}
	// Optimized even when nothing was quickened: a hot function stops
	// counting invocations either way, as in V8.
	code := append([]byte(nil), f.Bytecodes(base)...)
	in.quicken(code, fv, flags)
	scope := h.OpenScope()
	defer scope.Close()
	fvh, baseh := h.NewHandle(fv), h.NewHandle(base)
	pool := h.NewHandle(f.BytecodeConstantPool(base))
	ba := f.NewBytecodeArray(code, f.BytecodeFrameSize(baseh.Value()), f.BytecodeParameterSize(baseh.Value()), pool)
	f.SetBytecodeHandlerTable(ba.Value(), f.BytecodeHandlerTable(baseh.Value()))
	f.SetBytecodeSourcePositionTable(ba.Value(), f.BytecodeSourcePositionTable(baseh.Value()))
	f.SetBytecodeBaseline(ba.Value(), baseh.Value())
	f.SetOptimizedCode(fvh.Value(), ba.Value())
	in.tier.optimizations++
}

// quicken rewrites code (a copy of the baseline bytecode) into optimized
// code using the feedback in fv. It reports whether anything changed. It
// reads the heap but does not allocate.
func (in *Interp) quicken(code []byte, fv layout.Value, flags int) bool {
	h, f := in.h, in.f
	changed := false
	next := func(pc int) bytecode.Op {
		n := pc + int(bytecode.Sizes[code[pc]])
		if n >= len(code) {
			return bytecode.Op(bytecode.NumOps)
		}
		return bytecode.Op(code[n])
	}
	set := func(pc int, op bytecode.Op) {
		code[pc] = byte(op)
		changed = true
	}
	// monoField returns the Smi field handler of a monomorphic named
	// access's slot, if it has one that fits an operand.
	monoField := func(slot int) (int, bool) {
		off := feedbackOffset(slot)
		m, hd := h.Field(fv.Addr(), off), h.Field(fv.Addr(), off+4)
		// A polymorphic slot holds a FixedArray and a Smi marker that
		// reads like a field handler: only a map makes it monomorphic.
		if !m.IsHeapObject() || m == in.undefined || !hd.IsSmi() || h.InstanceType(m.Addr()) != layout.MapType {
			return 0, false
		}
		k := hd.SmiValue()
		if k < 0 || k > 0xffff || k&handlerKindMask != handlerField {
			return 0, false
		}
		return k, true
	}
	// Instructions are rewritten in order; each reads only its own
	// operands and those of the instruction after it, which are never
	// rewritten (only opcodes are), so pairs may chain.
	for pc := 0; pc < len(code); pc += int(bytecode.Sizes[code[pc]]) {
		op := bytecode.Op(code[pc])
		nx := next(pc)
		switch op {
		case bytecode.Star:
			switch nx {
			case bytecode.Ldar:
				set(pc, bytecode.StarLdar)
			case bytecode.LdaSmi:
				set(pc, bytecode.StarLdaSmi)
			}
		case bytecode.Ldar:
			if nx == bytecode.Star {
				set(pc, bytecode.LdarStar)
			} else if o, ok := quickenArith(code, pc); ok { // h-elem
				set(pc, o)
			}
		case bytecode.Add, bytecode.Sub, bytecode.Mul, bytecode.BitwiseAnd, bytecode.BitwiseOr, bytecode.Inc, bytecode.Dec:
			if nx == bytecode.Star {
				set(pc, starForm(op))
			} else if o, ok := quickenArith(code, pc); ok { // h-elem
				set(pc, o)
			}
		case bytecode.LdaKeyedProperty:
			if nx == bytecode.Star {
				set(pc, bytecode.LdaKeyedStar)
			} else {
				set(pc, bytecode.LdaKeyedOpt) // h-elem
			}
		case bytecode.LdaNamedProperty, bytecode.StaNamedProperty:
			k, ok := monoField(u16(code, pc+5))
			if !ok && op == bytecode.StaNamedProperty && megamorphicSlot(h, fv.Addr(), feedbackOffset(u16(code, pc+5))) {
				set(pc, bytecode.StaNamedMega) // tierload.go
				continue
			}
			if !ok {
				if op == bytecode.LdaNamedProperty && megamorphicSlot(h, fv.Addr(), feedbackOffset(u16(code, pc+5))) {
					set(pc, bytecode.LdaNamedMega) // tierload.go
				} else if op == bytecode.LdaNamedProperty && chainQuickenable(h, fv.Addr(), feedbackOffset(u16(code, pc+5))) {
					// Prototype-chain or polymorphic (tierload.go).
					if nx == bytecode.Star {
						set(pc, bytecode.LdaNamedChainStar)
					} else {
						set(pc, bytecode.LdaNamedChain)
					}
				}
				continue
			}
			// The name operand becomes the handler: the baseline array
			// keeps the name for the deoptimized slow path.
			code[pc+3], code[pc+4] = byte(k), byte(k>>8)
			switch {
			case op == bytecode.StaNamedProperty:
				set(pc, bytecode.StaNamedField)
			case nx == bytecode.Star:
				set(pc, bytecode.LdaNamedFieldStar)
			default:
				set(pc, bytecode.LdaNamedField)
			}
		case bytecode.CallProperty, bytecode.CallUndefinedReceiver:
			// A call site whose slot is not marked polymorphic learns its
			// callee at its first optimized run (callMono, tiercall.go);
			// a polymorphic one calls any callee without deopt.
			if op == bytecode.CallProperty {
				set(pc, bytecode.CallPropertyMono)
			} else {
				set(pc, bytecode.CallUndefinedReceiverMono)
			}
		case bytecode.Construct:
			set(pc, bytecode.ConstructFast)
		case bytecode.CreateArguments:
			if in.sloppySimple(f.FeedbackVectorShared(fv)) {
				set(pc, bytecode.CreateArgumentsSloppy)
			}
		case bytecode.TestInstanceOf:
			set(pc, bytecode.TestInstanceOfFunction)
		case bytecode.TestLessThan, bytecode.TestGreaterThan, bytecode.TestLessThanOrEqual, bytecode.TestGreaterThanOrEqual:
			if nx != bytecode.JumpIfFalse || flags&tierNoSmiFusion != 0 {
				continue
			}
			set(pc, fusedCompare(op))
		default:
			if o, ok := quickenArith(code, pc); ok { // h-elem
				set(pc, o)
			}
		}
	}
	in.quickenReuse(code, fv) // h-elem
	return changed
}

// starForm returns the superinstruction of op followed by Star.
func starForm(op bytecode.Op) bytecode.Op {
	switch op {
	case bytecode.Add:
		return bytecode.AddStar
	case bytecode.Sub:
		return bytecode.SubStar
	case bytecode.Mul:
		return bytecode.MulStar
	case bytecode.BitwiseAnd:
		return bytecode.BitwiseAndStar
	case bytecode.BitwiseOr:
		return bytecode.BitwiseOrStar
	case bytecode.Inc:
		return bytecode.IncStar
	}
	return bytecode.DecStar
}

// fusedCompare returns the Smi compare-and-branch of a relational test
// followed by JumpIfFalse.
func fusedCompare(op bytecode.Op) bytecode.Op {
	switch op {
	case bytecode.TestLessThan:
		return bytecode.JumpIfNotLessSmi
	case bytecode.TestGreaterThan:
		return bytecode.JumpIfNotGreaterSmi
	case bytecode.TestLessThanOrEqual:
		return bytecode.JumpIfNotLessEqualSmi
	}
	return bytecode.JumpIfNotGreaterEqualSmi
}

// CallerRunsOptimized reports whether the innermost JavaScript frame (the
// caller of the running builtin) runs optimized code: for tests of
// on-stack replacement and of resumed generators.
func (in *Interp) CallerRunsOptimized() bool {
	for i := len(in.frames) - 1; i >= 0; i-- {
		fr := in.frames[i]
		if fr.flags&frameNative != 0 {
			continue
		}
		ba := in.stack[fr.fp+bytecode.FrameBytecode]
		return ba.IsHeapObject() && ba != in.undefined && in.f.BytecodeBaseline(ba) != in.undefined
	}
	return false
}

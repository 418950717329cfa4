package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Generators. A generator object is an ordinary object whose private state
// slot holds a FixedArray:
//
//	0 state (a Smi: see genSuspendedStart…)
//	1 the suspended frame: a FixedArray copy of its stack slots (header,
//	  parameters, registers, extra arguments), or undefined
//	2 the pc to resume at
//	3, 4 the frame slots of the resume mode and sent value registers
//	5 argc
//
// SuspendGenerator copies the running frame there and returns from it;
// ResumeGenerator copies it back onto the stack (at whatever depth: frames
// are addressed relative to their start) and runs it in a nested dispatch
// loop until it suspends again or returns.

const (
	genSuspendedStart = iota
	genSuspendedYield
	genExecuting
	genCompleted
)

const (
	genState = iota
	genFrame
	genPC
	genModeReg
	genSentReg
	genArgc
	// Async functions and generators (async.go): the kind (a Smi, see
	// genKind*), the async function's promise or the async generator's
	// request queue (a JSArray) and its head index, and whether the last
	// suspension was an await.
	genKind
	genPromise
	genQueueHead
	genAwaiting
	// genUncounted is 1 when the next resumption is not an invocation for
	// coverage (RtAwaitYield).
	genUncounted
	// genFunction and genReceiver are the generator function and its
	// receiver, kept for the inspector after the frame is gone
	// (GeneratorMirror).
	genFunction
	genReceiver
	genSlots
)

// The kinds of generator objects.
const (
	genKindSync = iota
	genKindAsyncFunction
	genKindAsyncGenerator
)

// Resume modes: what next, return and throw ask a suspended generator.
const (
	ResumeNext   = 0
	ResumeReturn = 1
	ResumeThrow  = 2
)

// createGenerator makes the generator object of the generator function
// running in the frame at fp.
func (in *Interp) createGenerator(fp int) (layout.Value, bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	closure := in.stack[fp+bytecode.FrameClosure]
	sflags := f.SharedFlags(f.FunctionShared(closure))
	kind := genKindSync
	if sflags&objects.SharedIsAsync != 0 {
		kind = genKindAsyncFunction
		if sflags&objects.SharedIsGenerator != 0 {
			kind = genKindAsyncGenerator
		}
	}
	var proto layout.Value
	if kind == genKindAsyncFunction {
		proto = in.null
	} else {
		p, ok := in.GetName(closure, NamePrototype)
		if !ok {
			return 0, false
		}
		proto = p
		if !in.IsObject(proto) {
			proto = in.intrinsics[GeneratorPrototype]
			if kind == genKindAsyncGenerator {
				proto = in.intrinsics[AsyncGeneratorPrototype]
			}
		}
	}
	gen := in.NewObject(proto)
	var extra heap.Handle
	switch kind {
	case genKindAsyncFunction:
		extra = in.NewPromise()
	case genKindAsyncGenerator:
		extra = f.NewJSArray(1)
	default:
		extra = h.NewHandle(in.undefined)
	}
	st := f.NewFixedArray(genSlots, heap.NewSpace)
	f.Set(st.Value(), genState, layout.Smi(genSuspendedStart))
	f.Set(st.Value(), genKind, layout.Smi(kind))
	f.Set(st.Value(), genPromise, extra.Value())
	f.Set(st.Value(), genQueueHead, layout.Smi(0))
	f.Set(st.Value(), genAwaiting, layout.Smi(0))
	f.Set(st.Value(), genFunction, in.stack[fp+bytecode.FrameClosure])
	f.Set(st.Value(), genReceiver, in.stack[fp+bytecode.FrameReceiver])
	f.DefineProperty(gen, h.NewHandle(in.intrinsics[PrivateGeneratorState]), st, objects.AttrDontEnum)
	return gen.Value(), true
}

// generatorState returns a generator's state array, or false when v is not
// a generator object.
func (in *Interp) generatorState(v layout.Value) (layout.Value, bool) {
	if !in.IsObject(v) {
		return 0, false
	}
	return in.f.GetProperty(v, in.intrinsics[PrivateGeneratorState])
}

// IsGenerator reports whether v is a generator object.
func (in *Interp) IsGenerator(v layout.Value) bool {
	st, ok := in.generatorState(v)
	return ok && in.f.Get(st, genKind) == layout.Smi(genKindSync)
}

// suspendGenerator saves the frame fi (its slots from fp to its end) into
// the generator in register genReg, to resume at pc.
func (in *Interp) suspendGenerator(fi, genReg, modeReg, sentReg, pc int) {
	h, f := in.h, in.f
	fr := in.frames[fi]
	fp, end := int(fr.fp), int(fr.end)
	scope := h.OpenScope()
	defer scope.Close()
	copyArr := f.NewFixedArray(end-fp, heap.OldSpace)
	for i := fp; i < end; i++ {
		f.Set(copyArr.Value(), i-fp, in.stack[i])
	}
	st, _ := in.generatorState(in.stack[fp+genReg])
	f.Set(st, genState, layout.Smi(genSuspendedYield))
	f.Set(st, genFrame, copyArr.Value())
	f.Set(st, genPC, layout.Smi(pc))
	f.Set(st, genModeReg, layout.Smi(modeReg))
	f.Set(st, genSentReg, layout.Smi(sentReg))
	f.Set(st, genArgc, layout.Smi(int(fr.argc)))
}

// ResumeGenerator resumes gen with mode (ResumeNext, ResumeReturn,
// ResumeThrow) and value: it returns what the generator yielded (done
// false) or returned (done true), or false with an exception pending.
func (in *Interp) ResumeGenerator(gen layout.Value, mode int, value layout.Value) (v layout.Value, done, ok bool) {
	f := in.f
	st, isGen := in.generatorState(gen)
	if !isGen {
		in.throwErrorValue(TypeError, "next method called on incompatible receiver "+in.displayValue(gen))
		return 0, false, false
	}
	if f.Get(st, genKind) != layout.Smi(genKindSync) && !in.resumingAsync {
		in.throwErrorValue(TypeError, "next method called on incompatible receiver "+in.displayValue(gen))
		return 0, false, false
	}
	in.resumingAsync = false
	state := f.Get(st, genState).SmiValue()
	switch state {
	case genExecuting:
		in.throwErrorValue(TypeError, "Generator is already running")
		return 0, false, false
	case genCompleted, genSuspendedStart:
		if state == genSuspendedStart && mode == ResumeNext {
			break
		}
		f.Set(st, genState, layout.Smi(genCompleted))
		f.Set(st, genFrame, in.undefined)
		switch mode {
		case ResumeThrow:
			in.throwValue(value, true)
			return 0, false, false
		case ResumeReturn:
			return value, true, true
		}
		return in.undefined, true, true
	}
	if in.nativeDepth >= maxNativeDepth {
		in.throwErrorValue(RangeError, "Maximum call stack size exceeded")
		return 0, false, false
	}
	saved := f.Get(st, genFrame)
	n := f.Length(saved)
	base := in.sp
	if base+n > in.limit {
		in.throwErrorValue(RangeError, "Maximum call stack size exceeded")
		return 0, false, false
	}
	for i := 0; i < n; i++ {
		in.stack[base+i] = f.Get(saved, i)
	}
	in.stack[base+f.Get(st, genModeReg).SmiValue()] = layout.Smi(mode)
	in.stack[base+f.Get(st, genSentReg).SmiValue()] = value
	in.sp = base + n
	// Each entry to the bytecode counts, resumptions too (as in V8), but
	// for the await of an async generator's yield, which V8 does in the
	// yield's suspension.
	// A resumption runs the function's optimized code if it has some (and
	// is then not counted, as a call would not be), else the baseline.
	optimized, hot := in.resumeCode(base), false
	if f.Get(st, genUncounted) == layout.Smi(1) {
		f.Set(st, genUncounted, layout.Smi(0))
	} else if fv := in.stack[base+bytecode.FrameFeedbackVector]; fv != in.undefined && !optimized {
		f.IncrementInvocationCount(fv)
		hot = f.InvocationCount(fv)&in.tier.callMask == 0
	}
	in.frames = append(in.frames, frame{fp: int32(base), pc: int32(f.Get(st, genPC).SmiValue()),
		argc: int32(f.Get(st, genArgc).SmiValue()), end: int32(base + n), flags: frameEntry})
	f.Set(st, genState, layout.Smi(genExecuting))
	f.Set(st, genFrame, in.undefined)
	t := in.pushTemp(gen)
	if hot {
		in.tierUpOnCall(base) // a resumption counts toward the call budget
	}
	in.nativeDepth++
	v, ok = in.run()
	in.nativeDepth--
	in.sp = base
	gen = in.temp(t)
	in.popTemps(t)
	st, _ = in.generatorState(gen)
	if !ok {
		f.Set(st, genState, layout.Smi(genCompleted))
		return 0, false, false
	}
	if f.Get(st, genState).SmiValue() == genExecuting {
		// It returned rather than suspended.
		f.Set(st, genState, layout.Smi(genCompleted))
		return v, true, true
	}
	return v, false, true
}

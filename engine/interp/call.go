package interp

import (
	"fmt"
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Calls. The dispatch loop calls callAt with stack indices (never raw
// values, which a GC during the call's set-up could invalidate): the callee,
// the receiver (-1: undefined), the first argument and the count, and for
// [[Construct]] the new.target. A JavaScript callee gets a frame pushed and
// runs in the same loop; a native callee runs at once.

// maxSmiValue is the largest Smi, tagged: where invocation counts saturate.
const maxSmiValue = layout.Value(uint32(layout.SmiMax) << 1)

// callAt starts a call. flags may hold frameConstruct (then ntIdx is the
// stack index of new.target) and frameEntry.
func (in *Interp) callAt(calleeIdx, recvIdx, argsIdx, argc, ntIdx int, flags frameFlags) callStatus {
	h, f := in.h, in.f
	fn := in.stack[calleeIdx]
	if !in.isFunction(fn) {
		if in.IsCallable(fn) {
			return in.callProxyAt(calleeIdx, recvIdx, argsIdx, argc, ntIdx, flags)
		}
		if flags&frameConstruct != 0 {
			in.throwErrorValue(TypeError, in.calleeText(fn)+" is not a constructor")
		} else {
			in.throwErrorValue(TypeError, in.calleeText(fn)+" is not a function")
		}
		return callThrew
	}
	sfi := f.FunctionShared(fn)
	data := h.Field(sfi.Addr(), layout.SharedFunctionDataOffset)
	sflags := f.SharedFlags(sfi)
	construct := flags&frameConstruct != 0
	if construct && sflags&sharedNotConstructor != 0 {
		in.throwErrorValue(TypeError, in.calleeText(fn)+" is not a constructor")
		return callThrew
	}
	if data.IsSmi() {
		return in.callNative(calleeIdx, recvIdx, argsIdx, argc, ntIdx, flags)
	}
	if !construct && sflags&objects.SharedIsClassConstructor != 0 {
		in.throwErrorValue(TypeError, "Class constructor "+in.DebugName(sfi)+" cannot be invoked without 'new'")
		return callThrew
	}
	if data == in.undefined || f.FunctionFeedbackVector(fn) == in.undefined {
		if !in.prepareCall(calleeIdx) {
			return callThrew
		}
		fn = in.stack[calleeIdx]
		sfi = f.FunctionShared(fn)
	}
	if !construct && recvIdx >= 0 && f.SharedFlags(sfi)&(objects.SharedIsStrict|objects.SharedIsArrow) == 0 {
		// Sloppy functions see a primitive receiver boxed.
		if r := in.stack[recvIdx]; r.IsSmi() || r.IsHeapObject() && !in.IsObject(r) && !in.IsNullish(r) && r != in.hole {
			obj, ok := in.ToObject(r)
			if !ok {
				return callThrew
			}
			in.stack[in.sp] = obj
			recvIdx = in.sp
		}
	}
	if construct {
		// The receiver: a new object of new.target's initial map, or the
		// hole for a derived constructor (super() makes it).
		if sflags&sharedDerived != 0 {
			flags |= frameDerived
		} else {
			obj, ok := in.createThis(in.stack[ntIdx])
			if !ok {
				return callThrew
			}
			in.stack[in.sp] = obj
			recvIdx = in.sp
		}
	}
	return in.pushFrame(calleeIdx, recvIdx, argsIdx, argc, ntIdx, flags)
}

// prepareCall compiles the callee on its first call and gives it a feedback
// vector (V8 allocates vectors lazily, on first call, too).
func (in *Interp) prepareCall(calleeIdx int) bool {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	fn := h.NewHandle(in.stack[calleeIdx])
	sfi := h.NewHandle(f.FunctionShared(fn.Value()))
	if !in.compile(sfi) {
		return false
	}
	ba := f.SharedBytecode(sfi.Value())
	pool := f.BytecodeConstantPool(ba)
	slots := f.Get(pool, bytecode.MetaFeedbackSlots).SmiValue()
	closures := f.Get(pool, bytecode.MetaClosures).SmiValue()
	if old := f.FunctionFeedbackVector(fn.Value()); old != in.undefined {
		// A function recompiled (Recompile) keeps its vector if the new
		// bytecode's feedback layout is the same, as it is for the same
		// syntax tree; a new vector otherwise, never a short one.
		if f.FeedbackVectorLength(old) == slots && f.Length(f.ClosureFeedbackCells(old)) == closures {
			return true
		}
	}
	cells := f.NewClosureFeedbackCellArray(closures)
	fv := f.NewFeedbackVector(sfi, slots, cells)
	in.pinVector(fv.Value())
	cell := f.FunctionFeedbackCell(fn.Value())
	if cell == in.intrinsics[NoFeedbackCell] {
		c := f.NewFeedbackCell(fv)
		f.SetFunctionFeedbackCell(fn.Value(), c.Value())
	} else {
		f.SetFeedbackCellValue(cell, fv.Value())
	}
	return true
}

// pushFrame pushes the frame of the compiled JavaScript function at
// calleeIdx (see pushFrameAt), after the receiver a sloppy function sees
// for undefined or null and the hole of a derived constructor.
func (in *Interp) pushFrame(calleeIdx, recvIdx, argsIdx, argc, ntIdx int, flags frameFlags) callStatus {
	h, f := in.h, in.f
	stack := in.stack
	fn := stack[calleeIdx]
	sfi := f.FunctionShared(fn)
	fp := in.sp
	if recvIdx == fp {
		// The receiver was made in the scratch slot at sp: keep it.
		fp++
	}
	recv := in.undefined
	if recvIdx >= 0 {
		recv = stack[recvIdx]
	}
	if flags&frameDerived != 0 && flags&frameConstruct != 0 {
		recv = in.hole
	} else if flags&frameConstruct == 0 && (recv == in.undefined || recv == in.null) &&
		f.SharedFlags(sfi)&(objects.SharedIsStrict|objects.SharedIsArrow) == 0 {
		recv = in.intrinsics[GlobalObject]
	}
	nt := in.undefined
	if ntIdx >= 0 {
		nt = stack[ntIdx]
	}
	return in.pushFrameAt(fp, fn, f.FunctionFeedbackVector(fn), h.Field(sfi.Addr(), layout.SharedFunctionDataOffset), recv, nt, argsIdx, argc, flags)
}

// pushFrameAt pushes, at stack index fp, the frame of fn, a compiled
// JavaScript function (fv its feedback vector, base its baseline bytecode),
// called with receiver recv (already what the callee sees: boxed, the
// global object, for a construct the new object), new.target newTarget
// and the argc arguments at argsIdx: header, parameters (missing ones
// undefined), registers (undefined), then the arguments beyond the
// parameters. It runs the optimized code when fv has some, else counts the
// invocation (tiering up at the budget); it checks the stack limit and
// polls the safepoint at function entry. pushFrame and the optimized
// tier's calls (tiercall.go) share it.
func (in *Interp) pushFrameAt(fp int, fn, fv, base, recv, newTarget layout.Value, argsIdx, argc int, flags frameFlags) callStatus {
	h := in.h
	ba := h.Field(fv.Addr(), layout.FeedbackVectorOptimizedCodeOffset)
	optimized := ba != in.undefined
	if !optimized {
		ba = base
	}
	params := h.Field(ba.Addr(), layout.BytecodeArrayParameterSizeOffset).SmiValue() - 1
	regs := h.Field(ba.Addr(), layout.BytecodeArrayFrameSizeOffset).SmiValue() / layout.TaggedSize
	body := bytecode.FrameHeaderSize + params + regs
	end := fp + body + max(argc-params, 0)
	if end > in.limit {
		in.throwErrorValue(RangeError, "Maximum call stack size exceeded")
		return callThrew
	}
	fr := in.stack[fp:end]
	fr[bytecode.FrameClosure] = fn
	fr[bytecode.FrameContext] = h.Field(fn.Addr(), layout.JSFunctionContextOffset)
	fr[bytecode.FrameBytecode] = ba
	fr[bytecode.FrameFeedbackVector] = fv
	fr[bytecode.FrameNewTarget] = newTarget
	fr[bytecode.FrameReceiver] = recv
	n := min(argc, params)
	copy(fr[bytecode.FrameHeaderSize:], in.stack[argsIdx:argsIdx+n])
	u := in.undefined
	rs := fr[bytecode.FrameHeaderSize+n : body]
	for i := range rs {
		rs[i] = u
	}
	if argc > params {
		copy(fr[body:], in.stack[argsIdx+params:argsIdx+argc])
	}
	in.sp = end
	// The frame record is written in place: appending a composite
	// literal stores it through a temporary whose narrow stores a wide
	// load then fails to forward (a stall that was 7% of DeltaBlue).
	k := len(in.frames)
	if k < cap(in.frames) {
		in.frames = in.frames[:k+1]
	} else {
		in.frames = append(in.frames, frame{})
	}
	r := &in.frames[k]
	// Every field of frame: a reused entry holds an old frame's.
	r.fp, r.pc, r.argc, r.end, r.flags = int32(fp), 0, int32(argc), int32(end), flags
	if in.paranoid {
		in.checkFrame(k, 0, in.undefined)
	}
	if !optimized {
		// Optimized code does not count invocations (as in V8); the
		// baseline counts, and a count that reaches the budget tiers up.
		a := fv.Addr()
		if c := h.Field(a, layout.FeedbackVectorInvocationCountOffset); c != maxSmiValue {
			h.SetField(a, layout.FeedbackVectorInvocationCountOffset, c+layout.Smi(1))
			if (c.SmiValue()+1)&in.tier.callMask == 0 {
				in.tierUpOnCall(fp)
			}
		}
	}
	if in.interrupt.Load() != 0 || in.stressSafepoints {
		if !in.safepoint() {
			return callThrew
		}
	}
	return callPushed
}

// safepoint runs the interrupt handler (tasks posted to the isolate,
// termination) and, in GC stress mode, a collection. It reports false when
// the script must terminate (the termination is then pending).
func (in *Interp) safepoint() bool {
	if in.interrupt.Load() != 0 && in.handleInterrupts != nil {
		if in.handleInterrupts() {
			in.terminating = true
			in.hasException = true
			in.exception = in.undefined
			return false
		}
	}
	if in.stressSafepoints {
		in.h.Safepoint()
	}
	return true
}

// callNative runs a builtin: it pushes a native frame (header and a copy of
// the arguments, so stack traces see it and the arguments are GC roots),
// calls the Go function and pops the frame. The result goes to in.acc.
func (in *Interp) callNative(calleeIdx, recvIdx, argsIdx, argc, ntIdx int, flags frameFlags) callStatus {
	stack := in.stack
	fp := in.sp
	end := fp + bytecode.FrameHeaderSize + argc
	if end > in.limit+32 {
		in.throwErrorValue(RangeError, "Maximum call stack size exceeded")
		return callThrew
	}
	fn := stack[calleeIdx]
	fr := stack[fp:end]
	fr[bytecode.FrameClosure] = fn
	fr[bytecode.FrameContext] = in.undefined
	fr[bytecode.FrameBytecode] = in.undefined
	fr[bytecode.FrameFeedbackVector] = in.undefined
	fr[bytecode.FrameNewTarget] = in.undefined
	if ntIdx >= 0 {
		fr[bytecode.FrameNewTarget] = stack[ntIdx]
	}
	fr[bytecode.FrameReceiver] = in.undefined
	if recvIdx >= 0 {
		fr[bytecode.FrameReceiver] = stack[recvIdx]
	}
	copy(fr[bytecode.FrameHeaderSize:], stack[argsIdx:argsIdx+argc])
	in.sp = end
	in.frames = append(in.frames, frame{fp: int32(fp), argc: int32(argc), end: int32(end), flags: flags | frameNative})
	id := in.h.Field(in.f.FunctionShared(fn).Addr(), layout.SharedFunctionDataOffset).SmiValue()
	// The native's handles live until it returns.
	scope := in.h.OpenScope()
	v, ok := in.natives[id](in, Args{in: in, fp: fp, argc: argc})
	scope.Close()
	in.frames = in.frames[:len(in.frames)-1]
	in.sp = fp
	if !ok {
		return callThrew
	}
	in.acc = v
	return callDone
}

// createThis makes the receiver of `new F()` for a base constructor: an
// object whose map is F's initial map (made on first use, with the
// prototype F.prototype and room for the properties F's code adds).
func (in *Interp) createThis(newTarget layout.Value) (layout.Value, bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	nt := h.NewHandle(newTarget)
	m, ok := in.initialMap(nt)
	if !ok {
		return 0, false
	}
	return f.NewJSObject(m).Value(), true
}

// initialMap returns the map objects made by `new F` start with, making it
// on first use: F.prototype becomes its prototype (Object.prototype when
// F.prototype is not an object).
func (in *Interp) initialMap(fn heap.Handle) (heap.Handle, bool) {
	h, f := in.h, in.f
	if in.IsProxy(fn.Value()) {
		// new.target a proxy: its prototype property, through the traps.
		proto, ok := in.GetNamed(fn.Value(), in.names[NamePrototype])
		if !ok {
			return heap.Handle{}, false
		}
		if !in.IsObject(proto) {
			return h.NewHandle(f.ObjectMap()), true
		}
		ph := h.NewHandle(proto)
		m := f.NewJSObjectMap(4)
		f.SetInitialMapPrototype(m.Value(), ph.Value())
		return m, true
	}
	if !in.IsCallable(fn.Value()) {
		return heap.Handle{}, false
	}
	slot := f.FunctionPrototypeOrInitialMap(fn.Value())
	if slot.IsHeapObject() && h.Field(slot.Addr(), layout.MapOffset) == f.Roots.MetaMap {
		return h.NewHandle(slot), true
	}
	proto, ok := in.GetNamed(fn.Value(), in.names[NamePrototype])
	if !ok {
		return heap.Handle{}, false
	}
	ph := h.NewHandle(proto)
	if !in.IsObject(ph.Value()) {
		ph.Set(in.intrinsics[ObjectPrototype])
	}
	slack := 4
	if rec, lit := in.functionAST(f.FunctionShared(fn.Value())); rec != nil && lit != nil {
		slack = max(4, min(rec.unit.Info(lit.ID).ExpectedProperties, 32))
	}
	m := f.NewJSObjectMap(slack)
	f.SetInitialMapPrototype(m.Value(), ph.Value())
	// Keep the map only if F.prototype is the ordinary prototype slot (a
	// later `F.prototype = …` replaces the slot and so drops the map).
	if cur := f.FunctionPrototypeOrInitialMap(fn.Value()); cur == ph.Value() {
		f.SetFunctionPrototypeOrInitialMap(fn.Value(), m.Value())
	}
	return m, true
}

// callSpread calls (or constructs, with the callee as new.target) with the
// last argument spread: the arguments are copied above sp with the spread
// expanded, then the call proceeds as usual.
func (in *Interp) callSpread(calleeIdx, recvIdx, argsIdx, argc int, construct bool) callStatus {
	base := in.sp
	// Window: callee, receiver, arguments…
	in.stack[base] = in.stack[calleeIdx]
	in.stack[base+1] = in.undefined
	if recvIdx >= 0 {
		in.stack[base+1] = in.stack[recvIdx]
	}
	copy(in.stack[base+2:], in.stack[argsIdx:argsIdx+argc-1])
	in.sp = base + 2 + argc - 1
	spread := in.stack[argsIdx+argc-1]
	n, ok := in.spreadOntoStack(spread)
	if !ok {
		in.sp = base
		return callThrew
	}
	total := argc - 1 + n
	var st callStatus
	if construct {
		st = in.callAt(base, -1, base+2, total, base, frameConstruct)
	} else {
		st = in.callAt(base, base+1, base+2, total, -1, 0)
	}
	if st != callPushed {
		in.sp = base
	}
	// Otherwise the window stays below the callee's frame until it
	// returns, when sp goes back to the caller frame's end.
	return st
}

// spreadOntoStack pushes every value of an iterable at sp and returns how
// many.
func (in *Interp) spreadOntoStack(iterable layout.Value) (int, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	arr, ok := in.iterableToArray(iterable)
	if !ok {
		return 0, false
	}
	a := arr.Value()
	n := int(in.f.ArrayLength(a))
	if in.sp+n > in.limit {
		in.throwErrorValue(RangeError, "Maximum call stack size exceeded")
		return 0, false
	}
	for i := 0; i < n; i++ {
		v, found := in.f.GetElement(a, uint32(i))
		if !found {
			v = in.undefined
		}
		in.stack[in.sp] = v
		in.sp++
	}
	return n, true
}

// Call calls fn with receiver recv and arguments args from Go (a builtin's
// callback, a getter, the embedder): the values are copied to the stack
// at once, then a nested run of the dispatch loop executes the call. The
// result is valid until the next allocation.
func (in *Interp) Call(fn, recv layout.Value, args ...layout.Value) (layout.Value, bool) {
	return in.invoke(fn, recv, args, false, in.undefined)
}

// Construct applies [[Construct]] to fn with args and new.target newTarget
// (fn itself when undefined).
func (in *Interp) Construct(fn layout.Value, args []layout.Value, newTarget layout.Value) (layout.Value, bool) {
	if newTarget == in.undefined {
		newTarget = fn
	}
	return in.invoke(fn, in.undefined, args, true, newTarget)
}

func (in *Interp) invoke(fn, recv layout.Value, args []layout.Value, construct bool, newTarget layout.Value) (layout.Value, bool) {
	if in.nativeDepth >= maxNativeDepth {
		return in.ThrowError(RangeError, "Maximum call stack size exceeded")
	}
	base := in.sp
	if base+3+len(args) > in.limit {
		return in.ThrowError(RangeError, "Maximum call stack size exceeded")
	}
	in.stack[base] = fn
	in.stack[base+1] = recv
	in.stack[base+2] = newTarget
	copy(in.stack[base+3:], args)
	in.sp = base + 3 + len(args)
	if in.paranoid {
		for i := base; i < in.sp; i++ {
			if !in.validValue(in.stack[i]) {
				panic(fmt.Sprintf("paranoid: invoke slot %d of %d = %#x invalid", i-base, in.sp-base, uint32(in.stack[i])))
			}
		}
	}
	in.nativeDepth++
	defer func() { in.nativeDepth-- }()
	var st callStatus
	if construct {
		st = in.callAt(base, -1, base+3, len(args), base+2, frameConstruct|frameEntry)
	} else {
		st = in.callAt(base, base+1, base+3, len(args), -1, frameEntry)
	}
	var v layout.Value
	ok := true
	switch st {
	case callPushed:
		v, ok = in.run()
	case callDone:
		v = in.acc
		in.acc = in.undefined
	default:
		ok = false
	}
	in.sp = base
	if !ok {
		return 0, false
	}
	return v, true
}

// RunFunction calls the top-level closure of a compiled script with the
// global object as receiver.
func (in *Interp) RunFunction(fn heap.Handle) (layout.Value, bool) {
	return in.Call(fn.Value(), in.intrinsics[GlobalObject])
}

// Poll is the safepoint of natives' long loops (a huge array-like length,
// a long string operation): it handles a pending interrupt and reports
// false when the script must terminate, the termination then pending. It
// never collects garbage, so raw values the caller holds stay valid
// unless a posted task allocates.
func (in *Interp) Poll() bool {
	if in.interrupt.Load() != 0 && in.handleInterrupts != nil && in.handleInterrupts() {
		in.terminating = true
		in.hasException = true
		in.exception = in.undefined
		return false
	}
	return true
}

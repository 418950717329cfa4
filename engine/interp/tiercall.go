package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Calls in optimized code (h-call). A call site quickened to
// CallPropertyMono / CallUndefinedReceiverMono learns its callee at its
// first optimized run (the call's feedback slot, which only optimized code
// uses). Later runs that meet the same callee push its frame with
// pushFrameAt (pushFrame's core, without callAt's checks and pushFrame's
// receiver and new.target decoding); another callee makes the site megamorphic
// (any callee from then on, through callFunction): calls never
// deoptimize, as nothing after a call depends on its callee.
//
// A site may also learn the realm's %Function.prototype.apply% or call:
// then `f.apply(thisArg, arguments)`, with f a compiled ordinary function
// and arguments an arguments object whose own length and elements are
// plain, or `f.call(thisArg, …)` (callDirect), pushes f's frame directly
// with the elements (the arguments after thisArg) as its arguments, below
// it the builtin's frame as callNative makes it
// (stack traces, the profilers and the debugger see the same stack as
// before) but without running the builtin: no Go slice, no nested run of
// the loop. f's frame is marked frameApplied and its Return pops both.
// Anything else takes the generic call, which gives every error exactly as
// before.

// frameApplied marks the frame of a function called directly by
// callDirect: the frame below it is the builtin's (apply or call), popped
// with it at Return.
const frameApplied = frameDerived << 1

// callMono is the call of a call site in optimized code (slot: the call's
// feedback slot). The first run records the callee if it is a function;
// later runs with that callee call it through callFunction (a compiled
// ordinary callee's frame pushed without callAt's checks); another callee makes the site
// megamorphic (the slot holds a Smi): any callee, never a deopt. A sloppy
// callee with a primitive receiver takes the generic path (it must be
// boxed). It allocates only on the generic path (and tier-up
// after the push, as pushFrame).
func (in *Interp) callMono(fp, calleeIdx, recvIdx, argsIdx, argc, slot int) callStatus {
	h := in.h
	stack := in.stack
	fn := stack[calleeIdx]
	fvA := stack[fp+bytecode.FrameFeedbackVector].Addr()
	off := feedbackOffset(slot)
	target := h.Field(fvA, off)
	if target.IsSmi() {
		// Megamorphic: any callee, no deopt. (Tested first: the callee
		// may be a Smi equal to the marker.)
		if !in.isFunction(fn) {
			return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
		}
		return in.callFunction(fn, calleeIdx, recvIdx, argsIdx, argc)
	}
	if fn != target || target == in.undefined {
		if target != in.undefined {
			// Another callee (or another closure of the same function):
			// the site is megamorphic from now on. No deopt: nothing after
			// the call depends on which function it called.
			h.SetField(fvA, off, layout.Smi(megamorphicMarker))
			if !in.isFunction(fn) {
				return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
			}
			return in.callFunction(fn, calleeIdx, recvIdx, argsIdx, argc)
		}
		if in.isFunction(fn) {
			// Any function (callFunction serves every kind): a builtin
			// callee learned too keeps its site off this path.
			h.SetField(fvA, off, fn)
		}
		return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
	}
	return in.callFunction(fn, calleeIdx, recvIdx, argsIdx, argc)
}

// callFunction calls the function fn (at calleeIdx) from optimized code:
// a compiled ordinary callee's frame is pushed with pushFrameAt, apply and
// call run their target directly when they can (callDirect), anything
// else takes the generic call.
func (in *Interp) callFunction(fn layout.Value, calleeIdx, recvIdx, argsIdx, argc int) callStatus {
	h, f := in.h, in.f
	sfi := f.FunctionShared(fn)
	data := h.Field(sfi.Addr(), layout.SharedFunctionDataOffset)
	if data.IsSmi() {
		if fn == in.intrinsics[FunctionApplyFunction] || fn == in.intrinsics[FunctionCallFunction] {
			return in.callDirect(calleeIdx, recvIdx, argsIdx, argc)
		}
		return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
	}
	fv := f.FunctionFeedbackVector(fn)
	sflags := f.SharedFlags(sfi)
	if data == in.undefined || fv == in.undefined || sflags&objects.SharedIsClassConstructor != 0 {
		// Recompiling (coverage), not called yet, or a class: callAt.
		return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
	}
	recv := in.undefined
	if recvIdx >= 0 {
		recv = in.stack[recvIdx]
	}
	if sflags&(objects.SharedIsStrict|objects.SharedIsArrow) == 0 {
		if recv == in.undefined || recv == in.null {
			recv = in.intrinsics[GlobalObject]
		} else if recv.IsSmi() || !in.IsObject(recv) {
			return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
		}
	}
	return in.pushFrameAt(in.sp, fn, fv, data, recv, in.undefined, argsIdx, argc, 0)
}

// callDirect is a call of Function.prototype.apply or .call (at
// calleeIdx) from a site that learned it: `f.apply(thisArg, args)` or
// `f.call(thisArg, …)` with f at recvIdx and the builtin's arguments at
// argsIdx. When f is a compiled ordinary function (and, for apply, args an
// arguments object whose length and elements [0, length) are own plain
// data: no hole, as a mapped index, a deleted one or one with attributes
// is), f's frame is pushed directly above a frame of the builtin like
// callNative's. Otherwise, or when anything is unusual, the generic call.
func (in *Interp) callDirect(calleeIdx, recvIdx, argsIdx, argc int) callStatus {
	h, f := in.h, in.f
	stack := in.stack
	if recvIdx < 0 {
		return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
	}
	apply := stack[calleeIdx] == in.intrinsics[FunctionApplyFunction]
	fn := stack[recvIdx]
	if apply && argc != 2 || !in.isFunction(fn) {
		return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
	}
	sfi := f.FunctionShared(fn)
	data := h.Field(sfi.Addr(), layout.SharedFunctionDataOffset)
	fv := f.FunctionFeedbackVector(fn)
	sflags := f.SharedFlags(sfi)
	if !data.IsHeapObject() || data == in.undefined || fv == in.undefined ||
		sflags&(objects.SharedIsClassConstructor|objects.SharedIsGenerator|objects.SharedIsAsync) != 0 {
		return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
	}
	n := max(argc-1, 0) // f's argument count
	if apply {
		var ok bool
		if n, ok = in.plainArguments(stack[argsIdx+1]); !ok {
			return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
		}
	}
	recv := in.undefined
	if argc > 0 {
		recv = stack[argsIdx]
	}
	if sflags&(objects.SharedIsStrict|objects.SharedIsArrow) == 0 {
		if recv == in.undefined || recv == in.null {
			recv = in.intrinsics[GlobalObject]
		} else if recv.IsSmi() || !in.IsObject(recv) {
			return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
		}
	}
	// The builtin's frame (callNative's layout: its arguments copied),
	// then f's arguments: for call the builtin's after the first, for
	// apply the elements copied above it.
	nfp := in.sp
	nend := nfp + bytecode.FrameHeaderSize + argc
	args := nfp + bytecode.FrameHeaderSize + 1
	if apply {
		args = nend
		nend += n
	}
	if nend > in.limit {
		return in.callAt(calleeIdx, recvIdx, argsIdx, argc, -1, 0)
	}
	nf := stack[nfp:nend]
	nf[bytecode.FrameClosure] = stack[calleeIdx]
	nf[bytecode.FrameContext] = in.undefined
	nf[bytecode.FrameBytecode] = in.undefined
	nf[bytecode.FrameFeedbackVector] = in.undefined
	nf[bytecode.FrameNewTarget] = in.undefined
	nf[bytecode.FrameReceiver] = fn
	copy(nf[bytecode.FrameHeaderSize:], stack[argsIdx:argsIdx+argc])
	if apply {
		el := f.JSObjectElements(stack[argsIdx+1]).Addr()
		for i := 0; i < n; i++ {
			stack[args+i] = h.Field(el, layout.FixedArrayHeaderSize+uint32(i)*layout.TaggedSize)
		}
	}
	in.sp = nend
	in.tier.direct++
	in.frames = append(in.frames, frame{fp: int32(nfp), argc: int32(argc), end: int32(nend), flags: frameNative})
	// On a throw (stack overflow, termination) the builtin's frame stays:
	// the exception unwinds through it as through the builtin's.
	return in.pushFrameAt(in.sp, fn, fv, data, recv, in.undefined, args, n, frameApplied)
}

// plainArguments reports whether obj is an arguments object (of a map
// createArguments made: noteArgumentsMap) whose length is a Smi and whose
// elements below it are all present, and returns the length. No
// allocation.
func (in *Interp) plainArguments(obj layout.Value) (int, bool) {
	h := in.h
	if !obj.IsHeapObject() {
		return 0, false
	}
	m := h.Field(obj.Addr(), layout.MapOffset)
	var hd layout.Value
	switch m {
	case in.intrinsics[ArgumentsMap]:
		hd = in.intrinsics[ArgumentsLengthHandler]
	case in.intrinsics[StrictArgumentsMap]:
		hd = in.intrinsics[StrictArgumentsLengthHandler]
	default:
		return 0, false
	}
	lv := loadField(h, obj, hd.SmiValue())
	if !lv.IsSmi() {
		return 0, false
	}
	n := lv.SmiValue()
	el := h.Field(obj.Addr(), layout.JSObjectElementsOffset).Addr()
	if n < 0 || n > h.Field(el, layout.FixedArrayLengthOffset).SmiValue() {
		return 0, false
	}
	for i := 0; i < n; i++ {
		if h.Field(el, layout.FixedArrayHeaderSize+uint32(i)*layout.TaggedSize) == in.hole {
			return 0, false
		}
	}
	return n, true
}

// noteArgumentsMap records the map of obj, an arguments object
// createArguments just made (strict: its callee is the throwing accessor),
// and where its length lives, for plainArguments. The map is reached by the
// same transitions from the plain object map each time, so it is shared
// by the arguments objects of a kind until one gains or reconfigures a
// property (which gives it another map).
func (in *Interp) noteArgumentsMap(obj layout.Value, strict bool) {
	f := in.f
	mi, hi := ArgumentsMap, ArgumentsLengthHandler
	if strict {
		mi, hi = StrictArgumentsMap, StrictArgumentsLengthHandler
	}
	m := f.MapOf(obj)
	if in.intrinsics[mi] == m {
		return
	}
	in.intrinsics[mi] = in.undefined
	if f.IsDictionaryMap(m) {
		return
	}
	fi, det, ok := f.LookupField(m, in.names[NameLength])
	if !ok || det.Kind() != objects.KindData {
		return
	}
	in.intrinsics[mi], in.intrinsics[hi] = m, smiHandler(fi, handlerField)
}

// DirectCalls returns how many calls through Function.prototype.apply or
// call optimized code made without running the builtin: for tests.
func (in *Interp) DirectCalls() int { return in.tier.direct }

// sloppySimple reports whether the function of sfi is sloppy with simple
// parameters: its arguments object's callee is the function (a data
// property). Optimization time only (it reads the syntax tree).
func (in *Interp) sloppySimple(sfi layout.Value) bool {
	if in.f.SharedFlags(sfi)&objects.SharedIsStrict != 0 {
		return false
	}
	return in.hasSimpleParameters(sfi)
}

// createArgumentsSloppy is CreateArguments in the optimized code of a
// sloppy function with simple parameters: the object createArguments
// would make (same map, fields, elements and elements capacity), made
// directly from the map createArguments recorded (noteArgumentsMap) when
// that map has the four own properties it gives (length, @@iterator,
// callee, the private marker) in the object, else by createArguments.
func (in *Interp) createArgumentsSloppy(fp int) layout.Value {
	h, f := in.h, in.f
	fi := len(in.frames) - 1
	for fi > 0 && int(in.frames[fi].fp) != fp {
		fi--
	}
	argc := int(in.frames[fi].argc)
	m := in.intrinsics[ArgumentsMap]
	if m == in.undefined || argc > 256 || f.NumberOfOwnDescriptors(m) != 4 {
		return in.createArguments(fp, false)
	}
	var fields [4]objects.FieldIndex
	for i, k := range [4]layout.Value{in.names[NameLength], in.intrinsics[SymbolIterator], in.names[NameCallee], in.intrinsics[PrivateArguments]} {
		fx, det, ok := f.LookupField(m, k)
		if !ok || det.Kind() != objects.KindData || !fx.IsInObject() {
			return in.createArguments(fp, false)
		}
		fields[i] = fx
	}
	// The capacity SetElement's growth gives for indices 0…argc-1.
	capacity := 0
	for i := 0; i < argc; i++ {
		if i >= capacity {
			capacity = int(objects.NewElementsCapacity(uint32(i + 1)))
		}
	}
	scope := h.OpenScope()
	defer scope.Close()
	mh := h.NewHandle(m)
	el := h.NewHandle(f.Roots.EmptyFixedArray)
	if capacity > 0 {
		el = f.NewFixedArrayWithMap(f.Roots.FixedArrayMap, capacity, heap.NewSpace, f.Roots.TheHole)
	}
	obj := f.NewJSObject(mh)
	// No allocation from here.
	ba := in.stack[fp+bytecode.FrameBytecode]
	params := f.BytecodeParameterSize(ba) - 1
	regs := f.BytecodeRegisterCount(ba)
	ea := el.Value().Addr()
	for i := 0; i < argc; i++ {
		j := fp + bytecode.FrameHeaderSize + i // a parameter
		if i >= params {
			j += regs // an argument beyond them, after the registers
		}
		v := in.stack[j]
		h.SetField(ea, layout.FixedArrayHeaderSize+uint32(i)*layout.TaggedSize, v)
	}
	o := obj.Value()
	h.SetField(o.Addr(), layout.JSObjectElementsOffset, el.Value())
	f.FastPropertyAtPut(o, fields[0], layout.Smi(argc))
	f.FastPropertyAtPut(o, fields[1], in.intrinsics[ArrayValuesFunction])
	f.FastPropertyAtPut(o, fields[2], in.stack[fp+bytecode.FrameClosure])
	f.FastPropertyAtPut(o, fields[3], in.trueV)
	in.tier.fastArguments++
	return o
}

// FastArguments returns how many arguments objects optimized code made
// directly from the recorded map: for tests.
func (in *Interp) FastArguments() int { return in.tier.fastArguments }

// constructFast is `new F(…)` (Construct, new.target F) in optimized code:
// when F is a compiled base constructor whose initial map exists, the
// receiver is made from that map (what createThis does then) and F's frame
// pushed with pushFrameAt; anything else (a builtin, a derived class, no
// initial map yet, a bound function or proxy, not a constructor) takes
// callAt, which throws what it throws. It allocates (the receiver).
func (in *Interp) constructFast(calleeIdx, argsIdx, argc int) callStatus {
	h, f := in.h, in.f
	fn := in.stack[calleeIdx]
	if !in.isFunction(fn) {
		return in.callAt(calleeIdx, -1, argsIdx, argc, calleeIdx, frameConstruct)
	}
	sfi := f.FunctionShared(fn)
	data := h.Field(sfi.Addr(), layout.SharedFunctionDataOffset)
	m := f.FunctionPrototypeOrInitialMap(fn)
	if !data.IsHeapObject() || data == in.undefined || f.FunctionFeedbackVector(fn) == in.undefined ||
		f.SharedFlags(sfi)&(sharedNotConstructor|sharedDerived) != 0 ||
		!m.IsHeapObject() || h.Field(m.Addr(), layout.MapOffset) != f.Roots.MetaMap {
		return in.callAt(calleeIdx, -1, argsIdx, argc, calleeIdx, frameConstruct)
	}
	scope := h.OpenScope()
	obj := f.NewJSObject(h.NewHandle(m)).Value()
	scope.Close()
	// The allocation may have moved fn and its code: read them again.
	fn = in.stack[calleeIdx]
	sfi = f.FunctionShared(fn)
	return in.pushFrameAt(in.sp, fn, f.FunctionFeedbackVector(fn), h.Field(sfi.Addr(), layout.SharedFunctionDataOffset), obj, fn, argsIdx, argc, frameConstruct)
}

package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Async functions and async generators run on the generator machinery: the
// function's frame is saved in a generator object at each suspension and
// copied back onto the stack to resume (generator.go).
//
// An async function runs its first segment in its caller's frame, as any
// call does; its body is wrapped (by the compiler) in a handler that
// rejects the function's promise, and its returns resolve it
// (RtAsyncFunctionResolve / RtAsyncFunctionReject). `await v` resolves v to
// a promise (PromiseResolve: a native promise is used as it is, so an await
// of a promise takes one tick as in V8), registers the await reactions on it
// (handlers awaitFulfilled and awaitRejected, target the generator) and
// suspends: the first suspension returns the function's promise to its
// caller. A reaction job resumes the frame in a nested dispatch loop
// (asyncResume).
//
// An async generator suspends at its start like a generator; next, return
// and throw queue a request (a FixedArray: mode, value, promise) and resume
// it when it is suspended. After each resumption asyncGeneratorStep looks at
// how the frame stopped: at an await (nothing to do until the reaction
// resumes it), at a yield (the front request is fulfilled with {value,
// done: false}, and the next request, if any, resumes it at once), or by
// returning or throwing (the generator completes and the queue drains).

const (
	reqMode = iota
	reqValue
	reqPromise
	reqSlots
)

// genAwaitingReturn is the async generator state while a return request
// awaits its value.
const genAwaitingReturn = 4

// await implements RtAwait.
func (in *Interp) await(gen, value heap.Handle) (layout.Value, bool) {
	f := in.f
	if _, ok := in.generatorState(gen.Value()); !ok {
		return in.ThrowError(TypeError, "await outside an async function")
	}
	p, ok := in.PromiseResolve(in.intrinsics[PromiseFunction], value.Value())
	if !ok {
		return 0, false
	}
	ph := in.h.NewHandle(p)
	u := in.h.NewHandle(in.undefined)
	in.addReaction(ph, gen, u, u, in.h.NewHandle(layout.Smi(awaitFulfilled)), in.h.NewHandle(layout.Smi(awaitRejected)))
	st, _ := in.generatorState(gen.Value())
	f.Set(st, genAwaiting, layout.Smi(1))
	if f.Get(st, genKind) == layout.Smi(genKindAsyncFunction) {
		return f.Get(st, genPromise), true
	}
	return in.undefined, true
}

// asyncFunctionSettle implements RtAsyncFunctionResolve and
// RtAsyncFunctionReject.
func (in *Interp) asyncFunctionSettle(gen heap.Handle, v layout.Value, reject bool) (layout.Value, bool) {
	st, ok := in.generatorState(gen.Value())
	if !ok {
		return in.undefined, true
	}
	p := in.h.NewHandle(in.f.Get(st, genPromise))
	if reject {
		in.RejectPromise(p.Value(), v)
	} else if !in.ResolvePromise(p.Value(), v) {
		return 0, false
	}
	return p.Value(), true
}

// asyncResume resumes an async function or generator suspended at an
// await with the awaited value (mode ResumeNext) or reason (ResumeThrow).
// It returns false only when execution terminates or an internal error is
// pending.
func (in *Interp) asyncResume(gen layout.Value, mode int, value layout.Value) bool {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	gh := h.NewHandle(gen)
	st, ok := in.generatorState(gen)
	if !ok {
		return true
	}
	f.Set(st, genAwaiting, layout.Smi(0))
	if f.Get(st, genKind) == layout.Smi(genKindAsyncFunction) {
		in.resumingAsync = true
		in.awaitResumes = append(in.awaitResumes, awaitResume{frame: len(in.frames), v: gh, gen: true})
		_, _, ok := in.ResumeGenerator(gh.Value(), mode, value)
		in.awaitResumes = in.awaitResumes[:len(in.awaitResumes)-1]
		if !ok {
			// Only an engine limit (the native depth) fails before the
			// function's own handler runs: reject its promise with it.
			if in.terminating {
				return false
			}
			e := in.exception
			in.ClearException()
			st, _ := in.generatorState(gh.Value())
			in.RejectPromise(f.Get(st, genPromise), e)
		}
		return true
	}
	return in.asyncGeneratorRun(gh, mode, value)
}

// IsAsyncGenerator reports whether v is an async generator object.
func (in *Interp) IsAsyncGenerator(v layout.Value) bool {
	st, ok := in.generatorState(v)
	return ok && in.f.Get(st, genKind) == layout.Smi(genKindAsyncGenerator)
}

// AsyncGeneratorEnqueue is AsyncGenerator.prototype.next, return and throw
// (mode ResumeNext, ResumeReturn, ResumeThrow): it returns the request's
// promise.
func (in *Interp) AsyncGeneratorEnqueue(gen layout.Value, mode int, value layout.Value) (layout.Value, bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	gh, vh := h.NewHandle(gen), h.NewHandle(value)
	p := in.NewPromise()
	if !in.IsAsyncGenerator(gh.Value()) {
		names := [...]string{"next", "return", "throw"}
		e := in.NewError(TypeError, "Method [AsyncGenerator].prototype."+names[mode]+" called on incompatible receiver "+in.displayValue(gh.Value()))
		in.RejectPromise(p.Value(), e)
		return p.Value(), true
	}
	st, _ := in.generatorState(gh.Value())
	state := f.Get(st, genState).SmiValue()
	if f.Get(st, genAwaiting) == layout.Smi(1) {
		state = genExecuting // suspended at an await: still running
	}
	if mode == ResumeThrow && state == genSuspendedStart {
		f.Set(st, genState, layout.Smi(genCompleted))
		f.Set(st, genFrame, in.undefined)
		state = genCompleted
	}
	if state == genCompleted && mode != ResumeReturn {
		if mode == ResumeThrow {
			in.RejectPromise(p.Value(), vh.Value())
		} else {
			r := in.iterResult(in.undefined, true)
			in.FulfillPromise(p.Value(), r)
		}
		return p.Value(), true
	}
	req := f.NewFixedArray(reqSlots, heap.NewSpace)
	f.Set(req.Value(), reqMode, layout.Smi(mode))
	f.Set(req.Value(), reqValue, vh.Value())
	f.Set(req.Value(), reqPromise, p.Value())
	st, _ = in.generatorState(gh.Value())
	f.ArrayPush(h.NewHandle(f.Get(st, genPromise)), req)
	switch {
	case state == genSuspendedYield || state == genSuspendedStart && mode == ResumeNext:
		if !in.asyncGeneratorRun(gh, mode, vh.Value()) {
			return 0, false
		}
	case mode == ResumeReturn && (state == genSuspendedStart || state == genCompleted):
		st, _ = in.generatorState(gh.Value())
		f.Set(st, genState, layout.Smi(genAwaitingReturn))
		f.Set(st, genFrame, in.undefined)
		if !in.asyncGeneratorAwaitReturn(gh) {
			return 0, false
		}
	}
	return p.Value(), true
}

// iterResult makes {value, done}.
func (in *Interp) iterResult(v layout.Value, done bool) layout.Value {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	vh := h.NewHandle(v)
	r := in.NewObject(in.intrinsics[ObjectPrototype])
	in.DefineOwn(r.Value(), NameKey(in.names[NameValue]), vh.Value(), objects.AttrNone)
	in.DefineOwn(r.Value(), NameKey(in.names[NameDone]), in.Bool(done), objects.AttrNone)
	return r.Value()
}

// queueFront returns the front request of an async generator, or false.
func (in *Interp) queueFront(gen layout.Value) (layout.Value, bool) {
	f := in.f
	st, _ := in.generatorState(gen)
	q := f.Get(st, genPromise)
	head := f.Get(st, genQueueHead).SmiValue()
	if uint32(head) >= f.ArrayLength(q) {
		return 0, false
	}
	req, _ := f.GetElement(q, uint32(head))
	return req, true
}

// completeStep settles the front request's promise: rejected with v
// (throw), or fulfilled with {value: v, done}.
func (in *Interp) completeStep(gen heap.Handle, v layout.Value, throw, done bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	vh := h.NewHandle(v)
	req, ok := in.queueFront(gen.Value())
	if !ok {
		return
	}
	p := h.NewHandle(f.Get(req, reqPromise))
	st, _ := in.generatorState(gen.Value())
	head := f.Get(st, genQueueHead).SmiValue() + 1
	if uint32(head) >= f.ArrayLength(f.Get(st, genPromise)) {
		// Empty: start the array over.
		empty := f.NewJSArray(1)
		st, _ = in.generatorState(gen.Value())
		f.Set(st, genPromise, empty.Value())
		head = 0
	}
	f.Set(st, genQueueHead, layout.Smi(head))
	if throw {
		in.RejectPromise(p.Value(), vh.Value())
		return
	}
	r := in.iterResult(vh.Value(), done)
	in.FulfillPromise(p.Value(), r)
}

// asyncGeneratorRun resumes the generator's frame with (mode, value) and
// handles how it stops, resuming it again for queued requests after a
// yield.
func (in *Interp) asyncGeneratorRun(gen heap.Handle, mode int, value layout.Value) bool {
	f := in.f
	for {
		st, _ := in.generatorState(gen.Value())
		f.Set(st, genAwaiting, layout.Smi(0))
		in.resumingAsync = true
		v, done, ok := in.ResumeGenerator(gen.Value(), mode, value)
		st, _ = in.generatorState(gen.Value())
		if !ok {
			if in.terminating {
				return false
			}
			e := in.exception
			in.ClearException()
			f.Set(st, genState, layout.Smi(genCompleted))
			in.completeStep(gen, e, true, true)
			return in.asyncGeneratorDrain(gen)
		}
		if done {
			f.Set(st, genState, layout.Smi(genCompleted))
			in.completeStep(gen, v, false, true)
			return in.asyncGeneratorDrain(gen)
		}
		if f.Get(st, genAwaiting) == layout.Smi(1) {
			return true
		}
		// A yield.
		in.completeStep(gen, v, false, false)
		req, ok := in.queueFront(gen.Value())
		if !ok {
			return true
		}
		mode, value = f.Get(req, reqMode).SmiValue(), f.Get(req, reqValue)
	}
}

// asyncGeneratorDrain settles the requests queued on a completed
// generator.
func (in *Interp) asyncGeneratorDrain(gen heap.Handle) bool {
	f := in.f
	for {
		req, ok := in.queueFront(gen.Value())
		if !ok {
			return true
		}
		mode, value := f.Get(req, reqMode).SmiValue(), f.Get(req, reqValue)
		switch mode {
		case ResumeReturn:
			st, _ := in.generatorState(gen.Value())
			f.Set(st, genState, layout.Smi(genAwaitingReturn))
			return in.asyncGeneratorAwaitReturn(gen)
		case ResumeThrow:
			in.completeStep(gen, value, true, true)
		default:
			in.completeStep(gen, in.undefined, false, true)
		}
	}
}

// asyncGeneratorAwaitReturn awaits the value of the front (return)
// request, then completes it and drains the queue.
func (in *Interp) asyncGeneratorAwaitReturn(gen heap.Handle) bool {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	req, ok := in.queueFront(gen.Value())
	if !ok {
		return true
	}
	p, ok := in.PromiseResolve(in.intrinsics[PromiseFunction], f.Get(req, reqValue))
	if !ok {
		if in.terminating {
			return false
		}
		e := in.exception
		in.ClearException()
		st, _ := in.generatorState(gen.Value())
		f.Set(st, genState, layout.Smi(genCompleted))
		in.completeStep(gen, e, true, true)
		return in.asyncGeneratorDrain(gen)
	}
	g := h.NewGlobal(gen.Value())
	settle := func(throw bool) GoReaction {
		return func(in *Interp, v layout.Value) (layout.Value, bool) {
			gv, _ := g.Value()
			g.Release()
			scope := in.h.OpenScope()
			defer scope.Close()
			gh := in.h.NewHandle(gv)
			st, _ := in.generatorState(gv)
			in.f.Set(st, genState, layout.Smi(genCompleted))
			in.completeStep(gh, v, throw, true)
			if !in.asyncGeneratorDrain(gh) {
				return 0, false
			}
			return in.undefined, true
		}
	}
	in.PerformPromiseThenGo(p, settle(false), settle(true))
	return true
}

// FunctionKind reports whether fn is a generator function and whether it
// is async (for util.inspect's "[AsyncFunction: f]").
func (in *Interp) FunctionKind(fn layout.Value) (generator, async bool) {
	if !in.IsCallable(fn) || in.typeOf(fn) != layout.JSFunctionType {
		return false, false
	}
	flags := in.f.SharedFlags(in.f.FunctionShared(fn))
	return flags&objects.SharedIsGenerator != 0, flags&objects.SharedIsAsync != 0
}

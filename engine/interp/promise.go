package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Promises. A promise is an ordinary object whose private state slot holds
// a FixedArray:
//
//	0 state (PromisePending, PromiseFulfilled, PromiseRejected)
//	1 the result (value or reason), undefined while pending
//	2 the reactions registered while pending: a JSArray of reaction
//	  records, or undefined
//	3 is-handled (a Smi 0 or 1: whether a reaction was ever registered)
//
// A reaction record is a FixedArray (see rc*): the capability it settles
// (a promise and, for a promise made by a foreign constructor, its resolve
// and reject functions; or the async function or generator an await
// resumes) and the two handlers. A handler is a callable, undefined (pass
// the value or reason through), a Smi >= 0 (a Go reaction's id, see
// PerformPromiseThenGo) or one of the negative Smis awaitFulfilled and
// awaitRejected (resume the awaiting generator in the target slot).

// The states of a promise.
const (
	PromisePending = iota
	PromiseFulfilled
	PromiseRejected
)

const (
	prState = iota
	prResult
	prReactions
	prHandled
	prSlots
)

const (
	rcTarget = iota
	rcResolve
	rcReject
	rcOnFulfilled
	rcOnRejected
	rcSlots
)

// Special handlers of await reactions.
const (
	awaitFulfilled = -1
	awaitRejected  = -2
)

// GoReaction is a promise reaction written in Go (PerformPromiseThenGo):
// it gets the value or reason and returns the value that settles the
// derived promise, or false with an exception pending (which rejects it).
type GoReaction func(in *Interp, v layout.Value) (layout.Value, bool)

// PromiseRejectionEvent is what the host's rejection tracker is told
// (HostPromiseRejectionTracker's operations).
type PromiseRejectionEvent int

const (
	// RejectWithNoHandler: a promise was rejected while nothing handles it.
	RejectWithNoHandler PromiseRejectionEvent = iota
	// HandlerAddedAfterReject: a handler was added to a rejected promise
	// that had none.
	HandlerAddedAfterReject
)

// setUpPromiseShared makes the SharedFunctionInfos of the functions
// promises create per instance (resolving functions, capability
// executors), so that creating one allocates only the function object.
func (in *Interp) setUpPromiseShared() {
	mk := func(id Intrinsic, length int, fn Native) {
		s := in.h.OpenScope()
		sfi := in.f.NewSharedFunctionInfo(in.f.InternalizeGo(""), heap.Handle{}, 0, 0, -1, length)
		in.f.SetSharedBytecode(sfi.Value(), layout.Smi(in.RegisterNative(fn)))
		in.f.SetSharedFlags(sfi.Value(), objects.SharedIsStrict|sharedNotConstructor)
		in.intrinsics[id] = sfi.Value()
		s.Close()
	}
	mk(PromiseResolveShared, 1, func(in *Interp, a Args) (layout.Value, bool) { return in.resolvingFunction(a, false) })
	mk(PromiseRejectShared, 1, func(in *Interp, a Args) (layout.Value, bool) { return in.resolvingFunction(a, true) })
	mk(PromiseCapabilityExecutorShared, 2, capabilityExecutor)
	mk(AsyncFromSyncUnwrapShared, 1, asyncFromSyncUnwrap)
	mk(AsyncFromSyncCloseShared, 1, asyncFromSyncClose)
}

// newDataFunction creates a function of the shared info in intrinsic id
// carrying data (read back with functionData).
func (in *Interp) newDataFunction(id Intrinsic, data heap.Handle) heap.Handle {
	h, f := in.h, in.f
	scope := h.OpenScope()
	fn := f.NewJSFunction(h.NewHandle(in.intrinsics[id]), h.NewHandle(in.undefined), h.NewHandle(in.intrinsics[NoFeedbackCell]))
	f.DefineProperty(fn, h.NewHandle(in.intrinsics[PrivateFunctionData]), data, objects.AttrDontEnum)
	return scope.CloseAndEscape(fn.Value())
}

// functionData returns the data of a function made by newDataFunction.
func (in *Interp) functionData(fn layout.Value) layout.Value {
	v, ok := in.f.GetProperty(fn, in.intrinsics[PrivateFunctionData])
	if !ok {
		return in.undefined
	}
	return v
}

// promiseState returns a promise's state array, or false when v is not a
// promise.
func (in *Interp) promiseState(v layout.Value) (layout.Value, bool) {
	if !in.IsObject(v) {
		return 0, false
	}
	return in.f.GetProperty(v, in.intrinsics[PrivatePromiseState])
}

// IsPromise reports whether v is a promise object.
func (in *Interp) IsPromise(v layout.Value) bool {
	_, ok := in.promiseState(v)
	return ok
}

// PromiseInfo returns a promise's state (PromisePending…) and result.
func (in *Interp) PromiseInfo(p layout.Value) (state int, result layout.Value) {
	st, ok := in.promiseState(p)
	if !ok {
		return PromisePending, in.undefined
	}
	return in.f.Get(st, prState).SmiValue(), in.f.Get(st, prResult)
}

// PromiseIsHandled reports whether a handler was ever added to p.
func (in *Interp) PromiseIsHandled(p layout.Value) bool {
	st, ok := in.promiseState(p)
	return ok && in.f.Get(st, prHandled) == layout.Smi(1)
}

// initPromise gives obj the state of a pending promise.
func (in *Interp) initPromise(obj heap.Handle) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	st := f.NewFixedArray(prSlots, heap.NewSpace)
	f.Set(st.Value(), prState, layout.Smi(PromisePending))
	f.Set(st.Value(), prResult, in.undefined)
	f.Set(st.Value(), prReactions, in.undefined)
	f.Set(st.Value(), prHandled, layout.Smi(0))
	f.DefineProperty(obj, h.NewHandle(in.intrinsics[PrivatePromiseState]), st, objects.AttrDontEnum)
}

// NewPromise creates a pending promise of the intrinsic %Promise%.
func (in *Interp) NewPromise() heap.Handle {
	scope := in.h.OpenScope()
	p := in.NewObject(in.intrinsics[PromisePrototype])
	in.initPromise(p)
	return scope.CloseAndEscape(p.Value())
}

// NewPromiseFromConstructor creates a pending promise for `new Promise` with
// newTarget (a subclass gets its own prototype).
func (in *Interp) NewPromiseFromConstructor(newTarget layout.Value) (heap.Handle, bool) {
	scope := in.h.OpenScope()
	p, ok := in.OrdinaryCreateFromConstructor(newTarget, PromisePrototype)
	if !ok {
		scope.Close()
		return heap.Handle{}, false
	}
	in.initPromise(p)
	return scope.CloseAndEscape(p.Value()), true
}

// FulfillPromise fulfills a pending promise with v and schedules its
// reactions.
func (in *Interp) FulfillPromise(p, v layout.Value) { in.settle(p, PromiseFulfilled, v) }

// RejectPromise rejects a pending promise with reason and schedules its
// reactions; with no reaction registered, the host's tracker hears of it.
func (in *Interp) RejectPromise(p, reason layout.Value) {
	handled := in.PromiseIsHandled(p)
	t := in.pushTemp(p)
	in.settle(p, PromiseRejected, reason)
	p = in.temp(t)
	in.popTemps(t)
	if !handled && in.OnPromiseRejection != nil {
		in.OnPromiseRejection(p, RejectWithNoHandler)
	}
}

func (in *Interp) settle(p layout.Value, state int, v layout.Value) {
	h, f := in.h, in.f
	st, ok := in.promiseState(p)
	if !ok || f.Get(st, prState).SmiValue() != PromisePending {
		return
	}
	scope := h.OpenScope()
	defer scope.Close()
	reactions := h.NewHandle(f.Get(st, prReactions))
	vh := h.NewHandle(v)
	f.Set(st, prState, layout.Smi(state))
	f.Set(st, prResult, v)
	f.Set(st, prReactions, in.undefined)
	if reactions.Value() == in.undefined {
		return
	}
	n := f.ArrayLength(reactions.Value())
	for i := uint32(0); i < n; i++ {
		rec, _ := f.GetElement(reactions.Value(), i)
		in.enqueueJob(job{kind: jobReaction, a: rec, b: vh.Value(), c: layout.Smi(state)})
	}
}

// ResolvePromise resolves p with resolution as the promise resolve
// functions do: a thenable is followed (in a later job), anything else
// fulfills p; a failing `then` getter rejects it. It returns false only
// when execution is terminating.
func (in *Interp) ResolvePromise(p, resolution layout.Value) bool {
	h := in.h
	if p == resolution {
		scope := h.OpenScope()
		ph := h.NewHandle(p)
		e := in.NewError(TypeError, "Chaining cycle detected for promise #<Promise>")
		in.RejectPromise(ph.Value(), e)
		scope.Close()
		return true
	}
	if !in.IsObject(resolution) {
		in.FulfillPromise(p, resolution)
		return true
	}
	scope := h.OpenScope()
	defer scope.Close()
	ph, rh := h.NewHandle(p), h.NewHandle(resolution)
	then, ok := in.GetName(resolution, NameThen)
	if !ok {
		if in.terminating {
			return false
		}
		e := in.exception
		in.ClearException()
		in.RejectPromise(ph.Value(), e)
		return true
	}
	if !in.IsCallable(then) {
		in.FulfillPromise(ph.Value(), rh.Value())
		return true
	}
	in.enqueueJob(job{kind: jobThenable, a: ph.Value(), b: rh.Value(), c: then})
	return true
}

// CreateResolvingFunctions returns the resolve and reject functions of p,
// which share an already-resolved flag.
func (in *Interp) CreateResolvingFunctions(p layout.Value) (resolve, reject heap.Handle) {
	h, f := in.h, in.f
	ph := h.NewHandle(p)
	rec := f.NewFixedArray(2, heap.NewSpace)
	f.Set(rec.Value(), 0, ph.Value())
	f.Set(rec.Value(), 1, layout.Smi(0))
	return in.newDataFunction(PromiseResolveShared, rec), in.newDataFunction(PromiseRejectShared, rec)
}

// resolvingFunction is the behavior of a promise's resolve (or reject)
// function.
func (in *Interp) resolvingFunction(a Args, reject bool) (layout.Value, bool) {
	f := in.f
	rec := in.functionData(a.Callee())
	if rec == in.undefined || f.Get(rec, 1) == layout.Smi(1) {
		return in.undefined, true
	}
	f.Set(rec, 1, layout.Smi(1))
	p := f.Get(rec, 0)
	if reject {
		in.RejectPromise(p, a.Arg(0))
		return in.undefined, true
	}
	if !in.ResolvePromise(p, a.Arg(0)) {
		return 0, false
	}
	return in.undefined, true
}

// Capability is a PromiseCapability record: a promise and the functions
// that settle it. For a promise of the intrinsic %Promise%, Resolve and
// Reject are undefined and the promise is settled directly.
type Capability struct {
	Promise, Resolve, Reject heap.Handle
}

// NewPromiseCapability is NewPromiseCapability(c): a new promise of the
// constructor c with its resolving functions.
func (in *Interp) NewPromiseCapability(c layout.Value) (Capability, bool) {
	h, f := in.h, in.f
	if c == in.intrinsics[PromiseFunction] {
		p := in.NewPromise()
		u := h.NewHandle(in.undefined)
		return Capability{p, u, u}, true
	}
	if !in.IsConstructor(c) {
		_, ok := in.ThrowError(TypeError, in.displayValue(c)+" is not a constructor")
		return Capability{}, ok
	}
	ch := h.NewHandle(c)
	rec := f.NewFixedArray(2, heap.NewSpace)
	f.Set(rec.Value(), 0, in.undefined)
	f.Set(rec.Value(), 1, in.undefined)
	exec := in.newDataFunction(PromiseCapabilityExecutorShared, rec)
	p, ok := in.Construct(ch.Value(), []layout.Value{exec.Value()}, ch.Value())
	if !ok {
		return Capability{}, false
	}
	ph := h.NewHandle(p)
	res, rej := f.Get(rec.Value(), 0), f.Get(rec.Value(), 1)
	if !in.IsCallable(res) {
		_, ok := in.ThrowError(TypeError, "Promise resolve or reject function is not callable")
		return Capability{}, ok
	}
	if !in.IsCallable(rej) {
		_, ok := in.ThrowError(TypeError, "Promise resolve or reject function is not callable")
		return Capability{}, ok
	}
	return Capability{ph, h.NewHandle(res), h.NewHandle(rej)}, true
}

func capabilityExecutor(in *Interp, a Args) (layout.Value, bool) {
	f := in.f
	rec := in.functionData(a.Callee())
	if f.Get(rec, 0) != in.undefined || f.Get(rec, 1) != in.undefined {
		return in.ThrowError(TypeError, "Promise executor has already been invoked with non-undefined arguments")
	}
	f.Set(rec, 0, a.Arg(0))
	f.Set(rec, 1, a.Arg(1))
	return in.undefined, true
}

// ResolveCapability resolves (or with reject, rejects) the capability's
// promise with v.
func (in *Interp) ResolveCapability(c Capability, v layout.Value, reject bool) bool {
	fn := c.Resolve
	if reject {
		fn = c.Reject
	}
	if fn.Value() == in.undefined {
		if reject {
			in.RejectPromise(c.Promise.Value(), v)
			return true
		}
		return in.ResolvePromise(c.Promise.Value(), v)
	}
	_, ok := in.Call(fn.Value(), in.undefined, v)
	return ok
}

// PerformPromiseThen registers onFulfilled and onRejected (callables or
// undefined) on promise p, settling the capability (which may be nil for
// none) with their results.
func (in *Interp) PerformPromiseThen(p, onFulfilled, onRejected layout.Value, c *Capability) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	ph, fh, rh := h.NewHandle(p), h.NewHandle(onFulfilled), h.NewHandle(onRejected)
	if !in.IsCallable(fh.Value()) {
		fh = h.NewHandle(in.undefined)
	}
	if !in.IsCallable(rh.Value()) {
		rh = h.NewHandle(in.undefined)
	}
	u := h.NewHandle(in.undefined)
	target, res, rej := u, u, u
	if c != nil {
		target, res, rej = c.Promise, c.Resolve, c.Reject
	}
	in.addReaction(ph, target, res, rej, fh, rh)
}

// PerformPromiseThenGo registers Go reactions on promise p (either may be
// nil: the value or reason passes through) and returns the derived
// promise, settled with their results. This is the API Go code (module
// loading, the host) uses to wait for a promise.
func (in *Interp) PerformPromiseThenGo(p layout.Value, onFulfilled, onRejected GoReaction) heap.Handle {
	h := in.h
	scope := h.OpenScope()
	ph := h.NewHandle(p)
	derived := in.NewPromise()
	u := h.NewHandle(in.undefined)
	fh, rh := u, u
	if onFulfilled != nil {
		fh = h.NewHandle(layout.Smi(in.addGoReaction(onFulfilled)))
	}
	if onRejected != nil {
		rh = h.NewHandle(layout.Smi(in.addGoReaction(onRejected)))
	}
	in.addReaction(ph, derived, u, u, fh, rh)
	return scope.CloseAndEscape(derived.Value())
}

func (in *Interp) addGoReaction(fn GoReaction) int {
	if n := len(in.goReactionFree); n > 0 {
		id := in.goReactionFree[n-1]
		in.goReactionFree = in.goReactionFree[:n-1]
		in.goReactions[id] = fn
		return id
	}
	in.goReactions = append(in.goReactions, fn)
	return len(in.goReactions) - 1
}

func (in *Interp) takeGoReaction(v layout.Value) GoReaction {
	if !v.IsSmi() || v.SmiValue() < 0 {
		return nil
	}
	id := v.SmiValue()
	fn := in.goReactions[id]
	if fn != nil {
		in.goReactions[id] = nil
		in.goReactionFree = append(in.goReactionFree, id)
	}
	return fn
}

// addReaction makes a reaction record and registers it on p (or, when p is
// settled, queues its job at once).
func (in *Interp) addReaction(p, target, res, rej, onF, onR heap.Handle) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	rec := in.newReactionRecord(onF)
	f.Set(rec.Value(), rcTarget, target.Value())
	f.Set(rec.Value(), rcResolve, res.Value())
	f.Set(rec.Value(), rcReject, rej.Value())
	f.Set(rec.Value(), rcOnFulfilled, onF.Value())
	f.Set(rec.Value(), rcOnRejected, onR.Value())
	st, _ := in.promiseState(p.Value())
	state := f.Get(st, prState).SmiValue()
	switch state {
	case PromisePending:
		list := f.Get(st, prReactions)
		if list == in.undefined {
			arr := f.NewJSArray(1)
			st, _ = in.promiseState(p.Value())
			f.Set(st, prReactions, arr.Value())
			list = arr.Value()
		}
		f.ArrayPush(h.NewHandle(list), rec)
	case PromiseFulfilled:
		in.enqueueJob(job{kind: jobReaction, a: rec.Value(), b: f.Get(st, prResult), c: layout.Smi(state)})
	case PromiseRejected:
		handled := f.Get(st, prHandled) == layout.Smi(1)
		in.enqueueJob(job{kind: jobReaction, a: rec.Value(), b: f.Get(st, prResult), c: layout.Smi(state)})
		if !handled && in.OnPromiseRejection != nil {
			in.OnPromiseRejection(p.Value(), HandlerAddedAfterReject)
		}
	}
	st, _ = in.promiseState(p.Value())
	f.Set(st, prHandled, layout.Smi(1))
}

// MarkPromiseHandled marks p as handled without adding a reaction (what
// the combinators' internal use of a promise and `await` do not need, but
// hosts may).
func (in *Interp) MarkPromiseHandled(p layout.Value) {
	if st, ok := in.promiseState(p); ok {
		in.f.Set(st, prHandled, layout.Smi(1))
	}
}

// PromiseResolve is PromiseResolve(c, x): x itself when it is a promise
// whose constructor is c, else a new promise of c resolved with x.
func (in *Interp) PromiseResolve(c, x layout.Value) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	ch, xh := h.NewHandle(c), h.NewHandle(x)
	if in.IsPromise(x) {
		ctor, ok := in.GetName(x, NameConstructor)
		if !ok {
			return 0, false
		}
		if ctor == ch.Value() {
			return xh.Value(), true
		}
	}
	cap, ok := in.NewPromiseCapability(ch.Value())
	if !ok {
		return 0, false
	}
	if !in.ResolveCapability(cap, xh.Value(), false) {
		return 0, false
	}
	return cap.Promise.Value(), true
}

// PromiseThen is Promise.prototype.then on a promise p: the derived
// promise is made by p's species constructor.
func (in *Interp) PromiseThen(p, onFulfilled, onRejected layout.Value) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	ph, fh, rh := h.NewHandle(p), h.NewHandle(onFulfilled), h.NewHandle(onRejected)
	if !in.IsPromise(p) {
		return in.ThrowError(TypeError, "Method Promise.prototype.then called on incompatible receiver "+in.displayValue(p))
	}
	c, ok := in.promiseSpecies(ph)
	if !ok {
		return 0, false
	}
	cap, ok := in.NewPromiseCapability(c)
	if !ok {
		return 0, false
	}
	in.PerformPromiseThen(ph.Value(), fh.Value(), rh.Value(), &cap)
	return cap.Promise.Value(), true
}

// promiseSpecies is SpeciesConstructor(p, %Promise%).
func (in *Interp) promiseSpecies(p heap.Handle) (layout.Value, bool) {
	def := in.intrinsics[PromiseFunction]
	c, ok := in.GetName(p.Value(), NameConstructor)
	if !ok {
		return 0, false
	}
	if c == in.undefined {
		return def, true
	}
	if !in.IsObject(c) {
		return in.ThrowError(TypeError, "The .constructor property is not an object")
	}
	sp, ok := in.Get(c, NameKey(in.intrinsics[SymbolSpecies]))
	if !ok {
		return 0, false
	}
	if in.IsNullish(sp) {
		return def, true
	}
	if !in.IsConstructor(sp) {
		return in.ThrowError(TypeError, "object.constructor[Symbol.species] is not a constructor")
	}
	return sp, true
}

// NewNativeShared makes the SharedFunctionInfo of a native whose function
// objects are created per use with data (NewDataFunction): the closures of
// the promise combinators and the like. Keep the result in a global.
func (in *Interp) NewNativeShared(name string, length int, fn Native) heap.Global {
	s := in.h.OpenScope()
	defer s.Close()
	sfi := in.f.NewSharedFunctionInfo(in.f.InternalizeGo(name), heap.Handle{}, 0, 0, -1, length)
	in.f.SetSharedBytecode(sfi.Value(), layout.Smi(in.RegisterNative(fn)))
	in.f.SetSharedFlags(sfi.Value(), objects.SharedIsStrict|sharedNotConstructor)
	return in.h.NewGlobal(sfi.Value())
}

// NewDataFunction creates a function of the shared info sfi (from
// NewNativeShared) carrying data, which the native reads back with
// FunctionData(a.Callee()).
func (in *Interp) NewDataFunction(sfi heap.Global, data layout.Value) heap.Handle {
	h, f := in.h, in.f
	scope := h.OpenScope()
	dh := h.NewHandle(data)
	sv, _ := sfi.Value()
	fn := f.NewJSFunction(h.NewHandle(sv), h.NewHandle(in.undefined), h.NewHandle(in.intrinsics[NoFeedbackCell]))
	f.DefineProperty(fn, h.NewHandle(in.intrinsics[PrivateFunctionData]), dh, objects.AttrDontEnum)
	return scope.CloseAndEscape(fn.Value())
}

// FunctionData returns the data of a function made by NewDataFunction
// (undefined for others).
func (in *Interp) FunctionData(fn layout.Value) layout.Value { return in.functionData(fn) }

// CapabilityFunctions returns callable resolve and reject functions of a
// capability (making resolving functions for a native one).
func (in *Interp) CapabilityFunctions(c Capability) (resolve, reject heap.Handle) {
	if c.Resolve.Value() != in.undefined {
		return c.Resolve, c.Reject
	}
	return in.CreateResolvingFunctions(c.Promise.Value())
}

// PromiseSpeciesConstructor is SpeciesConstructor(p, %Promise%).
func (in *Interp) PromiseSpeciesConstructor(p layout.Value) (layout.Value, bool) {
	return in.promiseSpecies(in.h.NewHandle(p))
}

// IterResult makes the iterator result object {value, done}.
func (in *Interp) IterResult(v layout.Value, done bool) layout.Value { return in.iterResult(v, done) }

// SetInternalData attaches a hidden value to obj (the host's objects, such
// as timers, keep their Go-side ids there); InternalData reads it back.
func (in *Interp) SetInternalData(obj heap.Handle, data layout.Value) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	dh := h.NewHandle(data)
	in.f.DefineProperty(obj, h.NewHandle(in.intrinsics[PrivateFunctionData]), dh, objects.AttrDontEnum)
}

// InternalData returns what SetInternalData attached (undefined if none).
func (in *Interp) InternalData(obj layout.Value) layout.Value {
	if !in.IsObject(obj) {
		return in.undefined
	}
	return in.functionData(obj)
}

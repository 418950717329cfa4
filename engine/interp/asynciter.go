package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Async iteration: GetIterator(v, async) and %AsyncFromSyncIteratorPrototype%,
// which lets for-await and yield* in async generators consume a sync
// iterator, awaiting each value.

// getAsyncIterator is GetIterator(v, async).
func (in *Interp) getAsyncIterator(v layout.Value) (layout.Value, bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	vh := h.NewHandle(v)
	if in.IsNullish(v) {
		return in.ThrowError(TypeError, in.displayValue(v)+" is not async iterable")
	}
	m, ok := in.Get(v, NameKey(in.intrinsics[SymbolAsyncIterator]))
	if !ok {
		return 0, false
	}
	if in.IsNullish(m) {
		it, ok := in.getIterator(vh.Value())
		if !ok {
			return 0, false
		}
		ith := h.NewHandle(it)
		next, ok := in.GetName(it, NameNext)
		if !ok {
			return 0, false
		}
		nh := h.NewHandle(next)
		rec := f.NewFixedArray(2, heap.NewSpace)
		f.Set(rec.Value(), 0, ith.Value())
		f.Set(rec.Value(), 1, nh.Value())
		obj := in.NewObject(in.intrinsics[AsyncFromSyncIteratorPrototype])
		f.DefineProperty(obj, h.NewHandle(in.intrinsics[PrivateFunctionData]), rec, objects.AttrDontEnum)
		return obj.Value(), true
	}
	if !in.IsCallable(m) {
		return in.ThrowError(TypeError, in.calleeTextOrValue(vh.Value())+" is not async iterable")
	}
	it, ok := in.Call(m, vh.Value())
	if !ok {
		return 0, false
	}
	if !in.IsObject(it) {
		return in.ThrowError(TypeError, "Result of the Symbol.asyncIterator method is not an object")
	}
	return it, true
}

// AsyncFromSyncIteratorMethod returns the native of
// %AsyncFromSyncIteratorPrototype%.next, return or throw (by mode).
func AsyncFromSyncIteratorMethod(mode int) Native {
	return func(in *Interp, a Args) (layout.Value, bool) {
		h, f := in.h, in.f
		scope := h.OpenScope()
		defer scope.Close()
		cap := Capability{in.NewPromise(), h.NewHandle(in.undefined), h.NewHandle(in.undefined)}
		rec := in.functionData(a.This())
		if rec == in.undefined {
			e := in.NewError(TypeError, "not an async-from-sync iterator")
			in.RejectPromise(cap.Promise.Value(), e)
			return cap.Promise.Value(), true
		}
		it := h.NewHandle(f.Get(rec, 0))
		var method layout.Value
		switch mode {
		case ResumeNext:
			method = f.Get(rec, 1)
		default:
			name := NameReturn
			var ok bool
			if mode == ResumeThrow {
				name := in.f.InternalizeGo("throw")
				m, ok2 := in.GetNamed(it.Value(), name.Value())
				method, ok = m, ok2
			} else {
				method, ok = in.GetName(it.Value(), name)
			}
			if !ok {
				return in.rejectWithPending(cap)
			}
			if in.IsNullish(method) {
				if mode == ResumeReturn {
					r := in.iterResult(a.Arg(0), true)
					in.FulfillPromise(cap.Promise.Value(), r)
				} else {
					// No throw method: close the iterator and reject.
					if _, ok := in.iteratorClose(it, false); !ok {
						return in.rejectWithPending(cap)
					}
					e := in.NewError(TypeError, "The iterator does not provide a 'throw' method")
					in.RejectPromise(cap.Promise.Value(), e)
				}
				return cap.Promise.Value(), true
			}
		}
		var args []layout.Value
		if a.Len() > 0 {
			args = []layout.Value{a.Arg(0)}
		}
		r, ok := in.Call(method, it.Value(), args...)
		if !ok {
			return in.rejectWithPending(cap)
		}
		if !in.IsObject(r) {
			e := in.NewError(TypeError, "Iterator result "+in.displayValue(r)+" is not an object")
			in.RejectPromise(cap.Promise.Value(), e)
			return cap.Promise.Value(), true
		}
		rh := h.NewHandle(r)
		d, ok := in.GetName(rh.Value(), NameDone)
		if !ok {
			return in.rejectWithPending(cap)
		}
		done := in.ToBoolean(d)
		v, ok := in.GetName(rh.Value(), NameValue)
		if !ok {
			return in.rejectWithPending(cap)
		}
		w, ok := in.PromiseResolve(in.intrinsics[PromiseFunction], v)
		if !ok {
			if !done && mode != ResumeReturn && !in.terminating {
				// Close the sync iterator, keeping the first error.
				e := h.NewHandle(in.exception)
				in.ClearException()
				in.iteratorClose(it, true)
				in.exception, in.hasException = e.Value(), true
			}
			return in.rejectWithPending(cap)
		}
		wh := h.NewHandle(w)
		unwrap := in.newDataFunction(AsyncFromSyncUnwrapShared, h.NewHandle(in.Bool(done)))
		onRejected := h.NewHandle(in.undefined)
		if !done && mode != ResumeReturn {
			// A rejected value closes the sync iterator.
			onRejected = in.newDataFunction(AsyncFromSyncCloseShared, it)
		}
		in.PerformPromiseThen(wh.Value(), unwrap.Value(), onRejected.Value(), &cap)
		return cap.Promise.Value(), true
	}
}

// rejectWithPending rejects the capability's promise with the pending
// exception and returns the promise.
func (in *Interp) rejectWithPending(cap Capability) (layout.Value, bool) {
	if in.terminating {
		return 0, false
	}
	e := in.exception
	in.ClearException()
	in.RejectPromise(cap.Promise.Value(), e)
	return cap.Promise.Value(), true
}

// asyncFromSyncUnwrap makes {value, done} of an awaited value.
func asyncFromSyncUnwrap(in *Interp, a Args) (layout.Value, bool) {
	done := in.functionData(a.Callee()) == in.trueV
	return in.iterResult(a.Arg(0), done), true
}

// asyncFromSyncClose closes the sync iterator (its data) and rethrows the
// reason: the rejection handler of a not-done value.
func asyncFromSyncClose(in *Interp, a Args) (layout.Value, bool) {
	h := in.h
	reason := h.NewHandle(a.Arg(0))
	it := h.NewHandle(in.functionData(a.Callee()))
	if _, ok := in.iteratorClose(it, true); !ok {
		return 0, false
	}
	return in.Throw(reason.Value())
}

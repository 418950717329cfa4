package builtins

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
	"strconv"
)

// promises installs Promise (constructor, resolve/reject/withResolvers,
// the combinators all, allSettled, any and race), Promise.prototype (then,
// catch, finally), AggregateError, queueMicrotask, and the prototypes of
// async iteration (%AsyncIteratorPrototype%, %AsyncGeneratorPrototype%,
// %AsyncFromSyncIteratorPrototype%). The promise machinery itself (states,
// reactions, jobs) is in package interp.
func (b *installer) promises() {
	in := b.in
	h := in.Heap()
	proto := b.intrinsic(interp.PromisePrototype)
	c := b.constructor("Promise", 1, promiseConstructor, proto)
	in.SetIntrinsic(interp.PromiseFunction, c.Value())
	b.methods(proto, []fn{
		{"then", 2, promiseThen},
		{"catch", 1, promiseCatch},
	})
	then, _, _ := in.Lookup(proto.Value(), interp.NameKey(in.Name(interp.NameThen)))
	in.SetIntrinsic(interp.PromiseThenFunction, then)
	b.promiseFinally(proto)
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("Promise"), objects.AttrReadOnly|objects.AttrDontEnum)
	b.methods(c, []fn{
		{"resolve", 1, promiseResolveStatic},
		{"reject", 1, promiseRejectStatic},
	})
	b.speciesGetter(c)
	agg := b.aggregateError()
	b.combinators(c, agg)

	// queueMicrotask.
	b.methods(b.global, []fn{{"queueMicrotask", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		cb := a.Arg(0)
		if !in.IsCallable(cb) {
			return throwArgType(in, "callback", "function", cb)
		}
		in.EnqueueMicrotask(cb)
		return in.Undefined(), true
	}}})

	// Async iteration.
	asyncIter := b.intrinsic(interp.AsyncIteratorPrototype)
	in.DefineSymbolFunction(asyncIter, in.Intrinsic(interp.SymbolAsyncIterator), "[Symbol.asyncIterator]", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return a.This(), true
	})
	agen := b.intrinsic(interp.AsyncGeneratorPrototype)
	enqueue := func(mode int) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return in.AsyncGeneratorEnqueue(a.This(), mode, a.Arg(0))
		}
	}
	b.methods(agen, []fn{
		{"next", 1, enqueue(interp.ResumeNext)},
		{"return", 1, enqueue(interp.ResumeReturn)},
		{"throw", 1, enqueue(interp.ResumeThrow)},
	})
	in.Factory().DefineProperty(agen, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("AsyncGenerator"), objects.AttrReadOnly|objects.AttrDontEnum)
	fromSync := b.intrinsic(interp.AsyncFromSyncIteratorPrototype)
	b.methods(fromSync, []fn{
		{"next", 1, interp.AsyncFromSyncIteratorMethod(interp.ResumeNext)},
		{"return", 1, interp.AsyncFromSyncIteratorMethod(interp.ResumeReturn)},
		{"throw", 1, interp.AsyncFromSyncIteratorMethod(interp.ResumeThrow)},
	})
	_ = h
}

// throwArgType throws node's ERR_INVALID_ARG_TYPE TypeError.
func throwArgType(in *interp.Interp, name, want string, got layout.Value) (layout.Value, bool) {
	msg := "The \"" + name + "\" argument must be of type " + want + ". Received " + receivedText(in, got)
	e := in.NewError(interp.TypeError, msg)
	h := in.Heap()
	eh := h.NewHandle(e)
	in.DefineValue(eh, "code", in.InternalizeGo("ERR_INVALID_ARG_TYPE"), objects.AttrDontEnum)
	return in.Throw(eh.Value())
}

// receivedText is how node's argument errors describe a value.
func receivedText(in *interp.Interp, v layout.Value) string {
	switch {
	case v == in.Undefined():
		return "undefined"
	case v == in.Null():
		return "null"
	case in.IsCallable(v):
		n, _ := in.GetName(v, interp.NameName)
		if in.IsString(n) && in.GoString(n) != "" {
			return "function " + in.GoString(n)
		}
		return "function "
	case in.IsObject(v):
		return "an instance of " + instanceName(in, v)
	case in.IsString(v):
		return "type string ('" + in.GoString(v) + "')"
	case in.IsNumber(v):
		return "type number (" + Inspect(in, v) + ")"
	case v == in.Bool(true) || v == in.Bool(false):
		return "type boolean (" + Inspect(in, v) + ")"
	}
	return "type " + in.GoString(in.TypeOf(v)) + " (" + Inspect(in, v) + ")"
}

func promiseConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	if !a.IsConstruct() {
		return in.ThrowError(interp.TypeError, "Promise constructor cannot be invoked without 'new'")
	}
	exec := h.NewHandle(a.Arg(0))
	if !in.IsCallable(exec.Value()) {
		return in.ThrowError(interp.TypeError, "Promise resolver "+Inspect(in, exec.Value())+" is not a function")
	}
	p, ok := in.NewPromiseFromConstructor(a.NewTarget())
	if !ok {
		return 0, false
	}
	res, rej := in.CreateResolvingFunctions(p.Value())
	if _, ok := in.Call(exec.Value(), in.Undefined(), res.Value(), rej.Value()); !ok {
		if in.IsTerminating() {
			return 0, false
		}
		e := in.Exception()
		in.ClearException()
		if _, ok := in.Call(rej.Value(), in.Undefined(), e); !ok {
			return 0, false
		}
	}
	return p.Value(), true
}

func promiseThen(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return in.PromiseThen(a.This(), a.Arg(0), a.Arg(1))
}

// invokeThen is Invoke(p, "then", args).
func invokeThen(in *interp.Interp, p layout.Value, args ...layout.Value) (layout.Value, bool) {
	h := in.Heap()
	scope := h.OpenScope()
	defer scope.Close()
	ph := h.NewHandle(p)
	hs := make([]heap.Handle, len(args))
	for i, v := range args {
		hs[i] = h.NewHandle(v)
	}
	then, ok := in.GetName(p, interp.NameThen)
	if !ok {
		return 0, false
	}
	if !in.IsCallable(then) {
		return in.ThrowError(interp.TypeError, Inspect(in, then)+" is not a function")
	}
	vals := make([]layout.Value, len(hs))
	for i := range hs {
		vals[i] = hs[i].Value()
	}
	return in.Call(then, ph.Value(), vals...)
}

func promiseCatch(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return invokeThen(in, a.This(), in.Undefined(), a.Arg(0))
}

// promiseFinally installs Promise.prototype.finally and the closures it
// makes.
func (b *installer) promiseFinally(proto heap.Handle) {
	in := b.in
	// valueThunk returns its value; thrower throws it.
	valueThunk := in.NewNativeShared("", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.FunctionData(a.Callee()), true
	})
	thrower := in.NewNativeShared("", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.Throw(in.FunctionData(a.Callee()))
	})
	// data: [onFinally, C]
	finallyStep := func(reject bool) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			h, f := in.Heap(), in.Factory()
			scope := h.OpenScope()
			defer scope.Close()
			v := h.NewHandle(a.Arg(0))
			data := h.NewHandle(in.FunctionData(a.Callee()))
			r, ok := in.Call(f.Get(data.Value(), 0), in.Undefined())
			if !ok {
				return 0, false
			}
			p, ok := in.PromiseResolve(f.Get(data.Value(), 1), r)
			if !ok {
				return 0, false
			}
			ph := h.NewHandle(p)
			sfi := valueThunk
			if reject {
				sfi = thrower
			}
			thunk := in.NewDataFunction(sfi, v.Value())
			return invokeThen(in, ph.Value(), thunk.Value())
		}
	}
	thenFinally := in.NewNativeShared("", 1, finallyStep(false))
	catchFinally := in.NewNativeShared("", 1, finallyStep(true))
	b.methods(proto, []fn{{"finally", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		h, f := in.Heap(), in.Factory()
		scope := h.OpenScope()
		defer scope.Close()
		p := h.NewHandle(a.This())
		onFinally := h.NewHandle(a.Arg(0))
		if !in.IsObject(p.Value()) {
			return in.ThrowError(interp.TypeError, "Method Promise.prototype.finally called on incompatible receiver "+Inspect(in, p.Value()))
		}
		c, ok := in.PromiseSpeciesConstructor(p.Value())
		if !ok {
			return 0, false
		}
		ch := h.NewHandle(c)
		if !in.IsCallable(onFinally.Value()) {
			return invokeThen(in, p.Value(), onFinally.Value(), onFinally.Value())
		}
		data := f.NewFixedArray(2, heap.NewSpace)
		f.Set(data.Value(), 0, onFinally.Value())
		f.Set(data.Value(), 1, ch.Value())
		tf := in.NewDataFunction(thenFinally, data.Value())
		cf := in.NewDataFunction(catchFinally, data.Value())
		return invokeThen(in, p.Value(), tf.Value(), cf.Value())
	}}})
}

func promiseResolveStatic(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if !in.IsObject(a.This()) {
		return in.ThrowError(interp.TypeError, "PromiseResolve called on non-object")
	}
	return in.PromiseResolve(a.This(), a.Arg(0))
}

func promiseRejectStatic(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	if !in.IsObject(a.This()) {
		return in.ThrowError(interp.TypeError, "PromiseReject called on non-object")
	}
	r := h.NewHandle(a.Arg(0))
	c, ok := in.NewPromiseCapability(a.This())
	if !ok {
		return 0, false
	}
	if !in.ResolveCapability(c, r.Value(), true) {
		return 0, false
	}
	return c.Promise.Value(), true
}

// aggregateError installs AggregateError and returns it.
func (b *installer) aggregateError() heap.Global {
	in := b.in
	h, f := in.Heap(), in.Factory()
	errProto := in.Intrinsic(interp.ErrorPrototype)
	proto := in.NewObject(errProto)
	var protoG heap.Global
	c := b.constructor("AggregateError", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		h := in.Heap()
		scope := h.OpenScope()
		defer scope.Close()
		nt := a.NewTarget()
		if nt == in.Undefined() {
			nt = a.Callee()
		}
		pv, _ := protoG.Value()
		var obj heap.Handle
		if nt == a.Callee() {
			obj = in.NewObject(pv)
		} else {
			o, ok := in.OrdinaryCreateFromConstructor(nt, interp.ErrorPrototype)
			if !ok {
				return 0, false
			}
			obj = o
		}
		errs := h.NewHandle(a.Arg(0))
		if msg := a.Arg(1); msg != in.Undefined() {
			s, ok := in.ToString(msg)
			if !ok {
				return 0, false
			}
			in.DefineValue(obj, "message", h.NewHandle(s), objects.AttrDontEnum)
		}
		if opts := a.Arg(2); in.IsObject(opts) {
			cause := in.Name(interp.NameCause)
			if in.HasProperty(opts, interp.NameKey(cause)) {
				v, ok := in.GetNamed(a.Arg(2), cause)
				if !ok {
					return 0, false
				}
				in.DefineValue(obj, "cause", h.NewHandle(v), objects.AttrDontEnum)
			}
		}
		in.MarkError(obj)
		in.CaptureStack(obj, true)
		list, ok := in.IterableToArray(errs.Value())
		if !ok {
			return 0, false
		}
		in.DefineValue(obj, "errors", list, objects.AttrDontEnum)
		return scope.CloseAndEscape(obj.Value()).Value(), true
	}, proto)
	protoG = h.NewGlobal(proto.Value())
	b.value(proto, "name", in.InternalizeGo("AggregateError").Value(), objects.AttrDontEnum)
	b.value(proto, "message", f.Roots.EmptyString, objects.AttrDontEnum)
	if errCtor, ok := in.GetNamed(in.Intrinsic(interp.ErrorPrototype), in.Name(interp.NameConstructor)); ok {
		f.SetPrototype(c, h.NewHandle(errCtor))
	}
	return h.NewGlobal(c.Value())
}

// The kinds of combinator element functions.
const (
	elemAll = iota
	elemSettledFulfilled
	elemSettledRejected
	elemAnyRejected
)

// Element function data: [values, index, remaining (FixedArray[1]),
// already-called (FixedArray[1], shared by allSettled's pair), promise,
// resolve, reject, kind].
const (
	edValues = iota
	edIndex
	edRemaining
	edCalled
	edPromise
	edResolve
	edReject
	edKind
	edSlots
)

// combinators installs Promise.all, allSettled, any and race.
func (b *installer) combinators(ctor heap.Handle, agg heap.Global) {
	in := b.in
	var elementShared heap.Global
	finish := func(in *interp.Interp, data layout.Value) (layout.Value, bool) {
		h, f := in.Heap(), in.Factory()
		scope := h.OpenScope()
		defer scope.Close()
		d := h.NewHandle(data)
		if f.Get(d.Value(), edKind) == layout.Smi(elemAnyRejected) {
			e, ok := newAggregate(in, agg, f.Get(d.Value(), edValues))
			if !ok {
				return 0, false
			}
			return in.Call(f.Get(d.Value(), edReject), in.Undefined(), e)
		}
		return in.Call(f.Get(d.Value(), edResolve), in.Undefined(), f.Get(d.Value(), edValues))
	}
	elementShared = in.NewNativeShared("", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		h, f := in.Heap(), in.Factory()
		scope := h.OpenScope()
		defer scope.Close()
		x := h.NewHandle(a.Arg(0))
		d := h.NewHandle(in.FunctionData(a.Callee()))
		called := f.Get(d.Value(), edCalled)
		if f.Get(called, 0) == layout.Smi(1) {
			return in.Undefined(), true
		}
		f.Set(called, 0, layout.Smi(1))
		v := x
		switch f.Get(d.Value(), edKind).SmiValue() {
		case elemSettledFulfilled, elemSettledRejected:
			o := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
			if f.Get(d.Value(), edKind) == layout.Smi(elemSettledFulfilled) {
				in.DefineValue(o, "status", in.InternalizeGo("fulfilled"), objects.AttrNone)
				in.DefineValue(o, "value", x, objects.AttrNone)
			} else {
				in.DefineValue(o, "status", in.InternalizeGo("rejected"), objects.AttrNone)
				in.DefineValue(o, "reason", x, objects.AttrNone)
			}
			v = o
		}
		idx := uint32(f.Get(d.Value(), edIndex).SmiValue())
		f.SetElement(h.NewHandle(f.Get(d.Value(), edValues)), idx, v)
		rem := f.Get(d.Value(), edRemaining)
		n := f.Get(rem, 0).SmiValue() - 1
		f.Set(rem, 0, layout.Smi(n))
		if n == 0 {
			return finish(in, d.Value())
		}
		return in.Undefined(), true
	})
	// Async stack traces name the combinator an awaited promise feeds
	// ("at async Promise.all (index 0)").
	in.SetAsyncCombinatorFrame(func(in *interp.Interp, onF, onR layout.Value) (string, layout.Value, bool) {
		f := in.Factory()
		shared, _ := elementShared.Value()
		for _, fn := range [2]layout.Value{onF, onR} {
			if fn == in.Undefined() || f.FunctionShared(fn) != shared {
				continue
			}
			d := in.FunctionData(fn)
			name := "Promise.all"
			switch f.Get(d, edKind).SmiValue() {
			case elemSettledFulfilled, elemSettledRejected:
				name = "Promise.allSettled"
			case elemAnyRejected:
				name = "Promise.any"
			}
			return name + " (index " + strconv.Itoa(f.Get(d, edIndex).SmiValue()) + ")", f.Get(d, edPromise), true
		}
		return "", 0, false
	})
	combinator := func(name string, kind int) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			h, f := in.Heap(), in.Factory()
			scope := h.OpenScope()
			defer scope.Close()
			c := h.NewHandle(a.This())
			iterable := h.NewHandle(a.Arg(0))
			if !in.IsObject(c.Value()) {
				return in.ThrowError(interp.TypeError, "Promise."+name+" called on non-object")
			}
			cap, ok := in.NewPromiseCapability(c.Value())
			if !ok {
				return 0, false
			}
			res, rej := in.CapabilityFunctions(cap)
			reject := func() (layout.Value, bool) {
				if in.IsTerminating() {
					return 0, false
				}
				e := in.Exception()
				in.ClearException()
				if _, ok := in.Call(rej.Value(), in.Undefined(), e); !ok {
					return 0, false
				}
				return cap.Promise.Value(), true
			}
			pr, ok := in.GetName(c.Value(), interp.NameResolve)
			if !ok {
				return reject()
			}
			if !in.IsCallable(pr) {
				in.ThrowError(interp.TypeError, "Promise resolve or reject function is not callable")
				return reject()
			}
			resolveFn := h.NewHandle(pr)
			if !iterableCheck(in, iterable.Value()) {
				return reject()
			}
			values := f.NewJSArray(0)
			remaining := f.NewFixedArray(1, heap.NewSpace)
			f.Set(remaining.Value(), 0, layout.Smi(1))
			index := 0
			ok = in.Iterate(iterable.Value(), func(v layout.Value) bool {
				vh := h.NewHandle(v)
				if kind != -1 {
					in.PushValue(values, in.Undefined())
				}
				next, ok := in.Call(resolveFn.Value(), c.Value(), vh.Value())
				if !ok {
					return false
				}
				nh := h.NewHandle(next)
				if kind == -1 { // race
					_, ok = invokeThen(in, nh.Value(), res.Value(), rej.Value())
					return ok
				}
				mk := func(k int, called heap.Handle) heap.Handle {
					d := f.NewFixedArray(edSlots, heap.NewSpace)
					f.Set(d.Value(), edValues, values.Value())
					f.Set(d.Value(), edIndex, layout.Smi(index))
					f.Set(d.Value(), edRemaining, remaining.Value())
					f.Set(d.Value(), edCalled, called.Value())
					f.Set(d.Value(), edPromise, cap.Promise.Value())
					f.Set(d.Value(), edResolve, res.Value())
					f.Set(d.Value(), edReject, rej.Value())
					f.Set(d.Value(), edKind, layout.Smi(k))
					return in.NewDataFunction(elementShared, d.Value())
				}
				called := f.NewFixedArray(1, heap.NewSpace)
				f.Set(called.Value(), 0, layout.Smi(0))
				var onF, onR heap.Handle
				switch kind {
				case elemAll:
					onF, onR = mk(elemAll, called), rej
				case elemSettledFulfilled:
					onF = mk(elemSettledFulfilled, called)
					onR = mk(elemSettledRejected, called)
				case elemAnyRejected:
					onF, onR = res, mk(elemAnyRejected, called)
				}
				f.Set(remaining.Value(), 0, layout.Smi(f.Get(remaining.Value(), 0).SmiValue()+1))
				index++
				_, ok = invokeThen(in, nh.Value(), onF.Value(), onR.Value())
				return ok
			})
			if !ok {
				return reject()
			}
			if kind == -1 {
				return cap.Promise.Value(), true
			}
			n := f.Get(remaining.Value(), 0).SmiValue() - 1
			f.Set(remaining.Value(), 0, layout.Smi(n))
			if n == 0 {
				d := f.NewFixedArray(edSlots, heap.NewSpace)
				f.Set(d.Value(), edValues, values.Value())
				f.Set(d.Value(), edResolve, res.Value())
				f.Set(d.Value(), edReject, rej.Value())
				f.Set(d.Value(), edKind, layout.Smi(kind))
				if _, ok := finish(in, d.Value()); !ok {
					return reject()
				}
			}
			return cap.Promise.Value(), true
		}
	}
	b.methods(ctor, []fn{
		{"all", 1, combinator("all", elemAll)},
		{"allSettled", 1, combinator("allSettled", elemSettledFulfilled)},
		{"any", 1, combinator("any", elemAnyRejected)},
		{"race", 1, combinator("race", -1)},
	})
}

// newAggregate makes an AggregateError "All promises were rejected" with
// the errors array.
func newAggregate(in *interp.Interp, agg heap.Global, errs layout.Value) (layout.Value, bool) {
	h := in.Heap()
	scope := h.OpenScope()
	defer scope.Close()
	eh := h.NewHandle(errs)
	msg := in.InternalizeGo("All promises were rejected")
	empty := in.NewArray(nil)
	c, _ := agg.Value()
	e, ok := in.Construct(c, []layout.Value{empty.Value(), msg.Value()}, c)
	if !ok {
		return 0, false
	}
	obj := h.NewHandle(e)
	in.DefineValue(obj, "errors", eh, objects.AttrDontEnum)
	return obj.Value(), true
}

func instanceName(in *interp.Interp, v layout.Value) string {
	if c, accessor, found := in.Lookup(v, interp.NameKey(in.Name(interp.NameConstructor))); found && !accessor && in.IsCallable(c) {
		if n, accessor, found := in.Lookup(c, interp.NameKey(in.Name(interp.NameName))); found && !accessor && in.IsString(n) {
			return in.GoString(n)
		}
	}
	return "Object"
}

// iterableCheck throws V8's TypeError for a value without a callable
// Symbol.iterator, as the promise combinators report it.
func iterableCheck(in *interp.Interp, v layout.Value) bool {
	if !in.IsNullish(v) {
		m, ok := in.Get(v, interp.NameKey(in.Intrinsic(interp.SymbolIterator)))
		if !ok {
			return false
		}
		if in.IsCallable(m) {
			return true
		}
	}
	var what string
	switch {
	case v == in.Undefined():
		what = "undefined"
	case in.IsObject(v) || in.IsSymbol(v):
		what = in.TypeOfString(v)
	default:
		what = in.TypeOfString(v) + " " + Inspect(in, v)
	}
	if v == in.Null() {
		what = "object null"
	}
	in.ThrowError(interp.TypeError, what+" is not iterable (cannot read property Symbol(Symbol.iterator))")
	return false
}

// functionKinds installs %GeneratorFunction%, %AsyncFunction% and
// %AsyncGeneratorFunction% (reachable only through their prototypes, as
// in V8) and links their prototypes with the generator prototypes.
func (b *installer) functionKinds() {
	in := b.in
	f := in.Factory()
	for _, k := range []struct {
		name, kind      string
		proto, instance interp.Intrinsic
	}{
		{"GeneratorFunction", "function*", interp.GeneratorFunctionPrototype, interp.GeneratorPrototype},
		{"AsyncGeneratorFunction", "async function*", interp.AsyncGeneratorFunctionPrototype, interp.AsyncGeneratorPrototype},
		{"AsyncFunction", "async function", interp.AsyncFunctionPrototype, -1},
	} {
		kind := k.kind
		proto := b.intrinsic(k.proto)
		c := in.NewNativeFunction(k.name, 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return dynamicFunction(in, a, kind)
		}, interp.NativeConstructor)
		in.SetFunctionPrototype(c, proto)
		in.DefineValue(proto, "constructor", c, objects.AttrReadOnly|objects.AttrDontEnum)
		if fnCtor := in.Intrinsic(interp.FunctionFunction); fnCtor != in.Undefined() {
			f.SetPrototype(c, in.Handle(fnCtor))
		}
		f.DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo(k.name), objects.AttrReadOnly|objects.AttrDontEnum)
		if k.instance >= 0 {
			inst := b.intrinsic(k.instance)
			in.DefineValue(proto, "prototype", inst, objects.AttrReadOnly|objects.AttrDontEnum)
			in.DefineValue(inst, "constructor", proto, objects.AttrReadOnly|objects.AttrDontEnum)
		}
	}
}

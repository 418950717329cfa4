package engine

import (
	"container/heap"

	"github.com/sonde-js/sonde/engine/builtins"
	sheap "github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// installTimers defines setTimeout, setInterval, setImmediate and their
// clear functions on the global object, with node's Timeout and Immediate
// objects (ref, unref, hasRef, refresh, close, and a Timeout's numeric id
// through Symbol.toPrimitive).
func (iso *Isolate) installTimers() {
	js := iso.js
	h := iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	global := js.Handle(js.GlobalObject())
	l := iso.loopInit()

	timeoutProto := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	timeoutCtor := js.NewNativeFunction("Timeout", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.ThrowError(interp.TypeError, "Illegal constructor")
	}, 0)
	js.DefineValue(timeoutProto, "constructor", timeoutCtor, objects.AttrDontEnum)
	js.SetFunctionPrototype(timeoutCtor, timeoutProto)
	immProto := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	immCtor := js.NewNativeFunction("Immediate", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.ThrowError(interp.TypeError, "Illegal constructor")
	}, 0)
	js.DefineValue(immProto, "constructor", immCtor, objects.AttrDontEnum)
	js.SetFunctionPrototype(immCtor, immProto)
	tp := h.NewGlobal(timeoutProto.Value())
	ip := h.NewGlobal(immProto.Value())

	timerOf := func(v layout.Value) *timer {
		var id int
		switch {
		case v.IsSmi():
			id = v.SmiValue()
		case js.IsObject(v):
			d := js.InternalData(v)
			if !d.IsSmi() {
				return nil
			}
			id = d.SmiValue()
		case js.IsString(v):
			n, _ := js.ToNumber(v)
			if !n.IsSmi() {
				return nil
			}
			id = n.SmiValue()
		default:
			return nil
		}
		return l.byID[id]
	}
	globals := func(a interp.Args, from int) []sheap.Global {
		var out []sheap.Global
		for i := from; i < a.Len(); i++ {
			out = append(out, h.NewGlobal(a.Arg(i)))
		}
		return out
	}
	schedule := func(repeat bool) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			cb := a.Arg(0)
			if !in.IsCallable(cb) {
				return throwArgType(in, "callback", "function", cb)
			}
			d, ok := clampDelay(in, a.Arg(1))
			if !ok {
				return 0, false
			}
			s := h.OpenScope()
			defer s.Close()
			pv, _ := tp.Value()
			obj := in.NewObject(pv)
			t := &timer{id: l.nextID, delay: d, ref: true, active: true, index: -1, async: in.CaptureAsyncStack("Timeout", false)}
			l.nextID++
			in.SetInternalData(obj, layout.Smi(t.id))
			t.callback = h.NewGlobal(a.Arg(0))
			t.args = globals(a, 2)
			t.obj = h.NewGlobal(obj.Value())
			if repeat {
				t.repeat = d
			}
			l.seq++
			t.seq = l.seq
			t.due = l.turn + d
			l.byID[t.id] = t
			l.refTimers++
			heap.Push(&l.timers, t)
			return obj.Value(), true
		}
	}
	clear := func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if v := a.Arg(0); js.IsObject(v) {
			if d := js.InternalData(v); js.IsObject(d) {
				// An Immediate passed to clearTimeout: node clears it too.
				return in.Undefined(), true
			}
		}
		if t := timerOf(a.Arg(0)); t != nil {
			iso.cancelTimer(t)
		}
		return in.Undefined(), true
	}
	js.DefineFunction(global, "setTimeout", 2, schedule(false))
	js.DefineFunction(global, "setInterval", 2, schedule(true))
	js.DefineFunction(global, "clearTimeout", 1, clear)
	js.DefineFunction(global, "clearInterval", 1, clear)

	thisTimer := func(a interp.Args) *timer { return timerOf(a.This()) }
	js.DefineFunction(timeoutProto, "ref", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if t := thisTimer(a); t != nil && t.active && !t.ref {
			t.ref = true
			l.refTimers++
		}
		return a.This(), true
	})
	js.DefineFunction(timeoutProto, "unref", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if t := thisTimer(a); t != nil && t.active && t.ref {
			t.ref = false
			l.refTimers--
		}
		return a.This(), true
	})
	js.DefineFunction(timeoutProto, "hasRef", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		t := thisTimer(a)
		return in.Bool(t != nil && t.ref), true
	})
	js.DefineFunction(timeoutProto, "refresh", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if t := thisTimer(a); t != nil && t.active {
			if t.index >= 0 {
				heap.Remove(&l.timers, t.index)
			}
			l.seq++
			t.seq = l.seq
			t.due = l.turn + t.delay
			heap.Push(&l.timers, t)
		}
		return a.This(), true
	})
	js.DefineFunction(timeoutProto, "close", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if t := thisTimer(a); t != nil {
			iso.cancelTimer(t)
		}
		return a.This(), true
	})
	js.DefineSymbolFunction(timeoutProto, js.Intrinsic(interp.SymbolToPrimitive), "[Symbol.toPrimitive]", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		d := in.InternalData(a.This())
		if !d.IsSmi() {
			return in.NewNumber(0), true
		}
		return d, true
	})

	// Immediates: the object's internal data is a FixedArray-free marker:
	// the *immediate is found through a Go map keyed by a serial number
	// kept in a one-element array (so clearTimeout can tell it apart).
	imms := map[int]*immediate{}
	nextImm := 1
	js.DefineFunction(global, "setImmediate", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		cb := a.Arg(0)
		if !in.IsCallable(cb) {
			return throwArgType(in, "callback", "function", cb)
		}
		s := h.OpenScope()
		defer s.Close()
		pv, _ := ip.Value()
		obj := in.NewObject(pv)
		marker := in.NewArray([]layout.Value{layout.Smi(nextImm)})
		in.SetInternalData(obj, marker.Value())
		im := &immediate{ref: true, callback: h.NewGlobal(a.Arg(0)), args: globals(a, 1), obj: h.NewGlobal(obj.Value()),
			async: in.CaptureAsyncStack("Immediate", false)}
		imms[nextImm] = im
		nextImm++
		l.immediates = append(l.immediates, im)
		return obj.Value(), true
	})
	immOf := func(v layout.Value) (*immediate, int) {
		d := js.InternalData(v)
		if !js.IsArray(d) {
			return nil, 0
		}
		n := js.Element(d, 0)
		if !n.IsSmi() {
			return nil, 0
		}
		return imms[n.SmiValue()], n.SmiValue()
	}
	js.DefineFunction(global, "clearImmediate", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if im, n := immOf(a.Arg(0)); im != nil {
			im.cleared = true
			delete(imms, n)
			iso.releaseImmediate(im)
		}
		return in.Undefined(), true
	})
	js.DefineFunction(immProto, "ref", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if im, _ := immOf(a.This()); im != nil {
			im.ref = true
		}
		return a.This(), true
	})
	js.DefineFunction(immProto, "unref", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if im, _ := immOf(a.This()); im != nil {
			im.ref = false
		}
		return a.This(), true
	})
	js.DefineFunction(immProto, "hasRef", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		im, _ := immOf(a.This())
		return in.Bool(im != nil && im.ref && !im.cleared), true
	})
}

// cancelTimer stops a timer and frees what it holds.
func (iso *Isolate) cancelTimer(t *timer) {
	l := iso.loop
	if !t.active {
		return
	}
	t.active = false
	if t.ref {
		l.refTimers--
	}
	if t.index >= 0 {
		heap.Remove(&l.timers, t.index)
	}
	delete(l.byID, t.id)
	iso.releaseTimer(t)
}

// throwArgType throws node's ERR_INVALID_ARG_TYPE TypeError.
func throwArgType(in *interp.Interp, name, want string, got layout.Value) (layout.Value, bool) {
	what := "undefined"
	switch {
	case got == in.Undefined():
	case got == in.Null():
		what = "null"
	case in.IsObject(got):
		what = "an instance of Object"
	default:
		what = "type " + in.TypeOfString(got) + " (" + builtins.Inspect(in, got) + ")"
	}
	e := in.NewError(interp.TypeError, "The \""+name+"\" argument must be of type "+want+". Received "+what)
	eh := in.Handle(e)
	in.DefineValue(eh, "code", in.InternalizeGo("ERR_INVALID_ARG_TYPE"), objects.AttrDontEnum)
	return in.Throw(eh.Value())
}

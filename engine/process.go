package engine

import (
	"math/big"
	"os"
	"runtime"
	"time"

	sheap "github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Version is what process.version reports: node's major line, since
// scripts test it.
const Version = "v20.20.2"

// listener is one process event listener.
type listener struct {
	fn   sheap.Global
	once bool
}

// processState is the Go side of the process object.
type processState struct {
	obj       sheap.Global
	listeners map[string][]listener
	exitRan   bool
	hrStart   time.Time
}

// installProcess defines the global process object: argv, env, exit,
// exitCode, hrtime (and hrtime.bigint), memoryUsage, nextTick, platform, version, pid, cwd,
// and event listeners (on/once/off/emit, for 'exit',
// 'unhandledRejection', 'rejectionHandled', 'uncaughtException').
func (iso *Isolate) installProcess() {
	js := iso.js
	h := iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	ps := &processState{listeners: map[string][]listener{}, hrStart: time.Now()}
	iso.process = ps
	global := js.Handle(js.GlobalObject())
	p := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	ps.obj = h.NewGlobal(p.Value())
	js.DefineValue(global, "process", p, objects.AttrDontEnum)
	str := func(s string) sheap.Handle { return js.NewString(s) }

	argv := iso.opts.Argv
	if len(argv) == 0 {
		argv = []string{"sonde"}
	}
	arr := js.NewArray(nil)
	for _, a := range argv {
		js.PushValue(arr, str(a).Value())
	}
	js.DefineValue(p, "argv", arr, objects.AttrNone)
	js.DefineValue(p, "execArgv", js.NewArray(nil), objects.AttrNone)
	env := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	for _, kv := range os.Environ() {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' && i > 0 {
				js.DefineValue(env, kv[:i], str(kv[i+1:]), objects.AttrNone)
				break
			}
		}
	}
	js.DefineValue(p, "env", env, objects.AttrNone)
	js.DefineValue(p, "platform", str(runtime.GOOS), objects.AttrNone)
	arch := runtime.GOARCH
	if arch == "amd64" {
		arch = "x64"
	}
	js.DefineValue(p, "arch", str(arch), objects.AttrNone)
	js.DefineValue(p, "version", str(Version), objects.AttrNone)
	versions := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	js.DefineValue(versions, "node", str(Version[1:]), objects.AttrNone)
	js.DefineValue(versions, "sonde", str("0.1.0"), objects.AttrNone)
	js.DefineValue(p, "versions", versions, objects.AttrNone)
	js.DefineValue(p, "pid", js.Handle(js.NewInt(os.Getpid())), objects.AttrNone)
	js.DefineValue(p, "ppid", js.Handle(js.NewInt(os.Getppid())), objects.AttrNone)
	js.DefineValue(p, "title", str("sonde"), objects.AttrNone)
	js.DefineValue(p, "exitCode", js.Handle(js.Undefined()), objects.AttrNone)

	js.DefineFunction(p, "cwd", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		wd, err := os.Getwd()
		if err != nil {
			return in.ThrowError(interp.Error, "process.cwd failed: "+err.Error())
		}
		return in.NewString(wd).Value(), true
	})
	js.DefineFunction(p, "uptime", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.NewNumber(time.Since(ps.hrStart).Seconds()), true
	})
	js.DefineFunction(p, "exit", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		code := iso.processExitCode()
		if v := a.Arg(0); v != in.Undefined() {
			n, ok := in.ToNumber(v)
			if !ok {
				return 0, false
			}
			code = int(in.NumberValue(n))
		}
		l := iso.loopInit()
		if !l.exited {
			l.exited, l.exitCode = true, code
			iso.emitExit()
		}
		return in.Terminate()
	})
	js.DefineFunction(p, "nextTick", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		cb := a.Arg(0)
		if !in.IsCallable(cb) {
			return throwArgType(in, "callback", "function", cb)
		}
		t := tick{callback: h.NewGlobal(cb), async: in.CaptureAsyncStack("TickObject", false)}
		for i := 1; i < a.Len(); i++ {
			t.args = append(t.args, h.NewGlobal(a.Arg(i)))
		}
		l := iso.loopInit()
		l.ticks = append(l.ticks, t)
		return in.Undefined(), true
	})
	hrtime := js.DefineFunction(p, "hrtime", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		ns := time.Since(ps.hrStart).Nanoseconds() + 1e9
		sec, nsec := ns/1e9, ns%1e9
		if prev := a.Arg(0); prev != in.Undefined() {
			if !in.IsArray(prev) {
				return throwArgType(in, "time", "an instance of Array", prev)
			}
			ps, _ := in.ToFloat(in.Element(prev, 0))
			pn, _ := in.ToFloat(in.Element(prev, 1))
			d := ns - (int64(ps)*1e9 + int64(pn))
			sec, nsec = d/1e9, d%1e9
		}
		return in.NewArray([]layout.Value{in.NewNumber(float64(sec)), in.NewNumber(float64(nsec))}).Value(), true
	})
	// node's function is named hrtimeBigInt and assigned as a plain property.
	js.DefineValue(hrtime, "bigint", js.NewNativeFunction("hrtimeBigInt", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return in.NewBigInt(big.NewInt(time.Since(ps.hrStart).Nanoseconds() + 1e9))
	}, 0), objects.AttrNone)
	js.DefineFunction(p, "memoryUsage", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		st := iso.Heap.Statistics()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		o := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
		set := func(name string, v uint64) {
			in.DefineValue(o, name, in.Handle(in.NewNumber(float64(v))), objects.AttrNone)
		}
		set("rss", ms.Sys+st.TotalPhysicalSize)
		set("heapTotal", st.TotalHeapSize)
		set("heapUsed", st.UsedHeapSize)
		set("external", st.ExternalMemory)
		set("arrayBuffers", in.ArrayBufferMemory())
		return o.Value(), true
	})

	// Events.
	on := func(once, prepend bool) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			name, ok := in.ToGoString(a.Arg(0))
			if !ok {
				return 0, false
			}
			fn := a.Arg(1)
			if !in.IsCallable(fn) {
				return throwArgType(in, "listener", "function", fn)
			}
			ls := listener{fn: h.NewGlobal(fn), once: once}
			if prepend {
				ps.listeners[name] = append([]listener{ls}, ps.listeners[name]...)
			} else {
				ps.listeners[name] = append(ps.listeners[name], ls)
			}
			return a.This(), true
		}
	}
	off := func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		name, ok := in.ToGoString(a.Arg(0))
		if !ok {
			return 0, false
		}
		list := ps.listeners[name]
		for i := len(list) - 1; i >= 0; i-- {
			if v, _ := list[i].fn.Value(); v == a.Arg(1) {
				list[i].fn.Release()
				ps.listeners[name] = append(list[:i:i], list[i+1:]...)
				break
			}
		}
		return a.This(), true
	}
	js.DefineFunction(p, "on", 2, on(false, false))
	js.DefineFunction(p, "addListener", 2, on(false, false))
	js.DefineFunction(p, "prependListener", 2, on(false, true))
	js.DefineFunction(p, "once", 2, on(true, false))
	js.DefineFunction(p, "off", 2, off)
	js.DefineFunction(p, "removeListener", 2, off)
	js.DefineFunction(p, "removeAllListeners", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		clear := func(name string) {
			for _, l := range ps.listeners[name] {
				l.fn.Release()
			}
			delete(ps.listeners, name)
		}
		if a.Arg(0) == in.Undefined() {
			for name := range ps.listeners {
				clear(name)
			}
		} else if name, ok := in.ToGoString(a.Arg(0)); ok {
			clear(name)
		}
		return a.This(), true
	})
	js.DefineFunction(p, "listenerCount", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		name, ok := in.ToGoString(a.Arg(0))
		if !ok {
			return 0, false
		}
		return layout.Smi(len(ps.listeners[name])), true
	})
	js.DefineFunction(p, "emit", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		name, ok := in.ToGoString(a.Arg(0))
		if !ok {
			return 0, false
		}
		args := make([]layout.Value, 0, a.Len())
		for i := 1; i < a.Len(); i++ {
			args = append(args, a.Arg(i))
		}
		any, ok := iso.emit(name, args...)
		if !ok {
			return 0, false
		}
		return in.Bool(any), true
	})
}

// emit calls the listeners of a process event with args; it reports
// whether there were any, and false for ok when one threw (the exception
// pending).
func (iso *Isolate) emit(name string, args ...layout.Value) (any, ok bool) {
	ps := iso.process
	if ps == nil || len(ps.listeners[name]) == 0 {
		return false, true
	}
	js := iso.js
	h := iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	hs := make([]sheap.Handle, len(args))
	for i, v := range args {
		hs[i] = h.NewHandle(v)
	}
	list := append([]listener(nil), ps.listeners[name]...)
	// Remove the once listeners before calling them.
	kept := ps.listeners[name][:0]
	for _, l := range ps.listeners[name] {
		if !l.once {
			kept = append(kept, l)
		}
	}
	ps.listeners[name] = kept
	pv, _ := ps.obj.Value()
	recv := h.NewHandle(pv)
	for _, l := range list {
		fn, live := l.fn.Value()
		if !live {
			continue
		}
		vals := make([]layout.Value, len(hs))
		for i := range hs {
			vals[i] = hs[i].Value()
		}
		fh := h.NewHandle(fn)
		if l.once {
			l.fn.Release()
		}
		if _, ok := js.Call(fh.Value(), recv.Value(), vals...); !ok {
			return true, false
		}
	}
	return true, true
}

// emitExit emits 'exit' once, with the exit code.
func (iso *Isolate) emitExit() {
	ps := iso.process
	if ps == nil || ps.exitRan {
		return
	}
	ps.exitRan = true
	code := iso.ExitCode()
	if _, ok := iso.emit("exit", layout.Smi(code)); !ok {
		iso.js.ClearException()
	}
}

// emitUncaught gives an uncaught exception to 'uncaughtException'
// listeners; handled is false when there are none.
func (iso *Isolate) emitUncaught(e *JSError) (handled bool, err error) {
	ps := iso.process
	if ps == nil || len(ps.listeners["uncaughtException"]) == 0 || e.value == (sheap.Global{}) {
		return false, nil
	}
	v, _ := e.value.Value()
	if _, ok := iso.emit("uncaughtException", v, iso.js.NewString("uncaughtException").Value()); !ok {
		e2 := iso.takeException()
		l := iso.loopInit()
		l.exited, l.exitCode, l.fatal = true, 7, e2
		return true, e2
	}
	return true, nil
}

// processExitCode reads process.exitCode (0 when unset).
func (iso *Isolate) processExitCode() int {
	ps := iso.process
	if ps == nil {
		return 0
	}
	js := iso.js
	pv, _ := ps.obj.Value()
	v, accessor, found := js.Lookup(pv, interp.NameKey(js.InternalizeGo("exitCode").Value()))
	if !found || accessor || !js.IsNumber(v) {
		return 0
	}
	return int(js.NumberValue(v))
}

package engine

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/sonde-js/sonde/engine/builtins"
	sheap "github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// Unhandled rejections, as node 20 handles them: a promise rejected with
// no handler is remembered; once the nextTick and microtask queues are
// drained (RunMicrotasks) every remembered promise still without a handler
// is reported: 'unhandledRejection' listeners get it, and by the mode
// (--unhandled-rejections) it becomes an uncaught exception (throw, the
// default, and strict), a warning (warn, warn-with-error-code, which also
// sets exit code 1) or nothing (none). A handler added later to a reported
// promise emits 'rejectionHandled' (and a warning in the warn modes).

// RejectionMode is a --unhandled-rejections mode.
type RejectionMode string

// The modes node accepts.
const (
	RejectionsThrow            RejectionMode = "throw"
	RejectionsStrict           RejectionMode = "strict"
	RejectionsWarn             RejectionMode = "warn"
	RejectionsWarnWithExitCode RejectionMode = "warn-with-error-code"
	RejectionsNone             RejectionMode = "none"
)

// ValidRejectionMode reports whether s names a mode.
func ValidRejectionMode(s string) bool {
	switch RejectionMode(s) {
	case RejectionsThrow, RejectionsStrict, RejectionsWarn, RejectionsWarnWithExitCode, RejectionsNone:
		return true
	}
	return false
}

type rejection struct {
	promise sheap.Global
	id      int
}

type rejectionState struct {
	pending      []rejection
	reported     []rejection
	handledLater []rejection
	nextID       int
	traceHinted  bool
}

// trackRejection is the interpreter's rejection tracker.
func (iso *Isolate) trackRejection(p layout.Value, ev interp.PromiseRejectionEvent) {
	rs := &iso.loopInit().rejections
	switch ev {
	case interp.RejectWithNoHandler:
		rs.nextID++
		rs.pending = append(rs.pending, rejection{iso.Heap.NewGlobal(p), rs.nextID})
	case interp.HandlerAddedAfterReject:
		for i, r := range rs.pending {
			if v, _ := r.promise.Value(); v == p {
				r.promise.Release()
				rs.pending = append(rs.pending[:i:i], rs.pending[i+1:]...)
				return
			}
		}
		for i, r := range rs.reported {
			if v, _ := r.promise.Value(); v == p {
				rs.reported = append(rs.reported[:i:i], rs.reported[i+1:]...)
				rs.handledLater = append(rs.handledLater, r)
				return
			}
		}
	}
}

// processRejections reports the pending unhandled rejections; it returns
// the uncaught *JSError that ends the program, if any.
func (iso *Isolate) processRejections() error {
	js := iso.js
	l := iso.loopInit()
	rs := &l.rejections
	mode := iso.opts.UnhandledRejections
	if mode == "" {
		mode = RejectionsThrow
	}
	for len(rs.handledLater) > 0 {
		r := rs.handledLater[0]
		rs.handledLater = rs.handledLater[1:]
		p, _ := r.promise.Value()
		r.promise.Release()
		if _, ok := iso.emit("rejectionHandled", p); !ok {
			return iso.uncaught(iso.takeException())
		}
		if mode == RejectionsWarn || mode == RejectionsWarnWithExitCode {
			iso.warn(fmt.Sprintf("PromiseRejectionHandledWarning: Promise rejection was handled asynchronously (rejection id: %d)", r.id))
		}
	}
	for len(rs.pending) > 0 && !l.exited {
		r := rs.pending[0]
		rs.pending = rs.pending[1:]
		h := iso.Heap
		scope := h.OpenScope()
		pv, _ := r.promise.Value()
		ph := h.NewHandle(pv)
		r.promise.Release()
		if js.PromiseIsHandled(ph.Value()) {
			scope.Close()
			continue
		}
		rs.reported = append(rs.reported, rejection{h.NewGlobal(ph.Value()), r.id})
		_, reason := js.PromiseInfo(ph.Value())
		rh := h.NewHandle(reason)
		var handled bool
		if mode != RejectionsStrict {
			any, ok := iso.emit("unhandledRejection", rh.Value(), ph.Value())
			if !ok {
				scope.Close()
				return iso.uncaught(iso.takeException())
			}
			handled = any
		}
		switch mode {
		case RejectionsThrow, RejectionsStrict:
			if !handled {
				e := iso.rejectionError(rh.Value())
				scope.Close()
				return iso.uncaught(e)
			}
		case RejectionsWarn, RejectionsWarnWithExitCode:
			if !handled || mode == RejectionsWarn {
				iso.warnRejection(rh.Value(), r.id)
			}
			if !handled && mode == RejectionsWarnWithExitCode {
				iso.setExitCode(1)
			}
		}
		scope.Close()
	}
	return nil
}

// rejectionError makes the uncaught error of an unhandled rejection: the
// reason itself when it is an error, else node's UnhandledPromiseRejection.
func (iso *Isolate) rejectionError(reason layout.Value) *JSError {
	js := iso.js
	e := &JSError{FromPromise: true, value: iso.Heap.NewGlobal(reason)}
	iso.describe(e, reason)
	if !e.NonError {
		iso.locateFromStack(e)
		return e
	}
	text := noSideEffectsToString(js, reason)
	msg := "This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"" + text + "\"."
	mode := iso.opts.UnhandledRejections
	where := "node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n"
	frame := "throwUnhandledRejectionsMode (node:internal/process/promises:389:7)"
	if mode == RejectionsStrict {
		where = "node:internal/process/promises:340\n    reason : new UnhandledPromiseRejection(reason);\n             ^\n"
		frame = "strictUnhandledRejectionsMode (node:internal/process/promises:340:14)"
	}
	*e = JSError{
		Name: "UnhandledPromiseRejection", Message: msg, FromPromise: true, value: e.value,
		Stack: where + "\nUnhandledPromiseRejection: " + msg + "\n" +
			"    at " + frame + "\n" +
			"    at processPromiseRejections (node:internal/process/promises:470:17)\n" +
			"    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n" +
			"  code: 'ERR_UNHANDLED_REJECTION'\n}",
	}
	return e
}

// noSideEffectsToString renders a rejection reason as V8's
// NoSideEffectsToString does for node's message.
func noSideEffectsToString(js *interp.Interp, v layout.Value) string {
	switch {
	case js.IsString(v):
		return js.GoString(v)
	case js.IsBigInt(v):
		return js.BigIntValue(v).String() // V8's NoSideEffectsToString: no "n"
	case js.IsCallable(v), !js.IsObject(v):
		return builtins.Inspect(js, v)
	}
	return "#<" + constructorName(js, v) + ">"
}

func constructorName(js *interp.Interp, v layout.Value) string {
	if c, accessor, found := js.Lookup(v, interp.NameKey(js.Name(interp.NameConstructor))); found && !accessor && js.IsCallable(c) {
		if n, accessor, found := js.Lookup(c, interp.NameKey(js.Name(interp.NameName))); found && !accessor && js.IsString(n) && js.GoString(n) != "" {
			return js.GoString(n)
		}
	}
	return "Object"
}

// warnRejection prints node's UnhandledPromiseRejectionWarning pair.
func (iso *Isolate) warnRejection(reason layout.Value, id int) {
	e := &JSError{}
	iso.describe(e, reason)
	iso.warn("UnhandledPromiseRejectionWarning: " + e.Stack)
	iso.warn(fmt.Sprintf("UnhandledPromiseRejectionWarning: Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: %d)", id))
}

// warn prints a process warning as node does ("(node:PID) text"), with the
// --trace-warnings hint after the first.
func (iso *Isolate) warn(text string) {
	w := iso.opts.Stderr
	if w == nil {
		return
	}
	rs := &iso.loopInit().rejections
	fmt.Fprintf(w, "(node:%d) %s\n", os.Getpid(), text)
	if !rs.traceHinted {
		rs.traceHinted = true
		fmt.Fprintln(w, "(Use `node --trace-warnings ...` to show where the warning was created)")
	}
}

// setExitCode sets process.exitCode.
func (iso *Isolate) setExitCode(code int) {
	if iso.process == nil {
		return
	}
	js := iso.js
	pv, _ := iso.process.obj.Value()
	js.SetNamed(pv, js.InternalizeGo("exitCode").Value(), layout.Smi(code), false)
}

// locateFromStack sets the report's location from the first frame of the
// error's stack ("at f (file:line:col)" or "at file:line:col"), as node
// shows where a rejected error was made.
func (iso *Isolate) locateFromStack(e *JSError) {
	for _, line := range strings.Split(e.Stack, "\n") {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "at ") {
			continue
		}
		t = strings.TrimPrefix(t, "at ")
		if i := strings.LastIndexByte(t, '('); i >= 0 && strings.HasSuffix(t, ")") {
			t = t[i+1 : len(t)-1]
		}
		j := strings.LastIndexByte(t, ':')
		if j < 0 {
			return
		}
		k := strings.LastIndexByte(t[:j], ':')
		if k < 0 {
			return
		}
		ln, err1 := strconv.Atoi(t[k+1 : j])
		col, err2 := strconv.Atoi(t[j+1:])
		if err1 != nil || err2 != nil {
			return
		}
		src, ok := iso.js.SourceLine(t[:k], ln)
		if !ok {
			return
		}
		e.File, e.Line, e.Column, e.SourceLine = t[:k], ln, col, src
		return
	}
}

package runtime

import (
	"time"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// maxConsoleMessages is V8's bound on stored console messages (older ones
// are dropped).
const maxConsoleMessages = 1000

// consoleMessage is one console call, kept (with its arguments alive) so
// that a later Runtime.enable replays it.
type consoleMessage struct {
	typ       string
	args      []heap.Global
	timestamp float64
	stack     []interp.CallFrame
	// async is the async parent of the call and asyncDepth the depth of
	// inline parents its stack trace gets (asyncstack.go).
	async      *interp.AsyncStack
	asyncDepth int
}

// consoleLog is the isolate's stored console messages, oldest first.
type consoleLog struct {
	msgs []consoleMessage
}

func (l *consoleLog) add(m consoleMessage) {
	if len(l.msgs) >= maxConsoleMessages {
		for _, g := range l.msgs[0].args {
			g.Release()
		}
		l.msgs = l.msgs[1:]
	}
	l.msgs = append(l.msgs, m)
}

func (l *consoleLog) clear() {
	for _, m := range l.msgs {
		for _, g := range m.args {
			g.Release()
		}
	}
	l.msgs = nil
}

// consoleCalled is the engine's console hook: store the message and send
// it to every session with Runtime enabled.
func (d *Domain) consoleCalled(in *interp.Interp, typ string, args []layout.Value) {
	m := consoleMessage{typ: typ, timestamp: nowMillis(), stack: d.captureStack(),
		async: d.asyncParent(), asyncDepth: d.consoleAsyncDepth(typ)}
	// Globals first: wrapping below may allocate and move the arguments.
	for _, a := range args {
		m.args = append(m.args, d.iso.Heap.NewGlobal(a))
	}
	d.console.add(m)
	for _, ss := range d.sessions {
		if ss.runtimeEnabled {
			d.sendConsole(ss, m)
		}
	}
}

// replayConsole sends the stored messages to a session that just enabled
// Runtime.
func (d *Domain) replayConsole(ss *session) {
	for _, m := range d.console.msgs {
		d.sendConsole(ss, m)
	}
}

func (d *Domain) sendConsole(ss *session, m consoleMessage) {
	mi := mirror{d.in}
	ev := &rt.ConsoleAPICalledEvent{Type: rt.ConsoleAPICalledType(m.typ), Args: []rt.RemoteObject{},
		ExecutionContextID: contextID, Timestamp: rt.Timestamp(m.timestamp)}
	for _, g := range m.args {
		v, ok := g.Value()
		if !ok {
			v = d.in.Undefined()
		}
		ev.Args = append(ev.Args, mi.wrap(v, ss.store, wrapOptions{group: "console", preview: true}))
	}
	ev.StackTrace = d.stackTrace(m.stack, m.async, m.asyncDepth)
	notify(ss, rt.EventConsoleAPICalled, ev)
}

// captureStack captures the current stack for a console message or an
// error, at most maxStack frames (none for 0).
func (d *Domain) captureStack() []interp.CallFrame {
	if d.maxStack <= 0 {
		return nil
	}
	return d.in.StackTrace(d.maxStack)
}

// callFrames converts the engine's frames to CDP's.
func callFrames(frames []interp.CallFrame) []rt.CallFrame {
	out := make([]rt.CallFrame, len(frames))
	for i, f := range frames {
		out[i] = rt.CallFrame{FunctionName: f.FunctionName, ScriptID: rt.ScriptID(itoa(f.ScriptID)), URL: scriptURL(f.URL),
			LineNumber: int64(f.Line), ColumnNumber: int64(f.Column)}
	}
	return out
}

// nowMillis is a CDP timestamp: milliseconds since the epoch.
func nowMillis() float64 {
	return float64(time.Now().UnixNano()) / 1e6
}

// ReportException sends Runtime.exceptionThrown for an uncaught exception
// of the main script to every session with Runtime enabled. Call it on the
// isolate goroutine right after RunScript failed, before the exception's
// details are gone: it reads the engine's last throw.
func (d *Domain) ReportException(text string, exception layout.Value, loc interp.Location, hasLoc bool) {
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	exc := d.in.Handle(exception)
	for _, ss := range d.sessions {
		if !ss.runtimeEnabled {
			continue
		}
		c := completion{threw: true, value: exc, loc: loc, hasLoc: hasLoc}
		ed := d.exceptionDetails(ss, c, "", true)
		ed.Text = text
		cid := rt.ExecutionContextID(contextID)
		ed.ExecutionContextID = &cid
		// node reports its main module's uncaught exceptions by file path,
		// without a script id.
		ed.ScriptID = nil
		if hasLoc {
			u := d.in.ScriptName(loc.ScriptID)
			ed.URL = &u
		}
		notify(ss, rt.EventExceptionThrown, &rt.ExceptionThrownEvent{Timestamp: rt.Timestamp(nowMillis()), ExceptionDetails: *ed})
	}
}

// maxErrorStacks bounds the error stacks kept for exceptionDetails (the
// most recent errors; older ones fall back to the throw site).
const maxErrorStacks = 256

// errorStack is the structured stack an error captured when it was made,
// held by a weak handle so that it does not keep the error alive.
type errorStack struct {
	g      heap.Global
	frames []interp.CallFrame
}

// errorCreated is the engine's error hook: remember where the error was
// made, as V8 does for exceptionDetails.stackTrace.
func (d *Domain) errorCreated(in *interp.Interp, obj layout.Value) {
	if len(d.sessions) == 0 {
		return
	}
	frames := d.captureStack()
	if len(d.errorStacks) >= maxErrorStacks {
		d.errorStacks[0].g.Release()
		d.errorStacks = d.errorStacks[1:]
	}
	d.errorStacks = append(d.errorStacks, errorStack{g: d.iso.Heap.NewWeak(obj, nil), frames: frames})
}

// errorFrames returns the stack an error captured when it was made.
func (d *Domain) errorFrames(v layout.Value) ([]interp.CallFrame, bool) {
	for i := len(d.errorStacks) - 1; i >= 0; i-- {
		if ev, ok := d.errorStacks[i].g.Value(); ok && ev == v {
			return d.errorStacks[i].frames, true
		}
	}
	return nil, false
}

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
	m := consoleMessage{typ: typ, timestamp: nowMillis(), stack: in.StackTrace(d.maxStack)}
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
	if len(m.stack) > 0 {
		ev.StackTrace = &rt.StackTrace{CallFrames: callFrames(m.stack)}
	}
	notify(ss, rt.EventConsoleAPICalled, ev)
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
		ed := d.exceptionDetails(ss, c, "", false)
		ed.Text = text
		cid := rt.ExecutionContextID(contextID)
		ed.ExecutionContextID = &cid
		if hasLoc {
			u := scriptURL(d.in.ScriptName(loc.ScriptID))
			ed.URL = &u
		}
		notify(ss, rt.EventExceptionThrown, &rt.ExceptionThrownEvent{Timestamp: rt.Timestamp(nowMillis()), ExceptionDetails: *ed})
	}
}

package engine

import (
	"container/heap"
	"math"
	"time"

	sheap "github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// The event loop, as node runs it: after the main script and after every
// callback, the nextTick queue and the microtasks (promise jobs) are
// drained, then unhandled rejections are processed; each turn of the loop
// runs the due timers (by due time, then creation order), the tasks posted
// to the isolate's inbox, then the immediates; when nothing is due it
// waits for the next timer or for a posted task. It ends when no ref'ed
// timer, immediate or host hold (Hold) is left.

// loopState is the isolate's event loop state. Every JavaScript value it
// keeps is in a heap.Global (a GC root).
type loopState struct {
	start      time.Time
	timers     timerQueue
	byID       map[int]*timer
	nextID     int
	seq        int
	immediates []*immediate
	ticks      []tick
	refTimers  int
	holds      int
	// turn is the loop time cached at the start of the current turn (as
	// libuv's uv_now): timers started during a turn count from it, so the
	// order of timers set by one piece of code does not depend on how fast
	// it runs.
	turn float64
	// exit is set once process.exit ran (or an uncaught error ended the
	// program): the loop stops.
	exited   bool
	exitCode int
	// rejections tracks unhandled rejections (rejections.go).
	rejections rejectionState
	// fatal is the error that ended the program, if any.
	fatal error
}

type timer struct {
	id       int
	due      float64 // ms since loop start
	seq      int
	repeat   float64 // ms, 0 for a timeout
	delay    float64
	ref      bool
	active   bool
	index    int // in the heap, -1 when not queued
	callback sheap.Global
	args     []sheap.Global
	obj      sheap.Global // the Timeout object
	// async is where the timer was set, for async stack traces (nil when
	// no inspector client asked for them).
	async *interp.AsyncStack
}

type immediate struct {
	callback sheap.Global
	args     []sheap.Global
	obj      sheap.Global
	ref      bool
	cleared  bool
	async    *interp.AsyncStack
}

type tick struct {
	callback sheap.Global
	args     []sheap.Global
	async    *interp.AsyncStack
}

// timerQueue orders timers by due time, then creation order.
type timerQueue []*timer

func (q timerQueue) Len() int { return len(q) }
func (q timerQueue) Less(i, j int) bool {
	if q[i].due != q[j].due {
		return q[i].due < q[j].due
	}
	return q[i].seq < q[j].seq
}
func (q timerQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index, q[j].index = i, j
}
func (q *timerQueue) Push(x any) {
	t := x.(*timer)
	t.index = len(*q)
	*q = append(*q, t)
}
func (q *timerQueue) Pop() any {
	old := *q
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	t.index = -1
	return t
}

func (iso *Isolate) loopInit() *loopState {
	if iso.loop == nil {
		iso.loop = &loopState{start: time.Now(), byID: map[int]*timer{}, nextID: 1}
	}
	return iso.loop
}

// now is the loop's clock in milliseconds.
func (l *loopState) now() float64 { return float64(time.Since(l.start)) / float64(time.Millisecond) }

// Hold keeps the event loop alive until the matching Release (an attached
// inspector session does this, as node waits for the debugger to
// disconnect). Isolate goroutine only.
func (iso *Isolate) Hold() { iso.loopInit().holds++ }

// Release undoes a Hold and wakes the loop so it can end.
func (iso *Isolate) Release() {
	l := iso.loopInit()
	if l.holds > 0 {
		l.holds--
	}
	iso.Wake()
}

// Exited reports whether process.exit was called (or an uncaught error
// ended the program), and the exit code.
func (iso *Isolate) Exited() (bool, int) {
	l := iso.loopInit()
	return l.exited, l.exitCode
}

// ExitCode returns the code the process should exit with now: the one
// process.exit gave, else process.exitCode (0 when unset).
func (iso *Isolate) ExitCode() int {
	l := iso.loopInit()
	if l.exited {
		return l.exitCode
	}
	return iso.processExitCode()
}

// RunMicrotasks drains the nextTick queue and the microtask queue as node
// does after each callback (ticks first, then promise jobs, until both are
// empty), then processes unhandled rejections. It returns a *JSError for an
// uncaught exception (which also ends the program: see Exited).
func (iso *Isolate) RunMicrotasks() error {
	js := iso.JS()
	l := iso.loopInit()
	for !l.exited {
		for len(l.ticks) > 0 && !l.exited {
			t := l.ticks[0]
			l.ticks = l.ticks[1:]
			prev := js.SwapAsyncStack(t.async)
			err := iso.callGlobal(t.callback, t.args, nil)
			js.SwapAsyncStack(prev)
			t.callback.Release()
			for _, a := range t.args {
				a.Release()
			}
			if err != nil {
				return err
			}
		}
		if l.exited {
			break
		}
		if !js.RunMicrotasks() {
			return iso.uncaught(iso.takeException())
		}
		if len(l.ticks) > 0 {
			continue
		}
		if err := iso.processRejections(); err != nil {
			return err
		}
		if len(l.ticks) == 0 && !js.HasPendingMicrotasks() {
			break
		}
	}
	iso.clearKeptObjects()
	return nil
}

// callGlobal calls a callback kept in globals with this = the object in
// recv (if not nil).
func (iso *Isolate) callGlobal(cb sheap.Global, args []sheap.Global, recv *sheap.Global) error {
	js := iso.JS()
	h := iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	fn, _ := cb.Value()
	fh := h.NewHandle(fn)
	vals := make([]layout.Value, len(args))
	hs := make([]sheap.Handle, len(args))
	for i, a := range args {
		v, _ := a.Value()
		hs[i] = h.NewHandle(v)
	}
	this := js.Undefined()
	if recv != nil {
		this, _ = recv.Value()
	}
	th := h.NewHandle(this)
	for i := range hs {
		vals[i] = hs[i].Value()
	}
	if _, ok := js.Call(fh.Value(), th.Value(), vals...); !ok {
		return iso.uncaught(iso.takeException())
	}
	return nil
}

// uncaught handles an uncaught exception: process 'uncaughtException'
// listeners get it if there are any; otherwise the program ends with exit
// code 1 (or 7 when the listener itself throws) and the error is
// returned.
func (iso *Isolate) uncaught(e *JSError) error {
	l := iso.loopInit()
	if e.Terminated {
		if l.exited {
			return nil // process.exit: its code stands
		}
		l.exited, l.exitCode = true, 1
		l.fatal = e
		return e
	}
	if handled, err := iso.emitUncaught(e); handled {
		return err
	}
	l.exited, l.exitCode = true, 1
	l.fatal = e
	return e
}

// RunEventLoop runs the event loop until no work is left (or process.exit
// or an uncaught exception ends it): nextTicks and microtasks, timers,
// immediates, posted tasks. It returns the uncaught *JSError that ended
// the program, if any; the exit code is ExitCode().
func (iso *Isolate) RunEventLoop() error {
	l := iso.loopInit()
	if err := iso.RunMicrotasks(); err != nil || l.exited {
		return iso.finish(err)
	}
	for !l.exited {
		// Timers due now, in order; those added meanwhile wait a turn.
		now := l.now()
		l.turn = now
		for len(l.timers) > 0 && l.timers[0].due <= now && !l.exited {
			t := heap.Pop(&l.timers).(*timer)
			if err := iso.fireTimer(t); err != nil {
				return iso.finish(err)
			}
		}
		if l.exited {
			break
		}
		// Posted tasks (CDP messages).
		if iso.InterruptRequested() {
			if iso.HandleInterrupts() {
				break
			}
			if err := iso.RunMicrotasks(); err != nil {
				return iso.finish(err)
			}
		}
		// Cleanup callbacks of FinalizationRegistries.
		if _, err := iso.runFinalizers(); err != nil {
			return iso.finish(err)
		}
		// Immediates queued before this phase.
		if n := len(l.immediates); n > 0 {
			batch := l.immediates[:n:n]
			l.immediates = l.immediates[n:]
			for _, im := range batch {
				if im.cleared || l.exited {
					continue
				}
				im.cleared = true
				prev := iso.JS().SwapAsyncStack(im.async)
				err := iso.callGlobal(im.callback, im.args, &im.obj)
				iso.JS().SwapAsyncStack(prev)
				iso.releaseImmediate(im)
				if err == nil {
					err = iso.RunMicrotasks()
				}
				if err != nil {
					return iso.finish(err)
				}
			}
			continue
		}
		if l.exited || !iso.loopAlive() {
			break
		}
		// Idle: wait for the next timer or a posted task.
		var wait <-chan time.Time
		if len(l.timers) > 0 {
			d := l.timers[0].due - l.now()
			if d <= 0 {
				continue
			}
			tm := time.NewTimer(time.Duration(d * float64(time.Millisecond)))
			wait = tm.C
			select {
			case <-wait:
			case <-iso.Woken():
			}
			tm.Stop()
			continue
		}
		<-iso.Woken()
	}
	return iso.finish(nil)
}

// finish runs the 'exit' listeners once and returns the error that ended
// the loop.
func (iso *Isolate) finish(err error) error {
	l := iso.loopInit()
	if l.fatal != nil {
		err = l.fatal
	}
	iso.emitExit()
	return err
}

// loopAlive reports whether anything keeps the loop running.
func (iso *Isolate) loopAlive() bool {
	l := iso.loop
	if l.holds > 0 || l.refTimers > 0 {
		return true
	}
	for _, im := range l.immediates {
		if !im.cleared && im.ref {
			return true
		}
	}
	return false
}

// fireTimer runs a due timer's callback and re-arms an interval.
func (iso *Isolate) fireTimer(t *timer) error {
	l := iso.loop
	if !t.active {
		return nil
	}
	if t.repeat == 0 {
		t.active = false
		if t.ref {
			l.refTimers--
		}
		delete(l.byID, t.id)
	}
	prev := iso.JS().SwapAsyncStack(t.async)
	err := iso.callGlobal(t.callback, t.args, &t.obj)
	iso.JS().SwapAsyncStack(prev)
	if t.repeat > 0 && t.active {
		t.due = l.turn + t.repeat
		l.seq++
		t.seq = l.seq
		heap.Push(&l.timers, t)
	} else if !t.active {
		iso.releaseTimer(t)
	}
	if err != nil {
		return err
	}
	return iso.RunMicrotasks()
}

func (iso *Isolate) releaseTimer(t *timer) {
	if t.callback == (sheap.Global{}) {
		return
	}
	t.callback.Release()
	for _, a := range t.args {
		a.Release()
	}
	t.obj.Release()
	t.callback, t.args, t.obj = sheap.Global{}, nil, sheap.Global{}
}

func (iso *Isolate) releaseImmediate(im *immediate) {
	if im.callback == (sheap.Global{}) {
		return
	}
	im.callback.Release()
	for _, a := range im.args {
		a.Release()
	}
	im.obj.Release()
	im.callback, im.args, im.obj = sheap.Global{}, nil, sheap.Global{}
}

// clampDelay converts a timer delay as node does: not a number, below 1 or
// above 2^31-1 become 1.
func clampDelay(js *interp.Interp, v layout.Value) (float64, bool) {
	d := 1.0
	if v != js.Undefined() {
		n, ok := js.ToNumber(v)
		if !ok {
			return 0, false
		}
		d = js.NumberValue(n)
	}
	if !(d >= 1 && d <= math.MaxInt32) {
		d = 1
	}
	return math.Trunc(d), true
}

// ReportUncaught gives an error RunScript returned for an uncaught
// exception to the process's 'uncaughtException' listeners: it returns nil
// when one handled it (the event loop may then run), else the error (and
// the program has ended: exit code 1).
func (iso *Isolate) ReportUncaught(err error) error {
	e, ok := err.(*JSError)
	if !ok || e.Parse {
		l := iso.loopInit()
		l.exited, l.exitCode = true, 1
		return err
	}
	if err := iso.uncaught(e); err != nil {
		return err
	}
	return iso.RunEventLoop()
}

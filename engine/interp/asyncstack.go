package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Async stack traces, as V8's inspector records them when a client asked
// for them (Runtime/Debugger.setAsyncCallStackDepth): every task scheduled
// while tracking is on (a promise reaction made by then/catch/finally
// called from JavaScript, an await, a timer, an immediate, a nextTick, a
// queueMicrotask callback) remembers the stack it was scheduled from and
// the task that was running then; when the task runs, that record is the
// current async parent, which console messages and errors report under
// their own frames. With tracking off (depth 0) nothing is captured: the
// cost is one integer test where a reaction is made and two pointer moves
// per job.

// AsyncStack is the stack a task was scheduled from (V8's
// AsyncStackTrace). Records are Go values, immutable once made (but for
// Parent, cut to bound a chain's length), and shared by the tasks that
// descend from them.
type AsyncStack struct {
	// Description is the kind of task: "Promise.then", "Promise.catch",
	// "Promise.finally", "await", or the host's name ("Timeout",
	// "Immediate", "TickObject", "Microtask", as node's async hooks).
	Description string
	// Frames are the JavaScript frames where the task was scheduled,
	// innermost first (for await, without the awaiting function's own
	// frame). May be empty.
	Frames []CallFrame
	// Parent is the task that was running when this one was scheduled.
	Parent *AsyncStack
	// chainLen bounds the chain's length (an over-estimate after cuts).
	chainLen int
	epoch    int
}

// asyncState is the interpreter's async stack tracking.
type asyncState struct {
	// depth is the requested depth (0: off); maxFrames bounds each
	// record's frames.
	depth     int
	maxFrames int
	// current is the async parent of the running code, nil when none.
	current *AsyncStack
	// epoch changes whenever tracking is turned off: records of an older
	// epoch are forgotten when their task runs (V8 drops every scheduled
	// task's stack then).
	epoch int
	// tasks are the records of pending promise reactions, by the id kept
	// in the reaction record's extra slot.
	tasks  map[int]*AsyncStack
	nextID int
}

// maxAsyncTasks bounds the reactions whose records are kept (V8 keeps at
// most 128K scheduled stacks); when reached, the older ones are dropped.
const maxAsyncTasks = 128 * 1024

// SetAsyncStackDepth turns async stack tracking on (depth > 0) or off.
// maxFrames bounds the frames each record keeps (V8: 200).
func (in *Interp) SetAsyncStackDepth(depth, maxFrames int) {
	a := &in.async
	if depth <= 0 {
		if a.depth > 0 {
			a.epoch++
		}
		a.depth, a.current, a.tasks = 0, nil, nil
		return
	}
	a.depth, a.maxFrames = depth, maxFrames
}

// AsyncStackDepth returns the depth SetAsyncStackDepth set (0: off).
func (in *Interp) AsyncStackDepth() int { return in.async.depth }

// CurrentAsyncParent returns the async parent of the running code, as V8
// computes it for a new stack trace: an empty record stands for its
// parent. Nil when tracking is off or no task is running.
func (in *Interp) CurrentAsyncParent() *AsyncStack {
	p := in.async.current
	if p != nil && len(p.Frames) == 0 {
		p = p.Parent
	}
	return p
}

// CaptureAsyncStack records the current stack for a task being scheduled
// with the given description; nil when tracking is off (or when there is
// nothing to record). skipTop leaves out the innermost JavaScript frame
// (an await's own function).
func (in *Interp) CaptureAsyncStack(description string, skipTop bool) *AsyncStack {
	a := &in.async
	if a.depth == 0 {
		return nil
	}
	n := a.maxFrames
	if skipTop && n > 0 {
		n++
	}
	frames := in.StackTrace(n)
	if skipTop && len(frames) > 0 {
		frames = frames[1:]
	}
	parent := in.CurrentAsyncParent()
	if len(frames) == 0 {
		if parent == nil {
			return nil
		}
		// An empty record adds nothing to a parent of the same kind
		// (the awaits of one async function after the first).
		if parent.Description == description {
			return parent
		}
	}
	s := &AsyncStack{Description: description, Frames: frames, Parent: parent, chainLen: 1, epoch: a.epoch}
	if parent != nil {
		s.chainLen = parent.chainLen + 1
		if limit := 2*a.depth + 2; s.chainLen > 2*limit {
			cutChain(s, limit)
		}
	}
	return s
}

// cutChain drops the records past the first limit of s's chain, and
// corrects the lengths along the kept part.
func cutChain(s *AsyncStack, limit int) {
	path := []*AsyncStack{s}
	for len(path) < limit && path[len(path)-1].Parent != nil {
		path = append(path, path[len(path)-1].Parent)
	}
	path[len(path)-1].Parent = nil
	for i := len(path) - 1; i >= 0; i-- {
		path[i].chainLen = len(path) - i
	}
}

// SwapAsyncStack makes s the current async parent (a task starts) and
// returns the previous one, which the caller restores when the task ends.
// A record from before tracking was last turned off counts as none.
func (in *Interp) SwapAsyncStack(s *AsyncStack) *AsyncStack {
	prev := in.async.current
	if s != nil && (in.async.depth == 0 || s.epoch != in.async.epoch) {
		s = nil
	}
	in.async.current = s
	return prev
}

// reactionAsyncStack returns the record of the task a reaction is about
// to be made for (nil when tracking is off or the reaction is not one V8
// tracks). onF is the reaction's fulfill handler.
func (in *Interp) reactionAsyncStack(onF layout.Value) *AsyncStack {
	if onF == layout.Smi(awaitFulfilled) {
		return in.CaptureAsyncStack("await", true)
	}
	if d := in.promiseThenDescription(); d != "" {
		return in.CaptureAsyncStack(d, false)
	}
	return nil
}

// promiseThenDescription names the reaction being made when
// Promise.prototype.then was called from JavaScript, directly or through
// catch or finally ("Promise.then", "Promise.catch", "Promise.finally"),
// and "" otherwise (then called by a builtin such as Promise.all, or by a
// job resolving a thenable), as V8's OnPromiseThen.
func (in *Interp) promiseThenDescription() string {
	desc := ""
	for i := len(in.frames) - 1; i >= 0; i-- {
		fr := in.frames[i]
		if fr.flags&frameNative == 0 {
			return desc
		}
		switch in.DebugName(in.f.FunctionShared(in.stack[fr.fp+bytecode.FrameClosure])) {
		case "then":
			desc = "Promise.then"
		case "catch":
			desc = "Promise.catch"
		case "finally":
			desc = "Promise.finally"
		default:
			return ""
		}
	}
	return ""
}

// newReactionRecord makes a reaction record, with an extra slot naming its
// async task when tracking is on and one was recorded.
func (in *Interp) newReactionRecord(onF heap.Handle) heap.Handle {
	f := in.f
	if in.async.depth > 0 {
		if s := in.reactionAsyncStack(onF.Value()); s != nil {
			a := &in.async
			if a.tasks == nil || len(a.tasks) >= maxAsyncTasks {
				a.tasks = map[int]*AsyncStack{}
			}
			a.nextID = (a.nextID + 1) & (1<<30 - 1)
			a.tasks[a.nextID] = s
			rec := f.NewFixedArray(rcSlots+1, heap.NewSpace)
			f.Set(rec.Value(), rcSlots, layout.Smi(a.nextID))
			return rec
		}
	}
	return f.NewFixedArray(rcSlots, heap.NewSpace)
}

// reactionTask takes the async record of a reaction record's task (nil
// when it has none).
func (in *Interp) reactionTask(rec layout.Value) *AsyncStack {
	f := in.f
	if f.Length(rec) <= rcSlots {
		return nil
	}
	id := f.Get(rec, rcSlots).SmiValue()
	s := in.async.tasks[id]
	delete(in.async.tasks, id)
	return s
}

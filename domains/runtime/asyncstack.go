package runtime

import (
	"strconv"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine/interp"
	dbg "github.com/sonde-js/sonde/protocol/debugger"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// Async stack traces. Runtime.setAsyncCallStackDepth and
// Debugger.setAsyncCallStackDepth each set a depth per session; the
// engine records async stacks while the largest is above 0 (V8 keeps one
// depth per agent and uses the largest). Console messages and exception
// details then carry the chain of the tasks that led to them: inline
// parents up to the depth for warnings, errors, traces, assertions and
// exceptions, only a parentId for other console messages (V8 builds those
// with depth 0), to be fetched with Debugger.getStackTrace.

// maxAsyncFrames is V8's frame limit of an async stack record
// (V8StackTraceImpl::kDefaultMaxCallStackSizeToCapture).
const maxAsyncFrames = 200

// maxStoredStacks bounds the stacks kept for parentId (V8 drops old ones
// too).
const maxStoredStacks = 16 * 1024

// setAsyncDepth records a session's depth for one agent and applies the
// largest.
func (d *Domain) setAsyncDepth(ss *session, debugger bool, depth int64) {
	if depth < 0 {
		depth = 0
	}
	if depth > 1<<20 {
		depth = 1 << 20
	}
	if debugger {
		ss.debuggerAsyncDepth = int(depth)
	} else {
		ss.runtimeAsyncDepth = int(depth)
	}
	d.applyAsyncDepth()
}

// applyAsyncDepth gives the engine the largest depth any session asked
// for; turning tracking off forgets the stored stacks, as V8 does.
func (d *Domain) applyAsyncDepth() {
	max := 0
	for _, ss := range d.sessions {
		if ss.runtimeAsyncDepth > max {
			max = ss.runtimeAsyncDepth
		}
		if ss.debuggerAsyncDepth > max {
			max = ss.debuggerAsyncDepth
		}
	}
	if max == 0 {
		d.storedStacks = nil
	}
	d.in.SetAsyncStackDepth(max, maxAsyncFrames)
}

// asyncParent is the async parent of a stack captured now (nil when
// tracking is off).
func (d *Domain) asyncParent() *interp.AsyncStack {
	if d.in.AsyncStackDepth() == 0 {
		return nil
	}
	return d.in.CurrentAsyncParent()
}

// stackTrace builds a CDP stack trace of frames with an async parent,
// inlining depth levels of parents and naming the next one by id; nil
// when there is nothing to report.
func (d *Domain) stackTrace(frames []interp.CallFrame, parent *interp.AsyncStack, depth int) *rt.StackTrace {
	if len(frames) == 0 && parent == nil {
		return nil
	}
	st := &rt.StackTrace{CallFrames: callFrames(frames)}
	d.addParent(st, parent, depth)
	return st
}

func (d *Domain) addParent(st *rt.StackTrace, parent *interp.AsyncStack, depth int) {
	if parent == nil {
		return
	}
	if depth > 0 {
		desc := parent.Description
		p := &rt.StackTrace{Description: &desc, CallFrames: callFrames(parent.Frames)}
		d.addParent(p, parent.Parent, depth-1)
		st.Parent = p
		return
	}
	if id := d.storeStack(parent); id != "" {
		st.ParentID = &rt.StackTraceID{ID: id}
	}
}

// storeStack keeps s for Debugger.getStackTrace and returns its id ("" when
// tracking is off).
func (d *Domain) storeStack(s *interp.AsyncStack) string {
	if d.in.AsyncStackDepth() == 0 {
		return ""
	}
	if d.storedStacks == nil || len(d.storedStacks) >= maxStoredStacks {
		d.storedStacks = map[int]*interp.AsyncStack{}
	}
	d.lastStackID++
	d.storedStacks[d.lastStackID] = s
	return strconv.Itoa(d.lastStackID)
}

// consoleAsyncDepth is the depth of inline parents a console message of
// type typ gets: V8 inlines them for assertions, errors, traces and
// warnings, and names only the first parent of other messages by id.
func (d *Domain) consoleAsyncDepth(typ string) int {
	switch typ {
	case "assert", "error", "trace", "warning":
		return d.in.AsyncStackDepth()
	}
	return 0
}

// getStackTrace is Debugger.getStackTrace: a stack stored for a parentId.
func (d *Domain) getStackTrace(ss *session, p *dbg.GetStackTraceParams) (easyjson.Marshaler, *cdp.Error) {
	id, err := strconv.ParseInt(p.StackTraceID.ID, 10, 64)
	if err != nil {
		return nil, cdp.ServerError("Invalid stack trace id")
	}
	s := d.storedStacks[int(id)]
	if s == nil {
		return nil, cdp.ServerError("Stack trace with given id is not found")
	}
	desc := s.Description
	st := rt.StackTrace{Description: &desc, CallFrames: callFrames(s.Frames)}
	d.addParent(&st, s.Parent, d.in.AsyncStackDepth())
	return &dbg.GetStackTraceReturns{StackTrace: st}, nil
}

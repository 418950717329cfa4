package interp

import (
	"strings"

	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// V8's zero-cost async stack traces: an error made in an async function
// resumed from an await lists, after its synchronous frames, the async
// functions waiting for it ("at async f (file:l:c)", where f is suspended)
// and the combinators on the way ("at async Promise.all (index 0)"),
// found by following the promise reactions from the resumed function's
// promise: while a pending promise has exactly one reaction, an await
// reaction names the awaiting function, a combinator's element function
// names the combinator and continues with its promise, and any other
// reaction continues with the promise it settles.

// awaitResume is a promise job running: the index of its frame, and the
// async function's generator object (an await resuming it) or the
// reaction record (a then handler).
type awaitResume struct {
	frame int
	v     heap.Handle
	gen   bool
}

// AsyncCombinatorFrame, when set (by the builtins), tells whether a
// reaction's handlers are the element functions of Promise.all,
// allSettled or any: the frame text ("Promise.all (index 0)") and the
// combinator's promise. Handlers that are not JSFunctions are passed as
// undefined.
type AsyncCombinatorFrame func(in *Interp, onFulfilled, onRejected layout.Value) (text string, promise layout.Value, ok bool)

// SetAsyncCombinatorFrame installs the builtins' combinator test.
func (in *Interp) SetAsyncCombinatorFrame(fn AsyncCombinatorFrame) { in.combinatorFrame = fn }

// writeAsyncFrames appends at most max async frames to a stack being
// captured. It does not allocate on the heap.
func (in *Interp) writeAsyncFrames(sb *strings.Builder, max int) {
	if len(in.awaitResumes) == 0 {
		return
	}
	r := in.awaitResumes[len(in.awaitResumes)-1]
	if r.frame >= len(in.frames) {
		return
	}
	f := in.f
	var promise layout.Value
	if r.gen {
		st, ok := in.generatorState(r.v.Value())
		if !ok {
			return
		}
		promise = f.Get(st, genPromise)
	} else {
		promise = f.Get(r.v.Value(), rcTarget)
	}
	for max > 0 {
		pst, ok := in.promiseState(promise)
		if !ok || f.Get(pst, prState) != layout.Smi(PromisePending) {
			return
		}
		list := f.Get(pst, prReactions)
		if !in.IsObject(list) || f.ArrayLength(list) != 1 {
			return
		}
		rec, ok := f.GetElement(list, 0)
		if !ok {
			return
		}
		onF, onR := f.Get(rec, rcOnFulfilled), f.Get(rec, rcOnRejected)
		if onF == layout.Smi(awaitFulfilled) {
			gst, ok := in.generatorState(f.Get(rec, rcTarget))
			if !ok || f.Get(gst, genKind) != layout.Smi(genKindAsyncFunction) {
				return
			}
			saved := f.Get(gst, genFrame)
			if saved == in.undefined {
				return
			}
			pos := -1
			if ba := f.Get(saved, bytecode.FrameBytecode); ba.IsHeapObject() {
				if table := in.h.Field(ba.Addr(), layout.BytecodeArraySourcePositionTableOffset); table != f.Roots.EmptyFixedArray {
					pos = bytecode.SourcePosition(f.ByteArrayBytes(table), f.Get(gst, genPC).SmiValue())
				}
			}
			sb.WriteString("\n    at async ")
			sb.WriteString(in.callSiteText(f.Get(saved, bytecode.FrameClosure), f.Get(saved, bytecode.FrameReceiver), 0, pos))
			max--
			promise = f.Get(gst, genPromise)
			continue
		}
		if in.combinatorFrame != nil {
			// Only functions reach the hook (element functions are).
			if !in.isFunction(onF) {
				onF = in.undefined
			}
			if !in.isFunction(onR) {
				onR = in.undefined
			}
			if text, next, ok := in.combinatorFrame(in, onF, onR); ok {
				sb.WriteString("\n    at async ")
				sb.WriteString(text)
				max--
				promise = next
				continue
			}
		}
		promise = f.Get(rec, rcTarget)
	}
}

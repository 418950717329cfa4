package interp

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// The job queue (ECMAScript's PromiseJobs; V8's microtask queue). Jobs
// hold heap values, so the queue is a GC root (visitRoots).

type jobKind uint8

const (
	// jobReaction: a = reaction record, b = argument, c = Smi(state).
	jobReaction jobKind = iota
	// jobThenable: a = promise, b = thenable, c = its then method.
	jobThenable
	// jobCallback: a = a function to call with no arguments
	// (queueMicrotask).
	jobCallback
	// jobGo: fn.
	jobGo
)

type job struct {
	kind    jobKind
	a, b, c layout.Value
	fn      func() bool
	// async is the task's async stack record (asyncstack.go), nil when
	// none; a reaction's is in its record.
	async *AsyncStack
}

// jobQueue is a FIFO of jobs.
type jobQueue struct {
	jobs []job
	head int
}

func (in *Interp) enqueueJob(j job) {
	q := &in.jobQueue
	if q.head > 0 && q.head == len(q.jobs) {
		q.jobs, q.head = q.jobs[:0], 0
	}
	q.jobs = append(q.jobs, j)
}

// EnqueueMicrotask queues a call of fn (a callable) with no arguments.
func (in *Interp) EnqueueMicrotask(fn layout.Value) {
	in.enqueueJob(job{kind: jobCallback, a: fn, b: in.undefined, c: in.undefined, async: in.CaptureAsyncStack("Microtask", false)})
}

// EnqueueGoMicrotask queues a Go job; it returns false with an exception
// pending to report an uncaught error.
func (in *Interp) EnqueueGoMicrotask(fn func() bool) {
	in.enqueueJob(job{kind: jobGo, a: in.undefined, b: in.undefined, c: in.undefined, fn: fn})
}

// HasPendingMicrotasks reports whether jobs are queued.
func (in *Interp) HasPendingMicrotasks() bool { return in.jobQueue.head < len(in.jobQueue.jobs) }

// RunMicrotasks runs queued jobs, including those they queue, until none
// is left. It returns false with the exception pending when a job throws
// an uncaught exception (a queueMicrotask callback, a Go job) or execution
// terminates; the remaining jobs stay queued.
func (in *Interp) RunMicrotasks() bool {
	q := &in.jobQueue
	for q.head < len(q.jobs) {
		j := q.jobs[q.head]
		q.jobs[q.head] = job{}
		q.head++
		if q.head == len(q.jobs) {
			q.jobs, q.head = q.jobs[:0], 0
		}
		if j.kind == jobReaction && in.async.tasks != nil {
			j.async = in.reactionTask(j.a)
		}
		prev := in.SwapAsyncStack(j.async)
		ok := in.runJob(j)
		in.async.current = prev
		if !ok {
			return false
		}
	}
	return true
}

func (in *Interp) visitJobs(visit func(*layout.Value)) {
	q := &in.jobQueue
	for i := q.head; i < len(q.jobs); i++ {
		j := &q.jobs[i]
		visit(&j.a)
		visit(&j.b)
		visit(&j.c)
	}
}

func (in *Interp) runJob(j job) bool {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	switch j.kind {
	case jobCallback:
		_, ok := in.Call(j.a, in.undefined)
		return ok
	case jobGo:
		return j.fn()
	case jobThenable:
		ph, th, then := h.NewHandle(j.a), h.NewHandle(j.b), h.NewHandle(j.c)
		res, rej := in.CreateResolvingFunctions(ph.Value())
		if _, ok := in.Call(then.Value(), th.Value(), res.Value(), rej.Value()); !ok {
			if in.terminating {
				return false
			}
			e := in.exception
			in.ClearException()
			if _, ok := in.Call(rej.Value(), in.undefined, e); !ok {
				return false
			}
		}
		return true
	}
	// A reaction.
	rec, arg := h.NewHandle(j.a), h.NewHandle(j.b)
	fulfilled := j.c == layout.Smi(PromiseFulfilled)
	handler := f.Get(rec.Value(), rcOnRejected)
	other := f.Get(rec.Value(), rcOnFulfilled)
	if fulfilled {
		handler, other = other, handler
	}
	var result layout.Value
	ok, called := true, true
	switch {
	case handler == layout.Smi(awaitFulfilled) || handler == layout.Smi(awaitRejected):
		mode := ResumeNext
		if handler == layout.Smi(awaitRejected) {
			mode = ResumeThrow
		}
		return in.asyncResume(f.Get(rec.Value(), rcTarget), mode, arg.Value())
	case handler == in.undefined:
		result, ok, called = arg.Value(), fulfilled, false
		if other.IsSmi() {
			in.takeGoReaction(other)
		}
	case handler.IsSmi():
		in.takeGoReaction(other)
		fn := in.takeGoReaction(handler)
		if fn == nil {
			result, ok, called = arg.Value(), fulfilled, false
		} else {
			result, ok = fn(in, arg.Value())
		}
	default:
		// Error stacks made by the handler follow the promise it
		// settles to the async functions awaiting it (asyncframes.go).
		in.awaitResumes = append(in.awaitResumes, awaitResume{frame: len(in.frames), v: rec})
		result, ok = in.Call(handler, in.undefined, arg.Value())
		in.awaitResumes = in.awaitResumes[:len(in.awaitResumes)-1]
	}
	if !ok && called {
		if in.terminating {
			return false
		}
		result = in.exception
		in.ClearException()
	}
	target := f.Get(rec.Value(), rcTarget)
	if target == in.undefined {
		return true
	}
	c := Capability{h.NewHandle(target), h.NewHandle(f.Get(rec.Value(), rcResolve)), h.NewHandle(f.Get(rec.Value(), rcReject))}
	return in.ResolveCapability(c, result, !ok)
}

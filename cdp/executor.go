package cdp

// Executor runs tasks on the isolate goroutine, the one goroutine that runs
// JavaScript and owns the heap. *engine.Isolate is one: its Post appends to
// an inbox that the interpreter drains at safepoints (function entries, loop
// back-edges) and the event loop drains while idle.
//
// Contract the server relies on:
//   - Post is safe from any goroutine and returns promptly: it queues, it
//     never waits for the isolate to be free;
//   - tasks run one at a time on the isolate goroutine, in the order they
//     were posted (per posting goroutine at least), so one session's commands
//     run in the order the client sent them;
//   - a posted task runs eventually while the isolate lives. If the isolate
//     stops draining its inbox, commands go unanswered and sessions'
//     SessionEnded callbacks do not run, but no server goroutine leaks: the
//     transport still closes.
//
// The server bounds what it posts per session (Config.MaxInFlight), so a
// client flooding a busy isolate is slowed down by TCP backpressure instead
// of growing the inbox without limit.
type Executor interface {
	Post(task func())
}

// ExecutorFunc adapts a function to Executor.
type ExecutorFunc func(task func())

// Post calls f(task).
func (f ExecutorFunc) Post(task func()) { f(task) }

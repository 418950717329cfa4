// Package engine is the JavaScript engine's Go API: an Isolate owns one heap,
// its object model and everything that runs on them, on one goroutine.
package engine

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"go.uber.org/zap"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/heapsnapshot"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Options configure an isolate.
type Options struct {
	Heap   heap.Options
	Logger *zap.Logger
	// Stdout and Stderr receive console output (nil: discarded).
	Stdout, Stderr io.Writer
	// StackSlots sizes the JavaScript value stack (0: the default, about
	// node's maximum call depth).
	StackSlots int
	// ExposeGC defines a global gc() that runs a full garbage collection
	// (node's --expose-gc).
	ExposeGC bool
	// Paranoid validates every frame slot before every instruction (a
	// debugging aid for GC-safety bugs; very slow).
	Paranoid bool
	// Argv is process.argv (node's: the executable, the script path, then
	// the script's arguments).
	Argv []string
	// UnhandledRejections is the --unhandled-rejections mode ("" is
	// RejectionsThrow, node 20's default).
	UnhandledRejections RejectionMode
	// ProfileHeapSnapshot logs each heap snapshot's generation and
	// serialization times to Stderr (V8's --profile-heap-snapshot).
	ProfileHeapSnapshot bool
	// Print, if set, defines a global print(msg) that passes ToString(msg)
	// to it (the shell function of d8 and of test262's hosts).
	Print func(string)
	// Host262 defines test262's $262 host object (evalScript, gc, global;
	// INTERPRETING.md) on the global: for conformance runners only.
	Host262 bool
	// ModuleLoader loads the ES modules imports name (nil:
	// FileModuleLoader).
	ModuleLoader ModuleLoader
	// V8Functions are added to the built-in v8 module (require('v8'),
	// import 'node:v8'): the host's own, such as takeCoverage.
	V8Functions []NativeFunction
	// NoOpt keeps every function in the interpreter (V8's --no-opt): no
	// tier-up to optimized code, every call counted.
	NoOpt bool

	// tierUpBudget, when set, is every tier-up budget (calls, back-edges
	// per tick, ticks): tests use 1 to optimize everything at once.
	tierUpBudget int
	// setUp, when set, runs once the realm is installed: tests define
	// their hooks there.
	setUp func(iso *Isolate)

	// commonJS makes tests' scripts run as CommonJS modules.
	commonJS bool
}

// Isolate is one JavaScript world: a heap, its objects, and the inbox through
// which other goroutines (CDP sessions) ask for work.
//
// Threading: everything but Post, TerminateExecution and Wake must be called
// on the isolate goroutine, the one that runs JavaScript. Posted tasks run
// there too: at safepoints while JavaScript runs (the interpreter polls
// InterruptRequested at function entries and loop back-edges and then calls
// HandleInterrupts), and in the event loop while idle.
type Isolate struct {
	Heap    *heap.Heap
	Factory *objects.Factory
	log     *zap.Logger

	// interrupt is non-zero when tasks are waiting or termination was
	// requested: one atomic load at each safepoint.
	interrupt atomic.Uint32
	mu        sync.Mutex
	inbox     []func()
	terminate bool
	// wake is signalled (without blocking) when work arrives, for an idle
	// event loop.
	wake chan struct{}

	opts Options
	// js is the interpreter and its realm, set up on first use (see JS).
	js *interp.Interp
	// loop is the event loop's state (eventloop.go), process the process
	// object's (process.go).
	loop    *loopState
	process *processState
	weaks   *weakState
	// commonJS is the require() machinery (see cjs); moduleKeys lists the
	// named exports of each built-in module made so far.
	commonJS   *commonJS
	moduleKeys map[string][]string
	// onUncaught is told of uncaught exceptions (SetUncaughtExceptionHook).
	onUncaught func(exception layout.Value)
	// snapshotter takes heap snapshots and keeps object ids (heapprof.go).
	snapshotter *heapsnapshot.Snapshotter
	snapshotSeq int
	// readableFactory makes v8.getHeapSnapshot's streams (heapprof_v8.go).
	readableFactory *heap.Global
}

const (
	interruptTasks     = 1 << 0
	interruptTerminate = 1 << 1
)

// NewIsolate creates an isolate with its heap and object model.
func NewIsolate(opts Options) (*Isolate, error) {
	log := opts.Logger
	if log == nil {
		log = zap.NewNop()
	}
	if opts.Heap.Logger == nil {
		opts.Heap.Logger = log
	}
	h, err := heap.New(opts.Heap)
	if err != nil {
		return nil, fmt.Errorf("create isolate: %w", err)
	}
	f, err := objects.New(h)
	if err != nil {
		h.Close()
		return nil, fmt.Errorf("create isolate: %w", err)
	}
	return &Isolate{Heap: h, Factory: f, log: log, wake: make(chan struct{}, 1), opts: opts}, nil
}

// Close releases the isolate's heap.
func (iso *Isolate) Close() error { return iso.Heap.Close() }

// Post queues task to run on the isolate goroutine. Safe from any goroutine.
func (iso *Isolate) Post(task func()) {
	iso.mu.Lock()
	iso.inbox = append(iso.inbox, task)
	iso.interrupt.Or(interruptTasks)
	iso.mu.Unlock()
	iso.Wake()
}

// Wake nudges an idle event loop. Safe from any goroutine.
func (iso *Isolate) Wake() {
	select {
	case iso.wake <- struct{}{}:
	default:
	}
}

// Woken returns the channel an idle event loop waits on.
func (iso *Isolate) Woken() <-chan struct{} { return iso.wake }

// TerminateExecution asks the running JavaScript to stop with an uncatchable
// termination at its next safepoint (Runtime.terminateExecution). Safe from
// any goroutine.
func (iso *Isolate) TerminateExecution() {
	iso.mu.Lock()
	iso.terminate = true
	iso.interrupt.Or(interruptTerminate)
	iso.mu.Unlock()
	iso.Wake()
}

// InterruptRequested is the safepoint poll: one atomic load.
func (iso *Isolate) InterruptRequested() bool { return iso.interrupt.Load() != 0 }

// HandleInterrupts runs the queued tasks, in order, including tasks they post,
// and reports whether termination was requested (and clears the request: the
// caller unwinds the running JavaScript).
//
// Tasks are taken from the inbox one at a time, so a task that runs
// JavaScript (whose safepoints call HandleInterrupts again) lets the tasks
// queued after it run in their order: a session's start always precedes its
// commands, whichever nesting level runs them.
func (iso *Isolate) HandleInterrupts() (terminate bool) {
	for {
		iso.mu.Lock()
		terminate = terminate || iso.terminate
		iso.terminate = false
		if len(iso.inbox) == 0 {
			iso.interrupt.Store(0)
			iso.mu.Unlock()
			return terminate
		}
		t := iso.inbox[0]
		iso.inbox[0] = nil
		iso.inbox = iso.inbox[1:]
		iso.mu.Unlock()
		t()
	}
}

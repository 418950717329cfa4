package interp

import (
	"io"
	"sync/atomic"

	"github.com/sonde-js/sonde/engine/compiler"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/jsregexp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Interp runs JavaScript on one heap: it owns the value stack the frames live
// on, the realm (intrinsic objects, the global object), the table of native
// functions, the scripts' syntax trees for lazy compilation, and the pending
// exception. It belongs to its isolate's goroutine.
type Interp struct {
	h *heap.Heap
	f *objects.Factory

	// buffers are the ArrayBuffer backing stores (see typedarray.go).
	buffers bufferTable

	// Read-only roots, cached: they never move.
	undefined, null, trueV, falseV, hole layout.Value
	emptyString, heapNumberMap           layout.Value

	// stack holds every frame's slots; slots below sp are GC roots. It is
	// allocated once and never grows, so indices stay valid.
	stack []layout.Value
	sp    int
	// frames are the Go-side records of the frames on the stack.
	frames []frame
	// limit is the stack index JS frames may not pass.
	limit int

	// mappedArguments is set once a mapped arguments object exists: the
	// property slow paths consult parameter maps from then on (arguments.go).
	mappedArguments bool

	// acc is the accumulator while it must survive a GC (a safepoint).
	acc layout.Value
	// exception is the pending exception while hasException is set.
	exception    layout.Value
	hasException bool
	// terminating is set while a termination unwinds every frame.
	terminating bool
	// lastThrow is where the pending exception was thrown.
	lastThrow throwLocation

	intrinsics [numIntrinsics]layout.Value
	names      [numNames]layout.Value

	natives []Native
	scripts []*script
	// evalCache is the direct eval compilation cache (dynamic.go).
	evalCache map[evalKey]*script
	// scriptContexts lists the script contexts of every script run, in
	// order; their bindings are visible to every later script.
	scriptContexts []layout.Value
	// modules are the module records by id, moduleMap them by path;
	// moduleLoader and syntheticModules find imported modules.
	modules          []*module
	moduleMap        map[string]*module
	moduleLoader     ModuleLoader
	syntheticModules map[string]SyntheticExports
	commonJSHook     func(path string) (SyntheticExports, bool)
	// asyncEvalCount orders modules' asynchronous evaluation;
	// lastModulePromise is the promise of RunModule's last evaluation
	// (a GC root).
	asyncEvalCount    int
	lastModulePromise layout.Value
	// importMetaResolve is import.meta.resolve's behavior (the host's).
	importMetaResolve func(specifier, referrer string) (string, error)
	// numberStrings caches ToString of small integers.
	numberStrings [numberStringCacheSize]layout.Value
	// temps holds Go-side values a slow path keeps across a call into
	// JavaScript (see pushTemp).
	temps []layout.Value

	interrupt        *atomic.Uint32
	handleInterrupts func() bool
	stressSafepoints bool
	paranoid         bool
	tier             tierState // the optimized tier's configuration (tierup.go)
	nativeDepth      int
	out, errOut      io.Writer
	compileOpts      compiler.Options
	cov              coverageState
	covHooks         CoverageHooks
	regexps          map[regexpKey]*jsregexp.Regexp

	// jobQueue holds the pending promise jobs and microtasks (jobs.go).
	jobQueue       jobQueue
	resumingAsync  bool
	goReactions    []GoReaction
	goReactionFree []int
	// OnPromiseRejection is the host's rejection tracker
	// (HostPromiseRejectionTracker), nil for none.
	OnPromiseRejection func(p layout.Value, ev PromiseRejectionEvent)

	// NewRegExp creates the RegExp object of a literal; set by the builtins.
	NewRegExp func(in *Interp, pattern, flags layout.Value) (layout.Value, bool)

	// scriptHook is told of every compiled script (SetScriptCompiledHook).
	scriptHook func(id int)
	// scriptFailedHook is told of sources that failed to parse.
	scriptFailedHook func(name, source string, module bool)
	// ConsoleHook, when set, is called by every console method before it
	// prints, with the method's CDP type ("log", "warning", "table"…) and
	// its arguments (valid until the next allocation): the inspector's
	// Runtime.consoleAPICalled.
	ConsoleHook func(in *Interp, typ string, args []layout.Value)
	// ErrorCreatedHook, when set, is called when an error object captures
	// its stack (construction, Error.captureStackTrace), with the
	// JavaScript stack still in place: the inspector keeps the structured
	// trace for exceptionDetails.stackTrace.
	ErrorCreatedHook func(in *Interp, obj layout.Value)

	// async is the async stack tracking (asyncstack.go; h-insp).
	async asyncState
	// awaitResumes are the async functions running from await jobs, and
	// combinatorFrame the builtins' test for combinator reactions
	// (asyncframes.go).
	awaitResumes    []awaitResume
	combinatorFrame AsyncCombinatorFrame
	// weakRefMirror is the host's WeakRef test (asyncframes.go).
	weakRefMirror WeakRefMirror
}

// Config configures an interpreter.
type Config struct {
	// Interrupt is the isolate's interrupt word, polled at every function
	// entry and loop back-edge; when it is non-zero HandleInterrupts is
	// called, and a true result terminates the running script.
	Interrupt        *atomic.Uint32
	HandleInterrupts func() bool
	// StackSlots is the size of the value stack; 0 means DefaultStackSlots.
	// A call that would pass it throws RangeError "Maximum call stack size
	// exceeded".
	StackSlots int
	// StressSafepoints calls the heap's Safepoint (a GC in stress mode) at
	// every function entry and back-edge.
	StressSafepoints bool
	// Stdout and Stderr receive console output; nil discards it.
	Stdout, Stderr io.Writer
	// Paranoid checks, before every instruction, that the accumulator and
	// every frame slot hold valid values (a debugging aid for GC-safety
	// bugs; very slow).
	Paranoid bool
	// TierUp configures the optimized tier (tierup.go).
	TierUp TierUpConfig
}

// DefaultStackSlots is the default stack size: about 12,000 frames of a small
// recursive function, close to node's default depth.
const DefaultStackSlots = 1 << 17

// maxNativeDepth bounds the nesting of JavaScript called from Go (getters,
// callbacks of builtins), whose frames do recurse in Go.
const maxNativeDepth = 2000

// New creates an interpreter on the factory's heap and sets up its realm.
// Builtin functions are installed by the caller (package builtins).
func New(f *objects.Factory, cfg Config) *Interp {
	r := &f.Roots
	n := cfg.StackSlots
	if n <= 0 {
		n = DefaultStackSlots
	}
	in := &Interp{
		h: f.H, f: f,
		undefined: r.Undefined, null: r.Null, trueV: r.True, falseV: r.False, hole: r.TheHole, lastModulePromise: r.Undefined,
		emptyString: r.EmptyString, heapNumberMap: r.HeapNumberMap,
		stack:            make([]layout.Value, n+64),
		limit:            n,
		interrupt:        cfg.Interrupt,
		handleInterrupts: cfg.HandleInterrupts,
		stressSafepoints: cfg.StressSafepoints,
		paranoid:         cfg.Paranoid,
		out:              cfg.Stdout,
		errOut:           cfg.Stderr,
	}
	in.tier.configure(cfg.TierUp)
	if in.interrupt == nil {
		in.interrupt = new(atomic.Uint32)
	}
	if in.out == nil {
		in.out = io.Discard
	}
	if in.errOut == nil {
		in.errOut = io.Discard
	}
	in.acc, in.exception = r.Undefined, r.Undefined
	for i := range in.intrinsics {
		in.intrinsics[i] = r.Undefined
	}
	for i := range in.numberStrings {
		in.numberStrings[i] = r.Undefined
	}
	f.H.AddRoots(in.visitRoots)
	f.H.AddWeakRoots(in.sweepBuffers)
	in.setUpNames()
	in.setUpRealm()
	return in
}

// visitRoots hands the GC every heap reference the interpreter holds.
func (in *Interp) visitRoots(visit func(*layout.Value)) {
	for i := 0; i < in.sp; i++ {
		visit(&in.stack[i])
	}
	visit(&in.acc)
	visit(&in.exception)
	for i := range in.intrinsics {
		visit(&in.intrinsics[i])
	}
	for i := range in.names {
		visit(&in.names[i])
	}
	for i := range in.scriptContexts {
		visit(&in.scriptContexts[i])
	}
	for i := range in.numberStrings {
		visit(&in.numberStrings[i])
	}
	for i := range in.temps {
		visit(&in.temps[i])
	}
	for _, s := range in.scripts {
		visit(&s.script)
		visit(&s.shared)
		visit(&s.evalCell)
	}
	for i := range in.cov.vectors {
		visit(&in.cov.vectors[i])
	}
	in.visitJobs(visit)
	in.visitModuleRoots(visit)
	visit(&in.lastModulePromise)
	in.tier.mega.visit(visit)
	in.tier.megaStore.visit(visit)
}

// Factory returns the object factory the interpreter runs on.
func (in *Interp) Factory() *objects.Factory { return in.f }

// Heap returns the heap the interpreter runs on.
func (in *Interp) Heap() *heap.Heap { return in.h }

// Stdout returns the writer console.log writes to.
func (in *Interp) Stdout() io.Writer { return in.out }

// Stderr returns the writer console.error writes to.
func (in *Interp) Stderr() io.Writer { return in.errOut }

// SetCompilerOptions sets the options later compilations use (block
// coverage counters…).
func (in *Interp) SetCompilerOptions(o compiler.Options) { in.compileOpts = o }

// pushTemp keeps v alive (and updated) across allocations until popTemps.
// It returns the index to read it back with temp.
func (in *Interp) pushTemp(v layout.Value) int {
	in.temps = append(in.temps, v)
	return len(in.temps) - 1
}

// temp returns the current value of temp i.
func (in *Interp) temp(i int) layout.Value { return in.temps[i] }

// popTemps drops the temps from index i on.
func (in *Interp) popTemps(i int) { in.temps = in.temps[:i] }

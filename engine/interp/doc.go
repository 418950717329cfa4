// Package interp runs bytecode: the dispatch loop, calls, property access
// with inline caches, operators and conversions, exceptions, and the realm
// (intrinsic objects and the global object) the builtins fill.
//
// Progress: scripts run end to end (parse → lazy compile → interpret) with
// numbers, strings, objects, arrays, functions, closures, classes
// (extends/super, fields, private members), generators (yield, yield*),
// destructuring, spread, for-in/of, try/catch/finally, labeled control
// flow, getters/setters, global eval and new Function, Map/Set/WeakMap/
// WeakSet, Reflect, JSON, direct eval seeing and declaring local
// variables and the with statement (dynamic.go: lookups by name along the
// context chain), and V8-style errors and stack traces; console
// output matches node's on the test corpus, also under GC stress (with
// compaction and a paranoid per-instruction value check). Code coverage
// in V8's five modes (invocation counts, pinned vectors, block counters
// compiled with V8's slot rules) reproduces node's answers on the
// coverage corpus (coverage.go). Array sort is V8's TimSort step for
// step. Promises (promise.go: states, reactions, resolving functions,
// capabilities; the combinators are in package builtins), the job queue
// (jobs.go), async functions and arrows, async generators, for-await and
// yield* over async and sync iterables (async.go, asynciter.go) run with
// V8's tick counts: the corpus interleaves them with plain promise chains
// and matches node line for line. The event loop, timers and the process
// object are the isolate's (package engine). ES modules run with live
// import bindings, cycles, star exports,
// namespace objects, import.meta, top-level await (async module
// evaluation) and dynamic import() (modules.go); CommonJS files compile
// as the body of node's wrapper function (commonjs.go). Namespace objects
// are proxies with native traps over a target kept in sync with the
// bindings. Proxy objects (proxy.go) run all thirteen traps with the
// specification's invariant checks, through the spec's object operations
// (descriptor.go: [[GetOwnProperty]], [[DefineOwnProperty]], [[Set]] with
// a receiver...); the property slow paths meet a proxy as propProxy, and
// the inline caches never cache one, so the monomorphic paths are
// unchanged. ArrayBuffers (fixed and resizable, detachable), the typed
// arrays (integer-indexed exotic objects) and DataView keep their bytes
// off-heap (typedarray.go: a weak table of backing stores, accounted as
// external memory). BigInts (bigint.go) are immutable heap objects (a
// sign and 64-bit digits, objects.NewBigInt); their operators,
// comparisons with numbers and strings, ToBigInt and BigInt64Array /
// BigUint64Array elements run on the slow paths only (math/big on values
// read out of the heap), with V8's error messages. Array indices that
// need more than a plain element (accessors, attributes, positions far
// past the backing store: very sparse arrays, lengths up to 2^32-1) are
// named properties spelled as the index (arrayindex.go); lookups, stores
// and key listings treat them as elements, and a non-writable array
// length is a private marker. Not yet: import attributes other than type
// "json", a separate dictionary elements kind (V8's NumberDictionary) for
// those indices.
//
// Arguments objects are ordinary objects marked by a private slot. Strict
// functions and those with non-simple parameters get unmapped ones. A
// sloppy function with simple parameters that uses `arguments` (or whose
// direct eval may) keeps its parameters in its context, and its arguments
// object is mapped (arguments.go): the mapped indices are holes in the
// elements and the private slot holds the parameter map (the context and
// each index's slot and attributes), so the element fast paths miss them
// and the property slow paths (ownProperty, set, Delete, DefineOwn,
// DefineOwnProperty) and key listings (an objects hook on holes) read and
// write the parameter through the map until the index is deleted, made an
// accessor or read-only. Those slow-path checks run only once some mapped
// arguments object exists.
//
// # Promises and async functions
//
// A promise is an ordinary object with a private state slot (a FixedArray:
// state, result, pending reactions, handled flag). A reaction record names
// what it settles (a derived promise or capability, or the async function
// or generator an await resumes) and its two handlers, which may be
// callables, undefined (pass through), Go reactions (PerformPromiseThenGo,
// the API Go code such as the module loader uses) or the await markers.
// Settling a promise queues one job per reaction; jobs live in a Go slice
// the GC visits as roots (visitJobs). RunMicrotasks drains it.
// OnPromiseRejection is the host's rejection tracker.
//
// Async functions and async generators reuse the generator frames: the
// compiler wraps an async function's body (parameters included) in a
// handler that rejects its promise, and its returns resolve it; `await`
// is RtAwait (PromiseResolve, then reactions that resume the generator
// object) followed by SuspendGenerator, whose first execution returns the
// promise to the caller. Await of a native promise takes one tick, of a
// thenable three, and returning a promise from an async function two more,
// as in V8. An async generator's next/return/throw queue requests; after
// each resumption asyncGeneratorRun looks at why the frame stopped (an
// await, a yield, completion) and settles the requests.
//
// # Frames and calls
//
// Every call's frame is a window of one isolate-owned []layout.Value stack
// (a GC root): the header slots (closure, context, BytecodeArray, feedback
// vector, new.target, receiver), the formal parameters, the registers, then
// any extra arguments. Register operands index that window. The Go-side
// frame records (pc, argc, flags) are beside it, so a frame is plain data a
// generator could later copy into a heap object.
//
// A JavaScript call from bytecode pushes a frame and continues in the same
// loop: recursion in JavaScript does not recurse in Go, and its depth is
// bounded only by the stack size (RangeError "Maximum call stack size
// exceeded"). Builtins (Natives) get an Args view of a native frame; when
// they call back into JavaScript (callbacks, getters, valueOf) a nested
// run of the loop executes the call.
//
// At every function entry the interpreter counts the invocation on the
// function's FeedbackVector (made on the first call, as V8 does lazily) and
// polls the isolate's interrupt word; it polls again on every loop
// back-edge. A posted task runs there; a termination unwinds every frame
// without running catch or finally blocks.
//
// # GC safety
//
// Every allocation may move objects. The dispatch loop keeps the
// accumulator in a Go local and re-reads the bytecode from the frame after
// any operation that may allocate; slow paths take plain values and hold
// what they need after an allocation in handles (or in the temps root list
// for values that must survive a call into JavaScript).
//
// # Exceptions
//
// A JavaScript exception is a pending value plus a false status returned
// up to the loop, which unwinds through each frame's handler table (try
// ranges → handler pc and the register holding the context to restore).
// No Go panic carries a JavaScript exception.
//
// # Inline caches
//
// Named loads and stores own two feedback slots each: monomorphic
// (map, handler), polymorphic (a list of up to four pairs) or megamorphic.
// The loop inlines the monomorphic own-field load and store; prototype
// chain loads (methods), accessors, array and string length, and
// transitioning stores (adding a property along a map transition) are
// handlers too, validated by the maps of the prototypes they depend on.
// Global loads cache the global object's field or a script-context slot.
//
// # Tier-up
//
// A hot function (a budget of calls and loop back-edges) gets optimized
// code (tierup.go): a BytecodeArray with the same pcs, constant pool and
// tables as its baseline, in which instructions are rewritten in place to
// superinstructions and to quickened forms guarded by the inline-cache
// feedback. It lives in the FeedbackVector; calls run it without counting
// the invocation. On-stack replacement and deoptimization swap a frame's
// FrameBytecode between the two arrays at the same pc. Precise coverage
// drops all optimized code and turns tier-up off.
package interp

// Package interp runs bytecode: the dispatch loop, calls, property access
// with inline caches, operators and conversions, exceptions, and the realm
// (intrinsic objects and the global object) the builtins fill.
//
// Progress: scripts run end to end (parse → lazy compile → interpret) with
// numbers, strings, objects, arrays, functions, closures, classes
// (extends/super, fields, private members), generators (yield, yield*),
// destructuring, spread, for-in/of, try/catch/finally, labeled control
// flow, getters/setters, global eval and new Function, Map/Set/WeakMap/
// WeakSet, Reflect, JSON, and V8-style errors and stack traces; console
// output matches node's on the test corpus, also under GC stress (with
// compaction and a paranoid per-instruction value check). Code coverage
// in V8's five modes (invocation counts, pinned vectors, block counters
// compiled with V8's slot rules) reproduces node's answers on the
// coverage corpus (coverage.go). Array sort is V8's TimSort step for
// step. ES modules run with live import bindings, cycles, star exports,
// namespace objects and import.meta (modules.go); CommonJS files compile
// as the body of node's wrapper function (commonjs.go). Not yet: async
// functions and the event loop (so top-level await and dynamic import()),
// Proxy, typed arrays, direct eval of local variables, with; namespace
// objects are ordinary objects kept in sync, not exotic ones (a property
// of an uninitialized binding reads undefined instead of throwing).
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
package interp

// Package profiler is the CDP Profiler domain's coverage half:
// Profiler.enable/disable, getBestEffortCoverage, startPreciseCoverage,
// takePreciseCoverage, stopPreciseCoverage and the
// preciseCoverageDeltaUpdate event, answered as node's inspector answers
// them; and node's NODE_V8_COVERAGE files (FileWriter).
//
// The engine collects raw counts (engine/interp: invocation counts on
// feedback vectors, block counters compiled into bytecode); package
// coverage turns them into V8's ranges; this package owns the state the
// protocol needs on top (which sessions enabled the domain, which one
// started precise coverage, the clock of the timestamps) and the
// translation to the protocol types.
//
// # Beyond V8: block counters for code compiled before the start
//
// V8 gives block counters only to functions compiled after
// startPreciseCoverage{detailed:true}: code that already ran reports its
// function range alone until the page reloads. Here entering a block mode
// drops the bytecode of every function compiled before (Interp.Recompile),
// so each is compiled again with counters on its next call. Its counts then
// mean: the function's count is its calls since the start (the
// function-scope counter); its blocks count executions in activations
// entered since the start. Activations already running at the start — a
// top-level script, a loop in progress, a suspended generator or async
// function — keep their old bytecode and add nothing to the block counts
// (a resumed generator still counts its resumption as an invocation).
// Top-level code is never recompiled: it cannot be entered again.
// Options.V8Compatible keeps V8's behaviour.
//
// # Threading
//
// Everything runs on the isolate goroutine: the cdp handlers are called
// there, and the Go API (Profiler's methods, FileWriter) must be called
// there too.
package profiler

package main

import (
	"errors"

	"github.com/sonde-js/sonde/internal/test262"
)

// newSondeEngine runs test262 in-process on Sonde's engine through
// test262.RealmEngine, once the engine can run scripts.
//
// To wire it, implement test262.RealmHost on top of package engine (a
// sondeHost type in this file) and return
// test262.NewRealmEngine("sonde", sondeHost{...}). What the engine must
// offer, per RealmHost and Realm:
//
//   - NewRealm: a fresh isolate per test, created on the calling goroutine
//     (RealmEngine runs each job on a goroutine of its own), with a global
//     print(msg) calling RealmOptions.Print with ToString(msg), and, when
//     RealmOptions.Host262 is set, the $262 object of test262's
//     INTERPRETING.md (createRealm, evalScript, detachArrayBuffer, gc,
//     global; agent and IsHTMLDDA if ever) behind the engine's test-host
//     flag. Print and $262 must be writable, configurable, non-enumerable
//     globals, and $262.evalScript must throw the realm's own SyntaxError.
//   - RunScript(source, name): ParseScript then ScriptEvaluation as global
//     code (not wrapped in a function). Exceptions are returned as
//     *test262.ScriptError with Phase parse (the script did not compile,
//     early errors included) or runtime, and Name = the name of the thrown
//     value's constructor ("Test262Error" has no own or inherited name
//     property: read thrown.constructor.name, not thrown.name), "" for
//     primitives.
//   - RunModule(source, path): ParseModule (PhaseParse on failure), load
//     the graph with RealmOptions.LoadModule, then link (PhaseResolution
//     for load, parse and link errors of imported modules), then evaluate
//     (PhaseRuntime), settling top-level await; import() from scripts and
//     modules resolves through the same loader and module map.
//   - Drain: run promise jobs and queued tasks until none are left; async
//     tests print Test262:AsyncTestComplete from a job.
//   - Terminate: Isolate.TerminateExecution (safe from any goroutine);
//     the realm's goroutine then unwinds and Close releases the isolate.
//   - Capabilities: the $262 properties provided, and CanBlock (true if
//     Atomics.wait may block the main thread).
//
// At the time of writing, the engine's in-progress Isolate.RunScript
// (engine/run.go) compiles and runs in one call and reports a *JSError
// whose Name is the error's name property: the adapter needs the compile
// step separately (to tell the parse phase from the runtime phase) and the
// thrown value itself (for its constructor's name), plus a way to define
// the print and $262 natives and to drain jobs.
//
// Until then -engine sonde reports that it is not wired.
func newSondeEngine() (test262.Engine, error) {
	return nil, errors.New("-engine sonde: the Sonde adapter is not wired yet (the engine cannot run test262 scripts yet); implement test262.RealmHost in cmd/test262/sonde.go as its doc comment says")
}

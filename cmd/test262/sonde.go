package main

import (
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/internal/test262"
)

// newSondeEngine runs test262 in-process on Sonde's engine: one isolate per
// job, created on the job's goroutine (RealmEngine runs each job on a
// goroutine of its own), with print and, for tests that use it, the $262
// object of the engine's Host262 option.
//
// Modules run through the engine's module loader (RealmOptions.LoadModule),
// async tests through its event loop (Drain). Not provided yet:
// $262.createRealm (the interpreter has one realm per isolate),
// $262.agent; RealmEngine's runner skips the tests needing them.
func newSondeEngine() (test262.Engine, error) {
	return test262.NewRealmEngine("sonde", sondeHost{}), nil
}

// sondeHost is the test262.RealmHost of package engine.
type sondeHost struct{}

// Capabilities are the $262 properties install262 defines; the main agent
// can block in Atomics.wait, as node's main thread can.
func (sondeHost) Capabilities() test262.Capabilities {
	return test262.Capabilities{CanBlock: true, Host262: []string{
		test262.Host262EvalScript, test262.Host262GC, test262.Host262Global,
		test262.Host262DetachArrayBuffer,
	}}
}

// NewRealm makes a fresh isolate and its realm.
func (sondeHost) NewRealm(opts test262.RealmOptions) (r test262.Realm, err error) {
	iso, err := engine.NewIsolate(engine.Options{
		Print:               opts.Print,
		Host262:             opts.Host262,
		ModuleLoader:        engine.ModuleLoader(opts.LoadModule),
		UnhandledRejections: engine.RejectionsNone, // test262 judges by prints and throws only
	})
	if err != nil {
		return nil, err
	}
	realm := &sondeRealm{iso: iso}
	defer realm.catch(&err)
	iso.JS() // the realm's standard library, before the first script
	return realm, nil
}

// sondeRealm is one job's isolate.
type sondeRealm struct {
	iso *engine.Isolate
	// broken is set after a Go panic: the isolate's state is unknown, so
	// nothing else runs on it.
	broken bool
}

// catch turns a Go panic of the engine into the job's error (a failure of
// that test carrying the panic and its stack), so one test cannot take the
// runner down. Use as `defer r.catch(&err)`.
func (r *sondeRealm) catch(err *error) {
	if p := recover(); p != nil {
		r.broken = true
		*err = fmt.Errorf("Go panic in the engine: %v\n%s", p, debug.Stack())
	}
}

// RunScript runs source as a global script.
func (r *sondeRealm) RunScript(source, name string) (err error) {
	if r.broken {
		return errors.New("realm unusable after a Go panic")
	}
	defer r.catch(&err)
	_, err = r.iso.RunScript(source, name)
	return scriptError(err)
}

// RunModule runs source as the module at path, its imports loaded through
// RealmOptions.LoadModule.
func (r *sondeRealm) RunModule(source, path string) (err error) {
	if r.broken {
		return errors.New("realm unusable after a Go panic")
	}
	defer r.catch(&err)
	return scriptError(r.iso.RunModuleSource(source, path))
}

// Drain runs the event loop (promise jobs, timers) until no work is left.
func (r *sondeRealm) Drain() (err error) {
	if r.broken {
		return errors.New("realm unusable after a Go panic")
	}
	defer r.catch(&err)
	return scriptError(r.iso.RunEventLoop())
}

// Terminate stops the running script at its next safepoint.
func (r *sondeRealm) Terminate() { r.iso.TerminateExecution() }

// Close releases the isolate.
func (r *sondeRealm) Close() (err error) {
	defer r.catch(&err)
	return r.iso.Close()
}

// scriptError converts the engine's *JSError to a *test262.ScriptError
// (the phase, and the name of the thrown value's constructor); a
// termination stays a host error.
func scriptError(err error) error {
	var je *engine.JSError
	if err == nil || !errors.As(err, &je) {
		return err
	}
	if je.Terminated {
		return errors.New("terminated")
	}
	se := &test262.ScriptError{Phase: test262.PhaseRuntime, Name: je.Constructor, Message: je.Message}
	switch {
	case je.Parse:
		se.Phase = test262.PhaseParse
	case je.Resolution:
		se.Phase = test262.PhaseResolution
	}
	if je.NonError {
		se.Message = je.Stack
	}
	return se
}

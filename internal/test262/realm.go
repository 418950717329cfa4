package test262

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// RealmHost is the small interface an in-process engine implements so that
// RealmEngine can run test262 on it. Sonde's engine implements it in
// cmd/test262 (sonde.go); fakes implement it in tests.
//
// Threading: RealmEngine calls NewRealm and every Realm method but
// Terminate on one goroutine per job (the job's worker goroutine); an
// engine whose isolates are bound to a goroutine creates the isolate in
// NewRealm and uses it from there.
type RealmHost interface {
	// NewRealm creates a fresh realm (one isolate is fine) whose global
	// object has print (calling opts.Print) and, if opts.Host262, the $262
	// object of INTERPRETING.md with the properties the host supports.
	NewRealm(opts RealmOptions) (Realm, error)
	// Capabilities says which $262 properties NewRealm provides and
	// whether the main agent can block.
	Capabilities() Capabilities
}

// RealmOptions configure a new realm.
type RealmOptions struct {
	// Print receives the string value of print's first argument.
	Print func(string)
	// Host262 asks for the $262 object.
	Host262 bool
	// LoadModule resolves an import: specifier as written, referrer the
	// absolute path of the importing module or script. It returns the
	// module's absolute path (its identity in the realm's module map) and
	// source text. Files ending in .json are JSON modules.
	LoadModule func(specifier, referrer string) (path, source string, err error)
}

// Realm is one test's realm.
type Realm interface {
	// RunScript parses source and evaluates it as a global script named
	// name. Errors are *ScriptError (PhaseParse or PhaseRuntime) for
	// exceptions, anything else for host failures.
	RunScript(source, name string) error
	// RunModule parses source as the module at path, loads and links its
	// imports through RealmOptions.LoadModule and evaluates it, waiting for
	// a top-level await to settle (so it runs jobs). Errors are
	// *ScriptError: PhaseParse if source does not parse, PhaseResolution
	// if loading, parsing or linking an imported module fails,
	// PhaseRuntime if evaluation throws.
	RunModule(source, path string) error
	// Drain runs queued jobs (promise reactions, then timers and other
	// tasks) until none are left or Terminate is called.
	Drain() error
	// Terminate stops running JavaScript as soon as possible (the job's
	// deadline passed). It is called from another goroutine.
	Terminate()
	// Close releases the realm.
	Close() error
}

// ScriptError is an uncaught JavaScript exception reported by a Realm.
type ScriptError struct {
	Phase Phase
	// Name is the name of the thrown value's constructor, "" for
	// primitives.
	Name string
	// Message is the error's message, or the primitive as a string.
	Message string
}

func (e *ScriptError) Error() string {
	return fmt.Sprintf("%s (%s phase): %s", e.Name, e.Phase, e.Message)
}

// RealmEngine runs jobs on a RealmHost, one realm per job.
type RealmEngine struct {
	name string
	host RealmHost
}

// NewRealmEngine adapts host to the Engine interface.
func NewRealmEngine(name string, host RealmHost) *RealmEngine {
	return &RealmEngine{name: name, host: host}
}

// Name is the name given to NewRealmEngine.
func (e *RealmEngine) Name() string { return e.name }

// Capabilities are the host's.
func (e *RealmEngine) Capabilities() Capabilities { return e.host.Capabilities() }

// Close does nothing: realms are closed after each job.
func (e *RealmEngine) Close() error { return nil }

// Run executes job in a new realm. The realm runs on a goroutine of its own
// so that Run can return at the deadline even if Terminate is slow to take
// effect; that goroutine closes the realm when it ends.
func (e *RealmEngine) Run(ctx context.Context, job *Job) Execution {
	out := &printLog{}
	term := &terminator{}
	done := make(chan Execution, 1)
	go func() { done <- e.execute(job, out, term) }()
	select {
	case ex := <-done:
		ex.Prints = out.list()
		return ex
	case <-ctx.Done():
		term.fire()
		return Execution{TimedOut: true, Prints: out.list()}
	}
}

// execute runs job in a new realm on the calling goroutine.
func (e *RealmEngine) execute(job *Job, out *printLog, term *terminator) Execution {
	realm, err := e.host.NewRealm(RealmOptions{
		Print:      out.add,
		Host262:    job.Uses262,
		LoadModule: loadModuleFile,
	})
	if err != nil {
		return Execution{HostError: fmt.Sprintf("new realm: %v", err)}
	}
	defer realm.Close()
	term.set(realm)
	for _, f := range job.Prelude {
		if err := realm.RunScript(f.Source, f.Path); err != nil {
			return Execution{HostError: fmt.Sprintf("harness file %s: %v", filepath.Base(f.Path), err)}
		}
	}
	if job.Module {
		err = realm.RunModule(job.Source, job.File)
	} else {
		err = realm.RunScript(job.Source, job.File)
	}
	if err == nil {
		err = realm.Drain()
	}
	var se *ScriptError
	switch {
	case err == nil:
		return Execution{}
	case errors.As(err, &se):
		return Execution{Error: &ThrownError{Phase: se.Phase, Name: se.Name, Message: se.Message}}
	default:
		return Execution{HostError: err.Error()}
	}
}

// printLog collects a job's prints; print may be called from the realm's
// goroutine while Run reads the log at the deadline.
type printLog struct {
	mu     sync.Mutex
	prints []string
}

func (l *printLog) add(s string) {
	l.mu.Lock()
	l.prints = append(l.prints, s)
	l.mu.Unlock()
}

func (l *printLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.prints...)
}

// terminator terminates a job's realm at the deadline, whether the deadline
// comes before or after the realm exists.
type terminator struct {
	mu    sync.Mutex
	realm Realm
	fired bool
}

func (t *terminator) set(r Realm) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.realm = r
	if t.fired {
		r.Terminate()
	}
}

func (t *terminator) fire() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.fired = true
	if t.realm != nil {
		t.realm.Terminate()
	}
}

// loadModuleFile resolves test262 module specifiers, which all start with
// "./" and name files beside the importing file.
func loadModuleFile(specifier, referrer string) (string, string, error) {
	if !strings.HasPrefix(specifier, "./") && !strings.HasPrefix(specifier, "../") {
		return "", "", fmt.Errorf("load module %q from %s: only relative specifiers are supported", specifier, referrer)
	}
	path := filepath.Join(filepath.Dir(referrer), filepath.FromSlash(specifier))
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("load module %q from %s: %w", specifier, referrer, err)
	}
	return path, string(b), nil
}

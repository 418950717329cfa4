package test262

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// scriptHost is a RealmHost whose "JavaScript" is a list of commands, one
// per line: "print X", "throw Name", "syntax" (a parse error), "import
// ./spec" (modules only), "spin" (loop until terminated), "later X" (print
// X from a job, in Drain).
type scriptHost struct {
	mu     sync.Mutex
	realms []*scriptRealm
}

func (h *scriptHost) Capabilities() Capabilities {
	return Capabilities{Host262: []string{Host262EvalScript}}
}

func (h *scriptHost) NewRealm(opts RealmOptions) (Realm, error) {
	r := &scriptRealm{opts: opts, stop: make(chan struct{})}
	h.mu.Lock()
	h.realms = append(h.realms, r)
	h.mu.Unlock()
	return r, nil
}

type scriptRealm struct {
	opts     RealmOptions
	ran      []string // names of scripts and modules run
	jobs     []string
	stop     chan struct{}
	stopOnce sync.Once
	closed   bool
}

func (r *scriptRealm) run(source string, module bool, name string) error {
	for _, line := range strings.Split(source, "\n") {
		cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch cmd {
		case "print":
			r.opts.Print(arg)
		case "later":
			r.jobs = append(r.jobs, arg)
		case "throw":
			return &ScriptError{Phase: PhaseRuntime, Name: arg, Message: "thrown"}
		case "syntax":
			return &ScriptError{Phase: PhaseParse, Name: "SyntaxError", Message: "unexpected"}
		case "import":
			if !module {
				return &ScriptError{Phase: PhaseParse, Name: "SyntaxError", Message: "import in script"}
			}
			if _, _, err := r.opts.LoadModule(arg, name); err != nil {
				return &ScriptError{Phase: PhaseResolution, Name: "SyntaxError", Message: err.Error()}
			}
		case "spin":
			<-r.stop
			return errors.New("terminated")
		}
	}
	return nil
}

func (r *scriptRealm) RunScript(source, name string) error {
	r.ran = append(r.ran, filepath.Base(name))
	return r.run(source, false, name)
}

func (r *scriptRealm) RunModule(source, path string) error {
	r.ran = append(r.ran, "module:"+filepath.Base(path))
	return r.run(source, true, path)
}

func (r *scriptRealm) Drain() error {
	for _, p := range r.jobs {
		r.opts.Print(p)
	}
	r.jobs = nil
	return nil
}

func (r *scriptRealm) Terminate()   { r.stopOnce.Do(func() { close(r.stop) }) }
func (r *scriptRealm) Close() error { r.closed = true; return nil }

func TestRealmEngine(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dep_FIXTURE.js"), []byte("export {};"), 0o644); err != nil {
		t.Fatal(err)
	}
	host := &scriptHost{}
	eng := NewRealmEngine("script", host)
	if eng.Name() != "script" || !eng.Capabilities().Has(Host262EvalScript) {
		t.Fatalf("name %q caps %+v", eng.Name(), eng.Capabilities())
	}
	prelude := []SourceFile{{Path: "/h/assert.js", Source: "print assert"}, {Path: "/h/sta.js", Source: ""}}
	job := func(src string, module, async bool) *Job {
		return &Job{Test: &Test{Meta: &Metadata{}}, Prelude: prelude, Source: src, File: filepath.Join(dir, "t.js"), Module: module, Async: async, Uses262: true}
	}
	ctx := context.Background()

	ex := eng.Run(ctx, job("print a\nlater Test262:AsyncTestComplete", false, true))
	if ex.Error != nil || ex.HostError != "" || strings.Join(ex.Prints, ",") != "assert,a,Test262:AsyncTestComplete" {
		t.Errorf("script run: %+v", ex)
	}
	r := host.realms[0]
	if strings.Join(r.ran, ",") != "assert.js,sta.js,t.js" || !r.closed || !r.opts.Host262 {
		t.Errorf("realm ran %v, closed %v, host262 %v", r.ran, r.closed, r.opts.Host262)
	}

	ex = eng.Run(ctx, job("syntax", false, false))
	if ex.Error == nil || ex.Error.Phase != PhaseParse || ex.Error.Name != "SyntaxError" {
		t.Errorf("parse error: %+v", ex)
	}

	ex = eng.Run(ctx, job("import ./dep_FIXTURE.js\nprint ok", true, false))
	if ex.Error != nil || strings.Join(ex.Prints, ",") != "assert,ok" || host.realms[2].ran[2] != "module:t.js" {
		t.Errorf("module run: %+v, ran %v", ex, host.realms[2].ran)
	}
	ex = eng.Run(ctx, job("import ./missing_FIXTURE.js", true, false))
	if ex.Error == nil || ex.Error.Phase != PhaseResolution {
		t.Errorf("missing module: %+v", ex)
	}

	// A failing prelude is the host's problem, not the test's.
	bad := job("print never", false, false)
	bad.Prelude = []SourceFile{{Path: "/h/assert.js", Source: "throw TypeError"}}
	ex = eng.Run(ctx, bad)
	if !strings.Contains(ex.HostError, "assert.js") {
		t.Errorf("bad prelude: %+v", ex)
	}

	// At the deadline Run returns and the realm is terminated.
	tctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	ex = eng.Run(tctx, job("print before\nspin", false, false))
	if !ex.TimedOut || strings.Join(ex.Prints, ",") != "assert,before" {
		t.Errorf("spin: %+v", ex)
	}
	spun := host.realms[len(host.realms)-1]
	select {
	case <-spun.stop:
	case <-time.After(time.Second):
		t.Errorf("spinning realm was not terminated")
	}

	// Classified through the runner's rules.
	j := job("throw Test262Error", false, false)
	if o := Classify(j, eng.Run(ctx, j)); o.Status != Fail || !strings.Contains(o.Message, "Test262Error") {
		t.Errorf("classified throw: %+v", o)
	}
}

func TestLoadModuleFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a_FIXTURE.js"), []byte("export var a;"), 0o644); err != nil {
		t.Fatal(err)
	}
	path, src, err := loadModuleFile("./a_FIXTURE.js", filepath.Join(dir, "test.js"))
	if err != nil || path != filepath.Join(dir, "a_FIXTURE.js") || src != "export var a;" {
		t.Errorf("loadModuleFile = %q, %q, %v", path, src, err)
	}
	if _, _, err := loadModuleFile("fs", filepath.Join(dir, "test.js")); err == nil {
		t.Errorf("bare specifier: no error")
	}
	if _, _, err := loadModuleFile("./nope.js", filepath.Join(dir, "test.js")); err == nil {
		t.Errorf("missing file: no error")
	}
}

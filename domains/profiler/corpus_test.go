package profiler

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine"
	proto "github.com/sonde-js/sonde/protocol/profiler"
)

// The coverage corpus (coverage/testdata) run through the domain: a
// client enables the domain and starts precise coverage with each mode's
// flags before the script is compiled, as gen.mjs drives node, then takes
// twice (or asks for best-effort coverage twice); every answer must be
// node's, with script ids that are the engine's own.

const corpusDir = "coverage/testdata"

// corpusSkip lists the corpus scripts that need what the engine does not
// have yet (the same list as engine/coverage_test.go).
// coverageModeSkip (as in engine/coverage_test.go) lists corpus scripts checked in every mode but those
// named, for the reasons given.
var coverageModeSkip = map[string]map[string]string{
	"module_top_level_await.mjs": {"bestEffortEagerFeedback": "our module context keeps the unexported async function compute alive after evaluation; V8 lets it be collected (best-effort then reports 0)"},
}

var corpusSkip = map[string]string{
	"with_statement.js": "the with statement",
}

// modeFlags are gen.mjs's modes: precise flags, or best-effort.
var modeFlags = map[string]struct{ precise, callCount, detailed bool }{
	"blockCount":              {true, true, true},
	"blockBinary":             {true, false, true},
	"functionCount":           {true, true, false},
	"functionBinary":          {true, false, false},
	"bestEffortEagerFeedback": {false, false, false},
}

type expectation struct {
	Stdout string `json:"stdout"`
	Modes  map[string]struct {
		First  json.RawMessage `json:"first"`
		Second json.RawMessage `json:"second"`
	} `json:"modes"`
}

func TestCorpusThroughDomain(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "corpus", "*js"))
	if err != nil || len(files) < 40 {
		t.Fatalf("corpus: %d files, %v", len(files), err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			if why := corpusSkip[name]; why != "" {
				t.Skip(why)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var exp expectation
			base := strings.TrimSuffix(strings.TrimSuffix(name, ".mjs"), ".js")
			data, err := os.ReadFile(filepath.Join(corpusDir, "expected", base+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &exp); err != nil {
				t.Fatal(err)
			}
			for mode, fl := range modeFlags {
				if why := coverageModeSkip[name][mode]; why != "" {
					t.Logf("%s not checked: %s", mode, why)
					continue
				}
				first, second, stdout := runThroughDomain(t, name, string(src), fl.precise, fl.callCount, fl.detailed)
				if stdout != exp.Stdout {
					t.Errorf("%s: stdout %q, want %q", mode, stdout, exp.Stdout)
				}
				sameCoverage(t, mode+" first", first, exp.Modes[mode].First)
				sameCoverage(t, mode+" second", second, exp.Modes[mode].Second)
			}
		})
	}
}

// runThroughDomain runs src under a client of the domain as gen.mjs runs
// node and returns both takes.
func runThroughDomain(t *testing.T, name, src string, precise, callCount, detailed bool) (first, second []proto.ScriptCoverage, stdout string) {
	t.Helper()
	var out bytes.Buffer
	iso, err := engine.NewIsolate(engine.Options{Stdout: &out, Stderr: &out, ExposeGC: true})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	p := New(iso, Options{})
	c := p.NewClient(nil)
	c.Enable()
	if precise {
		if _, err := c.StartPrecise(callCount, detailed, false); err != nil {
			t.Fatal(err)
		}
	}

	if strings.HasSuffix(name, ".mjs") {
		err = iso.RunModuleSource(src, name)
	} else {
		_, err = iso.RunScript(src, name)
	}
	if err == nil {
		// As gen.mjs waits for node's beforeExit: promise jobs, timers.
		err = iso.RunEventLoop()
	}
	if err != nil {
		var je *engine.JSError
		if !errors.As(err, &je) {
			t.Fatal(err)
		}
		out.WriteString(je.Report())
	}
	take := func() []proto.ScriptCoverage {
		iso.Heap.CollectGarbage(true)
		if !precise {
			return p.BestEffort()
		}
		r, _, err := c.TakePrecise()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	first = take()
	callGlobal(t, iso, "afterFirstTake")
	second = take()
	return first, second, out.String()
}

// callGlobal calls the global function name if the script defined one.
func callGlobal(t *testing.T, iso *engine.Isolate, name string) {
	js := iso.JS()
	fn, ok := js.GetNamed(js.GlobalObject(), js.InternalizeGo(name).Value())
	if !ok {
		js.ClearException()
		return
	}
	if !js.IsCallable(fn) {
		return
	}
	if _, ok := js.Call(fn, js.Undefined()); !ok {
		js.ClearException()
	}
}

// sameCoverage compares our ScriptCoverage list with node's (which has no
// scriptId: ids are each engine's own); ours must have decimal ids.
func sameCoverage(t *testing.T, what string, got []proto.ScriptCoverage, want json.RawMessage) {
	t.Helper()
	type script struct {
		URL       string                   `json:"url"`
		Functions []proto.FunctionCoverage `json:"functions"`
	}
	g := make([]script, len(got))
	for i, s := range got {
		if !isDecimal(string(s.ScriptID)) {
			t.Errorf("%s: scriptId %q", what, s.ScriptID)
		}
		g[i] = script{URL: s.URL, Functions: s.Functions}
	}
	var w []script
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if w == nil {
		w = []script{}
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	if !bytes.Equal(gb, wb) {
		t.Errorf("%s:\ngot  %s\nwant %s", what, gb, wb)
	}
}

func isDecimal(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

package engine

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// TestV8ModuleHostFunctionsAndSnapshot checks that a host's
// Options.V8Functions join the v8 module (for require and import) and that
// v8.writeHeapSnapshot writes a parseable snapshot and returns its name.
func TestV8ModuleHostFunctionsAndSnapshot(t *testing.T) {
	dir := t.TempDir()
	var out capWriter
	calls := 0
	iso, err := NewIsolate(Options{Stdout: &out, Stderr: &out, V8Functions: []NativeFunction{
		{"hostHook", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			calls++
			return in.NewString("hooked " + in.GoString(a.Arg(0))).Value(), true
		}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	snap := filepath.Join(dir, "s.heapsnapshot")
	mjs := filepath.Join(dir, "m.mjs")
	os.WriteFile(mjs, []byte("import { hostHook } from 'v8';\nconsole.log(hostHook('esm'));\n"), 0o644)
	cjs := filepath.Join(dir, "main.js")
	os.WriteFile(cjs, []byte("const v8 = require('node:v8');\nconsole.log(v8.hostHook('cjs'), v8.writeHeapSnapshot("+jsString(snap)+"));\nrequire('./m.mjs');\n"), 0o644)
	if err := iso.RunMain(cjs); err == nil || !strings.Contains(err.Error(), "ERR_REQUIRE_ESM") && !strings.Contains(err.Error(), "require() of ES Module") {
		t.Fatalf("require of .mjs: %v", err)
	}
	if err := iso.RunMain(mjs); err != nil {
		t.Fatal(err)
	}
	if want := "hooked cjs " + snap + "\nhooked esm\n"; out.String() != want || calls != 2 {
		t.Fatalf("output %q (want %q), %d calls", out.String(), want, calls)
	}
	data, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Snapshot struct {
			NodeCount int `json:"node_count"`
		} `json:"snapshot"`
	}
	if err := json.Unmarshal(data, &s); err != nil || s.Snapshot.NodeCount == 0 {
		t.Fatalf("snapshot: %v, %d nodes", err, s.Snapshot.NodeCount)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

package heapsnapshot

import (
	"github.com/sonde-js/sonde/internal/e2eenv"

	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/objects"
)

// TestDumpProgram writes the test program's snapshot to the file named by
// $HEAPSNAPSHOT_OUT, for DevTools or testdata/devtools_check.mjs; with
// $HEAPSNAPSHOT_LEAKY=n, the benchmark's heap of n LeakyThing instead.
func TestDumpProgram(t *testing.T) {
	out := os.Getenv("HEAPSNAPSHOT_OUT")
	if out == "" {
		t.Skip("set HEAPSNAPSHOT_OUT to write the test program's snapshot")
	}
	var f *objects.Factory
	if n, err := strconv.Atoi(os.Getenv("HEAPSNAPSHOT_LEAKY")); err == nil {
		f = buildLeaky(t, n)
	} else {
		f = newFactory(t, heap.Options{})
		scope := f.H.OpenScope()
		defer scope.Close()
		program(f, newWorld(f), 1000)
	}
	file, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if err := New(f).WriteSnapshot(file, Options{CaptureNumericValue: true, ExposeInternals: true}); err != nil {
		t.Fatal(err)
	}
}

// TestDevToolsLoadsTheSnapshot loads the test program's snapshot with the
// DevTools frontend's heap snapshot worker (testdata/devtools_check.mjs) and
// checks its Summary's class counts. It needs node and the e2e npm packages
// (chrome-devtools-frontend and esbuild: `npm ci --prefix e2e`, which .ci/run
// does; or DEVTOOLS set to another npm prefix holding them).
func TestDevToolsLoadsTheSnapshot(t *testing.T) {
	node := e2eenv.Node(t)
	prefix := os.Getenv("DEVTOOLS")
	if prefix == "" {
		prefix = e2eenv.NPMPrefix(t)
	}
	f := newFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	program(f, newWorld(f), 1000)
	file := filepath.Join(t.TempDir(), "program.heapsnapshot")
	out, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := New(f).WriteSnapshot(out, Options{CaptureNumericValue: true, ExposeInternals: true}); err != nil {
		t.Fatal(err)
	}
	out.Close()
	cmd := exec.Command(node, "testdata/devtools_check.mjs", file)
	cmd.Env = append(os.Environ(), "DEVTOOLS="+prefix)
	text, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("devtools_check: %v\n%s", err, text)
	}
	counts := map[string]int{}
	for _, line := range strings.Split(string(text), "\n") {
		if f := strings.Fields(line); len(f) >= 4 {
			if n, err := strconv.Atoi(f[0]); err == nil {
				counts[strings.Join(f[3:], " ")] = n
			}
		}
	}
	if counts["LeakyThing"] != 1000 || counts["Foo"] != 500 {
		t.Errorf("DevTools' summary:\n%s", text)
	}
}

package profiler

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sonde-js/sonde/engine"
)

// node's v8.takeCoverage()/v8.stopCoverage() under NODE_V8_COVERAGE, as
// node v20 answers (checked by hand): each take writes a file with what ran
// since the previous one; after stop, nothing is written at exit.
//
//	function f(){}
//	f(); v8.takeCoverage(); f(); v8.takeCoverage(); v8.stopCoverage(); f();
//
// gives two files: the top level and f (count 1), then f alone (count 1).
func TestFileWriterTakeAndStop(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cov")
	iso, err := engine.NewIsolate(engine.Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	w, err := StartFileCoverage(New(iso, Options{}), dir)
	if err != nil {
		t.Fatal(err)
	}
	ms := int64(1795262003559)
	w.now = func() time.Time { ms++; return time.UnixMilli(ms) }
	js := iso.JS()
	run := func(src string) {
		t.Helper()
		if _, err := iso.RunScript(src, "/tmp/t2.js"); err != nil {
			t.Fatal(err)
		}
	}
	run("function f(){}\nf();")
	if err := js.TakeCoverage(); err != nil {
		t.Fatal(err)
	}
	callGlobal(t, iso, "f")
	js.TakeCoverage()
	js.StopCoverage()
	callGlobal(t, iso, "f")
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(names) != 2 {
		t.Fatalf("files %q", names)
	}
	want := []string{
		`{"result":[{"scriptId":"1","url":"file:///tmp/t2.js","functions":[{"functionName":"","ranges":[{"startOffset":0,"endOffset":19,"count":1}],"isBlockCoverage":true},{"functionName":"f","ranges":[{"startOffset":0,"endOffset":14,"count":1}],"isBlockCoverage":true}]}],"timestamp":`,
		`{"result":[{"scriptId":"1","url":"file:///tmp/t2.js","functions":[{"functionName":"f","ranges":[{"startOffset":0,"endOffset":14,"count":1}],"isBlockCoverage":true}]}],"timestamp":`,
	}
	for i, n := range names {
		if base := filepath.Base(n); base != "coverage-"+itoa(os.Getpid())+"-"+itoa(int(1795262003560+i))+"-0.json" {
			t.Errorf("file name %s", base)
		}
		data, _ := os.ReadFile(n)
		if !strings.HasPrefix(string(data), want[i]) {
			t.Errorf("file %d:\n%s\nwant %s…", i, data, want[i])
		}
	}
	if iso.JS().TakeCoverage() != nil || iso.JS().CoverageMode() != 0 {
		t.Error("hooks or precise mode left after Finish")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

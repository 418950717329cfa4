package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

var snapshotName = regexp.MustCompile(`^Heap\.\d{8}\.\d{6}\.\d+\.0\.\d{3}\.heapsnapshot$`)

// snapshotsIn returns the heap snapshot files in dir.
func snapshotsIn(t *testing.T, dir string) []string {
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if snapshotName.MatchString(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestHeapSnapshotSignal: --heapsnapshot-signal writes a snapshot (node's
// default name, in the working directory) when the signal arrives while the
// script runs; --profile-heap-snapshot logs its two timings.
func TestHeapSnapshotSignal(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	script := filepath.Join(dir, "spin.js")
	os.WriteFile(script, []byte("class Marker {}\nvar m = new Marker();\nvar end = Date.now() + 1500;\nwhile (Date.now() < end) {}\n"), 0o644)
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				if len(snapshotsIn(t, dir)) == 0 {
					syscall.Kill(os.Getpid(), syscall.SIGUSR2)
				}
			}
		}
	}()
	var out, errOut bytes.Buffer
	code, err := run([]string{"--heapsnapshot-signal=SIGUSR2", "--profile-heap-snapshot", script}, &out, &errOut)
	close(stop)
	if code != 0 || err != nil {
		t.Fatalf("code %d err %v stderr %s", code, err, errOut.String())
	}
	files := snapshotsIn(t, dir)
	if len(files) == 0 {
		t.Fatal("no snapshot written")
	}
	data, _ := os.ReadFile(filepath.Join(dir, files[0]))
	if !bytes.Contains(data, []byte(`"Marker"`)) {
		t.Errorf("snapshot %s lacks the script's class", files[0])
	}
	if log := errOut.String(); !strings.Contains(log, "[Heap snapshot took ") || !strings.Contains(log, "[Serialization of heap snapshot took ") {
		t.Errorf("--profile-heap-snapshot log: %q", log)
	}
	for _, bad := range [][]string{{"--heapsnapshot-signal=SIGNOPE", script}, {"--heapsnapshot-near-heap-limit=-1", script}, {"--heapsnapshot-signal"}} {
		if code, _ := run(bad, &out, &errOut); code != 9 {
			t.Errorf("%v: code %d", bad, code)
		}
	}
}

// TestHeapSnapshotNearHeapLimit runs a script that exhausts a 16 MiB heap
// with --heapsnapshot-near-heap-limit=1 in a child process: one snapshot
// is written, then the process dies with node's report (exit 134).
func TestHeapSnapshotNearHeapLimit(t *testing.T) {
	if args := os.Getenv("SONDE_INSPECTOR_CHILD"); args != "" {
		code, _ := run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr)
		os.Exit(code)
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "grow.js")
	os.WriteFile(script, []byte("class Chunk { constructor(i) { this.a = [i, i, i, i, i, i, i, i]; } }\nvar all = [];\nfor (;;) all.push(new Chunk(all.length));\n"), 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHeapSnapshotNearHeapLimit$")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SONDE_INSPECTOR_CHILD="+strings.Join([]string{"--max-old-space-size=16", "--heapsnapshot-near-heap-limit=1", script}, "\x1f"))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 134 || !strings.Contains(string(out), "JavaScript heap out of memory") {
		t.Fatalf("child: %v\n%.2000s", err, out)
	}
	files := snapshotsIn(t, dir)
	if len(files) != 1 {
		t.Fatalf("%d snapshots written: %v", len(files), files)
	}
	if !strings.Contains(string(out), "Wrote snapshot to "+filepath.Join(dir, files[0])+"\n") {
		t.Errorf("no \"Wrote snapshot to\" line:\n%.2000s", out)
	}
	data, _ := os.ReadFile(filepath.Join(dir, files[0]))
	if !bytes.Contains(data, []byte(`"Chunk"`)) || !bytes.HasSuffix(data, []byte("]}")) {
		t.Errorf("snapshot %s is not a whole snapshot of the program (%d bytes)", files[0], len(data))
	}
}

package main

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// checkFakeReport checks what the driver printed for fakeScript.
func checkFakeReport(t *testing.T, out string) {
	t.Helper()
	rep, err := parseDriverOutput(out)
	if err != nil {
		t.Fatalf("%v\noutput:\n%s", err, out)
	}
	if !rep.Done {
		t.Errorf("driver did not finish; output:\n%s", out)
	}
	if rep.Scores["Good"] != 123 || rep.Scores["Global"] != 123 || len(rep.Scores) != 2 {
		t.Errorf("scores %v, errors %v", rep.Scores, rep.Errors)
	}
	if !strings.Contains(rep.Errors["Bad"], "wrong result\nline two \\ backslash") {
		t.Errorf("Bad's error %q lost its message", rep.Errors["Bad"])
	}
	if rep.Errors["Thrown"] != "Alert called" {
		t.Errorf("Thrown's error = %q", rep.Errors["Thrown"])
	}
}

func TestGojaRunsTheDriver(t *testing.T) {
	out, err := gojaRunner{}.Run(context.Background(), fakeScript())
	if err != nil {
		t.Fatal(err)
	}
	checkFakeReport(t, out)
}

func TestNodeRunsTheDriver(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not in PATH")
	}
	for _, name := range []string{"node-jitless", "node"} {
		r, err := newRunner(name, runnerConfig{NodePath: "node"})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Available(); err != nil {
			t.Fatal(err)
		}
		out, err := r.Run(context.Background(), fakeScript())
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		checkFakeReport(t, out)
	}
}

func TestSondeRunsTheDriver(t *testing.T) {
	out, err := sondeRunner{}.Run(context.Background(), fakeScript())
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	checkFakeReport(t, out)
}

// TestRunnersStopAtTheirDeadline runs an endless loop on each in-process
// engine (and node, if present) and expects a prompt context error. (An
// engine that never stops leaves its goroutine spinning: the test fails.)
func TestRunnersStopAtTheirDeadline(t *testing.T) {
	loop := Script{Name: "loop.js", Source: "for (;;) {}"}
	runners := []Runner{gojaRunner{}, sondeRunner{}}
	if _, err := exec.LookPath("node"); err == nil {
		runners = append(runners, &nodeRunner{name: "node-jitless", path: "node", flags: []string{"--jitless"}})
	}
	for _, r := range runners {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		done := make(chan error, 1)
		go func() {
			_, err := r.Run(ctx, loop)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("%s: err = %v, want a deadline error", r.Name(), err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("%s did not stop 10s after its deadline", r.Name())
		}
		cancel()
	}
}

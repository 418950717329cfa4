package test262

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	plain := &Job{Test: mustTest(t, "p.js", header("", ""))}
	async := &Job{Test: mustTest(t, "a.js", header("flags: [async]\n", "")), Async: true}
	negParse := &Job{Test: mustTest(t, "n.js", header("negative:\n  phase: parse\n  type: SyntaxError\n", ""))}
	negRes := &Job{Test: mustTest(t, "r.js", header("negative:\n  phase: resolution\n  type: SyntaxError\nflags: [module]\n", "")), Module: true}
	negRun := &Job{Test: mustTest(t, "u.js", header("negative:\n  phase: runtime\n  type: Test262Error\n", ""))}
	syntax := func(p Phase) *ThrownError { return &ThrownError{Phase: p, Name: "SyntaxError", Message: "bad"} }

	for _, tc := range []struct {
		name string
		job  *Job
		ex   Execution
		want Status
		msg  string // substring of the message
	}{
		{"plain passes", plain, Execution{}, Pass, ""},
		{"plain throws", plain, Execution{Error: &ThrownError{PhaseRuntime, "Test262Error", "nope"}}, Fail, "uncaught Test262Error in runtime phase: nope"},
		{"plain parse error", plain, Execution{Error: syntax(PhaseParse)}, Fail, "SyntaxError in parse phase"},
		{"primitive thrown", plain, Execution{Error: &ThrownError{PhaseRuntime, "", "Test262: This statement should not be evaluated."}}, Fail, "non-error value"},
		{"timeout", plain, Execution{TimedOut: true}, Fail, "timed out"},
		{"host error", plain, Execution{HostError: "node exited"}, Fail, "host error: node exited"},
		{"host error beats negative", negParse, Execution{HostError: "boom", Error: syntax(PhaseParse)}, Fail, "host error"},

		{"negative parse ok", negParse, Execution{Error: syntax(PhaseParse)}, Pass, ""},
		{"negative wrong phase", negParse, Execution{Error: syntax(PhaseRuntime)}, Fail, "expected SyntaxError in parse phase, got SyntaxError in runtime phase"},
		{"negative wrong type", negParse, Execution{Error: &ThrownError{PhaseParse, "ReferenceError", ""}}, Fail, "got ReferenceError"},
		{"negative no error", negParse, Execution{}, Fail, "no error was thrown"},
		{"negative timeout", negParse, Execution{TimedOut: true}, Fail, "timed out"},
		{"negative resolution ok", negRes, Execution{Error: syntax(PhaseResolution)}, Pass, ""},
		{"negative resolution early", negRes, Execution{Error: syntax(PhaseParse)}, Fail, "parse phase"},
		{"negative runtime ok", negRun, Execution{Error: &ThrownError{PhaseRuntime, "Test262Error", ""}}, Pass, ""},

		{"async complete", async, Execution{Prints: []string{"hello", AsyncComplete}}, Pass, ""},
		{"async failure", async, Execution{Prints: []string{AsyncFailurePrefix + "Test262Error: x"}}, Fail, "async failure: Test262Error: x"},
		{"async failure first", async, Execution{Prints: []string{AsyncFailurePrefix + "E", AsyncComplete}}, Fail, "async failure"},
		{"async silent", async, Execution{}, Fail, "did not print"},
		{"async silent with prints", async, Execution{Prints: []string{"step 1"}}, Fail, `last print: "step 1"`},
		{"async threw", async, Execution{Error: &ThrownError{PhaseRuntime, "TypeError", "t"}}, Fail, "uncaught TypeError"},
		{"async timeout", async, Execution{TimedOut: true, Prints: []string{"waiting"}}, Fail, "timed out (last print"},
		{"sync ignores prints", plain, Execution{Prints: []string{AsyncFailurePrefix + "x"}}, Pass, ""},
	} {
		got := Classify(tc.job, tc.ex)
		if got.Status != tc.want || !strings.Contains(got.Message, tc.msg) {
			t.Errorf("%s: got %s %q, want %s containing %q", tc.name, got.Status, got.Message, tc.want, tc.msg)
		}
		if got.Status == Pass && got.Message != "" {
			t.Errorf("%s: pass with message %q", tc.name, got.Message)
		}
	}
}

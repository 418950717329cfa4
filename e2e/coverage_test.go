package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// coverageApp keeps running on timers, as the app of the DevTools coverage
// recording does (../shared/transcripts/coverage.jsonl).
const coverageApp = `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function neverCalled() { return 'unused'; }
let ticks = 0;
function work() {
  ticks++;
  if (ticks > 1000000) { console.log('never'); }
  fib(10);
}
const timer = setInterval(work, 10);
globalThis.stop = () => clearInterval(timer);
`

// TestCoverageSession records coverage the way DevTools' Coverage panel
// does ("Per block": startPreciseCoverage{callCount:false, detailed:true,
// allowTriggeredUpdates:true}, then takePreciseCoverage every ~200 ms) from
// a running program: the first take reports app.js under the scriptId
// Debugger.scriptParsed announced, with block ranges (the functions were
// compiled before the start: recompiled with counters), later takes report
// only what V8's binary block mode reports again, and stopping ends it.
func TestCoverageSession(t *testing.T) {
	p := start(t, coverageApp, "--inspect=0")
	c := dial(t, p.wsURL)
	ctx := testCtx(t)
	for _, m := range []string{"Profiler.enable", "Debugger.enable"} {
		if _, err := c.Call(ctx, m, nil); err != nil {
			t.Fatalf("%s: %v", m, err)
		}
	}
	scriptID := ""
	for _, ev := range c.Events() {
		if ev.Method != "Debugger.scriptParsed" {
			continue
		}
		var sp struct {
			ScriptID string `json:"scriptId"`
			URL      string `json:"url"`
		}
		json.Unmarshal(ev.Params, &sp)
		if strings.HasSuffix(sp.URL, "/app.js") {
			scriptID = sp.ScriptID
		}
	}
	if scriptID == "" {
		t.Fatal("no Debugger.scriptParsed for app.js")
	}
	time.Sleep(50 * time.Millisecond) // the timer has run: work is compiled
	res, err := c.Call(ctx, "Profiler.startPreciseCoverage", map[string]bool{"callCount": false, "detailed": true, "allowTriggeredUpdates": true})
	if err != nil || !strings.Contains(string(res), `"timestamp":`) {
		t.Fatalf("startPreciseCoverage: %s %v", res, err)
	}
	type take struct {
		Result []struct {
			ScriptID  string `json:"scriptId"`
			URL       string `json:"url"`
			Functions []struct {
				FunctionName    string `json:"functionName"`
				IsBlockCoverage bool   `json:"isBlockCoverage"`
				Ranges          []struct {
					StartOffset, EndOffset, Count int
				} `json:"ranges"`
			} `json:"functions"`
		} `json:"result"`
		Timestamp float64 `json:"timestamp"`
	}
	takeOnce := func() take {
		time.Sleep(200 * time.Millisecond)
		raw, err := c.Call(ctx, "Profiler.takePreciseCoverage", nil)
		if err != nil {
			t.Fatal(err)
		}
		var tk take
		if err := json.Unmarshal(raw, &tk); err != nil {
			t.Fatal(err)
		}
		return tk
	}
	first := takeOnce()
	found := false
	for _, s := range first.Result {
		if !strings.HasSuffix(s.URL, "/app.js") {
			continue
		}
		found = true
		if s.ScriptID != scriptID || !strings.HasPrefix(s.URL, "file:///") {
			t.Errorf("script %s %s, scriptParsed said %s", s.ScriptID, s.URL, scriptID)
		}
		names := map[string]bool{}
		for _, f := range s.Functions {
			names[f.FunctionName] = true
			if f.FunctionName == "work" {
				// work's never-taken branch is a block with count 0.
				if !f.IsBlockCoverage || len(f.Ranges) < 2 || f.Ranges[0].Count != 1 || f.Ranges[1].Count != 0 {
					t.Errorf("work: %+v", f)
				}
			}
		}
		if !names["work"] || !names["fib"] || names["neverCalled"] {
			t.Errorf("functions %v", names)
		}
	}
	if !found {
		t.Fatalf("first take without app.js: %+v", first)
	}
	// V8's binary block mode reports a function again only while it keeps
	// a block of its own (work's never-taken branch); fib, run again but
	// fully covered, is not reported again.
	second := takeOnce()
	if second.Timestamp <= first.Timestamp {
		t.Errorf("second take at %v, first at %v", second.Timestamp, first.Timestamp)
	}
	for _, s := range second.Result {
		for _, f := range s.Functions {
			if f.FunctionName != "work" {
				t.Errorf("second take reports %s: %+v", f.FunctionName, second)
			}
		}
	}
	if _, err := c.Call(ctx, "Profiler.stopPreciseCoverage", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Call(ctx, "Profiler.takePreciseCoverage", nil); err == nil || !strings.Contains(err.Error(), "Precise coverage has not been started.") {
		t.Errorf("take after stop: %v", err)
	}
	if _, err := c.Call(ctx, "Runtime.evaluate", map[string]string{"expression": "stop()"}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if code := p.wait(t); code != 0 {
		t.Errorf("exit %d; stderr %s", code, p.Stderr())
	}
}

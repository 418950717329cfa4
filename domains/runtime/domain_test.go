package runtime

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/internal/cdpclient"
)

// TestScriptParsedAsNode compares the fixture's Debugger.scriptParsed with
// node's (testdata/scriptparsed.json): V8's hash, extents and length.
func TestScriptParsedAsNode(t *testing.T) {
	var want map[string]any
	readJSON(t, "scriptparsed.json", &want)
	tt := startTarget(t, runFixture(t))
	c := tt.dial(t)
	ctx := ctxT(t)
	res, err := c.Call(ctx, "Debugger.enable", map[string]any{"maxScriptsCacheSize": 100000000})
	if err != nil || !strings.Contains(string(res), `"debuggerId":"`) {
		t.Fatalf("enable: %s %v", res, err)
	}
	ev := c.Events()
	if len(ev) != 1 || ev[0].Method != "Debugger.scriptParsed" {
		t.Fatalf("events: %+v", ev)
	}
	var got map[string]any
	json.Unmarshal(ev[0].Params, &got)
	if d := compare(normalize(want), normalize(got)); d != "" {
		t.Fatalf("scriptParsed differs from node's: %s\n%s", d, ev[0].Params)
	}
	// Every enable announces every script again (DevTools forgets them on
	// disable); evaluate's scripts are announced live.
	if _, err := c.Call(ctx, "Debugger.disable", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Call(ctx, "Debugger.enable", nil); err != nil {
		t.Fatal(err)
	}
	if ev := c.Events(); len(ev) != 1 {
		t.Fatalf("re-enable announced %d scripts", len(ev))
	}
	if _, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "new Function('a', 'return a')"}); err != nil {
		t.Fatal(err)
	}
	ev = c.Events()
	if len(ev) != 2 || !strings.Contains(string(ev[0].Params), `"url":""`) {
		t.Fatalf("evaluate and new Function scripts: %+v", ev)
	}
	var sp struct {
		ScriptID string `json:"scriptId"`
	}
	json.Unmarshal(ev[1].Params, &sp)
	res, err = c.Call(ctx, "Debugger.getScriptSource", map[string]any{"scriptId": sp.ScriptID})
	if err != nil || !strings.Contains(string(res), `anonymous(a`) {
		t.Fatalf("getScriptSource: %s %v", res, err)
	}
	if _, err := c.Call(ctx, "Debugger.getScriptSource", map[string]any{"scriptId": "999"}); err == nil {
		t.Fatal("unknown script id accepted")
	}
	for _, m := range []string{"Debugger.setPauseOnExceptions", "Debugger.setAsyncCallStackDepth", "Debugger.setBlackboxPatterns", "Debugger.setBreakpointsActive", "Debugger.setSkipAllPauses"} {
		params := map[string]any{"state": "none", "maxDepth": 32, "patterns": []string{}, "active": true, "skip": true}
		if _, err := c.Call(ctx, m, params); err != nil {
			t.Errorf("%s: %v", m, err)
		}
	}
	_, err = c.Call(ctx, "Debugger.setBreakpointByUrl", map[string]any{"lineNumber": 1})
	if e, ok := err.(*cdpclient.Error); !ok || e.Code != -32601 || e.Message != "'Debugger.setBreakpointByUrl' wasn't found" {
		t.Fatalf("unimplemented method: %v", err)
	}
}

// TestConsoleReplay: messages logged before any client are replayed on
// Runtime.enable, after executionContextCreated; later ones are sent live
// to every enabled session and not to others.
func TestConsoleReplay(t *testing.T) {
	tt := startTarget(t, func(iso *engine.Isolate, d *Domain) {
		if _, err := iso.RunScript("console.log('early', 1); console.warn({ w: true });", "/tmp/early.js"); err != nil {
			t.Fatal(err)
		}
	})
	a, b := tt.dial(t), tt.dial(t)
	ctx := ctxT(t)
	if _, err := a.Call(ctx, "Runtime.enable", nil); err != nil {
		t.Fatal(err)
	}
	ev := a.Events()
	if len(ev) != 3 || ev[0].Method != "Runtime.executionContextCreated" {
		t.Fatalf("enable events: %+v", ev)
	}
	if !strings.Contains(string(ev[1].Params), `"type":"log","args":[{"type":"string","value":"early"},{"type":"number","description":"1","value":1}]`) ||
		!strings.Contains(string(ev[1].Params), `"url":"file:///tmp/early.js","lineNumber":0,"columnNumber":8`) {
		t.Fatalf("replayed log: %s", ev[1].Params)
	}
	if !strings.Contains(string(ev[2].Params), `"type":"warning"`) || !strings.Contains(string(ev[2].Params), `"preview":{"type":"object","description":"Object","overflow":false,"properties":[{"name":"w","type":"boolean","value":"true"}]}`) {
		t.Fatalf("replayed warning: %s", ev[2].Params)
	}
	if _, err := b.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "console.error('live')"}); err != nil {
		t.Fatal(err)
	}
	if ev := b.Events(); len(ev) != 0 {
		t.Fatalf("session without Runtime.enable got %+v", ev)
	}
	m, err := a.WaitEvent(ctx, "Runtime.consoleAPICalled")
	if err != nil || !strings.Contains(string(m.Params), `"live"`) {
		t.Fatalf("live message: %s %v", m.Params, err)
	}
	if _, err := a.Call(ctx, "Runtime.discardConsoleEntries", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Call(ctx, "Runtime.enable", nil); err != nil {
		t.Fatal(err)
	}
	if ev := b.Events(); len(ev) != 1 {
		t.Fatalf("after discardConsoleEntries, enable replayed %d events", len(ev)-1)
	}
}

// TestTerminateLoop: an evaluate spinning forever is stopped by another
// session's terminateExecution, and answers V8's error.
func TestTerminateLoop(t *testing.T) {
	tt := startTarget(t, nil)
	a, b := tt.dial(t), tt.dial(t)
	ctx := ctxT(t)
	done := make(chan error, 1)
	go func() {
		_, err := a.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "for (;;) {}"})
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	// Answered while the loop spins.
	res, err := b.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "6 * 7"})
	if err != nil || !strings.Contains(string(res), `"value":42`) {
		t.Fatalf("evaluate during loop: %s %v", res, err)
	}
	if _, err := b.Call(ctx, "Runtime.terminateExecution", nil); err != nil {
		t.Fatal(err)
	}
	err = <-done
	if e, ok := err.(*cdpclient.Error); !ok || e.Code != -32000 || e.Message != "Execution was terminated" {
		t.Fatalf("terminated evaluate: %v", err)
	}
	res, err = a.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "'alive'"})
	if err != nil || !strings.Contains(string(res), `"alive"`) {
		t.Fatalf("after terminate: %s %v", res, err)
	}
	// timeout terminates too.
	_, err = a.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "while (true) {}", "timeout": 50})
	if e, ok := err.(*cdpclient.Error); !ok || e.Message != "Execution was terminated" {
		t.Fatalf("timeout: %v", err)
	}
}

// TestBindings: Runtime.addBinding makes a global whose calls reach the
// sessions that added it as Runtime.bindingCalled.
func TestBindings(t *testing.T) {
	tt := startTarget(t, nil)
	a := tt.dial(t)
	ctx := ctxT(t)
	if _, err := a.Call(ctx, "Runtime.addBinding", map[string]any{"name": "report"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "report('payload-1')"}); err != nil {
		t.Fatal(err)
	}
	m, err := a.WaitEvent(ctx, "Runtime.bindingCalled")
	if err != nil || string(m.Params) != `{"name":"report","payload":"payload-1","executionContextId":1}` {
		t.Fatalf("bindingCalled: %s %v", m.Params, err)
	}
	if _, err := a.Call(ctx, "Runtime.removeBinding", map[string]any{"name": "report"}); err != nil {
		t.Fatal(err)
	}
	res, _ := a.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "typeof report"})
	if !strings.Contains(string(res), `"undefined"`) {
		t.Fatalf("binding not removed: %s", res)
	}
}

// TestHeapUsageAndMisc covers getHeapUsage (with the totalAllocatedBytes
// extension), getIsolateId, setMaxCallStackSizeToCapture,
// setAsyncCallStackDepth, runIfWaitingForDebugger and the placeholders.
func TestHeapUsageAndMisc(t *testing.T) {
	tt := startTarget(t, nil)
	a := tt.dial(t)
	ctx := ctxT(t)
	res, err := a.Call(ctx, "Runtime.getHeapUsage", nil)
	if err != nil {
		t.Fatal(err)
	}
	var hu struct {
		UsedSize, TotalSize float64
		TotalAllocatedBytes *float64
	}
	json.Unmarshal(res, &hu)
	if hu.UsedSize <= 0 || hu.TotalSize < hu.UsedSize || hu.TotalAllocatedBytes == nil || *hu.TotalAllocatedBytes < hu.UsedSize/2 {
		t.Fatalf("getHeapUsage: %s", res)
	}
	if _, err := a.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "var junk = []; for (var i = 0; i < 1000; i++) junk.push({ i });"}); err != nil {
		t.Fatal(err)
	}
	res, _ = a.Call(ctx, "Runtime.getHeapUsage", nil)
	var hu2 struct{ TotalAllocatedBytes float64 }
	json.Unmarshal(res, &hu2)
	if hu2.TotalAllocatedBytes < *hu.TotalAllocatedBytes+16000 {
		t.Fatalf("totalAllocatedBytes did not grow by 1000 objects: %v → %v", *hu.TotalAllocatedBytes, hu2.TotalAllocatedBytes)
	}
	for _, m := range []string{"Runtime.runIfWaitingForDebugger", "Profiler.enable", "Profiler.disable", "HeapProfiler.enable", "HeapProfiler.disable", "Network.enable", "Runtime.setAsyncCallStackDepth"} {
		if res, err := a.Call(ctx, m, map[string]any{"maxDepth": 32}); err != nil || string(res) != "{}" {
			t.Errorf("%s: %s %v", m, res, err)
		}
	}
	if _, err := a.Call(ctx, "Runtime.setMaxCallStackSizeToCapture", map[string]any{"size": -1}); err == nil {
		t.Error("negative stack size accepted")
	}
	_, err = a.Call(ctx, "Network.setBlockedURLs", map[string]any{"urlPatterns": []string{}})
	if e, ok := err.(*cdpclient.Error); !ok || e.Code != -32601 {
		t.Errorf("Network.setBlockedURLs: %v", err)
	}
}

// TestQueryObjects finds the live instances of a class by its prototype.
func TestQueryObjects(t *testing.T) {
	tt := startTarget(t, func(iso *engine.Isolate, d *Domain) {
		if _, err := iso.RunScript("class Leaky {}; var keep = [new Leaky(), new Leaky(), new Leaky()]; new Leaky();", "q.js"); err != nil {
			t.Fatal(err)
		}
	})
	c := tt.dial(t)
	ctx := ctxT(t)
	res, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "Leaky.prototype"})
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Result struct {
			ObjectID string `json:"objectId"`
		} `json:"result"`
	}
	json.Unmarshal(res, &r)
	res, err = c.Call(ctx, "Runtime.queryObjects", map[string]any{"prototypeObjectId": r.Result.ObjectID})
	if err != nil {
		t.Fatal(err)
	}
	// The unreferenced fourth instance is collected first.
	if !strings.Contains(string(res), `"description":"Array(3)"`) {
		t.Fatalf("queryObjects: %s", res)
	}
}

// TestScriptFailedToParse: a source with a syntax error is announced as
// Debugger.scriptFailedToParse (again on every enable), its id is the
// exceptionDetails' scriptId, and getScriptSource returns it.
func TestScriptFailedToParse(t *testing.T) {
	tt := startTarget(t, nil)
	c := tt.dial(t)
	ctx := ctxT(t)
	if _, err := c.Call(ctx, "Debugger.enable", nil); err != nil {
		t.Fatal(err)
	}
	res, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "var x = ;"})
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		ExceptionDetails struct {
			ScriptID     string `json:"scriptId"`
			ColumnNumber int    `json:"columnNumber"`
		} `json:"exceptionDetails"`
	}
	json.Unmarshal(res, &r)
	ev, err := c.WaitEvent(ctx, "Debugger.scriptFailedToParse")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		ScriptID string `json:"scriptId"`
		URL      string `json:"url"`
		Length   int    `json:"length"`
		Hash     string `json:"hash"`
	}
	json.Unmarshal(ev.Params, &f)
	if f.ScriptID == "" || f.ScriptID != r.ExceptionDetails.ScriptID || f.URL != "" || f.Length != 9 || len(f.Hash) != 64 || r.ExceptionDetails.ColumnNumber != 8 {
		t.Fatalf("scriptFailedToParse %s, evaluate %s", ev.Params, res)
	}
	src, err := c.Call(ctx, "Debugger.getScriptSource", map[string]any{"scriptId": f.ScriptID})
	if err != nil || string(src) != `{"scriptSource":"var x = ;"}` {
		t.Fatalf("getScriptSource: %s %v", src, err)
	}
	c.Call(ctx, "Debugger.disable", nil)
	c.Events()
	c.Call(ctx, "Debugger.enable", nil)
	found := false
	for _, e := range c.Events() {
		found = found || e.Method == "Debugger.scriptFailedToParse"
	}
	if !found {
		t.Fatal("enable did not re-announce the failed script")
	}
}

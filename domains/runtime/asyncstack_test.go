package runtime

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/layout"
)

// TestAsyncParentIDRoundTrip follows a console.log's parentId with
// Debugger.getStackTrace (what DevTools does to show a log's async stack;
// the replay cannot refer to an event's ids): the Timeout record with the
// frames where setTimeout was called, and its own parent inline. Turning
// tracking off forgets the stored stacks, as V8 does.
func TestAsyncParentIDRoundTrip(t *testing.T) {
	tt := startTarget(t, nil)
	c := tt.dial(t)
	ctx := ctxT(t)
	for _, m := range []string{"Runtime.enable", "Debugger.enable"} {
		if _, err := c.Call(ctx, m, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Call(ctx, "Debugger.setAsyncCallStackDepth", map[string]any{"maxDepth": 32}); err != nil {
		t.Fatal(err)
	}
	c.Events()
	src := "new Promise(r => Promise.resolve().then(function starter() { setTimeout(function later() { console.log('x'); r(); }, 0); }))"
	if _, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": src, "awaitPromise": true}); err != nil {
		t.Fatal(err)
	}
	var id string
	for _, e := range c.Events() {
		if e.Method != "Runtime.consoleAPICalled" {
			continue
		}
		var ev struct {
			StackTrace struct {
				CallFrames []struct{ FunctionName string } `json:"callFrames"`
				Parent     any                             `json:"parent"`
				ParentID   struct{ ID string }             `json:"parentId"`
			} `json:"stackTrace"`
		}
		json.Unmarshal(e.Params, &ev)
		if len(ev.StackTrace.CallFrames) == 0 || ev.StackTrace.CallFrames[0].FunctionName != "later" || ev.StackTrace.Parent != nil {
			t.Fatalf("log's stack: %s", e.Params)
		}
		id = ev.StackTrace.ParentID.ID
	}
	if id == "" {
		t.Fatal("no parentId on the log message")
	}
	res, err := c.Call(ctx, "Debugger.getStackTrace", map[string]any{"stackTraceId": map[string]any{"id": id}})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		StackTrace struct {
			Description string `json:"description"`
			CallFrames  []struct {
				FunctionName string `json:"functionName"`
			} `json:"callFrames"`
			Parent *struct {
				Description string `json:"description"`
				CallFrames  []struct {
					FunctionName string `json:"functionName"`
				} `json:"callFrames"`
			} `json:"parent"`
		} `json:"stackTrace"`
	}
	json.Unmarshal(res, &got)
	st := got.StackTrace
	if st.Description != "Timeout" || len(st.CallFrames) != 1 || st.CallFrames[0].FunctionName != "starter" ||
		st.Parent == nil || st.Parent.Description != "Promise.then" || len(st.Parent.CallFrames) != 2 {
		t.Fatalf("getStackTrace: %s", res)
	}
	if _, err := c.Call(ctx, "Debugger.setAsyncCallStackDepth", map[string]any{"maxDepth": 0}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Call(ctx, "Debugger.getStackTrace", map[string]any{"stackTraceId": map[string]any{"id": id}}); err == nil ||
		!strings.Contains(err.Error(), "Stack trace with given id is not found") {
		t.Fatalf("after depth 0: %v", err)
	}
	// Off: no parent at all.
	if _, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": src, "awaitPromise": true}); err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Events() {
		if e.Method == "Runtime.consoleAPICalled" && strings.Contains(string(e.Params), "parent") {
			t.Fatalf("tracking off, yet: %s", e.Params)
		}
	}
}

// TestAsyncDepthPerSession: the largest depth any session asked for
// applies, and a session that leaves takes its depth with it.
func TestAsyncDepthPerSession(t *testing.T) {
	tt := startTarget(t, nil)
	a, b := tt.dial(t), tt.dial(t)
	ctx := ctxT(t)
	if _, err := a.Call(ctx, "Runtime.enable", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Call(ctx, "Runtime.setAsyncCallStackDepth", map[string]any{"maxDepth": 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Call(ctx, "Debugger.setAsyncCallStackDepth", map[string]any{"maxDepth": 4}); err == nil ||
		!strings.Contains(err.Error(), "Debugger agent is not enabled") {
		t.Fatalf("Debugger.setAsyncCallStackDepth on a session with neither agent enabled: %v", err)
	}
	a.Events()
	src := "Promise.resolve().then(function h() { console.warn('w'); })"
	if _, err := a.Call(ctx, "Runtime.evaluate", map[string]any{"expression": src, "awaitPromise": true}); err != nil {
		t.Fatal(err)
	}
	ev := a.Events()
	if len(ev) != 1 || !strings.Contains(string(ev[0].Params), `"description":"Promise.then"`) {
		t.Fatalf("session b's depth does not apply to a: %+v", ev)
	}
	b.Close()
	// b's end reaches the isolate when the server notices the closed
	// connection, which a loaded machine may delay past many commands of
	// a: poll for a while.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, err := a.Call(ctx, "Runtime.evaluate", map[string]any{"expression": src, "awaitPromise": true}); err != nil {
			t.Fatal(err)
		}
		ev = a.Events()
		if len(ev) == 1 && !strings.Contains(string(ev[0].Params), "parent") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("depth outlived its session: %+v", ev)
		}
	}
}

// TestAsyncExceptionThrown: an uncaught exception in a timer reports its
// async chain inline, as node 20 does for the same program
// (testdata/record_async_exception.mjs prints node's answer; node's own
// frames left out): thrower@112 ← Timeout [starter@74] ← Promise.then
// [globalThis.go@48, @0].
func TestAsyncExceptionThrown(t *testing.T) {
	src := "globalThis.go = function () { Promise.resolve().then(function starter() { setTimeout(function thrower() { throw new Error('late'); }, 0); }); };\n"
	tt := startTarget(t, func(iso *engine.Isolate, d *Domain) {
		if _, err := iso.RunScript(src, "/tmp/runner.js"); err != nil {
			t.Fatal(err)
		}
		iso.SetUncaughtExceptionHook(func(exc layout.Value) {
			loc, ok := iso.JS().ThrowPosition()
			d.ReportException("Uncaught", exc, loc, ok)
		})
	})
	c := tt.dial(t)
	ctx := ctxT(t)
	for _, m := range []string{"Runtime.enable", "Runtime.setAsyncCallStackDepth"} {
		if _, err := c.Call(ctx, m, map[string]any{"maxDepth": 32}); err != nil {
			t.Fatal(err)
		}
	}
	c.Events()
	if _, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "go()"}); err != nil {
		t.Fatal(err)
	}
	var got string
	for i := 0; i < 100 && got == ""; i++ {
		for _, e := range c.Events() {
			if e.Method != "Runtime.exceptionThrown" {
				continue
			}
			var ev struct {
				ExceptionDetails struct {
					StackTrace *rtStack `json:"stackTrace"`
				} `json:"exceptionDetails"`
			}
			json.Unmarshal(e.Params, &ev)
			got = ev.ExceptionDetails.StackTrace.String()
		}
		if got == "" {
			time.Sleep(10 * time.Millisecond)
		}
	}
	want := "thrower@112 <- Timeout: starter@74 <- Promise.then: globalThis.go@48 @0"
	if got != want {
		t.Fatalf("exceptionThrown's stack:\n got %s\nwant %s", got, want)
	}
}

// rtStack is a CDP stack trace, printed compactly for comparisons.
type rtStack struct {
	Description string `json:"description"`
	CallFrames  []struct {
		FunctionName string `json:"functionName"`
		ColumnNumber int    `json:"columnNumber"`
	} `json:"callFrames"`
	Parent *rtStack `json:"parent"`
}

func (s *rtStack) String() string {
	if s == nil {
		return ""
	}
	var parts []string
	for _, f := range s.CallFrames {
		parts = append(parts, f.FunctionName+"@"+strconv.Itoa(f.ColumnNumber))
	}
	out := strings.Join(parts, " ")
	if s.Description != "" {
		out = s.Description + ": " + out
	}
	if s.Parent != nil {
		out += " <- " + s.Parent.String()
	}
	return out
}

// TestAsyncDepthAgents: Debugger.disable drops the Debugger agent's depth,
// Runtime.disable keeps the Runtime agent's, as node 20 answers
// (testdata/record_debugger_disable.mjs prints node's three answers: true,
// false, true).
func TestAsyncDepthAgents(t *testing.T) {
	tt := startTarget(t, nil)
	c := tt.dial(t)
	ctx := ctxT(t)
	call := func(method string, params any) {
		t.Helper()
		if _, err := c.Call(ctx, method, params); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
	}
	warnHasParent := func() bool {
		t.Helper()
		c.Events()
		call("Runtime.evaluate", map[string]any{"expression": "Promise.resolve().then(function h() { console.warn('w'); })", "awaitPromise": true})
		for _, e := range c.Events() {
			if e.Method == "Runtime.consoleAPICalled" && strings.Contains(string(e.Params), `"parent":`) {
				return true
			}
		}
		return false
	}
	call("Runtime.enable", nil)
	call("Debugger.enable", nil)
	call("Debugger.setAsyncCallStackDepth", map[string]any{"maxDepth": 32})
	if !warnHasParent() {
		t.Fatal("debugger depth 32: no parent")
	}
	call("Debugger.disable", nil)
	if warnHasParent() {
		t.Fatal("after Debugger.disable: parent still reported")
	}
	call("Runtime.setAsyncCallStackDepth", map[string]any{"maxDepth": 32})
	call("Runtime.disable", nil)
	call("Runtime.enable", nil)
	if !warnHasParent() {
		t.Fatal("runtime depth 32 after Runtime.disable + enable: no parent")
	}
}

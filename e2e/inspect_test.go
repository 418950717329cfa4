package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// spinScript logs, then spins until a client clears globalThis.spin: the
// isolate answers commands at the loop's back-edges.
const spinScript = `console.log('hello from app', { n: 1 });
globalThis.spin = true;
globalThis.point = { x: 1, y: [2, 3] }; // the main script is a CommonJS module: its vars are not globals
while (spin) {}
console.log('done');
`

// TestInspectSession attaches to a running script, as a DevTools user
// would: context and console replay on Runtime.enable, evaluate and
// getProperties while the script spins, then the script ends and the
// process waits for the client to go.
func TestInspectSession(t *testing.T) {
	p := start(t, spinScript, "--inspect=0")
	if !strings.Contains(p.Stderr(), "For help, see: https://nodejs.org/en/docs/inspector\n") {
		t.Fatalf("stderr: %q", p.Stderr())
	}
	c := dial(t, p.wsURL)
	ctx := testCtx(t)
	if _, err := c.Call(ctx, "Runtime.enable", nil); err != nil {
		t.Fatal(err)
	}
	// The context comes before the answer; the console message is replayed
	// then too, or sent live if the script had not reached it yet.
	created, err := c.WaitEvent(ctx, "Runtime.executionContextCreated")
	if err != nil || !strings.Contains(string(created.Params), `"auxData":{"isDefault":true}`) {
		t.Fatalf("executionContextCreated: %s %v", created.Params, err)
	}
	msg, err := c.WaitEvent(ctx, "Runtime.consoleAPICalled")
	if err != nil {
		t.Fatal(err)
	}
	var console struct {
		Type string `json:"type"`
		Args []struct {
			Type  string          `json:"type"`
			Value json.RawMessage `json:"value"`
		} `json:"args"`
	}
	json.Unmarshal(msg.Params, &console)
	if console.Type != "log" || len(console.Args) != 2 || string(console.Args[0].Value) != `"hello from app"` || console.Args[1].Type != "object" {
		t.Fatalf("console message: %s", msg.Params)
	}

	res, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "point"})
	if err != nil {
		t.Fatal(err)
	}
	var ev1 struct {
		Result struct {
			ObjectID  string `json:"objectId"`
			ClassName string `json:"className"`
		} `json:"result"`
	}
	json.Unmarshal(res, &ev1)
	if ev1.Result.ClassName != "Object" || ev1.Result.ObjectID == "" {
		t.Fatalf("evaluate point: %s", res)
	}
	res, err = c.Call(ctx, "Runtime.getProperties", map[string]any{"objectId": ev1.Result.ObjectID, "ownProperties": true})
	if err != nil {
		t.Fatal(err)
	}
	var props struct {
		Result []struct {
			Name  string `json:"name"`
			Value struct {
				Type        string          `json:"type"`
				Value       json.RawMessage `json:"value"`
				Description string          `json:"description"`
			} `json:"value"`
		} `json:"result"`
	}
	json.Unmarshal(res, &props)
	if len(props.Result) != 2 || props.Result[0].Name != "x" || string(props.Result[0].Value.Value) != "1" ||
		props.Result[1].Value.Description != "Array(2)" {
		t.Fatalf("getProperties: %s", res)
	}
	// Let the script finish: it prints, then waits for us.
	if _, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "spin = false"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitEvent(ctx, "Runtime.consoleAPICalled"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(p.Stderr(), "Waiting for the debugger to disconnect...") {
		if time.Now().After(deadline) {
			t.Fatalf("no waiting message: %q", p.Stderr())
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Still answering after the script ended.
	res, err = c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "1 + 1"})
	if err != nil || !strings.Contains(string(res), `"value":2`) {
		t.Fatalf("evaluate after end: %s %v", res, err)
	}
	c.Close()
	if code := p.wait(t); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.Stderr())
	}
	if out := p.Stdout(); out != "hello from app { n: 1 }\ndone\n" {
		t.Fatalf("stdout %q", out)
	}
	wantErr := []string{"Debugger listening on ws://127.0.0.1:", "Debugger attached.\n", "Waiting for the debugger to disconnect...\n"}
	for _, w := range wantErr {
		if !strings.Contains(p.Stderr(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, p.Stderr())
		}
	}
}

// TestTerminateExecution stops a script spinning forever.
func TestTerminateExecution(t *testing.T) {
	p := start(t, "while (true) {}\n", "--inspect=0")
	c := dial(t, p.wsURL)
	ctx := testCtx(t)
	if _, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "40 + 2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Call(ctx, "Runtime.terminateExecution", nil); err != nil {
		t.Fatal(err)
	}
	c.Close()
	// node ends a terminated main script silently with status 0 (checked
	// with node 20 --inspect and chrome-remote-interface).
	code := p.wait(t)
	if code != 0 || strings.Contains(p.Stderr(), "Script execution was terminated") ||
		!strings.Contains(p.Stderr(), "Waiting for the debugger to disconnect...\n") {
		t.Fatalf("exit %d, stderr:\n%s", code, p.Stderr())
	}
}

// TestInspectBrk holds the script until Runtime.runIfWaitingForDebugger.
func TestInspectBrk(t *testing.T) {
	p := start(t, "console.log('ran');\n", "--inspect-brk=0")
	time.Sleep(200 * time.Millisecond)
	if p.Stdout() != "" {
		t.Fatalf("script ran before the debugger said so: %q", p.Stdout())
	}
	c := dial(t, p.wsURL)
	ctx := testCtx(t)
	if _, err := c.Call(ctx, "Runtime.enable", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Call(ctx, "Runtime.runIfWaitingForDebugger", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitEvent(ctx, "Runtime.consoleAPICalled"); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if code := p.wait(t); code != 0 || p.Stdout() != "ran\n" {
		t.Fatalf("exit %d stdout %q", code, p.Stdout())
	}
}

// TestUncaughtWithDebugger: an uncaught exception reaches the client as
// Runtime.exceptionThrown; as node, the process then waits for the client
// to go and prints the report after, exit status 1.
func TestUncaughtWithDebugger(t *testing.T) {
	p := start(t, "function fail() { throw new Error('boom'); }\nfail();\n", "--inspect-brk=0")
	c := dial(t, p.wsURL)
	ctx := testCtx(t)
	if _, err := c.Call(ctx, "Runtime.enable", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Call(ctx, "Runtime.runIfWaitingForDebugger", nil); err != nil {
		t.Fatal(err)
	}
	ev, err := c.WaitEvent(ctx, "Runtime.exceptionThrown")
	if err != nil {
		t.Fatal(err)
	}
	var et struct {
		ExceptionDetails struct {
			Text       string `json:"text"`
			URL        string `json:"url"`
			StackTrace struct {
				CallFrames []struct {
					FunctionName string `json:"functionName"`
					LineNumber   int    `json:"lineNumber"`
					ColumnNumber int    `json:"columnNumber"`
				} `json:"callFrames"`
			} `json:"stackTrace"`
			Exception struct {
				ClassName string `json:"className"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	json.Unmarshal(ev.Params, &et)
	ed := et.ExceptionDetails
	if ed.Text != "Uncaught" || !strings.HasSuffix(ed.URL, "/app.js") || ed.Exception.ClassName != "Error" ||
		len(ed.StackTrace.CallFrames) < 2 || ed.StackTrace.CallFrames[0].FunctionName != "fail" || ed.StackTrace.CallFrames[0].ColumnNumber != 24 {
		t.Fatalf("exceptionThrown: %s", ev.Params)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(p.Stderr(), "Waiting for the debugger to disconnect...") {
		if time.Now().After(deadline) {
			t.Fatalf("no waiting message: %q", p.Stderr())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if strings.Contains(p.Stderr(), "Error: boom") {
		t.Fatalf("report printed before the debugger left:\n%s", p.Stderr())
	}
	c.Close()
	if code := p.wait(t); code != 1 || !strings.Contains(p.Stderr(), "Waiting for the debugger to disconnect...\n") || !strings.Contains(p.Stderr(), "Error: boom\n    at fail (") {
		t.Fatalf("exit %d stderr:\n%s", code, p.Stderr())
	}
}

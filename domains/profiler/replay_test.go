package profiler

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine"
)

// testdata/devtools-coverage.jsonl is ../shared/transcripts/coverage.jsonl:
// real DevTools (Chromium 156) recording coverage of node v20 running
// app.js (see that directory's README). The replay runs the same app.js on
// our engine behind a real cdp.Server, sends DevTools' Profiler requests in
// order over a WebSocket, and checks each answer against node's: same
// shape, node's result for app.js (node's internal scripts aside), and
// increasing timestamps.

type record struct {
	Dir string          `json:"dir"`
	Msg json.RawMessage `json:"msg"`
}

type message struct {
	ID     *int64          `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    string `json:"data"`
	} `json:"error"`
}

func readTranscript(t *testing.T) (requests []message, replies map[int64]message) {
	t.Helper()
	f, err := os.Open("testdata/devtools-coverage.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	replies = map[int64]message{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Msg == nil {
			continue
		}
		var m message
		if err := json.Unmarshal(r.Msg, &m); err != nil {
			t.Fatal(err)
		}
		switch {
		case r.Dir == "c2s":
			requests = append(requests, m)
		case r.Dir == "s2c" && m.ID != nil:
			replies[*m.ID] = m
		}
	}
	return requests, replies
}

// appSource returns app.js as node's Debugger.getScriptSource sent it.
func appSource(t *testing.T, requests []message, replies map[int64]message) string {
	for _, m := range requests {
		if m.Method == "Debugger.getScriptSource" {
			var r struct {
				ScriptSource string `json:"scriptSource"`
			}
			if err := json.Unmarshal(replies[*m.ID].Result, &r); err != nil {
				t.Fatal(err)
			}
			return r.ScriptSource
		}
	}
	t.Fatal("no script source in the transcript")
	return ""
}

// appPrelude stands in for what app.js takes from node: setInterval keeps
// the callback for the harness to call (the timer), process and module.
const appPrelude = `var __timer;
var setInterval = function (f) { __timer = f; };
var process = { env: { APP_QUIET: '1' }, pid: 1 };
var module = { exports: {} };
`

// harness is an isolate serving CDP, its goroutine being the test's.
type harness struct {
	t    *testing.T
	iso  *engine.Isolate
	srv  *cdp.Server
	prof *Profiler
}

func newHarness(t *testing.T, scripts ...[2]string) *harness {
	t.Helper()
	iso, err := engine.NewIsolate(engine.Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { iso.Close() })
	for _, s := range scripts {
		if _, err := iso.RunScript(s[1], s[0]); err != nil {
			t.Fatal(err)
		}
	}
	reg := cdp.NewRegistry()
	prof := Register(reg, iso, Options{})
	srv, err := cdp.Listen(cdp.Config{Addr: "127.0.0.1:0", Executor: iso, Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		// Closing waits for sessions to end, which runs on the isolate.
		done := make(chan struct{})
		go func() { srv.Close(ctx); close(done) }()
		for {
			select {
			case <-done:
				return
			case <-iso.Woken():
				iso.HandleInterrupts()
			}
		}
	})
	return &harness{t: t, iso: iso, srv: srv, prof: prof}
}

// serve runs the isolate goroutine's loop (here, the test goroutine) until
// client returns; client runs on its own goroutine.
func (h *harness) serve(client func(c *conn)) {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, h.srv.WebSocketURL(), nil)
	if err != nil {
		h.t.Fatal(err)
	}
	ws.SetReadLimit(-1)
	defer ws.CloseNow()
	done := make(chan struct{})
	c := &conn{ws: ws, ctx: ctx}
	go func() {
		defer close(done)
		client(c)
	}()
	for {
		select {
		case <-done:
			if c.err != nil {
				h.t.Fatal(c.err)
			}
			return
		case <-ctx.Done():
			h.t.Fatal("timeout")
		case <-h.iso.Woken():
			h.iso.HandleInterrupts()
		}
	}
}

// run runs task on the isolate and waits for it: call it from the client
// goroutine.
func (h *harness) run(task func()) {
	done := make(chan struct{})
	h.iso.Post(func() {
		defer close(done)
		task()
	})
	<-done
}

// conn is the client side; its methods run on the client goroutine and
// record the first failure in err (t.Fatal may not be called there).
type conn struct {
	ws     *websocket.Conn
	ctx    context.Context
	err    error
	events []message
}

func (c *conn) call(id int64, method string, params json.RawMessage) message {
	if c.err != nil {
		return message{}
	}
	if params == nil {
		params = json.RawMessage("{}")
	}
	req, _ := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if c.err = c.ws.Write(c.ctx, websocket.MessageText, req); c.err != nil {
		return message{}
	}
	for {
		_, data, err := c.ws.Read(c.ctx)
		if err != nil {
			c.err = err
			return message{}
		}
		var m message
		if c.err = json.Unmarshal(data, &m); c.err != nil {
			return message{}
		}
		if m.ID == nil {
			c.events = append(c.events, m)
			continue
		}
		return m
	}
}

func TestReplayDevToolsCoverage(t *testing.T) {
	requests, replies := readTranscript(t)
	src := appSource(t, requests, replies)
	h := newHarness(t, [2]string{"prelude.js", appPrelude}, [2]string{"/home/user/demo/app.js", src})
	js := h.iso.JS()
	// The app's setInterval(work, 10): the timer fires between DevTools'
	// requests (never while one is on its way, so the replay is
	// deterministic).
	tick := func() {
		fn, ok := js.GetNamed(js.GlobalObject(), js.InternalizeGo("__timer").Value())
		if ok && js.IsCallable(fn) {
			if _, ok := js.Call(fn, js.Undefined()); !ok {
				js.ClearException()
				t.Error("work threw")
			}
		}
	}
	type answer struct {
		req       message
		got, node message
	}
	var answers []answer
	h.serve(func(c *conn) {
		// DevTools sent Profiler.enable at attach (attach.jsonl).
		if m := c.call(1, "Profiler.enable", nil); m.Error != nil {
			c.err = errorf("Profiler.enable: %s", m.Error.Message)
			return
		}
		for _, req := range requests {
			if !strings.HasPrefix(req.Method, "Profiler.") {
				continue
			}
			got := c.call(*req.ID, req.Method, req.Params)
			answers = append(answers, answer{req, got, replies[*req.ID]})
			h.run(tick)
		}
	})
	if len(answers) < 10 {
		t.Fatalf("%d Profiler requests replayed", len(answers))
	}
	last := -1.0
	for i, a := range answers {
		if a.got.Error != nil {
			t.Fatalf("%s: error %+v", a.req.Method, a.got.Error)
		}
		if keys(t, a.got.Result) != keys(t, a.node.Result) {
			t.Errorf("%s: keys %s, node %s", a.req.Method, keys(t, a.got.Result), keys(t, a.node.Result))
		}
		var got, node struct {
			Timestamp *float64          `json:"timestamp"`
			Result    []json.RawMessage `json:"result"`
		}
		json.Unmarshal(a.got.Result, &got)
		json.Unmarshal(a.node.Result, &node)
		if got.Timestamp != nil {
			if *got.Timestamp <= last {
				t.Errorf("%s: timestamp %v after %v", a.req.Method, *got.Timestamp, last)
			}
			last = *got.Timestamp
		}
		if a.req.Method != "Profiler.takePreciseCoverage" {
			continue
		}
		// node's own scripts are not ours to report; app.js must be
		// exactly node's (script ids aside).
		want := []json.RawMessage{}
		for _, s := range node.Result {
			if !strings.HasPrefix(url(t, s), "node:") {
				want = append(want, withoutID(t, s))
			}
		}
		have := []json.RawMessage{}
		for _, s := range got.Result {
			have = append(have, withoutID(t, s))
		}
		gb, _ := json.Marshal(have)
		wb, _ := json.Marshal(want)
		if !bytes.Equal(gb, wb) {
			t.Errorf("take %d:\ngot  %s\nnode %s", i, gb, wb)
		}
		if i == 1 && len(want) == 0 {
			t.Error("node's first take has no app.js: transcript changed?")
		}
	}
	if m := h.prof.Mode(); m.IsPrecise() {
		t.Errorf("mode %v after stopPreciseCoverage", m)
	}
}

func TestDomainErrorsAndEvents(t *testing.T) {
	h := newHarness(t, [2]string{"/tmp/x.js", "function f(a) { return a ? 1 : 2 }\nf(1);\n"})
	js := h.iso.JS()
	var fromEnd string
	h.serve(func(c *conn) {
		expectErr := func(m message, code int, text string) {
			if c.err == nil && (m.Error == nil || m.Error.Code != code || m.Error.Message != text) {
				c.err = errorf("got %s %+v, want %d %q", m.Result, m.Error, code, text)
			}
		}
		expectErr(c.call(1, "Profiler.startPreciseCoverage", json.RawMessage(`{"callCount":true}`)), -32000, "Profiler is not enabled")
		expectErr(c.call(2, "Profiler.stopPreciseCoverage", nil), -32000, "Profiler is not enabled")
		expectErr(c.call(3, "Profiler.takePreciseCoverage", nil), -32000, "Precise coverage has not been started.")
		c.call(4, "Profiler.enable", nil)
		expectErr(c.call(5, "Profiler.takePreciseCoverage", nil), -32000, "Precise coverage has not been started.")
		expectErr(c.call(6, "Profiler.startPreciseCoverage", json.RawMessage(`{"callCount":3}`)), -32602, "Invalid parameters")
		expectErr(c.call(6, "Profiler.startPreciseCoverage", json.RawMessage(`[true]`)), -32602, "Invalid parameters")
		m := c.call(7, "Profiler.getBestEffortCoverage", nil)
		if c.err == nil && !strings.Contains(string(m.Result), `"url":"file:///tmp/x.js"`) {
			c.err = errorf("best effort: %s", m.Result)
		}
		c.call(8, "Profiler.startPreciseCoverage", json.RawMessage(`{"callCount":true,"detailed":true,"allowTriggeredUpdates":true}`))
		// Runs on the isolate: f(0) then a triggered update.
		h.run(func() {
			fn, _ := js.GetNamed(js.GlobalObject(), js.InternalizeGo("f").Value())
			js.Call(fn, js.Undefined(), js.Undefined())
			h.prof.TriggerUpdate("test")
		})
		// The event was queued before this reply.
		m = c.call(9, "Profiler.takePreciseCoverage", nil)
		if c.err == nil && (len(c.events) != 1 || c.events[0].Method != "Profiler.preciseCoverageDeltaUpdate") {
			c.err = errorf("events %+v", c.events)
			return
		}
		if c.err == nil {
			fromEnd = string(c.events[0].Params)
			if !strings.Contains(string(m.Result), `"result":[]`) {
				c.err = errorf("take after the update: %s", m.Result)
			}
		}
		c.call(10, "Profiler.disable", nil)
		expectErr(c.call(11, "Profiler.takePreciseCoverage", nil), -32000, "Precise coverage has not been started.")
	})
	// f was compiled before the start: recompiled with counters, so the
	// update has its blocks (f(0): the ?: else branch).
	want := `"occasion":"test","result":[{"scriptId":"1","url":"file:///tmp/x.js","functions":[{"functionName":"f","ranges":[{"startOffset":0,"endOffset":34,"count":1},{"startOffset":25,"endOffset":28,"count":0}],"isBlockCoverage":true}]}]`
	if !strings.Contains(fromEnd, want) {
		t.Errorf("update %s\nwant %s", fromEnd, want)
	}
	if m := h.prof.Mode(); m.IsPrecise() {
		t.Errorf("mode %v after disable", m)
	}
}

func keys(t *testing.T, raw json.RawMessage) string {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

func url(t *testing.T, s json.RawMessage) string {
	var v struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(s, &v); err != nil {
		t.Fatal(err)
	}
	return v.URL
}

func withoutID(t *testing.T, s json.RawMessage) json.RawMessage {
	var v map[string]json.RawMessage
	if err := json.Unmarshal(s, &v); err != nil {
		t.Fatal(err)
	}
	id := string(v["scriptId"])
	if !isDecimal(strings.Trim(id, `"`)) || !strings.HasPrefix(id, `"`) {
		t.Errorf("scriptId %s", id)
	}
	delete(v, "scriptId")
	b, _ := json.Marshal(v)
	return b
}

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

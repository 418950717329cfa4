package cdp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// fakeIsolate is the test Executor: one goroutine running posted tasks in
// order, like the isolate's idle event loop. It can be paused to play an
// isolate busy running JavaScript.
type fakeIsolate struct {
	mu     sync.Mutex
	inbox  []func()
	paused bool
	posted int
	wake   chan struct{}
	stop   chan struct{}
	done   chan struct{}
}

func newFakeIsolate(t testing.TB) *fakeIsolate {
	f := &fakeIsolate{wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go f.loop()
	t.Cleanup(f.shutdown)
	return f
}

func (f *fakeIsolate) Post(task func()) {
	f.mu.Lock()
	f.inbox = append(f.inbox, task)
	f.posted++
	f.mu.Unlock()
	f.nudge()
}

func (f *fakeIsolate) nudge() {
	select {
	case f.wake <- struct{}{}:
	default:
	}
}

func (f *fakeIsolate) loop() {
	defer close(f.done)
	for {
		f.mu.Lock()
		var tasks []func()
		if !f.paused {
			tasks, f.inbox = f.inbox, nil
		}
		f.mu.Unlock()
		for _, t := range tasks {
			t()
		}
		if len(tasks) > 0 {
			continue
		}
		select {
		case <-f.wake:
		case <-f.stop:
			return
		}
	}
}

func (f *fakeIsolate) pause() {
	f.mu.Lock()
	f.paused = true
	f.mu.Unlock()
}

func (f *fakeIsolate) resume() {
	f.mu.Lock()
	f.paused = false
	f.mu.Unlock()
	f.nudge()
}

// queued returns the tasks waiting in the inbox.
func (f *fakeIsolate) queued() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.inbox)
}

// sync waits until every task posted so far has run.
func (f *fakeIsolate) sync(t testing.TB) {
	t.Helper()
	ran := make(chan struct{})
	f.Post(func() { close(ran) })
	select {
	case <-ran:
	case <-time.After(10 * time.Second):
		t.Fatal("isolate did not run a task within 10s")
	}
}

func (f *fakeIsolate) shutdown() {
	f.resume()
	close(f.stop)
	<-f.done
}

// testDomain is the fake handler set. Its state is touched only on the
// isolate goroutine and is deliberately unsynchronized: the race detector
// catches any handler run elsewhere.
type testDomain struct {
	// notifyLimit caps Test.notify's count*size (0: 64 MiB), so fuzzing
	// does not spend its time allocating.
	notifyLimit int
	calls       map[string]int
	events      []string      // session lifecycle, in order
	maxNotify   time.Duration // the longest Notify call
}

type echoParams struct {
	N int `json:"n"`
}

type notifyParams struct {
	Count int `json:"count"`
	Size  int `json:"size"`
}

func (d *testDomain) register(r *Registry) {
	d.calls = map[string]int{}
	count := func(m string) { d.calls[m]++ }
	r.Handle("Test.echo", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		count("Test.echo")
		return append(json.RawMessage(nil), p...), nil
	})
	r.Handle("Test.empty", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		count("Test.empty")
		return nil, nil
	})
	r.Handle("Test.fail", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		count("Test.fail")
		return nil, ServerError("Test is not enabled")
	})
	r.Handle("Test.params", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		count("Test.params")
		var v echoParams
		if err := json.Unmarshal(p, &v); err != nil {
			return nil, ParamError("n", "int32 value expected")
		}
		if v.N < 0 {
			return nil, InvalidParams("n must not be negative")
		}
		return json.RawMessage(fmt.Sprintf(`{"n":%d}`, v.N)), nil
	})
	r.Handle("Test.notify", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		count("Test.notify")
		var v notifyParams
		if err := json.Unmarshal(p, &v); err != nil {
			return nil, ParamError("", err.Error())
		}
		limit := d.notifyLimit
		if limit == 0 {
			limit = 64 << 20
		}
		if v.Count < 0 || v.Count > 1000 || v.Size < 0 || v.Size > 1<<16 || v.Count*v.Size > limit {
			return nil, InvalidParams("count or size out of range")
		}
		pad := strings.Repeat("x", v.Size)
		for i := range v.Count {
			ev := fmt.Appendf(nil, `{"i":%d,"pad":"`, i)
			ev = append(append(ev, pad...), `"}`...)
			start := time.Now()
			s.Notify("Test.event", ev)
			d.maxNotify = max(d.maxNotify, time.Since(start))
		}
		return json.RawMessage(fmt.Sprintf(`{"sent":%d}`, v.Count)), nil
	})
	r.HandleAsync("Test.later", func(s *Session, p json.RawMessage, reply Reply) {
		count("Test.later")
		time.AfterFunc(10*time.Millisecond, func() {
			reply(json.RawMessage(`{"late":true}`), nil)
			reply(json.RawMessage(`{"twice":true}`), nil) // ignored
		})
	})
	r.Handle("Test.close", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		s.Close("closed by Test.close")
		return nil, nil
	})
	r.Handle("Runtime.getIsolateId", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		count("Runtime.getIsolateId")
		return json.RawMessage(`{"id":"5e55a0de"}`), nil
	})
	r.Handle("Runtime.runIfWaitingForDebugger", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		s.Server().RunIfWaitingForDebugger()
		return nil, nil
	})
	r.AddListener(SessionFuncs{
		Started: func(s *Session) {
			d.events = append(d.events, fmt.Sprintf("started %d", s.ID()))
			s.SetValue(testKey{}, s.ID())
		},
		Ended: func(s *Session) {
			if s.Value(testKey{}) != s.ID() {
				panic("session value lost")
			}
			d.events = append(d.events, fmt.Sprintf("ended %d", s.ID()))
		},
	})
}

type testKey struct{}

// testServer is a listening server on a free loopback port with the fake
// isolate and the test domain.
type testServer struct {
	*Server
	iso    *fakeIsolate
	domain *testDomain
}

func startServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	ts := &testServer{iso: newFakeIsolate(t), domain: &testDomain{}}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	cfg.Executor = ts.iso
	if cfg.Registry == nil {
		cfg.Registry = NewRegistry()
		ts.domain.register(cfg.Registry)
	}
	srv, err := Listen(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts.Server = srv
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		srv.Close(ctx)
	})
	return ts
}

// domainEvents reads the test domain's lifecycle log on the isolate.
func (ts *testServer) domainEvents(t testing.TB) []string {
	var out []string
	done := make(chan struct{})
	ts.iso.Post(func() { out = append(out, ts.domain.events...); close(done) })
	<-done
	return out
}

func (ts *testServer) port() int { return ts.Addr().(*net.TCPAddr).Port }

func (ts *testServer) dial(t testing.TB) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, ts.WebSocketURL(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c.SetReadLimit(-1)
	t.Cleanup(func() { c.CloseNow() })
	return c
}

// reply is a decoded server message.
type reply struct {
	ID     *int64          `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    string `json:"data"`
	} `json:"error"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

func send(t testing.TB, c *websocket.Conn, msg string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
		t.Fatal(err)
	}
}

func recv(t testing.TB, c *websocket.Conn) (reply, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	typ, b, err := c.Read(ctx)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if typ != websocket.MessageText {
		t.Fatalf("got a %v message", typ)
	}
	var r reply
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("server sent invalid JSON %q: %v", b, err)
	}
	return r, string(b)
}

// call sends a command and returns the next message, which must be its reply.
func call(t testing.TB, c *websocket.Conn, id int, method, params string) (reply, string) {
	t.Helper()
	msg := fmt.Sprintf(`{"id":%d,"method":%q}`, id, method)
	if params != "" {
		msg = fmt.Sprintf(`{"id":%d,"method":%q,"params":%s}`, id, method, params)
	}
	send(t, c, msg)
	r, raw := recv(t, c)
	if r.ID == nil || *r.ID != int64(id) {
		t.Fatalf("%s: got %s, want the reply to id %d", method, raw, id)
	}
	return r, raw
}

// closeStatus reads until the connection ends and returns the close error.
func closeStatus(t testing.TB, c *websocket.Conn) websocket.CloseError {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		_, _, err := c.Read(ctx)
		if err == nil {
			continue
		}
		var ce websocket.CloseError
		if !errors.As(err, &ce) {
			t.Fatalf("connection ended without a close frame: %v", err)
		}
		return ce
	}
}

// rawHTTP sends one request over a fresh TCP connection, so the Host header
// is exactly what the test says (host == nil: none, with HTTP/1.0).
func rawHTTP(t testing.TB, port int, method, path string, host *string, extra ...string) *http.Response {
	t.Helper()
	conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	proto := "HTTP/1.1"
	if host == nil {
		proto = "HTTP/1.0"
	}
	req := fmt.Sprintf("%s %s %s\r\n", method, path, proto)
	if host != nil {
		req += "Host: " + *host + "\r\n"
	}
	for _, h := range extra {
		req += h + "\r\n"
	}
	req += "Connection: close\r\n\r\n"
	if _, err := conn.Write([]byte(req)); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

// settleGoroutines waits until the goroutine count drops to at most want.
func settleGoroutines(t testing.TB, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines, want at most %d:\n%s", n, want, buf)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor polls cond for up to 10 s.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func readTestdata(t testing.TB, name string, v any) {
	t.Helper()
	b, err := os.ReadFile("testdata/node/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

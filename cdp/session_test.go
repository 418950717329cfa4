package cdp

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

func TestSessionLifecycle(t *testing.T) {
	ts := startServer(t, Config{})
	select {
	case <-ts.NoSessions():
	default:
		t.Fatal("NoSessions open before any client")
	}
	a := ts.dial(t)
	call(t, a, 1, "Test.empty", "") // a has started before b connects
	b := ts.dial(t)
	call(t, b, 1, "Test.empty", "")
	if n := ts.SessionCount(); n != 2 {
		t.Fatalf("SessionCount %d", n)
	}
	idle := ts.NoSessions()
	a.Close(websocket.StatusNormalClosure, "")
	waitFor(t, "first session to end", func() bool { return ts.SessionCount() == 1 })
	select {
	case <-idle:
		t.Fatal("NoSessions closed with a session attached")
	default:
	}
	b.Close(websocket.StatusNormalClosure, "")
	if err := ts.WaitForDisconnect(ctxTimeout(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	<-idle
	got := strings.Join(ts.domainEvents(t), ", ")
	if got != "started 1, started 2, ended 1, ended 2" {
		t.Errorf("lifecycle: %s", got)
	}
	// A new session re-arms NoSessions.
	c := ts.dial(t)
	call(t, c, 1, "Test.empty", "")
	select {
	case <-ts.NoSessions():
		t.Fatal("NoSessions closed while attached")
	default:
	}
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// Listeners start in order and end in reverse; no handler runs after
// SessionEnded, and Notify after the end is dropped.
func TestListenersAndLateWork(t *testing.T) {
	iso := newFakeIsolate(t)
	reg := NewRegistry()
	var log []string
	var kept *Session
	reg.AddListener(SessionFuncs{
		Started: func(s *Session) { log = append(log, "A+") },
		Ended:   func(s *Session) { log = append(log, "A-") },
	})
	reg.AddListener(SessionFuncs{
		Started: func(s *Session) { log = append(log, "B+") },
		Ended: func(s *Session) {
			log = append(log, "B-")
			if !s.Closed() || s.Value("k") != "v" {
				panic("session state at end")
			}
		},
	})
	reg.Handle("T.keep", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		log = append(log, "keep")
		s.SetValue("k", "v")
		kept = s
		return nil, nil
	})
	srv, err := Listen(Config{Addr: "127.0.0.1:0", Executor: iso, Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(t.Context())
	ts := &testServer{Server: srv, iso: iso}
	c := ts.dial(t)
	call(t, c, 1, "T.keep", "")
	// Pause the isolate, queue commands, disconnect: they must be skipped.
	iso.pause()
	send(t, c, `{"id":2,"method":"T.keep"}`)
	send(t, c, `{"id":3,"method":"T.keep"}`)
	waitFor(t, "commands queued", func() bool { return iso.queued() >= 2 })
	c.CloseNow()
	waitFor(t, "transport closed", func() bool { return kept.Closed() })
	iso.resume()
	waitFor(t, "session end", func() bool { return srv.SessionCount() == 0 })
	iso.sync(t)
	var got string
	done := make(chan struct{})
	iso.Post(func() {
		got = strings.Join(log, " ")
		kept.Notify("T.late", nil) // dropped, no panic
		if kept.Value("k") != nil {
			got += " (values kept)"
		}
		close(done)
	})
	<-done
	if got != "A+ B+ keep B- A-" {
		t.Errorf("got %q", got)
	}
}

func TestMessageSizeLimit(t *testing.T) {
	ts := startServer(t, Config{MaxMessageSize: 1024})
	c := ts.dial(t)
	// Exactly at the limit: answered.
	pad := strings.Repeat("a", 1024-len(`{"id":1,"method":"Test.echo","params":{"p":""}}`))
	call(t, c, 1, "Test.echo", `{"p":"`+pad+`"}`)
	send(t, c, `{"id":2,"method":"Test.echo","params":{"p":"`+pad+`x"}}`)
	ce := closeStatus(t, c)
	if ce.Code != websocket.StatusMessageTooBig || ce.Reason != "message exceeds 1024 bytes" {
		t.Errorf("closed with %d %q", ce.Code, ce.Reason)
	}
	waitFor(t, "session end", func() bool { return ts.SessionCount() == 0 })
}

func TestDefaultMessageLimitIsChromes(t *testing.T) {
	srv, _ := New(Config{Executor: ExecutorFunc(func(f func()) { f() })})
	if srv.cfg.MaxMessageSize != 100<<20 || srv.cfg.MaxQueuedBytes != 256<<20 {
		t.Errorf("limits %d %d", srv.cfg.MaxMessageSize, srv.cfg.MaxQueuedBytes)
	}
}

func TestRunIfWaitingForDebugger(t *testing.T) {
	ts := startServer(t, Config{})
	select {
	case <-ts.RunRequested():
		t.Fatal("run requested before any client")
	default:
	}
	c := ts.dial(t)
	call(t, c, 1, "Runtime.runIfWaitingForDebugger", "{}")
	select {
	case <-ts.RunRequested():
	case <-time.After(5 * time.Second):
		t.Fatal("RunRequested not closed")
	}
	call(t, c, 2, "Runtime.runIfWaitingForDebugger", "{}") // again: no panic
}

func TestSessionCloseFromHandler(t *testing.T) {
	ts := startServer(t, Config{})
	c := ts.dial(t)
	send(t, c, `{"id":1,"method":"Test.close"}`)
	ce := closeStatus(t, c)
	if ce.Code != websocket.StatusNormalClosure || ce.Reason != "closed by Test.close" {
		t.Errorf("closed with %d %q", ce.Code, ce.Reason)
	}
	waitFor(t, "session end", func() bool { return ts.SessionCount() == 0 })
}

// A client that stops reading fills its queue; the session is closed and the
// isolate never waits.
func TestSlowClientOverflowClosesSession(t *testing.T) {
	ts := startServer(t, Config{MaxQueuedBytes: 1 << 20})
	c := ts.dial(t) // does not read until the session is gone
	call(t, c, 0, "Test.empty", "")
	send(t, c, `{"id":1,"method":"Test.notify","params":{"count":1000,"size":65536}}`)
	waitFor(t, "session end", func() bool { return ts.SessionCount() == 0 })
	ts.iso.sync(t)
	var longest time.Duration
	done := make(chan struct{})
	ts.iso.Post(func() { longest = ts.domain.maxNotify; close(done) })
	<-done
	// Notify only queues: a blocked network write would show up as seconds.
	if longest > time.Second {
		t.Errorf("a Notify call took %v", longest)
	}
	// The client eventually sees its connection go.
	ctx := ctxTimeout(t, 10*time.Second)
	for n := 0; ; n++ {
		if _, _, err := c.Read(ctx); err != nil {
			if ctx.Err() != nil {
				t.Fatalf("connection still open after %d messages: %v", n, err)
			}
			break
		}
	}
}

// The queue's limits count messages too; overflowing closes the session at
// once, from the producing goroutine, without waiting.
func TestOverflowByMessageCount(t *testing.T) {
	srv, err := New(Config{Executor: ExecutorFunc(func(f func()) { f() }), MaxQueuedMessages: 10})
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(srv, 1, "test") // no writer: nothing drains
	for i := range 10 {
		s.Notify("A.b", nil)
		if s.Closed() {
			t.Fatalf("closed after %d messages", i+1)
		}
	}
	s.Notify("A.b", nil)
	if !s.Closed() || s.Context().Err() == nil {
		t.Fatal("11th message did not close the session")
	}
	if n, _ := s.Backlog(); n != 0 {
		t.Errorf("%d messages still queued after the close", n)
	}
}

// A client vanishing in the middle of a large answer leaves no goroutine
// behind, and the isolate is not held.
func TestVanishingClientLeaksNothing(t *testing.T) {
	ts := startServer(t, Config{})
	warm := ts.dial(t)
	call(t, warm, 1, "Test.empty", "")
	warm.Close(websocket.StatusNormalClosure, "")
	waitFor(t, "warm-up session end", func() bool { return ts.SessionCount() == 0 })
	settleGoroutines(t, runtime.NumGoroutine())
	baseline := runtime.NumGoroutine()

	for range 5 {
		c := ts.dial(t)
		send(t, c, `{"id":1,"method":"Test.notify","params":{"count":300,"size":65536}}`)
		// Read a little of the ~20 MB, then drop the TCP connection.
		recv(t, c)
		c.CloseNow()
	}
	// Raw TCP clients that upgrade, ask, and vanish without reading.
	for range 5 {
		conn, err := net.Dial("tcp", ts.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET /%s HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
			"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n", ts.TargetID())
		conn.Write(maskedFrame(`{"id":7,"method":"Test.notify","params":{"count":100,"size":65536}}`))
		time.Sleep(10 * time.Millisecond)
		conn.Close()
	}
	waitFor(t, "sessions to end", func() bool { return ts.SessionCount() == 0 })
	ts.iso.sync(t)
	settleGoroutines(t, baseline)
}

// maskedFrame is a client text frame, for raw-socket clients.
func maskedFrame(payload string) []byte {
	var f []byte
	n := len(payload)
	switch {
	case n < 126:
		f = append(f, 0x81, 0x80|byte(n))
	case n < 1<<16:
		f = append(f, 0x81, 0x80|126, byte(n>>8), byte(n))
	default:
		panic("frame too large for this helper")
	}
	mask := []byte{1, 2, 3, 4}
	f = append(f, mask...)
	for i := range n {
		f = append(f, payload[i]^mask[i%4])
	}
	return f
}

// A client that outruns a busy isolate is not read from beyond MaxInFlight
// commands; everything is answered once the isolate catches up.
func TestInFlightBound(t *testing.T) {
	ts := startServer(t, Config{MaxInFlight: 4})
	c := ts.dial(t)
	call(t, c, 0, "Test.empty", "")
	ts.iso.pause()
	const n = 50
	go func() {
		for i := 1; i <= n; i++ {
			c.Write(context.Background(), websocket.MessageText, fmt.Appendf(nil, `{"id":%d,"method":"Test.empty"}`, i))
		}
	}()
	waitFor(t, "commands posted", func() bool { return ts.iso.queued() == 4 })
	time.Sleep(50 * time.Millisecond)
	if q := ts.iso.queued(); q != 4 {
		t.Errorf("%d commands posted to a busy isolate, want 4", q)
	}
	ts.iso.resume()
	for i := 1; i <= n; i++ {
		r, raw := recv(t, c)
		if r.ID == nil || *r.ID != int64(i) {
			t.Fatalf("reply %d: %s", i, raw)
		}
	}
}

func TestServerCloseDrains(t *testing.T) {
	iso := newFakeIsolate(t)
	reg := NewRegistry()
	d := &testDomain{}
	d.register(reg)
	before := runtime.NumGoroutine()
	srv, err := Listen(Config{Addr: "127.0.0.1:0", Executor: iso, Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: srv, iso: iso, domain: d}
	var clients []*websocket.Conn
	for i := range 3 {
		c := ts.dial(t)
		call(t, c, i, "Test.empty", "")
		clients = append(clients, c)
	}
	closed := make(chan websocket.CloseError, len(clients))
	for _, c := range clients {
		go func() { closed <- closeStatus(t, c) }()
	}
	if err := srv.Close(ctxTimeout(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	for range clients {
		if ce := <-closed; ce.Code != websocket.StatusGoingAway || ce.Reason != "server shutting down" {
			t.Errorf("client closed with %d %q", ce.Code, ce.Reason)
		}
	}
	if err := srv.WaitForDisconnect(ctxTimeout(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(strings.Join(ts.domainEvents(t), ","), "ended"); got != 3 {
		t.Errorf("%d sessions ended", got)
	}
	if _, err := net.Dial("tcp", srv.Addr().String()); err == nil {
		t.Error("still listening after Close")
	}
	if srv.Close(t.Context()) == nil {
		t.Error("second Close succeeded")
	}
	for _, c := range clients {
		c.CloseNow()
	}
	settleGoroutines(t, before)
}

// Close gives up on the close handshake when ctx ends.
func TestServerCloseTimeout(t *testing.T) {
	ts := startServer(t, Config{})
	// A raw client that upgrades and then never answers the close frame.
	conn, err := net.Dial("tcp", ts.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /%s HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n", ts.TargetID())
	waitFor(t, "session", func() bool { return ts.SessionCount() == 1 })
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := ts.Close(ctx); err != context.DeadlineExceeded {
		t.Errorf("Close: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Close took %v", d)
	}
}

func TestLogging(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	ts := startServer(t, Config{Logger: zap.New(core)})
	c := ts.dial(t)
	call(t, c, 1, "Test.echo", `{"big":"`+strings.Repeat("y", 5000)+`"}`)
	c.Close(websocket.StatusNormalClosure, "")
	waitFor(t, "session end", func() bool { return ts.SessionCount() == 0 })
	waitFor(t, "close logged", func() bool { return logs.FilterMessage("session closed").Len() == 1 })
	for _, m := range []string{"listening", "session started", "recv", "send"} {
		if logs.FilterMessage(m).Len() == 0 {
			t.Errorf("no %q entry", m)
		}
	}
	for _, e := range logs.FilterMessage("recv").All() {
		if msg := e.ContextMap()["msg"].(string); len(msg) > maxLoggedMessage+10 {
			t.Errorf("logged %d bytes of traffic", len(msg))
		}
		if e.Level != zapcore.DebugLevel {
			t.Errorf("traffic at %v", e.Level)
		}
	}
	for _, m := range []string{"session started", "session closed"} {
		if e := logs.FilterMessage(m).All()[0]; e.Level != zapcore.InfoLevel {
			t.Errorf("%q at %v", m, e.Level)
		}
	}
}

func TestStartTwice(t *testing.T) {
	ts := startServer(t, Config{})
	if err := ts.Start(); err == nil {
		t.Error("second Start succeeded")
	}
	busy := ts.Addr().String()
	srv, _ := New(Config{Addr: busy, Executor: ts.iso})
	if err := srv.Start(); err == nil || !strings.Contains(err.Error(), "failed") {
		t.Errorf("Start on a busy port: %v", err)
	}
}

func TestSessionAccessors(t *testing.T) {
	iso := newFakeIsolate(t)
	reg := NewRegistry()
	type seen struct {
		id     int64
		remote string
		count  int
	}
	got := make(chan seen, 1)
	var ctxs []context.Context
	reg.Handle("T.look", func(s *Session, p json.RawMessage) (json.RawMessage, *Error) {
		ctxs = append(ctxs, s.Context())
		s.Notify("T.ev", nil)
		got <- seen{id: s.ID(), remote: s.RemoteAddr(), count: s.Server().SessionCount()}
		return nil, nil
	})
	endCount := make(chan int, 1)
	reg.AddListener(SessionFuncs{Ended: func(s *Session) { endCount <- s.Server().SessionCount() }})
	srv, err := Listen(Config{Addr: "127.0.0.1:0", Executor: iso, Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(t.Context())
	ts := &testServer{Server: srv, iso: iso}
	c := ts.dial(t)
	send(t, c, `{"id":1,"method":"T.look"}`)
	if _, ev := recv(t, c); ev != `{"method":"T.ev","params":{}}` {
		t.Errorf("event %s", ev)
	}
	if _, r := recv(t, c); r != `{"id":1,"result":{}}` {
		t.Errorf("reply %s", r)
	}
	s := <-got
	if s.id != 1 || !strings.HasPrefix(s.remote, "127.0.0.1:") || s.count != 1 {
		t.Errorf("accessors: %+v", s)
	}
	c.Close(websocket.StatusNormalClosure, "")
	// Inside SessionEnded the ending session still counts.
	if n := <-endCount; n != 1 {
		t.Errorf("SessionCount in SessionEnded = %d, want 1", n)
	}
	iso.sync(t)
	done := make(chan struct{})
	iso.Post(func() {
		for _, ctx := range ctxs {
			if ctx.Err() == nil {
				t.Error("session context not canceled after the end")
			}
		}
		close(done)
	})
	<-done
}

func TestOutboxAccounting(t *testing.T) {
	o := newOutbox(3, 1000)
	m := outMsg{kind: outEvent, method: "A.b", raw: []byte(`{"x":1}`)}
	for range 3 {
		if ok, over := o.push(m); !ok || over {
			t.Fatal("push refused under the limits")
		}
	}
	if n, b := o.backlog(); n != 3 || b != 3*m.size() {
		t.Errorf("backlog %d %d", n, b)
	}
	batch := o.take(nil)
	if len(batch) != 3 {
		t.Fatalf("took %d", len(batch))
	}
	// Taken but not yet written still counts.
	if _, over := o.push(m); !over {
		t.Error("fourth message did not overflow")
	}
	if ok, _ := o.push(m); ok {
		t.Error("push after overflow queued")
	}
	o.sent(&batch[0])
	if n, _ := o.backlog(); n != 2 {
		t.Errorf("backlog after a write: %d", n)
	}
	if o.take(nil) != nil {
		t.Error("take on a closed outbox returned messages")
	}
	big := outMsg{kind: outResult, raw: make([]byte, 2000)}
	if _, over := newOutbox(10, 1000).push(big); !over {
		t.Error("byte limit not enforced")
	}
}

package heapprofiler

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// target is an isolate running a program, with the HeapProfiler domain
// served by a real cdp.Server, and its isolate goroutine: every use of the
// isolate after start goes through do.
type target struct {
	iso    *engine.Isolate
	srv    *cdp.Server
	domain *Domain
	stop   chan struct{}
	done   chan struct{}
}

func newTarget(t *testing.T, hopts heap.Options, program string, objects RemoteObjects) *target {
	t.Helper()
	iso, err := engine.NewIsolate(engine.Options{Heap: hopts})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := iso.RunScript(program, "file:///app.js"); err != nil {
		iso.Close()
		t.Fatal(err)
	}
	reg := cdp.NewRegistry()
	d := Register(reg, iso, Config{Objects: objects})
	srv, err := cdp.Listen(cdp.Config{Addr: "127.0.0.1:0", Executor: iso, Registry: reg})
	if err != nil {
		iso.Close()
		t.Fatal(err)
	}
	tg := &target{iso: iso, srv: srv, domain: d, stop: make(chan struct{}), done: make(chan struct{})}
	go tg.loop()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Close(ctx)
		close(tg.stop)
		<-tg.done
		iso.Close()
	})
	return tg
}

// loop is the isolate goroutine, idle: it runs posted tasks.
func (tg *target) loop() {
	defer close(tg.done)
	for {
		tg.iso.HandleInterrupts()
		select {
		case <-tg.iso.Woken():
		case <-tg.stop:
			tg.iso.HandleInterrupts()
			return
		}
	}
}

// do runs f on the isolate goroutine and waits.
func (tg *target) do(f func()) {
	ch := make(chan struct{})
	tg.iso.Post(func() { defer close(ch); f() })
	<-ch
}

// run runs JavaScript on the isolate goroutine.
func (tg *target) run(t *testing.T, src string) {
	t.Helper()
	var err error
	tg.do(func() { _, err = tg.iso.RunScript(src, "file:///more.js") })
	if err != nil {
		t.Fatal(err)
	}
}

// client is a CDP client on one WebSocket.
type client struct {
	t      *testing.T
	c      *websocket.Conn
	nextID int64
	// in gets every message a reader goroutine reads (a read with a
	// deadline would close the connection when it expires).
	in chan []byte
}

// message is one message from the server.
type message struct {
	ID     *int64          `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

func (tg *target) connect(t *testing.T) *client {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, tg.srv.WebSocketURL(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c.SetReadLimit(-1)
	t.Cleanup(func() { c.CloseNow() })
	cl := &client{t: t, c: c, nextID: 1, in: make(chan []byte, 1<<16)}
	go func() {
		defer close(cl.in)
		for {
			_, b, err := c.Read(context.Background())
			if err != nil {
				return
			}
			cl.in <- b
		}
	}()
	return cl
}

// send sends a command and returns its id.
func (cl *client) send(method string, params string) int64 {
	cl.t.Helper()
	cl.nextID++
	id := cl.nextID
	cl.sendRaw(id, method, params)
	return id
}

func (cl *client) sendRaw(id int64, method, params string) {
	cl.t.Helper()
	if params == "" {
		params = "{}"
	}
	msg := `{"id":` + itoa(id) + `,"method":` + quote(method) + `,"params":` + params + `}`
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := cl.c.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
		cl.t.Fatal(err)
	}
}

func (cl *client) recv(timeout time.Duration) (message, bool) {
	cl.t.Helper()
	var b []byte
	select {
	case m, ok := <-cl.in:
		if !ok {
			return message{}, false
		}
		b = m
	case <-time.After(timeout):
		return message{}, false
	}
	var m message
	if err := json.Unmarshal(b, &m); err != nil {
		cl.t.Fatalf("bad message %.200s: %v", b, err)
	}
	return m, true
}

// until reads messages up to and including the reply to id.
func (cl *client) until(id int64) []message {
	cl.t.Helper()
	var out []message
	for {
		m, ok := cl.recv(60 * time.Second)
		if !ok {
			cl.t.Fatalf("no reply to %d", id)
		}
		out = append(out, m)
		if m.ID != nil && *m.ID == id {
			return out
		}
	}
}

// call sends a command and returns the events before its reply and the
// reply.
func (cl *client) call(method, params string) ([]message, message) {
	cl.t.Helper()
	msgs := cl.until(cl.send(method, params))
	return msgs[:len(msgs)-1], msgs[len(msgs)-1]
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// snapshotFromEvents checks the events of a snapshot-taking command are in
// node's order (progress without finished, one with finished, chunks) and
// returns the concatenated chunks.
func snapshotFromEvents(t *testing.T, events []message, wantProgress bool) string {
	t.Helper()
	var sb strings.Builder
	phase := 0 // 0: progress, 1: after finished, 2: chunks
	progress := 0
	for _, e := range events {
		switch e.Method {
		case "HeapProfiler.reportHeapSnapshotProgress":
			var p struct {
				Done, Total int
				Finished    *bool
			}
			json.Unmarshal(e.Params, &p)
			if phase != 0 {
				t.Fatalf("progress event after the finished one or after chunks: %s", e.Params)
			}
			if p.Done > p.Total {
				t.Errorf("progress %s", e.Params)
			}
			if p.Finished != nil {
				if !*p.Finished || p.Done != p.Total {
					t.Errorf("finished event %s", e.Params)
				}
				phase = 1
			}
			progress++
		case "HeapProfiler.addHeapSnapshotChunk":
			if wantProgress && phase == 0 {
				t.Fatal("a chunk before the finished progress event")
			}
			phase = 2
			var p struct{ Chunk string }
			json.Unmarshal(e.Params, &p)
			if len(p.Chunk) > 102400 {
				t.Errorf("chunk of %d characters", len(p.Chunk))
			}
			sb.WriteString(p.Chunk)
		case "HeapProfiler.heapStatsUpdate", "HeapProfiler.lastSeenObjectId":
			if phase != 0 || progress != 0 {
				t.Errorf("%s amid the snapshot", e.Method)
			}
		default:
			t.Errorf("unexpected event %s", e.Method)
		}
	}
	if phase != 2 {
		t.Fatalf("no chunks (%d progress events)", progress)
	}
	if wantProgress != (progress > 0) {
		t.Errorf("%d progress events, want progress: %v", progress, wantProgress)
	}
	return sb.String()
}

// snap is a parsed snapshot, as much as these tests read.
type snap struct {
	Snapshot struct {
		Meta struct {
			NodeFields []string `json:"node_fields"`
		} `json:"meta"`
		NodeCount          int `json:"node_count"`
		TraceFunctionCount int `json:"trace_function_count"`
	} `json:"snapshot"`
	Nodes              []int64         `json:"nodes"`
	TraceFunctionInfos []int64         `json:"trace_function_infos"`
	TraceTree          json.RawMessage `json:"trace_tree"`
	Samples            []int64         `json:"samples"`
	Strings            []string        `json:"strings"`
}

func parseSnap(t *testing.T, text string) *snap {
	t.Helper()
	var s snap
	if err := json.Unmarshal([]byte(text), &s); err != nil {
		t.Fatalf("snapshot is not JSON: %v", err)
	}
	if len(s.Nodes) != 7*s.Snapshot.NodeCount {
		t.Fatalf("%d node fields for %d nodes", len(s.Nodes), s.Snapshot.NodeCount)
	}
	return &s
}

// ids returns the ids of the object nodes named name.
func (s *snap) ids(name string) []int64 {
	var out []int64
	for i := 0; i+7 <= len(s.Nodes); i += 7 {
		if s.Nodes[i] == 3 && s.Strings[s.Nodes[i+1]] == name {
			out = append(out, s.Nodes[i+2])
		}
	}
	return out
}

// fakeObjects is a RemoteObjects standing in for the Runtime domain:
// object ids are "obj:<n>" into a list of globals.
type fakeObjects struct {
	h         *heap.Heap
	held      []heap.Global
	inspected []layout.Value
}

func (f *fakeObjects) ResolveObject(_ *cdp.Session, id string) (layout.Value, *cdp.Error) {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "obj:"))
	if err != nil || n < 0 || n >= len(f.held) {
		return 0, cdp.ServerError("Could not find object with given id")
	}
	v, _ := f.held[n].Value()
	return v, nil
}

func (f *fakeObjects) WrapObject(_ *cdp.Session, v heap.Handle, group string) (json.RawMessage, *cdp.Error) {
	f.held = append(f.held, f.h.NewGlobal(v.Value()))
	return json.RawMessage(`{"type":"object","objectId":"obj:` + itoa(int64(len(f.held)-1)) + `","group":` + quote(group) + `}`), nil
}

func (f *fakeObjects) AddInspectedObject(_ *cdp.Session, v heap.Handle) *cdp.Error {
	f.held = append(f.held, f.h.NewGlobal(v.Value()))
	f.inspected = append(f.inspected, v.Value())
	return nil
}

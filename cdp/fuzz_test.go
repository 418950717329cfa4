package cdp

import (
	"encoding/hex"
	"encoding/json"
	"testing"
)

// dispatchOne runs one message through a session with no network and an
// executor that runs tasks at once, and returns what the session queued.
func dispatchOne(tb testing.TB, srv *Server, msg []byte) []outMsg {
	s := newSession(srv, 1, "fuzz")
	s.started = true
	if !s.dispatch(msg) {
		tb.Fatal("dispatch refused a message on an open session")
	}
	s.out.mu.Lock()
	defer s.out.mu.Unlock()
	return append([]outMsg(nil), s.out.items...)
}

func fuzzServer(tb testing.TB) *Server {
	reg := NewRegistry()
	(&testDomain{notifyLimit: 4096}).register(reg)
	srv, err := New(Config{Executor: ExecutorFunc(func(task func()) { task() }), Registry: reg})
	if err != nil {
		tb.Fatal(err)
	}
	return srv
}

// FuzzDispatch feeds arbitrary bytes to the dispatcher as one message: it
// must never panic and must answer with exactly one well-formed message, a
// result or one of the five JSON-RPC errors, with an id exactly when the
// message had a readable one.
func FuzzDispatch(f *testing.F) {
	var rec struct {
		Messages []nodeMessage `json:"messages"`
	}
	readTestdata(f, "messages.json", &rec)
	for _, m := range rec.Messages {
		switch {
		case m.Send != nil:
			f.Add([]byte(*m.Send))
		case m.SendHex != nil:
			b, _ := hex.DecodeString(*m.SendHex)
			f.Add(b)
		}
	}
	for _, s := range []string{
		`{"id":1,"method":"Test.echo","params":{"a":1}}`,
		`{"id":2,"method":"Test.notify","params":{"count":2,"size":3}}`,
		`{"id":3,"method":"Test.params","params":{"n":-5}}`,
		`{"id":4,"method":"Test.fail"}`,
		`{"id":5,"method":"Test.later"}`,
		`{"id":6,"method":"Test.params","params":{"n":1e999}}`,
		"{\"id\":7,\"method\":\"Test.\\ud800\"}",
	} {
		f.Add([]byte(s))
	}
	srv := fuzzServer(f)
	f.Fuzz(func(t *testing.T, msg []byte) {
		out := dispatchOne(t, srv, msg)
		req, perr := decodeRequest(msg)
		// Test.notify sends events first; Test.later answers later.
		answers := 0
		for i := range out {
			m := &out[i]
			b := m.appendTo(nil)
			if !json.Valid(b) {
				t.Fatalf("invalid JSON answer %q to %q", b, msg)
			}
			var r struct {
				ID     *int32          `json:"id"`
				Result json.RawMessage `json:"result"`
				Error  *struct {
					Code    *int    `json:"code"`
					Message *string `json:"message"`
				} `json:"error"`
				Method string `json:"method"`
			}
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatalf("answer %q: %v", b, err)
			}
			if r.Method != "" {
				if perr != nil || req.method != "Test.notify" {
					t.Fatalf("event %q for %q", b, msg)
				}
				continue
			}
			answers++
			switch {
			case r.Error != nil && r.Result != nil, r.Error == nil && r.Result == nil:
				t.Fatalf("answer %q has not exactly one of result and error", b)
			case r.Error != nil:
				if r.Error.Code == nil || r.Error.Message == nil || *r.Error.Message == "" {
					t.Fatalf("error without code or message: %q", b)
				}
				switch *r.Error.Code {
				case CodeParseError, CodeInvalidRequest, CodeMethodNotFound, CodeInvalidParams, CodeServerError:
				default:
					t.Fatalf("error code %d in %q", *r.Error.Code, b)
				}
			default:
				if !json.Valid(r.Result) || r.Result[0] != '{' {
					t.Fatalf("result is not an object: %q", b)
				}
			}
			if (r.ID != nil) != req.hasID || r.ID != nil && *r.ID != req.id {
				t.Fatalf("answer %q to %q: id mismatch (decoded %v %d)", b, msg, req.hasID, req.id)
			}
		}
		want := 1
		if perr == nil && req.method == "Test.later" {
			want = 0 // answered from a timer, later
		}
		if answers != want {
			t.Fatalf("%d answers to %q", answers, msg)
		}
		if !json.Valid(msg) && (perr == nil || perr.Code != CodeParseError || req.hasID) {
			t.Fatalf("invalid JSON %q not answered with a bare -32700: %v", msg, perr)
		}
	})
}

// BenchmarkDispatch measures decoding, posting and answering one small
// command, without the network. Budget: 3 allocs/op (the posted task, the
// Reply closure and its once-flag).
func BenchmarkDispatch(b *testing.B) {
	srv := fuzzServer(b)
	s := newSession(srv, 1, "bench")
	s.started = true
	msg := []byte(`{"id":42,"method":"Test.empty","params":{}}`)
	b.ReportAllocs()
	b.SetBytes(int64(len(msg)))
	var buf []byte
	for b.Loop() {
		s.dispatch(msg)
		batch := s.out.take(nil)
		for i := range batch {
			buf = batch[i].appendTo(buf[:0])
			s.out.sent(&batch[i])
		}
	}
}

package cdp

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/coder/websocket"
)

type nodeMessage struct {
	Send       *string  `json:"send"`
	SendHex    *string  `json:"sendHex"`
	SendBinary *string  `json:"sendBinary"`
	Replies    []string `json:"replies"`
	Closed     *struct {
		Code int `json:"code"`
	} `json:"closed"`
}

// domainLevel are recorded cases whose answer comes from V8's Runtime and
// Profiler agents, not the envelope: the domains will match those.
var domainLevel = []string{`"Runtime.evaluate"`, `"Profiler.start"`}

// TestEnvelopeErrorsMatchNode replays node's recorded messages over a real
// session and compares our single answer with node's first one. After an
// envelope error node v20 often sends a second, spurious answer (its own
// dispatcher parsing the message again, with a stale id):
//
//	{"error":{"code":-32601,"message":"'' wasn't found"},"id":0}
//
// We do not copy that, and check that every message gets exactly one answer.
func TestEnvelopeErrorsMatchNode(t *testing.T) {
	var rec struct {
		Messages []nodeMessage `json:"messages"`
	}
	readTestdata(t, "messages.json", &rec)
	ts := startServer(t, Config{})
	c := ts.dial(t)
	checked := 0
	for _, m := range rec.Messages {
		if m.SendHex != nil {
			b, err := hex.DecodeString(*m.SendHex)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			m.Send = &s
		}
		if m.Send == nil {
			continue
		}
		skip := false
		for _, d := range domainLevel {
			skip = skip || strings.Contains(*m.Send, d)
		}
		if skip {
			continue
		}
		var node reply
		if err := json.Unmarshal([]byte(m.Replies[0]), &node); err != nil {
			t.Fatal(err)
		}
		send(t, c, *m.Send)
		got, raw := recv(t, c)
		checked++
		where := "sent " + *m.Send + "\n got " + raw + "\nnode " + m.Replies[0]
		if (got.ID == nil) != (node.ID == nil) || got.ID != nil && *got.ID != *node.ID {
			t.Errorf("id differs:\n%s", where)
			continue
		}
		if (got.Error == nil) != (node.Error == nil) {
			t.Errorf("result/error differs:\n%s", where)
			continue
		}
		if node.Error == nil {
			continue
		}
		if got.Error.Code != node.Error.Code {
			t.Errorf("code differs:\n%s", where)
		}
		if strings.HasPrefix(node.Error.Message, "CBOR: duplicate map key") {
			// V8 names a CBOR position; we name the key.
			if !strings.HasPrefix(got.Error.Message, msgDuplicateKeyHead) {
				t.Errorf("duplicate key message:\n%s", where)
			}
		} else if got.Error.Message != node.Error.Message {
			t.Errorf("message differs:\n%s", where)
		}
	}
	if checked < 45 {
		t.Fatalf("only %d recorded messages checked", checked)
	}
	// No stray second answers: the next message is the sentinel's reply.
	call(t, c, 99999, "Test.empty", "")
}

// node drops a connection that sends a binary frame (status 1006, no close
// frame); we close it with 1003 and a reason.
func TestBinaryFrameClosesSession(t *testing.T) {
	ts := startServer(t, Config{})
	c := ts.dial(t)
	ctx := t.Context()
	if err := c.Write(ctx, websocket.MessageBinary, []byte(`{"id":1,"method":"Test.empty"}`)); err != nil {
		t.Fatal(err)
	}
	ce := closeStatus(t, c)
	if ce.Code != websocket.StatusUnsupportedData || !strings.Contains(ce.Reason, "binary") {
		t.Errorf("closed with %v %q", ce.Code, ce.Reason)
	}
	waitFor(t, "session end", func() bool { return ts.SessionCount() == 0 })
}

func TestEveryErrorCode(t *testing.T) {
	ts := startServer(t, Config{})
	c := ts.dial(t)
	for _, tc := range []struct {
		msg, want string
	}{
		{`{"id":1,"method":"Test.echo"`, `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`},
		{`[1,2]`, `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`},
		{`{"id":2,"method":"Test.echo","params":{},"params":{}}`, `{"id":2,"error":{"code":-32700,"message":"Message has duplicate property 'params'"}}`},
		{`{"method":"Test.echo"}`, `{"error":{"code":-32600,"message":"Message must have integer 'id' property"}}`},
		{`{"id":3}`, `{"id":3,"error":{"code":-32600,"message":"Message must have string 'method' property"}}`},
		{`{"id":4,"method":"Test.echo","x":1}`, `{"id":4,"error":{"code":-32600,"message":"Message has property other than 'id', 'method', 'sessionId', 'params'"}}`},
		{`{"x":1,"id":4,"method":"Test.echo"}`, `{"error":{"code":-32600,"message":"Message has property other than 'id', 'method', 'sessionId', 'params'"}}`},
		{`{"id":5,"method":"Test.echo","params":"s"}`, `{"id":5,"error":{"code":-32600,"message":"Message may have object 'params' property"}}`},
		{`{"id":6,"method":"Test.echo","sessionId":7}`, `{"id":6,"error":{"code":-32600,"message":"Message may have string 'sessionId' property"}}`},
		{`{"id":7,"method":"Nope.nothing"}`, `{"id":7,"error":{"code":-32601,"message":"'Nope.nothing' wasn't found"}}`},
		{`{"id":8,"method":"Test.\"quoted\"\n"}`, `{"id":8,"error":{"code":-32601,"message":"'Test.\"quoted\"\n' wasn't found"}}`},
		{`{"id":9,"method":"Test.params","params":{"n":"x"}}`, `{"id":9,"error":{"code":-32602,"message":"Invalid parameters","data":"Failed to deserialize params.n - BINDINGS: int32 value expected"}}`},
		{`{"id":10,"method":"Test.params","params":{"n":-1}}`, `{"id":10,"error":{"code":-32602,"message":"n must not be negative"}}`},
		{`{"id":11,"method":"Test.params","params":[]}`, `{"id":11,"error":{"code":-32602,"message":"Invalid parameters","data":"Failed to deserialize params.n - BINDINGS: int32 value expected"}}`},
		{`{"id":12,"method":"Test.fail"}`, `{"id":12,"error":{"code":-32000,"message":"Test is not enabled"}}`},
		{`{"id":13,"method":"Test.params","params":{"n":4}}`, `{"id":13,"result":{"n":4}}`},
		{`{"id":14,"method":"Test.empty","params":null}`, `{"id":14,"result":{}}`},
		{`{"id":15,"method":"Test.echo"}`, `{"id":15,"result":{}}`},
		{`{"id":16,"method":"Test.echo","params":{"a":[1,{"b":"<&>"}]},"sessionId":"x"}`, `{"id":16,"result":{"a":[1,{"b":"<&>"}]}}`},
	} {
		send(t, c, tc.msg)
		if _, got := recv(t, c); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.msg, got, tc.want)
		}
	}
}

func TestAsyncReply(t *testing.T) {
	ts := startServer(t, Config{})
	c := ts.dial(t)
	send(t, c, `{"id":1,"method":"Test.later"}`)
	send(t, c, `{"id":2,"method":"Test.empty"}`)
	// The synchronous command overtakes the deferred one; the deferred one
	// is answered once.
	if _, got := recv(t, c); got != `{"id":2,"result":{}}` {
		t.Errorf("first: %s", got)
	}
	if _, got := recv(t, c); got != `{"id":1,"result":{"late":true}}` {
		t.Errorf("second: %s", got)
	}
	call(t, c, 3, "Test.empty", "")
}

// Answers, errors and events keep the order of the requests.
func TestOrderIsPreserved(t *testing.T) {
	ts := startServer(t, Config{})
	c := ts.dial(t)
	msgs := []string{
		`{"id":1,"method":"Test.notify","params":{"count":3,"size":1}}`,
		`not json`,
		`{"id":2,"method":"Nope.nope"}`,
		`{"id":3,"method":"Test.echo","params":{"k":3}}`,
	}
	for _, m := range msgs {
		send(t, c, m)
	}
	want := []string{
		`{"method":"Test.event","params":{"i":0,"pad":"x"}}`,
		`{"method":"Test.event","params":{"i":1,"pad":"x"}}`,
		`{"method":"Test.event","params":{"i":2,"pad":"x"}}`,
		`{"id":1,"result":{"sent":3}}`,
		`{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`,
		`{"id":2,"error":{"code":-32601,"message":"'Nope.nope' wasn't found"}}`,
		`{"id":3,"result":{"k":3}}`,
	}
	for _, w := range want {
		if _, got := recv(t, c); got != w {
			t.Errorf("got %s, want %s", got, w)
		}
	}
}

func TestDecodeRequest(t *testing.T) {
	for _, tc := range []struct {
		in     string
		id     int32
		hasID  bool
		method string
		params string
		code   int
	}{
		{in: `{"id":1,"method":"A.b"}`, id: 1, hasID: true, method: "A.b"},
		{in: " \n{\"method\":\"A.b\",\"id\":-2147483648}\t", id: -2147483648, hasID: true, method: "A.b"},
		{in: `{"id":1e3,"method":"A.b","params":{"x":[1,2]}}`, id: 1000, hasID: true, method: "A.b", params: `{"x":[1,2]}`},
		{in: `{"id":0.0,"method":"A.b","params":[]}`, id: 0, hasID: true, method: "A.b", params: `[]`},
		{in: `{"\u0069d":5,"m\u0065thod":"A.\u0062"}`, id: 5, hasID: true, method: "A.b"},
		{in: `{"id":5,"method":"A.b","params":null}`, id: 5, hasID: true, method: "A.b"},
		{in: `{"id":1e400,"method":"A.b"}`, code: CodeParseError},
		{in: `{"id":2147483648,"method":"A.b"}`, code: CodeInvalidRequest},
		{in: `{"id":1.5,"method":"A.b"}`, code: CodeInvalidRequest},
		{in: `{"id":"1","method":"A.b"}`, code: CodeInvalidRequest},
		{in: `{"id":7,"method":{}}`, id: 7, hasID: true, code: CodeInvalidRequest},
		{in: `{"id":7,"id":8,"method":"A.b"}`, id: 7, hasID: true, code: CodeParseError},
		{in: `{"id":7,"method":"A.b"}x`, code: CodeParseError},
		{in: "{\"id\":7,\"method\":\"\xff\"}", code: CodeParseError},
		{in: ``, code: CodeParseError},
		{in: `null`, code: CodeParseError},
	} {
		req, err := decodeRequest([]byte(tc.in))
		code := 0
		if err != nil {
			code = err.Code
		}
		if code != tc.code || req.hasID != tc.hasID || req.id != tc.id ||
			(code == 0 && (req.method != tc.method || string(req.params) != tc.params)) {
			t.Errorf("%q: got id %d/%v method %q params %q code %d", tc.in, req.id, req.hasID, req.method, req.params, code)
		}
	}
}

func TestErrorHelpers(t *testing.T) {
	e := ParamError("expression", "mandatory field missing")
	if e.Code != CodeInvalidParams || e.Message != "Invalid parameters" ||
		e.Data != "Failed to deserialize params.expression - BINDINGS: mandatory field missing" {
		t.Errorf("ParamError: %+v", e)
	}
	if e := ParamError("", "map start expected"); e.Data != "Failed to deserialize params - BINDINGS: map start expected" {
		t.Errorf("ParamError without a name: %+v", e)
	}
	if e := MethodNotFound("Network.setBlockedURLs"); e.Message != "'Network.setBlockedURLs' wasn't found" || e.Code != -32601 {
		t.Errorf("MethodNotFound: %+v", e)
	}
	if AsError(nil) != nil {
		t.Error("AsError(nil) != nil")
	}
	if e := AsError(errors.New("boom")); e.Code != CodeServerError || e.Message != "boom" {
		t.Errorf("AsError(plain): %+v", e)
	}
	inner := InvalidParams("bad")
	if e := AsError(errors.Join(errors.New("ctx"), inner)); e != inner {
		t.Errorf("AsError lost the code: %+v", e)
	}
	if got := ServerError("Profiler is not enabled").Error(); got != "Profiler is not enabled (-32000)" {
		t.Errorf("Error(): %s", got)
	}
}

func TestRegistry(t *testing.T) {
	r := NewRegistry()
	h := func(*Session, json.RawMessage) (json.RawMessage, *Error) { return nil, nil }
	r.Handle("B.b", h)
	r.Handle("A.a", h)
	if got := strings.Join(r.Methods(), ","); got != "A.a,B.b" {
		t.Errorf("Methods: %s", got)
	}
	mustPanic(t, "duplicate", func() { r.Handle("A.a", h) })
	mustPanic(t, "nil", func() { r.HandleAsync("C.c", nil) })
	if _, err := New(Config{Executor: ExecutorFunc(func(f func()) { f() }), Registry: r}); err != nil {
		t.Fatal(err)
	}
	mustPanic(t, "frozen", func() { r.Handle("C.c", h) })
	mustPanic(t, "frozen listener", func() { r.AddListener(SessionFuncs{}) })
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: no panic", what)
		}
	}()
	f()
}

package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// transcriptLine is one line of testdata/attach.jsonl, a recording of
// Chromium's DevTools attaching to node v20 (copied from the shared
// transcripts; see its README for the format).
type transcriptLine struct {
	Conn int             `json:"conn"`
	Dir  string          `json:"dir"`
	Msg  json.RawMessage `json:"msg"`
}

type wireMsg struct {
	ID     int64           `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// TestAttachTranscript sends every request DevTools sent node on attach,
// in one burst as DevTools does, and checks that each is answered as node
// answered it: the same error code and message, or a result with the same
// members; and that the events DevTools needs came.
func TestAttachTranscript(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "attach.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var requests []wireMsg
	answers := map[int64]wireMsg{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var l transcriptLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil || l.Conn != 1 {
			continue
		}
		var m wireMsg
		json.Unmarshal(l.Msg, &m)
		switch {
		case l.Dir == "c2s":
			requests = append(requests, m)
		case l.Dir == "s2c" && m.Method == "":
			answers[m.ID] = m
		}
	}
	if len(requests) != 14 {
		t.Fatalf("transcript has %d requests", len(requests))
	}

	p := start(t, "console.log('app started');\nfunction work() { return 1; }\n", "--inspect-brk=0")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, p.wsURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetReadLimit(-1)
	defer conn.CloseNow()
	for _, r := range requests {
		b, _ := json.Marshal(map[string]any{"id": r.ID, "method": r.Method, "params": r.Params})
		if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
			t.Fatal(err)
		}
	}
	got := map[int64]wireMsg{}
	var events []wireMsg
	for len(got) < len(requests) {
		_, b, err := conn.Read(ctx)
		if err != nil {
			t.Fatalf("after %d answers: %v", len(got), err)
		}
		var m wireMsg
		json.Unmarshal(b, &m)
		if m.Method != "" {
			events = append(events, m)
			continue
		}
		got[m.ID] = m
	}
	for _, r := range requests {
		want, g := answers[r.ID], got[r.ID]
		switch {
		case want.Error != nil:
			if g.Error == nil || g.Error.Code != want.Error.Code || g.Error.Message != want.Error.Message {
				t.Errorf("%s: want error %+v, got %s %+v", r.Method, *want.Error, g.Result, g.Error)
			}
		case g.Error != nil:
			t.Errorf("%s: want result %s, got error %+v", r.Method, want.Result, *g.Error)
		default:
			if wk, gk := keys(want.Result), keys(g.Result); !slices.Equal(wk, gk) {
				t.Errorf("%s: result members %v, node's %v (%s)", r.Method, gk, wk, g.Result)
			}
		}
	}
	// runIfWaitingForDebugger (the last request) let the script run: its
	// scriptParsed and console message follow.
	for !slices.ContainsFunc(events, func(m wireMsg) bool { return strings.Contains(string(m.Params), `"app started"`) }) {
		_, b, err := conn.Read(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var m wireMsg
		json.Unmarshal(b, &m)
		events = append(events, m)
	}
	var names []string
	appParsed := false
	for _, e := range events {
		names = append(names, e.Method)
		if e.Method == "Debugger.scriptParsed" && strings.Contains(string(e.Params), `/app.js"`) {
			appParsed = true
			var sp map[string]any
			json.Unmarshal(e.Params, &sp)
			for _, k := range []string{"scriptId", "url", "startLine", "startColumn", "endLine", "endColumn", "executionContextId", "hash", "isLiveEdit", "sourceMapURL", "hasSourceURL", "isModule", "length", "scriptLanguage", "embedderName"} {
				if _, ok := sp[k]; !ok {
					t.Errorf("scriptParsed lacks %s: %s", k, e.Params)
				}
			}
		}
	}
	if !slices.Contains(names, "Runtime.executionContextCreated") || !appParsed {
		t.Errorf("events: %v", names)
	}
	conn.Close(websocket.StatusNormalClosure, "")
	if code := p.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, p.Stderr())
	}
}

func keys(raw json.RawMessage) []string {
	var m map[string]json.RawMessage
	json.Unmarshal(raw, &m)
	var k []string
	for name := range m {
		k = append(k, name)
	}
	slices.Sort(k)
	return k
}

package protocol_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/protocol"
	"github.com/sonde-js/sonde/protocol/console"
	"github.com/sonde-js/sonde/protocol/debugger"
	"github.com/sonde-js/sonde/protocol/heapprofiler"
	"github.com/sonde-js/sonde/protocol/profiler"
	"github.com/sonde-js/sonde/protocol/runtime"
	"github.com/sonde-js/sonde/protocol/schema"
)

// domain is what the tests need of a generated domain package.
type domain struct {
	newParams, newReturns, newEvent func(string) easyjson.MarshalerUnmarshaler
}

var domains = map[string]domain{
	console.DomainName:      {console.NewParams, console.NewReturns, console.NewEvent},
	debugger.DomainName:     {debugger.NewParams, debugger.NewReturns, debugger.NewEvent},
	heapprofiler.DomainName: {heapprofiler.NewParams, heapprofiler.NewReturns, heapprofiler.NewEvent},
	profiler.DomainName:     {profiler.NewParams, profiler.NewReturns, profiler.NewEvent},
	runtime.DomainName:      {runtime.NewParams, runtime.NewReturns, runtime.NewEvent},
	schema.DomainName:       {schema.NewParams, schema.NewReturns, nil},
}

// lookup returns the generated value for method of the given kind, or nil
// when its domain is not served (Network in the transcripts). A served
// domain without the method fails the test.
func lookup(t *testing.T, kind, method string) easyjson.MarshalerUnmarshaler {
	t.Helper()
	name, _, _ := strings.Cut(method, ".")
	d, ok := domains[name]
	if !ok {
		return nil
	}
	var v easyjson.MarshalerUnmarshaler
	switch kind {
	case "params":
		v = d.newParams(method)
	case "returns":
		v = d.newReturns(method)
	case "event":
		if d.newEvent != nil {
			v = d.newEvent(method)
		}
	}
	if v == nil {
		t.Fatalf("%s is served but has no %s type", method, kind)
	}
	return v
}

// record is one line of testdata/transcripts/*.jsonl: a message as it went
// over the WebSocket between Chrome DevTools and node 20 (see
// testdata/README.md).
type record struct {
	Conn int             `json:"conn"`
	Dir  string          `json:"dir"`
	Msg  json.RawMessage `json:"msg"`
}

func readTranscript(t *testing.T, path string) []record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// sameJSON reports whether a and b are the same JSON value, key order
// aside. Numbers must be spelled the same too: the generated code writes
// them as V8 does.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	return reflect.DeepEqual(decodeAny(t, a), decodeAny(t, b))
}

func decodeAny(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v: %s", err, clip(data))
	}
	return v
}

// roundTrip decodes raw into v, encodes v again and requires the same JSON
// value back. A failure is reported once per message type (kind), with the
// first message that shows it.
func roundTrip(t *testing.T, kind, where string, raw []byte, v easyjson.MarshalerUnmarshaler, failed map[string]bool) {
	t.Helper()
	if failed[kind] {
		return
	}
	if err := easyjson.Unmarshal(raw, v); err != nil {
		failed[kind] = true
		t.Errorf("%s (%s): decode: %v\n%s", kind, where, err, clip(raw))
		return
	}
	out, err := protocol.Marshal(v)
	if err != nil {
		failed[kind] = true
		t.Errorf("%s (%s): encode: %v", kind, where, err)
		return
	}
	if !sameJSON(t, raw, out) {
		failed[kind] = true
		t.Errorf("%s (%s): round trip changed the message\n got: %s\nwant: %s", kind, where, clip(out), clip(raw))
	}
}

func clip(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}

// TestTranscriptRoundTrip decodes every message of the recorded DevTools
// sessions whose domain Sonde serves into its generated type (requests'
// params, replies' results, events' params), enums checked, encodes it
// again and compares; and does the same for every envelope.
func TestTranscriptRoundTrip(t *testing.T) {
	paths, err := filepath.Glob("testdata/transcripts/*.jsonl")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	seen := map[string]int{}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			pending := map[string]string{} // conn/id → method
			failed := map[string]bool{}
			for i, r := range readTranscript(t, path) {
				var m protocol.Message
				if err := easyjson.Unmarshal(r.Msg, &m); err != nil {
					t.Fatalf("line %d: envelope: %v", i+1, err)
				}
				where := fmt.Sprintf("line %d", i+1)
				roundTrip(t, "envelope", where, r.Msg, &protocol.Message{}, failed)
				key := fmt.Sprint(r.Conn, "/", m.ID)
				switch {
				case r.Dir == "c2s":
					pending[key] = m.Method
					if v := lookup(t, "params", m.Method); v != nil {
						params := []byte(m.Params)
						if params == nil {
							params = []byte("{}")
						}
						roundTrip(t, m.Method+" params", where, params, v, failed)
						seen[m.Method+" params"]++
					}
				case m.Method != "":
					if v := lookup(t, "event", m.Method); v != nil {
						roundTrip(t, m.Method+" event", where, m.Params, v, failed)
						seen[m.Method+" event"]++
					}
				case m.Error != nil:
					// Only the Network.* methods node does not serve fail.
				default:
					method, ok := pending[key]
					if !ok {
						t.Fatalf("line %d: reply to unknown request %s", i+1, key)
					}
					if v := lookup(t, "returns", method); v != nil {
						roundTrip(t, method+" result", where, m.Result, v, failed)
						seen[method+" result"]++
					}
				}
			}
		})
	}
	if testing.Verbose() {
		var kinds []string
		for k := range seen {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			t.Logf("%4d %s", seen[k], k)
		}
	}
	// The transcripts must keep covering what DevTools needs most.
	for _, want := range []string{
		"Debugger.scriptParsed event", "Runtime.executionContextCreated event",
		"Runtime.consoleAPICalled event", "HeapProfiler.stopSampling result",
		"Profiler.takePreciseCoverage result", "Profiler.stop result",
		"HeapProfiler.reportHeapSnapshotProgress event", "Runtime.getHeapUsage result",
	} {
		if seen[want] == 0 {
			t.Errorf("no %s in the transcripts", want)
		}
	}
}

package protocol_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mailru/easyjson"
	"github.com/mailru/easyjson/jwriter"

	"github.com/sonde-js/sonde/protocol"
	"github.com/sonde-js/sonde/protocol/debugger"
	"github.com/sonde-js/sonde/protocol/profiler"
	"github.com/sonde-js/sonde/protocol/runtime"
)

// TestEnvelope: encoding of responses, events and errors, in V8's member
// order; and the lazy Message both ways.
func TestEnvelope(t *testing.T) {
	var w jwriter.Writer
	protocol.WriteResponse(&w, 0, "", debugger.EnableReturns{DebuggerID: "-1.-2"})
	w.RawByte('\n')
	protocol.WriteResponse(&w, 7, "S1", profiler.TakePreciseCoverageReturns{Timestamp: 12.5})
	w.RawByte('\n')
	protocol.WriteEvent(&w, runtime.EventExecutionContextCreated, "", runtime.ExecutionContextCreatedEvent{
		Context: runtime.ExecutionContextDescription{ID: 1, Name: "/usr/bin/node[6679]", UniqueID: "u",
			AuxData: easyjson.RawMessage(`{"isDefault":true}`)},
	})
	w.RawByte('\n')
	protocol.WriteError(&w, 9, true, "", protocol.MethodNotFound("Network.setBlockedURLs"))
	w.RawByte('\n')
	protocol.WriteError(&w, 0, false, "", &protocol.Error{Code: protocol.CodeInvalidRequest, Message: "Message must be an object"})
	w.RawByte('\n')
	protocol.WriteError(&w, 3, true, "", protocol.InvalidParams(errorString("key 'scriptId' is required")))
	out, err := w.BuildBytes()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":0,"result":{"debuggerId":"-1.-2"}}
{"id":7,"result":{"result":[],"timestamp":12.5},"sessionId":"S1"}
{"method":"Runtime.executionContextCreated","params":{"context":{"id":1,"origin":"","name":"/usr/bin/node[6679]","uniqueId":"u","auxData":{"isDefault":true}}}}
{"id":9,"error":{"code":-32601,"message":"'Network.setBlockedURLs' wasn't found"}}
{"error":{"code":-32600,"message":"Message must be an object"}}
{"id":3,"error":{"code":-32602,"message":"Invalid parameters","data":"key 'scriptId' is required"}}`
	if string(out) != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	// The same through Message, and back.
	for _, line := range strings.Split(want, "\n") {
		var m protocol.Message
		if err := easyjson.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		back, err := protocol.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if string(back) != line {
			t.Errorf("Message round trip:\n got %s\nwant %s", back, line)
		}
		// encoding/json goes through the same methods.
		std, err := json.Marshal(m)
		if err != nil || string(std) != line {
			t.Errorf("json.Marshal: %s %v", std, err)
		}
	}
	if got, _ := protocol.Marshal(protocol.Message{}); string(got) != "{}" {
		t.Errorf("empty message: %s", got)
	}
	e := protocol.ServerError("Profiler is not enabled")
	if e.Code != -32000 || e.Error() != "Profiler is not enabled (-32000)" {
		t.Errorf("ServerError: %+v %q", e, e.Error())
	}
	var m protocol.Message
	if err := easyjson.Unmarshal([]byte(`{"id":1,"error":{"code":-32000,"message":"m","data":{"x":1}}}`), &m); err != nil ||
		m.Error.Data != `{"x":1}` {
		t.Errorf("non-string data: %+v %v", m.Error, err)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

// TestDescription: /json/protocol lists exactly the served domains, with
// the extensions and fix-ups applied.
func TestDescription(t *testing.T) {
	var d struct {
		Version struct{ Major, Minor string }
		Domains []struct {
			Domain   string
			Types    []json.RawMessage
			Commands []struct {
				Name    string
				Returns []struct {
					Name     string
					Optional bool
				}
			}
			Events []struct {
				Name       string
				Parameters []struct {
					Name     string
					Optional bool
				}
			}
		}
	}
	desc := protocol.Description()
	if err := json.Unmarshal(desc, &d); err != nil {
		t.Fatal(err)
	}
	if d.Version.Major+"."+d.Version.Minor != protocol.Version || protocol.Version != "1.3" {
		t.Errorf("version %+v", d.Version)
	}
	var names []string
	for _, dom := range d.Domains {
		names = append(names, dom.Domain)
		for _, c := range dom.Commands {
			if dom.Domain == "Runtime" && c.Name == "getHeapUsage" {
				for _, r := range c.Returns {
					if r.Name == "backingStorageSize" && !r.Optional {
						t.Error("fix-up of getHeapUsage not applied")
					}
					if r.Name == "totalAllocatedBytes" && !r.Optional {
						t.Error("extension of getHeapUsage missing")
					}
				}
			}
		}
		for _, e := range dom.Events {
			if e.Name == "scriptParsed" {
				for _, p := range e.Parameters {
					if p.Name == "buildId" && !p.Optional {
						t.Error("fix-up of scriptParsed not applied")
					}
				}
			}
		}
	}
	if got := strings.Join(names, ","); got != "Console,Debugger,HeapProfiler,Profiler,Runtime,Schema" {
		t.Errorf("domains %s", got)
	}
	for _, s := range []string{`"getTotalAllocatedBytes"`, `"SamplingHeapProfileLabels"`, `"labelTotals"`, `"additionalProperties"`} {
		if !strings.Contains(string(desc), s) {
			t.Errorf("no %s in the description", s)
		}
	}
	desc[0] = 'x'
	if protocol.Description()[0] != '{' {
		t.Error("Description returns shared bytes")
	}
}

// BenchmarkEncodeCoverage: easyjson encoding of a precise-coverage result
// (the reply DevTools polls every 200 ms while recording coverage), from
// the recorded session's largest one.
func BenchmarkEncodeCoverage(b *testing.B) {
	var biggest []byte
	for _, r := range readTranscript(&testing.T{}, "testdata/transcripts/coverage.jsonl") {
		var m protocol.Message
		if easyjson.Unmarshal(r.Msg, &m) == nil && r.Dir == "s2c" && len(m.Result) > len(biggest) {
			biggest = m.Result
		}
	}
	var res profiler.TakePreciseCoverageReturns
	if err := easyjson.Unmarshal(biggest, &res); err != nil || len(res.Result) == 0 {
		b.Fatalf("no coverage result: %v", err)
	}
	var w jwriter.Writer
	b.SetBytes(int64(len(biggest)))
	b.ReportAllocs()
	for b.Loop() {
		w.Buffer.Buf = w.Buffer.Buf[:0]
		protocol.WriteResponse(&w, 42, "", &res) // a pointer: no boxing
	}
}

// BenchmarkDecodeRequest: the envelope of a typical request, then its
// parameters.
func BenchmarkDecodeRequest(b *testing.B) {
	msg := []byte(`{"id":4,"method":"Debugger.enable","params":{"maxScriptsCacheSize":100000000}}`)
	b.ReportAllocs()
	for b.Loop() {
		var m protocol.Message
		if err := easyjson.Unmarshal(msg, &m); err != nil {
			b.Fatal(err)
		}
		var p debugger.EnableParams
		if e := protocol.DecodeParams(m.Params, &p); e != nil {
			b.Fatal(e)
		}
	}
}

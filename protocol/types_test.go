package protocol_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/protocol"
	"github.com/sonde-js/sonde/protocol/debugger"
	"github.com/sonde-js/sonde/protocol/heapprofiler"
	"github.com/sonde-js/sonde/protocol/profiler"
	"github.com/sonde-js/sonde/protocol/runtime"
)

// TestEnumRejection: a value the definition does not list fails decoding,
// wherever the enum sits (command parameter, named type, nested member,
// array element), and the error names the type.
func TestEnumRejection(t *testing.T) {
	for _, tc := range []struct {
		name string
		json string
		v    easyjson.Unmarshaler
		want string // error text; "" for success
	}{
		{"param ok", `{"state":"uncaught"}`, new(debugger.SetPauseOnExceptionsParams), ""},
		{"param", `{"state":"sometimes"}`, new(debugger.SetPauseOnExceptionsParams),
			`unknown SetPauseOnExceptionsState value: "sometimes"`},
		{"param wrong case", `{"state":"None"}`, new(debugger.SetPauseOnExceptionsParams),
			`unknown SetPauseOnExceptionsState value: "None"`},
		{"named type", `{"scriptId":"1","url":"","startLine":0,"startColumn":0,"endLine":0,"endColumn":0,` +
			`"executionContextId":1,"hash":"","scriptLanguage":"Rust"}`, new(debugger.ScriptParsedEvent),
			`unknown ScriptLanguage value: "Rust"`},
		{"nested", `{"type":"log","args":[{"type":"string","value":"a"},{"type":"tuple"}],` +
			`"executionContextId":1,"timestamp":1}`, new(runtime.ConsoleAPICalledEvent),
			`unknown RemoteObjectType value: "tuple"`},
		{"optional nested", `{"type":"log","args":[{"type":"object","subtype":"record"}],` +
			`"executionContextId":1,"timestamp":1}`, new(runtime.ConsoleAPICalledEvent),
			`unknown RemoteObjectSubtype value: "record"`},
		{"event", `{"type":"shout","args":[],"executionContextId":1,"timestamp":1}`,
			new(runtime.ConsoleAPICalledEvent), `unknown ConsoleAPICalledType value: "shout"`},
		{"not a string", `{"state":1}`, new(debugger.SetPauseOnExceptionsParams), "string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := easyjson.Unmarshal([]byte(tc.json), tc.v)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.want != "" && err == nil:
				t.Fatalf("no error, want %q", tc.want)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Fatalf("error %q, want %q", err, tc.want)
			}
		})
	}
}

func TestEnumValues(t *testing.T) {
	if !debugger.ScriptLanguageJavaScript.Valid() || debugger.ScriptLanguage("Rust").Valid() {
		t.Error("ScriptLanguage.Valid")
	}
	var s debugger.SetPauseOnExceptionsState
	if err := s.UnmarshalJSON([]byte(`"all"`)); err != nil || s != debugger.SetPauseOnExceptionsStateAll {
		t.Errorf("UnmarshalJSON: %v %q", err, s)
	}
	if err := s.UnmarshalJSON([]byte(`"most"`)); err == nil || s != debugger.SetPauseOnExceptionsStateAll {
		t.Errorf("UnmarshalJSON of an unknown value: err %v, value %q (want unchanged)", err, s)
	}
	// Names of values that are not Go identifiers.
	for got, want := range map[debugger.ScopeType]string{
		debugger.ScopeTypeWasmExpressionStack: "wasm-expression-stack",
		debugger.ScopeTypeGlobal:              "global",
	} {
		if string(got) != want {
			t.Errorf("%q != %q", got, want)
		}
	}
	if debugger.PausedReasonCSPViolation != "CSPViolation" || debugger.PausedReasonXHR != "XHR" {
		t.Error("PausedReason constants")
	}
}

// TestDecodeParams: what a dispatcher sends back for bad parameters.
func TestDecodeParams(t *testing.T) {
	var p debugger.SetPauseOnExceptionsParams
	if e := protocol.DecodeParams([]byte(`{"state":"caught","extra":[1,{"x":2}]}`), &p); e != nil {
		t.Fatalf("unknown keys must be skipped: %v", e)
	}
	if p.State != debugger.SetPauseOnExceptionsStateCaught {
		t.Fatalf("state %q", p.State)
	}
	e := protocol.DecodeParams([]byte(`{"state":"often"}`), new(debugger.SetPauseOnExceptionsParams))
	if e == nil || e.Code != protocol.CodeInvalidParams || e.Message != "Invalid parameters" ||
		!strings.Contains(e.Data, "unknown SetPauseOnExceptionsState value") {
		t.Fatalf("bad enum: %+v", e)
	}
	// Absent parameters read as {}: fine for a command without required ones…
	var en debugger.EnableParams
	if e := protocol.DecodeParams(nil, &en); e != nil {
		t.Fatalf("absent params: %v", e)
	}
	// …not for one with.
	e = protocol.DecodeParams(nil, new(debugger.GetScriptSourceParams))
	if e == nil || e.Code != protocol.CodeInvalidParams || !strings.Contains(e.Data, "scriptId") {
		t.Fatalf("missing required member: %+v", e)
	}
	var asErr error = e
	var pe *protocol.Error
	if !errors.As(asErr, &pe) || pe.Code != protocol.CodeInvalidParams {
		t.Fatal("*Error is an error carrying its code")
	}
	// Wrong JSON types.
	if e := protocol.DecodeParams([]byte(`{"maxDepth":"deep"}`), new(debugger.SetAsyncCallStackDepthParams)); e == nil {
		t.Fatal("string for an integer")
	}
}

// TestOptionalMembers: optional scalars are pointers, so a zero value that
// was sent is sent back.
func TestOptionalMembers(t *testing.T) {
	ev := debugger.ScriptParsedEvent{
		ScriptID:       "81",
		URL:            "file:///app.js",
		ScriptLanguage: new(debugger.ScriptLanguageJavaScript),
		IsLiveEdit:     new(false),
		SourceMapURL:   new(""),
		Length:         new(int64(0)),
	}
	out, err := protocol.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"scriptId":"81","url":"file:///app.js","startLine":0,"startColumn":0,"endLine":0,"endColumn":0,` +
		`"executionContextId":0,"hash":"","isLiveEdit":false,"sourceMapURL":"","length":0,"scriptLanguage":"JavaScript"}`
	if string(out) != want {
		t.Fatalf("got  %s\nwant %s", out, want)
	}
}

// TestAnyKeepsNull: {"value":null} (the null argument) and {} (undefined)
// stay distinct through decoding and encoding. (An any-typed member is
// written after the others.)
func TestAnyKeepsNull(t *testing.T) {
	for _, in := range []string{`{"value":null}`, `{}`, `{"value":{"a":[1,null]}}`, `{"objectId":"1.2.3","value":"s"}`} {
		var a runtime.CallArgument
		if err := easyjson.Unmarshal([]byte(in), &a); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		out, err := protocol.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != in {
			t.Errorf("%s came back as %s", in, out)
		}
	}
	// Unknown keys are skipped, in structs with any-typed members too.
	var r runtime.RemoteObject
	if err := easyjson.Unmarshal([]byte(`{"type":"number","future":{"x":[1]},"value":1.5,"description":"1.5"}`), &r); err != nil {
		t.Fatal(err)
	}
	if out, _ := protocol.Marshal(r); string(out) != `{"type":"number","description":"1.5","value":1.5}` {
		t.Errorf("unknown key: %s", out)
	}
	var a runtime.CallArgument
	_ = easyjson.Unmarshal([]byte(`{"value":null}`), &a)
	if string(a.Value) != "null" {
		t.Errorf("value %q, want null", a.Value)
	}
	o := runtime.RemoteObject{Type: runtime.RemoteObjectTypeObject, Subtype: new(runtime.RemoteObjectSubtypeNull),
		Value: easyjson.RawMessage("null")}
	out, _ := protocol.Marshal(o)
	if string(out) != `{"type":"object","subtype":"null","value":null}` {
		t.Errorf("null RemoteObject: %s", out)
	}
}

// TestNumbers: float64 members are written as V8 writes them.
func TestNumbers(t *testing.T) {
	r := runtime.GetHeapUsageReturns{UsedSize: 12345678, TotalSize: 2.5e7, TotalAllocatedBytes: new(1e21)}
	out, _ := protocol.Marshal(r)
	if want := `{"usedSize":12345678,"totalSize":25000000,"totalAllocatedBytes":1e+21}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
	ev := runtime.ConsoleAPICalledEvent{Type: runtime.ConsoleAPICalledTypeLog, Timestamp: 1795250282867.487}
	out, _ = protocol.Marshal(ev)
	if want := `{"type":"log","args":[],"executionContextId":0,"timestamp":1795250282867.487}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}

// TestNilSlices: a required array left nil goes out as [] with
// protocol.Marshal and the Write functions.
func TestNilSlices(t *testing.T) {
	out, _ := protocol.Marshal(profiler.TakePreciseCoverageReturns{Timestamp: 1})
	if string(out) != `{"result":[],"timestamp":1}` {
		t.Errorf("got %s", out)
	}
}

// TestExtensions: Sonde's additions are generated like the rest.
func TestExtensions(t *testing.T) {
	p := heapprofiler.SamplingHeapProfile{
		Head: heapprofiler.SamplingHeapProfileNode{ID: 1, SelfSize: 0},
		Samples: []heapprofiler.SamplingHeapProfileSample{
			{Size: 64, NodeID: 1, Ordinal: 1, Labels: heapprofiler.SamplingHeapProfileLabels{"tenant": "b", "route": "/a"}},
			{Size: 32, NodeID: 1, Ordinal: 2},
		},
		LabelTotals: []heapprofiler.SamplingHeapProfileLabelTotal{
			{Labels: heapprofiler.SamplingHeapProfileLabels{"tenant": "b", "route": "/a"}, Size: 16384, Count: 1, ExternalSize: new(1024.0)},
			{Size: 16384, Count: 1},
		},
	}
	out, err := protocol.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"head":{"callFrame":{"functionName":"","scriptId":"","url":"","lineNumber":0,"columnNumber":0},"selfSize":0,"id":1,"children":[]},` +
		`"samples":[{"size":64,"nodeId":1,"ordinal":1,"labels":{"route":"/a","tenant":"b"}},{"size":32,"nodeId":1,"ordinal":2}],` +
		`"labelTotals":[{"labels":{"route":"/a","tenant":"b"},"size":16384,"count":1,"externalSize":1024},{"labels":{},"size":16384,"count":1}]}`
	if string(out) != want {
		t.Fatalf("got  %s\nwant %s", out, want)
	}
	var back heapprofiler.SamplingHeapProfile
	if err := easyjson.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if back.Samples[0].Labels["route"] != "/a" || back.LabelTotals[0].Count != 1 || *back.LabelTotals[0].ExternalSize != 1024 {
		t.Fatalf("decoded %+v", back)
	}
	if heapprofiler.CommandGetTotalAllocatedBytes != "HeapProfiler.getTotalAllocatedBytes" {
		t.Error("getTotalAllocatedBytes")
	}
	out, _ = protocol.Marshal(heapprofiler.GetTotalAllocatedBytesReturns{TotalAllocatedBytes: 123456789})
	if string(out) != `{"totalAllocatedBytes":123456789}` {
		t.Errorf("got %s", out)
	}
}

// TestMethods: params and event types know their method, and the lookup
// functions find them.
func TestMethods(t *testing.T) {
	if (runtime.EvaluateParams{}).Method() != "Runtime.evaluate" ||
		(debugger.ScriptParsedEvent{}).Method() != "Debugger.scriptParsed" ||
		runtime.CommandEvaluate != "Runtime.evaluate" || debugger.EventScriptParsed != "Debugger.scriptParsed" {
		t.Error("method names")
	}
	if _, ok := runtime.NewParams("Runtime.evaluate").(*runtime.EvaluateParams); !ok {
		t.Error("NewParams")
	}
	if _, ok := profiler.NewReturns("Profiler.stop").(*profiler.StopReturns); !ok {
		t.Error("NewReturns")
	}
	if _, ok := heapprofiler.NewEvent("HeapProfiler.addHeapSnapshotChunk").(*heapprofiler.AddHeapSnapshotChunkEvent); !ok {
		t.Error("NewEvent")
	}
	if runtime.NewParams("Runtime.nope") != nil || runtime.NewParams("Debugger.enable") != nil {
		t.Error("NewParams of an unknown method")
	}
}

// TestGeneratedMarker: every file of the domain packages says it is
// generated where go/ast looks.
func TestGeneratedMarker(t *testing.T) {
	files, _ := filepath.Glob("*/*.go")
	files = append(files, "description.go")
	n := 0
	for _, path := range files {
		if strings.HasPrefix(path, "internal") || strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		if !ast.IsGenerated(f) {
			t.Errorf("%s is not marked generated", path)
		}
		n++
	}
	if n < 6*3 {
		t.Errorf("only %d generated files", n)
	}
	if _, err := os.Stat("doc.go"); err != nil {
		t.Fatal(err)
	}
}

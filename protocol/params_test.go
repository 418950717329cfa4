package protocol

import (
	"encoding/json"
	"testing"
)

// TestCheckParamsPositions checks V8's -32602 texts as node 20 answered
// them (recorded by domains/runtime/testdata/record.mjs; the replay test
// there checks them end to end).
func TestCheckParamsPositions(t *testing.T) {
	for _, tc := range []struct{ method, params, data string }{
		{"Runtime.evaluate", `{}`, "Failed to deserialize params.expression - BINDINGS: mandatory field missing at position 8"},
		{"Runtime.evaluate", `{"expression":1}`, "Failed to deserialize params.expression - BINDINGS: string value expected at position 19"},
		{"Runtime.evaluate", `{"expression":"1","returnByValue":"yes"}`, "Failed to deserialize params.returnByValue - BINDINGS: bool value expected at position 35"},
		{"Runtime.evaluate", `{"returnByValue":true}`, "Failed to deserialize params.expression - BINDINGS: mandatory field missing at position 23"},
		{"Runtime.evaluate", `[]`, "Failed to deserialize params - CBOR: map start expected at position 7"},
		{"Runtime.evaluate", ``, "Failed to deserialize params - CBOR: map start expected at position 0"},
		{"Runtime.evaluate", `null`, "Failed to deserialize params - CBOR: map start expected at position 0"},
		{"Runtime.getProperties", `{"objectId":5}`, "Failed to deserialize params.objectId - BINDINGS: string value expected at position 17"},
		{"Runtime.callFunctionOn", `{"functionDeclaration":"x","arguments":5}`, "Failed to deserialize params.arguments - CBOR: array start expected at position 40"},
		{"Runtime.callFunctionOn", `{"functionDeclaration":"x","arguments":[{"objectId":1}]}`, "Failed to deserialize params.arguments.objectId - BINDINGS: string value expected at position 65"},
		{"Runtime.callFunctionOn", `{"functionDeclaration":"x","arguments":[{"value":1},5]}`, "Failed to deserialize params.arguments - CBOR: map start expected at position 64"},
		{"Runtime.setMaxCallStackSizeToCapture", `{"size":1.5}`, "Failed to deserialize params.size - BINDINGS: int32 value expected at position 13"},
		{"Runtime.evaluate", `{"aVeryLongUnknownKeyName":"some long value here","expression":true}`, "Failed to deserialize params.expression - BINDINGS: string value expected at position 64"},
		{"Runtime.evaluate", `{"x":"héllo ☃ 😀","expression":true}`, "Failed to deserialize params.expression - BINDINGS: string value expected at position 42"},
		{"Runtime.evaluate", `{"x":{"a":[1,2,{"b":null}],"c":1.5},"expression":false}`, "Failed to deserialize params.expression - BINDINGS: string value expected at position 66"},
		{"Runtime.evaluate", `{"a":-1,"b":100000,"c":-100000,"d":4294967296,"e":23,"f":24,"g":255,"h":256,"i":65536,"expression":0}`, "Failed to deserialize params.expression - BINDINGS: string value expected at position 70"},
		{"Runtime.evaluate", `{"a":"x\ny\"z\\u","expression":null}`, "Failed to deserialize params.expression - BINDINGS: string value expected at position 29"},
		{"Runtime.evaluate", `{"expression":"1","timeout":"5"}`, "Failed to deserialize params.timeout - BINDINGS: double value expected at position 29"},
	} {
		e := CheckParams(tc.method, []byte(tc.params))
		if e == nil || e.Data != tc.data || e.Code != CodeInvalidParams {
			t.Errorf("%s %s: got %+v, want %q", tc.method, tc.params, e, tc.data)
		}
	}
	for _, ok := range []struct{ method, params string }{
		{"Runtime.evaluate", `{"expression":"1","returnByValue":true,"timeout":5.5}`},
		{"Runtime.callFunctionOn", `{"functionDeclaration":"x","arguments":[{"value":{"a":[1]}},{"objectId":"1.2.3"}]}`},
		{"Runtime.getHeapUsage", ``},
		{"Runtime.setAsyncCallStackDepth", `{"maxDepth":1e1}`},
	} {
		if e := CheckParams(ok.method, []byte(ok.params)); e != nil {
			t.Errorf("%s %s: %v", ok.method, ok.params, e.Data)
		}
	}
}

// FuzzCheckParams: any valid JSON as the params of a method with
// parameters gives nil or a -32602 error, never a panic.
func FuzzCheckParams(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `null`, `{"expression":"x","a":[1,{"b":"é\u00e9"}]}`, `{"functionDeclaration":"f","arguments":[{"value":1e400},{"objectId":"1"}]}`, ` { "expression" : 1 } `} {
		f.Add("Runtime.evaluate", s)
		f.Add("Runtime.callFunctionOn", s)
	}
	f.Fuzz(func(t *testing.T, method, params string) {
		if !json.Valid([]byte(params)) {
			return
		}
		if e := CheckParams(method, []byte(params)); e != nil && e.Code != CodeInvalidParams {
			t.Fatalf("%s %s: %+v", method, params, e)
		}
	})
}

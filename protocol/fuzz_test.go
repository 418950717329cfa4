package protocol_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/protocol"
	"github.com/sonde-js/sonde/protocol/runtime"
)

// FuzzEnvelope: decoding a message and its params never panics; a valid
// UTF-8 JSON message that decodes re-encodes to valid JSON that decodes to the
// same Message, and so do params that decode.
func FuzzEnvelope(f *testing.F) {
	for _, s := range []string{
		`{"id":2,"method":"Profiler.enable","params":{}}`,
		`{"id":4,"method":"Debugger.enable","params":{"maxScriptsCacheSize":100000000}}`,
		`{"id":6,"method":"Runtime.callFunctionOn","params":{"functionDeclaration":"f","arguments":[{"value":null},{}]}}`,
		`{"id":7,"result":{"result":{"type":"object","subtype":"null","value":null}}}`,
		`{"method":"Runtime.consoleAPICalled","params":{"type":"log","args":[],"executionContextId":1,"timestamp":1.5}}`,
		`{"error":{"code":-32600,"message":"m","data":"d"},"id":8}`,
		`{"id":1.5}`, `[]`, `{"id":1,"method":"x","params":[]}`, `{`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var m protocol.Message
		if easyjson.Unmarshal(data, &m) != nil || !json.Valid(data) || !utf8.Valid(data) {
			return // (jwriter writes invalid UTF-8 as U+FFFD)
		}
		out, err := protocol.Marshal(m)
		if err != nil || !json.Valid(out) {
			t.Fatalf("%s re-encoded as %s (%v)", data, out, err)
		}
		var back protocol.Message
		if err := easyjson.Unmarshal(out, &back); err != nil || !reflect.DeepEqual(back, m) {
			t.Fatalf("%s → %s → %+v (%v)", data, out, back, err)
		}
		var p runtime.CallFunctionOnParams
		if protocol.DecodeParams(m.Params, &p) == nil {
			if out, err := protocol.Marshal(p); err != nil || !json.Valid(out) {
				t.Fatalf("params %s re-encoded as %s (%v)", m.Params, out, err)
			}
		}
	})
}

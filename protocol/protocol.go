package protocol

import (
	"fmt"

	"github.com/mailru/easyjson"
	"github.com/mailru/easyjson/jlexer"
	"github.com/mailru/easyjson/jwriter"
)

// JSON-RPC error codes, as Chrome and V8 use them.
const (
	// CodeParseError: the message is not JSON.
	CodeParseError = -32700
	// CodeInvalidRequest: the message is JSON but not a request (no integer
	// id, no method).
	CodeInvalidRequest = -32600
	// CodeMethodNotFound: no domain serves the method.
	CodeMethodNotFound = -32601
	// CodeInvalidParams: the parameters do not decode into the method's
	// parameters type (wrong type, unknown enum value, required member
	// missing).
	CodeInvalidParams = -32602
	// CodeServerError: the method failed (V8 uses it for every agent error,
	// "Profiler is not enabled" and the like).
	CodeServerError = -32000
)

// Error is the error member of a response. It is also a Go error, so that
// an agent can return one to choose the code its failure is reported with.
type Error struct {
	Code    int
	Message string
	// Data is V8's detail for CodeInvalidParams; omitted when empty.
	Data string
}

// Error implements error.
func (e *Error) Error() string {
	if e.Data != "" {
		return fmt.Sprintf("%s (%d): %s", e.Message, e.Code, e.Data)
	}
	return fmt.Sprintf("%s (%d)", e.Message, e.Code)
}

// MethodNotFound is V8's error for a method nobody serves:
// {"code":-32601,"message":"'Network.setBlockedURLs' wasn't found"}.
func MethodNotFound(method string) *Error {
	return &Error{Code: CodeMethodNotFound, Message: "'" + method + "' wasn't found"}
}

// InvalidParams is V8's error for parameters that do not decode; err
// becomes the data member.
func InvalidParams(err error) *Error {
	e := &Error{Code: CodeInvalidParams, Message: "Invalid parameters"}
	if err != nil {
		e.Data = err.Error()
	}
	return e
}

// ServerError is the error a method answers with when it fails.
func ServerError(message string) *Error {
	return &Error{Code: CodeServerError, Message: message}
}

// MarshalEasyJSON implements easyjson.Marshaler.
func (e Error) MarshalEasyJSON(w *jwriter.Writer) {
	w.RawString(`{"code":`)
	w.Int(e.Code)
	w.RawString(`,"message":`)
	w.String(e.Message)
	if e.Data != "" {
		w.RawString(`,"data":`)
		w.String(e.Data)
	}
	w.RawByte('}')
}

// UnmarshalEasyJSON implements easyjson.Unmarshaler. Unknown keys are
// skipped; a data member that is not a string is kept as its JSON text.
func (e *Error) UnmarshalEasyJSON(in *jlexer.Lexer) {
	if in.IsNull() {
		in.Skip()
		return
	}
	in.Delim('{')
	for !in.IsDelim('}') {
		key := in.UnsafeFieldName(false)
		in.WantColon()
		switch key {
		case "code":
			e.Code = in.Int()
		case "message":
			e.Message = in.String()
		case "data":
			if in.CurrentToken() == jlexer.TokenString {
				e.Data = in.String()
			} else {
				e.Data = string(in.Raw())
			}
		default:
			in.SkipRecursive()
		}
		in.WantComma()
	}
	in.Delim('}')
}

// Message is one CDP message, decoded lazily: the envelope is read, while
// params and result stay raw JSON until the method picks their type.
//
//   - request: HasID, Method, Params (absent when not sent);
//   - response: HasID, and Result or Error;
//   - event: Method and Params, no id;
//   - error notification (an unreadable request, answered without id):
//     Error only.
//
// SessionID is set only on flattened sessions (node has none); it is written
// when not empty.
//
// Decoded Params and Result alias the input buffer, as every
// easyjson.RawMessage the generated code decodes does: the buffer must not
// be reused while they are in use.
type Message struct {
	ID        int64
	HasID     bool
	Method    string
	SessionID string
	Params    easyjson.RawMessage
	Result    easyjson.RawMessage
	Error     *Error
}

// MarshalEasyJSON implements easyjson.Marshaler, writing the members in
// V8's order: id, method, params, result, error, sessionId.
func (m Message) MarshalEasyJSON(w *jwriter.Writer) {
	sep := byte('{')
	if m.HasID {
		w.RawString(`{"id":`)
		w.Int64(m.ID)
		sep = ','
	}
	if m.Method != "" {
		w.RawByte(sep)
		w.RawString(`"method":`)
		w.String(m.Method)
		sep = ','
	}
	if len(m.Params) != 0 {
		w.RawByte(sep)
		w.RawString(`"params":`)
		w.Raw(m.Params, nil)
		sep = ','
	}
	if len(m.Result) != 0 {
		w.RawByte(sep)
		w.RawString(`"result":`)
		w.Raw(m.Result, nil)
		sep = ','
	}
	if m.Error != nil {
		w.RawByte(sep)
		w.RawString(`"error":`)
		m.Error.MarshalEasyJSON(w)
		sep = ','
	}
	if m.SessionID != "" {
		w.RawByte(sep)
		w.RawString(`"sessionId":`)
		w.String(m.SessionID)
		sep = ','
	}
	if sep == '{' {
		w.RawByte('{')
	}
	w.RawByte('}')
}

// UnmarshalEasyJSON implements easyjson.Unmarshaler. It is lenient: unknown
// keys are skipped and members are not checked beyond their JSON type, and
// params and result are not validated. Reading a request the way V8 does
// (which top-level keys and id values to refuse, with which texts) is the
// transport's job.
func (m *Message) UnmarshalEasyJSON(in *jlexer.Lexer) {
	isTopLevel := in.IsStart()
	if in.IsNull() {
		in.Skip()
		return
	}
	in.Delim('{')
	for !in.IsDelim('}') {
		key := in.UnsafeFieldName(false)
		in.WantColon()
		switch key {
		case "id":
			m.ID = in.Int64()
			m.HasID = true
		case "method":
			m.Method = in.String()
		case "sessionId":
			m.SessionID = in.String()
		case "params":
			m.Params = in.Raw()
		case "result":
			m.Result = in.Raw()
		case "error":
			m.Error = new(Error)
			m.Error.UnmarshalEasyJSON(in)
		default:
			in.SkipRecursive()
		}
		in.WantComma()
	}
	in.Delim('}')
	if isTopLevel {
		in.Consumed()
	}
}

// MarshalJSON implements json.Marshaler.
func (m Message) MarshalJSON() ([]byte, error) { return Marshal(m) }

// UnmarshalJSON implements json.Unmarshaler.
func (m *Message) UnmarshalJSON(data []byte) error { return easyjson.Unmarshal(data, m) }

// emptyObject is what absent parameters decode from.
var emptyObject = []byte("{}")

// DecodeParams decodes the raw parameters of a request into v, the
// method's parameters type; absent parameters read as {}. A failure is
// CodeInvalidParams with the decoder's message as data.
func DecodeParams(params easyjson.RawMessage, v easyjson.Unmarshaler) *Error {
	if len(params) == 0 {
		params = emptyObject
	}
	if err := easyjson.Unmarshal(params, v); err != nil {
		return InvalidParams(err)
	}
	return nil
}

// WriterFlags are the flags protocol output is written with: a nil slice
// or map is [] or {}, never null (V8 never sends null for an array).
const WriterFlags = jwriter.NilSliceAsEmpty | jwriter.NilMapAsEmpty

// WriteResponse writes the response to request id with result, adding
// WriterFlags to w.
//
// Hot path: keep allocation-free beyond w's buffer.
func WriteResponse(w *jwriter.Writer, id int64, sessionID string, result easyjson.Marshaler) {
	w.Flags |= WriterFlags
	w.RawString(`{"id":`)
	w.Int64(id)
	w.RawString(`,"result":`)
	result.MarshalEasyJSON(w)
	writeSession(w, sessionID)
	w.RawByte('}')
}

// WriteEvent writes the event method with params, adding WriterFlags to w.
//
// Hot path: keep allocation-free beyond w's buffer.
func WriteEvent(w *jwriter.Writer, method, sessionID string, params easyjson.Marshaler) {
	w.Flags |= WriterFlags
	w.RawString(`{"method":`)
	w.String(method)
	w.RawString(`,"params":`)
	params.MarshalEasyJSON(w)
	writeSession(w, sessionID)
	w.RawByte('}')
}

// WriteError writes an error response; without hasID it is an error
// notification, V8's answer to a request it could not read.
func WriteError(w *jwriter.Writer, id int64, hasID bool, sessionID string, e *Error) {
	if hasID {
		w.RawString(`{"id":`)
		w.Int64(id)
		w.RawString(`,"error":`)
	} else {
		w.RawString(`{"error":`)
	}
	e.MarshalEasyJSON(w)
	writeSession(w, sessionID)
	w.RawByte('}')
}

func writeSession(w *jwriter.Writer, sessionID string) {
	if sessionID != "" {
		w.RawString(`,"sessionId":`)
		w.String(sessionID)
	}
}

// Marshal encodes v with WriterFlags. (easyjson.Marshal and the generated
// MarshalJSON methods write nil slices as null.)
func Marshal(v easyjson.Marshaler) ([]byte, error) {
	w := jwriter.Writer{Flags: WriterFlags}
	v.MarshalEasyJSON(&w)
	return w.BuildBytes()
}

// Description returns the definition of every served domain, Sonde's
// extensions included, as the JSON document /json/protocol serves:
// {"version":{"major":…,"minor":…},"domains":[…]}. Each call returns a new
// copy.
func Description() []byte { return []byte(description) }

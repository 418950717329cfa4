package cdp

import (
	"errors"

	"github.com/sonde-js/sonde/protocol"
)

// JSON-RPC error codes, as Chrome and V8 send them: protocol's, re-exported
// for handlers.
const (
	CodeParseError     = protocol.CodeParseError
	CodeInvalidRequest = protocol.CodeInvalidRequest
	CodeMethodNotFound = protocol.CodeMethodNotFound
	CodeInvalidParams  = protocol.CodeInvalidParams
	CodeServerError    = protocol.CodeServerError
)

// Envelope error texts, verbatim from V8's crdtp dispatcher (as node v20
// sends them; see testdata/node/messages.json). Clients and tests match them.
const (
	msgInvalidJSON      = "Message must be a valid JSON"
	msgNeedID           = "Message must have integer 'id' property"
	msgNeedMethod       = "Message must have string 'method' property"
	msgBadSessionID     = "Message may have string 'sessionId' property"
	msgBadParams        = "Message may have object 'params' property"
	msgUnknownProperty  = "Message has property other than 'id', 'method', 'sessionId', 'params'"
	msgInvalidParams    = "Invalid parameters"
	msgDuplicateKeyHead = "Message has duplicate property '"
)

// Error is a JSON-RPC error as it goes on the wire:
// {"code":-32601,"message":"'Foo.bar' wasn't found"}, with an optional
// string "data" (V8 puts the failing parameter there). It is protocol.Error.
//
// Handlers return an *Error to fail a command; nil means success. An Error is
// immutable once returned: the session encodes it later, on its writer
// goroutine.
type Error = protocol.Error

// NewError returns an error with the given code and message.
func NewError(code int, message string) *Error {
	return &Error{Code: code, Message: message}
}

// ServerError returns a -32000 error: the command was understood but cannot
// be done now. Use V8's texts where V8 has one ("Profiler is not enabled").
func ServerError(message string) *Error {
	return &Error{Code: CodeServerError, Message: message}
}

// InvalidParams returns a -32602 error with a message of its own, for a
// parameter that has the right type but an unusable value, as V8's
// Response::InvalidParams does ("Cannot find context with specified id").
func InvalidParams(message string) *Error {
	return &Error{Code: CodeInvalidParams, Message: message}
}

// ParamError returns the -32602 error V8 gives when a parameter fails to
// decode: message "Invalid parameters", data naming the parameter, e.g.
//
//	ParamError("expression", "mandatory field missing")
//
// gives data "Failed to deserialize params.expression - BINDINGS: mandatory
// field missing" (V8 appends " at position N"; we have no CBOR positions).
// An empty param names params itself ("Failed to deserialize params - ...").
func ParamError(param, problem string) *Error {
	where := "params"
	if param != "" {
		where += "." + param
	}
	return &Error{
		Code:    CodeInvalidParams,
		Message: msgInvalidParams,
		Data:    "Failed to deserialize " + where + " - BINDINGS: " + problem,
	}
}

// MethodNotFound returns the -32601 error for method, with Chrome's text
// "'Domain.method' wasn't found".
func MethodNotFound(method string) *Error {
	return &Error{Code: CodeMethodNotFound, Message: "'" + method + "' wasn't found"}
}

// AsError converts any Go error into a protocol error: an *Error in err's
// chain is returned as is, anything else becomes a -32000 server error with
// err's text. nil stays nil. It lets handlers written against `error`
// (generated wrappers) keep their JSON-RPC codes.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return ServerError(err.Error())
}

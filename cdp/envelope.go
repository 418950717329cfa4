package cdp

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/mailru/easyjson/jlexer"
)

// request is one decoded command envelope:
// {"id":1,"method":"Runtime.evaluate","params":{...},"sessionId":"..."}.
type request struct {
	id     int32
	hasID  bool
	method string // aliases the message
	// params is the raw "params" value (an object or an array), nil when
	// absent or null. It aliases the message.
	params json.RawMessage
}

// decodeRequest decodes one message the way V8's crdtp Dispatchable does and
// returns the envelope error V8 would answer with, if any. Keys are read in
// order and the first problem wins, so the error carries an id only if "id"
// came before the problem (req.hasID). Unknown keys inside params are the
// handler's business; at the top level only id, method, params and sessionId
// may appear.
//
// Where we differ from node v20 (which runs V8's checks only for V8's own
// domains, and its own looser ones otherwise), we follow V8 for every method:
// a method-less or id-less message never reaches a handler.
//
// hot path: UTF-8 and JSON validation passes plus one lexing pass over the
// envelope; method and params alias msg, nothing is copied. See
// BenchmarkDispatch.
func decodeRequest(msg []byte) (req request, perr *Error) {
	if !utf8.Valid(msg) || !json.Valid(msg) {
		// V8's JSON parser rejects invalid UTF-8 too (recorded); the
		// WebSocket layer does not check text frames for it.
		return req, NewError(CodeParseError, msgInvalidJSON)
	}
	l := jlexer.Lexer{Data: msg}
	if l.CurrentToken() != jlexer.TokenDelim || !l.IsDelim('{') {
		// Arrays, strings, numbers, true, false, null: node answers all of
		// them as invalid JSON.
		return req, NewError(CodeParseError, msgInvalidJSON)
	}
	l.Delim('{')
	var seen uint8
	const (
		seenID = 1 << iota
		seenMethod
		seenParams
		seenSession
	)
	for !l.IsDelim('}') {
		key := l.UnsafeFieldName(false)
		l.WantColon()
		var bit uint8
		switch key {
		case "id":
			bit = seenID
		case "method":
			bit = seenMethod
		case "params":
			bit = seenParams
		case "sessionId":
			bit = seenSession
		default:
			return req, NewError(CodeInvalidRequest, msgUnknownProperty)
		}
		if seen&bit != 0 {
			// V8: "CBOR: duplicate map key at position N", code -32700.
			return req, NewError(CodeParseError, msgDuplicateKeyHead+key+"'")
		}
		seen |= bit
		switch bit {
		case seenID:
			if l.CurrentToken() != jlexer.TokenNumber {
				return req, NewError(CodeInvalidRequest, msgNeedID)
			}
			id, err := parseID(l.Raw())
			if err != nil {
				return req, err
			}
			req.id, req.hasID = id, true
		case seenMethod:
			if l.CurrentToken() != jlexer.TokenString {
				return req, NewError(CodeInvalidRequest, msgNeedMethod)
			}
			// Aliases msg (or the lexer's unescape buffer); msg is
			// never modified after it is read.
			req.method = l.UnsafeString()
		case seenParams:
			switch {
			case l.IsNull():
				l.Null()
			case l.CurrentToken() == jlexer.TokenDelim && (l.IsDelim('{') || l.IsDelim('[')):
				req.params = l.Raw()
			default:
				return req, NewError(CodeInvalidRequest, msgBadParams)
			}
		case seenSession:
			// Flattened target sessions do not exist for a node-like
			// target; the id is accepted and ignored, as node does.
			if l.CurrentToken() != jlexer.TokenString {
				return req, NewError(CodeInvalidRequest, msgBadSessionID)
			}
			l.Skip()
		}
		l.WantComma()
	}
	l.Delim('}')
	l.Consumed()
	if !l.Ok() {
		// Unreachable after json.Valid, unless the lexer disagrees with it.
		return request{}, NewError(CodeParseError, msgInvalidJSON)
	}
	if !req.hasID {
		return req, NewError(CodeInvalidRequest, msgNeedID)
	}
	if seen&seenMethod == 0 {
		return req, NewError(CodeInvalidRequest, msgNeedMethod)
	}
	return req, nil
}

// parseID accepts what V8 accepts as a call id: a JSON number whose value is
// an integer in int32 range, however it is spelled (1000, 1e3, 6.0, -0).
// A number too large for a float64 (1e400) makes V8 reject the whole message
// as invalid JSON.
func parseID(raw []byte) (int32, *Error) {
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, NewError(CodeParseError, msgInvalidJSON)
	}
	if f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
		return 0, NewError(CodeInvalidRequest, msgNeedID)
	}
	return int32(f), nil
}

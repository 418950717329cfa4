package cdp

import (
	"strconv"
	"unicode/utf8"
)

// Outgoing messages are built by appending to a byte slice the writer
// goroutine reuses. Results and event params arrive already encoded (the
// domains marshal them with easyjson), so the envelope is all that is written
// here. Key order follows V8's: {"id":N,"result":...}, {"id":N,"error":...},
// {"method":"...","params":...}; an error with no readable id is sent as
// {"error":...} alone.

// appendResult appends {"id":id,"result":result}; an empty result is {}.
func appendResult(b []byte, id int32, result []byte) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, int64(id), 10)
	b = append(b, `,"result":`...)
	b = appendObject(b, result)
	return append(b, '}')
}

// appendErrorMsg appends {"id":id,"error":{...}}, or {"error":{...}} when
// hasID is false.
func appendErrorMsg(b []byte, id int32, hasID bool, e *Error) []byte {
	b = append(b, '{')
	if hasID {
		b = append(b, `"id":`...)
		b = strconv.AppendInt(b, int64(id), 10)
		b = append(b, ',')
	}
	b = append(b, `"error":{"code":`...)
	b = strconv.AppendInt(b, int64(e.Code), 10)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, e.Message)
	if e.Data != "" {
		b = append(b, `,"data":`...)
		b = appendJSONString(b, e.Data)
	}
	return append(b, "}}"...)
}

// appendEvent appends {"method":method,"params":params}; empty params are {}
// (V8 always sends a params object, e.g. Debugger.resumed).
func appendEvent(b []byte, method string, params []byte) []byte {
	b = append(b, `{"method":`...)
	b = appendJSONString(b, method)
	b = append(b, `,"params":`...)
	b = appendObject(b, params)
	return append(b, '}')
}

func appendObject(b, raw []byte) []byte {
	if len(raw) == 0 {
		return append(b, "{}"...)
	}
	return append(b, raw...)
}

// appendJSONString appends s as a JSON string. Unlike encoding/json it leaves
// <, > and & alone (node writes them raw, and this is not HTML); control
// characters are escaped and invalid UTF-8 becomes U+FFFD, so the output is
// always valid JSON.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		// U+2028 and U+2029 are valid JSON but end lines in JavaScript
		// source; escape them as encoding/json does.
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

package jsregexp

import (
	"errors"
	"unicode/utf16"
)

// SyntaxError is a pattern or flags error, with V8's message text. The
// engine throws it as a JavaScript SyntaxError.
type SyntaxError struct {
	// Pattern is the source that failed (nil for a flags error).
	Pattern []uint16
	Flags   string
	// Reason is V8's description, such as "Unterminated group".
	Reason string
	// flagsError marks an invalid flags string, reported without the
	// pattern.
	flagsError bool
}

// Error renders V8's message, such as
// "Invalid regular expression: /(/: Unterminated group". Lone surrogates
// in the pattern become U+FFFD here; MessageUTF16 keeps them.
func (e *SyntaxError) Error() string {
	return string(utf16.Decode(e.MessageUTF16()))
}

// MessageUTF16 is the message as UTF-16, with the pattern's code units
// copied verbatim.
func (e *SyntaxError) MessageUTF16() []uint16 {
	if e.flagsError {
		return utf16.Encode([]rune("Invalid flags supplied to RegExp constructor '" + e.Flags + "'"))
	}
	var out []uint16
	out = append(out, utf16.Encode([]rune("Invalid regular expression: /"))...)
	out = append(out, e.Pattern...)
	out = append(out, utf16.Encode([]rune("/"+e.Flags+": "+e.Reason))...)
	return out
}

// ErrInterrupted is returned by ExecInterruptible when the interrupt hook
// asked the match to stop.
var ErrInterrupted = errors.New("jsregexp: match interrupted")

// ErrStackOverflow is returned when a match needs more backtracking
// depth than the matcher allows; V8 reports this case as a RangeError
// ("Maximum call stack size exceeded").
var ErrStackOverflow = errors.New("jsregexp: backtracking stack exhausted")

package interp

import (
	"errors"
	"unsafe"

	"github.com/sonde-js/sonde/engine/jsregexp"
)

// Compiled regular expressions are Go values (jsregexp.Regexp); a RegExp
// object keeps only its source and flags (private slots), and finds its
// matcher in this per-interpreter cache, as V8 finds irregexp code through
// its compilation cache.

// maxRegExpCache bounds the cache; past it, it starts over.
const maxRegExpCache = 1024

type regexpKey struct {
	source string // the pattern's UTF-16 code units as bytes
	flags  string
}

// CompileRegExp returns the matcher of a pattern (UTF-16) with flags,
// compiling it on first use. A bad pattern or flags string is returned as
// a *jsregexp.SyntaxError (the caller throws it as a SyntaxError).
func (in *Interp) CompileRegExp(source []uint16, flags string) (*jsregexp.Regexp, error) {
	var key regexpKey
	if len(source) > 0 {
		key.source = string(unsafe.Slice((*byte)(unsafe.Pointer(&source[0])), 2*len(source)))
	}
	key.flags = flags
	if re, ok := in.regexps[key]; ok {
		return re, nil
	}
	re, err := jsregexp.Compile(source, flags)
	if err != nil {
		return nil, err
	}
	if in.regexps == nil || len(in.regexps) >= maxRegExpCache {
		in.regexps = map[regexpKey]*jsregexp.Regexp{}
	}
	key.source = string([]byte(key.source)) // own the bytes
	in.regexps[key] = re
	return re, nil
}

// ExecRegExp runs re over input from lastIndex (see jsregexp.Exec). A
// pending interrupt that terminates the script stops a long match: the
// termination is then pending and ok is false; a match that runs out of
// backtracking stack throws RangeError.
func (in *Interp) ExecRegExp(re *jsregexp.Regexp, input []uint16, lastIndex int) (match []int, found, ok bool) {
	interrupted := false
	match, found, err := re.ExecInterruptible(input, lastIndex, func() bool {
		if in.interrupt.Load() != 0 && in.handleInterrupts != nil && in.handleInterrupts() {
			interrupted = true
			return true
		}
		return false
	})
	switch {
	case interrupted:
		in.terminating = true
		in.hasException = true
		in.exception = in.undefined
		return nil, false, false
	case errors.Is(err, jsregexp.ErrStackOverflow):
		in.throwErrorValue(RangeError, "Maximum call stack size exceeded")
		return nil, false, false
	case err != nil:
		in.throwErrorValue(Error, err.Error())
		return nil, false, false
	}
	return match, found, true
}

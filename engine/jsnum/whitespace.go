package jsnum

import "unicode/utf8"

// IsWhiteSpaceOrLineTerminator reports whether the code point c belongs to
// ECMAScript's WhiteSpace or LineTerminator productions (ECMA-262 §12.2,
// §12.3): TAB, VT, FF, SP, NBSP, ZWNBSP (U+FEFF), the Unicode Zs category,
// LF, CR, LS and PS. These are the characters StringToNumber, parseFloat,
// parseInt and StringToBigInt trim (StrWhiteSpaceChar). U+180E is not among
// them: it left Zs in Unicode 6.3, and V8 follows current Unicode.
func IsWhiteSpaceOrLineTerminator(c rune) bool {
	if c < 0x80 {
		return c == ' ' || (c >= '\t' && c <= '\r') // TAB LF VT FF CR
	}
	switch {
	case c == 0xA0, c == 0x1680, c >= 0x2000 && c <= 0x200A,
		c == 0x2028, c == 0x2029, c == 0x202F, c == 0x205F, c == 0x3000, c == 0xFEFF:
		return true
	}
	return false
}

// trimUTF8 removes leading and (when both is set) trailing JavaScript
// whitespace from UTF-8 text. Invalid UTF-8 is never whitespace.
func trimUTF8(s string, both bool) string {
	for len(s) > 0 {
		if c := s[0]; c < utf8.RuneSelf {
			if !IsWhiteSpaceOrLineTerminator(rune(c)) {
				break
			}
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError || !IsWhiteSpaceOrLineTerminator(r) {
			break
		}
		s = s[n:]
	}
	if !both {
		return s
	}
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			if !IsWhiteSpaceOrLineTerminator(rune(c)) {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if r == utf8.RuneError || !IsWhiteSpaceOrLineTerminator(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// trimLatin1 is trimUTF8 for a one-byte JavaScript string, whose bytes are
// the code points U+0000..U+00FF.
func trimLatin1(b []byte, both bool) []byte {
	for len(b) > 0 && IsWhiteSpaceOrLineTerminator(rune(b[0])) {
		b = b[1:]
	}
	for both && len(b) > 0 && IsWhiteSpaceOrLineTerminator(rune(b[len(b)-1])) {
		b = b[:len(b)-1]
	}
	return b
}

// trimUTF16 is trimUTF8 for UTF-16 code units. A surrogate is never
// whitespace (every JavaScript whitespace character is in the BMP).
func trimUTF16(u []uint16, both bool) []uint16 {
	for len(u) > 0 && IsWhiteSpaceOrLineTerminator(rune(u[0])) {
		u = u[1:]
	}
	for both && len(u) > 0 && IsWhiteSpaceOrLineTerminator(rune(u[len(u)-1])) {
		u = u[:len(u)-1]
	}
	return u
}

// junkByte stands in for a non-ASCII character when UTF-16 text is narrowed
// to the bytes the number grammars read: like every byte above 0x7F it matches
// no production, so parsing stops (or fails) there exactly as it does on the
// original character. (UTF-8 and Latin-1 text need no narrowing: their
// non-ASCII bytes are already above 0x7F.)
const junkByte = 0xFF

// narrowUTF16 copies trimmed UTF-16 code units into bytes, ending with a
// single junkByte at the first unit above 0x7F: nothing after a character
// that is not part of a number changes any parser's result. It reuses buf
// when it is large enough.
func narrowUTF16(u []uint16, buf []byte) []byte {
	out := buf[:0]
	for _, c := range u {
		if c >= 0x80 {
			return append(out, junkByte)
		}
		out = append(out, byte(c))
	}
	return out
}

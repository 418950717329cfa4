package jsdate

import (
	"unicode"
	"unicode/utf8"
)

// The tokenizer of V8's date parser (src/date/dateparser.h,
// DateStringTokenizer and KeywordTable), shared by the ISO and the legacy
// grammars.

// kNone marks a field the string did not give (V8's kMaxInt sentinel).
const kNone = 1<<31 - 1

// maxSignificantDigits is how many digits of a numeral, after its leading
// zeros, make its value; the rest are read and ignored. (So the fraction
// ".0001234567891" reads as 123456789 in 14 digits, which readMilliseconds
// turns into 123 ms: V8's arithmetic, faithfully.)
const maxSignificantDigits = 9

type tokenKind int8

const (
	tokInvalid tokenKind = iota // the ISO grammar failed for good
	tokUnknown                  // any other character, or a (parenthesized) group
	tokSpace                    // one white-space character
	tokNumber                   // a run of ASCII digits
	tokSymbol                   // one of : - + . )
	tokEnd                      // end of input
	tokWord                     // a run of characters >= 'A'
)

// keywordType classifies a word (V8's KeywordType).
type keywordType int8

const (
	kwNone keywordType = iota // a word that is no keyword
	kwMonth
	kwZone
	kwTimeSep // "T"
	kwAMPM
)

// token is one token of the date string (V8's DateToken).
type token struct {
	kind   tokenKind
	kw     keywordType // for tokWord
	value  int         // number value, symbol character, or keyword value
	length int         // characters (digits, for a number)
}

func (t token) isNumber() bool           { return t.kind == tokNumber }
func (t token) isSymbol(c byte) bool     { return t.kind == tokSymbol && t.value == int(c) }
func (t token) isSign() bool             { return t.isSymbol('+') || t.isSymbol('-') }
func (t token) isFixedNumber(n int) bool { return t.kind == tokNumber && t.length == n }
func (t token) isKeyword(k keywordType) bool {
	return t.kind == tokWord && t.kw == k
}

// isZ reports whether t is the time-zone keyword "Z" (either case).
func (t token) isZ() bool { return t.isKeyword(kwZone) && t.length == 1 && t.value == 0 }

// sign is +1 for a '+' token and -1 for '-'.
func (t token) sign() int {
	if t.value == '-' {
		return -1
	}
	return 1
}

// scanner produces the tokens of s with one token of lookahead.
type scanner struct {
	s    string
	pos  int
	next token
}

// newScanner starts scanning s. Like V8, which reads a NUL character as the
// end of input, it ignores everything from the first NUL on.
func newScanner(s string) *scanner {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			s = s[:i]
			break
		}
	}
	sc := &scanner{s: s}
	sc.next = sc.scan()
	return sc
}

// peek returns the next token without consuming it.
func (sc *scanner) peek() token { return sc.next }

// advance consumes and returns the next token.
func (sc *scanner) advance() token {
	t := sc.next
	sc.next = sc.scan()
	return t
}

// skipSymbol consumes the next token if it is the symbol c.
func (sc *scanner) skipSymbol(c byte) bool {
	if sc.next.isSymbol(c) {
		sc.next = sc.scan()
		return true
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isSpace is V8's IsWhiteSpaceOrLineTerminator for ASCII characters.
func isSpace(c byte) bool { return c == ' ' || ('\t' <= c && c <= '\r') }

// spaceAt returns the length in bytes of the non-ASCII white-space character
// (ECMA-262 WhiteSpace: U+00A0, U+FEFF and the other Zs characters) that
// starts at s[i], or 0. V8 ends a word at white space and reads it as white
// space; the line terminators U+2028 and U+2029, which are not WhiteSpace,
// stay part of words.
func spaceAt(s string, i int) int {
	if s[i] < 0x80 {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == 0xFEFF || unicode.Is(unicode.Zs, r) {
		return n
	}
	return 0
}

// scan reads one token. Characters are classified as V8 does on UTF-16 code
// units: ASCII digits, the symbols, white space, and every other character
// from 'A' up (including all other non-ASCII ones, whose UTF-8 bytes are all
// >= 0x80) forming words. Word lengths here count bytes, not UTF-16 units; that cannot change
// a result, because a length only matters (≤ 3 or not) for words whose first
// three characters spell a keyword, which are ASCII.
func (sc *scanner) scan() token {
	s := sc.s
	start := sc.pos
	if start >= len(s) {
		return token{kind: tokEnd, value: -1}
	}
	c := s[start]
	switch {
	case isDigit(c):
		// Leading zeros are skipped (but counted in the length), then
		// the first nine significant digits make the value.
		for sc.pos < len(s) && s[sc.pos] == '0' {
			sc.pos++
		}
		n, i := 0, 0
		for ; sc.pos < len(s) && isDigit(s[sc.pos]); sc.pos++ {
			if i < maxSignificantDigits {
				n = n*10 + int(s[sc.pos]-'0')
			}
			i++
		}
		return token{kind: tokNumber, value: n, length: sc.pos - start}
	case c == ':' || c == '-' || c == '+' || c == '.' || c == ')':
		sc.pos++
		return token{kind: tokSymbol, value: int(c), length: 1}
	case c >= 'A' && spaceAt(s, start) == 0:
		// A word runs over characters from 'A' up, stopping at white
		// space (which from 'A' up is non-ASCII: U+00A0, U+3000, ...).
		var prefix [3]byte
		n := 0
		for sc.pos < len(s) && s[sc.pos] >= 'A' && spaceAt(s, sc.pos) == 0 {
			if n < len(prefix) {
				prefix[n] = s[sc.pos] | 0x20 // V8's AsciiAlphaToLower
			}
			n++
			sc.pos++
		}
		kw, v := lookupKeyword(prefix, n)
		return token{kind: tokWord, kw: kw, value: v, length: n}
	case isSpace(c):
		sc.pos++
		return token{kind: tokSpace, value: -1, length: 1}
	case c >= 0x80 && spaceAt(s, start) > 0:
		sc.pos += spaceAt(s, start)
		return token{kind: tokSpace, value: -1, length: 1}
	case c == '(':
		// A parenthesized group, nested parentheses included, is one
		// unknown token; an unclosed one runs to the end.
		balance := 0
		for {
			switch s[sc.pos] {
			case ')':
				balance--
			case '(':
				balance++
			}
			sc.pos++
			if balance <= 0 || sc.pos >= len(s) {
				break
			}
		}
		return token{kind: tokUnknown, value: -1, length: 1}
	}
	sc.pos++
	return token{kind: tokUnknown, value: -1, length: 1}
}

// lookupKeyword is V8's KeywordTable::Lookup: a word is a keyword when its
// first three characters (lower-cased, zero-padded) match an entry and it is
// no longer than three characters, except that a month name may be any
// word that starts with the month's first three letters ("Sept", "Mayday").
func lookupKeyword(prefix [3]byte, length int) (keywordType, int) {
	type entry struct {
		name  string
		kind  keywordType
		value int
	}
	table := [...]entry{
		{"jan", kwMonth, 1}, {"feb", kwMonth, 2}, {"mar", kwMonth, 3},
		{"apr", kwMonth, 4}, {"may", kwMonth, 5}, {"jun", kwMonth, 6},
		{"jul", kwMonth, 7}, {"aug", kwMonth, 8}, {"sep", kwMonth, 9},
		{"oct", kwMonth, 10}, {"nov", kwMonth, 11}, {"dec", kwMonth, 12},
		{"am\x00", kwAMPM, 0}, {"pm\x00", kwAMPM, 12},
		{"ut\x00", kwZone, 0}, {"utc", kwZone, 0}, {"z\x00\x00", kwZone, 0},
		{"gmt", kwZone, 0}, {"cdt", kwZone, -5}, {"cst", kwZone, -6},
		{"edt", kwZone, -4}, {"est", kwZone, -5}, {"mdt", kwZone, -6},
		{"mst", kwZone, -7}, {"pdt", kwZone, -7}, {"pst", kwZone, -8},
		{"t\x00\x00", kwTimeSep, 0},
	}
	for _, e := range table {
		if string(prefix[:]) == e.name && (length <= 3 || e.kind == kwMonth) {
			return e.kind, e.value
		}
	}
	return kwNone, 0
}

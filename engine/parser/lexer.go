package parser

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// bailout is the private sentinel a syntax error unwinds with. Entry points
// recover only this type and re-panic anything else.
type bailout struct{}

// octalKind records which legacy construct a token used, for the strict
// mode check the parser makes (the lexer does not know strictness when
// it scans the token after a "use strict" directive).
type octalKind uint8

const (
	octalNone        octalKind = iota
	octalNumber                // 017
	octalLeadingZero           // 08, 09.5
	octalEscape                // "\07"
	octal89Escape              // "\8"
)

// lexer turns source text into tokens, one at a time, for the parser.
// Identifiers without escapes are substrings of the source (no copy);
// string literals are decoded to UTF-16. The parser rescans `/` as a
// regular expression and `}` as a template continuation when the grammar
// says so. The lexer is a value: copying it snapshots the scan state.
type lexer struct {
	src    string
	pos    int  // offset of the next unread byte
	module bool // module goal: HTML-like comments are not comments

	// The current token.
	tok      T
	start    int  // offset of the token's first byte
	end      int  // offset just past the token
	prevEnd  int  // end of the previous token
	prevTok  T    // the previous token's kind
	nlBefore bool // a line terminator precedes the token
	hadToken bool // some token was scanned before this one

	name    string // identifier or private name value (escapes decoded)
	escaped bool   // the identifier used \u escapes

	str      []uint16 // string value, or template cooked value
	num      float64  // number value
	bigint   string   // bigint decimal digits
	octal    octalKind
	octalPos int // offset of the legacy octal construct

	raw           string // template raw value
	cookedInvalid bool   // template had an invalid escape (cooked is undefined)
	cookedErrPos  int
	cookedErrMsg  string

	regexpPattern, regexpFlags string

	scratch []uint16 // reused buffer for decoded strings
	err     *SyntaxError
	depth   int // nesting depth guard, kept here so a lexer snapshot restores it
}

// init resets every field for a new source, keeping the scratch buffer.
func (l *lexer) init(src string, module bool) {
	scratch := l.scratch[:0]
	*l = lexer{src: src, module: module, scratch: scratch}
}

// fail records a syntax error covering [start, end) and unwinds.
func (l *lexer) fail(start, end int, msg string) {
	if l.err == nil {
		l.err = &SyntaxError{Msg: msg, Start: start, End: end}
	}
	panic(bailout{})
}

// failHere fails at the current token.
func (l *lexer) failHere(msg string) { l.fail(l.start, l.end, msg) }

// asciiIDStart and asciiIDContinue classify ASCII bytes.
var asciiIDStart, asciiIDContinue = func() (s, c [128]bool) {
	for b := 0; b < 128; b++ {
		letter := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '$' || b == '_'
		s[b] = letter
		c[b] = letter || b >= '0' && b <= '9'
	}
	return
}()

// isIDStart reports whether r may begin an identifier (ID_Start, $, _).
func isIDStart(r rune) bool {
	if r < 128 {
		return r >= 0 && asciiIDStart[r]
	}
	return (unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)) &&
		!unicode.Is(unicode.Pattern_Syntax, r) && !unicode.Is(unicode.Pattern_White_Space, r) ||
		unicode.Is(idStartSince15, r)
}

// isIDContinue reports whether r may continue an identifier (ID_Continue,
// $, ZWNJ, ZWJ).
func isIDContinue(r rune) bool {
	if r < 128 {
		return r >= 0 && asciiIDContinue[r]
	}
	if r == 0x200C || r == 0x200D {
		return true
	}
	return isIDStart(r) || (unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue) &&
		!unicode.Is(unicode.Pattern_Syntax, r) && !unicode.Is(unicode.Pattern_White_Space, r)) ||
		unicode.Is(idContinueSince15, r)
}

// isWhiteSpace reports whether r is ECMAScript WhiteSpace (not a line
// terminator).
func isWhiteSpace(r rune) bool {
	switch r {
	case '\t', '\v', '\f', ' ', 0xA0, 0xFEFF:
		return true
	}
	return r > 0x7f && unicode.Is(unicode.Zs, r)
}

// isLineTerminator reports whether r is LF, CR, LS or PS.
func isLineTerminator(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029
}

// peekRune decodes the rune at offset i (utf8.RuneError with size 1 for
// an invalid byte).
func (l *lexer) peekRune(i int) (rune, int) {
	if i >= len(l.src) {
		return -1, 0
	}
	c := l.src[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(l.src[i:])
}

// skipHashbang consumes a `#!` line at the very start of the source and
// returns its text.
func (l *lexer) skipHashbang() string {
	if strings.HasPrefix(l.src, "#!") {
		i := 2
		for i < len(l.src) {
			r, n := l.peekRune(i)
			if isLineTerminator(r) {
				break
			}
			i += n
		}
		l.pos = i
		return l.src[2:i]
	}
	return ""
}

// next scans the next token.
//
// hot path: keep allocation-free for ASCII identifiers and punctuators,
// see BenchmarkParse.
func (l *lexer) next() {
	l.prevEnd = l.end
	l.prevTok = l.tok
	l.nlBefore = false
	if l.tok != TEOF || l.end != 0 {
		l.hadToken = true
	}
	l.octal = octalNone
	for {
		l.start = l.pos
		if l.pos >= len(l.src) {
			l.tok = TEOF
			l.end = l.pos
			return
		}
		c := l.src[l.pos]
		switch c {
		case ' ', '\t', '\v', '\f':
			l.pos++
			continue
		case '\n', '\r':
			l.pos++
			l.nlBefore = true
			continue
		case '/':
			if l.pos+1 < len(l.src) {
				switch l.src[l.pos+1] {
				case '/':
					l.skipLineComment(l.pos + 2)
					continue
				case '*':
					l.skipBlockComment()
					continue
				case '=':
					l.punct(TSlashAssign, 2)
					return
				}
			}
			l.punct(TSlash, 1)
			return
		case '<':
			if strings.HasPrefix(l.src[l.pos:], "<!--") {
				if l.module {
					l.fail(l.pos, l.pos+4, "HTML comments are not allowed in modules")
				}
				l.skipLineComment(l.pos + 4)
				continue
			}
			switch {
			case l.has(1, '<') && l.has(2, '='):
				l.punct(TShlAssign, 3)
			case l.has(1, '<'):
				l.punct(TShl, 2)
			case l.has(1, '='):
				l.punct(TLe, 2)
			default:
				l.punct(TLt, 1)
			}
			return
		case '-':
			if (l.nlBefore || !l.hadToken) && strings.HasPrefix(l.src[l.pos:], "-->") {
				if l.module {
					l.fail(l.pos, l.pos+3, "HTML comments are not allowed in modules")
				}
				l.skipLineComment(l.pos + 3)
				continue
			}
			switch {
			case l.has(1, '-'):
				l.punct(TMinusMinus, 2)
			case l.has(1, '='):
				l.punct(TMinusAssign, 2)
			default:
				l.punct(TMinus, 1)
			}
			return
		case '{':
			l.punct(TOpenBrace, 1)
		case '}':
			l.punct(TCloseBrace, 1)
		case '(':
			l.punct(TOpenParen, 1)
		case ')':
			l.punct(TCloseParen, 1)
		case '[':
			l.punct(TOpenBracket, 1)
		case ']':
			l.punct(TCloseBracket, 1)
		case ';':
			l.punct(TSemicolon, 1)
		case ',':
			l.punct(TComma, 1)
		case ':':
			l.punct(TColon, 1)
		case '~':
			l.punct(TTilde, 1)
		case '.':
			if l.pos+1 < len(l.src) && l.src[l.pos+1] >= '0' && l.src[l.pos+1] <= '9' {
				l.scanNumber()
			} else if l.has(1, '.') && l.has(2, '.') {
				l.punct(TDotDotDot, 3)
			} else {
				l.punct(TDot, 1)
			}
		case '?':
			switch {
			case l.has(1, '?') && l.has(2, '='):
				l.punct(TQuestionQuestionAssign, 3)
			case l.has(1, '?'):
				l.punct(TQuestionQuestion, 2)
			case l.has(1, '.') && !(l.pos+2 < len(l.src) && l.src[l.pos+2] >= '0' && l.src[l.pos+2] <= '9'):
				l.punct(TQuestionDot, 2)
			default:
				l.punct(TQuestion, 1)
			}
		case '=':
			switch {
			case l.has(1, '=') && l.has(2, '='):
				l.punct(TStrictEq, 3)
			case l.has(1, '='):
				l.punct(TEq, 2)
			case l.has(1, '>'):
				l.punct(TArrow, 2)
			default:
				l.punct(TAssign, 1)
			}
		case '!':
			switch {
			case l.has(1, '=') && l.has(2, '='):
				l.punct(TStrictNe, 3)
			case l.has(1, '='):
				l.punct(TNe, 2)
			default:
				l.punct(TBang, 1)
			}
		case '>':
			switch {
			case l.has(1, '>') && l.has(2, '>') && l.has(3, '='):
				l.punct(TUShrAssign, 4)
			case l.has(1, '>') && l.has(2, '>'):
				l.punct(TUShr, 3)
			case l.has(1, '>') && l.has(2, '='):
				l.punct(TShrAssign, 3)
			case l.has(1, '>'):
				l.punct(TShr, 2)
			case l.has(1, '='):
				l.punct(TGe, 2)
			default:
				l.punct(TGt, 1)
			}
		case '+':
			switch {
			case l.has(1, '+'):
				l.punct(TPlusPlus, 2)
			case l.has(1, '='):
				l.punct(TPlusAssign, 2)
			default:
				l.punct(TPlus, 1)
			}
		case '*':
			switch {
			case l.has(1, '*') && l.has(2, '='):
				l.punct(TStarStarAssign, 3)
			case l.has(1, '*'):
				l.punct(TStarStar, 2)
			case l.has(1, '='):
				l.punct(TStarAssign, 2)
			default:
				l.punct(TStar, 1)
			}
		case '%':
			if l.has(1, '=') {
				l.punct(TPercentAssign, 2)
			} else {
				l.punct(TPercent, 1)
			}
		case '&':
			switch {
			case l.has(1, '&') && l.has(2, '='):
				l.punct(TAmpAmpAssign, 3)
			case l.has(1, '&'):
				l.punct(TAmpAmp, 2)
			case l.has(1, '='):
				l.punct(TAmpAssign, 2)
			default:
				l.punct(TAmp, 1)
			}
		case '|':
			switch {
			case l.has(1, '|') && l.has(2, '='):
				l.punct(TBarBarAssign, 3)
			case l.has(1, '|'):
				l.punct(TBarBar, 2)
			case l.has(1, '='):
				l.punct(TBarAssign, 2)
			default:
				l.punct(TBar, 1)
			}
		case '^':
			if l.has(1, '=') {
				l.punct(TCaretAssign, 2)
			} else {
				l.punct(TCaret, 1)
			}
		case '"', '\'':
			l.scanString(c)
		case '`':
			l.pos++
			l.scanTemplate(true)
		case '#':
			l.pos++
			if l.pos < len(l.src) && (l.src[l.pos] == '\\' || l.src[l.pos] >= 0x80 || asciiIDStart[l.src[l.pos]]) {
				l.scanIdentifier()
				if l.escaped {
					l.name = "#" + l.name
				} else {
					l.name = l.src[l.start:l.end]
				}
				l.tok = TPrivateName
				return
			}
			l.end = l.pos
			l.failHere("Invalid or unexpected token")
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			l.scanNumber()
		case '\\':
			l.scanIdentifier()
		default:
			if c < 0x80 {
				if asciiIDStart[c] {
					l.scanIdentifier()
					return
				}
				l.pos++
				l.end = l.pos
				l.failHere("Invalid or unexpected token")
			}
			r, n := utf8.DecodeRuneInString(l.src[l.pos:])
			switch {
			case r == 0x2028 || r == 0x2029:
				l.pos += n
				l.nlBefore = true
				continue
			case isWhiteSpace(r):
				l.pos += n
				continue
			case isIDStart(r):
				l.scanIdentifier()
				return
			}
			l.pos += n
			l.end = l.pos
			l.failHere("Invalid or unexpected token")
		}
		return
	}
}

// has reports whether the byte at pos+k is c.
func (l *lexer) has(k int, c byte) bool {
	return l.pos+k < len(l.src) && l.src[l.pos+k] == c
}

// punct finishes an n-byte punctuator token.
func (l *lexer) punct(t T, n int) {
	l.pos += n
	l.tok = t
	l.end = l.pos
}

// skipLineComment skips to the end of the line (not past the terminator).
func (l *lexer) skipLineComment(i int) {
	for i < len(l.src) {
		c := l.src[i]
		if c == '\n' || c == '\r' {
			break
		}
		if c == 0xE2 && i+2 < len(l.src) && l.src[i+1] == 0x80 && (l.src[i+2] == 0xA8 || l.src[i+2] == 0xA9) {
			break
		}
		i++
	}
	l.pos = i
}

// skipBlockComment skips a /* */ comment; a line terminator inside counts
// as one before the next token.
func (l *lexer) skipBlockComment() {
	i := l.pos + 2
	j := strings.Index(l.src[i:], "*/")
	if j < 0 {
		l.pos = len(l.src)
		l.fail(l.start, len(l.src), "Invalid or unexpected token")
	}
	body := l.src[i : i+j]
	if !l.nlBefore && (strings.IndexByte(body, '\n') >= 0 || strings.IndexByte(body, '\r') >= 0 ||
		strings.Contains(body, "\u2028") || strings.Contains(body, "\u2029")) {
		// Annex B: `/*\n*/ -->` is then a close comment too.
		l.nlBefore = true
	}
	l.pos = i + j + 2
}

// scanIdentifier scans an identifier or keyword starting at l.pos.
func (l *lexer) scanIdentifier() {
	start := l.pos
	i := l.pos
	for i < len(l.src) {
		c := l.src[i]
		if c < 0x80 && asciiIDContinue[c] {
			i++
			continue
		}
		if c == '\\' || c >= 0x80 {
			l.scanIdentifierSlow(start, i)
			return
		}
		break
	}
	l.pos = i
	l.end = i
	l.name = l.src[start:i]
	l.escaped = false
	l.tok = keywordKind(l.name)
}

// scanIdentifierSlow handles identifiers with escapes or non-ASCII
// characters; [start, i) is the ASCII prefix already checked.
func (l *lexer) scanIdentifierSlow(start, i int) {
	var b strings.Builder
	b.WriteString(l.src[start:i])
	escaped := false
	for i < len(l.src) {
		c := l.src[i]
		if c == '\\' {
			if i+1 >= len(l.src) || l.src[i+1] != 'u' {
				l.fail(l.start, i+1, "Invalid or unexpected token")
			}
			r, n, ok := l.scanUnicodeEscape(i + 2)
			if !ok {
				l.fail(l.start, n, "Invalid or unexpected token")
			}
			first := b.Len() == 0
			if first && !isIDStart(r) || !first && !isIDContinue(r) {
				l.fail(l.start, n, "Invalid or unexpected token")
			}
			b.WriteRune(r)
			escaped = true
			i = n
			continue
		}
		r, n := l.peekRune(i)
		if b.Len() == 0 {
			if !isIDStart(r) {
				break
			}
		} else if !isIDContinue(r) {
			break
		}
		b.WriteRune(r)
		i += n
	}
	l.pos = i
	l.end = i
	l.escaped = escaped
	if escaped {
		l.name = b.String()
		// An escaped reserved word is an identifier token carrying the
		// word; the parser rejects it where the word would be reserved.
		l.tok = TIdentifier
	} else {
		l.name = l.src[start:i]
		l.tok = keywordKind(l.name)
	}
	if l.name == "" {
		_, n := l.peekRune(i)
		l.fail(i, i+max(n, 1), "Invalid or unexpected token")
	}
}

// scanUnicodeEscape decodes XXXX or {X...} at i (just past `\u`). It
// returns the code point, the offset after the escape, and ok.
func (l *lexer) scanUnicodeEscape(i int) (rune, int, bool) {
	if i < len(l.src) && l.src[i] == '{' {
		i++
		var r rune
		digits := 0
		for i < len(l.src) && l.src[i] != '}' {
			d := hexVal(l.src[i])
			if d < 0 {
				return 0, i, false
			}
			r = r*16 + rune(d)
			if r > unicode.MaxRune {
				return 0, i, false
			}
			digits++
			i++
		}
		if i >= len(l.src) || digits == 0 {
			return 0, i, false
		}
		return r, i + 1, true
	}
	if i+4 > len(l.src) {
		return 0, len(l.src), false
	}
	var r rune
	for k := 0; k < 4; k++ {
		d := hexVal(l.src[i+k])
		if d < 0 {
			return 0, i + k, false
		}
		r = r*16 + rune(d)
	}
	return r, i + 4, true
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// scanNumber scans a numeric literal at l.pos.
func (l *lexer) scanNumber() {
	start := l.pos
	i := start
	src := l.src
	l.tok = TNumber
	if src[i] == '0' && i+1 < len(src) {
		radix := 0
		switch src[i+1] | 0x20 {
		case 'x':
			radix = 16
		case 'o':
			radix = 8
		case 'b':
			radix = 2
		}
		if radix != 0 {
			i += 2
			digitsStart := i
			i = l.scanDigits(i, radix)
			if i == digitsStart {
				l.fail(start, i, "Invalid or unexpected token")
			}
			text := src[digitsStart:i]
			if strings.IndexByte(text, '_') >= 0 {
				text = strings.ReplaceAll(text, "_", "")
			}
			if i < len(src) && src[i] == 'n' {
				i++
				l.tok = TBigInt
				var z big.Int
				z.SetString(text, radix)
				l.bigint = z.String()
			} else {
				l.num = parseRadix(text, radix)
			}
			l.finishNumber(start, i)
			return
		}
		if src[i+1] >= '0' && src[i+1] <= '9' || src[i+1] == '_' {
			// Legacy octal 017, or a decimal with a leading zero 089.
			j := i + 1
			octal := true
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				if src[j] >= '8' {
					octal = false
				}
				j++
			}
			if j < len(src) && src[j] == '_' {
				if j == i+1 {
					l.fail(j, j+1, "Numeric separator can not be used after leading 0.")
				}
				l.fail(start, j+1, "Invalid or unexpected token")
			}
			l.octalPos = start
			if octal {
				l.octal = octalNumber
				l.num = parseRadix(src[i+1:j], 8)
				if j < len(src) && src[j] == 'n' {
					l.fail(start, j+1, "Invalid or unexpected token")
				}
				l.finishNumber(start, j)
				return
			}
			l.octal = octalLeadingZero
			// A NonOctalDecimalIntegerLiteral may have a fraction and exponent.
			i = j
			i = l.scanFractionExponent(start, i)
			if i < len(src) && src[i] == 'n' {
				l.fail(start, i+1, "Invalid or unexpected token")
			}
			l.num = parseDecimal(src[start:i])
			l.finishNumber(start, i)
			return
		}
	}
	isInt := true
	if src[i] != '.' {
		i = l.scanDigits(i, 10)
	}
	j := l.scanFractionExponent(start, i)
	if j != i {
		isInt = false
	}
	i = j
	if i < len(src) && src[i] == 'n' {
		if !isInt {
			l.fail(start, i+1, "Invalid or unexpected token")
		}
		text := src[start:i]
		if strings.IndexByte(text, '_') >= 0 {
			text = strings.ReplaceAll(text, "_", "")
		}
		l.tok = TBigInt
		l.bigint = strings.TrimLeft(text, "0")
		if l.bigint == "" {
			l.bigint = "0"
		}
		l.finishNumber(start, i+1)
		return
	}
	l.num = parseDecimal(src[start:i])
	l.finishNumber(start, i)
}

// scanFractionExponent scans an optional `.digits` and `e±digits` after
// the integer part ending at i.
func (l *lexer) scanFractionExponent(start, i int) int {
	src := l.src
	if i < len(src) && src[i] == '.' {
		i++
		if i < len(src) && src[i] == '_' {
			l.fail(start, i+1, "Invalid or unexpected token")
		}
		i = l.scanDigits(i, 10)
	}
	if i < len(src) && src[i]|0x20 == 'e' {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		digits := i
		if i < len(src) && src[i] == '_' {
			l.fail(start, i+1, "Invalid or unexpected token")
		}
		i = l.scanDigits(i, 10)
		if i == digits {
			l.fail(start, i, "Invalid or unexpected token")
		}
	}
	return i
}

// scanDigits scans digits of the radix with numeric separators, checking
// the separator rules, and returns the offset after them.
func (l *lexer) scanDigits(i, radix int) int {
	src := l.src
	prevSep := false
	any := false
	for i < len(src) {
		c := src[i]
		if c == '_' {
			if !any {
				l.fail(l.start, i+1, "Invalid or unexpected token")
			}
			if prevSep {
				l.fail(i, i+1, "Only one underscore is allowed as numeric separator")
			}
			prevSep = true
			i++
			continue
		}
		d := hexVal(c)
		if d < 0 || d >= radix {
			break
		}
		prevSep = false
		any = true
		i++
	}
	if prevSep {
		l.fail(i-1, i, "Numeric separators are not allowed at the end of numeric literals")
	}
	return i
}

// finishNumber ends a numeric token at i, rejecting an identifier start or
// digit right after it (`3in`, `1.toString`).
func (l *lexer) finishNumber(start, i int) {
	l.pos = i
	l.end = i
	if i < len(l.src) {
		r, n := l.peekRune(i)
		if r >= '0' && r <= '9' || isIDStart(r) || r == '\\' {
			l.fail(start, i+n, "Invalid or unexpected token")
		}
	}
}

// parseDecimal converts a decimal literal (possibly with separators).
func parseDecimal(text string) float64 {
	// Fast path: small integers.
	if len(text) <= 15 {
		v := 0.0
		ok := true
		for k := 0; k < len(text); k++ {
			c := text[k]
			if c < '0' || c > '9' {
				ok = false
				break
			}
			v = v*10 + float64(c-'0')
		}
		if ok {
			return v
		}
	}
	if strings.IndexByte(text, '_') >= 0 {
		text = strings.ReplaceAll(text, "_", "")
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		// Out of range values are ±Inf or 0 with ErrRange; f holds them.
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f
		}
		return math.NaN()
	}
	return f
}

// parseRadix converts digits of radix 2, 8 or 16 (no separators), rounding
// to nearest even as ECMAScript requires.
func parseRadix(text string, radix int) float64 {
	if len(text) <= 13 || radix == 2 && len(text) <= 53 || radix == 8 && len(text) <= 17 {
		v, err := strconv.ParseUint(text, radix, 64)
		if err == nil && v < 1<<53 {
			return float64(v)
		}
	}
	var z big.Int
	z.SetString(text, radix)
	f, _ := new(big.Float).SetInt(&z).Float64()
	return f
}

// scanString scans a string literal delimited by quote.
func (l *lexer) scanString(quote byte) {
	start := l.pos
	i := start + 1
	src := l.src
	for i < len(src) {
		c := src[i]
		if c == quote {
			// Fast path: ASCII without escapes.
			s := make([]uint16, i-start-1)
			for k := range s {
				s[k] = uint16(src[start+1+k])
			}
			l.str = s
			l.pos = i + 1
			l.end = l.pos
			l.tok = TString
			return
		}
		if c == '\\' || c == '\n' || c == '\r' || c >= 0x80 {
			break
		}
		i++
	}
	buf := l.scratch[:0]
	for k := start + 1; k < i; k++ {
		buf = append(buf, uint16(src[k]))
	}
	for {
		if i >= len(src) {
			l.fail(start, i, "Invalid or unexpected token")
		}
		c := src[i]
		if c == quote {
			i++
			break
		}
		switch {
		case c == '\\':
			buf, i, _ = l.scanEscape(buf, i, false)
		case c == '\n' || c == '\r':
			l.fail(start, i, "Invalid or unexpected token")
		case c < 0x80:
			buf = append(buf, uint16(c))
			i++
		default:
			r, n := utf8.DecodeRuneInString(src[i:])
			buf = appendRune16(buf, r)
			i += n
		}
	}
	l.scratch = buf
	l.str = append([]uint16(nil), buf...)
	l.pos = i
	l.end = i
	l.tok = TString
}

// appendRune16 appends r in UTF-16.
func appendRune16(buf []uint16, r rune) []uint16 {
	if r < 0x10000 {
		return append(buf, uint16(r))
	}
	r1, r2 := utf16.EncodeRune(r)
	return append(buf, uint16(r1), uint16(r2))
}

// scanEscape decodes the escape sequence at i (at the backslash) into buf.
// In a template, an invalid escape sets cookedInvalid instead of failing
// and the scan resumes after the offending characters; ok is false then.
func (l *lexer) scanEscape(buf []uint16, i int, template bool) ([]uint16, int, bool) {
	src := l.src
	escStart := i
	i++
	if i >= len(src) {
		l.fail(escStart, i, "Invalid or unexpected token")
	}
	c := src[i]
	invalid := func(end int, msg string) ([]uint16, int, bool) {
		if !template {
			l.fail(escStart, end, msg)
		}
		if !l.cookedInvalid {
			l.cookedInvalid = true
			l.cookedErrPos = escStart
			l.cookedErrMsg = msg
		}
		return buf, end, false
	}
	switch c {
	case 'n':
		return append(buf, '\n'), i + 1, true
	case 't':
		return append(buf, '\t'), i + 1, true
	case 'r':
		return append(buf, '\r'), i + 1, true
	case 'b':
		return append(buf, '\b'), i + 1, true
	case 'f':
		return append(buf, '\f'), i + 1, true
	case 'v':
		return append(buf, '\v'), i + 1, true
	case '\r':
		i++
		if i < len(src) && src[i] == '\n' {
			i++
		}
		return buf, i, true
	case '\n':
		return buf, i + 1, true
	case 'x':
		if i+2 < len(src) {
			h1, h2 := hexVal(src[i+1]), hexVal(src[i+2])
			if h1 >= 0 && h2 >= 0 {
				return append(buf, uint16(h1*16+h2)), i + 3, true
			}
		}
		end := i + 1
		for end < len(src) && end < i+3 && hexVal(src[end]) >= 0 {
			end++
		}
		return invalid(end, "Invalid hexadecimal escape sequence")
	case 'u':
		r, n, ok := l.scanUnicodeEscape(i + 1)
		if !ok {
			msg := "Invalid Unicode escape sequence"
			if i+1 < len(src) && src[i+1] == '{' && n < len(src) && hexVal(src[n]) >= 0 {
				msg = "Undefined Unicode code-point"
			}
			return invalid(max(n, i+1), msg)
		}
		return appendRune16(buf, r), n, true
	case '0', '1', '2', '3', '4', '5', '6', '7':
		if c == '0' && (i+1 >= len(src) || src[i+1] < '0' || src[i+1] > '9') {
			return append(buf, 0), i + 1, true
		}
		if template {
			buf, end, ok := invalid(i+1, "Octal escape sequences are not allowed in template strings.")
			if l.cookedErrPos == escStart {
				l.cookedErrPos++ // V8 points at the digit
			}
			return buf, end, ok
		}
		// Legacy octal escape: up to three digits, value at most 0377.
		v := int(c - '0')
		j := i + 1
		if j < len(src) && src[j] >= '0' && src[j] <= '7' {
			v = v*8 + int(src[j]-'0')
			j++
			if c <= '3' && j < len(src) && src[j] >= '0' && src[j] <= '7' {
				v = v*8 + int(src[j]-'0')
				j++
			}
		}
		if l.octal == octalNone {
			l.octal = octalEscape
			l.octalPos = escStart + 1
		}
		return append(buf, uint16(v)), j, true
	case '8', '9':
		if template {
			return invalid(i+1, "\\8 and \\9 are not allowed in template strings.")
		}
		if l.octal == octalNone {
			l.octal = octal89Escape
			l.octalPos = escStart
		}
		return append(buf, uint16(c)), i + 1, true
	}
	if c < 0x80 {
		return append(buf, uint16(c)), i + 1, true
	}
	r, n := utf8.DecodeRuneInString(src[i:])
	if r == 0x2028 || r == 0x2029 {
		// LineContinuation.
		return buf, i + n, true
	}
	return appendRune16(buf, r), i + n, true
}

// scanTemplate scans template characters from l.pos (after "`" or "}") up
// to and including "`" or "${". head says whether the token began with "`".
func (l *lexer) scanTemplate(head bool) {
	src := l.src
	i := l.pos
	buf := l.scratch[:0]
	l.cookedInvalid = false
	var raw strings.Builder
	rawStart := i
	needRawCopy := false
	for {
		if i >= len(src) {
			l.fail(l.start, i, "Unterminated template literal")
		}
		c := src[i]
		if c == '`' || c == '$' && i+1 < len(src) && src[i+1] == '{' {
			rawText := src[rawStart:i]
			if needRawCopy {
				raw.WriteString(normalizeCR(rawText))
				l.raw = raw.String()
			} else {
				l.raw = rawText
			}
			if c == '`' {
				i++
				if head {
					l.tok = TNoSubstTemplate
				} else {
					l.tok = TTemplateTail
				}
			} else {
				i += 2
				if head {
					l.tok = TTemplateHead
				} else {
					l.tok = TTemplateMiddle
				}
			}
			break
		}
		switch {
		case c == '\\':
			buf, i, _ = l.scanEscape(buf, i, true)
			if i > 0 && src[i-1] == '\r' {
				needRawCopy = true
			}
		case c == '\r':
			// CR and CRLF are LF in both cooked and raw values.
			needRawCopy = true
			buf = append(buf, '\n')
			i++
			if i < len(src) && src[i] == '\n' {
				i++
			}
		case c < 0x80:
			buf = append(buf, uint16(c))
			i++
		default:
			r, n := utf8.DecodeRuneInString(src[i:])
			buf = appendRune16(buf, r)
			i += n
		}
	}
	l.scratch = buf
	if l.cookedInvalid {
		l.str = nil
	} else {
		l.str = append([]uint16(nil), buf...)
	}
	l.pos = i
	l.end = i
}

// normalizeCR replaces CRLF and CR by LF.
func normalizeCR(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// rescanTemplateContinuation rescans the current `}` token as the start of
// a template middle or tail.
func (l *lexer) rescanTemplateContinuation() {
	l.pos = l.start + 1
	l.scanTemplate(false)
}

// rescanRegExp rescans the current `/` or `/=` token as a regular
// expression literal.
func (l *lexer) rescanRegExp() {
	src := l.src
	i := l.start + 1
	inClass := false
	for {
		if i >= len(src) {
			l.fail(l.start, i, "Invalid regular expression: missing /")
		}
		c := src[i]
		if c == '\n' || c == '\r' {
			l.fail(l.start, i, "Invalid regular expression: missing /")
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(src[i:])
			if r == 0x2028 || r == 0x2029 {
				l.fail(l.start, i, "Invalid regular expression: missing /")
			}
			i += n
			continue
		}
		if c == '\\' {
			i++
			if i < len(src) {
				r, n := l.peekRune(i)
				if isLineTerminator(r) {
					l.fail(l.start, i, "Invalid regular expression: missing /")
				}
				i += n
			}
			continue
		}
		if c == '[' {
			inClass = true
		} else if c == ']' {
			inClass = false
		} else if c == '/' && !inClass {
			break
		}
		i++
	}
	l.regexpPattern = src[l.start+1 : i]
	i++
	flagsStart := i
	for i < len(src) {
		r, n := l.peekRune(i)
		if r == '\\' {
			l.fail(flagsStart, i+1, "Invalid regular expression flags")
		}
		if !isIDContinue(r) {
			break
		}
		i += n
	}
	l.regexpFlags = src[flagsStart:i]
	l.pos = i
	l.end = i
	l.tok = TRegExp
	var seen [128]bool
	for k := 0; k < len(l.regexpFlags); k++ {
		c := l.regexpFlags[k]
		if c >= 128 || strings.IndexByte("dgimsuyv", c) < 0 || seen[c] {
			l.fail(l.start, i, "Invalid regular expression flags")
		}
		seen[c] = true
	}
	if seen['u'] && seen['v'] {
		l.fail(l.start, i, "Invalid regular expression flags")
	}
}

package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// validateRegExp checks a regular expression literal's pattern for the
// early errors ECMA-262 requires (22.2.1), with the Annex B.1.2 grammar
// for patterns without the u (or v) flag. Flags were validated by the
// lexer. start is the offset of the literal's `/`.
func (p *parser) validateRegExp(pattern, flags string, start int) {
	v := regexpValidator{src: pattern, unicode: strings.ContainsAny(flags, "uv"), sets: strings.IndexByte(flags, 'v') >= 0}
	if msg := v.validate(); msg != "" {
		p.fail(start, start+len(pattern)+2+len(flags), fmt.Sprintf("Invalid regular expression: /%s/%s: %s", pattern, flags, msg))
	}
}

// regexpValidator is a recursive-descent recognizer of the pattern
// grammar; it builds nothing.
type regexpValidator struct {
	src     string
	pos     int
	unicode bool // u or v flag
	sets    bool // v flag: class set syntax
	groups  int  // capturing groups in the whole pattern
	names   map[string]bool
	hasName bool // the pattern has a named group (enables \k in Annex B)
	refs    []string
	// stringProp is set when a property of strings was seen (v flag).
	stringProp bool
	depth      int
	err        string
}

// regexpBailout unwinds the validator on the first error.
type regexpBailout struct{}

func (v *regexpValidator) fail(msg string) {
	if v.err == "" {
		v.err = msg
	}
	panic(regexpBailout{})
}

func (v *regexpValidator) validate() (msg string) {
	v.prescan()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(regexpBailout); !ok {
				panic(r)
			}
			msg = v.err
		}
	}()
	v.disjunction()
	if v.pos < len(v.src) {
		if v.src[v.pos] == ')' {
			v.fail("Unmatched ')'")
		}
		v.fail("Unexpected character")
	}
	for _, name := range v.refs {
		if !v.names[name] {
			v.fail("Invalid named capture referenced")
		}
	}
	return ""
}

// prescan counts capturing groups and notes named groups, which decide
// how \N and \k parse.
func (v *regexpValidator) prescan() {
	s := v.src
	inClass := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '(':
			if inClass {
				continue
			}
			if i+1 < len(s) && s[i+1] == '?' {
				if i+2 < len(s) && s[i+2] == '<' && i+3 < len(s) && s[i+3] != '=' && s[i+3] != '!' {
					v.groups++
					v.hasName = true
				}
				continue
			}
			v.groups++
		}
	}
}

func (v *regexpValidator) more() bool { return v.pos < len(v.src) }

func (v *regexpValidator) eat(c byte) bool {
	if v.pos < len(v.src) && v.src[v.pos] == c {
		v.pos++
		return true
	}
	return false
}

func (v *regexpValidator) nextRune() rune {
	r, n := utf8.DecodeRuneInString(v.src[v.pos:])
	v.pos += n
	return r
}

func (v *regexpValidator) disjunction() {
	v.depth++
	if v.depth > 500 {
		v.fail("Regular expression too large")
	}
	v.alternative()
	for v.eat('|') {
		v.alternative()
	}
	v.depth--
}

func (v *regexpValidator) alternative() {
	for v.more() && v.src[v.pos] != '|' && v.src[v.pos] != ')' {
		v.term()
	}
}

// term parses an assertion or an atom with an optional quantifier.
func (v *regexpValidator) term() {
	c := v.src[v.pos]
	quantifiable := true
	switch c {
	case '^', '$':
		v.pos++
		quantifiable = false
	case '\\':
		if v.pos+1 < len(v.src) && (v.src[v.pos+1] == 'b' || v.src[v.pos+1] == 'B') {
			v.pos += 2
			quantifiable = false
		} else {
			v.pos++
			v.atomEscape()
		}
	case '(':
		v.pos++
		if v.eat('?') {
			switch {
			case v.eat(':'):
				v.disjunction()
			case v.eat('='), v.eat('!'):
				v.disjunction()
				// Annex B: lookaheads are quantifiable without u.
				quantifiable = !v.unicode
			case v.src[v.pos:] != "" && v.src[v.pos] == '<':
				v.pos++
				if v.eat('=') || v.eat('!') {
					v.disjunction()
					quantifiable = false
				} else {
					name := v.groupName()
					if v.names == nil {
						v.names = map[string]bool{}
					}
					if v.names[name] {
						v.fail("Duplicate capture group name")
					}
					v.names[name] = true
					v.disjunction()
				}
			default:
				v.fail("Invalid group")
			}
		} else {
			v.disjunction()
		}
		if !v.eat(')') {
			v.fail("Unterminated group")
		}
	case ')':
		v.fail("Unmatched ')'")
	case '[':
		v.pos++
		if v.sets {
			v.classSetBody()
		} else {
			v.classBody()
		}
	case '*', '+', '?':
		v.fail("Nothing to repeat")
	case '{':
		if v.unicode {
			v.fail("Nothing to repeat")
		}
		if v.quantifierBraces(false) {
			v.fail("Nothing to repeat")
		}
		v.pos++
	case '}', ']':
		if v.unicode {
			v.fail("Lone quantifier brackets")
		}
		v.pos++
	default:
		v.nextRune()
	}
	v.quantifier(quantifiable)
}

// quantifier parses an optional quantifier after an atom.
func (v *regexpValidator) quantifier(quantifiable bool) {
	if !v.more() {
		return
	}
	switch v.src[v.pos] {
	case '*', '+', '?':
		v.pos++
	case '{':
		if !v.quantifierBraces(true) {
			if v.unicode {
				v.fail("Incomplete quantifier")
			}
			return
		}
	default:
		return
	}
	if !quantifiable {
		v.fail("Invalid quantifier")
	}
	v.eat('?')
}

// quantifierBraces recognizes {n}, {n,}, {n,m} at pos; when consume is
// set it consumes it and checks the order of the bounds.
func (v *regexpValidator) quantifierBraces(consume bool) bool {
	i := v.pos + 1
	readInt := func() (string, bool) {
		j := i
		for i < len(v.src) && v.src[i] >= '0' && v.src[i] <= '9' {
			i++
		}
		return v.src[j:i], i > j
	}
	lo, ok := readInt()
	if !ok {
		return false
	}
	hi := lo
	if i < len(v.src) && v.src[i] == ',' {
		i++
		hi, _ = readInt()
	}
	if i >= len(v.src) || v.src[i] != '}' {
		return false
	}
	if consume {
		if hi != "" && compareDecimal(lo, hi) > 0 {
			v.fail("numbers out of order in {} quantifier")
		}
		v.pos = i + 1
	}
	return true
}

// compareDecimal compares two unsigned decimal strings.
func compareDecimal(a, b string) int {
	a = strings.TrimLeft(a, "0")
	b = strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// groupName parses `name>` of a named group or \k<name>.
func (v *regexpValidator) groupName() string {
	var b strings.Builder
	first := true
	for {
		if !v.more() {
			v.fail("Invalid capture group name")
		}
		if v.eat('>') {
			break
		}
		var r rune
		if v.eat('\\') {
			if !v.eat('u') {
				v.fail("Invalid capture group name")
			}
			r = v.unicodeEscapeInName()
		} else {
			r = v.nextRune()
			if r >= 0xD800 && r <= 0xDBFF {
				v.fail("Invalid capture group name")
			}
		}
		if first && !isIDStart(r) || !first && !isIDContinue(r) {
			v.fail("Invalid capture group name")
		}
		first = false
		b.WriteRune(r)
	}
	if first {
		v.fail("Invalid capture group name")
	}
	return b.String()
}

// unicodeEscapeInName decodes \uXXXX (with a trailing surrogate pair) or
// \u{X…} inside a group name.
func (v *regexpValidator) unicodeEscapeInName() rune {
	r, ok := v.hexEscapeU(true)
	if !ok {
		v.fail("Invalid Unicode escape")
	}
	return r
}

// hexEscapeU decodes the rest of a \u escape (after `u`). The braced form
// and surrogate pairs are recognized when pairs is set.
func (v *regexpValidator) hexEscapeU(pairs bool) (rune, bool) {
	if v.eat('{') {
		if !pairs {
			return 0, false
		}
		var r rune
		n := 0
		for v.more() && v.src[v.pos] != '}' {
			d := hexVal(v.src[v.pos])
			if d < 0 {
				return 0, false
			}
			r = r*16 + rune(d)
			if r > 0x10FFFF {
				return 0, false
			}
			v.pos++
			n++
		}
		if n == 0 || !v.eat('}') {
			return 0, false
		}
		return r, true
	}
	r, ok := v.hex4(v.pos)
	if !ok {
		return 0, false
	}
	v.pos += 4
	if pairs && r >= 0xD800 && r <= 0xDBFF && strings.HasPrefix(v.src[v.pos:], "\\u") {
		if lo, ok := v.hex4(v.pos + 2); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			v.pos += 6
			return 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00), true
		}
	}
	return r, true
}

func (v *regexpValidator) hex4(i int) (rune, bool) {
	if i+4 > len(v.src) {
		return 0, false
	}
	var r rune
	for k := 0; k < 4; k++ {
		d := hexVal(v.src[i+k])
		if d < 0 {
			return 0, false
		}
		r = r*16 + rune(d)
	}
	return r, true
}

// atomEscape parses the escape after `\` outside a class.
func (v *regexpValidator) atomEscape() {
	if !v.more() {
		v.fail("\\ at end of pattern")
	}
	c := v.src[v.pos]
	switch {
	case c >= '1' && c <= '9':
		start := v.pos
		for v.more() && v.src[v.pos] >= '0' && v.src[v.pos] <= '9' {
			v.pos++
		}
		if compareDecimal(v.src[start:v.pos], fmt.Sprint(v.groups)) <= 0 {
			return
		}
		if v.unicode {
			v.fail("Invalid escape")
		}
		// Annex B: a legacy octal escape or identity escape.
		v.pos = start + 1
		return
	case c == 'k':
		v.pos++
		if v.unicode || v.hasName {
			if !v.eat('<') {
				v.fail("Invalid named reference")
			}
			v.refs = append(v.refs, v.groupName())
		}
		return
	}
	v.characterEscape(false)
}

// characterEscape parses a CharacterEscape or CharacterClassEscape after
// `\` (inClass: inside a character class). It reports whether the escape
// was a class escape such as \d or \p{…}.
func (v *regexpValidator) characterEscape(inClass bool) (isClass bool) {
	c := v.src[v.pos]
	switch c {
	case 'd', 'D', 's', 'S', 'w', 'W':
		v.pos++
		return true
	case 'p', 'P':
		v.pos++
		if v.unicode {
			v.propertyEscape(c == 'P')
			return true
		}
		return false
	case 'f', 'n', 'r', 't', 'v':
		v.pos++
		return false
	case 'c':
		if v.pos+1 < len(v.src) && isASCIILetter(v.src[v.pos+1]) {
			v.pos += 2
			return false
		}
		if inClass && !v.unicode && v.pos+1 < len(v.src) && (v.src[v.pos+1] >= '0' && v.src[v.pos+1] <= '9' || v.src[v.pos+1] == '_') {
			v.pos += 2
			return false
		}
		if v.unicode {
			v.fail("Invalid unicode escape")
		}
		return false // `\c` is a literal backslash then c
	case '0':
		v.pos++
		if v.more() && v.src[v.pos] >= '0' && v.src[v.pos] <= '9' {
			if v.unicode {
				v.fail("Invalid decimal escape")
			}
			for k := 0; k < 2 && v.more() && v.src[v.pos] >= '0' && v.src[v.pos] <= '7'; k++ {
				v.pos++
			}
		}
		return false
	case 'x':
		v.pos++
		if v.pos+2 <= len(v.src) && hexVal(v.src[v.pos]) >= 0 && hexVal(v.src[v.pos+1]) >= 0 {
			v.pos += 2
		} else if v.unicode {
			v.fail("Invalid escape")
		}
		return false
	case 'u':
		v.pos++
		save := v.pos
		if _, ok := v.hexEscapeU(v.unicode); !ok {
			if v.unicode {
				v.fail("Invalid Unicode escape")
			}
			v.pos = save
		}
		return false
	}
	if v.unicode {
		// IdentityEscape[+U]: SyntaxCharacter or `/` (and `-` in a class).
		if strings.IndexByte("^$\\.*+?()[]{}|/", c) >= 0 || inClass && c == '-' {
			v.pos++
			return false
		}
		v.fail("Invalid escape")
	}
	if c >= '1' && c <= '9' && inClass {
		// Legacy octal (up to 0377) or identity in a class (Annex B).
		v.pos++
		if c <= '7' {
			for k := 0; k < 2 && v.more() && v.src[v.pos] >= '0' && v.src[v.pos] <= '7'; k++ {
				if k == 1 && c > '3' {
					break
				}
				v.pos++
			}
		}
		return false
	}
	if c == 'k' && v.hasName && !inClass {
		v.fail("Invalid named reference")
	}
	v.nextRune()
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// propertyEscape parses `{Name}` or `{Name=Value}` after \p or \P.
func (v *regexpValidator) propertyEscape(negated bool) {
	if !v.eat('{') {
		v.fail("Invalid property name")
	}
	end := strings.IndexByte(v.src[v.pos:], '}')
	if end < 0 {
		v.fail("Invalid property name")
	}
	body := v.src[v.pos : v.pos+end]
	v.pos += end + 1
	name, value, hasValue := strings.Cut(body, "=")
	if hasValue {
		switch name {
		case "General_Category", "gc":
			if unicodeGeneralCategories[value] {
				return
			}
		case "Script", "sc", "Script_Extensions", "scx":
			if unicodeScripts[value] {
				return
			}
		}
		v.fail("Invalid property name")
	}
	if unicodeBinaryProps[name] || unicodeGeneralCategories[name] {
		return
	}
	if v.sets && unicodeStringProps[name] {
		if negated {
			v.fail("Invalid property name")
		}
		v.stringProp = true
		return
	}
	v.fail("Invalid property name")
}

// unicodeStringProps are the properties of strings, valid with the v flag only.
var unicodeStringProps = setOf("Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji",
	"RGI_Emoji_Flag_Sequence", "RGI_Emoji_Modifier_Sequence", "RGI_Emoji_Tag_Sequence",
	"RGI_Emoji_ZWJ_Sequence")

// classBody parses a character class after `[` (u or Annex B grammar).
func (v *regexpValidator) classBody() {
	v.eat('^')
	for {
		if !v.more() {
			v.fail("Unterminated character class")
		}
		if v.eat(']') {
			return
		}
		lo, loClass := v.classAtom()
		if v.more() && v.src[v.pos] == '-' && v.pos+1 < len(v.src) && v.src[v.pos+1] != ']' {
			v.pos++
			hi, hiClass := v.classAtom()
			if loClass || hiClass {
				if v.unicode {
					v.fail("Invalid character class")
				}
				continue
			}
			if lo > hi {
				v.fail("Range out of order in character class")
			}
		}
	}
}

// classAtom parses one class atom, returning its code point (or -1 and
// true for a class escape such as \d).
func (v *regexpValidator) classAtom() (rune, bool) {
	if !v.more() {
		v.fail("Unterminated character class")
	}
	if !v.eat('\\') {
		r := v.nextRune()
		if v.unicode && r >= 0xD800 && r <= 0xDBFF {
			return r, false
		}
		return r, false
	}
	if !v.more() {
		v.fail("\\ at end of pattern")
	}
	start := v.pos
	c := v.src[v.pos]
	switch c {
	case 'b':
		v.pos++
		return 8, false
	case '-':
		if v.unicode {
			v.pos++
			return '-', false
		}
	case 'B':
		if v.unicode {
			v.fail("Invalid escape")
		}
	}
	if v.characterEscape(true) {
		return -1, true
	}
	return v.escapeValue(start), false
}

// escapeValue computes the code point of the escape at src[start:pos]
// (after the backslash), for range-order checks.
func (v *regexpValidator) escapeValue(start int) rune {
	s := v.src[start:v.pos]
	if s == "" {
		return '\\'
	}
	switch s[0] {
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'v':
		return '\v'
	case 'c':
		if len(s) == 2 {
			return rune(s[1]) % 32
		}
		return '\\'
	case '0', '1', '2', '3', '4', '5', '6', '7':
		var r rune
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '7' {
				return rune(s[0])
			}
			r = r*8 + rune(s[i]-'0')
		}
		return r
	case 'x':
		if len(s) == 3 {
			return rune(hexVal(s[1])*16 + hexVal(s[2]))
		}
		return 'x'
	case 'u':
		save := v.pos
		v.pos = start + 1
		r, ok := v.hexEscapeU(v.unicode)
		v.pos = save
		if ok {
			return r
		}
		return 'u'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// classSetBody parses a v-mode class leniently: nested classes, set
// operators and \q{…} are accepted; escapes are checked as in u-mode;
// reserved double punctuators and unescaped syntax characters are errors.
func (v *regexpValidator) classSetBody() {
	negated := v.eat('^')
	outerString := v.stringProp
	v.stringProp = false
	prevAtom := false
	for {
		if !v.more() {
			v.fail("Unterminated character class")
		}
		c := v.src[v.pos]
		switch c {
		case ']':
			v.pos++
			if negated && v.stringProp {
				v.fail("Negated character class may contain strings")
			}
			v.stringProp = v.stringProp || outerString
			return
		case '[':
			v.pos++
			v.classSetBody()
			prevAtom = false
			continue
		case '\\':
			v.pos++
			if !v.more() {
				v.fail("\\ at end of pattern")
			}
			if v.src[v.pos] == 'q' {
				v.pos++
				if !v.eat('{') {
					v.fail("Invalid escape")
				}
				for v.more() && v.src[v.pos] != '}' {
					if v.eat('\\') && v.more() {
						v.nextRune()
						continue
					}
					v.nextRune()
				}
				if !v.eat('}') {
					v.fail("Invalid escape")
				}
				v.stringProp = true
				prevAtom = false
				continue
			}
			if strings.IndexByte("&-!#%,:;<=>@`~", v.src[v.pos]) >= 0 || v.src[v.pos] == 'b' {
				v.pos++
				prevAtom = true
				continue
			}
			prevAtom = !v.characterEscape(true)
			continue
		case '(', ')', '{', '}', '/', '|':
			v.fail("Invalid character in character class")
		case '-':
			if v.pos+1 < len(v.src) && v.src[v.pos+1] == '-' {
				v.pos += 2 // set difference
				prevAtom = false
				continue
			}
			if !prevAtom || v.pos+1 >= len(v.src) || v.src[v.pos+1] == ']' {
				v.fail("Invalid set operation in character class")
			}
			v.pos++
			prevAtom = false
			continue
		case '&':
			if v.pos+1 < len(v.src) && v.src[v.pos+1] == '&' {
				if v.src[v.pos-1] == '[' || v.src[v.pos-1] == '^' && v.src[v.pos-2] == '[' {
					v.fail("Invalid set operation in character class")
				}
				if v.pos+2 < len(v.src) && v.src[v.pos+2] == '&' {
					v.fail("Invalid set operation in character class")
				}
				v.pos += 2 // intersection
				prevAtom = false
				continue
			}
		}
		if v.pos+1 < len(v.src) && v.src[v.pos+1] == c && strings.IndexByte("&!#$%*+,.:;<=>?@^`~", c) >= 0 {
			v.fail("Invalid set operation in character class")
		}
		v.nextRune()
		prevAtom = true
	}
}

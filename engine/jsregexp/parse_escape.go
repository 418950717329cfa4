package jsregexp

import "strings"

// atomEscape parses the escape after `\` outside a class: a
// backreference, a character class escape or a character escape.
func (p *parser) atomEscape(back bool) node {
	if !p.more() {
		p.fail("\\ at end of pattern")
	}
	c := p.peek()
	switch {
	case c >= '1' && c <= '9':
		start := p.pos
		n := 0
		for p.more() && p.peek() >= '0' && p.peek() <= '9' {
			if n <= p.totalGroups {
				n = n*10 + int(p.peek()-'0')
			}
			p.pos++
		}
		if n <= p.totalGroups {
			return &backrefNode{group: n, back: back, fold: p.fold, unicode: p.unicode}
		}
		if p.unicode {
			p.fail("Invalid escape")
		}
		// Annex B: a legacy octal escape, or \8 and \9 as themselves.
		p.pos = start
		if c >= '8' {
			p.pos++
			return p.charNode(c, back)
		}
		return p.charNode(p.legacyOctal(), back)
	case c == 'k':
		if p.unicode || p.hasNamed {
			p.pos++
			if !p.eat('<') {
				p.fail("Invalid named reference")
			}
			r := &backrefNode{name: p.groupName(), back: back, fold: p.fold, unicode: p.unicode}
			p.refs = append(p.refs, r)
			return r
		}
	}
	set, ch, isClass := p.characterEscape(false)
	if isClass {
		return p.setNode(set, false, back)
	}
	return p.charNode(ch, back)
}

// legacyOctal parses Annex B's LegacyOctalEscapeSequence at pos: up to
// three octal digits with a value of at most 0377.
func (p *parser) legacyOctal() rune {
	first := p.peek()
	v := first - '0'
	p.pos++
	if d := p.peek(); d >= '0' && d <= '7' {
		v = v*8 + d - '0'
		p.pos++
		if d := p.peek(); first <= '3' && d >= '0' && d <= '7' {
			v = v*8 + d - '0'
			p.pos++
		}
	}
	return v
}

// characterEscape parses a CharacterEscape or CharacterClassEscape after
// `\` (inClass: inside a non-v character class). It returns a set for a
// class escape such as \d or \p{…}, else the escaped character.
func (p *parser) characterEscape(inClass bool) (set charSet, ch rune, isClass bool) {
	c := p.peek()
	switch c {
	case 'd', 'D', 's', 'S', 'w', 'W':
		p.pos++
		switch c {
		case 'd':
			return p.maybeFold(digitSet), 0, true
		case 'D':
			return p.complement(digitSet), 0, true
		case 's':
			return p.maybeFold(spaceSet), 0, true
		case 'S':
			return p.complement(spaceSet), 0, true
		case 'w':
			return p.maybeFold(p.wordChars()), 0, true
		default:
			return p.complement(p.wordChars()), 0, true
		}
	case 'p', 'P':
		if p.unicode {
			p.pos++
			s := p.propertyEscape(c == 'P')
			if c == 'P' {
				return p.complement(s), 0, true
			}
			return p.maybeFold(s), 0, true
		}
	case 'f':
		p.pos++
		return nil, '\f', false
	case 'n':
		p.pos++
		return nil, '\n', false
	case 'r':
		p.pos++
		return nil, '\r', false
	case 't':
		p.pos++
		return nil, '\t', false
	case 'v':
		p.pos++
		return nil, '\v', false
	case 'c':
		if d := p.peekAt(1); d >= 0 && d < 0x80 && isASCIILetter(byte(d)) {
			p.pos += 2
			return nil, d % 32, false
		}
		if d := p.peekAt(1); inClass && !p.unicode && (d >= '0' && d <= '9' || d == '_') {
			p.pos += 2
			return nil, d % 32, false
		}
		if p.unicode {
			p.fail("Invalid Unicode escape")
		}
		return nil, '\\', false // Annex B: the backslash itself; `c` follows
	case '0':
		p.pos++
		if d := p.peek(); d >= '0' && d <= '9' {
			if p.unicode {
				p.fail("Invalid decimal escape")
			}
			if d <= '7' {
				p.pos--
				return nil, p.legacyOctal(), false
			}
		}
		return nil, 0, false
	case 'x':
		p.pos++
		if h1, h2 := hexVal(p.peekAt(0)), hexVal(p.peekAt(1)); h1 >= 0 && h2 >= 0 {
			p.pos += 2
			return nil, rune(h1*16 + h2), false
		}
		if p.unicode {
			p.fail("Invalid escape")
		}
		return nil, 'x', false
	case 'u':
		p.pos++
		save := p.pos
		r, ok := p.hexEscapeU(p.unicode)
		if !ok {
			if p.unicode {
				p.fail("Invalid Unicode escape")
			}
			p.pos = save
			return nil, 'u', false
		}
		return nil, r, false
	}
	if p.unicode {
		// IdentityEscape[+U]: a SyntaxCharacter or `/`, and `-` in a class.
		if c >= 0 && c < 0x80 && strings.IndexByte("^$\\.*+?()[]{}|/", byte(c)) >= 0 || inClass && c == '-' {
			p.pos++
			return nil, c, false
		}
		p.fail("Invalid escape")
	}
	if inClass && c >= '1' && c <= '9' {
		if c >= '8' {
			p.pos++
			return nil, c, false
		}
		return nil, p.legacyOctal(), false
	}
	if c == 'k' && p.hasNamed && !inClass {
		p.fail("Invalid named reference")
	}
	p.pos++
	return nil, c, false
}

// wordChars is WordCharacters: \w, plus U+017F and U+212A under u+i or v+i.
func (p *parser) wordChars() charSet {
	if p.unicode && p.fold != nil {
		return wordSetUnicodeIgnoreCase
	}
	return wordSet
}

// maybeFold stands for MaybeSimpleCaseFolding under v+i. V8 (as of node
// 20) closes class escapes, properties and nested classes over case
// before set operations but leaves single-character operands as
// written; the oracle shows that, e.g. [\p{Lu}--A] still matches "a"
// and "A" while [\p{Lu}--[A]] matches neither. We follow V8.
func (p *parser) maybeFold(s charSet) charSet {
	if p.sets && p.fold != nil {
		return p.fold.closeOver(s)
	}
	return s
}

// complement is CharacterComplement: all characters not in s (under v+i,
// not in its case closure, as V8 does).
func (p *parser) complement(s charSet) charSet {
	return p.maybeFold(s).negate(p.maxChar())
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func hexVal(c rune) int {
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

// hexEscapeU decodes the rest of a \u escape (after `u`). With pairs
// (unicode mode, and group names), \u{…} is recognized and \uHHHH\uHHHH
// spelling a surrogate pair is one code point.
func (p *parser) hexEscapeU(pairs bool) (rune, bool) {
	if p.peek() == '{' && pairs {
		p.pos++
		var r rune
		n := 0
		for p.more() && p.peek() != '}' {
			d := hexVal(p.peek())
			if d < 0 {
				return 0, false
			}
			r = r*16 + rune(d)
			if r > 0x10FFFF {
				return 0, false
			}
			p.pos++
			n++
		}
		if n == 0 || !p.eat('}') {
			return 0, false
		}
		return r, true
	}
	r, ok := p.hex4(p.pos)
	if !ok {
		return 0, false
	}
	p.pos += 4
	if pairs && r >= 0xD800 && r <= 0xDBFF && p.peek() == '\\' && p.peekAt(1) == 'u' {
		if lo, ok := p.hex4(p.pos + 2); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			p.pos += 6
			return 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00), true
		}
	}
	return r, true
}

func (p *parser) hex4(i int) (rune, bool) {
	if i+4 > len(p.src) {
		return 0, false
	}
	var r rune
	for k := 0; k < 4; k++ {
		d := hexVal(p.src[i+k])
		if d < 0 {
			return 0, false
		}
		r = r*16 + rune(d)
	}
	return r, true
}

// groupName parses `name>` of a named group or \k<name>.
func (p *parser) groupName() string {
	if p.idStart == nil {
		ids, _ := propertySet("ID_Start")
		idc, _ := propertySet("ID_Continue")
		p.idStart = ids.union(setOfRunes('$', '_'))
		p.idContinue = idc.union(setOfRunes('$', 0x200C, 0x200D))
	}
	var b []rune
	for {
		if !p.more() {
			p.fail("Invalid capture group name")
		}
		if p.eat('>') {
			break
		}
		var r rune
		if p.eat('\\') {
			if !p.eat('u') {
				p.fail("Invalid capture group name")
			}
			var ok bool
			if r, ok = p.hexEscapeU(true); !ok {
				p.fail("Invalid Unicode escape")
			}
		} else {
			r = p.peek()
			p.pos++
			if r >= 0xD800 && r <= 0xDBFF {
				// Without u the pattern is code units; a pair is one character.
				if d := p.peek(); d >= 0xDC00 && d <= 0xDFFF {
					r = 0x10000 + (r-0xD800)<<10 + (d - 0xDC00)
					p.pos++
				}
			}
		}
		set := p.idContinue
		if len(b) == 0 {
			set = p.idStart
		}
		if !set.contains(r) {
			p.fail("Invalid capture group name")
		}
		b = append(b, r)
	}
	if len(b) == 0 {
		p.fail("Invalid capture group name")
	}
	return string(b)
}

// stringProperties are the properties of strings (v mode only).
var stringProperties = []string{"Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji",
	"RGI_Emoji_Flag_Sequence", "RGI_Emoji_Modifier_Sequence", "RGI_Emoji_Tag_Sequence",
	"RGI_Emoji_ZWJ_Sequence"}

// propertyEscape parses `{Name}` or `{Name=Value}` after \p or \P.
func (p *parser) propertyEscape(negated bool) charSet {
	if !p.eat('{') {
		p.fail("Invalid property name")
	}
	start := p.pos
	for p.more() && p.peek() != '}' {
		p.pos++
	}
	if !p.more() {
		p.fail("Invalid property name")
	}
	body := string(p.src[start:p.pos])
	p.pos++
	if s, ok := propertySet(body); ok {
		return s
	}
	if p.sets && !negated {
		for _, n := range stringProperties {
			if body == n {
				p.fail("Unsupported property of strings")
			}
		}
	}
	p.fail("Invalid property name")
	return nil
}

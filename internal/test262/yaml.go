package test262

import (
	"fmt"
	"strings"
)

// This file is a parser for the small subset of YAML that test262
// frontmatter uses, so the module needs no YAML dependency:
//
//   - a top-level mapping of keys to values (the whole block may be indented);
//   - plain scalars, possibly continued on more-indented lines (folded);
//   - single- and double-quoted scalars;
//   - block scalars, literal (|) or folded (>), with chomping indicators;
//   - flow sequences ([a, b, "c"]), possibly spanning lines;
//   - block sequences (- item lines);
//   - one level of nested mapping of scalars (negative: {phase, type});
//   - comments (# …) and CRLF line ends.

type yamlKind int

const (
	yamlScalar yamlKind = iota
	yamlList
	yamlMap
)

// yamlValue is one parsed value: a scalar, a list of scalars or a mapping of
// scalars.
type yamlValue struct {
	kind    yamlKind
	scalar  string
	list    []string
	mapping map[string]string
}

type yamlLine struct {
	no     int // 1-based, within the frontmatter
	indent int
	text   string // without indentation and trailing space
}

// parseYAML parses a frontmatter document into its top-level keys.
func parseYAML(src string) (map[string]yamlValue, error) {
	var lines []yamlLine
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n") // some tests use CR line ends on purpose
	for i, raw := range strings.Split(src, "\n") {
		raw = strings.TrimRight(raw, " \t\r")
		text := strings.TrimLeft(raw, " \t")
		lines = append(lines, yamlLine{no: i + 1, indent: len(raw) - len(text), text: text})
	}
	p := &yamlParser{lines: lines, base: -1}
	return p.document()
}

type yamlParser struct {
	lines []yamlLine
	pos   int
	base  int // indentation of top-level keys
}

func isBlankOrComment(l yamlLine) bool { return l.text == "" || l.text[0] == '#' }

func (p *yamlParser) document() (map[string]yamlValue, error) {
	doc := map[string]yamlValue{}
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		if isBlankOrComment(l) {
			p.pos++
			continue
		}
		if p.base < 0 {
			p.base = l.indent
		}
		if l.indent != p.base {
			return nil, fmt.Errorf("line %d: unexpected indentation", l.no)
		}
		key, rest, ok := splitKey(l.text)
		if !ok {
			return nil, fmt.Errorf("line %d: want \"key: value\", got %q", l.no, l.text)
		}
		if _, dup := doc[key]; dup {
			return nil, fmt.Errorf("line %d: duplicate key %q", l.no, key)
		}
		p.pos++
		v, err := p.value(l, rest)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		doc[key] = v
	}
	return doc, nil
}

// splitKey splits "key: rest" (or "key:"); keys are plain words.
func splitKey(text string) (key, rest string, ok bool) {
	i := strings.IndexByte(text, ':')
	if i <= 0 || (i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\t') {
		return "", "", false
	}
	key = text[:i]
	for _, c := range key {
		if !(c == '_' || c == '-' || c == '.' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", "", false
		}
	}
	return key, strings.TrimSpace(text[i+1:]), true
}

// value parses the value of the key on line l, whose text after the colon is
// rest; it consumes continuation lines.
func (p *yamlParser) value(l yamlLine, rest string) (yamlValue, error) {
	rest = stripComment(rest)
	switch {
	case rest == "":
		return p.nested(l)
	case rest[0] == '|' || rest[0] == '>':
		s, err := p.blockScalar(l, rest)
		return yamlValue{kind: yamlScalar, scalar: s}, err
	case rest[0] == '[':
		return p.flowSequence(l, rest)
	case rest[0] == '\'' || rest[0] == '"':
		s, err := p.quoted(l, rest)
		return yamlValue{kind: yamlScalar, scalar: s}, err
	default:
		return yamlValue{kind: yamlScalar, scalar: p.plainContinuation(rest)}, nil
	}
}

// continuation returns the lines after the current position that belong to
// a value (more indented than the top-level keys, or blank), advancing past
// them; trailing blank lines are left alone.
func (p *yamlParser) continuation() []yamlLine {
	end := p.pos
	last := p.pos
	for end < len(p.lines) {
		l := p.lines[end]
		if l.text != "" && l.indent <= p.base {
			break
		}
		end++
		if l.text != "" {
			last = end
		}
	}
	out := p.lines[p.pos:last]
	p.pos = last
	return out
}

// plainContinuation folds a plain scalar's more-indented continuation lines
// into it.
func (p *yamlParser) plainContinuation(first string) string {
	parts := []string{first}
	for _, l := range p.continuation() {
		if l.text != "" {
			parts = append(parts, stripComment(l.text))
		}
	}
	return strings.Join(parts, " ")
}

// nested parses what follows "key:" on its own: a block sequence, a mapping
// of scalars, or a multi-line plain scalar.
func (p *yamlParser) nested(key yamlLine) (yamlValue, error) {
	// A block sequence may sit at the key's own indentation ("key:\n- a").
	var lines []yamlLine
	if p.pos < len(p.lines) && p.lines[p.pos].indent == p.base && strings.HasPrefix(p.lines[p.pos].text, "-") {
		for p.pos < len(p.lines) {
			l := p.lines[p.pos]
			if isBlankOrComment(l) || (l.indent == p.base && strings.HasPrefix(l.text, "-")) || l.indent > p.base {
				lines = append(lines, l)
				p.pos++
				continue
			}
			break
		}
	} else {
		lines = p.continuation()
	}
	var first *yamlLine
	for i := range lines {
		if !isBlankOrComment(lines[i]) {
			first = &lines[i]
			break
		}
	}
	if first == nil {
		return yamlValue{kind: yamlScalar}, nil
	}
	if first.text == "-" || strings.HasPrefix(first.text, "- ") {
		var items []string
		for _, l := range lines {
			if isBlankOrComment(l) {
				continue
			}
			if l.indent != first.indent || !(l.text == "-" || strings.HasPrefix(l.text, "- ")) {
				return yamlValue{}, fmt.Errorf("line %d: want a \"- item\" line", l.no)
			}
			item, err := scalarText(strings.TrimSpace(stripComment(l.text[1:])), l.no)
			if err != nil {
				return yamlValue{}, err
			}
			items = append(items, item)
		}
		return yamlValue{kind: yamlList, list: items}, nil
	}
	if _, _, ok := splitKey(first.text); ok {
		m := map[string]string{}
		for _, l := range lines {
			if isBlankOrComment(l) {
				continue
			}
			k, v, ok := splitKey(l.text)
			if !ok || l.indent != first.indent {
				return yamlValue{}, fmt.Errorf("line %d: want \"key: value\" in nested mapping", l.no)
			}
			s, err := scalarText(stripComment(v), l.no)
			if err != nil {
				return yamlValue{}, err
			}
			m[k] = s
		}
		return yamlValue{kind: yamlMap, mapping: m}, nil
	}
	var parts []string
	for _, l := range lines {
		if l.text != "" {
			parts = append(parts, l.text)
		}
	}
	return yamlValue{kind: yamlScalar, scalar: strings.Join(parts, " ")}, nil
}

// blockScalar parses a literal (|) or folded (>) block scalar whose header
// is the rest of line key.
func (p *yamlParser) blockScalar(key yamlLine, header string) (string, error) {
	folded := header[0] == '>'
	chomp := byte(0)
	for _, c := range []byte(header[1:]) {
		switch {
		case c == '-' || c == '+':
			chomp = c
		case c >= '1' && c <= '9', c == ' ', c == '\t':
		default:
			return "", fmt.Errorf("line %d: bad block scalar header %q", key.no, header)
		}
	}
	lines := p.continuation()
	indent := -1
	for _, l := range lines {
		if l.text != "" {
			if indent < 0 || l.indent < indent {
				indent = l.indent
			}
		}
	}
	var b strings.Builder
	for i, l := range lines {
		text := ""
		if l.text != "" {
			text = strings.Repeat(" ", l.indent-indent) + l.text
		}
		if i > 0 {
			prev := lines[i-1]
			switch {
			case !folded || text == "":
				// Literal blocks keep every break; in folded ones an
				// empty line stands for one newline.
				b.WriteByte('\n')
			case prev.text == "":
				// The break before a run of empty lines is folded away.
			case l.indent > indent || prev.indent > indent:
				// More-indented lines keep their line breaks.
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(text)
	}
	s := strings.TrimRight(b.String(), "\n")
	switch chomp {
	case '-':
		return s, nil
	case '+':
		return s + "\n", nil
	}
	if s == "" {
		return "", nil
	}
	return s + "\n", nil
}

// flowSequence parses "[a, b, 'c']", which may continue on following lines.
func (p *yamlParser) flowSequence(key yamlLine, first string) (yamlValue, error) {
	text := first
	for !strings.Contains(stripComment(text), "]") {
		if next := p.lines[min(p.pos, len(p.lines)-1)]; p.pos >= len(p.lines) ||
			(next.text != "" && next.indent <= p.base && !strings.HasPrefix(next.text, "]")) {
			return yamlValue{}, fmt.Errorf("line %d: unterminated flow sequence", key.no)
		}
		text += " " + stripComment(p.lines[p.pos].text)
		p.pos++
	}
	text = stripComment(text)
	if !strings.HasSuffix(text, "]") {
		return yamlValue{}, fmt.Errorf("line %d: text after flow sequence", key.no)
	}
	inner := strings.TrimSpace(text[1 : len(text)-1])
	items := []string{}
	if inner == "" {
		return yamlValue{kind: yamlList, list: items}, nil
	}
	for _, part := range splitFlow(inner) {
		s, err := scalarText(strings.TrimSpace(part), key.no)
		if err != nil {
			return yamlValue{}, err
		}
		if s != "" {
			items = append(items, s)
		}
	}
	return yamlValue{kind: yamlList, list: items}, nil
}

// splitFlow splits flow-sequence items on commas outside quotes.
func splitFlow(s string) []string {
	var parts []string
	var quote byte
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == ',':
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// quoted parses a quoted scalar, which may continue on following lines.
func (p *yamlParser) quoted(key yamlLine, first string) (string, error) {
	text := first
	for !quoteClosed(text) {
		if p.pos >= len(p.lines) {
			return "", fmt.Errorf("line %d: unterminated quoted string", key.no)
		}
		text += " " + p.lines[p.pos].text
		p.pos++
	}
	return scalarText(stripComment(text), key.no)
}

// quoteClosed reports whether the quoted scalar starting text is complete.
func quoteClosed(text string) bool {
	q := text[0]
	for i := 1; i < len(text); i++ {
		switch {
		case q == '"' && text[i] == '\\':
			i++
		case text[i] == q:
			if q == '\'' && i+1 < len(text) && text[i+1] == '\'' {
				i++
				continue
			}
			return true
		}
	}
	return false
}

// scalarText unquotes a scalar if quoted; plain scalars are returned as is.
func scalarText(s string, line int) (string, error) {
	if s == "" || (s[0] != '\'' && s[0] != '"') {
		return s, nil
	}
	q := s[0]
	if len(s) < 2 || s[len(s)-1] != q {
		return "", fmt.Errorf("line %d: bad quoted string %s", line, s)
	}
	body := s[1 : len(s)-1]
	if q == '\'' {
		return strings.ReplaceAll(body, "''", "'"), nil
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 == len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		switch body[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '0':
			b.WriteByte(0)
		default: // \\, \", \/ and anything we do not need to know
			b.WriteByte(body[i])
		}
	}
	return b.String(), nil
}

// stripComment removes a trailing " # comment" outside quotes.
func stripComment(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case (c == '\'' || c == '"') && (i == 0 || s[i-1] == ' ' || s[i-1] == '[' || s[i-1] == ','):
			quote = c
		case c == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return s
}

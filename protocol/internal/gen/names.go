package main

import (
	"strings"
	"unicode"
)

// initialisms are the words written in capitals in Go names, as Go (and
// cdproto) do: scriptId → ScriptID, sourceMapURL → SourceMapURL.
var initialisms = map[string]string{
	"api":  "API",
	"css":  "CSS",
	"dom":  "DOM",
	"html": "HTML",
	"http": "HTTP",
	"id":   "ID",
	"ids":  "IDs",
	"json": "JSON",
	"uri":  "URI",
	"url":  "URL",
	"urls": "URLs",
	"uuid": "UUID",
	"xml":  "XML",
}

// goName turns a protocol name (camelCase, or an enum value such as
// "wasm-expression-stack" or "CSPViolation") into an exported Go name.
// Words break at '-', '_', ' ', '.' and where a lower-case letter or digit
// is followed by an upper-case one; a run of capitals stays one word
// (consoleAPICalled → Console, APICalled).
func goName(s string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '_' || r == ' ' || r == '.'
	}) {
		for _, w := range splitCamel(part) {
			if up, ok := initialisms[strings.ToLower(w)]; ok {
				b.WriteString(up)
				continue
			}
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
	}
	name := b.String()
	if name == "" || !unicode.IsLetter([]rune(name)[0]) {
		name = "V" + name
	}
	return name
}

// splitCamel splits s before each upper-case letter that follows a
// lower-case letter or a digit.
func splitCamel(s string) []string {
	var words []string
	r := []rune(s)
	start := 0
	for i := 1; i < len(r); i++ {
		if unicode.IsUpper(r[i]) && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1])) {
			words = append(words, string(r[start:i]))
			start = i
		}
	}
	return append(words, string(r[start:]))
}

// packageName is the Go package of a domain: its name in lower case.
func packageName(domain string) string { return strings.ToLower(domain) }

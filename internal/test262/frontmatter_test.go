package test262

import (
	"reflect"
	"strings"
	"testing"
)

// The headers below are shaped like real test262 frontmatter (folded and
// literal descriptions, flow and block lists, nested negative, comments,
// indentation, CRLF); the code around them is ours.

func TestParseMetadataFlowLists(t *testing.T) {
	src := `// Copyright (C) 2016 the V8 project authors. All rights reserved.
/*---
esid: sec-array.prototype.includes
description: >
  Returns false when the value is not found, even
  across a folded line
info: |
  1. Let O be ? ToObject(this value).
  2. Let len be ? LengthOfArrayLike(O).

  Keep this indented:
    - as is
includes: [compareArray.js, propertyHelper.js]
flags: [onlyStrict]
features: [Array.prototype.includes, Symbol]
---*/
assert.sameValue([1].includes(2), false);
`
	m, err := ParseMetadata(src)
	if err != nil {
		t.Fatal(err)
	}
	if m.ESID != "sec-array.prototype.includes" {
		t.Errorf("esid = %q", m.ESID)
	}
	if want := "Returns false when the value is not found, even across a folded line\n"; m.Description != want {
		t.Errorf("description = %q, want %q", m.Description, want)
	}
	wantInfo := "1. Let O be ? ToObject(this value).\n2. Let len be ? LengthOfArrayLike(O).\n\nKeep this indented:\n  - as is\n"
	if m.Info != wantInfo {
		t.Errorf("info = %q, want %q", m.Info, wantInfo)
	}
	check(t, "includes", m.Includes, []string{"compareArray.js", "propertyHelper.js"})
	check(t, "flags", m.Flags, []string{"onlyStrict"})
	check(t, "features", m.Features, []string{"Array.prototype.includes", "Symbol"})
	if !m.HasFlag(FlagOnlyStrict) || m.HasFlag(FlagNoStrict) {
		t.Errorf("HasFlag wrong for %v", m.Flags)
	}
	if m.Negative != nil {
		t.Errorf("negative = %+v, want nil", m.Negative)
	}
}

func TestParseMetadataNegative(t *testing.T) {
	src := `/*---
description: The early error comes before evaluation
esid: sec-let-and-const-declarations-static-semantics-early-errors
negative:
  phase: parse
  type: SyntaxError
flags: [module] # a comment
---*/

$DONOTEVALUATE();
let x; let x;
`
	m, err := ParseMetadata(src)
	if err != nil {
		t.Fatal(err)
	}
	if m.Negative == nil || m.Negative.Phase != PhaseParse || m.Negative.Type != "SyntaxError" {
		t.Fatalf("negative = %+v", m.Negative)
	}
	check(t, "flags", m.Flags, []string{"module"})
	if m.Description != "The early error comes before evaluation" {
		t.Errorf("description = %q", m.Description)
	}
}

func TestParseMetadataBlockListsAndIndentation(t *testing.T) {
	// Block sequences, a whole block indented by one space, quoted items,
	// CRLF line ends and a chomped literal.
	src := "/*---\r\n" +
		" description: |-\r\n" +
		"   Two lines,\r\n" +
		"   kept apart\r\n" +
		" features:\r\n" +
		"   - Intl.DateTimeFormat-dayPeriod\r\n" +
		"   - \"quoted-feature\"\r\n" +
		" flags:\r\n" +
		" - noStrict\r\n" +
		" locale: [en, 'en-US']\r\n" +
		" author: Someone\r\n" +
		"   Else\r\n" +
		"---*/\r\n"
	m, err := ParseMetadata(src)
	if err != nil {
		t.Fatal(err)
	}
	if m.Description != "Two lines,\nkept apart" {
		t.Errorf("description = %q", m.Description)
	}
	check(t, "features", m.Features, []string{"Intl.DateTimeFormat-dayPeriod", "quoted-feature"})
	check(t, "flags", m.Flags, []string{"noStrict"})
	check(t, "locale", m.Locale, []string{"en", "en-US"})
	if m.Author != "Someone Else" {
		t.Errorf("author = %q", m.Author)
	}
}

func TestParseMetadataMultilineFlowList(t *testing.T) {
	src := `/*---
description: x
features: [
  async-iteration,
  Symbol.asyncIterator
]
flags: []
---*/`
	m, err := ParseMetadata(src)
	if err != nil {
		t.Fatal(err)
	}
	check(t, "features", m.Features, []string{"async-iteration", "Symbol.asyncIterator"})
	if len(m.Flags) != 0 {
		t.Errorf("flags = %v, want none", m.Flags)
	}
}

func TestParseMetadataErrors(t *testing.T) {
	for name, src := range map[string]string{
		"no frontmatter":  "var x = 1;",
		"unclosed":        "/*---\ndescription: x\n",
		"bad negative":    "/*---\nnegative:\n  phase: early\n  type: SyntaxError\n---*/",
		"negative scalar": "/*---\nnegative: SyntaxError\n---*/",
		"missing type":    "/*---\nnegative:\n  phase: parse\n---*/",
		"unclosed list":   "/*---\nflags: [onlyStrict\ndescription: x\n---*/",
		"not a mapping":   "/*---\njust words\n---*/",
		"duplicate key":   "/*---\nflags: [raw]\nflags: [async]\n---*/",
		"list as string":  "/*---\ndescription: [a, b]\n---*/",
	} {
		if _, err := ParseMetadata(src); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestParseMetadataFoldedKeepsMoreIndentedLines(t *testing.T) {
	src := "/*---\ndescription: >\n  a\n  b\n\n  c\n    d\n---*/"
	m, err := ParseMetadata(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a b\nc\n  d\n"; m.Description != want {
		t.Errorf("description = %q, want %q", m.Description, want)
	}
	if strings.Contains(m.Description, "---") {
		t.Errorf("description ran past the frontmatter")
	}
}

func check(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

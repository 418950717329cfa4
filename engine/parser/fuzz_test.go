package parser

import (
	"os"
	"strings"
	"testing"
)

// fuzzSeeds are inputs that exercise the grammar's traps.
var fuzzSeeds = []string{
	"a / b / c; x = /re/g.test(y)",
	"`a${b}c${`d${e}`}`; tag`\\unicode`",
	"({a = 1} = b); [a, ...b] = c; ({...x} = y)",
	"async (a, {b}) => { await a; for await (const x of y) {} }",
	"class A extends B { #x = 1; static { this.y = 2 } get z() { return #x in this } constructor() { super() } }",
	"function* g() { yield* a; yield\nb }",
	"a?.b?.[c]?.(d); a ?? b; a ||= b; a **= 2",
	"label: for (;;) { continue label; break label }",
	"if (a) function f() {} else let\nx = 1",
	"<!-- html comment\n--> close\nx",
	"0x1F_FF; 1_000n; .5e-3; 017; 08.5; '\\07'",
	"let \\u0061b = 1; var \\u{62}c",
	"import x, {y as z, 'w' as v} from 'm'; export * as ns from 'n'; export default class {}",
	"switch (x) { case 1: let y; default: }",
	"try {} catch ({a, b: [c]}) {} finally {}",
	"with (o) { x }",
	"'use strict'; 010",
	"(a, b) => a + b, async x => x, () => ({})",
	"new new X()(); new.target; import.meta; import('m')",
	"x = {get a() {}, set a(v) {}, async *b() {}, [c]: d, e, __proto__: f}",
}

// FuzzParse checks that any input ends in a tree or a *SyntaxError: no
// panic, no hang. Run with: go test -fuzz FuzzParse ./engine/parser
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	if data, err := os.ReadFile("testdata/bench.js"); err == nil {
		f.Add(string(data), false)
	}
	f.Fuzz(func(t *testing.T, src string, module bool) {
		prog, err := Parse(src, Options{Filename: "fuzz.js", Module: module})
		if err != nil {
			se, ok := err.(*SyntaxError)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if se.Line < 1 || se.Column < 1 || se.Start < 0 || se.Start > len(src) {
				t.Fatalf("bad error position: %+v", se)
			}
			return
		}
		for i, fn := range prog.Functions {
			if fn.ID != i || fn.Start < 0 || int(fn.End) > len(src) || fn.Start > fn.End {
				t.Fatalf("function %d: id %d range %v", i, fn.ID, fn.Range)
			}
		}
	})
}

// FuzzLex checks that the lexer alone never panics on any input.
func FuzzLex(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var l lexer
		lexAll(&l, src)
	})
}

// TestDeepNesting checks that deeply nested input reports V8's "Maximum
// call stack size exceeded" (flagged RangeError) instead of crashing.
func TestDeepNesting(t *testing.T) {
	const n = 200000
	for _, src := range []string{
		strings.Repeat("[", n),
		strings.Repeat("(", n),
		strings.Repeat("{", n),
		strings.Repeat("!", n) + "x",
		"x" + strings.Repeat("+x", n),
		"x" + strings.Repeat(".y", n),
		"x" + strings.Repeat("()", n),
		strings.Repeat("a=>", n) + "a",
		strings.Repeat("x**", n) + "x",
		strings.Repeat("if (a) ", n) + ";",
		strings.Repeat("`${", n),
		strings.Repeat("function f(){", n),
		strings.Repeat("a?b:", n) + "c",
		strings.Repeat("new ", n) + "X",
	} {
		_, err := ParseScript("deep.js", src)
		se, ok := err.(*SyntaxError)
		if !ok || !se.RangeError || se.Msg != "Maximum call stack size exceeded" {
			t.Errorf("%.20q…: got %v", src, err)
		}
	}
	// Ordinary nesting is fine.
	if _, err := ParseScript("ok.js", strings.Repeat("[", 500)+strings.Repeat("]", 500)); err != nil {
		t.Error(err)
	}
}

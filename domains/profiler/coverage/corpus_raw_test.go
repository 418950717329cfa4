package coverage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// These tests rebuild, for some corpus functions, the raw counters V8
// keeps — the slots its bytecode generator allocates for the function's
// syntax and the counts node's run left in them — and check that Collect
// turns them into exactly what node reported, in all four precise modes
// from the same raw data. Ranges are located in the corpus source by text,
// so each case reads as the JavaScript it covers.
//
// Slot rules used (V8's parser and SourceRangeAstVisitor): a function-
// scope slot; a range per then/else branch, loop body, case clause, catch
// and finally; a singleton continuation after if, loop, switch, try and
// jump statements (return, break, continue, throw), after a yield, and
// after the right operand of && || ?? and the branches of ?: (which start
// at their operator: `|| b`, `? 1`, `: 0`); the continuation of the last
// statement of a block or function body is removed, and of several
// continuations at one position only the outermost (first in source
// pre-order) is kept.

// corpus reads a corpus file.
func corpus(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// utf16Offset converts a byte offset in src to a UTF-16 offset.
func utf16Offset(src string, byteOff int) int {
	return len(utf16.Encode([]rune(src[:byteOff])))
}

// find returns the byte offset of text inside the only occurrence of ctx.
func find(t *testing.T, src, ctx, text string) int {
	t.Helper()
	i := strings.Index(src, ctx)
	if i < 0 || strings.Contains(src[i+1:], ctx) {
		t.Fatalf("context %q not found once", ctx)
	}
	j := strings.Index(ctx, text)
	if j < 0 {
		t.Fatalf("%q not in %q", text, ctx)
	}
	return i + j
}

// span returns the UTF-16 range of text inside the only occurrence of ctx.
func span(t *testing.T, src, ctx, text string) (int, int) {
	t.Helper()
	b := find(t, src, ctx, text)
	return utf16Offset(src, b), utf16Offset(src, b+len(text))
}

// braces returns the UTF-16 range from the `{` at text (inside ctx) to
// just past its matching `}`. The corpus functions used here have no
// braces in strings or comments.
func braces(t *testing.T, src, ctx, text string) (int, int) {
	t.Helper()
	b := find(t, src, ctx, text)
	b += strings.Index(src[b:], "{")
	depth := 0
	for i := b; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return utf16Offset(src, b), utf16Offset(src, i+1)
			}
		}
	}
	t.Fatalf("no matching brace for %q", text)
	return 0, 0
}

// fnRange returns the UTF-16 range of the function declaration starting
// with header: from its `function` keyword through its closing brace.
func fnRange(t *testing.T, src, header string) (int, int) {
	t.Helper()
	start, _ := span(t, src, header, header)
	_, end := braces(t, src, header, header)
	return start, end
}

// rng and sing build a full-range slot and a position singleton.
func rng(start, end int, count uint32) Slot { return Slot{start, end, count} }
func sing(pos int, count uint32) Slot       { return Slot{pos, NoPosition, count} }

// rawCase is one corpus function's raw coverage.
type rawCase struct {
	script string
	fn     Function
}

// expectedFunction finds a function's first-take coverage in a mode.
func expectedFunction(t *testing.T, exp map[string]expectation, script, mode, name string, start int) (functionJSON, bool) {
	t.Helper()
	e, ok := exp[script]
	if !ok {
		t.Fatalf("no expectation for %s", script)
	}
	for _, s := range e.Modes[mode].First {
		if s.URL != script {
			continue
		}
		for _, f := range s.Functions {
			if f.FunctionName == name && f.Ranges[0].StartOffset == start {
				return f, true
			}
		}
	}
	return functionJSON{}, false
}

func TestCorpusRawCounters(t *testing.T) {
	exp := map[string]expectation{}
	for _, e := range loadExpectations(t) {
		exp[e.Script] = e
	}
	var cases []rawCase
	add := func(script string, fn Function) { cases = append(cases, rawCase{script, fn}) }

	// early_return.js
	{
		src := corpus(t, "early_return.js")

		// for (…) { if (arr[i] === x) return i; } return -1;
		// find([1,2,3], 2) returns in the loop; find(…, 9) runs it out.
		s, e := fnRange(t, src, "function find(")
		bs, be := braces(t, src, "i < arr.length; i++) {", "{")
		ts, te := span(t, src, "if (arr[i] === x) return i;", "return i;")
		add("early_return.js", Function{Start: s, End: e, Name: "find", Count: 2, HasCoverageInfo: true,
			Slots: []Slot{fs(2), rng(bs, be, 5), rng(ts, te, 1), sing(be, 1)}})

		// if (!obj) return "none"; if (!obj.name) { return "anonymous"; } …
		s, e = fnRange(t, src, "function guard(")
		t1s, t1e := span(t, src, `if (!obj) return "none";`, `return "none";`)
		t2s, t2e := braces(t, src, "if (!obj.name) {", "{")
		add("early_return.js", Function{Start: s, End: e, Name: "guard", Count: 3, HasCoverageInfo: true,
			Slots: []Slot{fs(3), rng(t1s, t1e, 1), sing(t1e, 2), rng(t2s, t2e, 1), sing(t2e, 1)}})

		// if (x) return; console.log(…): the return's own continuation
		// coincides with the if's and is dropped by the parser.
		s, e = fnRange(t, src, "function bare(")
		ts, te = span(t, src, "if (x) return;", "return;")
		add("early_return.js", Function{Start: s, End: e, Name: "bare", Count: 2, HasCoverageInfo: true,
			Slots: []Slot{fs(2), rng(ts, te, 1), sing(te, 1)}})

		// return 1; console.log("dead"): the continuation never ran.
		s, e = fnRange(t, src, "function deadCode(")
		_, re := span(t, src, "return 1;\n  console", "return 1;")
		add("early_return.js", Function{Start: s, End: e, Name: "deadCode", Count: 1, HasCoverageInfo: true,
			Slots: []Slot{fs(1), sing(re, 0)}})
	}

	// loops_break_continue.js, the top level: a loop with `continue`. The
	// loop is the script's last statement, so it has no continuation.
	{
		src := corpus(t, "loops_break_continue.js")
		bs, be := braces(t, src, "for (var k = 0; k < 3; k++) {", "{")
		cs, ce := span(t, src, "if (k === 1) continue;", "continue;")
		add("loops_break_continue.js", Function{Start: 0, End: utf16Offset(src, len(src)), TopLevel: true,
			Count: 1, HasCoverageInfo: true,
			Slots: []Slot{fs(1), rng(bs, be, 3), rng(cs, ce, 1), sing(ce, 2)}})
	}

	// switch_fallthrough.js: case clauses run from `case` to their last
	// statement; the switch's continuation follows its closing brace.
	{
		src := corpus(t, "switch_fallthrough.js")
		s, e := fnRange(t, src, "function withReturn(")
		as, ae := span(t, src, "case \"a\":\n      return 1;", "case \"a\":\n      return 1;")
		bs, be := span(t, src, "case \"b\":\n      return 2;", "case \"b\":\n      return 2;")
		_, swe := braces(t, src, "switch (s) {", "{")
		add("switch_fallthrough.js", Function{Start: s, End: e, Name: "withReturn", Count: 3, HasCoverageInfo: true,
			Slots: []Slot{fs(3), rng(as, ae, 1), rng(bs, be, 1), sing(swe, 1)}})
	}

	// generators.js: the feedback vector counts every entry to the
	// generator's bytecode (2 calls + 5 resumptions = 7); the
	// function-scope counter counts calls only.
	{
		src := corpus(t, "generators.js")
		s, e := fnRange(t, src, "function* range(")
		bs, be := braces(t, src, "i < n; i++) {", "{")
		_, ye := span(t, src, "yield i;", "yield i;")
		add("generators.js", Function{Start: s, End: e, Name: "range", Count: 7, HasCoverageInfo: true,
			Slots: []Slot{fs(2), rng(bs, be, 4), sing(ye, 3), sing(be, 1)}})
	}

	// conditional.js: x > 0 ? 1 : x < 0 ? -1 : 0, ranges from `?` and `:`.
	{
		src := corpus(t, "conditional.js")
		s, e := fnRange(t, src, "function sign(")
		ctx := "x > 0 ? 1 : x < 0 ? -1 : 0"
		t1s, t1e := span(t, src, ctx, "? 1")
		e1s, e1e := span(t, src, ctx, ": x < 0 ? -1 : 0")
		t2s, t2e := span(t, src, ctx, "? -1")
		e2s, e2e := span(t, src, ctx, ": 0")
		add("conditional.js", Function{Start: s, End: e, Name: "sign", Count: 4, HasCoverageInfo: true,
			Slots: []Slot{fs(4), rng(t1s, t1e, 2), rng(e1s, e1e, 2), rng(t2s, t2e, 1), rng(e2s, e2e, 1)}})
	}

	// logical_nullish.js: a || b || c, ranges from each `||`.
	{
		src := corpus(t, "logical_nullish.js")
		s, e := fnRange(t, src, "function or(")
		bs, be := span(t, src, "return a || b || c;", "|| b")
		cs, ce := span(t, src, "return a || b || c;", "|| c")
		add("logical_nullish.js", Function{Start: s, End: e, Name: "or", Count: 3, HasCoverageInfo: true,
			Slots: []Slot{fs(3), rng(bs, be, 2), rng(cs, ce, 1)}})
	}

	// try_catch_finally.js: try { …; if (fail) throw 1; … } catch {…}
	// finally {…}. The throw's continuation coincides with the if's and is
	// dropped; the finally block and the continuations after catch and
	// after the whole statement ran as often as the function and vanish.
	{
		src := corpus(t, "try_catch_finally.js")
		s, e := fnRange(t, src, "function all(")
		ts, te := span(t, src, "if (fail) throw 1;", "throw 1;")
		cs, ce := span(t, src, "catch {\n    steps.push(\"c\");\n  }", "catch {\n    steps.push(\"c\");\n  }")
		fs0, fe := span(t, src, "finally {\n    steps.push(\"f\");\n  }", "finally {\n    steps.push(\"f\");\n  }")
		add("try_catch_finally.js", Function{Start: s, End: e, Name: "all", Count: 3, HasCoverageInfo: true,
			Slots: []Slot{fs(3), rng(ts, te, 2), sing(te, 1), rng(cs, ce, 2), sing(ce, 3), rng(fs0, fe, 3), sing(fe, 3)}})
	}

	modes := map[string]Mode{
		"blockCount": BlockCount, "blockBinary": BlockBinary,
		"functionCount": PreciseCount, "functionBinary": PreciseBinary,
	}
	for _, c := range cases {
		for name, mode := range modes {
			want, ok := expectedFunction(t, exp, c.script, name, c.fn.Name, c.fn.Start)
			if !ok {
				t.Errorf("%s %s: %q at %d not in node's output", c.script, name, c.fn.Name, c.fn.Start)
				continue
			}
			got := toJSON(t, Collect(mode, []Script{{URL: c.script, Functions: []Function{c.fn}}}).Scripts)
			if len(got) != 1 || len(got[0].Functions) != 1 {
				t.Errorf("%s %s %q: got %s", c.script, name, c.fn.Name, mustJSON(t, got))
				continue
			}
			if g, w := mustJSON(t, got[0].Functions[0]), mustJSON(t, want); g != w {
				t.Errorf("%s %s %q:\ngot  %s\nwant %s", c.script, name, c.fn.Name, g, w)
			}
		}
	}
}

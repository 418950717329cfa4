package parser

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/ast"
	"strings"
	"testing"
)

// expectFunctions parses src and compares, for every function literal
// after the top level (in id order), "InferredName|SpecName|source text".
// The expectations come from node (--allow-natives-syntax:
// %FunctionGetInferredName, f.name, f.toString()).
func expectFunctions(t *testing.T, src string, want ...string) {
	t.Helper()
	t.Run(src, func(t *testing.T) {
		t.Helper()
		prog, err := ParseScript("test.js", src)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i, fn := range prog.Functions {
			if fn.ID != i {
				t.Errorf("Functions[%d].ID = %d", i, fn.ID)
			}
			if i == 0 || fn.Kind == ast.FuncClassFieldInit { // skip the top level and class initializers
				continue
			}
			got = append(got, fmt.Sprintf("%s|%s|%s", fn.InferredName, fn.SpecName, src[fn.Start:fn.End]))
		}
		if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
			t.Errorf("\n got:\n%s\nwant:\n%s", g, w)
		}
	})
}

func TestFunctionNames(t *testing.T) {
	expectFunctions(t, "obj.f = function(){}", "obj.f||function(){}")
	expectFunctions(t, "a.b.c = function(){}", "a.b.c||function(){}")
	expectFunctions(t, "let g = () => 1", "g|g|() => 1")
	expectFunctions(t, "var h = function(){}, k = class {}", "h|h|function(){}")
	expectFunctions(t, "o = { m() {}, get x() { return 1 }, set x(v) {}, p: function(){}, 'q r': () => {}, 5: function(){} }",
		"m|m|m() {}", "get x|get x|get x() { return 1 }", "set x|set x|set x(v) {}", "p|p|function(){}", "q r|q r|() => {}", "5|5|function(){}")
	expectFunctions(t, "class C { static s = function(){}; t = () => {}; static m() {} #priv() {} constructor() {} }",
		"s|s|function(){}", "t|t|() => {}", "m|m|m() {}", "#priv|#priv|#priv() {}", "C|C|constructor() {}")
	expectFunctions(t, "function Foo() { this.bar = function(){}; }", "Foo|Foo|function Foo() { this.bar = function(){}; }", "Foo.bar||function(){}")
	expectFunctions(t, "arr[0] = function(){}; arr['key'] = function(){}; obj.prototype.meth = function(){}",
		"arr.<computed>||function(){}", "arr.key||function(){}", "obj.meth||function(){}")
	expectFunctions(t, "var v = w = function(){}", "w|w|function(){}")
	expectFunctions(t, "foo(function(){})", "||function(){}")
	expectFunctions(t, "const cond = true ? function(){} : null", "cond||function(){}")
	expectFunctions(t, "let {def = function(){}} = {}", "def|def|function(){}")
	expectFunctions(t, "function f(a = () => {}) {}", "f|f|function f(a = () => {}) {}", "a|a|() => {}")
	expectFunctions(t, "({ [k]: function(){} })", "||function(){}")
	expectFunctions(t, "x ||= function(){}; y ??= () => {}", "x|x|function(){}", "y|y|() => {}")
	expectFunctions(t, "async function* ag() {} (async () => {})", "ag|ag|async function* ag() {}", "||async () => {}")
	expectFunctions(t, "({ async *gen() {} })", "gen|gen|async *gen() {}")
	expectFunctions(t, "(function named() {})", "named|named|function named() {}")
}

func TestExportDefaultNames(t *testing.T) {
	prog, err := ParseModule("m.js", "export default function () {}")
	if err != nil {
		t.Fatal(err)
	}
	if fn := prog.Functions[1]; fn.SpecName != "default" || fn.InferredName != "default" {
		t.Errorf("export default function: SpecName %q InferredName %q", fn.SpecName, fn.InferredName)
	}
	prog, err = ParseModule("m.js", "export default () => {}")
	if err != nil {
		t.Fatal(err)
	}
	if fn := prog.Functions[1]; fn.SpecName != "default" {
		t.Errorf("export default arrow: SpecName %q", fn.SpecName)
	}
}

// TestFunctionIDs checks the pre-order numbering, with an arrow numbered
// before the functions in its parameters and class initializers numbered
// where their first field appears (as V8 does).
func TestFunctionIDs(t *testing.T) {
	src := "function a() { function b() {} } ((x = function c() {}) => function d() {}); class E { m() {} f = function g() {}; static h = 1 }"
	prog, err := ParseScript("t.js", src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fn := range prog.Functions[1:] {
		name := fn.InferredName
		if fn.Name != nil {
			name = fn.Name.Name
		}
		got = append(got, name)
	}
	want := "a b  c d m <instance_members_initializer> g <static_initializer>"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

package parser

import (
	"testing"

	"github.com/sonde-js/sonde/engine/ast"
)

// text returns the source a range covers.
func text(src string, r ast.Range) string { return src[r.Start:r.End] }

func TestCoverageRanges(t *testing.T) {
	src := "function f(a) {\n  if (a) { g() } else h();\n  for (;;) { break }\n  while (a) a--\n  return a ? (b) : c || (d)\n}\n"
	prog, err := ParseScript("t.js", src)
	if err != nil {
		t.Fatal(err)
	}
	fn := prog.Functions[1]
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: got %q, want %q", what, got, want)
		}
	}
	check("function", text(src, fn.Range), src[:len(src)-1])
	check("body", text(src, fn.BodyRange), src[len("function f(a) "):len(src)-1])
	sIf := fn.Body[0].Data.(*ast.SIf)
	check("if", text(src, fn.Body[0].Range), "if (a) { g() } else h();")
	check("then", text(src, sIf.Yes.Range), "{ g() }")
	check("else", text(src, sIf.No.Range), "h();")
	check("else keyword", src[sIf.ElseLoc:sIf.ElseLoc+4], "else")
	check("for body", text(src, fn.Body[1].Data.(*ast.SFor).Body.Range), "{ break }")
	check("while", text(src, fn.Body[2].Range), "while (a) a--")
	ret := fn.Body[3]
	check("return (ASI)", text(src, ret.Range), "return a ? (b) : c || (d)")
	cond := ret.Data.(*ast.SReturn).Value.Data.(*ast.ECond)
	check("?: then", text(src, cond.Yes.Range), "(b)")
	check("?: else", text(src, cond.No.Range), "c || (d)")
	check("|| right", text(src, cond.No.Data.(*ast.EBinary).Right.Range), "(d)")

	src = "switch (x) { case 1: a(); b(); case 2: default: c() }\ntry { t() } catch (e) { u() } finally { v() }"
	prog, err = ParseScript("t.js", src)
	if err != nil {
		t.Fatal(err)
	}
	sw := prog.Body[0].Data.(*ast.SSwitch)
	check("case 1", text(src, sw.Cases[0].Range), "case 1: a(); b();")
	check("case 2", text(src, sw.Cases[1].Range), "case 2:")
	check("default", text(src, sw.Cases[2].Range), "default: c()")
	try := prog.Body[1].Data.(*ast.STry)
	check("try block", text(src, try.Block.Range), "{ t() }")
	check("catch", text(src, try.Catch.Range), "catch (e) { u() }")
	check("finally", text(src, try.Finally.Range), "{ v() }")
	check("finally keyword", src[try.FinallyLoc:try.FinallyLoc+7], "finally")

	src = "x = async (a) => a * 2;\nclass K { static m() {} get g() {} }"
	prog, err = ParseScript("t.js", src)
	if err != nil {
		t.Fatal(err)
	}
	check("arrow", text(src, prog.Functions[1].Range), "async (a) => a * 2")
	check("arrow body", text(src, prog.Functions[1].BodyRange), "a * 2")
	check("class", text(src, prog.Body[1].Range), "class K { static m() {} get g() {} }")
	check("static method", text(src, prog.Functions[2].Range), "m() {}")
	check("getter", text(src, prog.Functions[3].Range), "get g() {}")
	check("statement with ;", text(src, prog.Body[0].Range), "x = async (a) => a * 2;")
}

func TestScopes(t *testing.T) {
	src := `var g = 1; let l = 2;
function f(a, b) {
  var v = a;
  { let inner = 3; }
  return () => v + this.x + arguments.length;
}
function h() { eval("1"); }
try {} catch (e) { var e = 1; }
{ function blockFn() {} }
`
	prog, err := ParseScript("t.js", src)
	if err != nil {
		t.Fatal(err)
	}
	top := prog.Top.Scope
	if top.Kind != ast.ScopeScript {
		t.Fatalf("top scope kind %v", top.Kind)
	}
	for _, n := range []string{"g", "l", "f", "h", "blockFn"} {
		if top.Lookup(n) == nil {
			t.Errorf("top level lacks %s", n)
		}
	}
	if v := top.Lookup("blockFn"); v.Kind != ast.DeclVar {
		t.Errorf("Annex B var binding of blockFn: kind %v", v.Kind)
	}
	if v := top.Lookup("l"); v.Kind != ast.DeclLet {
		t.Errorf("l: kind %v", v.Kind)
	}
	f := prog.Functions[1]
	fs := f.Scope
	if fs.Lookup("a").Kind != ast.DeclParam || fs.Lookup("v").Kind != ast.DeclVar {
		t.Errorf("f scope: %+v", fs.Vars)
	}
	if !fs.Lookup("v").Captured || fs.Lookup("a").Captured {
		t.Errorf("v captured %v, a captured %v", fs.Lookup("v").Captured, fs.Lookup("a").Captured)
	}
	if !fs.UsesThis || !fs.ThisCaptured || !fs.UsesArguments {
		t.Errorf("f: UsesThis %v ThisCaptured %v UsesArguments %v", fs.UsesThis, fs.ThisCaptured, fs.UsesArguments)
	}
	if args := fs.Lookup("arguments"); args == nil || args.Kind != ast.DeclArguments || !args.Captured {
		t.Errorf("arguments: %+v", args)
	}
	if inner := fs.Children[0]; inner.Kind != ast.ScopeBlock || inner.Lookup("inner") == nil {
		t.Errorf("block scope: %+v", inner)
	}
	h := prog.Functions[3]
	if !h.Scope.CallsEval || !h.Scope.CallsSloppyEval || !top.InnerEval {
		t.Errorf("eval flags: %v %v %v", h.Scope.CallsEval, h.Scope.CallsSloppyEval, top.InnerEval)
	}
	if !top.Lookup("g").Captured {
		t.Error("a direct eval must capture every visible variable")
	}
	// The catch parameter shadows the var (Annex B), which lives in the top scope.
	if top.Lookup("e") == nil || top.Lookup("e").Kind != ast.DeclVar {
		t.Errorf("var e: %+v", top.Lookup("e"))
	}
	// References resolve to their declarations.
	ret := f.Body[2].Data.(*ast.SReturn).Value.Data.(*ast.EFunction).Fn
	sum := ret.Body[0].Data.(*ast.SReturn).Value.Data.(*ast.EBinary)
	left := sum.Left.Data.(*ast.EBinary).Left.Data.(*ast.EIdentifier)
	if left.Var != fs.Lookup("v") {
		t.Errorf("v in the arrow resolves to %+v", left.Var)
	}
}

// TestParamScope checks that parameter expressions do not see the body's
// var declarations.
func TestParamScope(t *testing.T) {
	src := "var x = 1; function f(g = () => x, h = y) { var x = 2, y; return g(); }"
	prog, err := ParseScript("t.js", src)
	if err != nil {
		t.Fatal(err)
	}
	f := prog.Functions[1]
	arrow := f.Params[0].Default.Data.(*ast.EFunction).Fn
	x := arrow.Body[0].Data.(*ast.SReturn).Value.Data.(*ast.EIdentifier)
	if x.Var != prog.Top.Scope.Lookup("x") {
		t.Errorf("x in a default resolves to %+v, want the global", x.Var)
	}
	if y := f.Params[1].Default.Data.(*ast.EIdentifier); y.Var != nil {
		t.Errorf("y in a default resolves to %+v, want unresolved", y.Var)
	}
}

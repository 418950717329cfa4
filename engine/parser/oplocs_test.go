package parser

import (
	"testing"

	"github.com/sonde-js/sonde/engine/ast"
)

// TestOperatorLocations checks the positions V8's block coverage starts the
// ranges of `&&`/`||`/`??` right operands and of `?:` branches at: the
// operator tokens (node reports `|| b`, `? 1`, `: 0`).
func TestOperatorLocations(t *testing.T) {
	src := "x = a && b || c;\nz = d ?? e;\ny = t ? 1 : 0;"
	prog, err := ParseScript("ops.js", src)
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	var conds [][2]string
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		switch d := e.Data.(type) {
		case *ast.EAssign:
			walk(d.Value)
		case *ast.EBinary:
			walk(d.Left)
			ops = append(ops, src[d.OpLoc:d.Right.End])
			walk(d.Right)
		case *ast.ECond:
			conds = append(conds, [2]string{src[d.QuestionLoc:d.Yes.End], src[d.ColonLoc:d.No.End]})
		}
	}
	for _, s := range prog.Body {
		walk(s.Data.(*ast.SExpr).Value)
	}
	want := []string{"&& b", "|| c", "?? e"}
	if len(ops) != len(want) {
		t.Fatalf("operator ranges %q, want %q", ops, want)
	}
	for i := range want {
		if ops[i] != want[i] {
			t.Fatalf("operator ranges %q, want %q", ops, want)
		}
	}
	if len(conds) != 1 || conds[0] != [2]string{"? 1", ": 0"} {
		t.Fatalf("conditional ranges %q", conds)
	}
}

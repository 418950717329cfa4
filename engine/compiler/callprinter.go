package compiler

import (
	"strings"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/jsnum"
)

// CalleeText finds, in function literal fn of u, the call or new expression
// whose position (a UTF-16 offset, as recorded in the source position table)
// is pos, and renders its callee as V8's CallPrinter does for "x is not a
// function": `obj.method`, `a[0]`, `f(...)`, `(intermediate value)`.
func CalleeText(u *Unit, fn *ast.Function, pos int) (string, bool) {
	if pos < 0 {
		return "", false
	}
	var found ast.Expr
	visit := func(e ast.Expr) bool {
		if found.Data != nil {
			return false
		}
		switch x := e.Data.(type) {
		case *ast.ECall:
			if u.Lines.UTF16(x.Pos) == pos {
				found = x.Target
				return false
			}
		case *ast.ENew:
			if u.Lines.UTF16(e.Start) == pos {
				found = x.Target
				return false
			}
		case *ast.ETemplate:
			if x.Tag.Data != nil && u.Lines.UTF16(x.Parts[0].Start) == pos {
				found = x.Tag
				return false
			}
		case *ast.EFunction:
			return x.Fn == fn
		case *ast.EClass:
			return true
		}
		return true
	}
	for _, p := range fn.Params {
		walkExpr(p.Default, visit)
	}
	for _, s := range fn.Body {
		walkStmt(s, func(e ast.Expr) { walkExpr(e, visit) })
	}
	if fn.Class != nil && fn.Kind == ast.FuncClassFieldInit {
		for _, m := range fn.Class.Members {
			walkExpr(m.Value, visit)
		}
	}
	if found.Data == nil {
		return "", false
	}
	var sb strings.Builder
	printCallee(&sb, found)
	return sb.String(), true
}

func printCallee(sb *strings.Builder, e ast.Expr) {
	switch x := e.Data.(type) {
	case *ast.EIdentifier:
		sb.WriteString(x.Name)
	case *ast.EThis:
		sb.WriteString("this")
	case *ast.ESuper:
		sb.WriteString("super")
	case *ast.EDot:
		printCallee(sb, x.Target)
		if x.Optional {
			sb.WriteString("?.")
		} else {
			sb.WriteByte('.')
		}
		sb.WriteString(x.Name)
	case *ast.EIndex:
		printCallee(sb, x.Target)
		if x.Optional {
			sb.WriteString("?.")
		}
		if key, ok := literalKey(x.Index); ok {
			// V8 prints a string key as a name: o["a b"] as o.a b.
			if !x.Optional {
				sb.WriteByte('.')
			}
			sb.WriteString(key)
			return
		}
		sb.WriteByte('[')
		printCallee(sb, x.Index)
		sb.WriteByte(']')
	case *ast.ECall:
		printCallee(sb, x.Target)
		sb.WriteString("(...)")
	case *ast.EOptionalChain:
		printCallee(sb, x.Chain)
	case *ast.ENumber:
		sb.WriteString(jsnum.FormatNumber(x.Value))
	case *ast.EString:
		sb.WriteByte('"')
		sb.WriteString(string(utf16Decode(x.Value)))
		sb.WriteByte('"')
	case *ast.ENull:
		sb.WriteString("null")
	case *ast.EUnary:
		sb.WriteByte('(')
		sb.WriteString(x.Op.String())
		if x.Op == ast.UnaryDelete || x.Op == ast.UnaryTypeof || x.Op == ast.UnaryVoid {
			sb.WriteByte(' ')
		}
		printCallee(sb, x.Value)
		sb.WriteByte(')')
	case *ast.EBinary:
		sb.WriteByte('(')
		printCallee(sb, x.Left)
		sb.WriteString(" " + x.Op.String() + " ")
		printCallee(sb, x.Right)
		sb.WriteByte(')')
	case *ast.ESequence:
		sb.WriteByte('(')
		for i, item := range x.Exprs {
			if i > 0 {
				sb.WriteString(" , ")
			}
			printCallee(sb, item)
		}
		sb.WriteByte(')')
	case *ast.EBoolean:
		if x.Value {
			sb.WriteString("true")
		} else {
			sb.WriteString("false")
		}
	default:
		sb.WriteString("(intermediate value)")
	}
}

// literalKey returns the text of a string-literal key: a string or a
// template without substitutions or tag.
func literalKey(e ast.Expr) (string, bool) {
	switch k := e.Data.(type) {
	case *ast.EString:
		return string(utf16Decode(k.Value)), true
	case *ast.ETemplate:
		if k.Tag.Data == nil && len(k.Exprs) == 0 && !k.Parts[0].CookedInvalid {
			return string(utf16Decode(k.Parts[0].Cooked)), true
		}
	}
	return "", false
}

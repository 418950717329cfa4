package compiler

import "github.com/sonde-js/sonde/engine/ast"

// walkExpr visits e and its subexpressions in source order; f returns false
// to skip an expression's children. Function and class bodies are children
// too (f decides whether to enter them).
func walkExpr(e ast.Expr, f func(ast.Expr) bool) {
	if e.Data == nil || !f(e) {
		return
	}
	w := func(x ast.Expr) { walkExpr(x, f) }
	switch x := e.Data.(type) {
	case *ast.ETemplate:
		w(x.Tag)
		for _, s := range x.Exprs {
			w(s)
		}
	case *ast.EArray:
		for _, it := range x.Items {
			w(it)
		}
	case *ast.ESpread:
		w(x.Value)
	case *ast.EObject:
		for _, p := range x.Props {
			walkProperty(p, f)
		}
	case *ast.EFunction:
		walkFunction(x.Fn, f)
	case *ast.EClass:
		walkClass(x.Class, f)
	case *ast.EImportCall:
		w(x.Specifier)
		w(x.Options)
	case *ast.EUnary:
		w(x.Value)
	case *ast.EUpdate:
		w(x.Target)
	case *ast.EBinary:
		w(x.Left)
		w(x.Right)
	case *ast.EAssign:
		walkBinding(x.Target, f)
		w(x.Value)
	case *ast.ECond:
		w(x.Test)
		w(x.Yes)
		w(x.No)
	case *ast.ESequence:
		for _, s := range x.Exprs {
			w(s)
		}
	case *ast.EDot:
		w(x.Target)
	case *ast.EIndex:
		w(x.Target)
		w(x.Index)
	case *ast.ECall:
		w(x.Target)
		for _, a := range x.Args {
			w(a)
		}
	case *ast.ENew:
		w(x.Target)
		for _, a := range x.Args {
			w(a)
		}
	case *ast.EOptionalChain:
		w(x.Chain)
	case *ast.EYield:
		w(x.Value)
	case *ast.EAwait:
		w(x.Value)
	}
}

func walkProperty(p ast.Property, f func(ast.Expr) bool) {
	walkExpr(p.Key, f)
	walkExpr(p.Value, f)
	if p.Block != nil {
		for _, s := range p.Block.Body {
			walkStmt(s, func(e ast.Expr) { walkExpr(e, f) })
		}
	}
}

func walkFunction(fn *ast.Function, f func(ast.Expr) bool) {
	for _, p := range fn.Params {
		walkBinding(p.Target, f)
		walkExpr(p.Default, f)
	}
	for _, s := range fn.Body {
		walkStmt(s, func(e ast.Expr) { walkExpr(e, f) })
	}
}

func walkClass(c *ast.Class, f func(ast.Expr) bool) {
	walkExpr(c.Extends, f)
	for _, m := range c.Members {
		walkProperty(m, f)
	}
}

func walkBinding(b ast.Binding, f func(ast.Expr) bool) {
	switch x := b.Data.(type) {
	case *ast.BArray:
		for _, it := range x.Items {
			walkBinding(it.Target, f)
			walkExpr(it.Default, f)
		}
		walkBinding(x.Rest, f)
	case *ast.BObject:
		for _, p := range x.Props {
			if p.Computed {
				walkExpr(p.Key, f)
			}
			walkBinding(p.Target, f)
			walkExpr(p.Default, f)
		}
		walkBinding(x.Rest, f)
	case *ast.BMember:
		walkExpr(x.Value, f)
	}
}

// walkStmt calls visit with every expression of s and of the statements
// nested in it, in source order.
func walkStmt(s ast.Stmt, visit func(ast.Expr)) {
	ws := func(x ast.Stmt) { walkStmt(x, visit) }
	wb := func(b ast.Binding) {
		walkBinding(b, func(e ast.Expr) bool { visit(e); return false })
	}
	switch x := s.Data.(type) {
	case *ast.SBlock:
		for _, t := range x.Body {
			ws(t)
		}
	case *ast.SExpr:
		visit(x.Value)
	case *ast.SVarDecl:
		for _, d := range x.Decls {
			wb(d.Target)
			if d.Init.Data != nil {
				visit(d.Init)
			}
		}
	case *ast.SIf:
		visit(x.Test)
		ws(x.Yes)
		ws(x.No)
	case *ast.SFor:
		ws(x.Init)
		if x.Test.Data != nil {
			visit(x.Test)
		}
		if x.Update.Data != nil {
			visit(x.Update)
		}
		ws(x.Body)
	case *ast.SForIn:
		wb(x.Left.Target)
		visit(x.Right)
		ws(x.Body)
	case *ast.SForOf:
		wb(x.Left.Target)
		visit(x.Right)
		ws(x.Body)
	case *ast.SWhile:
		visit(x.Test)
		ws(x.Body)
	case *ast.SDoWhile:
		ws(x.Body)
		visit(x.Test)
	case *ast.SReturn:
		if x.Value.Data != nil {
			visit(x.Value)
		}
	case *ast.SThrow:
		visit(x.Value)
	case *ast.STry:
		for _, t := range x.Block.Body {
			ws(t)
		}
		if x.Catch != nil {
			wb(x.Catch.Param)
			for _, t := range x.Catch.Body.Body {
				ws(t)
			}
		}
		if x.Finally != nil {
			for _, t := range x.Finally.Body {
				ws(t)
			}
		}
	case *ast.SSwitch:
		visit(x.Disc)
		for _, c := range x.Cases {
			if c.Test.Data != nil {
				visit(c.Test)
			}
			for _, t := range c.Body {
				ws(t)
			}
		}
	case *ast.SLabeled:
		ws(x.Body)
	case *ast.SWith:
		visit(x.Object)
		ws(x.Body)
	case *ast.SFunction:
		visit(ast.Expr{Range: x.Fn.Range, Data: &ast.EFunction{Fn: x.Fn}})
	case *ast.SClass:
		visit(ast.Expr{Range: x.Class.Range, Data: &ast.EClass{Class: x.Class}})
	case *ast.SExportDecl:
		ws(x.Decl)
	case *ast.SExportDefault:
		ws(x.Decl)
		if x.Value.Data != nil {
			visit(x.Value)
		}
	}
}

// HasTopLevelAwait reports whether a module's top level awaits: an await
// expression or a for await loop outside every function. Such a module
// evaluates as an async function.
func HasTopLevelAwait(prog *ast.Program) bool {
	found := false
	visit := func(e ast.Expr) {
		walkExpr(e, func(x ast.Expr) bool {
			switch x.Data.(type) {
			case *ast.EAwait:
				found = true
			case *ast.EFunction:
				return false
			}
			return !found
		})
	}
	var stmt func(s ast.Stmt)
	stmts := func(list []ast.Stmt) {
		for _, s := range list {
			stmt(s)
		}
	}
	stmt = func(s ast.Stmt) {
		if found || s.Data == nil {
			return
		}
		switch x := s.Data.(type) {
		case *ast.SForOf:
			if x.Await {
				found = true
				return
			}
			stmt(x.Body)
		case *ast.SBlock:
			stmts(x.Body)
		case *ast.SIf:
			stmt(x.Yes)
			stmt(x.No)
		case *ast.SFor:
			stmt(x.Init)
			stmt(x.Body)
		case *ast.SForIn:
			stmt(x.Body)
		case *ast.SWhile:
			stmt(x.Body)
		case *ast.SDoWhile:
			stmt(x.Body)
		case *ast.STry:
			stmts(x.Block.Body)
			if x.Catch != nil {
				stmts(x.Catch.Body.Body)
			}
			if x.Finally != nil {
				stmts(x.Finally.Body)
			}
		case *ast.SSwitch:
			for _, c := range x.Cases {
				stmts(c.Body)
			}
		case *ast.SLabeled:
			stmt(x.Body)
		}
	}
	for _, s := range prog.Body {
		walkStmt(s, visit)
		stmt(s)
		if found {
			return true
		}
	}
	return false
}

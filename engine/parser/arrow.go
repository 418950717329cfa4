package parser

import (
	"github.com/sonde-js/sonde/engine/ast"
)

// parseParenOrArrow parses `( expr )` or the parameters of an arrow.
func (p *parser) parseParenOrArrow() ast.Expr {
	start := p.start
	p.next()
	saved, savedMsg := p.coverInit, p.coverMsg
	p.coverInit = -1
	var items []ast.Expr
	restStart := -1
	var rest ast.Binding
	trailingComma := -1
	awaitBefore, yieldBefore := p.lastAwait, p.lastYield
	for p.tok != TCloseParen {
		if p.tok == TDotDotDot {
			restStart = p.start
			p.next()
			targetStart := p.start
			rest = p.parseBindingTarget(ast.VarVar)
			if p.tok == TAssign {
				p.fail(targetStart, p.end, "Rest parameter may not have a default initializer")
			}
			if p.tok != TCloseParen {
				p.fail(targetStart, p.end, "Rest parameter must be last formal parameter")
			}
			break
		}
		items = append(items, p.parseAssignCover(false))
		if p.tok == TComma {
			trailingComma = p.start
			p.next()
		} else {
			trailingComma = -1
			if p.tok != TCloseParen {
				p.unexpected()
			}
		}
	}
	closeStart, closeEnd := p.start, p.end
	p.next()
	if p.tok == TArrow && !p.nlBefore {
		p.coverInit, p.coverMsg = saved, savedMsg
		if p.lastAwait != awaitBefore && p.lastAwait > start && p.fn.async {
			p.fail(p.lastAwait, p.lastAwait+5, "Illegal await-expression in formal parameters of async function")
		}
		if p.lastYield != yieldBefore && p.lastYield > start {
			p.fail(p.lastYield, p.lastYield+5, "Yield expression not allowed in formal parameter")
		}
		params := p.exprsToParams(items, restStart, rest)
		return p.parseArrowBody(start, params, false, closeStart)
	}
	if len(items) == 0 || restStart >= 0 {
		if restStart >= 0 {
			p.failToken(TDotDotDot, restStart, restStart+3)
		}
		p.failToken(TCloseParen, closeStart, closeEnd)
	}
	if trailingComma >= 0 {
		p.failToken(TCloseParen, closeStart, closeEnd)
	}
	p.reportCoverInit()
	p.coverInit, p.coverMsg = saved, savedMsg
	var inner ast.Expr
	if len(items) == 1 {
		inner = items[0]
	} else {
		inner = ast.Expr{Range: rng(int(items[0].Start), int(items[len(items)-1].End)), Data: &ast.ESequence{Exprs: items}}
	}
	// The parenthesized expression's range includes the parentheses.
	return ast.Expr{Range: rng(start, closeEnd), Data: inner.Data}
}

// of a function named async, or the identifier itself.
func (p *parser) parseAsyncPrimary() ast.Expr {
	start, end := p.start, p.end
	t, nl := p.peek()
	if nl {
		return p.parseIdentifierPrimary()
	}
	switch t {
	case TFunction:
		p.next()
		fn := p.parseFunction(start, true, false, true)
		return ast.Expr{Range: fn.Range, Data: p.efuncs.set(ast.EFunction{Fn: fn})}
	case TIdentifier:
		// `async x => …` needs two tokens of lookahead.
		saved := p.lexer
		p.next()
		if t2, nl2 := p.peek(); t2 == TArrow && !nl2 {
			id := p.parseIdentifierPrimaryNoArrow()
			return p.arrowFromIdentifier(start, id, true)
		}
		p.lexer = saved
		return p.parseIdentifierPrimaryNoArrow()
	case TOpenParen:
		callee := ast.Expr{Range: rng(start, end), Data: p.idents.set(ast.EIdentifier{Name: "async"})}
		p.next()
		saved, savedMsg := p.coverInit, p.coverMsg
		p.coverInit = -1
		awaitBefore, yieldBefore := p.lastAwait, p.lastYield
		items, restStart, rest, closeParen := p.parseAsyncArgs()
		if p.tok == TArrow && !p.nlBefore {
			p.coverInit, p.coverMsg = saved, savedMsg
			if p.lastAwait != awaitBefore && p.lastAwait > start {
				p.fail(p.lastAwait, p.lastAwait+5, "Illegal await-expression in formal parameters of async function")
			}
			if p.lastYield != yieldBefore && p.lastYield > start {
				p.fail(p.lastYield, p.lastYield+5, "Yield expression not allowed in formal parameter")
			}
			for _, it := range items {
				p.rejectAwaitIdent(it)
			}
			params := p.exprsToParams(items, restStart, rest)
			for _, prm := range params {
				p.rejectAwaitBinding(prm.Target)
			}
			return p.parseArrowBody(start, params, true, closeParen)
		}
		if restStart >= 0 {
			p.unexpected()
		}
		p.reportCoverInit()
		p.coverInit, p.coverMsg = saved, savedMsg
		p.checkIdentifierRef("async", start, end)
		return ast.Expr{Range: rng(start, p.prevEnd), Data: p.calls.set(ast.ECall{Target: callee, Args: items, CloseParen: pos(closeParen), Pos: callee.Start})}
	}
	return p.parseIdentifierPrimary()
}

// returned as rest (restStart >= 0) when `=>` follows.
func (p *parser) parseAsyncArgs() (items []ast.Expr, restStart int, rest ast.Binding, closeParen int) {
	restStart = -1
	p.expect(TOpenParen)
	trailingAfterSpread := false
	for p.tok != TCloseParen {
		if p.tok == TDotDotDot {
			s := p.start
			p.next()
			v := p.parseAssignCover(false)
			items = append(items, ast.Expr{Range: rng(s, p.prevEnd), Data: &ast.ESpread{Value: v}})
			if p.tok == TCloseParen {
				restStart = s
			} else if p.tok == TComma {
				trailingAfterSpread = true
			}
		} else {
			items = append(items, p.parseAssignCover(false))
			trailingAfterSpread = false
		}
		if !p.eat(TComma) {
			break
		}
	}
	closeParen = p.start
	p.expect(TCloseParen)
	if p.tok == TArrow && !p.nlBefore {
		for i, it := range items {
			if sp, ok := it.Data.(*ast.ESpread); ok {
				if i != len(items)-1 || restStart < 0 || trailingAfterSpread {
					p.fail(int(it.Start), int(it.Start)+3, "Rest parameter must be last formal parameter")
				}
				items = items[:i]
				rest = p.exprToPattern(sp.Value, true)
				if p.src[sp.Value.Start] == '(' {
					p.fail(int(sp.Value.Start), int(sp.Value.End), "Invalid destructuring assignment target")
				}
				return
			}
		}
		restStart = -1
	} else {
		restStart = -1
	}
	return
}

// references an identifier named await: invalid in async arrow parameters.
func (p *parser) rejectAwaitIdent(e ast.Expr) {
	found := -1
	walkExprShallow(e, func(x ast.Expr) {
		if id, ok := x.Data.(*ast.EIdentifier); ok && id.Name == "await" && found < 0 {
			found = int(x.Start)
		}
	})
	if found >= 0 {
		p.fail(found, found+5, "'await' is not a valid identifier name in an async function")
	}
}

// rejectAwaitBinding fails if a parameter binds the name await.
func (p *parser) rejectAwaitBinding(b ast.Binding) {
	forEachBoundName(b, func(name string, r ast.Range) {
		if name == "await" {
			p.fail(int(r.Start), int(r.End), "'await' is not a valid identifier name in an async function")
		}
	})
}

package parser

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/ast"
)

// stmtContext says where a statement appears, for the declarations the
// grammar admits there.
type stmtContext uint8

const (
	ctxListItem   stmtContext = iota // a StatementListItem: declarations allowed
	ctxSingle                        // the body of if/loop/with/label: no declarations
	ctxIfBody                        // an if branch: Annex B function declarations (sloppy)
	ctxLabelBody                     // a label body: Annex B function declarations (sloppy)
	ctxModuleItem                    // a module's top level: import/export too
)

// parseProgram parses the whole source.
func (p *parser) parseProgram() *ast.Program {
	hashbang := p.skipHashbang()
	kind := ast.FuncScript
	if p.opts.Module {
		kind = ast.FuncModule
	}
	whole := rng(0, len(p.src))
	top := p.funcs.set(ast.Function{Range: whole, Kind: kind, BodyRange: whole, SimpleParams: true})
	p.fn = p.states.set(funcState{fn: top, strict: p.opts.Strict || p.opts.Module, module: p.opts.Module, async: p.opts.Module, returnOK: p.opts.CommonJS})
	if p.opts.Outer != nil {
		evalContext(p.fn, p.opts.Outer)
	}
	p.coverInit, p.lastAwait, p.lastYield, p.arrowEnd, p.badExportName = -1, -1, -1, -1, -1
	p.next()
	top.Body = p.parseBody(TEOF)
	top.Strict = p.fn.strict
	return &ast.Program{Range: whole, Module: p.opts.Module, Hashbang: hashbang, Body: top.Body, Top: top}
}

// parseBody parses a directive prologue and statement list up to the
// token end (not consumed), applying "use strict".
func (p *parser) parseBody(end T) []ast.Stmt {
	base := len(p.stmtStack)
	ctx := ctxListItem
	if p.fn.module {
		ctx = ctxModuleItem
	}
	directives := true
	firstOctal, octalKind := -1, octalNone
	for p.tok != end {
		if directives {
			if p.tok != TString {
				directives = false
			} else {
				tokStart, tokEnd := p.start, p.end
				octal, octalPos := p.octal, p.octalPos
				s := p.parseStatement(ctx)
				p.stmtStack = append(p.stmtStack, s)
				if e, ok := s.Data.(*ast.SExpr); ok && e.Value.Start == pos(tokStart) && e.Value.End == pos(tokEnd) {
					if octal != octalNone && firstOctal < 0 {
						firstOctal, octalKind = octalPos, octal
					}
					raw := p.src[tokStart:tokEnd]
					if raw == `"use strict"` || raw == `'use strict'` {
						if !p.fn.fn.SimpleParams {
							p.fail(tokStart, tokEnd, "Illegal 'use strict' directive in function with non-simple parameter list")
						}
						p.fn.strict = true
						if firstOctal >= 0 {
							p.failOctal(octalKind, firstOctal)
						}
						// The lookahead token was scanned before strictness changed.
						p.checkStrictToken()
					}
				} else {
					directives = false
				}
				continue
			}
		}
		s := p.parseStatement(ctx)
		p.stmtStack = append(p.stmtStack, s)
	}
	return popList(&p.stmtStack, base)
}

// failOctal reports a legacy octal construct in strict code.
func (p *parser) failOctal(k octalKind, at int) {
	switch k {
	case octalNumber:
		p.fail(at, at+1, "Octal literals are not allowed in strict mode.")
	case octalLeadingZero:
		p.fail(at, at+1, "Decimals with leading zeros are not allowed in strict mode.")
	case octal89Escape:
		p.fail(at, at+2, "\\8 and \\9 are not allowed in strict mode.")
	default:
		p.fail(at, at+2, "Octal escape sequences are not allowed in strict mode.")
	}
}

// checkStrictToken rejects a legacy octal current token in strict code.
func (p *parser) checkStrictToken() {
	if p.fn.strict && p.octal != octalNone && (p.tok == TNumber || p.tok == TString) {
		p.failOctal(p.octal, p.octalPos)
	}
}

// parseStatement parses one statement or declaration.
func (p *parser) parseStatement(ctx stmtContext) ast.Stmt {
	p.enter()
	r := p.parseStatementBody(ctx)
	p.depth--
	return r
}

// parseStatementBody is parseStatement without the depth accounting (no defer: a syntax
// error abandons the whole parse, so nothing needs unwinding).
func (p *parser) parseStatementBody(ctx stmtContext) ast.Stmt {
	labelRun := p.labelRun
	p.labelRun = 0
	start := p.start
	switch p.tok {
	case TOpenBrace:
		body, end := p.parseBraced()
		return ast.Stmt{Range: rng(start, end), Data: &ast.SBlock{Body: body}}
	case TSemicolon:
		p.next()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SEmpty{}}
	case TVar:
		p.next()
		d := p.parseVarDecls(ast.VarVar, false, false)
		p.semicolon()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: d}
	case TConst:
		if ctx != ctxListItem && ctx != ctxModuleItem {
			p.unexpected()
		}
		p.next()
		d := p.parseVarDecls(ast.VarConst, false, false)
		p.semicolon()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: d}
	case TFunction:
		return p.parseFunctionStatement(ctx, start, false)
	case TClass:
		if ctx != ctxListItem && ctx != ctxModuleItem {
			p.unexpected()
		}
		c := p.parseClass(true, false)
		return ast.Stmt{Range: c.Range, Data: &ast.SClass{Class: c}}
	case TIf:
		return p.parseIf()
	case TFor:
		p.markLoopLabels(labelRun)
		return p.parseFor()
	case TWhile:
		p.markLoopLabels(labelRun)
		p.next()
		p.expect(TOpenParen)
		test := p.parseExpression(false)
		p.expect(TCloseParen)
		body := p.parseLoopBody()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SWhile{Test: test, Body: body}}
	case TDo:
		p.markLoopLabels(labelRun)
		p.next()
		body := p.parseLoopBody()
		p.expect(TWhile)
		p.expect(TOpenParen)
		test := p.parseExpression(false)
		p.expect(TCloseParen)
		// ASI applies after do-while's `)` even on the same line.
		p.eat(TSemicolon)
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SDoWhile{Body: body, Test: test}}
	case TContinue, TBreak:
		return p.parseJump()
	case TReturn:
		if !p.fn.returnOK {
			p.fail(p.start, p.end, "Illegal return statement")
		}
		p.next()
		var value ast.Expr
		if p.tok != TSemicolon && p.tok != TCloseBrace && p.tok != TEOF && !p.nlBefore {
			value = p.parseExpression(false)
		}
		p.semicolon()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: p.rets.set(ast.SReturn{Value: value})}
	case TThrow:
		p.next()
		if p.nlBefore {
			p.fail(start, p.prevEnd, "Illegal newline after throw")
		}
		value := p.parseExpression(false)
		p.semicolon()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SThrow{Value: value}}
	case TTry:
		return p.parseTry()
	case TSwitch:
		return p.parseSwitch()
	case TWith:
		if p.fn.strict {
			p.fail(p.start, p.end, "Strict mode code may not include a with statement")
		}
		p.next()
		p.expect(TOpenParen)
		obj := p.parseExpression(false)
		p.expect(TCloseParen)
		body := p.parseStatement(ctxSingle)
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SWith{Object: obj, Body: body}}
	case TDebugger:
		p.next()
		p.semicolon()
		return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SDebugger{}}
	case TImport:
		if t, _ := p.peek(); t != TOpenParen && t != TDot && ctx == ctxModuleItem {
			return p.parseImport()
		}
	case TExport:
		if ctx != ctxModuleItem {
			p.unexpected()
		}
		return p.parseExport()
	case TEnum:
		p.unexpected()
	case TIdentifier:
		if p.escaped {
			if p.name == "async" {
				p.rejectEscapedContextual(TFunction)
			}
			break
		}
		switch p.name {
		case "let":
			t, nl := p.peek()
			listItem := ctx == ctxListItem || ctx == ctxModuleItem
			decl := t == TOpenBracket || t == TOpenBrace || t == TIdentifier || p.fn.strict
			if decl && !listItem && (t == TOpenBracket || !nl) {
				p.fail(p.start, p.end, "Lexical declaration cannot appear in a single-statement context")
			}
			if decl && listItem {
				p.next()
				d := p.parseVarDecls(ast.VarLet, false, false)
				p.semicolon()
				return ast.Stmt{Range: rng(start, p.prevEnd), Data: d}
			}
		case "async":
			if t, nl := p.peek(); t == TFunction && !nl {
				if ctx != ctxListItem && ctx != ctxModuleItem {
					p.fail(p.start, p.end, "Async functions can only be declared at the top level or inside a block.")
				}
				return p.parseFunctionStatement(ctx, start, true)
			}
		}
	}
	// An expression statement, or a label.
	value := p.parseExpression(false)
	if id, ok := value.Data.(*ast.EIdentifier); ok && p.tok == TColon && p.src[value.Start] != '(' {
		return p.parseLabeled(ctx, labelRun, id.Name, int(value.Start), int(value.End))
	}
	p.semicolon()
	return ast.Stmt{Range: rng(start, p.prevEnd), Data: p.sexprs.set(ast.SExpr{Value: value})}
}

// markLoopLabels marks the run of labels directly preceding an iteration
// statement as loop labels (targets for continue).
func (p *parser) markLoopLabels(run int) {
	ls := p.fn.labels
	for i := len(ls) - 1; i >= 0 && run > 0; i, run = i-1, run-1 {
		ls[i].loop = true
	}
}

// parseLoopBody parses an iteration statement's body.
func (p *parser) parseLoopBody() ast.Stmt {
	p.fn.loops++
	body := p.parseStatement(ctxSingle)
	p.fn.loops--
	return body
}

// parseBraced parses `{ StatementList }` and returns the body and the end
// offset (after `}`).
func (p *parser) parseBraced() ([]ast.Stmt, int) {
	p.expect(TOpenBrace)
	base := len(p.stmtStack)
	for p.tok != TCloseBrace {
		if p.tok == TEOF {
			p.unexpected()
		}
		s := p.parseStatement(ctxListItem)
		p.stmtStack = append(p.stmtStack, s)
	}
	end := p.end
	p.next()
	return popList(&p.stmtStack, base), end
}

// parseBlock parses a braced block as an ast.Block.
func (p *parser) parseBlock() ast.Block {
	start := p.start
	body, end := p.parseBraced()
	return ast.Block{Range: rng(start, end), Body: body}
}

// parseFunctionStatement parses a function declaration where ctx allows.
func (p *parser) parseFunctionStatement(ctx stmtContext, start int, async bool) ast.Stmt {
	if async {
		p.next() // async
	}
	switch ctx {
	case ctxSingle:
		if p.fn.strict {
			p.fail(p.start, p.end, "In strict mode code, functions can only be declared at top level or inside a block.")
		}
		p.fail(p.start, p.end, "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.")
	case ctxIfBody, ctxLabelBody:
		if p.fn.strict {
			p.fail(p.start, p.end, "In strict mode code, functions can only be declared at top level or inside a block.")
		}
		if t, _ := p.peek(); t == TStar || async {
			p.fail(p.start, p.end, "Generators can only be declared at the top level or inside a block.")
		}
	}
	fn := p.parseFunction(start, async, true, false)
	s := ast.Stmt{Range: fn.Range, Data: &ast.SFunction{Fn: fn}}
	if ctx == ctxIfBody {
		// Annex B: `if (x) function f() {}` behaves as `if (x) { function f() {} }`.
		return ast.Stmt{Range: fn.Range, Data: &ast.SBlock{Body: []ast.Stmt{s}}}
	}
	return s
}

// parseVarDecls parses the declarators after var/let/const. In a for
// head (forHead) initializers are optional, to be checked by the caller.
func (p *parser) parseVarDecls(kind ast.VarKind, noIn, forHead bool) *ast.SVarDecl {
	d := p.vdecls.set(ast.SVarDecl{Kind: kind})
	for {
		start := p.start
		target := p.parseBindingTarget(kind)
		var init ast.Expr
		if p.eat(TAssign) {
			init = p.parseAssign(noIn)
			if id, ok := target.Data.(*ast.BIdentifier); ok {
				p.nameValue(init, id.Name, false)
			}
		} else if !forHead || !(p.tok == TIn || p.isWord("of")) {
			if kind == ast.VarConst {
				p.fail(start, p.prevEnd, "Missing initializer in const declaration")
			}
			if _, ok := target.Data.(*ast.BIdentifier); !ok {
				p.fail(start, p.prevEnd, "Missing initializer in destructuring declaration")
			}
		}
		d.Decls = append(d.Decls, ast.VarDecl{Range: rng(start, p.prevEnd), Target: target, Init: init})
		if !p.eat(TComma) {
			return d
		}
	}
}

// parseIf parses an if statement.
func (p *parser) parseIf() ast.Stmt {
	start := p.start
	p.next()
	p.expect(TOpenParen)
	test := p.parseExpression(false)
	p.expect(TCloseParen)
	yes := p.parseStatement(ctxIfBody)
	s := &ast.SIf{Test: test, Yes: yes}
	if p.tok == TElse {
		s.ElseLoc = pos(p.start)
		p.next()
		s.No = p.parseStatement(ctxIfBody)
	}
	return ast.Stmt{Range: rng(start, p.prevEnd), Data: s}
}

// parseJump parses break and continue.
func (p *parser) parseJump() ast.Stmt {
	start := p.start
	isBreak := p.tok == TBreak
	p.next()
	var lbl *ast.Ident
	if !p.nlBefore && p.tok != TIdentifier && p.tok != TSemicolon && p.tok != TCloseBrace && p.tok != TEOF {
		p.unexpected()
	}
	if p.tok == TIdentifier && !p.nlBefore {
		name := p.name
		p.checkIdentifierRef(name, p.start, p.end)
		lbl = &ast.Ident{Range: rng(p.start, p.end), Name: name}
		found := false
		for i := len(p.fn.labels) - 1; i >= 0; i-- {
			if l := p.fn.labels[i]; l.name == name {
				found = true
				if !isBreak && !l.loop {
					p.fail(p.start, p.end, fmt.Sprintf("Illegal continue statement: '%s' does not denote an iteration statement", name))
				}
				break
			}
		}
		if !found {
			p.fail(p.start, p.end, fmt.Sprintf("Undefined label '%s'", name))
		}
		p.next()
	} else if isBreak {
		if p.fn.loops == 0 && p.fn.switches == 0 {
			p.fail(start, p.prevEnd, "Illegal break statement")
		}
	} else if p.fn.loops == 0 {
		p.fail(start, p.prevEnd, "Illegal continue statement: no surrounding iteration statement")
	}
	p.semicolon()
	r := rng(start, p.prevEnd)
	if isBreak {
		return ast.Stmt{Range: r, Data: &ast.SBreak{Label: lbl}}
	}
	return ast.Stmt{Range: r, Data: &ast.SContinue{Label: lbl}}
}

// parseLabeled parses `label: statement` once the label identifier has
// been parsed (the current token is the colon).
func (p *parser) parseLabeled(ctx stmtContext, run int, name string, start, end int) ast.Stmt {
	lbl := ast.Ident{Range: rng(start, end), Name: name}
	for _, l := range p.fn.labels {
		if l.name == name {
			p.fail(start, end, fmt.Sprintf("Label '%s' has already been declared", name))
		}
	}
	p.expect(TColon)
	p.fn.labels = append(p.fn.labels, label{name: name})
	p.labelRun = run + 1
	// `l: function f() {}` is allowed (sloppy) only where a declaration
	// could stand: not as the body of if, a loop or with.
	bodyCtx := ctxLabelBody
	if ctx == ctxSingle || ctx == ctxIfBody {
		bodyCtx = ctxSingle
	}
	body := p.parseStatement(bodyCtx)
	p.fn.labels = p.fn.labels[:len(p.fn.labels)-1]
	return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SLabeled{Label: lbl, Body: body}}
}

// parseFor parses for, for-in, for-of and for-await-of statements.
func (p *parser) parseFor() ast.Stmt {
	start := p.start
	p.next()
	await := false
	if p.isWord("await") && (p.fn.async || p.fn.module && p.fn.parent == nil) && !p.fn.staticBlock {
		await = true
		p.next()
	}
	p.expect(TOpenParen)
	var init ast.Stmt
	initStart := p.start
	declKind := ast.VarNone
	switch {
	case p.tok == TSemicolon:
	case p.tok == TVar:
		declKind = ast.VarVar
	case p.tok == TConst:
		declKind = ast.VarConst
	case p.isWord("let"):
		t, _ := p.peek()
		if t == TIdentifier || t == TOpenBracket || t == TOpenBrace || p.fn.strict {
			declKind = ast.VarLet
		}
	}
	if declKind != ast.VarNone {
		p.next()
		d := p.parseVarDecls(declKind, true, true)
		init = ast.Stmt{Range: rng(initStart, p.prevEnd), Data: d}
		if p.tok == TIn || p.isWord("of") {
			isOf := p.tok != TIn
			if len(d.Decls) != 1 {
				p.fail(int(d.Decls[0].Start), p.prevEnd, fmt.Sprintf("Invalid left-hand side in %s loop: Must have a single binding.", forKind(isOf)))
			}
			decl := d.Decls[0]
			left := ast.ForBinding{Range: init.Range, Kind: declKind, Target: decl.Target}
			if decl.Init.Data != nil {
				_, simple := decl.Target.Data.(*ast.BIdentifier)
				if isOf || await || p.fn.strict || declKind != ast.VarVar || !simple {
					kind := forKind(isOf)
					if await {
						kind = "for-await-of"
					}
					p.fail(initStart, p.prevEnd, fmt.Sprintf("%s loop variable declaration may not have an initializer.", kind))
				}
				left.Init = decl.Init
			}
			return p.parseForInOf(start, await, isOf, left)
		}
	} else if p.tok != TSemicolon {
		isLetOrAsync := p.isWord("let") || (p.isWord("async") && !p.escaped)
		exprStart := p.start
		saved := p.coverInit
		p.coverInit = -1
		e := p.parseExpressionOrPattern(true)
		if p.tok == TIn || p.isWord("of") {
			isOf := p.tok != TIn
			if isOf && isLetOrAsync {
				if id, ok := e.Data.(*ast.EIdentifier); ok && e.Start == pos(exprStart) && (id.Name == "let" || id.Name == "async" && !await) {
					p.fail(exprStart, int(e.End), "The left-hand side of a for-of loop may not be 'async'.")
				}
			}
			p.coverInit = saved
			p.annexBCallTarget = true
			target := p.toAssignTarget(e, true, "Invalid left-hand side in for-loop")
			p.annexBCallTarget = false
			left := ast.ForBinding{Range: e.Range, Kind: ast.VarNone, Target: target}
			return p.parseForInOf(start, await, isOf, left)
		}
		p.reportCoverInit()
		p.coverInit = saved
		init = ast.Stmt{Range: e.Range, Data: p.sexprs.set(ast.SExpr{Value: e})}
	}
	if await {
		p.unexpected()
	}
	if d, ok := init.Data.(*ast.SVarDecl); ok {
		for _, decl := range d.Decls {
			if decl.Init.Data == nil {
				if d.Kind == ast.VarConst {
					p.fail(int(decl.Start), int(decl.End), "Missing initializer in const declaration")
				}
				if _, ok := decl.Target.Data.(*ast.BIdentifier); !ok {
					p.fail(int(decl.Start), int(decl.End), "Missing initializer in destructuring declaration")
				}
			}
		}
	}
	p.expect(TSemicolon)
	var test, update ast.Expr
	if p.tok != TSemicolon {
		test = p.parseExpression(false)
	}
	p.expect(TSemicolon)
	if p.tok != TCloseParen {
		update = p.parseExpression(false)
	}
	p.expect(TCloseParen)
	body := p.parseLoopBody()
	return ast.Stmt{Range: rng(start, p.prevEnd), Data: &ast.SFor{Init: init, Test: test, Update: update, Body: body}}
}

func forKind(isOf bool) string {
	if isOf {
		return "for-of"
	}
	return "for-in"
}

// parseForInOf finishes a for-in/of statement after its left side.
func (p *parser) parseForInOf(start int, await, isOf bool, left ast.ForBinding) ast.Stmt {
	if await && !isOf {
		p.unexpected()
	}
	p.next() // in / of
	var right ast.Expr
	if isOf {
		right = p.parseAssign(false)
	} else {
		right = p.parseExpression(false)
	}
	p.expect(TCloseParen)
	body := p.parseLoopBody()
	r := rng(start, p.prevEnd)
	if isOf {
		return ast.Stmt{Range: r, Data: &ast.SForOf{Await: await, Left: left, Right: right, Body: body}}
	}
	return ast.Stmt{Range: r, Data: &ast.SForIn{Left: left, Right: right, Body: body}}
}

// parseTry parses try/catch/finally.
func (p *parser) parseTry() ast.Stmt {
	start := p.start
	p.next()
	s := &ast.STry{Block: p.parseBlock()}
	if p.tok == TCatch {
		c := &ast.Catch{}
		cstart := p.start
		p.next()
		if p.eat(TOpenParen) {
			c.Param = p.parseBindingTarget(ast.VarLet)
			p.expect(TCloseParen)
		}
		c.Body = p.parseBlock()
		c.Range = rng(cstart, p.prevEnd)
		s.Catch = c
	}
	if p.tok == TFinally {
		s.FinallyLoc = pos(p.start)
		p.next()
		b := p.parseBlock()
		s.Finally = &b
	}
	if s.Catch == nil && s.Finally == nil {
		p.fail(p.prevEnd-1, p.prevEnd, "Missing catch or finally after try")
	}
	return ast.Stmt{Range: rng(start, p.prevEnd), Data: s}
}

// parseSwitch parses a switch statement.
func (p *parser) parseSwitch() ast.Stmt {
	start := p.start
	p.next()
	p.expect(TOpenParen)
	disc := p.parseExpression(false)
	p.expect(TCloseParen)
	s := &ast.SSwitch{Disc: disc, OpenBrace: pos(p.start)}
	p.expect(TOpenBrace)
	p.fn.switches++
	hasDefault := false
	for p.tok != TCloseBrace {
		cstart := p.start
		var c ast.Case
		switch p.tok {
		case TCase:
			p.next()
			c.Test = p.parseExpression(false)
		case TDefault:
			if hasDefault {
				p.fail(p.start, p.end, "More than one default clause in switch statement")
			}
			hasDefault = true
			p.next()
		default:
			p.unexpected()
		}
		p.expect(TColon)
		base := len(p.stmtStack)
		for p.tok != TCase && p.tok != TDefault && p.tok != TCloseBrace {
			if p.tok == TEOF {
				p.unexpected()
			}
			s := p.parseStatement(ctxListItem)
			p.stmtStack = append(p.stmtStack, s)
		}
		c.Body = popList(&p.stmtStack, base)
		c.Range = rng(cstart, p.prevEnd)
		s.Cases = append(s.Cases, c)
	}
	p.fn.switches--
	s.CloseBrace = pos(p.start)
	p.next()
	return ast.Stmt{Range: rng(start, p.prevEnd), Data: s}
}

package parser

import (
	"github.com/sonde-js/sonde/engine/ast"
)

// parseExpression parses Expression: assignments separated by commas.
func (p *parser) parseExpression(noIn bool) ast.Expr {
	e := p.parseAssign(noIn)
	if p.tok != TComma {
		return e
	}
	exprs := []ast.Expr{e}
	for p.eat(TComma) {
		exprs = append(exprs, p.parseAssign(noIn))
	}
	return ast.Expr{Range: rng(int(e.Start), p.prevEnd), Data: &ast.ESequence{Exprs: exprs}}
}

// parseExpressionOrPattern parses the left side of a for head: an
// Expression that may turn out to be a pattern, leaving a pending cover
// error for the caller.
func (p *parser) parseExpressionOrPattern(noIn bool) ast.Expr {
	e := p.parseAssignCover(noIn)
	if p.tok != TComma {
		return e
	}
	p.reportCoverInit()
	exprs := []ast.Expr{e}
	for p.eat(TComma) {
		exprs = append(exprs, p.parseAssign(noIn))
	}
	return ast.Expr{Range: rng(int(e.Start), p.prevEnd), Data: &ast.ESequence{Exprs: exprs}}
}

// reportCoverInit fails if a cover-grammar error is pending: `{a = 1}`
// or a duplicate __proto__ that did not become part of a pattern.
func (p *parser) reportCoverInit() {
	if p.coverInit >= 0 {
		at := p.coverInit
		msg := p.coverMsg
		p.fail(at, at+1, msg)
	}
}

// setCoverError records a pending cover-grammar error at pos.
func (p *parser) setCoverError(at int, msg string) {
	if p.coverInit < 0 {
		p.coverInit = at
		p.coverMsg = msg
	}
}

// isBareLiteral reports whether e is an array or object literal written
// without parentheses (which may still become a destructuring pattern).
func (p *parser) isBareLiteral(e ast.Expr) bool {
	switch e.Data.(type) {
	case *ast.EArray, *ast.EObject:
		return p.src[e.Start] != '('
	}
	return false
}

// parseAssign parses AssignmentExpression, reporting cover errors.
func (p *parser) parseAssign(noIn bool) ast.Expr {
	saved := p.coverInit
	p.coverInit = -1
	e := p.parseAssignCover(noIn)
	p.reportCoverInit()
	p.coverInit = saved
	return e
}

// parseAssignCover parses AssignmentExpression; when the result is a bare
// array or object literal, cover errors inside it stay pending in
// p.coverInit for the caller, who may convert it to a pattern.
func (p *parser) parseAssignCover(noIn bool) ast.Expr {
	p.enter()
	savedAssign := p.assignStart
	p.assignStart = p.start
	e := p.parseAssignCoverBody(noIn)
	p.assignStart = savedAssign
	p.depth--
	return e
}

// parseAssignCoverBody is parseAssignCover without the depth and arrow
// bookkeeping (no defer: a syntax error abandons the whole parse).
func (p *parser) parseAssignCoverBody(noIn bool) ast.Expr {
	saved, savedMsg := p.coverInit, p.coverMsg
	p.coverInit = -1
	start := p.start

	if p.tok == TIdentifier && !p.escaped {
		switch p.name {
		case "yield":
			if p.fn.generator {
				if p.fn.inParams {
					p.fail(p.start, p.end, "Yield expression not allowed in formal parameter")
				}
				e := p.parseYield(noIn)
				p.coverInit, p.coverMsg = saved, savedMsg
				return e
			}
		}
	}
	left := p.parseConditional(noIn)
	if op, ok := assignOps[p.tok]; ok && !p.isBareArrow(left) {
		opStart, opEnd := p.start, p.end
		var target ast.Binding
		if op == ast.AssignEq && p.isBareLiteral(left) {
			target = p.exprToPattern(left, false)
			p.coverInit = -1
		} else {
			p.reportCoverInit()
			msg := "Invalid left-hand side in assignment"
			p.annexBCallTarget = op < ast.AssignLogicalAnd
			target = p.toSimpleTarget(left, msg, opStart, opEnd)
			p.annexBCallTarget = false
		}
		p.next()
		value := p.parseAssign(noIn)
		// A parenthesized target `(f) = function(){}` is no IdentifierRef:
		// it names nothing (V8 agrees).
		if parenthesized := p.src[left.Start] == '('; !parenthesized && (op == ast.AssignEq || op >= ast.AssignLogicalAnd) {
			if id, ok := target.Data.(*ast.BIdentifier); ok {
				p.nameValue(value, id.Name, false)
			} else if m, ok := target.Data.(*ast.BMember); ok && op == ast.AssignEq && namesFunction(value) {
				if name := p.memberPathName(m.Value); name != "" {
					p.nameValue(value, name, true)
				}
			}
		}
		p.coverInit, p.coverMsg = saved, savedMsg
		return ast.Expr{Range: rng(start, p.prevEnd), Data: p.assigns.set(ast.EAssign{Op: op, Target: target, Value: value})}
	}
	if p.isBareLiteral(left) {
		if saved >= 0 {
			p.coverInit, p.coverMsg = saved, savedMsg
		}
	} else {
		p.reportCoverInit()
		p.coverInit, p.coverMsg = saved, savedMsg
	}
	return left
}

// assignOps maps assignment tokens to operators.
var assignOps = map[T]ast.AssignOp{
	TAssign: ast.AssignEq, TPlusAssign: ast.AssignAdd, TMinusAssign: ast.AssignSub,
	TStarAssign: ast.AssignMul, TSlashAssign: ast.AssignDiv, TPercentAssign: ast.AssignRem,
	TStarStarAssign: ast.AssignExp, TShlAssign: ast.AssignShl, TShrAssign: ast.AssignShr,
	TUShrAssign: ast.AssignUShr, TAmpAssign: ast.AssignBitAnd, TBarAssign: ast.AssignBitOr,
	TCaretAssign: ast.AssignBitXor, TAmpAmpAssign: ast.AssignLogicalAnd,
	TBarBarAssign: ast.AssignLogicalOr, TQuestionQuestionAssign: ast.AssignCoalesce,
}

// isBareArrow reports whether e is an arrow function just parsed without
// parentheses around it: it cannot be an operand.
func (p *parser) isBareArrow(e ast.Expr) bool {
	return int(e.End) == p.arrowEnd && p.arrowEnd >= 0
}

// parseYield parses a yield expression (the current token is `yield`).
func (p *parser) parseYield(noIn bool) ast.Expr {
	start := p.start
	p.lastYield = start
	p.next()
	y := &ast.EYield{}
	if !p.nlBefore {
		if p.tok == TStar {
			y.Delegate = true
			p.next()
			y.Value = p.parseAssign(noIn)
		} else {
			switch p.tok {
			case TCloseParen, TCloseBracket, TCloseBrace, TComma, TSemicolon, TColon, TEOF, TIn, TQuestion, TTemplateMiddle, TTemplateTail:
			default:
				if _, isAssign := assignOps[p.tok]; isAssign && p.tok != TSlashAssign {
					break
				}
				if isBinaryOnly(p.tok) {
					break
				}
				y.Value = p.parseAssign(noIn)
			}
		}
	}
	return ast.Expr{Range: rng(start, p.prevEnd), Data: y}
}

// isBinaryOnly reports tokens that can only continue an expression, so a
// `yield` before them has no operand.
func isBinaryOnly(t T) bool {
	switch t {
	case TArrow, TQuestionQuestion, TBarBar, TAmpAmp, TBar, TCaret, TAmp, TEq, TNe, TStrictEq, TStrictNe,
		TLt, TGt, TLe, TGe, TInstanceof, TShl, TShr, TUShr, TStar, TPercent, TStarStar, TDot, TQuestionDot:
		return true
	}
	return false
}

// parseConditional parses ConditionalExpression.
func (p *parser) parseConditional(noIn bool) ast.Expr {
	start := p.start
	test, _ := p.parseBinary(0, noIn)
	if p.tok != TQuestion || p.isBareArrow(test) {
		return test
	}
	p.reportCoverInit()
	question := ast.Pos(p.start)
	p.next()
	yes := p.parseAssign(false)
	colon := ast.Pos(p.start)
	p.expect(TColon)
	no := p.parseAssign(noIn)
	return ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.ECond{Test: test, Yes: yes, No: no, QuestionLoc: question, ColonLoc: colon}}
}

// binaryOps maps tokens to binary operators.
var binaryOps = map[T]ast.BinaryOp{
	TPlus: ast.BinAdd, TMinus: ast.BinSub, TStar: ast.BinMul, TSlash: ast.BinDiv, TPercent: ast.BinRem,
	TStarStar: ast.BinExp, TShl: ast.BinShl, TShr: ast.BinShr, TUShr: ast.BinUShr,
	TAmp: ast.BinBitAnd, TBar: ast.BinBitOr, TCaret: ast.BinBitXor,
	TEq: ast.BinEq, TNe: ast.BinNe, TStrictEq: ast.BinStrictEq, TStrictNe: ast.BinStrictNe,
	TLt: ast.BinLt, TGt: ast.BinGt, TLe: ast.BinLe, TGe: ast.BinGe,
	TIn: ast.BinIn, TInstanceof: ast.BinInstanceof,
	TAmpAmp: ast.BinLogicalAnd, TBarBar: ast.BinLogicalOr, TQuestionQuestion: ast.BinCoalesce,
}

// binaryOpOf returns the binary operator of a token (ok false when the
// token is none).
func binaryOpOf(t T) (ast.BinaryOp, bool) {
	if t < TLt || t > TQuestionQuestion {
		if t != TIn && t != TInstanceof {
			return 0, false
		}
	}
	op, ok := binaryOps[t]
	return op, ok
}

// parseBinary parses binary operators binding tighter than minPrec by
// precedence climbing. It returns the expression and the operator that
// produced it at this level (-1 when it is an operand), for the rule
// that ?? does not mix with unparenthesized && and ||.
func (p *parser) parseBinary(minPrec int, noIn bool) (ast.Expr, int) {
	start := p.start
	var left ast.Expr
	lastOp := -1
	if p.tok == TPrivateName {
		// `#x in obj`
		name := p.name
		pstart, pend := p.start, p.end
		p.next()
		if p.tok != TIn || noIn || minPrec > ast.BinIn.Precedence() {
			p.failToken(TPrivateName, pstart, pend)
		}
		p.usePrivate(name, pstart, pend)
		left = ast.Expr{Range: rng(pstart, pend), Data: &ast.EPrivateName{Name: name}}
	} else {
		left = p.parseUnary()
	}
	// Each operator deepens the (left-leaning) tree: count it against the
	// depth budget so later recursive walks of the tree stay bounded.
	levels := 0
	for {
		op, ok := binaryOpOf(p.tok)
		if !ok || (op == ast.BinIn && noIn) || p.isBareArrow(left) {
			p.depth -= levels
			return left, lastOp
		}
		prec := op.Precedence()
		if prec < minPrec {
			p.depth -= levels
			return left, lastOp
		}
		p.enter()
		levels++
		opTok, opStart, opEnd := p.tok, p.start, p.end
		if lastOp >= 0 && mixesCoalesce(ast.BinaryOp(lastOp), op) {
			p.failToken(opTok, opStart, opEnd)
		}
		p.reportCoverInit()
		p.next()
		var right ast.Expr
		var rightOp int
		switch {
		case op == ast.BinExp:
			right, rightOp = p.parseBinary(prec, noIn)
		case op == ast.BinCoalesce:
			right, rightOp = p.parseBinary(ast.BinBitOr.Precedence(), noIn)
		default:
			right, rightOp = p.parseBinary(prec+1, noIn)
		}
		if rightOp >= 0 && mixesCoalesce(op, ast.BinaryOp(rightOp)) {
			p.failToken(opTok, opStart, opEnd)
		}
		if op == ast.BinCoalesce && (p.tok == TBarBar || p.tok == TAmpAmp) {
			p.unexpected()
		}
		left = ast.Expr{Range: rng(start, p.prevEnd), Data: p.binops.set(ast.EBinary{Op: op, Left: left, Right: right, OpLoc: ast.Pos(opStart)})}
		lastOp = int(op)
	}
}

// mixesCoalesce reports whether a and b combine ?? with && or ||.
func mixesCoalesce(a, b ast.BinaryOp) bool {
	isLogic := func(o ast.BinaryOp) bool { return o == ast.BinLogicalAnd || o == ast.BinLogicalOr }
	return a == ast.BinCoalesce && isLogic(b) || b == ast.BinCoalesce && isLogic(a)
}

// parseUnary parses UnaryExpression and UpdateExpression.
func (p *parser) parseUnary() ast.Expr {
	p.enter()
	r := p.parseUnaryBody()
	p.depth--
	return r
}

// parseUnaryBody is parseUnary without the depth accounting (no defer: a syntax
// error abandons the whole parse, so nothing needs unwinding).
func (p *parser) parseUnaryBody() ast.Expr {
	start := p.start
	var op ast.UnaryOp
	switch p.tok {
	case TMinus:
		op = ast.UnaryNeg
	case TPlus:
		op = ast.UnaryPlus
	case TBang:
		op = ast.UnaryNot
	case TTilde:
		op = ast.UnaryCpl
	case TTypeof:
		op = ast.UnaryTypeof
	case TVoid:
		op = ast.UnaryVoid
	case TDelete:
		op = ast.UnaryDelete
	case TPlusPlus, TMinusMinus:
		uop := ast.UpdateInc
		if p.tok == TMinusMinus {
			uop = ast.UpdateDec
		}
		p.next()
		operandStart := p.start
		target := p.parseUnary()
		p.checkUpdateTarget(target, "Invalid left-hand side expression in prefix operation", operandStart)
		return ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.EUpdate{Op: uop, Prefix: true, Target: target}}
	case TIdentifier:
		if p.name == "await" && !p.escaped && p.awaitIsKeyword() {
			return p.parseAwait()
		}
		return p.parsePostfix()
	default:
		return p.parsePostfix()
	}
	p.next()
	value := p.parseUnary()
	if p.tok == TStarStar {
		p.fail(start, p.end, "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence")
	}
	if op == ast.UnaryDelete {
		switch d := value.Data.(type) {
		case *ast.EIdentifier:
			if p.fn.strict {
				p.fail(int(value.Start), int(value.End), "Delete of an unqualified identifier in strict mode.")
			}
		case *ast.EDot:
			if d.Private {
				p.fail(int(d.NameLoc), p.prevEnd, "Private fields can not be deleted")
			}
		case *ast.EOptionalChain:
			if dot, ok := d.Chain.Data.(*ast.EDot); ok && dot.Private {
				p.fail(start, p.prevEnd, "Private fields can not be deleted")
			}
		}
	}
	return ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.EUnary{Op: op, Value: value}}
}

// awaitIsKeyword reports whether `await` starts an AwaitExpression here.
func (p *parser) awaitIsKeyword() bool {
	return p.fn.async || p.fn.staticBlock
}

// parseAwait parses `await x`.
func (p *parser) parseAwait() ast.Expr {
	start := p.start
	if p.fn.inParams {
		p.fail(p.start, p.end, "Illegal await-expression in formal parameters of async function")
	}
	if p.fn.staticBlock {
		p.fail(p.start, p.end, "Unexpected reserved word")
	}
	p.lastAwait = start
	p.next()
	value := p.parseUnary()
	if p.tok == TStarStar {
		p.fail(start, p.end, "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence")
	}
	return ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.EAwait{Value: value}}
}

// checkUpdateTarget validates the operand of ++ or --.
func (p *parser) checkUpdateTarget(e ast.Expr, msg string, at int) {
	switch d := e.Data.(type) {
	case *ast.EIdentifier:
		if p.fn.strict && (d.Name == "eval" || d.Name == "arguments") {
			p.fail(int(e.Start), int(e.End), "Unexpected eval or arguments in strict mode")
		}
		return
	case *ast.EDot, *ast.EIndex:
		return
	case *ast.ECall:
		if !p.fn.strict {
			return // Annex B: a run-time ReferenceError
		}
	}
	p.fail(int(e.Start), int(e.End), msg)
}

// parsePostfix parses LeftHandSideExpression with an optional postfix ++/--.
func (p *parser) parsePostfix() ast.Expr {
	start := p.start
	e := p.parseLeftHandSide()
	if (p.tok == TPlusPlus || p.tok == TMinusMinus) && !p.nlBefore && !p.isBareArrow(e) {
		op := ast.UpdateInc
		if p.tok == TMinusMinus {
			op = ast.UpdateDec
		}
		p.checkUpdateTarget(e, "Invalid left-hand side expression in postfix operation", start)
		p.next()
		return ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.EUpdate{Op: op, Target: e}}
	}
	return e
}

// parseLeftHandSide parses new/call/member expressions with optional chains.
func (p *parser) parseLeftHandSide() ast.Expr {
	start := p.start
	var e ast.Expr
	switch p.tok {
	case TNew:
		e = p.parseNew()
	case TSuper:
		e = p.parseSuper()
	case TImport:
		e = p.parseImportExpr()
	default:
		e = p.parsePrimary()
	}
	if p.isBareArrow(e) {
		return e
	}
	return p.parseSuffixes(start, e, false)
}

// parseSuffixes parses member accesses, calls, optional chains and tagged
// templates after e. In a new callee (noCalls) it stops before arguments.
func (p *parser) parseSuffixes(start int, e ast.Expr, noCalls bool) ast.Expr {
	chain := false
	levels := 0
	for {
		p.enter() // each suffix nests the tree one level deeper
		levels++
		switch p.tok {
		case TDot:
			p.next()
			e = p.parseDotName(start, e, false)
		case TQuestionDot:
			if noCalls {
				p.fail(p.start, p.end, "Invalid optional chain from new expression")
			}
			chain = true
			p.next()
			switch p.tok {
			case TOpenParen:
				callPos := p.callPos(e)
				args, closeParen := p.parseArguments()
				e = ast.Expr{Range: rng(start, p.prevEnd), Data: p.calls.set(ast.ECall{Target: e, Args: args, Optional: true, CloseParen: pos(closeParen), Pos: callPos})}
			case TOpenBracket:
				p.next()
				index := p.parseExpression(false)
				p.expect(TCloseBracket)
				e = ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.EIndex{Target: e, Index: index, Optional: true}}
			case TNoSubstTemplate, TTemplateHead:
				p.fail(p.start, p.end, "Invalid tagged template on optional chain")
			default:
				e = p.parseDotName(start, e, true)
			}
		case TOpenBracket:
			p.next()
			index := p.parseExpression(false)
			p.expect(TCloseBracket)
			e = ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.EIndex{Target: e, Index: index}}
		case TOpenParen:
			if noCalls {
				p.depth -= levels
				return e
			}
			callPos := p.callPos(e)
			args, closeParen := p.parseArguments()
			e = ast.Expr{Range: rng(start, p.prevEnd), Data: p.calls.set(ast.ECall{Target: e, Args: args, CloseParen: pos(closeParen), Pos: callPos})}
		case TNoSubstTemplate, TTemplateHead:
			if chain {
				p.fail(p.start, p.end, "Invalid tagged template on optional chain")
			}
			e = p.parseTemplate(start, e)
		default:
			p.depth -= levels
			if chain {
				return ast.Expr{Range: e.Range, Data: &ast.EOptionalChain{Chain: e}}
			}
			return e
		}
	}
}

// parseDotName parses the name after `.` or `?.`.
func (p *parser) parseDotName(start int, target ast.Expr, optional bool) ast.Expr {
	nameLoc := p.start
	switch {
	case p.tok == TPrivateName:
		p.usePrivate(p.name, p.prevEnd-1, p.end)
		if _, isSuper := target.Data.(*ast.ESuper); isSuper {
			p.fail(p.start, p.end, "Unexpected private field")
		}
		name := p.name
		p.next()
		return ast.Expr{Range: rng(start, p.prevEnd), Data: p.dots.set(ast.EDot{Target: target, Name: name, NameLoc: pos(nameLoc), Private: true, Optional: optional})}
	case p.tok == TIdentifier || p.tok >= firstKeyword:
		name := p.name
		if p.tok >= firstKeyword {
			name = p.tok.String()
		}
		p.next()
		return ast.Expr{Range: rng(start, p.prevEnd), Data: p.dots.set(ast.EDot{Target: target, Name: name, NameLoc: pos(nameLoc), Optional: optional})}
	}
	p.unexpected()
	return ast.Expr{}
}

// callPos returns the position V8 gives the call of target whose `(` is the
// current token: the name just before it when that token is an identifier
// (V8's callable tokens), else the `(`.
func (p *parser) callPos(target ast.Expr) ast.Pos {
	if p.prevTok != TIdentifier && p.prevTok != TSuper {
		return pos(p.start)
	}
	if d, ok := target.Data.(*ast.EDot); ok {
		return d.NameLoc
	}
	return target.Start
}

// parseArguments parses `( args )` and returns them and the offset of `)`.
func (p *parser) parseArguments() ([]ast.Expr, int) {
	p.expect(TOpenParen)
	base := len(p.exprStack)
	for p.tok != TCloseParen {
		var arg ast.Expr
		if p.tok == TDotDotDot {
			s := p.start
			p.next()
			v := p.parseAssign(false)
			arg = ast.Expr{Range: rng(s, p.prevEnd), Data: &ast.ESpread{Value: v}}
		} else {
			arg = p.parseAssign(false)
		}
		p.exprStack = append(p.exprStack, arg)
		if !p.eat(TComma) {
			break
		}
	}
	closeParen := p.start
	p.expect(TCloseParen)
	return popList(&p.exprStack, base), closeParen
}

// parseNew parses `new X(args)`, `new X`, `new.target`.
func (p *parser) parseNew() ast.Expr {
	p.enter()
	r := p.parseNewBody()
	p.depth--
	return r
}

// parseNewBody is parseNew without the depth accounting (no defer: a syntax
// error abandons the whole parse, so nothing needs unwinding).
func (p *parser) parseNewBody() ast.Expr {
	start := p.start
	p.next()
	if p.tok == TDot {
		p.next()
		if p.tok == TIdentifier && p.name == "target" && p.escaped {
			p.fail(start, p.end, "'new.target' must not contain escaped characters")
		}
		if !p.isWord("target") {
			p.unexpected()
		}
		if !p.fn.newTargetOK() {
			p.fail(p.start, p.end, "new.target expression is not allowed here")
		}
		p.next()
		return ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.ENewTarget{}}
	}
	calleeStart := p.start
	var callee ast.Expr
	switch p.tok {
	case TNew:
		callee = p.parseNew()
	case TSuper:
		callee = p.parseSuper()
	case TImport:
		if t, _ := p.peek(); t == TOpenParen {
			p.fail(p.start, p.end, "Cannot use new with import")
		}
		callee = p.parseImportExpr()
	default:
		callee = p.parsePrimary()
	}
	callee = p.parseSuffixes(calleeStart, callee, true)
	n := &ast.ENew{Target: callee}
	if p.tok == TOpenParen {
		n.Args, _ = p.parseArguments()
		n.HasArgs = true
	}
	return ast.Expr{Range: rng(start, p.prevEnd), Data: n}
}

// newTargetOK reports whether new.target is allowed in this function.
func (f *funcState) newTargetOK() bool {
	for ; f != nil; f = f.parent {
		if !f.arrow {
			return f.newTarget
		}
	}
	return false
}

// parseSuper parses `super(...)`, `super.x`, `super[x]`.
func (p *parser) parseSuper() ast.Expr {
	start, end := p.start, p.end
	p.next()
	switch p.tok {
	case TOpenParen:
		if !p.fn.superCall {
			p.fail(start, end, "'super' keyword unexpected here")
		}
	case TDot, TOpenBracket:
		if !p.fn.superProp {
			p.fail(start, end, "'super' keyword unexpected here")
		}
	default:
		p.fail(start, end, "'super' keyword unexpected here")
	}
	return ast.Expr{Range: rng(start, end), Data: &ast.ESuper{}}
}

// parseImportExpr parses `import(x)` and `import.meta`.
func (p *parser) parseImportExpr() ast.Expr {
	start, end := p.start, p.end
	p.next()
	if p.tok == TDot {
		p.next()
		if p.tok == TIdentifier && p.name == "meta" && p.escaped {
			p.fail(start, p.end, "'import.meta' must not contain escaped characters")
		}
		if !p.isWord("meta") {
			p.unexpected()
		}
		if !p.opts.Module {
			p.fail(p.start, p.end, "Cannot use 'import.meta' outside a module")
		}
		p.next()
		return ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.EImportMeta{}}
	}
	if p.tok != TOpenParen {
		if !p.opts.Module {
			p.fail(start, end, "Cannot use import statement outside a module")
		}
		p.unexpected()
	}
	open := p.start
	p.next()
	if p.tok == TCloseParen {
		p.fail(open, open+1, "import() requires a specifier")
	}
	if p.tok == TDotDotDot {
		p.unexpected()
	}
	spec := p.parseAssign(false)
	var options ast.Expr
	if p.tok == TComma {
		p.next()
		if p.tok != TCloseParen {
			options = p.parseAssign(false)
			if p.tok == TComma {
				p.next()
			}
		}
	}
	p.expect(TCloseParen)
	return ast.Expr{Range: rng(start, p.prevEnd), Data: &ast.EImportCall{Specifier: spec, Options: options}}
}

// checkIdentifierRef validates name as an IdentifierReference (or label).
func (p *parser) checkIdentifierRef(name string, start, end int) {
	if p.escaped && p.start == start {
		// V8 words escaped yield and await like unescaped ones.
		if k := keywordKind(name); k != TIdentifier || name != "yield" && name != "await" && p.identifierReserved(name) {
			p.fail(start, end, "Keyword must not contain escaped characters")
		}
	}
	switch name {
	case "yield":
		if p.fn.strict {
			p.fail(start, end, "Unexpected strict mode reserved word")
		}
		if p.fn.generator {
			p.fail(start, end, "Unexpected identifier 'yield'")
		}
	case "await":
		if p.opts.Module || p.fn.async || p.fn.staticBlock || p.fn.awaitReserved {
			p.fail(start, end, "Unexpected reserved word")
		}
	case "arguments":
		if p.fn.noArgumentsHere() {
			p.fail(start, end, "'arguments' is not allowed in class field initializer or static initialization block")
		}
	default:
		if p.fn.strict && isStrictReserved(name) {
			p.fail(start, end, "Unexpected strict mode reserved word")
		}
	}
}

// identifierReserved reports whether name may not be an identifier here
// (for the escaped-keyword message).
func (p *parser) identifierReserved(name string) bool {
	switch name {
	case "yield":
		return p.fn.strict || p.fn.generator
	case "await":
		return p.opts.Module || p.fn.async || p.fn.staticBlock || p.fn.awaitReserved
	}
	return p.fn.strict && isStrictReserved(name)
}

// noArgumentsHere reports whether `arguments` is forbidden (class field
// initializers and static blocks, and arrows inside them).
func (f *funcState) noArgumentsHere() bool {
	for ; f != nil; f = f.parent {
		if f.noArguments {
			return true
		}
		if !f.arrow {
			return false
		}
	}
	return false
}

// checkBindingName validates a declared name.
func (p *parser) checkBindingName(name string, start, end int, lexical bool) {
	p.checkIdentifierRef(name, start, end)
	if p.fn.strict && (name == "eval" || name == "arguments") {
		p.fail(start, end, "Unexpected eval or arguments in strict mode")
	}
	if lexical && name == "let" {
		p.fail(start, end, "let is disallowed as a lexically bound name")
	}
}

// parsePrimary parses PrimaryExpression.
func (p *parser) parsePrimary() ast.Expr {
	start, end := p.start, p.end
	switch p.tok {
	case TIdentifier:
		if p.name == "async" {
			if !p.escaped {
				return p.parseAsyncPrimary()
			}
			p.rejectEscapedContextual(TFunction)
		}
		return p.parseIdentifierPrimary()
	case TThis:
		p.next()
		return ast.Expr{Range: rng(start, end), Data: &ast.EThis{}}
	case TNull:
		p.next()
		return ast.Expr{Range: rng(start, end), Data: &ast.ENull{}}
	case TTrue, TFalse:
		v := p.tok == TTrue
		p.next()
		return ast.Expr{Range: rng(start, end), Data: &ast.EBoolean{Value: v}}
	case TNumber:
		p.checkStrictToken()
		v := p.num
		p.next()
		return ast.Expr{Range: rng(start, end), Data: p.nums.set(ast.ENumber{Value: v})}
	case TBigInt:
		d := p.bigint
		p.next()
		return ast.Expr{Range: rng(start, end), Data: &ast.EBigInt{Digits: d}}
	case TString:
		p.checkStrictToken()
		s := p.strs.set(ast.EString{Value: p.str, LegacyOctal: p.octal != octalNone})
		p.next()
		return ast.Expr{Range: rng(start, end), Data: s}
	case TNoSubstTemplate, TTemplateHead:
		return p.parseTemplate(start, ast.Expr{})
	case TSlash, TSlashAssign:
		p.rescanRegExp()
		pattern, flags := p.regexpPattern, p.regexpFlags
		p.validateRegExp(pattern, flags, p.start)
		end = p.end
		p.next()
		return ast.Expr{Range: rng(start, end), Data: &ast.ERegExp{Pattern: pattern, Flags: flags}}
	case TOpenParen:
		return p.parseParenOrArrow()
	case TOpenBracket:
		return p.parseArrayLiteral()
	case TOpenBrace:
		return p.parseObjectLiteral()
	case TFunction:
		fn := p.parseFunction(start, false, false, true)
		return ast.Expr{Range: fn.Range, Data: p.efuncs.set(ast.EFunction{Fn: fn})}
	case TClass:
		c := p.parseClass(false, false)
		return ast.Expr{Range: c.Range, Data: &ast.EClass{Class: c}}
	case TNew:
		return p.parseNew()
	case TSuper:
		return p.parseSuper()
	case TImport:
		return p.parseImportExpr()
	}
	p.unexpected()
	return ast.Expr{}
}

// rejectEscapedContextual fails when the current identifier is an escaped
// contextual keyword used as the keyword: `\u0061sync function f() {}`.
// follow lists the token kinds that make it the keyword (on the same line).
func (p *parser) rejectEscapedContextual(follow ...T) {
	t, nl := p.peek()
	if nl {
		return
	}
	for _, f := range follow {
		if t == f {
			p.fail(p.start, p.end, "Keyword must not contain escaped characters")
		}
	}
}

// parseIdentifierPrimary parses an identifier reference, or the arrow
// function `x => …` it begins.
func (p *parser) parseIdentifierPrimary() ast.Expr {
	start := p.start
	id := p.parseIdentifierPrimaryNoArrow()
	if p.tok == TArrow && !p.nlBefore {
		return p.arrowFromIdentifier(start, id, false)
	}
	return id
}

// parseIdentifierPrimaryNoArrow parses an identifier reference.
func (p *parser) parseIdentifierPrimaryNoArrow() ast.Expr {
	start, end := p.start, p.end
	name := p.name
	if p.tok != TIdentifier {
		p.unexpected()
	}
	p.checkIdentifierRef(name, start, end)
	p.next()
	return ast.Expr{Range: rng(start, end), Data: p.idents.set(ast.EIdentifier{Name: name})}
}

// noteTrailingCommaAfterRest records a spread followed by a comma, which
// parsePropertyKey parses a property name: identifier name, string,
// parseProperty parses one object literal member (cls == nil) or class
// parseAsyncPrimary parses what starts with the identifier async (current
// token, unescaped): an async function expression, an async arrow, a call
// parseAsyncArgs parses the parenthesized list after `async`, which may
// be call arguments or arrow parameters. A final `...x` before `)` is
// rejectAwaitIdent fails if the expression (outside nested functions)

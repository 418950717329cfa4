package compiler

import (
	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

// statements compiles a statement list. As in V8, the statements after
// one that never completes normally (return, throw, break…) are not
// compiled: they cannot run, and get no coverage counters.
func (c *funcCompiler) statements(body []ast.Stmt) {
	for _, s := range body {
		c.stmt(s, nil)
		if !c.b.Reachable() {
			break
		}
	}
}

// stmt compiles one statement; labels are the labels written directly in
// front of it (a loop's continue targets).
func (c *funcCompiler) stmt(s ast.Stmt, labels []string) {
	if c.err != nil {
		return
	}
	mark := c.tempMark()
	defer c.freeTemps(mark)
	switch x := s.Data.(type) {
	case *ast.SEmpty, *ast.SDebugger:
		if _, ok := x.(*ast.SDebugger); ok {
			c.stmtPos(s.Start)
			c.b.Emit(bytecode.Debugger)
		}
	case *ast.SExpr:
		c.stmtPos(s.Start)
		if c.completion >= 0 {
			c.expr(x.Value)
			c.b.Emit(bytecode.Star, c.completion)
		} else {
			c.exprEffect(x.Value)
		}
	case *ast.SVarDecl:
		c.varDecl(x)
	case *ast.SFunction:
		c.annexBFunction(x.Fn)
	case *ast.SClass:
		c.stmtPos(s.Start)
		c.classExpr(x.Class)
		if x.Class.Name != nil {
			c.storeVar(c.resolve(x.Class.Name.Name, x.Class.Name.Var), true)
		}
	case *ast.SBlock:
		if len(labels) > 0 {
			c.labeled(labels, func() { c.block(x.Body, x.Scope) })
		} else {
			c.block(x.Body, x.Scope)
		}
		c.covCont(x, covMain, s.End)
	case *ast.SIf:
		c.ifStmt(s, x)
	case *ast.SWhile:
		c.whileStmt(x, labels)
	case *ast.SDoWhile:
		c.doWhileStmt(x, labels)
	case *ast.SFor:
		c.forStmt(x, labels)
	case *ast.SForIn:
		c.forInStmt(x, labels)
	case *ast.SForOf:
		c.forOfStmt(x, labels)
	case *ast.SContinue:
		c.covContSlot(x, covMain, s.End)
		c.stmtPos(s.Start)
		label := ""
		if x.Label != nil {
			label = x.Label.Name
		}
		t := c.findContinue(label)
		if t < 0 {
			c.fail("Illegal continue statement")
			return
		}
		c.jumpOut(jumpContinue, t)
	case *ast.SBreak:
		c.covContSlot(x, covMain, s.End)
		c.stmtPos(s.Start)
		label := ""
		if x.Label != nil {
			label = x.Label.Name
		}
		t := c.findBreak(label)
		if t < 0 {
			c.fail("Illegal break statement")
			return
		}
		c.jumpOut(jumpBreak, t)
	case *ast.SReturn:
		c.covContSlot(x, covMain, s.End)
		c.stmtPos(s.Start)
		if x.Value.Data != nil {
			c.expr(x.Value)
			if c.asyncGenerator() {
				c.await()
			}
		} else {
			c.b.Emit(bytecode.LdaUndefined)
		}
		c.jumpOut(jumpReturn, -1)
	case *ast.SThrow:
		c.covContSlot(x, covMain, s.End)
		c.expr(x.Value)
		c.stmtPos(s.Start)
		c.b.Emit(bytecode.Throw)
	case *ast.STry:
		c.tryStmt(x)
	case *ast.SSwitch:
		c.switchStmt(s, x, labels)
	case *ast.SLabeled:
		labels = append(labels, x.Label.Name)
		switch x.Body.Data.(type) {
		case *ast.SFor, *ast.SForIn, *ast.SForOf, *ast.SWhile, *ast.SDoWhile, *ast.SLabeled, *ast.SSwitch, *ast.SBlock:
			c.stmt(x.Body, labels)
		default:
			c.labeled(labels, func() { c.stmt(x.Body, nil) })
		}
	case *ast.SWith:
		c.withStmt(x)
	case *ast.SImport, *ast.SExportNamed, *ast.SExportAll:
		// Bound by the linker.
	case *ast.SExportDecl:
		c.stmt(x.Decl, nil)
	case *ast.SExportDefault:
		c.exportDefault(s, x)
	default:
		c.fail("unknown statement")
	}
}

// exportDefault compiles `export default …`: a function declaration is
// hoisted (bound by the linker), a class declaration is evaluated here, an
// expression is stored into the "*default*" binding.
func (c *funcCompiler) exportDefault(s ast.Stmt, x *ast.SExportDefault) {
	switch d := x.Decl.Data.(type) {
	case *ast.SFunction:
		return
	case *ast.SClass:
		c.stmtPos(s.Start)
		c.classExpr(d.Class)
		if d.Class.Name != nil && d.Class.Name.Var != nil {
			c.storeVar(c.resolve(d.Class.Name.Name, d.Class.Name.Var), true)
		} else if x.Var != nil {
			c.storeVar(c.resolve(x.Var.Name, x.Var), true)
		}
		return
	}
	c.stmtPos(s.Start)
	c.expr(x.Value)
	if x.Var != nil {
		c.storeVar(c.resolve(x.Var.Name, x.Var), true)
	}
}

// labeled compiles body as a labeled statement that `break label` leaves.
func (c *funcCompiler) labeled(labels []string, body func()) {
	e := &controlEntry{kind: ctlLabeled, labels: labels, breakL: &bytecode.Label{}}
	c.pushControl(e)
	body()
	c.popControl()
	c.b.Bind(e.breakL)
}

// block compiles a block with its own scope: its context if a closure
// captures one of its bindings, its hoisted function declarations, the TDZ
// of its lexical bindings.
func (c *funcCompiler) block(body []ast.Stmt, s *ast.Scope) {
	if s == nil {
		c.statements(body)
		return
	}
	hasContext := c.pushScope(s)
	if hasContext {
		saved := c.enterContext(false)
		c.pushContextEntry(saved)
		c.initLexicals(s)
		c.hoistFunctions(s)
		c.statements(body)
		c.popControl()
		if c.b.Reachable() {
			c.b.Emit(bytecode.PopContext, saved)
		}
	} else {
		c.initLexicals(s)
		c.hoistFunctions(s)
		c.statements(body)
	}
	c.popScope()
}

// annexBFunction handles a function declaration statement: hoisted already
// (to its scope's entry); in sloppy code a declaration in a block also
// assigns the function to the var of the same name (Annex B.3.3).
func (c *funcCompiler) annexBFunction(fn *ast.Function) {
	if fn.Name == nil || fn.Name.Var == nil || fn.Strict {
		return
	}
	v := fn.Name.Var
	if v.Scope.IsVarScope() {
		return
	}
	outer := v.HoistedTo
	if outer == nil {
		return
	}
	vs := outer.Scope
	c.loadVar(c.resolve(v.Name, v))
	if vs.EvalTop && !vs.Strict {
		c.evalAnnexBStore(outer.Name)
		return
	}
	// B.3.3.1: the var binding itself, not what the name means here (a
	// with object may have a property of that name).
	c.noDynamic = true
	loc := c.resolve(outer.Name, outer)
	c.noDynamic = false
	c.storeVar(loc, false)
}

func (c *funcCompiler) varDecl(x *ast.SVarDecl) {
	for _, d := range x.Decls {
		c.stmtPos(d.Start)
		if d.Init.Data == nil {
			if x.Kind == ast.VarVar {
				continue
			}
			c.b.Emit(bytecode.LdaUndefined)
			c.assignAcc(d.Target, bindInit)
			continue
		}
		kind := bindInit
		if x.Kind == ast.VarVar {
			kind = bindAssignVar
		}
		if id, ok := d.Target.Data.(*ast.BIdentifier); ok {
			c.expr(d.Init)
			c.storeVar(c.resolve(id.Name, id.Var), kind == bindInit)
			continue
		}
		mark := c.tempMark()
		r := c.newTemp()
		c.expr(d.Init)
		c.b.Emit(bytecode.Star, r)
		c.bindPattern(d.Target, r, kind)
		c.freeTemps(mark)
	}
}

func (c *funcCompiler) ifStmt(s ast.Stmt, x *ast.SIf) {
	c.stmtPos(s.Start)
	elseL, end := &bytecode.Label{}, &bytecode.Label{}
	thenSlot, elseSlot, last := c.covSlot(x.Yes.Start, x.Yes.End), -1, x.Yes.End
	if x.No.Data != nil {
		elseSlot, last = c.covSlot(x.Yes.End, x.No.End), x.No.End
	}
	c.condJump(x.Test, elseL, false)
	c.covInc(thenSlot)
	c.stmt(x.Yes, nil)
	if x.No.Data != nil {
		c.b.EmitJump(bytecode.Jump, end)
		c.b.Bind(elseL)
		c.covInc(elseSlot)
		c.stmt(x.No, nil)
	} else {
		c.b.Bind(elseL)
	}
	c.b.Bind(end)
	c.covCont(x, covMain, last)
}

// loop pushes a loop's control entry.
func (c *funcCompiler) loop(labels []string) *controlEntry {
	e := &controlEntry{kind: ctlLoop, labels: labels, breakL: &bytecode.Label{}, continueL: &bytecode.Label{}}
	c.pushControl(e)
	return e
}

func (c *funcCompiler) whileStmt(x *ast.SWhile, labels []string) {
	top := &bytecode.Label{}
	body := c.covSlot(x.Body.Start, x.Body.End)
	e := c.loop(labels)
	c.b.Bind(top)
	c.condJump(x.Test, e.breakL, false)
	c.covInc(body)
	c.stmt(x.Body, nil)
	c.b.Bind(e.continueL)
	c.b.EmitJump(bytecode.JumpLoop, top)
	c.popControl()
	c.b.Bind(e.breakL)
	c.covCont(x, covMain, x.Body.End)
}

func (c *funcCompiler) doWhileStmt(x *ast.SDoWhile, labels []string) {
	top := &bytecode.Label{}
	body := c.covSlot(x.Body.Start, x.Body.End)
	e := c.loop(labels)
	c.b.Bind(top)
	c.covInc(body)
	c.stmt(x.Body, nil)
	c.b.Bind(e.continueL)
	c.condJump(x.Test, e.breakL, false)
	c.b.EmitJump(bytecode.JumpLoop, top)
	c.popControl()
	c.b.Bind(e.breakL)
	c.covCont(x, covMain, x.Body.End)
}

func (c *funcCompiler) forStmt(x *ast.SFor, labels []string) {
	var saved = -1
	perIteration := false
	if x.Scope != nil {
		if c.pushScope(x.Scope) {
			saved = c.enterContext(false)
			c.pushContextEntry(saved)
			perIteration = true
		}
		c.initLexicals(x.Scope)
	}
	if x.Init.Data != nil {
		switch init := x.Init.Data.(type) {
		case *ast.SVarDecl:
			c.varDecl(init)
		case *ast.SExpr:
			c.stmtPos(x.Init.Start)
			c.exprEffect(init.Value)
		}
	}
	if perIteration {
		c.b.Emit(bytecode.CloneContext)
	}
	top := &bytecode.Label{}
	body := c.covSlot(x.Body.Start, x.Body.End)
	e := c.loop(labels)
	c.b.Bind(top)
	if x.Test.Data != nil {
		c.condJump(x.Test, e.breakL, false)
	}
	c.covInc(body)
	c.stmt(x.Body, nil)
	c.b.Bind(e.continueL)
	if perIteration {
		c.b.Emit(bytecode.CloneContext)
	}
	if x.Update.Data != nil {
		c.exprPos(x.Update.Start)
		c.exprEffect(x.Update)
	}
	c.b.EmitJump(bytecode.JumpLoop, top)
	c.popControl()
	c.b.Bind(e.breakL)
	if saved >= 0 {
		c.popControl()
		c.b.Emit(bytecode.PopContext, saved)
	}
	if x.Scope != nil {
		c.popScope()
	}
	c.covCont(x, covMain, x.Body.End)
}

// forBinding binds the value in register r to a for-in/of head, entering
// the per-iteration scope when the head declares let/const. It returns the
// register of the outer context to pop at the iteration's end, or -1.
func (c *funcCompiler) forBinding(left ast.ForBinding, s *ast.Scope, r int) int {
	saved := -1
	if s != nil && (left.Kind == ast.VarLet || left.Kind == ast.VarConst) {
		if c.pushScope(s) {
			saved = c.enterContext(false)
			c.pushContextEntry(saved)
		}
		c.initLexicals(s)
		c.bindPattern(left.Target, r, bindInit)
		return saved
	}
	kind := bindAssign
	if left.Kind == ast.VarVar {
		kind = bindAssignVar
	}
	c.bindPattern(left.Target, r, kind)
	return saved
}

func (c *funcCompiler) endForBinding(left ast.ForBinding, s *ast.Scope, saved int) {
	if s != nil && (left.Kind == ast.VarLet || left.Kind == ast.VarConst) {
		if saved >= 0 {
			c.popControl()
			if c.b.Reachable() {
				c.b.Emit(bytecode.PopContext, saved)
			}
		}
		c.popScope()
	}
}

// forHeadExpr compiles the expression of a for-in/of head. When it may
// refer to a name the head declares with let or const (a closure there
// captures it, or a direct eval may), it runs in a scope of its own where
// those names are uninitialized (ForIn/OfHeadEvaluation's TDZ):
//
//	for (let x in { k: () => x }) ;  // calling the arrow throws ReferenceError
func (c *funcCompiler) forHeadExpr(left ast.ForBinding, s *ast.Scope, right ast.Expr) {
	if s == nil || left.Kind != ast.VarLet && left.Kind != ast.VarConst || !s.InnerEval && !refersToScope(right, s) {
		c.expr(right)
		return
	}
	saved := -1
	if c.pushScope(s) {
		saved = c.enterContext(false)
		c.pushContextEntry(saved)
	}
	c.initLexicals(s)
	c.expr(right)
	if saved >= 0 {
		c.popControl()
		c.b.Emit(bytecode.PopContext, saved)
	}
	c.popScope()
}

// refersToScope reports whether e (closures in it included) refers to a
// captured variable of scope s.
func refersToScope(e ast.Expr, s *ast.Scope) bool {
	found := false
	in := func(v *ast.Variable) { found = found || v != nil && v.Scope == s && v.Captured }
	walkExpr(e, func(e ast.Expr) bool {
		switch x := e.Data.(type) {
		case *ast.EIdentifier:
			in(x.Var)
		case *ast.EAssign:
			ast.EachIdentifier(x.Target, func(id *ast.BIdentifier, _ ast.Range) { in(id.Var) })
		}
		return !found
	})
	return found
}

func (c *funcCompiler) forInStmt(x *ast.SForIn, labels []string) {
	if x.Left.Init.Data != nil {
		c.expr(x.Left.Init)
		c.assignAcc(x.Left.Target, bindAssignVar)
	}
	obj, idx, keys := c.newLocal(), c.newLocal(), c.newLocal()
	c.forHeadExpr(x.Left, x.Scope, x.Right)
	c.b.Emit(bytecode.Star, obj)
	c.b.Emit(bytecode.ForInEnumerate, obj)
	c.b.Emit(bytecode.Star, keys)
	c.b.Emit(bytecode.LdaZero)
	c.b.Emit(bytecode.Star, idx)
	top := &bytecode.Label{}
	body := c.covSlot(x.Body.Start, x.Body.End)
	e := c.loop(labels)
	c.b.Bind(top)
	c.b.Emit(bytecode.ForInNext, obj, idx, keys)
	c.b.EmitJump(bytecode.JumpIfUndefined, e.breakL)
	key := c.newLocal()
	c.b.Emit(bytecode.Star, key)
	c.covInc(body)
	saved := c.forBinding(x.Left, x.Scope, key)
	c.stmt(x.Body, nil)
	c.endForBinding(x.Left, x.Scope, saved)
	c.b.Bind(e.continueL)
	c.b.Emit(bytecode.Ldar, idx)
	c.b.Emit(bytecode.Inc)
	c.b.Emit(bytecode.Star, idx)
	c.b.EmitJump(bytecode.JumpLoop, top)
	c.popControl()
	c.b.Bind(e.breakL)
	c.covCont(x, covMain, x.Body.End)
}

func (c *funcCompiler) forOfStmt(x *ast.SForOf, labels []string) {
	if x.Await && (c.genReg < 0 || !c.fn.Async) {
		c.unsupported("for await outside an async function", x.Right.Start)
		return
	}
	iter, next, res := c.newLocal(), c.newLocal(), c.newLocal()
	c.forHeadExpr(x.Left, x.Scope, x.Right)
	c.exprPos(x.Right.Start)
	if x.Await {
		c.b.Emit(bytecode.Star, res)
		c.b.Emit(bytecode.CallRuntime, int(bytecode.RtGetAsyncIterator), res, 1)
	} else {
		c.b.Emit(bytecode.GetIterator, c.b.FeedbackSlots(1))
	}
	c.b.Emit(bytecode.Star, iter)
	c.b.Emit(bytecode.LdaNamedProperty, iter, c.b.NameConstant("next"), c.b.FeedbackSlots(2))
	c.b.Emit(bytecode.Star, next)

	e := &controlEntry{kind: ctlForOf, labels: labels, breakL: &bytecode.Label{}, continueL: &bytecode.Label{}, iterReg: iter, async: x.Await}
	top := &bytecode.Label{}
	body := c.covSlot(x.Body.Start, x.Body.End)
	c.b.Bind(top)
	c.b.Emit(bytecode.CallProperty, next, iter, 0, c.b.FeedbackSlots(1))
	if x.Await {
		c.await()
	}
	c.b.Emit(bytecode.Star, res)
	notObject, ok := &bytecode.Label{}, &bytecode.Label{}
	c.b.EmitJump(bytecode.JumpIfJSReceiver, ok)
	c.b.Bind(notObject)
	c.throwTypeError("Iterator result is not an object")
	c.b.Bind(ok)
	c.b.Emit(bytecode.LdaNamedProperty, res, c.b.NameConstant("done"), c.b.FeedbackSlots(2))
	c.b.EmitJump(bytecode.JumpIfToBooleanTrue, e.breakL)
	c.b.Emit(bytecode.LdaNamedProperty, res, c.b.NameConstant("value"), c.b.FeedbackSlots(2))
	c.b.Emit(bytecode.Star, res)

	// The body runs under a handler that closes the iterator when an
	// exception leaves it.
	ctx := c.newLocal()
	c.b.Emit(bytecode.Mov, bytecode.FrameContext, ctx)
	start := c.b.Offset()
	c.pushControl(e)
	c.covInc(body)
	saved := c.forBinding(x.Left, x.Scope, res)
	c.stmt(x.Body, nil)
	c.endForBinding(x.Left, x.Scope, saved)
	c.popControl()
	end := c.b.Offset()
	c.b.Bind(e.continueL)
	c.b.EmitJump(bytecode.JumpLoop, top)

	handler := &bytecode.Label{}
	c.b.Bind(handler)
	c.b.AddHandler(bytecode.Handler{Start: start, End: end, Target: c.b.Offset(), Context: ctx})
	exc := c.newLocal()
	c.b.Emit(bytecode.Star, exc)
	flag := c.newTemps(2)
	c.b.Emit(bytecode.Mov, iter, flag)
	c.b.Emit(bytecode.LdaTrue)
	c.b.Emit(bytecode.Star, flag+1)
	c.b.Emit(bytecode.CallRuntime, int(bytecode.RtIteratorClose), flag, 2)
	c.b.Emit(bytecode.Ldar, exc)
	c.b.Emit(bytecode.ReThrow)
	c.b.Bind(e.breakL)
	c.covCont(x, covMain, x.Body.End)
}

// throwTypeError emits a throw of a TypeError with a fixed message.
func (c *funcCompiler) throwTypeError(msg string) {
	mark := c.tempMark()
	r := c.newTemp()
	c.b.Emit(bytecode.LdaConstant, c.b.NameConstant(msg))
	c.b.Emit(bytecode.Star, r)
	c.b.Emit(bytecode.CallRuntime, int(bytecode.RtThrowTypeError), r, 1)
	c.freeTemps(mark)
}

func (c *funcCompiler) switchStmt(s ast.Stmt, x *ast.SSwitch, labels []string) {
	disc := c.newLocal()
	c.expr(x.Disc)
	c.b.Emit(bytecode.Star, disc)
	saved := -1
	if x.Scope != nil {
		c.switchScopes[x.Scope] = true
		if c.pushScope(x.Scope) {
			saved = c.enterContext(false)
			c.pushContextEntry(saved)
		}
		c.initLexicals(x.Scope)
		c.hoistFunctions(x.Scope)
	}
	e := &controlEntry{kind: ctlSwitch, labels: labels, breakL: &bytecode.Label{}}
	c.pushControl(e)
	caseL := make([]*bytecode.Label, len(x.Cases))
	def := -1
	for i, cs := range x.Cases {
		caseL[i] = &bytecode.Label{}
		if cs.Test.Data == nil {
			def = i
			continue
		}
		c.expr(cs.Test)
		c.exprPos(cs.Test.Start)
		c.b.Emit(bytecode.TestEqualStrict, disc)
		c.b.EmitJump(bytecode.JumpIfTrue, caseL[i])
	}
	if def >= 0 {
		c.b.EmitJump(bytecode.Jump, caseL[def])
	} else {
		c.b.EmitJump(bytecode.Jump, e.breakL)
	}
	for i, cs := range x.Cases {
		c.b.Bind(caseL[i])
		c.covRange(cs.Start, cs.End)
		c.statements(cs.Body)
	}
	c.popControl()
	c.b.Bind(e.breakL)
	if x.Scope != nil {
		if saved >= 0 {
			c.popControl()
			c.b.Emit(bytecode.PopContext, saved)
		}
		c.popScope()
	}
	c.covCont(x, covMain, s.End)
}

// tryStmt compiles try/catch, try/finally and try/catch/finally. The
// exception handler restores the context saved at the try's start.
func (c *funcCompiler) tryStmt(x *ast.STry) {
	ctx := c.newLocal()
	c.b.Emit(bytecode.Mov, bytecode.FrameContext, ctx)
	if x.Finally == nil {
		c.tryCatch(x, ctx)
		return
	}
	e := &controlEntry{kind: ctlFinally, finallyL: &bytecode.Label{}}
	e.tokenReg, e.valueReg = c.newLocal(), c.newLocal()
	c.pushControl(e)
	start := c.b.Offset()
	if x.Catch != nil {
		c.tryCatch(x, ctx)
	} else {
		c.block(x.Block.Body, x.Block.Scope)
	}
	end := c.b.Offset()
	c.b.Emit(bytecode.LdaSmi, tokenFallthrough)
	c.b.Emit(bytecode.Star, e.tokenReg)
	c.b.EmitJump(bytecode.Jump, e.finallyL)
	handler := c.b.Offset()
	c.b.Bind(&bytecode.Label{}) // the handler is reachable
	c.b.AddHandler(bytecode.Handler{Start: start, End: end, Target: handler, Context: ctx})
	c.b.Emit(bytecode.Star, e.valueReg)
	c.b.Emit(bytecode.LdaSmi, tokenRethrow)
	c.b.Emit(bytecode.Star, e.tokenReg)
	c.popControl()

	c.b.Bind(e.finallyL)
	c.covRange(x.FinallyLoc, x.Finally.End)
	c.block(x.Finally.Body, x.Finally.Scope)
	if !c.b.Reachable() {
		c.covCont(x, covMain, x.Finally.End) // reserved, never counted
		return
	}
	// Dispatch on the completion token.
	done := &bytecode.Label{}
	c.b.Emit(bytecode.LdaSmi, tokenFallthrough)
	c.b.EmitJump(bytecode.JumpIfSmiEqual, done, e.tokenReg)
	targets := make([]*bytecode.Label, len(e.commands))
	for i, cmd := range e.commands {
		targets[i] = &bytecode.Label{}
		c.b.Emit(bytecode.LdaSmi, cmd.token)
		c.b.EmitJump(bytecode.JumpIfSmiEqual, targets[i], e.tokenReg)
	}
	c.b.Emit(bytecode.Ldar, e.valueReg)
	c.b.Emit(bytecode.ReThrow)
	for i, cmd := range e.commands {
		c.b.Bind(targets[i])
		switch cmd.kind {
		case jumpReturn:
			c.b.Emit(bytecode.Ldar, e.valueReg)
			c.jumpOut(jumpReturn, -1)
		default:
			if t := c.indexOf(cmd.target); t >= 0 {
				c.jumpOut(cmd.kind, t)
			}
		}
	}
	c.b.Bind(done)
	c.covCont(x, covMain, x.Finally.End)
}

// tryCatch compiles the try block and catch clause of x.
func (c *funcCompiler) tryCatch(x *ast.STry, ctx int) {
	start := c.b.Offset()
	c.block(x.Block.Body, x.Block.Scope)
	end := c.b.Offset()
	after := &bytecode.Label{}
	c.b.EmitJump(bytecode.Jump, after)
	handler := c.b.Offset()
	c.b.Bind(&bytecode.Label{})
	c.b.AddHandler(bytecode.Handler{Start: start, End: end, Target: handler, Context: ctx})
	cat := x.Catch
	c.covRange(cat.Start, cat.End)
	if cat.Scope != nil {
		exc := c.newLocal()
		c.b.Emit(bytecode.Star, exc)
		saved := -1
		if c.pushScope(cat.Scope) {
			saved = c.enterContext(false)
			c.pushContextEntry(saved)
		}
		if cat.Param.Data != nil {
			c.bindPattern(cat.Param, exc, bindInit)
		}
		c.block(cat.Body.Body, cat.Body.Scope)
		if saved >= 0 {
			c.popControl()
			if c.b.Reachable() {
				c.b.Emit(bytecode.PopContext, saved)
			}
		}
		c.popScope()
	} else {
		c.block(cat.Body.Body, cat.Body.Scope)
	}
	c.b.Bind(after)
	c.covCont(x, covCatch, cat.End)
}

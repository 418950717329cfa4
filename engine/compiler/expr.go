package compiler

import (
	"math"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/jsnum"
)

// expr compiles e, leaving its value in the accumulator.
func (c *funcCompiler) expr(e ast.Expr) {
	if c.err != nil {
		return
	}
	mark := c.tempMark()
	defer c.freeTemps(mark)
	b := c.b
	switch x := e.Data.(type) {
	case *ast.ENumber:
		c.number(x.Value)
	case *ast.EString:
		b.Emit(bytecode.LdaConstant, b.StringConstant(x.Value))
	case *ast.EBoolean:
		if x.Value {
			b.Emit(bytecode.LdaTrue)
		} else {
			b.Emit(bytecode.LdaFalse)
		}
	case *ast.ENull:
		b.Emit(bytecode.LdaNull)
	case *ast.EIdentifier:
		if x.Var == nil && x.Name == "undefined" {
			b.Emit(bytecode.LdaUndefined)
			return
		}
		loc := c.resolve(x.Name, x.Var)
		if loc.kind == locGlobal || loc.kind == locDynamic || loc.holeCheck {
			c.exprPos(e.Start) // where a ReferenceError points
		}
		c.loadVar(loc)
	case *ast.EThis:
		c.loadThis()
	case *ast.ENewTarget:
		c.loadNewTarget()
	case *ast.ETemplate:
		c.template(e, x)
	case *ast.EArray:
		c.arrayLiteral(x)
	case *ast.EObject:
		c.objectLiteral(x)
	case *ast.EFunction:
		c.createClosureEager(x.Fn, e.Start < x.Fn.Range.Start && x.Fn.Kind == ast.FuncNormal)
	case *ast.EClass:
		c.classExpr(x.Class)
	case *ast.ERegExp:
		b.Emit(bytecode.CreateRegExpLiteral, b.NameConstant(x.Pattern), b.NameConstant(x.Flags))
	case *ast.EUnary:
		c.unary(e, x)
	case *ast.EUpdate:
		c.update(e, x, true)
	case *ast.EBinary:
		c.binary(e, x)
	case *ast.EAssign:
		c.assign(e, x, true)
	case *ast.ECond:
		elseL, end := &bytecode.Label{}, &bytecode.Label{}
		thenSlot, elseSlot := c.covSlot(x.QuestionLoc, x.Yes.End), c.covSlot(x.ColonLoc, x.No.End)
		c.condJump(x.Test, elseL, false)
		c.covInc(thenSlot)
		c.expr(x.Yes)
		b.EmitJump(bytecode.Jump, end)
		b.Bind(elseL)
		c.covInc(elseSlot)
		c.expr(x.No)
		b.Bind(end)
	case *ast.ESequence:
		for i, s := range x.Exprs {
			if i == len(x.Exprs)-1 {
				c.expr(s)
			} else {
				c.exprEffect(s)
			}
		}
	case *ast.EDot:
		c.dot(e, x)
	case *ast.EIndex:
		c.index(e, x)
	case *ast.ECall:
		c.call(e, x)
	case *ast.ENew:
		c.newExpr(e, x)
	case *ast.EOptionalChain:
		short, end := &bytecode.Label{}, &bytecode.Label{}
		c.chains = append(c.chains, short)
		c.expr(x.Chain)
		c.chains = c.chains[:len(c.chains)-1]
		b.EmitJump(bytecode.Jump, end)
		b.Bind(short)
		b.Emit(bytecode.LdaUndefined)
		b.Bind(end)
	case *ast.EBigInt:
		c.b.Emit(bytecode.LdaConstant, c.b.BigIntConstant(x.Digits))
	case *ast.EYield:
		c.yieldExpr(e, x)
	case *ast.EAwait:
		c.awaitExpr(e, x)
	case *ast.EImportMeta:
		mark := c.tempMark()
		r := c.newTemp()
		c.loadContextSlot(c.u.Prog.Top.Scope, ModuleIDSlot)
		b.Emit(bytecode.Star, r)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtImportMeta), r, 1)
		c.freeTemps(mark)
	case *ast.EImportCall:
		mark := c.tempMark()
		r := c.newTemps(2)
		c.expr(x.Specifier)
		b.Emit(bytecode.Star, r)
		if x.Options.Data != nil {
			c.expr(x.Options)
		} else {
			b.Emit(bytecode.LdaUndefined)
		}
		b.Emit(bytecode.Star, r+1)
		c.exprPos(e.Start)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtDynamicImport), r, 2)
		c.freeTemps(mark)
	case *ast.EPrivateName:
		c.unsupported("private names", e.Start)
	case *ast.ESuper:
		c.fail("'super' keyword unexpected here")
	case *ast.ESpread:
		c.fail("unexpected spread")
	default:
		c.fail("unknown expression")
	}
}

// exprEffect compiles e for its side effects only.
func (c *funcCompiler) exprEffect(e ast.Expr) {
	switch x := e.Data.(type) {
	case *ast.EUpdate:
		mark := c.tempMark()
		c.update(e, x, false)
		c.freeTemps(mark)
		return
	case *ast.EAssign:
		mark := c.tempMark()
		c.assign(e, x, false)
		c.freeTemps(mark)
		return
	}
	c.expr(e)
}

// number loads the number x.
func (c *funcCompiler) number(x float64) {
	switch {
	case x == 0 && !math.Signbit(x):
		c.b.Emit(bytecode.LdaZero)
	case bytecode.IsSmiNumber(x):
		c.b.Emit(bytecode.LdaSmi, int(x))
	default:
		c.b.Emit(bytecode.LdaConstant, c.b.NumberConstant(x))
	}
}

// exprInto compiles e into register r.
func (c *funcCompiler) exprInto(e ast.Expr, r int) {
	c.expr(e)
	c.b.Emit(bytecode.Star, r)
}

// operandReg returns a register holding the value of e: the variable's own
// register when e is a local (and none of the later expressions assign
// it), else a new temporary.
func (c *funcCompiler) operandReg(e ast.Expr, later ...ast.Expr) int {
	if id, ok := e.Data.(*ast.EIdentifier); ok && id.Var != nil {
		loc := c.resolve(id.Name, id.Var)
		if (loc.kind == locRegister && !loc.holeCheck || loc.kind == locClosure) && !mayAssign(id.Var, later) {
			return loc.reg
		}
	}
	if _, ok := e.Data.(*ast.EThis); ok && c.fn.Kind != ast.FuncArrow && !c.fn.Scope.EvalTop && !c.fn.Derived {
		return bytecode.FrameReceiver
	}
	r := c.newTemp()
	c.exprInto(e, r)
	return r
}

// mayAssign reports whether any of exprs may assign the variable v (outside
// nested functions: a closure assigning v would have made it captured).
func mayAssign(v *ast.Variable, exprs []ast.Expr) bool {
	found := false
	is := func(id *ast.BIdentifier, _ ast.Range) { found = found || id.Var == v }
	for _, e := range exprs {
		walkExpr(e, func(e ast.Expr) bool {
			switch x := e.Data.(type) {
			case *ast.EAssign:
				ast.EachIdentifier(x.Target, is)
			case *ast.EUpdate:
				if id, ok := x.Target.Data.(*ast.EIdentifier); ok && id.Var == v {
					found = true
				}
			case *ast.EFunction, *ast.EClass:
				return false
			}
			return !found
		})
		if found {
			return true
		}
	}
	return found
}

// loadVar loads a resolved variable into the accumulator.
func (c *funcCompiler) loadVar(loc varLoc) {
	b := c.b
	switch loc.kind {
	case locRegister, locClosure:
		b.Emit(bytecode.Ldar, loc.reg)
	case locContext:
		if loc.depth == 0 {
			b.Emit(bytecode.LdaCurrentContextSlot, loc.slot)
		} else {
			b.Emit(bytecode.LdaContextSlot, loc.depth, loc.slot)
		}
	case locImport:
		b.Emit(bytecode.LdaModuleVariable, loc.depth, loc.slot, loc.target)
	case locGlobal:
		b.Emit(bytecode.LdaGlobal, b.NameConstant(loc.name), b.FeedbackSlots(2))
		return
	case locDynamic:
		if loc.hasRef {
			c.refRuntime(bytecode.RtLookupRefLoad, loc, nil, 2)
			return
		}
		c.loadDynamic(loc.name, false)
		return
	}
	if loc.holeCheck {
		b.Emit(bytecode.ThrowReferenceErrorIfHole, b.NameConstant(loc.name))
	}
}

// storeVar stores the accumulator into a resolved variable, leaving it in
// the accumulator. init marks a declaration's initialization (no TDZ or
// const check).
func (c *funcCompiler) storeVar(loc varLoc, init bool) {
	b := c.b
	if loc.kind == locDynamic {
		if loc.hasRef {
			strict := 0
			if c.fn.Strict {
				strict = 1
			}
			c.refRuntime(bytecode.RtLookupRefStore, loc, func(r int) {
				b.Emit(bytecode.Star, r+2)
				b.Emit(bytecode.LdaSmi, strict)
				b.Emit(bytecode.Star, r+3)
			}, 4)
			return
		}
		c.storeDynamic(loc.name)
		return
	}
	if !init {
		if loc.immutable {
			if loc.sloppyName {
				return // assignment to a sloppy function expression's name is ignored
			}
			if loc.holeCheck {
				mark := c.tempMark()
				t := c.newTemp()
				b.Emit(bytecode.Star, t)
				c.loadVar(loc)
				b.Emit(bytecode.Ldar, t)
				c.freeTemps(mark)
			}
			b.Emit(bytecode.ThrowConstAssignError, b.NameConstant(loc.name))
			return
		}
		if loc.holeCheck {
			mark := c.tempMark()
			t := c.newTemp()
			b.Emit(bytecode.Star, t)
			c.loadVar(loc)
			b.Emit(bytecode.Ldar, t)
			c.freeTemps(mark)
		}
	}
	switch loc.kind {
	case locRegister:
		b.Emit(bytecode.Star, loc.reg)
	case locClosure:
		// Only reachable in sloppy code, handled above.
	case locContext:
		if loc.depth == 0 {
			b.Emit(bytecode.StaCurrentContextSlot, loc.slot)
		} else {
			b.Emit(bytecode.StaContextSlot, loc.depth, loc.slot)
		}
		if loc.v != nil && c.u.exported(loc.v) {
			c.exportChanged(loc)
		}
	case locGlobal:
		b.Emit(bytecode.StaGlobal, b.NameConstant(loc.name), b.FeedbackSlots(2))
	}
	if init && loc.v != nil && loc.v.Kind.Lexical() {
		c.initialized[loc.v] = true
	}
}

// exportChanged tells the runtime that an exported module binding (in the
// accumulator, kept there) was written, so namespace objects showing it
// stay live.
func (c *funcCompiler) exportChanged(loc varLoc) {
	b := c.b
	mark := c.tempMark()
	r := c.newTemps(3)
	b.Emit(bytecode.Star, r)
	b.Emit(bytecode.LdaContextSlot, loc.depth, objectsContextMinSlots)
	b.Emit(bytecode.Star, r+1)
	b.Emit(bytecode.LdaSmi, loc.slot)
	b.Emit(bytecode.Star, r+2)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtModuleExportChanged), r, 3)
	c.freeTemps(mark)
}

// receiverFunction returns the function whose `this` code in c.fn sees: c.fn
// itself, or for an arrow the nearest enclosing non-arrow function.
func (c *funcCompiler) receiverFunction() *ast.Function {
	if c.fn.Kind != ast.FuncArrow && !c.fn.Scope.EvalTop {
		return c.fn
	}
	for s := c.fn.Scope.Parent; s != nil; s = s.Parent {
		if s.Func != nil && s.Func.Kind != ast.FuncArrow && s == s.Func.Scope && !s.EvalTop {
			return s.Func
		}
	}
	return c.u.Prog.Top
}

// loadThis loads `this`.
func (c *funcCompiler) loadThis() {
	rf := c.receiverFunction()
	if rf.Kind == ast.FuncModule {
		c.b.Emit(bytecode.LdaUndefined) // `this` is undefined at a module's top level
		return
	}
	c.loadThisRaw(rf)
	if rf.Derived {
		c.b.Emit(bytecode.ThrowSuperNotCalledIfHole)
	}
}

// loadThisRaw loads the `this` of the receiver function rf, the hole in a
// derived constructor before super(). A derived constructor whose `this`
// is in its context (an arrow or eval may call super()) reads it there.
func (c *funcCompiler) loadThisRaw(rf *ast.Function) {
	if rf == c.fn && !(rf.Derived && c.u.layout(rf.Scope).thisSlot >= 0) {
		c.b.Emit(bytecode.Ldar, bytecode.FrameReceiver)
		return
	}
	l := c.u.layout(rf.Scope)
	if l.thisSlot < 0 {
		c.fail("internal error: `this` of an enclosing function is not captured")
		return
	}
	c.loadContextSlot(rf.Scope, l.thisSlot)
}

// storeThis stores the accumulator as `this` (after super()): in the
// frame's receiver of the constructor itself, and in its context slot
// when inner arrows or eval code see it.
func (c *funcCompiler) storeThis() {
	rf := c.receiverFunction()
	if rf == c.fn {
		c.b.Emit(bytecode.Star, bytecode.FrameReceiver)
	}
	if l := c.u.layout(rf.Scope); l.thisSlot >= 0 {
		c.b.Emit(bytecode.StaContextSlot, c.contextDepth(rf.Scope), l.thisSlot)
	}
}

// emitReturn returns the accumulator. Return takes a derived constructor's
// `this` from the frame's receiver, so one whose `this` is in its context
// (super() may have run in an arrow or eval code) copies it there first;
// the return happens in the function's own context.
func (c *funcCompiler) emitReturn() {
	fn := c.fn
	if fn.Derived && fn.Kind == ast.FuncClassConstructor {
		if l := c.u.layout(fn.Scope); l.thisSlot >= 0 {
			mark := c.tempMark()
			t := c.newTemp()
			c.b.Emit(bytecode.Star, t)
			c.b.Emit(bytecode.LdaCurrentContextSlot, l.thisSlot)
			c.b.Emit(bytecode.Star, bytecode.FrameReceiver)
			c.b.Emit(bytecode.Ldar, t)
			c.freeTemps(mark)
		}
	}
	c.b.Emit(bytecode.Return)
}

// loadNewTarget loads new.target.
func (c *funcCompiler) loadNewTarget() {
	rf := c.receiverFunction()
	if rf == c.fn {
		c.b.Emit(bytecode.Ldar, bytecode.FrameNewTarget)
		return
	}
	l := c.u.layout(rf.Scope)
	if l.newTargetSlot < 0 {
		c.b.Emit(bytecode.LdaUndefined)
		return
	}
	c.loadContextSlot(rf.Scope, l.newTargetSlot)
}

// loadActiveFunction loads the closure of the receiver function (for super
// property access from arrows).
func (c *funcCompiler) loadActiveFunction() {
	rf := c.receiverFunction()
	if rf == c.fn {
		c.b.Emit(bytecode.Ldar, bytecode.FrameClosure)
		return
	}
	l := c.u.layout(rf.Scope)
	if l.funcSlot < 0 {
		c.fail("internal error: the enclosing function is not captured")
		return
	}
	c.loadContextSlot(rf.Scope, l.funcSlot)
}

func (c *funcCompiler) loadContextSlot(s *ast.Scope, slot int) {
	d := c.contextDepth(s)
	if d == 0 {
		c.b.Emit(bytecode.LdaCurrentContextSlot, slot)
	} else {
		c.b.Emit(bytecode.LdaContextSlot, d, slot)
	}
}

// isBooleanExpr reports whether e always produces a boolean.
func isBooleanExpr(e ast.Expr) bool {
	switch x := e.Data.(type) {
	case *ast.EBoolean:
		return true
	case *ast.EUnary:
		return x.Op == ast.UnaryNot || x.Op == ast.UnaryDelete
	case *ast.EBinary:
		switch x.Op {
		case ast.BinEq, ast.BinNe, ast.BinStrictEq, ast.BinStrictNe, ast.BinLt, ast.BinGt, ast.BinLe, ast.BinGe,
			ast.BinIn, ast.BinInstanceof:
			return true
		}
	}
	return false
}

// condJump compiles e as a condition: it jumps to target when ToBoolean(e)
// equals when, and falls through otherwise.
func (c *funcCompiler) condJump(e ast.Expr, target *bytecode.Label, when bool) {
	if c.err != nil {
		return
	}
	switch x := e.Data.(type) {
	case *ast.EUnary:
		if x.Op == ast.UnaryNot {
			c.condJump(x.Value, target, !when)
			return
		}
	case *ast.EBinary:
		switch x.Op {
		case ast.BinLogicalAnd:
			if when {
				skip := &bytecode.Label{}
				c.condJump(x.Left, skip, false)
				c.covRange(x.OpLoc, x.Right.End)
				c.condJump(x.Right, target, true)
				c.b.Bind(skip)
			} else {
				c.condJump(x.Left, target, false)
				c.covRange(x.OpLoc, x.Right.End)
				c.condJump(x.Right, target, false)
			}
			return
		case ast.BinLogicalOr:
			if when {
				c.condJump(x.Left, target, true)
				c.covRange(x.OpLoc, x.Right.End)
				c.condJump(x.Right, target, true)
			} else {
				skip := &bytecode.Label{}
				c.condJump(x.Left, skip, true)
				c.covRange(x.OpLoc, x.Right.End)
				c.condJump(x.Right, target, false)
				c.b.Bind(skip)
			}
			return
		}
	case *ast.EBoolean:
		if x.Value == when {
			c.b.EmitJump(bytecode.Jump, target)
		}
		return
	}
	c.expr(e)
	switch {
	case isBooleanExpr(e) && when:
		c.b.EmitJump(bytecode.JumpIfTrue, target)
	case isBooleanExpr(e):
		c.b.EmitJump(bytecode.JumpIfFalse, target)
	case when:
		c.b.EmitJump(bytecode.JumpIfToBooleanTrue, target)
	default:
		c.b.EmitJump(bytecode.JumpIfToBooleanFalse, target)
	}
}

var binaryOps = [...]bytecode.Op{
	ast.BinAdd: bytecode.Add, ast.BinSub: bytecode.Sub, ast.BinMul: bytecode.Mul, ast.BinDiv: bytecode.Div,
	ast.BinRem: bytecode.Mod, ast.BinExp: bytecode.Exp, ast.BinShl: bytecode.ShiftLeft,
	ast.BinShr: bytecode.ShiftRight, ast.BinUShr: bytecode.ShiftRightLogical,
	ast.BinBitAnd: bytecode.BitwiseAnd, ast.BinBitOr: bytecode.BitwiseOr, ast.BinBitXor: bytecode.BitwiseXor,
	ast.BinEq: bytecode.TestEqual, ast.BinNe: bytecode.TestEqual,
	ast.BinStrictEq: bytecode.TestEqualStrict, ast.BinStrictNe: bytecode.TestEqualStrict,
	ast.BinLt: bytecode.TestLessThan, ast.BinGt: bytecode.TestGreaterThan,
	ast.BinLe: bytecode.TestLessThanOrEqual, ast.BinGe: bytecode.TestGreaterThanOrEqual,
	ast.BinIn: bytecode.TestIn, ast.BinInstanceof: bytecode.TestInstanceOf,
}

func isNullLiteral(e ast.Expr) bool { _, ok := e.Data.(*ast.ENull); return ok }

func isUndefinedLiteral(e ast.Expr) bool {
	if id, ok := e.Data.(*ast.EIdentifier); ok {
		return id.Var == nil && id.Name == "undefined"
	}
	if u, ok := e.Data.(*ast.EUnary); ok && u.Op == ast.UnaryVoid {
		if _, ok := u.Value.Data.(*ast.ENumber); ok {
			return true
		}
	}
	return false
}

func (c *funcCompiler) binary(e ast.Expr, x *ast.EBinary) {
	b := c.b
	switch x.Op {
	case ast.BinLogicalAnd, ast.BinLogicalOr, ast.BinCoalesce:
		end := &bytecode.Label{}
		c.expr(x.Left)
		switch x.Op {
		case ast.BinLogicalAnd:
			b.EmitJump(bytecode.JumpIfToBooleanFalse, end)
		case ast.BinLogicalOr:
			b.EmitJump(bytecode.JumpIfToBooleanTrue, end)
		default:
			b.EmitJump(bytecode.JumpIfNotNullish, end)
		}
		c.covRange(x.OpLoc, x.Right.End)
		c.expr(x.Right)
		b.Bind(end)
		return
	case ast.BinEq, ast.BinNe, ast.BinStrictEq, ast.BinStrictNe:
		// Comparisons with null and undefined literals.
		var operand ast.Expr
		var op bytecode.Op
		strict := x.Op == ast.BinStrictEq || x.Op == ast.BinStrictNe
		switch {
		case isNullLiteral(x.Right):
			operand, op = x.Left, bytecode.TestNull
		case isNullLiteral(x.Left):
			operand, op = x.Right, bytecode.TestNull
		case isUndefinedLiteral(x.Right):
			operand, op = x.Left, bytecode.TestUndefined
		case isUndefinedLiteral(x.Left):
			operand, op = x.Right, bytecode.TestUndefined
		}
		if operand.Data != nil {
			if !strict {
				op = bytecode.TestNullish
			}
			c.expr(operand)
			b.Emit(op)
			if x.Op == ast.BinNe || x.Op == ast.BinStrictNe {
				b.Emit(bytecode.LogicalNot)
			}
			return
		}
	case ast.BinIn:
		if pn, ok := x.Left.Data.(*ast.EPrivateName); ok {
			pair := c.newTemps(2)
			c.exprInto(x.Right, pair)
			if !c.loadPrivateName(pn.Name, x.Left.Start) {
				return
			}
			b.Emit(bytecode.Star, pair+1)
			c.exprPos(e.Start)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtHasPrivate), pair, 2)
			return
		}
	}
	l := c.operandReg(x.Left, x.Right)
	c.expr(x.Right)
	c.exprPos(e.Start)
	b.Emit(binaryOps[x.Op], l)
	if x.Op == ast.BinNe || x.Op == ast.BinStrictNe {
		b.Emit(bytecode.LogicalNot)
	}
}

func (c *funcCompiler) unary(e ast.Expr, x *ast.EUnary) {
	b := c.b
	switch x.Op {
	case ast.UnaryNeg:
		if n, ok := x.Value.Data.(*ast.ENumber); ok {
			c.number(-n.Value)
			return
		}
		c.expr(x.Value)
		c.exprPos(e.Start)
		b.Emit(bytecode.Negate)
	case ast.UnaryPlus:
		c.expr(x.Value)
		c.exprPos(e.Start)
		b.Emit(bytecode.ToNumber)
	case ast.UnaryNot:
		c.expr(x.Value)
		if isBooleanExpr(x.Value) {
			b.Emit(bytecode.LogicalNot)
		} else {
			b.Emit(bytecode.ToBooleanLogicalNot)
		}
	case ast.UnaryCpl:
		c.expr(x.Value)
		c.exprPos(e.Start)
		b.Emit(bytecode.BitwiseNot)
	case ast.UnaryTypeof:
		if id, ok := x.Value.Data.(*ast.EIdentifier); ok {
			loc := c.resolve(id.Name, id.Var)
			if loc.kind == locGlobal {
				b.Emit(bytecode.LdaGlobalInsideTypeof, b.NameConstant(loc.name), b.FeedbackSlots(2))
				b.Emit(bytecode.TypeOf)
				return
			}
			if loc.kind == locDynamic {
				c.loadDynamic(loc.name, true)
				b.Emit(bytecode.TypeOf)
				return
			}
		}
		c.expr(x.Value)
		b.Emit(bytecode.TypeOf)
	case ast.UnaryVoid:
		c.exprEffect(x.Value)
		b.Emit(bytecode.LdaUndefined)
	case ast.UnaryDelete:
		c.deleteExpr(e, x.Value)
	}
}

// deleteExpr compiles `delete target`.
func (c *funcCompiler) deleteExpr(e ast.Expr, target ast.Expr) {
	b := c.b
	strict := 0
	if c.fn.Strict {
		strict = 1
	}
	switch t := target.Data.(type) {
	case *ast.EDot:
		if t.Private {
			c.unsupported("private names", t.NameLoc)
			return
		}
		if _, ok := t.Target.Data.(*ast.ESuper); ok {
			c.throwReferenceError("Unsupported reference to 'super'")
			return
		}
		obj := c.operandReg(t.Target)
		b.Emit(bytecode.LdaConstant, b.NameConstant(t.Name))
		c.exprPos(e.Start)
		b.Emit(bytecode.DeleteProperty, obj, strict)
	case *ast.EIndex:
		obj := c.operandReg(t.Target, t.Index)
		c.expr(t.Index)
		c.exprPos(e.Start)
		b.Emit(bytecode.DeleteProperty, obj, strict)
	case *ast.EIdentifier:
		loc := c.resolve(t.Name, t.Var)
		if loc.kind == locDynamic {
			c.lookupRuntime(bytecode.RtLookupDelete, t.Name, 1, nil)
			return
		}
		if loc.kind == locGlobal && t.Var == nil {
			// A sloppy `delete x` of a global property.
			mark := c.tempMark()
			g := c.newTemp()
			b.Emit(bytecode.LdaGlobal, b.NameConstant("globalThis"), b.FeedbackSlots(2))
			b.Emit(bytecode.Star, g)
			b.Emit(bytecode.LdaConstant, b.NameConstant(t.Name))
			b.Emit(bytecode.DeleteProperty, g, 0)
			c.freeTemps(mark)
			return
		}
		b.Emit(bytecode.LdaFalse)
	case *ast.EOptionalChain:
		c.unsupported("delete of an optional chain", e.Start)
	default:
		c.exprEffect(target)
		b.Emit(bytecode.LdaTrue)
	}
}

// throwReferenceError emits a throw of a ReferenceError with a fixed message.
func (c *funcCompiler) throwReferenceError(msg string) {
	mark := c.tempMark()
	r := c.newTemp()
	c.b.Emit(bytecode.LdaConstant, c.b.NameConstant(msg))
	c.b.Emit(bytecode.Star, r)
	c.b.Emit(bytecode.CallRuntime, int(bytecode.RtThrowReferenceError), r, 1)
	c.freeTemps(mark)
}

// propertyName returns, for a property key written as a literal, the name
// constant to use with named property instructions; false when the key is
// an array index (an element) or computed.
func (c *funcCompiler) propertyName(key ast.Expr, computed bool) (int, bool) {
	if computed {
		if s, ok := key.Data.(*ast.EString); ok {
			if _, isIndex := jsnum.ArrayIndexUTF16(s.Value); !isIndex {
				return c.b.StringConstant(s.Value), true
			}
		}
		return 0, false
	}
	switch k := key.Data.(type) {
	case *ast.EString:
		if _, isIndex := jsnum.ArrayIndexUTF16(k.Value); isIndex {
			return 0, false
		}
		return c.b.StringConstant(k.Value), true
	case *ast.ENumber:
		return 0, false
	}
	return 0, false
}

// propertyKey loads a property key: a literal key as a string or number,
// a computed key converted by ToPropertyKey.
func (c *funcCompiler) propertyKey(key ast.Expr, computed bool) {
	if computed {
		c.expr(key)
		c.b.Emit(bytecode.ToPropertyKey)
		return
	}
	switch k := key.Data.(type) {
	case *ast.EString:
		if i, ok := jsnum.ArrayIndexUTF16(k.Value); ok && i <= math.MaxInt32 && bytecode.IsSmiNumber(float64(i)) {
			c.number(float64(i))
			return
		}
		c.b.Emit(bytecode.LdaConstant, c.b.StringConstant(k.Value))
	case *ast.ENumber:
		if bytecode.IsSmiNumber(k.Value) && k.Value >= 0 {
			c.number(k.Value)
			return
		}
		c.b.Emit(bytecode.LdaConstant, c.b.NameConstant(jsnum.FormatNumber(k.Value)))
	case *ast.EBigInt:
		c.b.Emit(bytecode.LdaConstant, c.b.NameConstant(k.Digits))
	default:
		c.expr(key)
		c.b.Emit(bytecode.ToPropertyKey)
	}
}

func (c *funcCompiler) dot(e ast.Expr, x *ast.EDot) {
	if x.Private {
		obj := c.operandReg(x.Target)
		c.optionalCheck(x.Optional, obj, e, x.Target)
		pair := c.newTemps(2)
		c.b.Emit(bytecode.Mov, obj, pair)
		if !c.loadPrivateName(x.Name, x.NameLoc) {
			return
		}
		c.b.Emit(bytecode.Star, pair+1)
		c.exprPos(x.NameLoc)
		c.b.Emit(bytecode.CallRuntime, int(bytecode.RtLoadPrivate), pair, 2)
		return
	}
	if _, ok := x.Target.Data.(*ast.ESuper); ok {
		c.superLoad(func() { c.b.Emit(bytecode.LdaConstant, c.b.NameConstant(x.Name)) })
		return
	}
	obj := c.operandReg(x.Target)
	c.optionalCheck(x.Optional, obj, e, x.Target)
	c.exprPos(x.NameLoc)
	c.b.Emit(bytecode.LdaNamedProperty, obj, c.b.NameConstant(x.Name), c.b.FeedbackSlots(2))
}

func (c *funcCompiler) index(e ast.Expr, x *ast.EIndex) {
	if _, ok := x.Target.Data.(*ast.ESuper); ok {
		c.superLoad(func() { c.expr(x.Index); c.b.Emit(bytecode.ToPropertyKey) })
		return
	}
	obj := c.operandReg(x.Target, x.Index)
	c.optionalCheck(x.Optional, obj, e, x.Target)
	if name, ok := c.propertyName(x.Index, true); ok {
		c.exprPos(x.Index.Start)
		c.b.Emit(bytecode.LdaNamedProperty, obj, name, c.b.FeedbackSlots(2))
		return
	}
	c.expr(x.Index)
	c.exprPos(x.Index.Start)
	c.b.Emit(bytecode.LdaKeyedProperty, obj, c.b.FeedbackSlots(2))
}

// optionalCheck short-circuits the enclosing optional chain when an `?.`
// target in register r is null or undefined.
// link is the access, target its object: the link's coverage range runs
// from the `?.` to the end of the link.
func (c *funcCompiler) optionalCheck(optional bool, r int, link, target ast.Expr) {
	if !optional {
		return
	}
	if len(c.chains) == 0 {
		c.fail("optional access outside a chain")
		return
	}
	slot := -1
	if c.cov != nil {
		slot = c.covSlot(c.optionalLinkStart(target), link.End)
	}
	c.b.Emit(bytecode.Ldar, r)
	c.b.EmitJump(bytecode.JumpIfNullish, c.chains[len(c.chains)-1])
	c.covInc(slot)
}

// superLoad compiles super[key] (key loaded into the accumulator by loadKey).
func (c *funcCompiler) superLoad(loadKey func()) {
	mark := c.tempMark()
	args := c.newTemps(3)
	c.loadActiveFunction()
	c.b.Emit(bytecode.Star, args)
	loadKey()
	c.b.Emit(bytecode.Star, args+1)
	c.loadThis()
	c.b.Emit(bytecode.Star, args+2)
	c.b.Emit(bytecode.CallRuntime, int(bytecode.RtLoadSuperProperty), args, 3)
	c.freeTemps(mark)
}

// template compiles a template literal, tagged or not.
func (c *funcCompiler) template(e ast.Expr, x *ast.ETemplate) {
	b := c.b
	if x.Tag.Data != nil {
		c.taggedTemplate(e, x)
		return
	}
	acc := c.newTemp()
	first := true
	appendAcc := func() {
		if first {
			b.Emit(bytecode.Star, acc)
			first = false
			return
		}
		b.Emit(bytecode.Add, acc)
		b.Emit(bytecode.Star, acc)
	}
	for i, part := range x.Parts {
		if len(part.Cooked) > 0 || (i == 0 && len(x.Exprs) == 0) {
			b.Emit(bytecode.LdaConstant, b.StringConstant(part.Cooked))
			appendAcc()
		}
		if i < len(x.Exprs) {
			c.expr(x.Exprs[i])
			c.exprPos(x.Exprs[i].Start)
			b.Emit(bytecode.ToString)
			appendAcc()
		}
	}
	if first {
		b.Emit(bytecode.LdaConstant, b.StringConstant(nil))
		return
	}
	b.Emit(bytecode.Ldar, acc)
}

// taggedTemplate compiles tag`…`: the tag is called with the frozen
// strings array (cooked values, with a raw property) and the substitutions.
func (c *funcCompiler) taggedTemplate(e ast.Expr, x *ast.ETemplate) {
	b := c.b
	cooked := bytecode.Constant{Kind: bytecode.ConstArray}
	raw := bytecode.Constant{Kind: bytecode.ConstArray}
	for _, p := range x.Parts {
		if p.CookedInvalid {
			cooked.Elems = append(cooked.Elems, bytecode.Constant{Kind: bytecode.ConstUndefined})
		} else {
			cooked.Elems = append(cooked.Elems, bytecode.Constant{Kind: bytecode.ConstString, Str: p.Cooked})
		}
		raw.Elems = append(raw.Elems, bytecode.Constant{Kind: bytecode.ConstString, Str: utf16Of(p.Raw)})
	}
	block := c.newTemps(2 + len(x.Exprs))
	callee, isMethod := c.calleeAndReceiver(x.Tag, block)
	args := block + 1
	pair := c.newTemps(2)
	b.Emit(bytecode.LdaConstant, b.Constant(cooked))
	b.Emit(bytecode.Star, pair)
	b.Emit(bytecode.LdaConstant, b.Constant(raw))
	b.Emit(bytecode.Star, pair+1)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtCreateTemplateObject), pair, 2)
	b.Emit(bytecode.Star, args)
	for i, s := range x.Exprs {
		c.exprInto(s, args+1+i)
	}
	c.exprPos(x.Parts[0].Start) // V8 reports a tagged call at its template
	if isMethod {
		b.Emit(bytecode.CallProperty, callee, block, 1+len(x.Exprs), b.FeedbackSlots(1))
		return
	}
	b.Emit(bytecode.CallUndefinedReceiver, callee, args, 1+len(x.Exprs), b.FeedbackSlots(1))
}

package compiler

import (
	"unicode/utf16"

	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

func utf16Of(s string) []uint16 { return utf16.Encode([]rune(s)) }

// calleeAndReceiver evaluates the callee of a call: for a property access
// `o.m` the receiver o goes to register recv (allocated by the caller, so
// that the arguments can follow it) and the method to a new register; for
// anything else the receiver is unused and ok is false.
func (c *funcCompiler) calleeAndReceiver(target ast.Expr, recv int) (callee int, isMethod bool) {
	b := c.b
	switch t := target.Data.(type) {
	case *ast.EDot:
		if t.Private {
			c.exprInto(t.Target, recv)
			c.optionalCheck(t.Optional, recv, target, t.Target)
			callee = c.newTemp()
			pair := c.newTemps(2)
			b.Emit(bytecode.Mov, recv, pair)
			if !c.loadPrivateName(t.Name, t.NameLoc) {
				return callee, true
			}
			b.Emit(bytecode.Star, pair+1)
			c.exprPos(t.NameLoc)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtLoadPrivate), pair, 2)
			b.Emit(bytecode.Star, callee)
			return callee, true
		}
		if _, ok := t.Target.Data.(*ast.ESuper); ok {
			// super.m(…): the method of the home object's prototype,
			// called with this.
			c.loadThis()
			b.Emit(bytecode.Star, recv)
			callee = c.newTemp()
			c.superLoad(func() { b.Emit(bytecode.LdaConstant, b.NameConstant(t.Name)) })
			b.Emit(bytecode.Star, callee)
			return callee, true
		}
		c.exprInto(t.Target, recv)
		c.optionalCheck(t.Optional, recv, target, t.Target)
		callee = c.newTemp()
		c.exprPos(t.NameLoc)
		b.Emit(bytecode.LdaNamedProperty, recv, b.NameConstant(t.Name), b.FeedbackSlots(2))
		b.Emit(bytecode.Star, callee)
		return callee, true
	case *ast.EIndex:
		if _, ok := t.Target.Data.(*ast.ESuper); ok {
			c.loadThis()
			b.Emit(bytecode.Star, recv)
			callee = c.newTemp()
			c.superLoad(func() { c.expr(t.Index); b.Emit(bytecode.ToPropertyKey) })
			b.Emit(bytecode.Star, callee)
			return callee, true
		}
		c.exprInto(t.Target, recv)
		c.optionalCheck(t.Optional, recv, target, t.Target)
		callee = c.newTemp()
		if name, ok := c.propertyName(t.Index, true); ok {
			c.exprPos(t.Index.Start)
			b.Emit(bytecode.LdaNamedProperty, recv, name, b.FeedbackSlots(2))
		} else {
			c.expr(t.Index)
			c.exprPos(t.Index.Start)
			b.Emit(bytecode.LdaKeyedProperty, recv, b.FeedbackSlots(2))
		}
		b.Emit(bytecode.Star, callee)
		return callee, true
	case *ast.EOptionalChain:
		// (a?.b)() keeps the receiver: compile the chain as a callee.
		short, end := &bytecode.Label{}, &bytecode.Label{}
		c.chains = append(c.chains, short)
		callee, isMethod = c.calleeAndReceiver(t.Chain, recv)
		c.chains = c.chains[:len(c.chains)-1]
		b.EmitJump(bytecode.Jump, end)
		b.Bind(short)
		b.Emit(bytecode.LdaUndefined)
		b.Emit(bytecode.Star, callee)
		b.Bind(end)
		return callee, isMethod
	}
	callee = c.newTemp()
	if id, ok := target.Data.(*ast.EIdentifier); ok && c.u.Prog.Dynamic && !(id.Var == nil && id.Name == "undefined") {
		if loc := c.resolve(id.Name, id.Var); loc.kind == locDynamic {
			c.exprPos(target.Start)
			c.callDynamic(id.Name, callee, recv)
			return callee, true
		}
	}
	c.exprInto(target, callee)
	return callee, false
}

// hasSpread reports whether an argument list spreads, and whether only its
// last argument does.
func hasSpread(args []ast.Expr) (any, lastOnly bool) {
	for i, a := range args {
		if _, ok := a.Data.(*ast.ESpread); ok {
			if i != len(args)-1 {
				return true, false
			}
			any = true
		}
	}
	return any, any
}

// argsInto evaluates args into consecutive registers from first; a spread
// argument (only the last, see hasSpread) is evaluated as its iterable.
func (c *funcCompiler) argsInto(args []ast.Expr, first int) {
	for i, a := range args {
		if s, ok := a.Data.(*ast.ESpread); ok {
			a = s.Value
		}
		c.exprInto(a, first+i)
	}
}

// spreadArray builds an array of every argument (spreads expanded) into
// register r: used when a spread is not the last argument.
func (c *funcCompiler) spreadArray(args []ast.Expr, r int) {
	c.b.Emit(bytecode.CreateEmptyArrayLiteral)
	c.b.Emit(bytecode.Star, r)
	for _, a := range args {
		if s, ok := a.Data.(*ast.ESpread); ok {
			mark := c.tempMark()
			pair := c.newTemps(2)
			c.b.Emit(bytecode.Mov, r, pair)
			c.exprInto(s.Value, pair+1)
			c.b.Emit(bytecode.CallRuntime, int(bytecode.RtSpreadIntoArray), pair, 2)
			c.freeTemps(mark)
			continue
		}
		c.expr(a)
		c.b.Emit(bytecode.ArrayPush, r)
	}
}

func (c *funcCompiler) call(e ast.Expr, x *ast.ECall) {
	b := c.b
	if _, ok := x.Target.Data.(*ast.ESuper); ok {
		c.superCall(e, x.Args)
		return
	}
	directEval := false
	if id, ok := x.Target.Data.(*ast.EIdentifier); ok && id.Name == "eval" && !x.Optional {
		directEval = true
	}
	spread, lastOnly := hasSpread(x.Args)
	if spread && directEval {
		lastOnly = false // eval(...args): the first element decides
	}
	n := len(x.Args)
	if spread && !lastOnly {
		n = 1
	}
	// The receiver, then the arguments, in consecutive registers.
	block := c.newTemps(1 + n)
	callee, isMethod := c.calleeAndReceiver(x.Target, block)
	if x.Optional {
		c.optionalCheck(true, callee, e, x.Target)
	}
	pos := x.Pos
	switch {
	case spread:
		if !isMethod {
			b.Emit(bytecode.LdaUndefined)
			b.Emit(bytecode.Star, block)
		}
		if lastOnly {
			c.argsInto(x.Args, block+1)
		} else {
			c.spreadArray(x.Args, block+1)
		}
		if directEval {
			mark := c.tempMark()
			first := c.newTemp()
			b.Emit(bytecode.LdaZero)
			b.Emit(bytecode.LdaKeyedProperty, block+1, b.FeedbackSlots(2))
			b.Emit(bytecode.Star, first)
			c.resolveDirectEval(callee, first, true, x.EvalInParams, x.Pos)
			c.freeTemps(mark)
		}
		c.exprPos(pos)
		b.Emit(bytecode.CallWithSpread, callee, block, n, b.FeedbackSlots(1))
	case isMethod:
		c.argsInto(x.Args, block+1)
		if directEval {
			c.evalArgPos(x.Args)
			c.resolveDirectEval(callee, block+1, n > 0, x.EvalInParams, x.Pos)
		}
		c.exprPos(pos)
		b.Emit(bytecode.CallProperty, callee, block, n, b.FeedbackSlots(1))
	default:
		c.argsInto(x.Args, block+1)
		if directEval {
			c.evalArgPos(x.Args)
			c.resolveDirectEval(callee, block+1, n > 0, x.EvalInParams, x.Pos)
		}
		c.exprPos(pos)
		b.Emit(bytecode.CallUndefinedReceiver, callee, block+1, n, b.FeedbackSlots(1))
	}
}

func (c *funcCompiler) newExpr(e ast.Expr, x *ast.ENew) {
	b := c.b
	callee := c.newTemp()
	c.exprInto(x.Target, callee)
	spread, lastOnly := hasSpread(x.Args)
	n := len(x.Args)
	first := c.newTemps(max(n, 1))
	op := bytecode.Construct
	if spread {
		op = bytecode.ConstructWithSpread
		if lastOnly {
			c.argsInto(x.Args, first)
		} else {
			c.spreadArray(x.Args, first)
			n = 1
		}
	} else {
		c.argsInto(x.Args, first)
	}
	b.Emit(bytecode.Ldar, callee)
	c.exprPos(e.Start)
	b.Emit(op, callee, first, n, b.FeedbackSlots(1))
}

// superCall compiles super(args): the parent constructor runs with this
// function's new.target, its result becomes `this`, then the instance fields
// of this class are initialized. In an arrow function or direct eval code the
// constructor, its new.target and `this` are the constructor's context slots.
func (c *funcCompiler) superCall(e ast.Expr, args []ast.Expr) {
	b := c.b
	rf := c.receiverFunction()
	inner := rf != c.fn
	spread, lastOnly := hasSpread(args)
	n := len(args)
	extra := 0
	if inner {
		extra = 2
	}
	block := c.newTemps(extra + max(n, 1))
	first := block + extra
	id := bytecode.RtSuperCall
	if inner {
		id = bytecode.RtSuperCallFrom
		c.loadActiveFunction()
		b.Emit(bytecode.Star, block)
		c.loadNewTarget()
		b.Emit(bytecode.Star, block+1)
	}
	if spread {
		id++ // the spread form follows each
		if lastOnly {
			c.argsInto(args, first)
		} else {
			c.spreadArray(args, first)
			n = 1
		}
	} else {
		c.argsInto(args, first)
	}
	c.exprPos(e.Start)
	b.Emit(bytecode.CallRuntime, int(id), block, extra+n)
	mark := c.tempMark()
	t := c.newTemps(2)
	b.Emit(bytecode.Star, t)
	// `this` must still be uninitialized.
	c.loadThisRaw(rf)
	b.Emit(bytecode.ThrowSuperAlreadyCalledIfNotHole)
	b.Emit(bytecode.Ldar, t)
	c.storeThis()
	if cls := rf.Class; cls != nil && cls.InstanceInit != nil {
		if inner {
			c.loadActiveFunction()
			b.Emit(bytecode.Star, t+1)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtInitializeInstance), t, 2)
		} else {
			b.Emit(bytecode.CallRuntime, int(bytecode.RtInitializeInstance), bytecode.FrameReceiver, 1)
		}
	}
	b.Emit(bytecode.Ldar, t)
	c.freeTemps(mark)
}

func utf16Decode(s []uint16) []rune { return utf16.Decode(s) }

package compiler

import (
	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

// bindKind says how a binding target receives its value.
type bindKind uint8

const (
	// bindInit initializes a declaration (let, const, class, parameters,
	// catch): no TDZ or const check.
	bindInit bindKind = iota
	// bindAssignVar assigns a var declaration's initializer.
	bindAssignVar
	// bindAssign is an assignment expression's target.
	bindAssign
)

// memberRef is an evaluated property reference: the object and, for a
// computed key, the key, in registers.
type memberRef struct {
	obj, key int
	name     int // name constant for a named reference, or -1
	super    bool
	private  bool // key holds a private name's symbol
}

// memberTarget evaluates the object (and key) of a member assignment
// target; later are the expressions evaluated before the store (a local's
// own register serves as the object unless they may assign it).
func (c *funcCompiler) memberTarget(e ast.Expr, later ...ast.Expr) (memberRef, bool) {
	switch t := e.Data.(type) {
	case *ast.EDot:
		if t.Private {
			obj := c.operandReg(t.Target, later...)
			key := c.newTemp()
			if !c.loadPrivateName(t.Name, t.NameLoc) {
				return memberRef{}, false
			}
			c.b.Emit(bytecode.Star, key)
			return memberRef{obj: obj, key: key, name: -1, private: true}, true
		}
		if _, ok := t.Target.Data.(*ast.ESuper); ok {
			k := c.newTemp()
			c.b.Emit(bytecode.LdaConstant, c.b.NameConstant(t.Name))
			c.b.Emit(bytecode.Star, k)
			return memberRef{key: k, name: -1, super: true}, true
		}
		obj := c.operandReg(t.Target, later...)
		return memberRef{obj: obj, name: c.b.NameConstant(t.Name)}, true
	case *ast.EIndex:
		if _, ok := t.Target.Data.(*ast.ESuper); ok {
			k := c.newTemp()
			c.expr(t.Index)
			c.b.Emit(bytecode.ToPropertyKey)
			c.b.Emit(bytecode.Star, k)
			return memberRef{key: k, name: -1, super: true}, true
		}
		obj := c.operandReg(t.Target, append([]ast.Expr{t.Index}, later...)...)
		if name, ok := c.propertyName(t.Index, true); ok {
			return memberRef{obj: obj, name: name}, true
		}
		key := c.operandReg(t.Index, later...)
		return memberRef{obj: obj, key: key, name: -1}, true
	}
	if _, ok := e.Data.(*ast.ECall); ok {
		// Annex B: a call as an assignment target (sloppy code only, the
		// parser checks) is evaluated, then throws (before the value is).
		c.expr(e)
		mark := c.tempMark()
		r := c.newTemp()
		c.b.Emit(bytecode.LdaConstant, c.b.NameConstant("Invalid left-hand side in assignment"))
		c.b.Emit(bytecode.Star, r)
		c.b.Emit(bytecode.CallRuntime, int(bytecode.RtThrowReferenceError), r, 1)
		c.freeTemps(mark)
		return memberRef{}, false
	}
	c.fail("Invalid left-hand side in assignment")
	return memberRef{}, false
}

// loadMember loads the property a reference names.
func (c *funcCompiler) loadMember(ref memberRef) {
	b := c.b
	switch {
	case ref.private:
		mark := c.tempMark()
		pair := c.newTemps(2)
		b.Emit(bytecode.Mov, ref.obj, pair)
		b.Emit(bytecode.Mov, ref.key, pair+1)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtLoadPrivate), pair, 2)
		c.freeTemps(mark)
	case ref.super:
		mark := c.tempMark()
		args := c.newTemps(3)
		c.loadActiveFunction()
		b.Emit(bytecode.Star, args)
		b.Emit(bytecode.Mov, ref.key, args+1)
		c.loadThis()
		b.Emit(bytecode.Star, args+2)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtLoadSuperProperty), args, 3)
		c.freeTemps(mark)
	case ref.name >= 0:
		b.Emit(bytecode.LdaNamedProperty, ref.obj, ref.name, b.FeedbackSlots(2))
	default:
		b.Emit(bytecode.Ldar, ref.key)
		b.Emit(bytecode.LdaKeyedProperty, ref.obj, b.FeedbackSlots(2))
	}
}

// storeMember stores the accumulator into the property a reference names,
// leaving the value in the accumulator.
func (c *funcCompiler) storeMember(ref memberRef) {
	b := c.b
	switch {
	case ref.private:
		mark := c.tempMark()
		args := c.newTemps(3)
		b.Emit(bytecode.Star, args+2)
		b.Emit(bytecode.Mov, ref.obj, args)
		b.Emit(bytecode.Mov, ref.key, args+1)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtStorePrivate), args, 3)
		c.freeTemps(mark)
	case ref.super:
		mark := c.tempMark()
		args := c.newTemps(4)
		b.Emit(bytecode.Star, args+2)
		c.loadActiveFunction()
		b.Emit(bytecode.Star, args)
		b.Emit(bytecode.Mov, ref.key, args+1)
		c.loadThis()
		b.Emit(bytecode.Star, args+3)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtStoreSuperProperty), args, 4)
		b.Emit(bytecode.Ldar, args+2)
		c.freeTemps(mark)
	case ref.name >= 0:
		b.Emit(bytecode.StaNamedProperty, ref.obj, ref.name, b.FeedbackSlots(2))
	default:
		b.Emit(bytecode.StaKeyedProperty, ref.obj, ref.key, b.FeedbackSlots(2))
	}
}

// assign compiles an assignment expression; the value is left in the
// accumulator (when used is false the caller discards it).
func (c *funcCompiler) assign(e ast.Expr, x *ast.EAssign, used bool) {
	b := c.b
	if x.Op == ast.AssignEq {
		switch t := x.Target.Data.(type) {
		case *ast.BIdentifier:
			loc := c.resolve(t.Name, t.Var)
			c.dynamicRef(&loc)
			c.expr(x.Value)
			c.exprPos(e.Start)
			c.storeVar(loc, false)
		case *ast.BMember:
			ref, ok := c.memberTarget(t.Value, x.Value)
			if !ok {
				return
			}
			c.expr(x.Value)
			c.exprPos(memberPos(t.Value))
			c.storeMember(ref)
		default:
			r := c.newTemp()
			c.exprInto(x.Value, r)
			c.bindPattern(x.Target, r, bindAssign)
			b.Emit(bytecode.Ldar, r)
		}
		return
	}
	logical := x.Op == ast.AssignLogicalAnd || x.Op == ast.AssignLogicalOr || x.Op == ast.AssignCoalesce
	end := &bytecode.Label{}
	shortCircuit := func() {
		switch x.Op {
		case ast.AssignLogicalAnd:
			b.EmitJump(bytecode.JumpIfToBooleanFalse, end)
		case ast.AssignLogicalOr:
			b.EmitJump(bytecode.JumpIfToBooleanTrue, end)
		case ast.AssignCoalesce:
			b.EmitJump(bytecode.JumpIfNotNullish, end)
		}
	}
	switch t := x.Target.Data.(type) {
	case *ast.BIdentifier:
		loc := c.resolve(t.Name, t.Var)
		if !logical && loc.kind == locRegister && !loc.holeCheck && !mayAssign(t.Var, []ast.Expr{x.Value}) {
			// x op= v with x a local: x is its own left operand.
			c.expr(x.Value)
			c.exprPos(e.Start)
			b.Emit(binaryOps[x.Op.Binary()], loc.reg)
			c.storeVar(loc, false)
			break
		}
		c.dynamicRef(&loc)
		c.loadVar(loc)
		loc.holeCheck = false // the load just checked
		if logical {
			shortCircuit()
			c.expr(x.Value)
		} else {
			old := c.newTemp()
			b.Emit(bytecode.Star, old)
			c.expr(x.Value)
			c.exprPos(e.Start)
			b.Emit(binaryOps[x.Op.Binary()], old)
		}
		c.storeVar(loc, false)
	case *ast.BMember:
		ref, ok := c.memberTarget(t.Value, x.Value)
		if !ok {
			return
		}
		c.exprPos(memberPos(t.Value))
		c.loadMember(ref)
		if logical {
			shortCircuit()
			c.expr(x.Value)
		} else {
			old := c.newTemp()
			b.Emit(bytecode.Star, old)
			c.expr(x.Value)
			c.exprPos(e.Start)
			b.Emit(binaryOps[x.Op.Binary()], old)
		}
		c.exprPos(memberPos(t.Value))
		c.storeMember(ref)
	default:
		c.fail("Invalid left-hand side in assignment")
	}
	b.Bind(end)
}

// memberPos is the position V8 reports for a property access.
func memberPos(e ast.Expr) ast.Pos {
	if d, ok := e.Data.(*ast.EDot); ok {
		return d.NameLoc
	}
	return e.Start
}

// update compiles ++ and --; used says whether the value is needed.
func (c *funcCompiler) update(e ast.Expr, x *ast.EUpdate, used bool) {
	b := c.b
	op := bytecode.Inc
	if x.Op == ast.UpdateDec {
		op = bytecode.Dec
	}
	postfix := !x.Prefix && used
	switch t := x.Target.Data.(type) {
	case *ast.EIdentifier:
		loc := c.resolve(t.Name, t.Var)
		c.dynamicRef(&loc)
		c.loadVar(loc)
		c.exprPos(e.Start)
		old := -1
		if postfix {
			b.Emit(bytecode.ToNumeric)
			old = c.newTemp()
			b.Emit(bytecode.Star, old)
		}
		b.Emit(op)
		loc.holeCheck = false // the load just checked
		c.storeVar(loc, false)
		if postfix {
			b.Emit(bytecode.Ldar, old)
		}
	case *ast.EDot, *ast.EIndex, *ast.ECall:
		ref, ok := c.memberTarget(x.Target)
		if !ok {
			return
		}
		c.exprPos(memberPos(x.Target))
		c.loadMember(ref)
		old := -1
		if postfix {
			b.Emit(bytecode.ToNumeric)
			old = c.newTemp()
			b.Emit(bytecode.Star, old)
		}
		b.Emit(op)
		c.storeMember(ref)
		if postfix {
			b.Emit(bytecode.Ldar, old)
		}
	default:
		c.fail("Invalid left-hand side expression in postfix operation")
	}
}

// assignAcc stores the accumulator into a binding target.
func (c *funcCompiler) assignAcc(target ast.Binding, kind bindKind) {
	if id, ok := target.Data.(*ast.BIdentifier); ok {
		c.storeVar(c.resolve(id.Name, id.Var), kind == bindInit)
		return
	}
	mark := c.tempMark()
	r := c.newTemp()
	c.b.Emit(bytecode.Star, r)
	c.bindPattern(target, r, kind)
	c.freeTemps(mark)
}

// bindPattern binds the value in register r to a binding target:
// an identifier, a member expression, or an array or object pattern.
func (c *funcCompiler) bindPattern(target ast.Binding, r int, kind bindKind) {
	b := c.b
	mark := c.tempMark()
	defer c.freeTemps(mark)
	switch t := target.Data.(type) {
	case *ast.BIdentifier:
		b.Emit(bytecode.Ldar, r)
		c.storeVar(c.resolve(t.Name, t.Var), kind == bindInit)
	case *ast.BMember:
		ref, ok := c.memberTarget(t.Value)
		if !ok {
			return
		}
		b.Emit(bytecode.Ldar, r)
		c.storeMember(ref)
	case *ast.BArray:
		c.arrayPattern(t, r, kind)
	case *ast.BObject:
		c.objectPattern(target, t, r, kind)
	case nil:
	default:
		c.fail("unknown binding")
	}
}

// withDefault applies a default value to the accumulator when it is
// undefined.
func (c *funcCompiler) withDefault(def ast.Expr) {
	if def.Data == nil {
		return
	}
	skip := &bytecode.Label{}
	c.b.EmitJump(bytecode.JumpIfNotUndefined, skip)
	c.expr(def)
	c.b.Bind(skip)
}

// arrayPattern binds `[a, , b = 1, ...rest]` by the iterator protocol,
// step by step: each element takes the next value (undefined once the
// iterator is done), a rest element takes what is left, and the iterator
// is closed when the pattern ends before it is done or an exception leaves
// the pattern (unless the exception came from the iterator itself).
func (c *funcCompiler) arrayPattern(t *ast.BArray, r int, kind bindKind) {
	b := c.b
	iter, next, done, res := c.newTemp(), c.newTemp(), c.newTemp(), c.newTemp()
	b.Emit(bytecode.Ldar, r)
	b.Emit(bytecode.GetIterator, b.FeedbackSlots(1))
	b.Emit(bytecode.Star, iter)
	b.Emit(bytecode.LdaNamedProperty, iter, b.NameConstant("next"), b.FeedbackSlots(2))
	b.Emit(bytecode.Star, next)
	b.Emit(bytecode.LdaFalse)
	b.Emit(bytecode.Star, done)

	ctx := c.newTemp()
	b.Emit(bytecode.Mov, bytecode.FrameContext, ctx)
	start := b.Offset()
	c.pushControl(&controlEntry{kind: ctlPattern, iterReg: iter, doneReg: done})
	for _, it := range t.Items {
		mark := c.tempMark()
		// A property reference target is evaluated before the step.
		ref, member := c.patternMember(it.Target)
		c.iteratorStep(iter, next, done, res)
		if it.Target.Data == nil {
			continue
		}
		c.withDefault(it.Default)
		if member {
			c.storeMember(ref)
		} else {
			c.assignAcc(it.Target, kind)
		}
		c.freeTemps(mark)
	}
	if t.Rest.Data != nil {
		ref, member := c.patternMember(t.Rest)
		b.Emit(bytecode.LdaTrue)
		b.Emit(bytecode.Star, done)
		pair := c.newTemps(2)
		b.Emit(bytecode.Mov, iter, pair)
		b.Emit(bytecode.Mov, next, pair+1)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtIteratorRest), pair, 2)
		if member {
			c.storeMember(ref)
		} else {
			c.assignAcc(t.Rest, kind)
		}
	}
	c.popControl()
	end := b.Offset()
	over := &bytecode.Label{}
	b.Emit(bytecode.Ldar, done)
	b.EmitJump(bytecode.JumpIfTrue, over)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtIteratorClose), iter, 1)
	b.EmitJump(bytecode.Jump, over)

	b.Bind(&bytecode.Label{}) // the handler is reachable
	b.AddHandler(bytecode.Handler{Start: start, End: end, Target: b.Offset(), Context: ctx})
	b.Emit(bytecode.Star, res)
	rethrow := &bytecode.Label{}
	b.Emit(bytecode.Ldar, done)
	b.EmitJump(bytecode.JumpIfTrue, rethrow)
	flag := c.newTemps(2)
	b.Emit(bytecode.Mov, iter, flag)
	b.Emit(bytecode.LdaTrue)
	b.Emit(bytecode.Star, flag+1)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtIteratorClose), flag, 2)
	b.Bind(rethrow)
	b.Emit(bytecode.Ldar, res)
	b.Emit(bytecode.ReThrow)
	b.Bind(over)
}

// patternMember evaluates the reference of a property target of a
// destructuring pattern (reported by ok), which precedes the value's
// retrieval (spec: the DestructuringAssignmentTarget's lref).
func (c *funcCompiler) patternMember(target ast.Binding) (ref memberRef, ok bool) {
	m, isMember := target.Data.(*ast.BMember)
	if !isMember {
		return memberRef{}, false
	}
	ref, ok = c.memberTarget(m.Value)
	return ref, ok
}

// iteratorStep loads the iterator's next value into the accumulator, or
// undefined once it is done. done is true while next, done or value run,
// so that an exception they throw does not close the iterator.
func (c *funcCompiler) iteratorStep(iter, next, done, res int) {
	b := c.b
	exhausted, out, isObject := &bytecode.Label{}, &bytecode.Label{}, &bytecode.Label{}
	b.Emit(bytecode.Ldar, done)
	b.EmitJump(bytecode.JumpIfTrue, exhausted)
	b.Emit(bytecode.LdaTrue)
	b.Emit(bytecode.Star, done)
	b.Emit(bytecode.CallProperty, next, iter, 0, b.FeedbackSlots(1))
	b.Emit(bytecode.Star, res)
	b.EmitJump(bytecode.JumpIfJSReceiver, isObject)
	c.throwTypeError("Iterator result is not an object")
	b.Bind(isObject)
	b.Emit(bytecode.LdaNamedProperty, res, b.NameConstant("done"), b.FeedbackSlots(2))
	b.EmitJump(bytecode.JumpIfToBooleanTrue, exhausted)
	b.Emit(bytecode.LdaNamedProperty, res, b.NameConstant("value"), b.FeedbackSlots(2))
	b.Emit(bytecode.Star, res)
	b.Emit(bytecode.LdaFalse)
	b.Emit(bytecode.Star, done)
	b.Emit(bytecode.Ldar, res)
	b.EmitJump(bytecode.Jump, out)
	b.Bind(exhausted)
	b.Emit(bytecode.LdaUndefined)
	b.Bind(out)
}

// objectPattern binds `{a, b: c = 1, [k]: d, ...rest}`.
func (c *funcCompiler) objectPattern(target ast.Binding, t *ast.BObject, r int, kind bindKind) {
	b := c.b
	// Destructuring null or undefined throws.
	pair := c.newTemps(2)
	b.Emit(bytecode.Mov, r, pair)
	b.Emit(bytecode.LdaTrue)
	b.Emit(bytecode.Star, pair+1)
	c.exprPos(target.Start)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtToObject), pair, 2)
	var keys int
	if t.Rest.Data != nil {
		keys = c.newTemps(1 + len(t.Props))
		b.Emit(bytecode.Mov, r, keys)
	}
	for i, p := range t.Props {
		mark := c.tempMark()
		// The key, then a property reference target, then the value.
		var ref memberRef
		var member bool
		if name, ok := c.propertyName(p.Key, p.Computed); ok && t.Rest.Data == nil {
			ref, member = c.patternMember(p.Target)
			b.Emit(bytecode.LdaNamedProperty, r, name, b.FeedbackSlots(2))
		} else {
			var k int
			if t.Rest.Data != nil {
				k = keys + 1 + i
			} else {
				k = c.newTemp()
			}
			c.propertyKey(p.Key, p.Computed)
			b.Emit(bytecode.Star, k)
			if ref, member = c.patternMember(p.Target); member {
				b.Emit(bytecode.Ldar, k)
			}
			b.Emit(bytecode.LdaKeyedProperty, r, b.FeedbackSlots(2))
		}
		c.withDefault(p.Default)
		if member {
			c.storeMember(ref)
		} else {
			c.assignAcc(p.Target, kind)
		}
		c.freeTemps(mark)
	}
	if t.Rest.Data != nil {
		b.Emit(bytecode.CallRuntime, int(bytecode.RtObjectRest), keys, 1+len(t.Props))
		c.assignAcc(t.Rest, kind)
	}
}

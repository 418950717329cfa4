package compiler

import (
	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

// arrayLiteral builds `[a, , ...b]` element by element.
func (c *funcCompiler) arrayLiteral(x *ast.EArray) {
	b := c.b
	arr := c.newTemp()
	b.Emit(bytecode.CreateEmptyArrayLiteral)
	b.Emit(bytecode.Star, arr)
	for _, it := range x.Items {
		switch v := it.Data.(type) {
		case *ast.EHole:
			b.Emit(bytecode.ArrayPushHole, arr)
		case *ast.ESpread:
			mark := c.tempMark()
			pair := c.newTemps(2)
			b.Emit(bytecode.Mov, arr, pair)
			c.exprInto(v.Value, pair+1)
			c.exprPos(it.Start)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtSpreadIntoArray), pair, 2)
			c.freeTemps(mark)
		default:
			c.expr(it)
			b.Emit(bytecode.ArrayPush, arr)
		}
	}
	b.Emit(bytecode.Ldar, arr)
}

// objectLiteral builds `{a: 1, b, [k]: v, m() {}, get x() {}, ...o}`
// property by property; named data properties go through
// DefineNamedOwnProperty, whose inline cache replays the map transitions.
func (c *funcCompiler) objectLiteral(x *ast.EObject) {
	b := c.b
	obj := c.newTemp()
	b.Emit(bytecode.CreateEmptyObjectLiteral)
	b.Emit(bytecode.Star, obj)
	for _, p := range x.Props {
		mark := c.tempMark()
		switch p.Kind {
		case ast.PropertySpread:
			pair := c.newTemps(2)
			b.Emit(bytecode.Mov, obj, pair)
			c.exprInto(p.Value, pair+1)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtCopyDataProperties), pair, 2)
		case ast.PropertyInit:
			if s, ok := p.Key.Data.(*ast.EString); ok && !p.Computed && !p.Shorthand && string(utf16Decode(s.Value)) == "__proto__" {
				// `__proto__: v` sets the prototype.
				pair := c.newTemps(2)
				b.Emit(bytecode.Mov, obj, pair)
				c.exprInto(p.Value, pair+1)
				b.Emit(bytecode.CallRuntime, int(bytecode.RtSetPrototypeLiteral), pair, 2)
				break
			}
			if name, ok := c.propertyName(p.Key, p.Computed); ok {
				c.expr(p.Value)
				b.Emit(bytecode.DefineNamedOwnProperty, obj, name, b.FeedbackSlots(2))
				break
			}
			key := c.newTemp()
			c.propertyKey(p.Key, p.Computed)
			b.Emit(bytecode.Star, key)
			c.expr(p.Value)
			flags := 0
			if p.Computed && isAnonymousFunction(p.Value) {
				flags = defineSetName
			}
			b.Emit(bytecode.DefineKeyedOwnProperty, obj, key, flags)
		case ast.PropertyMethod:
			key := c.newTemp()
			c.propertyKey(p.Key, p.Computed)
			b.Emit(bytecode.Star, key)
			c.methodClosure(p, obj, key, 0)
			b.Emit(bytecode.DefineKeyedOwnProperty, obj, key, 0)
		case ast.PropertyGet, ast.PropertySet:
			args := c.newTemps(5)
			b.Emit(bytecode.Mov, obj, args)
			c.propertyKey(p.Key, p.Computed)
			b.Emit(bytecode.Star, args+1)
			getter, setter := args+2, args+3
			prefix := prefixGet
			if p.Kind == ast.PropertySet {
				getter, setter = setter, getter
				prefix = prefixSet
			}
			c.methodClosure(p, obj, args+1, prefix)
			b.Emit(bytecode.Star, getter)
			b.Emit(bytecode.LdaUndefined)
			b.Emit(bytecode.Star, setter)
			b.Emit(bytecode.LdaSmi, 1) // enumerable
			b.Emit(bytecode.Star, args+4)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtDefineAccessor), args, 5)
		default:
			c.fail("unexpected object literal member")
		}
		c.freeTemps(mark)
	}
	b.Emit(bytecode.Ldar, obj)
}

// DefineKeyedOwnProperty flags.
const (
	// defineSetName names the (anonymous function) value after the key.
	defineSetName = 1
)

// Function-name prefixes for RtSetFunctionName.
const (
	prefixNone = 0
	prefixGet  = 1
	prefixSet  = 2
)

// isAnonymousFunction reports whether e is a function or class literal
// that takes its name from where it is defined.
func isAnonymousFunction(e ast.Expr) bool {
	switch x := e.Data.(type) {
	case *ast.EFunction:
		return x.Fn.Name == nil
	case *ast.EClass:
		return x.Class.Name == nil
	}
	return false
}

// methodClosure creates the closure of a method or accessor of an object
// literal or class whose home object is in register home and key in
// register key, leaving it in the accumulator: named after a computed key
// at run time, given its home object when it uses super.
func (c *funcCompiler) methodClosure(p ast.Property, home, key int, prefix int) {
	b := c.b
	f, ok := p.Value.Data.(*ast.EFunction)
	if !ok {
		c.expr(p.Value)
		return
	}
	c.createClosure(f.Fn)
	if !p.Computed && !f.Fn.Scope.UsesSuperProperty {
		return
	}
	mark := c.tempMark()
	args := c.newTemps(3)
	b.Emit(bytecode.Star, args)
	if f.Fn.Scope.UsesSuperProperty {
		b.Emit(bytecode.Mov, home, args+1)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtSetHomeObject), args, 2)
	}
	if p.Computed {
		b.Emit(bytecode.Mov, key, args+1)
		b.Emit(bytecode.LdaSmi, prefix)
		b.Emit(bytecode.Star, args+2)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtSetFunctionName), args, 3)
	}
	b.Emit(bytecode.Ldar, args)
	c.freeTemps(mark)
}

package compiler

import (
	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

// Class definition flags, a Smi argument of RtDefineClass.
const (
	classHasParent = 1
)

// classExpr compiles a class definition, leaving the constructor in the
// accumulator:
//
//	class C extends B { constructor() {…} m() {} static s() {} get g() {} x = 1 }
//
// The heritage is evaluated, the constructor closure created (a synthetic
// default constructor when none is written), RtDefineClass links the
// prototype chains and returns the prototype, then the methods and
// accessors are defined, the inner class-name binding is initialized and
// the static initializer runs. Instance fields are defined by the
// constructor through the instance initializer RtDefineClass records.
func (c *funcCompiler) classExpr(cls *ast.Class) {
	b := c.b
	saved := -1
	if cls.Scope != nil {
		if c.pushScope(cls.Scope) {
			saved = c.enterContext(false)
			c.pushContextEntry(saved)
		}
		c.initLexicals(cls.Scope)
	}
	// A fresh private symbol per private name, per evaluation of the class.
	if cls.Scope != nil {
		for _, v := range cls.Scope.Vars {
			if v.Kind != ast.DeclPrivate {
				continue
			}
			mark := c.tempMark()
			r := c.newTemp()
			b.Emit(bytecode.LdaConstant, b.NameConstant(v.Name))
			b.Emit(bytecode.Star, r)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtCreatePrivateName), r, 1)
			c.storeVar(c.resolve(v.Name, v), true)
			c.freeTemps(mark)
		}
	}
	// RtDefineClass(constructor, parent, flags, instanceInit).
	args := c.newTemps(4)
	ctor, parent, proto := args, args+1, c.newTemp()
	flags := 0
	if cls.Extends.Data != nil {
		flags |= classHasParent
		c.exprInto(cls.Extends, parent)
	}
	if cls.Constructor != nil {
		c.createClosure(cls.Constructor)
	} else {
		name := cls.InferredName
		if cls.Name != nil {
			name = cls.Name.Name
		}
		idx := b.Constant(bytecode.Constant{
			Kind:  bytecode.ConstDefaultConstructor,
			Int:   boolInt(cls.Extends.Data != nil) | boolInt(cls.InstanceInit != nil)<<1,
			Names: []string{name},
			Elems: []bytecode.Constant{
				{Kind: bytecode.ConstSmi, Int: c.pos(cls.Range.Start)},
				{Kind: bytecode.ConstSmi, Int: c.pos(cls.Range.End)},
			},
		})
		b.Emit(bytecode.CreateClosure, idx, b.Closure())
	}
	b.Emit(bytecode.Star, ctor)
	b.Emit(bytecode.LdaSmi, flags)
	b.Emit(bytecode.Star, args+2)
	if cls.InstanceInit != nil {
		c.createClosure(cls.InstanceInit)
	} else {
		b.Emit(bytecode.LdaUndefined)
	}
	b.Emit(bytecode.Star, args+3)
	c.exprPos(cls.Range.Start)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtDefineClass), args, 4)
	b.Emit(bytecode.Star, proto)
	if cls.InstanceInit != nil && cls.InstanceInit.Scope.UsesSuperProperty {
		pair := c.newTemps(2)
		b.Emit(bytecode.Mov, args+3, pair)
		b.Emit(bytecode.Mov, proto, pair+1)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtSetHomeObject), pair, 2)
	}
	if cls.Constructor != nil && cls.Constructor.Scope.UsesSuperProperty {
		pair := c.newTemps(2)
		b.Emit(bytecode.Mov, ctor, pair)
		b.Emit(bytecode.Mov, proto, pair+1)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtSetHomeObject), pair, 2)
	}
	for _, m := range cls.Members {
		mark := c.tempMark()
		home := proto
		if m.Static {
			home = ctor
		}
		switch m.Kind {
		case ast.PropertyMethod:
			call := c.newTemps(3)
			b.Emit(bytecode.Mov, home, call)
			c.memberKey(m)
			b.Emit(bytecode.Star, call+1)
			c.methodClosure(m, home, call+1, prefixNone)
			b.Emit(bytecode.Star, call+2)
			if _, private := m.Key.Data.(*ast.EPrivateName); private {
				b.Emit(bytecode.CallRuntime, int(bytecode.RtDefinePrivateMethod), call, 3)
			} else {
				b.Emit(bytecode.CallRuntime, int(bytecode.RtDefineMethod), call, 3)
			}
		case ast.PropertyGet, ast.PropertySet:
			call := c.newTemps(5)
			b.Emit(bytecode.Mov, home, call)
			c.memberKey(m)
			b.Emit(bytecode.Star, call+1)
			getter, setter := call+2, call+3
			prefix := prefixGet
			if m.Kind == ast.PropertySet {
				getter, setter = setter, getter
				prefix = prefixSet
			}
			c.methodClosure(m, home, call+1, prefix)
			b.Emit(bytecode.Star, getter)
			b.Emit(bytecode.LdaUndefined)
			b.Emit(bytecode.Star, setter)
			b.Emit(bytecode.LdaZero) // not enumerable
			b.Emit(bytecode.Star, call+4)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtDefineAccessor), call, 5)
		}
		c.freeTemps(mark)
	}
	// The inner binding of the class name.
	if cls.Scope != nil {
		for _, v := range cls.Scope.Vars {
			if v.Kind == ast.DeclClassName {
				b.Emit(bytecode.Ldar, ctor)
				c.storeVar(c.resolve(v.Name, v), true)
			}
		}
	}
	if cls.StaticInit != nil {
		mark := c.tempMark()
		fn := c.newTemp()
		c.createClosure(cls.StaticInit)
		b.Emit(bytecode.Star, fn)
		if cls.StaticInit.Scope.UsesSuperProperty {
			pair := c.newTemps(2)
			b.Emit(bytecode.Mov, fn, pair)
			b.Emit(bytecode.Mov, ctor, pair+1)
			b.Emit(bytecode.CallRuntime, int(bytecode.RtSetHomeObject), pair, 2)
		}
		b.Emit(bytecode.CallProperty, fn, ctor, 0, b.FeedbackSlots(1))
		c.freeTemps(mark)
	}
	b.Emit(bytecode.Ldar, ctor)
	if cls.Scope != nil {
		if saved >= 0 {
			c.popControl()
			b.Emit(bytecode.PopContext, saved)
		}
		c.popScope()
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// DefaultConstructor compiles the constructor of a class that does not
// write one: `constructor(...args) { super(...args); }` for a derived class,
// an empty one otherwise; both initialize the instance fields.
func DefaultConstructor(derived, hasFields bool) *bytecode.Function {
	b := bytecode.NewBuilder()
	if derived {
		r := bytecode.FrameHeaderSize
		b.Emit(bytecode.CreateRestParameter)
		b.Emit(bytecode.Star, r)
		b.Emit(bytecode.CallRuntime, int(bytecode.RtSuperCallSpread), r, 1)
		b.Emit(bytecode.Star, bytecode.FrameReceiver)
	}
	if hasFields {
		b.Emit(bytecode.CallRuntime, int(bytecode.RtInitializeInstance), bytecode.FrameReceiver, 1)
	}
	b.Emit(bytecode.Ldar, bytecode.FrameReceiver)
	b.Emit(bytecode.Return)
	regs := 0
	if derived {
		regs = 1
	}
	return b.Finish("", 0, regs)
}

// memberKey loads a class member's key: a private name's symbol, or the
// property key.
func (c *funcCompiler) memberKey(m ast.Property) {
	if pn, ok := m.Key.Data.(*ast.EPrivateName); ok {
		c.loadPrivateName(pn.Name, m.Key.Start)
		return
	}
	c.propertyKey(m.Key, m.Computed)
}

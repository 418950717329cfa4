// Package builtins installs the JavaScript standard library into an
// interpreter's realm: constructors, prototype methods, the global
// functions, Math, JSON and console. Each object's functions are a table of
// (name, length, Go implementation) rows, so adding a builtin is adding a
// row; the realm's core objects (prototypes, the global object) are made by
// package interp, which the engine itself needs.
package builtins

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// fn is one row of a builtin table.
type fn struct {
	name   string
	length int
	impl   interp.Native
}

// Install fills the realm of in with the standard library.
func Install(in *interp.Interp) {
	h := in.Heap()
	scope := h.OpenScope()
	defer scope.Close()
	b := &installer{in: in, global: h.NewHandle(in.Intrinsic(interp.GlobalObject))}
	b.object()
	b.function()
	b.array()
	b.arrayES2023()
	b.iterators()
	b.generators()
	b.collections()
	b.reflect()
	b.proxy()
	b.arrayBuffer()
	b.sharedArrayBuffer() // h-lib
	b.typedArrays()
	b.string()
	b.regexp()
	b.date()
	b.promises()
	b.functionKinds()
	b.number()
	b.boolean()
	b.symbol()
	b.bigint()
	b.errors()
	b.math()
	b.atomics() // h-lib
	b.json()
	b.globals()
	b.uri()
	b.console()
}

// installer carries what the install steps share.
type installer struct {
	in     *interp.Interp
	global heap.Handle
	// joining holds the arrays Array.prototype.join is joining, innermost
	// last, so that a cyclic array joins as "".
	joining []heap.Global
	// setProto is Set.prototype, the prototype of the sets the set
	// methods return.
	setProto heap.Global
}

// methods defines a table of builtin methods on obj.
func (b *installer) methods(obj heap.Handle, table []fn) {
	for _, r := range table {
		b.in.DefineFunction(obj, r.name, r.length, r.impl)
	}
}

// speciesGetter defines c[Symbol.species]: a getter returning its
// receiver, through which subclasses pick the constructor of the objects
// the base class's methods derive.
func (b *installer) speciesGetter(c heap.Handle) {
	b.in.DefineSymbolGetter(c, b.in.Intrinsic(interp.SymbolSpecies), "[Symbol.species]", func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return a.This(), true
	})
}

// constructor creates a builtin constructor named name with the prototype
// object proto (linked both ways, as `F.prototype` and
// `F.prototype.constructor`), defines it on the global object, and
// returns it.
func (b *installer) constructor(name string, length int, impl interp.Native, proto heap.Handle) heap.Handle {
	in := b.in
	c := in.NewNativeFunction(name, length, impl, interp.NativeConstructor)
	in.SetFunctionPrototype(c, proto)
	in.DefineValue(proto, "constructor", c, objects.AttrDontEnum)
	in.DefineValue(b.global, name, c, objects.AttrDontEnum)
	return c
}

// intrinsic returns a handle for an intrinsic.
func (b *installer) intrinsic(id interp.Intrinsic) heap.Handle {
	return b.in.Handle(b.in.Intrinsic(id))
}

// primitiveValue makes obj a wrapper of v (its [[NumberData]],
// [[BooleanData]] or [[StringData]]): Number.prototype, Boolean.prototype
// and String.prototype are such wrappers.
func (b *installer) primitiveValue(obj heap.Handle, v layout.Value) {
	h := b.in.Heap()
	vh := h.NewHandle(v)
	b.in.Factory().DefineProperty(obj, h.NewHandle(b.in.Intrinsic(interp.PrivatePrimitiveValue)), vh, objects.AttrDontEnum)
}

// value defines a data property on obj with the given attributes.
func (b *installer) value(obj heap.Handle, name string, v layout.Value, attrs objects.PropertyAttributes) {
	b.in.DefineValue(obj, name, b.in.Handle(v), attrs)
}

// frozen are the attributes of constants: not writable, enumerable or
// configurable.
const frozen = objects.AttrReadOnly | objects.AttrDontEnum | objects.AttrDontDelete

// thisObject converts the receiver to an object (ToObject), throwing for
// null and undefined with V8's message naming the method.
func thisObject(in *interp.Interp, a interp.Args, method string) (layout.Value, bool) {
	t := a.This()
	if in.IsNullish(t) {
		return in.ThrowError(interp.TypeError, method+" called on null or undefined")
	}
	return in.ToObject(t)
}

// heapGlobal is a global handle (a value the GC keeps and updates).
type heapGlobal = heap.Global

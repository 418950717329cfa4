package builtins

import (
	"strings"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

func (b *installer) function() {
	in := b.in
	proto := b.intrinsic(interp.FunctionPrototype)
	// V8's order: length, name, arguments, caller, constructor, methods.
	b.value(proto, "length", layout.Smi(0), objects.AttrReadOnly|objects.AttrDontEnum)
	b.value(proto, "name", in.Factory().Roots.EmptyString, objects.AttrReadOnly|objects.AttrDontEnum)
	tte := in.NewNativeFunction("", 0, throwTypeError, 0)
	// %ThrowTypeError% is frozen: its length and name are not configurable.
	for _, name := range []string{"length", "name"} {
		d := in.NewDescriptor()
		d.HasConfigurable = true
		in.DefineOwnProperty(tte, in.HandleKey(interp.NameKey(in.InternalizeGo(name).Value())), &d)
	}
	in.Factory().PreventExtensions(tte)
	in.SetIntrinsic(interp.ThrowTypeErrorFunction, tte.Value())
	// AddRestrictedFunctionProperties: caller and arguments are accessors
	// whose getter and setter are both %ThrowTypeError%.
	for _, name := range []string{"arguments", "caller"} {
		k := interp.NameKey(in.InternalizeGo(name).Value())
		in.DefineAccessorProperty(proto, k, tte, tte, objects.AttrDontEnum)
	}
	c := b.constructor("Function", 1, functionConstructor, proto)
	in.SetIntrinsic(interp.FunctionFunction, c.Value())
	boundCall := in.RegisterNative(boundFunctionCall)
	apply := in.DefineFunction(proto, "apply", 2, functionApply)
	in.SetIntrinsic(interp.FunctionApplyFunction, apply.Value())
	b.methods(proto, []fn{
		{"bind", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return functionBind(in, a, boundCall) }},
	})
	call := in.DefineFunction(proto, "call", 1, functionCall)
	in.SetIntrinsic(interp.FunctionCallFunction, call.Value())
	in.DefineFunction(proto, "toString", 0, functionToString)
	// Non-writable and non-configurable (ECMA-262 20.2.3.6): every plain
	// function's instanceof is OrdinaryHasInstance, which optimized code
	// relies on (interp.instanceOfFunction).
	hi := in.NewNativeFunction("[Symbol.hasInstance]", 1, functionHasInstance, 0)
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolHasInstance)), hi, objects.AttrReadOnly|objects.AttrDontEnum|objects.AttrDontDelete)
}

// throwTypeError is %ThrowTypeError%, the callee accessor of the arguments
// objects of strict functions and functions with non-simple parameters.
func throwTypeError(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return in.ThrowError(interp.TypeError, "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them")
}

// functionConstructor is Function(p1, …, body): the source
// "(function anonymous(p1,…\n) {\nbody\n})" compiled as eval code.
func functionConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return dynamicFunction(in, a, "function")
}

// dynamicFunction is CreateDynamicFunction for a kind: "function",
// "function*", "async function" or "async function*".
func dynamicFunction(in *interp.Interp, a interp.Args, kind string) (layout.Value, bool) {
	var params []string
	body := ""
	for i := 0; i < a.Len(); i++ {
		s, ok := in.ToGoString(a.Arg(i))
		if !ok {
			return 0, false
		}
		if i == a.Len()-1 {
			body = s
		} else {
			params = append(params, s)
		}
	}
	src := "(" + kind + " anonymous(" + strings.Join(params, ",") + "\n) {\n" + body + "\n})"
	return in.EvalFunctionSource(src)
}

// globalEval is the global eval: eval code in the global scope (a direct
// eval in a function does not see the function's variables yet).
func globalEval(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	x := a.Arg(0)
	if !in.IsString(x) {
		return x, true
	}
	return in.EvalScript(in.GoString(x), false)
}

func thisFunction(in *interp.Interp, a interp.Args, method string) (layout.Value, bool) {
	t := a.This()
	if !in.IsCallable(t) {
		return in.ThrowError(interp.TypeError, "Function.prototype."+method+" called on non-function")
	}
	return t, true
}

func functionCall(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	fn, ok := thisFunction(in, a, "call")
	if !ok {
		return in.ThrowError(interp.TypeError, displayArg(in, a.This())+" is not a function")
	}
	args := make([]layout.Value, 0, max(a.Len()-1, 0))
	for i := 1; i < a.Len(); i++ {
		args = append(args, a.Arg(i))
	}
	return in.Call(fn, a.Arg(0), args...)
}

func functionApply(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if _, ok := thisFunction(in, a, "apply"); !ok {
		return 0, false
	}
	list := a.Arg(1)
	if in.IsNullish(list) {
		return in.Call(a.This(), a.Arg(0))
	}
	if !in.IsObject(list) {
		return in.ThrowError(interp.TypeError, "CreateListFromArrayLike called on non-object")
	}
	h := in.Heap()
	lh := h.NewHandle(list)
	args, ok := arrayLikeToList(in, lh.Value())
	if !ok {
		return 0, false
	}
	return in.Call(a.This(), a.Arg(0), args...)
}

// arrayLikeToList reads obj[0…length-1]. The values are returned in a Go
// slice: the caller passes them on at once (they are not rooted).
func arrayLikeToList(in *interp.Interp, obj layout.Value) ([]layout.Value, bool) {
	if in.IsArray(obj) {
		n := in.ArrayLength(obj)
		out := make([]layout.Value, n)
		for i := uint32(0); i < n; i++ {
			out[i] = in.Element(obj, i)
		}
		return out, true
	}
	h := in.Heap()
	oh := h.NewHandle(obj)
	lv, ok := in.GetName(obj, interp.NameLength)
	if !ok {
		return nil, false
	}
	n, ok := in.ToIntegerOrInfinity(lv)
	if !ok {
		return nil, false
	}
	if n > 1<<20 {
		in.ThrowError(interp.RangeError, "Maximum call stack size exceeded")
		return nil, false
	}
	arr := in.NewArray(nil)
	for i := 0; i < int(n); i++ {
		v, ok := in.Get(oh.Value(), interp.IndexKey(uint32(i)))
		if !ok {
			return nil, false
		}
		in.PushValue(arr, v)
	}
	out := make([]layout.Value, int(n))
	for i := range out {
		out[i] = in.Element(arr.Value(), uint32(i))
	}
	return out, true
}

// functionBind is Function.prototype.bind: a builtin function (sharing the
// native boundCall) whose private slots hold the target, this and
// arguments.
func functionBind(in *interp.Interp, a interp.Args, boundCall int) (layout.Value, bool) {
	target, ok := thisFunction(in, a, "bind")
	if !ok {
		return in.ThrowError(interp.TypeError, "Bind must be called on a function")
	}
	h, f := in.Heap(), in.Factory()
	th := h.NewHandle(target)
	boundThis := h.NewHandle(a.Arg(0))
	var bound []layout.Value
	for i := 1; i < a.Len(); i++ {
		bound = append(bound, a.Arg(i))
	}
	args := in.NewArray(bound)
	name := ""
	if n, _, _ := in.Lookup(th.Value(), interp.NameKey(in.Name(interp.NameName))); in.IsString(n) {
		name = in.GoString(n)
	}
	length := 0
	if l, _, _ := in.Lookup(th.Value(), interp.NameKey(in.Name(interp.NameLength))); in.IsNumber(l) {
		length = max(int(in.NumberValue(l))-len(bound), 0)
	}
	var flags interp.NativeFlags
	if in.IsConstructor(th.Value()) {
		flags = interp.NativeConstructor
	}
	fnh := in.NewBuiltinFunction("bound "+name, length, boundCall, flags)
	f.SetPrototype(fnh, h.NewHandle(f.GetPrototype(th.Value())))
	def := func(slot interp.Intrinsic, v layout.Value) {
		f.DefineProperty(fnh, h.NewHandle(in.Intrinsic(slot)), h.NewHandle(v), objects.AttrDontEnum)
	}
	def(interp.PrivateBoundTarget, th.Value())
	def(interp.PrivateBoundThis, boundThis.Value())
	def(interp.PrivateBoundArgs, args.Value())
	return fnh.Value(), true
}

// boundFunctionCall runs a bound function: its target with the bound
// receiver and the bound arguments before the given ones.
func boundFunctionCall(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	f := in.Factory()
	self := a.Callee()
	target, _ := f.GetProperty(self, in.Intrinsic(interp.PrivateBoundTarget))
	boundThis, _ := f.GetProperty(self, in.Intrinsic(interp.PrivateBoundThis))
	boundArgs, _ := f.GetProperty(self, in.Intrinsic(interp.PrivateBoundArgs))
	var args []layout.Value
	for i := uint32(0); i < in.ArrayLength(boundArgs); i++ {
		args = append(args, in.Element(boundArgs, i))
	}
	for i := 0; i < a.Len(); i++ {
		args = append(args, a.Arg(i))
	}
	if a.IsConstruct() {
		nt := a.NewTarget()
		if nt == self {
			nt = target
		}
		return in.Construct(target, args, nt)
	}
	return in.Call(target, boundThis, args...)
}

func functionToString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	fn, ok := thisFunction(in, a, "toString")
	if !ok {
		return 0, false
	}
	return in.StringValue(in.FunctionSource(fn)), true
}

func functionHasInstance(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	r, ok := in.OrdinaryHasInstance(a.This(), a.Arg(0))
	return in.Bool(r), ok
}

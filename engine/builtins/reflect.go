package builtins

import (
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// reflect installs Reflect: the object operations as functions.
func (b *installer) reflect() {
	in := b.in
	r := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	in.DefineValue(b.global, "Reflect", r, objects.AttrDontEnum)
	in.Factory().DefineProperty(r, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("Reflect"), objects.AttrReadOnly|objects.AttrDontEnum)
	target := func(in *interp.Interp, a interp.Args, method string) bool {
		if !in.IsObject(a.Arg(0)) {
			in.ThrowError(interp.TypeError, "Reflect."+method+" called on non-object")
			return false
		}
		return true
	}
	b.methods(r, []fn{
		{"defineProperty", 3, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "defineProperty") {
				return 0, false
			}
			oh := in.Handle(a.Arg(0))
			dh := in.Handle(a.Arg(2))
			k, ok := in.ToPropertyKey(a.Arg(1))
			if !ok {
				return 0, false
			}
			kh := in.HandleKey(k)
			d, ok := in.ToPropertyDescriptor(dh.Value())
			if !ok {
				return 0, false
			}
			done, ok := in.DefineOwnProperty(oh, kh, &d)
			return in.Bool(done), ok
		}},
		{"deleteProperty", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "deleteProperty") {
				return 0, false
			}
			oh := in.Handle(a.Arg(0))
			k, ok := in.ToPropertyKey(a.Arg(1))
			if !ok {
				return 0, false
			}
			done, ok := in.Delete(oh.Value(), k, false)
			return in.Bool(done), ok
		}},
		{"apply", 3, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !in.IsCallable(a.Arg(0)) {
				return in.ThrowError(interp.TypeError, "Function.prototype.apply was called on "+displayArg(in, a.Arg(0))+", which is "+in.TypeOfString(a.Arg(0))+" and not a function")
			}
			if !in.IsObject(a.Arg(2)) {
				return in.ThrowError(interp.TypeError, "CreateListFromArrayLike called on non-object")
			}
			args, ok := arrayLikeToList(in, a.Arg(2))
			if !ok {
				return 0, false
			}
			return in.Call(a.Arg(0), a.Arg(1), args...)
		}},
		{"construct", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !in.IsConstructor(a.Arg(0)) {
				return in.ThrowError(interp.TypeError, displayArg(in, a.Arg(0))+" is not a constructor")
			}
			nt := a.Arg(0)
			if a.Len() > 2 {
				nt = a.Arg(2)
				if !in.IsConstructor(nt) {
					return in.ThrowError(interp.TypeError, displayArg(in, nt)+" is not a constructor")
				}
			}
			if !in.IsObject(a.Arg(1)) {
				return in.ThrowError(interp.TypeError, "CreateListFromArrayLike called on non-object")
			}
			args, ok := arrayLikeToList(in, a.Arg(1))
			if !ok {
				return 0, false
			}
			return in.Construct(a.Arg(0), args, nt)
		}},
		{"get", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "get") {
				return 0, false
			}
			oh := in.Handle(a.Arg(0))
			rh := oh
			if a.Len() > 2 {
				rh = in.Handle(a.Arg(2))
			}
			k, ok := in.ToPropertyKey(a.Arg(1))
			if !ok {
				return 0, false
			}
			return in.GetWithReceiver(oh.Value(), k, rh.Value())
		}},
		{"getOwnPropertyDescriptor", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "getOwnPropertyDescriptor") {
				return 0, false
			}
			return objectGetOwnPropertyDescriptor(in, a)
		}},
		{"getPrototypeOf", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "getPrototypeOf") {
				return 0, false
			}
			return in.GetPrototypeOf(a.Arg(0))
		}},
		{"has", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "has") {
				return 0, false
			}
			oh := in.Handle(a.Arg(0))
			k, ok := in.ToPropertyKey(a.Arg(1))
			if !ok {
				return 0, false
			}
			r, ok := in.HasPropertyOK(oh.Value(), k)
			return in.Bool(r), ok
		}},
		{"isExtensible", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "isExtensible") {
				return 0, false
			}
			r, ok := in.IsExtensibleObject(a.Arg(0))
			return in.Bool(r), ok
		}},
		{"ownKeys", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "ownKeys") {
				return 0, false
			}
			f := in.Factory()
			keys, ok := in.OwnPropertyKeys(a.Arg(0))
			if !ok {
				return 0, false
			}
			out := in.NewArray(nil)
			for i := 0; i < f.Length(keys.Value()); i++ {
				in.PushValue(out, keyValue(in, f.Get(keys.Value(), i)))
			}
			return out.Value(), true
		}},
		{"preventExtensions", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "preventExtensions") {
				return 0, false
			}
			r, ok := in.PreventExtensionsObject(a.Arg(0))
			return in.Bool(r), ok
		}},
		{"set", 3, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "set") {
				return 0, false
			}
			oh, vh := in.Handle(a.Arg(0)), in.Handle(a.Arg(2))
			rh := oh
			if a.Len() > 3 {
				rh = in.Handle(a.Arg(3))
			}
			k, ok := in.ToPropertyKey(a.Arg(1))
			if !ok {
				return 0, false
			}
			done, ok := in.SetWithReceiver(oh.Value(), k, vh.Value(), rh.Value())
			return in.Bool(done), ok
		}},
		{"setPrototypeOf", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if !target(in, a, "setPrototypeOf") {
				return 0, false
			}
			p := a.Arg(1)
			if p != in.Null() && !in.IsObject(p) {
				return in.ThrowError(interp.TypeError, "Object prototype may only be an Object or null: "+displayArg(in, p))
			}
			done, ok := in.SetPrototypeOf(a.Arg(0), p)
			return in.Bool(done), ok
		}},
	})
}

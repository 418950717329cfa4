package builtins

import (
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// proxy installs Proxy and Proxy.revocable (the proxy objects themselves
// are the interpreter's: see interp/proxy.go).
func (b *installer) proxy() {
	in := b.in
	ctor := in.NewNativeFunction("Proxy", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if !a.IsConstruct() {
			return in.ThrowError(interp.TypeError, "Constructor Proxy requires 'new'")
		}
		return in.NewProxy(a.Arg(0), a.Arg(1))
	}, interp.NativeConstructor)
	// Proxy has no prototype property.
	in.DefineValue(b.global, "Proxy", ctor, objects.AttrDontEnum)
	revokeID := in.RegisterNative(func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		f := in.Factory()
		self := a.Callee()
		p, ok := f.GetProperty(self, in.Intrinsic(interp.PrivateRevocableProxy))
		if !ok || p == in.Null() {
			return in.Undefined(), true
		}
		f.SetProperty(in.Handle(self), in.Handle(in.Intrinsic(interp.PrivateRevocableProxy)), in.Handle(in.Null()))
		in.RevokeProxy(p)
		return in.Undefined(), true
	})
	b.methods(ctor, []fn{
		{"revocable", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			h, f := in.Heap(), in.Factory()
			p, ok := in.NewProxy(a.Arg(0), a.Arg(1))
			if !ok {
				return 0, false
			}
			ph := h.NewHandle(p)
			revoke := in.NewBuiltinFunction("", 0, revokeID, 0)
			f.DefineProperty(revoke, h.NewHandle(in.Intrinsic(interp.PrivateRevocableProxy)), ph, objects.AttrDontEnum)
			res := f.NewPlainObject()
			in.DefineValue(res, "proxy", ph, objects.AttrNone)
			in.DefineValue(res, "revoke", revoke, objects.AttrNone)
			return res.Value(), true
		}},
	})
}

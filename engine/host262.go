package engine

import (
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// installPrint defines the global print(msg) of Options.Print: writable,
// configurable, not enumerable.
func (iso *Isolate) installPrint() {
	js, print := iso.js, iso.opts.Print
	scope := iso.Heap.OpenScope()
	defer scope.Close()
	global := js.Handle(js.GlobalObject())
	js.DefineFunction(global, "print", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		s, ok := in.ToGoString(a.Arg(0))
		if !ok {
			return 0, false
		}
		print(s)
		return in.Undefined(), true
	})
}

// install262 defines test262's $262 host object (INTERPRETING.md,
// "Host-Defined Functions") on the global, writable, configurable and not
// enumerable:
//
//   - evalScript(source) runs source as a global script of this realm and
//     returns its completion value; a syntax error throws the realm's
//     SyntaxError.
//   - gc() runs a full garbage collection.
//   - global is the global object.
//   - detachArrayBuffer(buffer) detaches an ArrayBuffer.
//
// createRealm (a second realm in one isolate) and agent (no shared memory) are absent, so test262
// runners skip the tests needing them.
func (iso *Isolate) install262() {
	js := iso.js
	scope := iso.Heap.OpenScope()
	defer scope.Close()
	global := js.Handle(js.GlobalObject())
	host := js.NewObject(js.Intrinsic(interp.ObjectPrototype))
	js.DefineFunction(host, "evalScript", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		src, ok := in.ToGoString(a.Arg(0))
		if !ok {
			return 0, false
		}
		scope := in.Heap().OpenScope()
		defer scope.Close()
		fn, ok := in.CompileScript(src, "evalScript")
		if !ok {
			return 0, false
		}
		return in.RunFunction(fn)
	})
	js.DefineFunction(host, "gc", 0, func(in *interp.Interp, _ interp.Args) (layout.Value, bool) {
		in.Heap().CollectGarbage(true)
		return in.Undefined(), true
	})
	js.DefineFunction(host, "detachArrayBuffer", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if !in.DetachArrayBuffer(a.Arg(0)) {
			return 0, false
		}
		return in.Null(), true
	})
	js.DefineValue(host, "global", global, objects.AttrDontEnum)
	js.DefineValue(global, "$262", host, objects.AttrDontEnum)
}

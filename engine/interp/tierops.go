package interp

import (
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// instanceOfFunction is `obj instanceof ctor` in optimized code when ctor
// is a plain function: its map is the ordinary function map, so it has no
// own [Symbol.hasInstance] and inherits Function.prototype's, which is
// non-writable and non-configurable (always OrdinaryHasInstance); its
// prototype is an object already in its slot. Then the answer is the walk
// of obj's prototype chain, without the generic operator's lookups and the
// call of the builtin (V8's optimizing compiler does the same with a
// known constructor). hit is false for anything else (a bound function, a
// proxy in the chain, a prototype not made yet or not an object): the
// generic operator runs then. No allocation.
func (in *Interp) instanceOfFunction(obj, ctor layout.Value) (r, hit bool) {
	h, f := in.h, in.f
	if !ctor.IsHeapObject() || h.Field(ctor.Addr(), layout.MapOffset) != f.FunctionMap() {
		return false, false
	}
	if fl := f.SharedFlags(f.FunctionShared(ctor)); fl&sharedNotConstructor != 0 && fl&objects.SharedIsGenerator == 0 {
		return false, false
	}
	proto := f.FunctionPrototypeOrInitialMap(ctor)
	if !proto.IsHeapObject() || proto == in.hole {
		return false, false
	}
	if h.Field(proto.Addr(), layout.MapOffset) == f.Roots.MetaMap {
		proto = f.MapPrototype(proto)
	}
	if !in.IsObject(proto) {
		return false, false
	}
	if !in.IsObject(obj) {
		return false, true
	}
	for p := obj; ; {
		if in.IsProxy(p) {
			return false, false
		}
		p = f.GetPrototype(p)
		if p == in.null {
			return false, true
		}
		if p == proto {
			return true, true
		}
	}
}

package builtins

import (
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// Object.prototype's legacy accessor methods (ECMA-262 Annex B.2.2):
// __defineGetter__, __defineSetter__, __lookupGetter__, __lookupSetter__.
// They are installed with Object.prototype's other methods, in V8's order.

func legacyDefineGetter(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return legacyDefineAccessor(in, a, true)
}

func legacyDefineSetter(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return legacyDefineAccessor(in, a, false)
}

func legacyLookupGetter(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return legacyLookupAccessor(in, a, true)
}

func legacyLookupSetter(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return legacyLookupAccessor(in, a, false)
}

// legacyDefineAccessor defines this[key] as an enumerable, configurable
// accessor with the given getter or setter.
func legacyDefineAccessor(in *interp.Interp, a interp.Args, getter bool) (layout.Value, bool) {
	h := in.Heap()
	scope := h.OpenScope()
	defer scope.Close()
	o, ok := in.ToObject(a.This())
	if !ok {
		return 0, false
	}
	oh := h.NewHandle(o)
	name := "__defineSetter__"
	if getter {
		name = "__defineGetter__"
	}
	if !in.IsCallable(a.Arg(1)) {
		return in.ThrowError(interp.TypeError, "Object.prototype."+name+": Expecting function")
	}
	k, ok := in.ToPropertyKey(a.Arg(0))
	if !ok {
		return 0, false
	}
	kh := in.HandleKey(k)
	d := in.NewDescriptor()
	if getter {
		d.Get.Set(a.Arg(1))
		d.HasGet = true
	} else {
		d.Set.Set(a.Arg(1))
		d.HasSet = true
	}
	d.HasEnumerable, d.Enumerable = true, true
	d.HasConfigurable, d.Configurable = true, true
	done, ok := in.DefineOwnProperty(oh, kh, &d)
	if !ok {
		return 0, false
	}
	if !done {
		return in.ThrowError(interp.TypeError, "Cannot redefine property: "+in.GoString(in.KeyString(kh.Key())))
	}
	return in.Undefined(), true
}

// legacyLookupAccessor finds the getter or setter of key along this's
// prototype chain (undefined where a data property is found first).
func legacyLookupAccessor(in *interp.Interp, a interp.Args, getter bool) (layout.Value, bool) {
	h := in.Heap()
	scope := h.OpenScope()
	defer scope.Close()
	o, ok := in.ToObject(a.This())
	if !ok {
		return 0, false
	}
	oh := h.NewHandle(o)
	k, ok := in.ToPropertyKey(a.Arg(0))
	if !ok {
		return 0, false
	}
	kh := in.HandleKey(k)
	for oh.Value() != in.Null() {
		d, found, ok := in.GetOwnPropertyDescriptor(oh.Value(), kh.Key())
		if !ok {
			return 0, false
		}
		if found {
			switch {
			case !d.IsAccessor():
				return in.Undefined(), true
			case getter:
				return d.Get.Value(), true
			default:
				return d.Set.Value(), true
			}
		}
		p, ok := in.GetPrototypeOf(oh.Value())
		if !ok {
			return 0, false
		}
		oh.Set(p)
	}
	return in.Undefined(), true
}

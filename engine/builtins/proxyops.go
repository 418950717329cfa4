package builtins

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// The Object and Reflect functions on proxies: each follows the
// specification's steps through the object operations (so every trap runs
// in the specified order). Ordinary objects keep their faster paths in
// object.go.

// proxyKeys returns a proxy's own keys ([[OwnPropertyKeys]]) filtered as
// filter asks; OnlyEnumerable asks [[GetOwnProperty]] of each string key.
func proxyKeys(in *interp.Interp, p heap.Handle, filter objects.PropertyFilter) (heap.Handle, bool) {
	h, f := in.Heap(), in.Factory()
	keys, ok := in.OwnPropertyKeys(p.Value())
	if !ok {
		return heap.Handle{}, false
	}
	n := f.Length(keys.Value())
	keep := make([]bool, n)
	count := 0
	for i := 0; i < n; i++ {
		kv := f.Get(keys.Value(), i)
		sym := !kv.IsSmi() && in.IsSymbol(kv)
		if sym && filter&objects.SkipSymbols != 0 || !sym && filter&objects.SkipStrings != 0 {
			continue
		}
		if filter&objects.OnlyEnumerable != 0 {
			s := h.OpenScope()
			d, found, ok := in.GetOwnPropertyDescriptor(p.Value(), interp.KeyOf(kv))
			s.Close()
			if !ok {
				return heap.Handle{}, false
			}
			if !found || !d.Enumerable {
				continue
			}
		}
		keep[i] = true
		count++
	}
	out := f.NewFixedArray(count, heap.NewSpace)
	j := 0
	for i := 0; i < n; i++ {
		if keep[i] {
			f.Set(out.Value(), j, f.Get(keys.Value(), i))
			j++
		}
	}
	return out, true
}

// keysOf is ownKeys for any object: proxies through their traps.
func keysOf(in *interp.Interp, obj heap.Handle, filter objects.PropertyFilter) (heap.Handle, bool) {
	if in.IsProxy(obj.Value()) {
		return proxyKeys(in, obj, filter)
	}
	return ownKeys(in, obj, filter), true
}

// listProxyKeys is Object.keys/values/entries of a proxy
// (EnumerableOwnProperties): ownKeys, then for each string key its
// descriptor and, for values and entries, its value.
func listProxyKeys(in *interp.Interp, p heap.Handle, kind int) (layout.Value, bool) {
	h, f := in.Heap(), in.Factory()
	keys, ok := in.OwnPropertyKeys(p.Value())
	if !ok {
		return 0, false
	}
	arr := f.NewJSArray(0)
	for i := 0; i < f.Length(keys.Value()); i++ {
		s := h.OpenScope()
		kv := f.Get(keys.Value(), i)
		if !kv.IsSmi() && in.IsSymbol(kv) {
			s.Close()
			continue
		}
		d, found, ok := in.GetOwnPropertyDescriptor(p.Value(), interp.KeyOf(kv))
		if !ok {
			s.Close()
			return 0, false
		}
		if !found || !d.Enumerable {
			s.Close()
			continue
		}
		kh := h.NewHandle(keyValue(in, f.Get(keys.Value(), i)))
		if kind == 0 {
			in.PushValue(arr, kh.Value())
			s.Close()
			continue
		}
		v, ok := in.Get(p.Value(), interp.KeyOf(f.Get(keys.Value(), i)))
		if !ok {
			s.Close()
			return 0, false
		}
		if kind == 2 {
			v = in.NewArray([]layout.Value{kh.Value(), v}).Value()
		}
		in.PushValue(arr, v)
		s.Close()
	}
	return arr.Value(), true
}

// descriptorObject is Object.getOwnPropertyDescriptor for any object.
func descriptorObject(in *interp.Interp, obj layout.Value, k interp.Key) (layout.Value, bool) {
	scope := in.Heap().OpenScope()
	defer scope.Close()
	d, found, ok := in.GetOwnPropertyDescriptor(obj, k)
	if !ok {
		return 0, false
	}
	if !found {
		return in.Undefined(), true
	}
	return in.FromPropertyDescriptor(&d), true
}

// proxyIntegrity is SetIntegrityLevel (freeze/seal) of a proxy; it
// returns false with no exception when preventExtensions refused.
func proxyIntegrity(in *interp.Interp, p heap.Handle, freeze bool) (bool, bool) {
	h, f := in.Heap(), in.Factory()
	done, ok := in.PreventExtensionsObject(p.Value())
	if !ok || !done {
		return done, ok
	}
	keys, ok := in.OwnPropertyKeys(p.Value())
	if !ok {
		return false, false
	}
	for i := 0; i < f.Length(keys.Value()); i++ {
		s := h.OpenScope()
		k := interp.KeyOf(f.Get(keys.Value(), i))
		kh := in.HandleKey(k)
		d := in.NewDescriptor()
		d.HasConfigurable = true
		if freeze {
			cur, found, ok := in.GetOwnPropertyDescriptor(p.Value(), k)
			if !ok {
				s.Close()
				return false, false
			}
			if !found {
				s.Close()
				continue
			}
			if cur.IsData() {
				d.HasWritable = true
			}
		}
		done, ok := in.DefineOwnProperty(p, kh, &d)
		s.Close()
		if !ok {
			return false, false
		}
		if !done {
			in.ThrowError(interp.TypeError, "'defineProperty' on proxy: trap returned falsish for property '"+keyText(in, kh.Key())+"'")
			return false, false
		}
	}
	return true, true
}

// proxyTestIntegrity is TestIntegrityLevel (isFrozen/isSealed) of a proxy.
func proxyTestIntegrity(in *interp.Interp, p heap.Handle, frozen bool) (bool, bool) {
	h, f := in.Heap(), in.Factory()
	ext, ok := in.IsExtensibleObject(p.Value())
	if !ok || ext {
		return false, ok
	}
	keys, ok := in.OwnPropertyKeys(p.Value())
	if !ok {
		return false, false
	}
	for i := 0; i < f.Length(keys.Value()); i++ {
		s := h.OpenScope()
		d, found, ok := in.GetOwnPropertyDescriptor(p.Value(), interp.KeyOf(f.Get(keys.Value(), i)))
		s.Close()
		if !ok {
			return false, false
		}
		if found && (d.Configurable || frozen && d.IsData() && d.Writable) {
			return false, true
		}
	}
	return true, true
}

// assignFromProxy copies a proxy source's enumerable own properties to
// target (Object.assign's loop body).
func assignFromProxy(in *interp.Interp, target, src heap.Handle) bool {
	h, f := in.Heap(), in.Factory()
	keys, ok := in.OwnPropertyKeys(src.Value())
	if !ok {
		return false
	}
	for j := 0; j < f.Length(keys.Value()); j++ {
		s := h.OpenScope()
		k := interp.KeyOf(f.Get(keys.Value(), j))
		d, found, ok := in.GetOwnPropertyDescriptor(src.Value(), k)
		if !ok {
			s.Close()
			return false
		}
		if found && d.Enumerable {
			k = interp.KeyOf(f.Get(keys.Value(), j))
			v, ok := in.Get(src.Value(), k)
			if !ok || !in.Set(target.Value(), interp.KeyOf(f.Get(keys.Value(), j)), v, true) {
				s.Close()
				return false
			}
		}
		s.Close()
	}
	return true
}

package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Proxy exotic objects. A JSProxy has an object's header (no properties or
// elements of its own: its map is the realm's ProxyMap, prototype null),
// then its target and handler, null once revoked. Every internal method
// looks up the handler's trap; a missing trap forwards to the target, and
// the trap's result is checked against the target's invariants as the
// specification requires (TypeErrors otherwise). The interpreter's
// property-access slow paths route proxies here (ownProperty reports
// propProxy for them); the inline caches never cache a proxy's map.

// IsProxy reports whether v is a Proxy object.
func (in *Interp) IsProxy(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v) == layout.JSProxyType
}

// isFunction reports whether v is a JSFunction (not a callable proxy).
func (in *Interp) isFunction(v layout.Value) bool {
	return v.IsHeapObject() && in.typeOf(v) == layout.JSFunctionType
}

func (in *Interp) proxyTarget(p layout.Value) layout.Value {
	return in.h.Field(p.Addr(), layout.JSProxyTargetOffset)
}

func (in *Interp) proxyHandler(p layout.Value) layout.Value {
	return in.h.Field(p.Addr(), layout.JSProxyHandlerOffset)
}

func (in *Interp) proxyFlags(p layout.Value) int {
	return in.h.Field(p.Addr(), layout.JSProxyFlagsOffset).SmiValue()
}

// ProxyTarget returns a proxy's target (null when revoked), for inspection.
func (in *Interp) ProxyTarget(p layout.Value) layout.Value { return in.proxyTarget(p) }

// ProxyHandler returns a proxy's handler (null when revoked).
func (in *Interp) ProxyHandler(p layout.Value) layout.Value { return in.proxyHandler(p) }

// NewProxy is ProxyCreate(target, handler).
func (in *Interp) NewProxy(target, handler layout.Value) (layout.Value, bool) {
	h := in.h
	if !in.IsObject(target) || !in.IsObject(handler) {
		return in.ThrowError(TypeError, "Cannot create proxy with a non-object as target or handler")
	}
	flags := 0
	if in.IsCallable(target) {
		flags |= layout.JSProxyCallable
		if in.isConstructor(target) {
			flags |= layout.JSProxyConstructor
		}
	}
	scope := h.OpenScope()
	defer scope.Close()
	th, hh := h.NewHandle(target), h.NewHandle(handler)
	p := in.f.NewJSObject(h.NewHandle(in.intrinsics[ProxyMap]))
	h.SetField(p.Addr(), layout.JSProxyTargetOffset, th.Value())
	h.SetField(p.Addr(), layout.JSProxyHandlerOffset, hh.Value())
	h.SetField(p.Addr(), layout.JSProxyFlagsOffset, layout.Smi(flags))
	return p.Value(), true
}

// RevokeProxy revokes p: every later operation on it throws.
func (in *Interp) RevokeProxy(p layout.Value) {
	in.h.SetField(p.Addr(), layout.JSProxyTargetOffset, in.null)
	in.h.SetField(p.Addr(), layout.JSProxyHandlerOffset, in.null)
}

// proxyCheck returns p's handler, throwing when p is revoked.
func (in *Interp) proxyCheck(p layout.Value, op string) bool {
	if in.proxyHandler(p) == in.null {
		in.throwErrorValue(TypeError, "Cannot perform '"+op+"' on a proxy that has been revoked")
		return false
	}
	return true
}

// proxyTrap opens the frame of one proxy operation: it checks p is not
// revoked and returns handles to the target, the handler and the trap
// (undefined when the handler has none).
func (in *Interp) proxyTrap(p layout.Value, op string) (target, handler, trap heap.Handle, ok bool) {
	h := in.h
	if !in.proxyCheck(p, op) {
		return
	}
	target, handler = h.NewHandle(in.proxyTarget(p)), h.NewHandle(in.proxyHandler(p))
	name := in.f.InternalizeGo(op)
	t, ok := in.GetNamed(handler.Value(), name.Value())
	if !ok {
		return
	}
	if t == in.null {
		t = in.undefined
	}
	if t != in.undefined && !in.IsCallable(t) {
		in.throwErrorValue(TypeError, in.displayValue(t)+" is not a function")
		return target, handler, trap, false
	}
	return target, handler, h.NewHandle(t), true
}

// proxyError throws a TypeError about a trap's result.
func (in *Interp) proxyError(op string, k *Key, msg string) {
	text := "'" + op + "' on proxy: "
	if k != nil {
		msg = "property '" + in.keyText(*k) + "' " + msg
	}
	in.throwErrorValue(TypeError, text+msg)
}

// proxyGetPrototypeOf is [[GetPrototypeOf]] of a proxy.
func (in *Interp) proxyGetPrototypeOf(p layout.Value) (layout.Value, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	target, handler, trap, ok := in.proxyTrap(p, "getPrototypeOf")
	if !ok {
		return 0, false
	}
	if trap.Value() == in.undefined {
		return in.GetPrototypeOf(target.Value())
	}
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value())
	if !ok {
		return 0, false
	}
	if !in.IsObject(r) && r != in.null {
		in.proxyError("getPrototypeOf", nil, "trap returned neither object nor null")
		return 0, false
	}
	rh := in.h.NewHandle(r)
	ext, ok := in.IsExtensibleObject(target.Value())
	if !ok {
		return 0, false
	}
	if ext {
		return rh.Value(), true
	}
	tp, ok := in.GetPrototypeOf(target.Value())
	if !ok {
		return 0, false
	}
	if !in.SameValue(tp, rh.Value()) {
		in.proxyError("getPrototypeOf", nil, "proxy target is non-extensible but the trap did not return its actual prototype")
		return 0, false
	}
	return rh.Value(), true
}

// SetPrototypeOf is [[SetPrototypeOf]]: whether obj's prototype is now
// proto (false for a cycle or a non-extensible object; proxies run their
// trap).
func (in *Interp) SetPrototypeOf(obj, proto layout.Value) (bool, bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	if !in.IsProxy(obj) {
		if f.GetPrototype(obj) == proto {
			return true, true
		}
		if !f.IsExtensible(obj) {
			return false, true
		}
		for p := proto; p != in.null && !in.IsProxy(p); p = f.GetPrototype(p) {
			if p == obj {
				return false, true
			}
		}
		f.SetPrototype(h.NewHandle(obj), h.NewHandle(proto))
		return true, true
	}
	ph := h.NewHandle(proto)
	target, handler, trap, ok := in.proxyTrap(obj, "setPrototypeOf")
	if !ok {
		return false, false
	}
	if trap.Value() == in.undefined {
		return in.SetPrototypeOf(target.Value(), ph.Value())
	}
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value(), ph.Value())
	if !ok {
		return false, false
	}
	if !in.ToBoolean(r) {
		return false, true
	}
	ext, ok := in.IsExtensibleObject(target.Value())
	if !ok {
		return false, false
	}
	if ext {
		return true, true
	}
	tp, ok := in.GetPrototypeOf(target.Value())
	if !ok {
		return false, false
	}
	if !in.SameValue(tp, ph.Value()) {
		in.proxyError("setPrototypeOf", nil, "trap returned truish for setting a new prototype on the non-extensible proxy target")
		return false, false
	}
	return true, true
}

// proxyIsExtensible is [[IsExtensible]] of a proxy.
func (in *Interp) proxyIsExtensible(p layout.Value) (bool, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	target, handler, trap, ok := in.proxyTrap(p, "isExtensible")
	if !ok {
		return false, false
	}
	if trap.Value() == in.undefined {
		return in.IsExtensibleObject(target.Value())
	}
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value())
	if !ok {
		return false, false
	}
	b := in.ToBoolean(r)
	t, ok := in.IsExtensibleObject(target.Value())
	if !ok {
		return false, false
	}
	if b != t {
		in.proxyError("isExtensible", nil, "trap result does not reflect extensibility of proxy target (which is '"+boolText(t)+"')")
		return false, false
	}
	return b, true
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// proxyPreventExtensions is [[PreventExtensions]] of a proxy.
func (in *Interp) proxyPreventExtensions(p layout.Value) (bool, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	target, handler, trap, ok := in.proxyTrap(p, "preventExtensions")
	if !ok {
		return false, false
	}
	if trap.Value() == in.undefined {
		return in.PreventExtensionsObject(target.Value())
	}
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value())
	if !ok {
		return false, false
	}
	b := in.ToBoolean(r)
	if b {
		t, ok := in.IsExtensibleObject(target.Value())
		if !ok {
			return false, false
		}
		if t {
			in.proxyError("preventExtensions", nil, "trap returned truish but the proxy target is extensible")
			return false, false
		}
	}
	return b, true
}

// proxyGetOwnProperty is [[GetOwnProperty]] of a proxy.
func (in *Interp) proxyGetOwnProperty(p layout.Value, k Key) (PropertyDescriptor, bool, bool) {
	h := in.h
	kh := in.HandleKey(k)
	target, handler, trap, ok := in.proxyTrap(p, "getOwnPropertyDescriptor")
	if !ok {
		return PropertyDescriptor{}, false, false
	}
	if trap.Value() == in.undefined {
		return in.GetOwnPropertyDescriptor(target.Value(), kh.Key())
	}
	key := in.KeyString(kh.Key()) // allocates: before reading the handles
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value(), key)
	if !ok {
		return PropertyDescriptor{}, false, false
	}
	k = kh.Key()
	if !in.IsObject(r) && r != in.undefined {
		in.proxyError("getOwnPropertyDescriptor", &k, "trap returned neither object nor undefined")
		return PropertyDescriptor{}, false, false
	}
	rh := h.NewHandle(r)
	td, tfound, ok := in.GetOwnPropertyDescriptor(target.Value(), kh.Key())
	if !ok {
		return td, false, false
	}
	if rh.Value() == in.undefined {
		if !tfound {
			return td, false, true
		}
		k = kh.Key()
		if !td.Configurable {
			in.proxyError("getOwnPropertyDescriptor", &k, "trap returned undefined for property which is non-configurable in the proxy target")
			return td, false, false
		}
		ext, ok := in.IsExtensibleObject(target.Value())
		if !ok {
			return td, false, false
		}
		if !ext {
			k = kh.Key()
			in.proxyError("getOwnPropertyDescriptor", &k, "trap returned undefined for property which exists in the non-extensible proxy target")
			return td, false, false
		}
		return td, false, true
	}
	ext, ok := in.IsExtensibleObject(target.Value())
	if !ok {
		return td, false, false
	}
	rd, ok := in.ToPropertyDescriptor(rh.Value())
	if !ok {
		return rd, false, false
	}
	rd.complete()
	k = kh.Key()
	if !in.validateDescriptor(ext, &rd, &td, tfound) {
		in.proxyError("getOwnPropertyDescriptor", &k, "trap returned descriptor that is incompatible with the existing property in the proxy target")
		return rd, false, false
	}
	if !rd.Configurable {
		if !tfound || td.Configurable {
			in.proxyError("getOwnPropertyDescriptor", &k, "trap reported non-configurability for property which is either non-existent or configurable in the proxy target")
			return rd, false, false
		}
		if rd.HasWritable && !rd.Writable && td.Writable {
			in.proxyError("getOwnPropertyDescriptor", &k, "trap reported non-configurable and writable for property which is non-configurable, non-writable in the proxy target")
			return rd, false, false
		}
	}
	return rd, true, true
}

// proxyDefineOwnProperty is [[DefineOwnProperty]] of a proxy.
func (in *Interp) proxyDefineOwnProperty(p layout.Value, k Key, d *PropertyDescriptor) (bool, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	kh := in.HandleKey(k)
	target, handler, trap, ok := in.proxyTrap(p, "defineProperty")
	if !ok {
		return false, false
	}
	if trap.Value() == in.undefined {
		return in.DefineOwnProperty(target, kh, d)
	}
	desc := h.NewHandle(in.FromPropertyDescriptor(d))
	key := in.KeyString(kh.Key())
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value(), key, desc.Value())
	if !ok {
		return false, false
	}
	if !in.ToBoolean(r) {
		return false, true
	}
	td, tfound, ok := in.GetOwnPropertyDescriptor(target.Value(), kh.Key())
	if !ok {
		return false, false
	}
	ext, ok := in.IsExtensibleObject(target.Value())
	if !ok {
		return false, false
	}
	settingConfigFalse := d.HasConfigurable && !d.Configurable
	k = kh.Key()
	if !tfound {
		if !ext {
			in.proxyError("defineProperty", &k, "trap returned truish for adding property to the non-extensible proxy target")
			return false, false
		}
		if settingConfigFalse {
			in.proxyError("defineProperty", &k, "trap returned truish for defining non-configurable property which is either non-existent or configurable in the proxy target")
			return false, false
		}
		return true, true
	}
	if !in.validateDescriptor(ext, d, &td, true) {
		in.proxyError("defineProperty", &k, "trap returned truish for adding property that is incompatible with the existing property in the proxy target")
		return false, false
	}
	if settingConfigFalse && td.Configurable {
		in.proxyError("defineProperty", &k, "trap returned truish for defining non-configurable property which is either non-existent or configurable in the proxy target")
		return false, false
	}
	if td.IsData() && !td.Configurable && td.Writable && d.HasWritable && !d.Writable {
		in.proxyError("defineProperty", &k, "trap returned truish for defining non-configurable property which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object")
		return false, false
	}
	return true, true
}

// proxyHas is [[HasProperty]] of a proxy.
func (in *Interp) proxyHas(p layout.Value, k Key) (bool, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	kh := in.HandleKey(k)
	target, handler, trap, ok := in.proxyTrap(p, "has")
	if !ok {
		return false, false
	}
	if trap.Value() == in.undefined {
		return in.HasPropertyOK(target.Value(), kh.Key())
	}
	key := in.KeyString(kh.Key()) // allocates: before reading the handles
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value(), key)
	if !ok {
		return false, false
	}
	if in.ToBoolean(r) {
		return true, true
	}
	td, tfound, ok := in.GetOwnPropertyDescriptor(target.Value(), kh.Key())
	if !ok {
		return false, false
	}
	if tfound {
		k = kh.Key()
		if !td.Configurable {
			in.proxyError("has", &k, "trap returned falsish for property which exists in the proxy target as non-configurable")
			return false, false
		}
		ext, ok := in.IsExtensibleObject(target.Value())
		if !ok {
			return false, false
		}
		if !ext {
			in.proxyError("has", &k, "trap returned falsish for property but the proxy target is not extensible")
			return false, false
		}
	}
	return false, true
}

// proxyGet is [[Get]] of a proxy.
func (in *Interp) proxyGet(p layout.Value, k Key, receiver layout.Value) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	kh := in.HandleKey(k)
	rh := h.NewHandle(receiver)
	target, handler, trap, ok := in.proxyTrap(p, "get")
	if !ok {
		return 0, false
	}
	if trap.Value() == in.undefined {
		return in.getWithReceiver(target.Value(), kh.Key(), rh.Value())
	}
	key := in.KeyString(kh.Key())
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value(), key, rh.Value())
	if !ok {
		return 0, false
	}
	res := h.NewHandle(r)
	td, tfound, ok := in.GetOwnPropertyDescriptor(target.Value(), kh.Key())
	if !ok {
		return 0, false
	}
	if tfound && !td.Configurable {
		k = kh.Key()
		if td.IsData() && !td.Writable && !in.SameValue(res.Value(), td.Value.Value()) {
			in.proxyError("get", &k, "is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value")
			return 0, false
		}
		if td.IsAccessor() && td.Get.Value() == in.undefined && res.Value() != in.undefined {
			in.proxyError("get", &k, "is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined'")
			return 0, false
		}
	}
	return res.Value(), true
}

// proxySet is [[Set]] of a proxy: whether the assignment succeeded.
func (in *Interp) proxySet(p layout.Value, k Key, v, receiver layout.Value) (bool, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	kh := in.HandleKey(k)
	vh, rh := h.NewHandle(v), h.NewHandle(receiver)
	target, handler, trap, ok := in.proxyTrap(p, "set")
	if !ok {
		return false, false
	}
	if trap.Value() == in.undefined {
		return in.setWithReceiver(target.Value(), kh.Key(), vh.Value(), rh.Value())
	}
	key := in.KeyString(kh.Key())
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value(), key, vh.Value(), rh.Value())
	if !ok {
		return false, false
	}
	if !in.ToBoolean(r) {
		return false, true
	}
	td, tfound, ok := in.GetOwnPropertyDescriptor(target.Value(), kh.Key())
	if !ok {
		return false, false
	}
	if tfound && !td.Configurable {
		k = kh.Key()
		if td.IsData() && !td.Writable && !in.SameValue(vh.Value(), td.Value.Value()) {
			in.proxyError("set", &k, "is a read-only and non-configurable data property on the proxy target but the trap did not fail")
			return false, false
		}
		if td.IsAccessor() && td.Set.Value() == in.undefined {
			in.proxyError("set", &k, "is a non-configurable accessor property on the proxy target and does not have a setter function")
			return false, false
		}
	}
	return true, true
}

// setWithReceiver is [[Set]](k, v, receiver) on any object, following
// OrdinarySet step by step through the object operations (so that proxies
// on either side run their traps). Plain assignments, where the receiver
// is the object, take the interpreter's usual path.
func (in *Interp) setWithReceiver(obj layout.Value, k Key, v, receiver layout.Value) (bool, bool) {
	if in.IsProxy(obj) {
		return in.proxySet(obj, k, v, receiver)
	}
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	kh := in.HandleKey(k)
	oh, vh, rh := h.NewHandle(obj), h.NewHandle(v), h.NewHandle(receiver)
	own, found, ok := in.GetOwnPropertyDescriptor(obj, k)
	if !ok {
		return false, false
	}
	if !found {
		parent, ok := in.GetPrototypeOf(oh.Value())
		if !ok {
			return false, false
		}
		if parent != in.null {
			return in.setWithReceiver(parent, kh.Key(), vh.Value(), rh.Value())
		}
		own = in.NewDescriptor()
		own.HasValue, own.HasWritable, own.Writable = true, true, true
		own.HasEnumerable, own.Enumerable, own.HasConfigurable, own.Configurable = true, true, true, true
	}
	if own.IsAccessor() {
		if own.Set.Value() == in.undefined {
			return false, true
		}
		_, ok := in.Call(own.Set.Value(), rh.Value(), vh.Value())
		return ok, ok
	}
	if !own.Writable || !in.IsObject(rh.Value()) {
		return false, true
	}
	existing, efound, ok := in.GetOwnPropertyDescriptor(rh.Value(), kh.Key())
	if !ok {
		return false, false
	}
	d := in.NewDescriptor()
	d.Value.Set(vh.Value())
	d.HasValue = true
	if efound {
		if existing.IsAccessor() || !existing.Writable {
			return false, true
		}
	} else {
		d.HasWritable, d.Writable = true, true
		d.HasEnumerable, d.Enumerable = true, true
		d.HasConfigurable, d.Configurable = true, true
	}
	return in.DefineOwnProperty(rh, kh, &d)
}

// proxyDelete is [[Delete]] of a proxy.
func (in *Interp) proxyDelete(p layout.Value, k Key) (bool, bool) {
	scope := in.h.OpenScope()
	defer scope.Close()
	kh := in.HandleKey(k)
	target, handler, trap, ok := in.proxyTrap(p, "deleteProperty")
	if !ok {
		return false, false
	}
	if trap.Value() == in.undefined {
		return in.Delete(target.Value(), kh.Key(), false)
	}
	key := in.KeyString(kh.Key()) // allocates: before reading the handles
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value(), key)
	if !ok {
		return false, false
	}
	if !in.ToBoolean(r) {
		return false, true
	}
	td, tfound, ok := in.GetOwnPropertyDescriptor(target.Value(), kh.Key())
	if !ok {
		return false, false
	}
	if !tfound {
		return true, true
	}
	k = kh.Key()
	if !td.Configurable {
		in.proxyError("deleteProperty", &k, "is a non-configurable property but the trap returned truish")
		return false, false
	}
	ext, ok := in.IsExtensibleObject(target.Value())
	if !ok {
		return false, false
	}
	if !ext {
		in.proxyError("deleteProperty", &k, "trap returned truish but the proxy target is non-extensible")
		return false, false
	}
	return true, true
}

// proxyOwnKeys is [[OwnPropertyKeys]] of a proxy: the trap's list (as a
// FixedArray of Smi indices and names, in the trap's order), checked to
// have no duplicates, to report every non-configurable key of the target,
// and exactly the target's keys when the target is not extensible.
func (in *Interp) proxyOwnKeys(p layout.Value) (heap.Handle, bool) {
	h, f := in.h, in.f
	target, handler, trap, ok := in.proxyTrap(p, "ownKeys")
	if !ok {
		return heap.Handle{}, false
	}
	if trap.Value() == in.undefined {
		return in.OwnPropertyKeys(target.Value())
	}
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value())
	if !ok {
		return heap.Handle{}, false
	}
	if !in.IsObject(r) {
		in.throwErrorValue(TypeError, "CreateListFromArrayLike called on non-object")
		return heap.Handle{}, false
	}
	rh := h.NewHandle(r)
	lv, ok := in.GetName(rh.Value(), NameLength)
	if !ok {
		return heap.Handle{}, false
	}
	n, ok := in.ToLength(lv)
	if !ok {
		return heap.Handle{}, false
	}
	if n > 1<<24 {
		in.throwErrorValue(RangeError, "Invalid array length")
		return heap.Handle{}, false
	}
	keys := f.NewFixedArray(int(n), heap.NewSpace)
	for i := 0; i < int(n); i++ {
		s := h.OpenScope()
		e, ok := in.Get(rh.Value(), IndexKey(uint32(i)))
		if !ok {
			s.Close()
			return heap.Handle{}, false
		}
		if !in.IsString(e) && !in.IsSymbol(e) {
			s.Close()
			in.throwErrorValue(TypeError, in.displayValue(e)+" is not a valid property name")
			return heap.Handle{}, false
		}
		k, _ := in.ToPropertyKey(e)
		kv := k.Name
		if k.IsIndex {
			kv = layout.Smi(int(k.Index))
			if !layout.FitsSmi(int(k.Index)) {
				kv = in.indexName(k.Index)
			}
		}
		for j := 0; j < i; j++ {
			if f.Get(keys.Value(), j) == kv {
				s.Close()
				in.proxyError("ownKeys", nil, "trap returned duplicate entries")
				return heap.Handle{}, false
			}
		}
		f.Set(keys.Value(), i, kv)
		s.Close()
	}
	ext, ok := in.IsExtensibleObject(target.Value())
	if !ok {
		return heap.Handle{}, false
	}
	tkeys, ok := in.OwnPropertyKeys(target.Value())
	if !ok {
		return heap.Handle{}, false
	}
	tn := f.Length(tkeys.Value())
	nonConfig := make([]bool, tn)
	anyNonConfig := false
	for i := 0; i < tn; i++ {
		s := h.OpenScope()
		d, found, ok := in.GetOwnPropertyDescriptor(target.Value(), KeyOf(f.Get(tkeys.Value(), i)))
		s.Close()
		if !ok {
			return heap.Handle{}, false
		}
		if found && !d.Configurable {
			nonConfig[i], anyNonConfig = true, true
		}
	}
	if ext && !anyNonConfig {
		return keys, true
	}
	used := make([]bool, int(n))
	find := func(kv layout.Value) bool {
		for j := 0; j < int(n); j++ {
			if !used[j] && f.Get(keys.Value(), j) == kv {
				used[j] = true
				return true
			}
		}
		return false
	}
	for i := 0; i < tn; i++ {
		if nonConfig[i] && !find(f.Get(tkeys.Value(), i)) {
			k := KeyOf(f.Get(tkeys.Value(), i))
			in.proxyError("ownKeys", nil, "trap result did not include '"+in.keyText(k)+"'")
			return heap.Handle{}, false
		}
	}
	if ext {
		return keys, true
	}
	for i := 0; i < tn; i++ {
		if !nonConfig[i] && !find(f.Get(tkeys.Value(), i)) {
			k := KeyOf(f.Get(tkeys.Value(), i))
			in.proxyError("ownKeys", nil, "trap result did not include '"+in.keyText(k)+"'")
			return heap.Handle{}, false
		}
	}
	for j := 0; j < int(n); j++ {
		if !used[j] {
			in.proxyError("ownKeys", nil, "trap returned extra keys but proxy target is non-extensible")
			return heap.Handle{}, false
		}
	}
	return keys, true
}

// callProxyAt is callAt for a callable proxy: the apply or construct trap,
// or the target. The result goes to in.acc.
func (in *Interp) callProxyAt(calleeIdx, recvIdx, argsIdx, argc, ntIdx int, flags frameFlags) callStatus {
	h := in.h
	p := in.stack[calleeIdx]
	construct := flags&frameConstruct != 0
	if construct && in.proxyFlags(p)&layout.JSProxyConstructor == 0 {
		in.throwErrorValue(TypeError, in.calleeText(p)+" is not a constructor")
		return callThrew
	}
	scope := h.OpenScope()
	defer scope.Close()
	ph := h.NewHandle(p)
	recv, nt := in.undefined, in.undefined
	if recvIdx >= 0 && !construct {
		recv = in.stack[recvIdx]
	}
	if construct {
		nt = in.stack[ntIdx]
	}
	rh, nth := h.NewHandle(recv), h.NewHandle(nt)
	args := make([]layout.Value, argc)
	copy(args, in.stack[argsIdx:argsIdx+argc])
	arr := in.NewArray(args)
	var v layout.Value
	var ok bool
	if construct {
		v, ok = in.proxyConstruct(ph.Value(), arr, nth.Value())
	} else {
		v, ok = in.proxyCall(ph.Value(), rh.Value(), arr)
	}
	if !ok {
		return callThrew
	}
	in.acc = v
	return callDone
}

// arrayValues returns the elements of a dense array made by NewArray.
func (in *Interp) arrayValues(arr heap.Handle) []layout.Value {
	n := in.f.ArrayLength(arr.Value())
	out := make([]layout.Value, n)
	for i := uint32(0); i < n; i++ {
		out[i] = in.Element(arr.Value(), i)
	}
	return out
}

// proxyCall is [[Call]] of a proxy with the arguments in the array args.
func (in *Interp) proxyCall(p, this layout.Value, args heap.Handle) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	th := h.NewHandle(this)
	target, handler, trap, ok := in.proxyTrap(p, "apply")
	if !ok {
		return 0, false
	}
	if trap.Value() == in.undefined {
		return in.Call(target.Value(), th.Value(), in.arrayValues(args)...)
	}
	return in.Call(trap.Value(), handler.Value(), target.Value(), th.Value(), args.Value())
}

// proxyConstruct is [[Construct]] of a proxy.
func (in *Interp) proxyConstruct(p layout.Value, args heap.Handle, newTarget layout.Value) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	nth := h.NewHandle(newTarget)
	target, handler, trap, ok := in.proxyTrap(p, "construct")
	if !ok {
		return 0, false
	}
	if trap.Value() == in.undefined {
		return in.Construct(target.Value(), in.arrayValues(args), nth.Value())
	}
	r, ok := in.Call(trap.Value(), handler.Value(), target.Value(), args.Value(), nth.Value())
	if !ok {
		return 0, false
	}
	if !in.IsObject(r) {
		in.proxyError("construct", nil, "trap returned non-object ('"+in.displayValue(r)+"')")
		return 0, false
	}
	return r, true
}

// IsArrayValue is IsArray: arrays, and proxies whose target is one
// (TypeError for a revoked proxy).
func (in *Interp) IsArrayValue(v layout.Value) (bool, bool) {
	for in.IsProxy(v) {
		if !in.proxyCheck(v, "IsArray") {
			return false, false
		}
		v = in.proxyTarget(v)
	}
	return in.IsArray(v), true
}

// SetWithReceiver is [[Set]](k, v, receiver) (Reflect.set with a
// receiver): whether the assignment succeeded.
func (in *Interp) SetWithReceiver(obj layout.Value, k Key, v, receiver layout.Value) (bool, bool) {
	return in.setWithReceiver(obj, k, v, receiver)
}

// GetWithReceiver is [[Get]](k, receiver) (Reflect.get with a receiver).
func (in *Interp) GetWithReceiver(obj layout.Value, k Key, receiver layout.Value) (layout.Value, bool) {
	return in.getWithReceiver(obj, k, receiver)
}

// proxySetStrict is a proxy's [[Set]] for an assignment: a falsish trap
// result throws in strict code.
func (in *Interp) proxySetStrict(p layout.Value, k Key, v, receiver layout.Value, strict bool) bool {
	kt := in.HandleKey(k)
	done, ok := in.proxySet(p, k, v, receiver)
	if !ok {
		return false
	}
	if !done && strict {
		k = kt.Key()
		if in.IsModuleNamespace(p) {
			in.failReadOnly(p, k, true) // V8's words for a namespace
			return false
		}
		in.proxyError("set", &k, "trap returned falsish")
		return false
	}
	return true
}

// setThroughProxy continues an assignment to obj whose lookup reached the
// proxy p on obj's prototype chain: p's [[Set]] with obj as the receiver.
func (in *Interp) setThroughProxy(p layout.Value, k Key, v, obj heap.Handle, strict bool) bool {
	kt := in.HandleKey(k)
	done, ok := in.setWithReceiver(p, k, v.Value(), obj.Value())
	if !ok {
		return false
	}
	if !done && strict {
		k = kt.Key()
		in.throwErrorValue(TypeError, "Cannot assign to read only property '"+in.keyText(k)+"' of object")
		return false
	}
	return true
}

// proxyOnChain returns the first proxy on obj's prototype chain, or 0.
// Assignments to elements use it (named ones meet the proxy in their
// prototype walk).
func (in *Interp) proxyOnChain(obj layout.Value) layout.Value {
	f := in.f
	for p := f.GetPrototype(obj); p != in.null; p = f.GetPrototype(p) {
		if in.typeOf(p) == layout.JSProxyType {
			return p
		}
	}
	return 0
}

// ToLength is ECMAScript's ToLength: an integer in [0, 2^53-1].
func (in *Interp) ToLength(v layout.Value) (int64, bool) {
	x, ok := in.ToIntegerOrInfinity(v)
	if !ok {
		return 0, false
	}
	if x <= 0 {
		return 0, true
	}
	if x > 1<<53-1 {
		return 1<<53 - 1, true
	}
	return int64(x), true
}

package interp

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// PropertyDescriptor is the specification's Property Descriptor: which
// fields are present and their values. Value, Get and Set are handles (in
// the scope that made the descriptor), so a descriptor survives calls into
// JavaScript.
type PropertyDescriptor struct {
	Value, Get, Set                                                       heap.Handle
	HasValue, HasWritable, HasGet, HasSet, HasEnumerable, HasConfigurable bool
	Writable, Enumerable, Configurable                                    bool
}

// NewDescriptor returns an empty descriptor whose value, get and set are
// undefined handles in the current scope.
func (in *Interp) NewDescriptor() PropertyDescriptor {
	h := in.h
	return PropertyDescriptor{Value: h.NewHandle(in.undefined), Get: h.NewHandle(in.undefined), Set: h.NewHandle(in.undefined)}
}

// IsAccessor reports whether d is an accessor descriptor.
func (d *PropertyDescriptor) IsAccessor() bool { return d.HasGet || d.HasSet }

// IsData reports whether d is a data descriptor.
func (d *PropertyDescriptor) IsData() bool { return d.HasValue || d.HasWritable }

// IsGeneric reports whether d is neither data nor accessor.
func (d *PropertyDescriptor) IsGeneric() bool { return !d.IsAccessor() && !d.IsData() }

// complete fills the absent fields with their defaults
// (CompletePropertyDescriptor).
func (d *PropertyDescriptor) complete() {
	if d.IsGeneric() || d.IsData() {
		d.HasValue, d.HasWritable = true, true
	} else {
		d.HasGet, d.HasSet = true, true
	}
	d.HasEnumerable, d.HasConfigurable = true, true
}

// ToPropertyDescriptor reads a descriptor object (Object.defineProperty's
// third argument): TypeErrors for a non-object, for mixed accessor and data
// fields and for getters or setters that are not callable.
func (in *Interp) ToPropertyDescriptor(obj layout.Value) (PropertyDescriptor, bool) {
	h := in.h
	d := in.NewDescriptor()
	if !in.IsObject(obj) {
		in.throwErrorValue(TypeError, "Property description must be an object: "+in.displayValue(obj))
		return d, false
	}
	oh := h.NewHandle(obj)
	field := func(name string, has *bool, b *bool, out heap.Handle) bool {
		s := h.OpenScope()
		defer s.Close()
		key := in.f.InternalizeGo(name)
		found, ok := in.HasPropertyOK(oh.Value(), NameKey(key.Value()))
		if !ok || !found {
			return ok
		}
		*has = true
		v, ok := in.GetNamed(oh.Value(), key.Value())
		if !ok {
			return false
		}
		if b != nil {
			*b = in.ToBoolean(v)
		}
		if !out.IsNil() {
			out.Set(v)
		}
		return true
	}
	if !field("enumerable", &d.HasEnumerable, &d.Enumerable, heap.Handle{}) ||
		!field("configurable", &d.HasConfigurable, &d.Configurable, heap.Handle{}) ||
		!field("value", &d.HasValue, nil, d.Value) ||
		!field("writable", &d.HasWritable, &d.Writable, heap.Handle{}) ||
		!field("get", &d.HasGet, nil, d.Get) ||
		!field("set", &d.HasSet, nil, d.Set) {
		return d, false
	}
	if d.HasGet && d.Get.Value() != in.undefined && !in.IsCallable(d.Get.Value()) {
		in.throwErrorValue(TypeError, "Getter must be a function: "+in.displayValue(d.Get.Value()))
		return d, false
	}
	if d.HasSet && d.Set.Value() != in.undefined && !in.IsCallable(d.Set.Value()) {
		in.throwErrorValue(TypeError, "Setter must be a function: "+in.displayValue(d.Set.Value()))
		return d, false
	}
	if d.IsAccessor() && d.IsData() {
		in.throwErrorValue(TypeError, "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute")
		return d, false
	}
	return d, true
}

// FromPropertyDescriptor makes the descriptor object of d (the result of
// Object.getOwnPropertyDescriptor), with only d's present fields.
func (in *Interp) FromPropertyDescriptor(d *PropertyDescriptor) layout.Value {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	o := in.f.NewPlainObject()
	set := func(name string, v layout.Value) {
		in.DefineValue(o, name, h.NewHandle(v), objects.AttrNone)
	}
	if d.HasValue {
		set("value", d.Value.Value())
	}
	if d.HasWritable {
		set("writable", in.Bool(d.Writable))
	}
	if d.HasGet {
		set("get", d.Get.Value())
	}
	if d.HasSet {
		set("set", d.Set.Value())
	}
	if d.HasEnumerable {
		set("enumerable", in.Bool(d.Enumerable))
	}
	if d.HasConfigurable {
		set("configurable", in.Bool(d.Configurable))
	}
	return o.Value()
}

// GetOwnPropertyDescriptor is [[GetOwnProperty]]: obj's own property k as a
// complete descriptor, found false when there is none. Proxies run their
// getOwnPropertyDescriptor trap.
func (in *Interp) GetOwnPropertyDescriptor(obj layout.Value, k Key) (PropertyDescriptor, bool, bool) {
	if in.IsProxy(obj) {
		return in.proxyGetOwnProperty(obj, k)
	}
	d := in.NewDescriptor()
	v, accessor, attrs, found := in.OwnProperty(obj, k)
	if !found {
		return d, false, true
	}
	if accessor {
		d.Get.Set(in.f.AccessorPairGetter(v))
		d.Set.Set(in.f.AccessorPairSetter(v))
		d.HasGet, d.HasSet = true, true
	} else {
		d.Value.Set(v)
		d.HasValue, d.HasWritable, d.Writable = true, true, attrs.Writable()
	}
	d.HasEnumerable, d.Enumerable = true, attrs.Enumerable()
	d.HasConfigurable, d.Configurable = true, attrs.Configurable()
	return d, true, true
}

// validateDescriptor is IsCompatiblePropertyDescriptor: whether d may be
// applied over current (found: whether current exists) on an object that
// is extensible or not.
func (in *Interp) validateDescriptor(extensible bool, d, current *PropertyDescriptor, found bool) bool {
	if !found {
		return extensible
	}
	if current.Configurable {
		return true
	}
	if d.HasConfigurable && d.Configurable || d.HasEnumerable && d.Enumerable != current.Enumerable {
		return false
	}
	if !d.IsGeneric() && d.IsAccessor() != current.IsAccessor() {
		return false
	}
	if current.IsAccessor() {
		if d.HasGet && !in.SameValue(d.Get.Value(), current.Get.Value()) || d.HasSet && !in.SameValue(d.Set.Value(), current.Set.Value()) {
			return false
		}
	} else if !current.Writable {
		if d.HasWritable && d.Writable || d.HasValue && !in.SameValue(d.Value.Value(), current.Value.Value()) {
			return false
		}
	}
	return true
}

// DefineOwnProperty is [[DefineOwnProperty]]: it applies d to obj's own
// property k and reports whether it could (false, without an exception,
// when the definition is not allowed). Proxies run their defineProperty
// trap.
func (in *Interp) DefineOwnProperty(obj heap.Handle, kh KeyHandle, d *PropertyDescriptor) (bool, bool) {
	if in.IsProxy(obj.Value()) {
		return in.proxyDefineOwnProperty(obj.Value(), kh.Key(), d)
	}
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	if k := kh.Key(); k.IsIndex && in.IsTypedArray(obj.Value()) {
		// An element of a typed array: writable, enumerable, configurable.
		if n, _ := in.TypedArrayLength(obj.Value()); int64(k.Index) >= int64(n) ||
			d.IsAccessor() || d.HasConfigurable && !d.Configurable || d.HasEnumerable && !d.Enumerable || d.HasWritable && !d.Writable {
			return false, true
		}
		if d.HasValue {
			return in.typedArraySetElement(obj, k.Index, d.Value.Value()), !in.hasException
		}
		return true, true
	}
	if k := kh.Key(); !k.IsIndex && k.Name == in.names[NameLength] && in.IsArray(obj.Value()) {
		return in.arraySetLength(obj, d)
	}
	if k := kh.Key(); k.IsIndex && in.arrayIndexBlocked(obj.Value(), k.Index) {
		if _, _, _, found := in.OwnProperty(obj.Value(), k); !found {
			return false, true
		}
	}
	if k := kh.Key(); k.IsIndex && in.mappedArguments {
		if done, found := in.mappedDefineOwnProperty(obj, k.Index, d); found {
			return done, true
		}
	}
	cur, found, _ := in.GetOwnPropertyDescriptor(obj.Value(), kh.Key())
	if !in.validateDescriptor(f.IsExtensible(obj.Value()), d, &cur, found) {
		return false, true
	}
	attrs := objects.AttrNone
	flag := func(has, v, curV bool, bit objects.PropertyAttributes) {
		on := v
		if !has {
			on = found && curV
		}
		if !on {
			attrs |= bit
		}
	}
	flag(d.HasEnumerable, d.Enumerable, cur.Enumerable, objects.AttrDontEnum)
	flag(d.HasConfigurable, d.Configurable, cur.Configurable, objects.AttrDontDelete)
	if d.IsAccessor() || d.IsGeneric() && found && cur.IsAccessor() {
		get, set := d.Get, d.Set
		if found && cur.IsAccessor() {
			if !d.HasGet {
				get = cur.Get
			}
			if !d.HasSet {
				set = cur.Set
			}
		}
		in.DefineAccessorProperty(obj, kh.Key(), get, set, attrs)
		return true, true
	}
	flag(d.HasWritable, d.Writable, cur.Writable && !cur.IsAccessor(), objects.AttrReadOnly)
	value := d.Value
	if !d.HasValue && found && !cur.IsAccessor() {
		value = cur.Value
	}
	if !in.DefineOwn(obj.Value(), kh.Key(), value.Value(), attrs) {
		return false, !in.hasException
	}
	return true, true
}

// GetPrototypeOf is [[GetPrototypeOf]] (proxies run their trap).
func (in *Interp) GetPrototypeOf(obj layout.Value) (layout.Value, bool) {
	if in.IsProxy(obj) {
		return in.proxyGetPrototypeOf(obj)
	}
	return in.f.GetPrototype(obj), true
}

// IsExtensibleObject is [[IsExtensible]] (proxies run their trap).
func (in *Interp) IsExtensibleObject(obj layout.Value) (bool, bool) {
	if in.IsProxy(obj) {
		return in.proxyIsExtensible(obj)
	}
	return in.f.IsExtensible(obj), true
}

// PreventExtensionsObject is [[PreventExtensions]] (proxies run their
// trap): whether obj is now non-extensible.
func (in *Interp) PreventExtensionsObject(obj layout.Value) (bool, bool) {
	if in.IsProxy(obj) {
		return in.proxyPreventExtensions(obj)
	}
	scope := in.h.OpenScope()
	in.f.PreventExtensions(in.h.NewHandle(obj))
	scope.Close()
	return true, true
}

// OwnPropertyKeys is [[OwnPropertyKeys]]: a FixedArray of obj's own keys
// (Smi indices, names), the built-in properties of arrays and functions
// included. Proxies run their ownKeys trap.
func (in *Interp) OwnPropertyKeys(obj layout.Value) (heap.Handle, bool) {
	if in.IsProxy(obj) {
		return in.proxyOwnKeys(obj)
	}
	return in.ordinaryOwnKeys(in.h.NewHandle(obj)), true
}

// ordinaryOwnKeys returns an ordinary object's own keys: indices, then the
// built-in length/name/prototype of arrays and functions, then the other
// names and symbols in creation order.
func (in *Interp) ordinaryOwnKeys(obj heap.Handle) heap.Handle {
	f := in.f
	keys := in.WithTypedArrayIndices(obj, f.OwnKeys(obj, objects.AllProperties))
	var extra []Name
	if in.IsArray(obj.Value()) {
		extra = []Name{NameLength}
	} else if in.isFunction(obj.Value()) {
		for _, n := range []Name{NameLength, NameName, NameArguments, NameCaller, NamePrototype} {
			if _, _, _, found := in.OwnProperty(obj.Value(), NameKey(in.names[n])); found && !f.HasOwnProperty(obj.Value(), in.names[n]) {
				extra = append(extra, n)
			}
		}
	}
	if len(extra) == 0 {
		return keys
	}
	n := f.Length(keys.Value())
	out := f.NewFixedArray(n+len(extra), heap.NewSpace)
	i := 0
	for ; i < n && f.Get(keys.Value(), i).IsSmi(); i++ {
		f.Set(out.Value(), i, f.Get(keys.Value(), i))
	}
	for j, e := range extra {
		f.Set(out.Value(), i+j, in.names[e])
	}
	for ; i < n; i++ {
		f.Set(out.Value(), i+len(extra), f.Get(keys.Value(), i))
	}
	return out
}

package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Maps (hidden classes). Objects built the same way share a map: adding a
// property moves an object from its map to a child map found in (or added
// to) the parent's transitions (transitions.go); the child's
// constructor_or_back_pointer points back to the parent, and its descriptors
// (descriptors.go) say where each property lives. An object with too many
// properties, or one that lost a property other than its last, moves to a
// dictionary map: its properties are then a NameDictionary (dictionary.go).
// Maps live in the old space.

const (
	// defaultInObjectProperties is V8's in-object slot count for `{}`.
	defaultInObjectProperties = 4
	// maxInObjectProperties is the most in-object slots a map may have (the
	// field is a byte; V8's limit is 252 with its larger headers).
	maxInObjectProperties = 252
)

// MapOf returns the map of the heap object obj. Hot path.
func (f *Factory) MapOf(obj layout.Value) layout.Value {
	return f.H.Field(obj.Addr(), layout.MapOffset)
}

// isMap reports whether v is a map.
func (f *Factory) isMap(v layout.Value) bool {
	return v.IsHeapObject() && f.H.Field(v.Addr(), layout.MapOffset) == f.Roots.MetaMap
}

func (f *Factory) bitField3(m layout.Value) uint32 {
	return f.H.U32(m.Addr(), layout.MapBitField3Offset)
}

func (f *Factory) setBitField3(m layout.Value, v uint32) {
	f.H.SetU32(m.Addr(), layout.MapBitField3Offset, v)
}

// NumberOfOwnDescriptors returns how many descriptors of its (possibly
// shared) descriptor array the map m owns: its fast properties.
func (f *Factory) NumberOfOwnDescriptors(m layout.Value) int {
	return int(f.bitField3(m) & layout.MapNumberOfOwnDescriptorsMask)
}

func (f *Factory) setNumberOfOwnDescriptors(m layout.Value, n int) {
	f.setBitField3(m, f.bitField3(m)&^layout.MapNumberOfOwnDescriptorsMask|uint32(n))
}

// IsDictionaryMap reports whether objects of map m keep their properties in
// a NameDictionary.
func (f *Factory) IsDictionaryMap(m layout.Value) bool {
	return f.bitField3(m)&layout.MapIsDictionaryMap != 0
}

// MapIsExtensible reports whether properties may be added to objects of m.
func (f *Factory) MapIsExtensible(m layout.Value) bool {
	return f.bitField3(m)&layout.MapIsExtensible != 0
}

// MapInstanceSize returns the size in bytes of the objects of m (0 for
// variable-size objects).
func (f *Factory) MapInstanceSize(m layout.Value) int {
	return int(f.H.U32(m.Addr(), layout.MapInstanceSizeOffset))
}

// MapInstanceType returns the instance type of the objects of m.
func (f *Factory) MapInstanceType(m layout.Value) layout.InstanceType {
	return layout.InstanceType(f.H.U16(m.Addr(), layout.MapInstanceTypeOffset))
}

// InObjectProperties returns how many property slots the objects of m have
// inside themselves, after their header.
func (f *Factory) InObjectProperties(m layout.Value) int {
	return int(f.H.U8(m.Addr(), layout.MapInObjectPropertiesOffset))
}

// MapPrototype returns the prototype of the objects of m (null or an object).
func (f *Factory) MapPrototype(m layout.Value) layout.Value {
	return f.H.Field(m.Addr(), layout.MapPrototypeOffset)
}

// MapDescriptors returns the map's descriptor array (the empty fixed array
// when it has none). Only its first NumberOfOwnDescriptors entries are the
// map's.
func (f *Factory) MapDescriptors(m layout.Value) layout.Value {
	return f.H.Field(m.Addr(), layout.MapInstanceDescriptorsOffset)
}

// MapBackPointer returns the map m was made from by adding its last
// property, if it was.
func (f *Factory) MapBackPointer(m layout.Value) (layout.Value, bool) {
	v := f.H.Field(m.Addr(), layout.MapConstructorOrBackPointerOffset)
	if f.isMap(v) {
		return v, true
	}
	return 0, false
}

// MapConstructor returns the constructor of the objects of m, found at the
// root of its transition tree (null until the builtins set one).
func (f *Factory) MapConstructor(m layout.Value) layout.Value {
	v := f.H.Field(m.Addr(), layout.MapConstructorOrBackPointerOffset)
	for f.isMap(v) {
		v = f.H.Field(v.Addr(), layout.MapConstructorOrBackPointerOffset)
	}
	return v
}

// rootMap returns the root of m's transition tree.
func (f *Factory) rootMap(m layout.Value) layout.Value {
	for {
		v := f.H.Field(m.Addr(), layout.MapConstructorOrBackPointerOffset)
		if !f.isMap(v) {
			return m
		}
		m = v
	}
}

// SetInitialMapPrototype sets the prototype of a root map in place: how the
// builtins give the initial maps (ObjectMap, ArrayMap, a constructor's
// initial map) their prototype while setting up a realm. Maps already
// derived from m keep their prototype; objects change theirs with
// SetPrototype.
func (f *Factory) SetInitialMapPrototype(m, proto layout.Value) {
	f.H.SetField(m.Addr(), layout.MapPrototypeOffset, proto)
}

// SetMapConstructor records the constructor of a root map's objects.
func (f *Factory) SetMapConstructor(m, constructor layout.Value) {
	f.H.SetField(m.Addr(), layout.MapConstructorOrBackPointerOffset, constructor)
}

// NewJSObjectMap returns a new root map for plain objects with n in-object
// property slots: instance size JSObjectHeaderSize + 4n (V8 gives `{}` 4
// slots, 28 bytes), prototype null, no properties.
func (f *Factory) NewJSObjectMap(inObjectProperties int) heap.Handle {
	if inObjectProperties < 0 || inObjectProperties > maxInObjectProperties {
		panic("objects: bad in-object property count")
	}
	size := layout.JSObjectHeaderSize + uint32(inObjectProperties)*layout.TaggedSize
	return f.NewMap(layout.JSObjectType, size, inObjectProperties)
}

// copyMap allocates a map like m (its raw fields, prototype and root
// constructor) with no descriptors and no transitions. The caller sets the
// rest before the next allocation.
func (f *Factory) copyMap(m heap.Handle) heap.Handle {
	h := f.H
	a := h.Allocate(heap.OldSpace, layout.MapSize)
	src := m.Value().Addr()
	h.SetField(a, layout.MapOffset, f.Roots.MetaMap)
	h.SetField(a, layout.MapPrototypeOffset, h.Field(src, layout.MapPrototypeOffset))
	h.SetField(a, layout.MapConstructorOrBackPointerOffset, f.MapConstructor(m.Value()))
	h.SetField(a, layout.MapInstanceDescriptorsOffset, f.Roots.EmptyFixedArray)
	h.SetField(a, layout.MapTransitionsOffset, layout.Smi(0))
	h.SetField(a, layout.MapPrototypeInfoOffset, layout.Smi(0))
	for off := uint32(layout.MapTaggedEnd); off < layout.MapSize; off += 4 {
		h.SetU32(a, off, h.U32(src, off))
	}
	h.SetU32(a, layout.MapBitField3Offset, h.U32(src, layout.MapBitField3Offset)&^layout.MapNumberOfOwnDescriptorsMask)
	return h.HandleAddr(a)
}

// copyMapWithDescriptors returns a root map like m with a fresh copy of its
// own descriptors: the target of prototype changes and of reconfigurations
// that cannot be replayed in the transition tree.
func (f *Factory) copyMapWithDescriptors(m heap.Handle) heap.Handle {
	n := f.NumberOfOwnDescriptors(m.Value())
	var d heap.Handle
	if n > 0 {
		d = f.copyDescriptors(f.H.NewHandle(f.MapDescriptors(m.Value())), n, 0)
	}
	c := f.copyMap(m)
	if n > 0 {
		f.H.SetField(c.Addr(), layout.MapInstanceDescriptorsOffset, d.Value())
		f.setNumberOfOwnDescriptors(c.Value(), n)
	}
	return c
}

// SetPrototype gives obj the prototype proto (null or an object), as
// Object.setPrototypeOf does: obj moves to a copy of its map with the new
// prototype, cached in the map's prototype transitions so objects of one map
// given the same prototype keep sharing a map (V8's TransitionToPrototype).
func (f *Factory) SetPrototype(obj, proto heap.Handle) {
	m := f.MapOf(obj.Value())
	if f.MapPrototype(m) == proto.Value() {
		return
	}
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	mh := h.NewHandle(m)
	target := f.findPrototypeTransition(m, proto.Value())
	if target == 0 {
		c := f.copyMapWithDescriptors(mh)
		h.SetField(c.Addr(), layout.MapPrototypeOffset, proto.Value())
		f.putPrototypeTransition(mh, proto, c)
		target = c.Value()
	}
	h.SetField(obj.Addr(), layout.MapOffset, target)
}

// GetPrototype returns the prototype of obj: null or an object.
func (f *Factory) GetPrototype(obj layout.Value) layout.Value { return f.MapPrototype(f.MapOf(obj)) }

// IsExtensible reports whether properties may be added to obj.
func (f *Factory) IsExtensible(obj layout.Value) bool { return f.MapIsExtensible(f.MapOf(obj)) }

// PreventExtensions makes obj non-extensible (Object.preventExtensions): it
// moves to a copy of its map without the extensible bit. V8 uses special
// transitions so such objects keep sharing maps; each call here makes a map.
func (f *Factory) PreventExtensions(obj heap.Handle) {
	m := f.MapOf(obj.Value())
	if !f.MapIsExtensible(m) {
		return
	}
	h := f.H
	scope := h.OpenScope()
	defer scope.Close()
	c := f.copyMapWithDescriptors(h.NewHandle(m))
	f.setBitField3(c.Value(), f.bitField3(c.Value())&^layout.MapIsExtensible)
	h.SetField(obj.Addr(), layout.MapOffset, c.Value())
}

// The normalized map cache shares dictionary maps between objects that left
// fast mode from equivalent maps (V8's NormalizedMapCache). It is a weak
// Go-side table: the GC drops maps that died.
const normalizedCacheSize = 64

func (f *Factory) normalizedCacheIndex(m layout.Value) int {
	h := f.H
	x := uint32(f.MapPrototype(m)) * 0x9e3779b1
	x ^= uint32(h.U16(m.Addr(), layout.MapInstanceTypeOffset)) * 31
	x ^= h.U32(m.Addr(), layout.MapInstanceSizeOffset) * 7
	x ^= uint32(h.U8(m.Addr(), layout.MapInObjectPropertiesOffset))
	x ^= f.bitField3(m) & (layout.MapIsExtensible | layout.MapIsPrototypeMap)
	return int((x ^ x>>16) % normalizedCacheSize)
}

// normalizedFlags are the bit_field3 bits a dictionary map inherits.
const normalizedFlags = layout.MapIsExtensible | layout.MapIsPrototypeMap

// equivalentForNormalization reports whether the dictionary map d serves
// objects leaving the fast map m.
func (f *Factory) equivalentForNormalization(d, m layout.Value) bool {
	h := f.H
	da, ma := d.Addr(), m.Addr()
	return f.MapPrototype(d) == f.MapPrototype(m) &&
		f.MapConstructor(d) == f.MapConstructor(m) &&
		h.U32(da, layout.MapInstanceSizeOffset) == h.U32(ma, layout.MapInstanceSizeOffset) &&
		h.U32(da, layout.MapInstanceTypeOffset) == h.U32(ma, layout.MapInstanceTypeOffset) &&
		h.U32(da, layout.MapTaggedEndOffset) == h.U32(ma, layout.MapTaggedEndOffset) &&
		f.bitField3(d)&normalizedFlags == f.bitField3(m)&normalizedFlags
}

// normalizedMap returns the dictionary map for objects of the fast map m.
func (f *Factory) normalizedMap(m heap.Handle) heap.Handle {
	i := f.normalizedCacheIndex(m.Value())
	if c := f.objects.normalized[i]; c.IsHeapObject() && f.equivalentForNormalization(c, m.Value()) {
		return f.H.NewHandle(c)
	}
	d := f.copyMap(m)
	f.setBitField3(d.Value(), f.bitField3(m.Value())&normalizedFlags|layout.MapIsDictionaryMap)
	f.objects.normalized[i] = d.Value()
	return d
}

func (f *Factory) sweepNormalizedCache(retain func(layout.Value) (layout.Value, bool)) {
	c := &f.objects.normalized
	for i, v := range c {
		if !v.IsHeapObject() {
			continue
		}
		if nv, ok := retain(v); ok {
			c[i] = nv
		} else {
			c[i] = layout.Smi(0)
		}
	}
}

// reconfigureProperty returns the map for objects of m whose descriptor i
// gets a new kind and attributes, with the same fields. As V8's MapUpdater
// it replays m's transitions from the root of its tree with the changed
// descriptor, so objects reconfigured alike share the new branch; a
// descriptor of the root itself gets a copy of the map instead.
func (f *Factory) reconfigureProperty(m heap.Handle, i int, kind PropertyKind, attrs PropertyAttributes) heap.Handle {
	h := f.H
	root := f.rootMap(m.Value())
	r := f.NumberOfOwnDescriptors(root)
	if i < r {
		c := f.copyMapWithDescriptors(m)
		d := f.MapDescriptors(c.Value())
		f.setDescriptorDetails(d, i, f.rawDescriptorDetails(d, i).withKindAndAttributes(kind, attrs))
		return c
	}
	cur := h.NewHandle(root)
	for j, n := r, f.NumberOfOwnDescriptors(m.Value()); j < n; j++ {
		d := f.MapDescriptors(m.Value())
		key, det := f.DescriptorKey(d, j), f.DescriptorDetails(d, j)
		k, a := det.Kind(), det.Attributes()
		if j == i {
			k, a = kind, attrs
		}
		if next := f.SearchTransition(cur.Value(), key, k, a); next != 0 {
			cur.Set(next)
			continue
		}
		s := h.OpenScope()
		next := f.newChildMap(cur, h.NewHandle(key), k, a).Value()
		s.Close()
		cur.Set(next)
	}
	return cur
}

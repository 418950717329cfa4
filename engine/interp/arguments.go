package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Mapped arguments objects (CreateMappedArgumentsObject). A sloppy function
// with simple parameters that uses `arguments` keeps its parameters in its
// context (the compiler sees to it); its arguments object, made as an
// unmapped one, is then mapped by RtMapArguments: each index i below both
// the argument count and the number of formals whose parameter is not
// taken by a later duplicate becomes a hole in the elements, and the
// object's PrivateArguments slot, otherwise true, holds the parameter map:
//
//	FixedArray [context, entry 0, entry 1, …]
//
// where an entry is the hole (not mapped, or no longer) or the Smi
// slot<<2 | attributes (mappedDontEnum, mappedDontDelete: a mapped index
// is always writable; made read-only it is unmapped).
//
// Because a mapped index is a hole, the element fast paths (ic.go) miss it
// and go to the slow paths, where ownProperty, set, Delete, DefineOwn and
// DefineOwnProperty consult the map (only once some mapped arguments
// object exists: Interp.mappedArguments), and key listings ask through
// the objects package's hole hook. Ordinary objects and arrays gain no
// work on their fast paths.

// The attribute bits of a parameter map entry.
const (
	mappedDontEnum   = 1
	mappedDontDelete = 2
)

// mapArguments makes the unmapped arguments object obj, just created for
// the frame at fp, a mapped one; slots gives each formal parameter's
// context slot (-1: not mapped). It returns obj.
func (in *Interp) mapArguments(obj heap.Handle, slots layout.Value, fp int) layout.Value {
	h, f := in.h, in.f
	fi := len(in.frames) - 1
	for fi > 0 && int(in.frames[fi].fp) != fp {
		fi--
	}
	argc := int(in.frames[fi].argc)
	n := min(argc, f.Length(slots))
	if n == 0 {
		return obj.Value()
	}
	sh := h.NewHandle(slots)
	pmap := f.NewFixedArray(n+1, heap.NewSpace)
	f.Set(pmap.Value(), 0, in.stack[fp+bytecode.FrameContext])
	mapped := false
	for i := 0; i < n; i++ {
		slot := f.Get(sh.Value(), i).SmiValue()
		if slot < 0 {
			f.Set(pmap.Value(), i+1, in.hole)
			continue
		}
		f.Set(pmap.Value(), i+1, layout.Smi(slot<<2))
		f.DeleteElement(obj.Value(), uint32(i))
		mapped = true
	}
	if !mapped {
		return obj.Value()
	}
	if !in.mappedArguments {
		in.mappedArguments = true
		f.SetHoleElementHook(in.mappedHole)
	}
	f.DefineProperty(obj, h.NewHandle(in.intrinsics[PrivateArguments]), pmap, objects.AttrDontEnum)
	return obj.Value()
}

// argumentsMapEntry returns the parameter map of obj and its entry for
// index i when that index is mapped. It does not allocate.
func (in *Interp) argumentsMapEntry(obj layout.Value, i uint32) (pmap layout.Value, entry int, ok bool) {
	if !in.mappedArguments || !obj.IsHeapObject() || in.h.InstanceType(obj.Addr()) != layout.JSObjectType {
		return 0, 0, false
	}
	// A mapped index is a hole inside the backing store: most objects
	// are ruled out before the lookup of the map.
	if el := in.f.JSObjectElements(obj); int(i) >= in.f.Length(el) || in.f.Get(el, int(i)) != in.hole {
		return 0, 0, false
	}
	m, found := in.f.GetProperty(obj, in.intrinsics[PrivateArguments])
	if !found || !m.IsHeapObject() || in.h.InstanceType(m.Addr()) != layout.FixedArrayType {
		return 0, 0, false
	}
	if int(i) >= in.f.Length(m)-1 {
		return 0, 0, false
	}
	e := in.f.Get(m, int(i)+1)
	if !e.IsSmi() {
		return 0, 0, false
	}
	return m, e.SmiValue(), true
}

// mappedAttributes returns the property attributes of a map entry.
func mappedAttributes(entry int) objects.PropertyAttributes {
	attrs := objects.AttrNone
	if entry&mappedDontEnum != 0 {
		attrs |= objects.AttrDontEnum
	}
	if entry&mappedDontDelete != 0 {
		attrs |= objects.AttrDontDelete
	}
	return attrs
}

// mappedHole is the key listings' hook (objects.SetHoleElementHook): a
// mapped index is an own property.
func (in *Interp) mappedHole(obj layout.Value, i uint32) (objects.PropertyAttributes, bool) {
	_, e, ok := in.argumentsMapEntry(obj, i)
	if !ok {
		return 0, false
	}
	return mappedAttributes(e), true
}

// mappedGet returns the current value of a mapped index: its parameter's.
func (in *Interp) mappedGet(obj layout.Value, i uint32) (layout.Value, objects.PropertyAttributes, bool) {
	m, e, ok := in.argumentsMapEntry(obj, i)
	if !ok {
		return 0, 0, false
	}
	return in.f.ContextSlot(in.f.Get(m, 0), e>>2), mappedAttributes(e), true
}

// mappedSet writes v to the parameter of a mapped index, reporting whether
// the index is mapped.
func (in *Interp) mappedSet(obj layout.Value, i uint32, v layout.Value) bool {
	m, e, ok := in.argumentsMapEntry(obj, i)
	if !ok {
		return false
	}
	in.f.SetContextSlot(in.f.Get(m, 0), e>>2, v)
	return true
}

// setMappedEntry replaces the map entry of index i (the hole unmaps it).
func (in *Interp) setMappedEntry(pmap layout.Value, i uint32, entry layout.Value) {
	in.f.Set(pmap, int(i)+1, entry)
}

// unmapArgument ends the mapping of index i of obj, leaving in its place
// an ordinary own data property with the value and attributes it had (an
// element, or a named one when it has attributes). On a non-extensible
// object only a plain element can take its place (its slot is still in
// the backing store); otherwise it reports false and the mapping stays.
func (in *Interp) unmapArgument(obj heap.Handle, i uint32) bool {
	f := in.f
	m, e, ok := in.argumentsMapEntry(obj.Value(), i)
	if !ok {
		return true
	}
	v := f.ContextSlot(f.Get(m, 0), e>>2)
	attrs := mappedAttributes(e)
	if !f.IsExtensible(obj.Value()) {
		el := f.JSObjectElements(obj.Value())
		if attrs != objects.AttrNone || int(i) >= f.Length(el) {
			return false
		}
		f.Set(el, int(i), v)
		in.setMappedEntry(m, i, in.hole)
		return true
	}
	in.setMappedEntry(m, i, in.hole)
	in.DefineOwn(obj.Value(), IndexKey(i), v, attrs)
	return true
}

// mappedDelete is [[Delete]] of a mapped index: found reports whether i is
// mapped; deleted whether it went (not when non-configurable).
func (in *Interp) mappedDelete(obj layout.Value, i uint32) (deleted, found bool) {
	m, e, ok := in.argumentsMapEntry(obj, i)
	if !ok {
		return false, false
	}
	if e&mappedDontDelete != 0 {
		return false, true
	}
	in.setMappedEntry(m, i, in.hole)
	return true, true
}

// mappedDefineOwn is DefineOwn (a data property with attributes) of a
// mapped index: the parameter gets v; a read-only property is unmapped.
// It reports whether i was mapped and, then, whether the definition was
// allowed.
func (in *Interp) mappedDefineOwn(obj heap.Handle, i uint32, v heap.Handle, attrs objects.PropertyAttributes) (done, found bool) {
	m, e, ok := in.argumentsMapEntry(obj.Value(), i)
	if !ok {
		return false, false
	}
	if e&mappedDontDelete != 0 {
		// Non-configurable: it stays so, with its enumerability.
		sameEnum := (attrs&objects.AttrDontEnum != 0) == (e&mappedDontEnum != 0)
		if attrs&objects.AttrDontDelete == 0 || !sameEnum {
			return false, true
		}
	}
	in.f.SetContextSlot(in.f.Get(m, 0), e>>2, v.Value())
	if attrs&objects.AttrReadOnly != 0 {
		if !in.unmapArgument(obj, i) {
			return false, true
		}
		return in.DefineOwn(obj.Value(), IndexKey(i), v.Value(), attrs), true
	}
	entry := e &^ (mappedDontEnum | mappedDontDelete)
	if attrs&objects.AttrDontEnum != 0 {
		entry |= mappedDontEnum
	}
	if attrs&objects.AttrDontDelete != 0 {
		entry |= mappedDontDelete
	}
	in.setMappedEntry(m, i, layout.Smi(entry))
	return true, true
}

// mappedDefineOwnProperty is [[DefineOwnProperty]] of a mapped index
// (10.4.4.2): found reports whether i is mapped. A data descriptor writes
// the parameter; an accessor, or a read-only result, ends the mapping
// (the rest of the definition then applies to the ordinary property left
// in its place: ok false asks the caller to go on).
func (in *Interp) mappedDefineOwnProperty(obj heap.Handle, i uint32, d *PropertyDescriptor) (done, found bool) {
	if _, _, ok := in.argumentsMapEntry(obj.Value(), i); !ok {
		return false, false
	}
	cur, _, _ := in.GetOwnPropertyDescriptor(obj.Value(), IndexKey(i))
	if !in.validateDescriptor(true, d, &cur, true) {
		return false, true
	}
	if d.HasValue {
		in.mappedSet(obj.Value(), i, d.Value.Value())
	}
	if d.IsAccessor() || d.HasWritable && !d.Writable {
		if !in.unmapArgument(obj, i) {
			return false, true
		}
		return false, false // the ordinary definition goes on
	}
	m, e, _ := in.argumentsMapEntry(obj.Value(), i)
	if d.HasEnumerable {
		e &^= mappedDontEnum
		if !d.Enumerable {
			e |= mappedDontEnum
		}
	}
	if d.HasConfigurable {
		e &^= mappedDontDelete
		if !d.Configurable {
			e |= mappedDontDelete
		}
	}
	in.setMappedEntry(m, i, layout.Smi(e))
	return true, true
}

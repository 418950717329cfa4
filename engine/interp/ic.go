package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Inline caches. A named load or store owns two feedback slots:
//
//	uninitialized  undefined, undefined
//	monomorphic    map, handler
//	polymorphic    FixedArray [map, handler, …] (at most maxPolymorphism), Smi polymorphicMarker
//	megamorphic    Smi megamorphicMarker, undefined
//
// A handler is a Smi (see handlerField…: an own field, an own accessor pair,
// array or string length) or a FixedArray: for a load found on the
// prototype chain, [Smi field handler, map of the 1st prototype, …, map of
// the holder]; for a store that adds a property, [Smi field handler, the
// new map, maps of the prototypes up to null] (a map fixes an object's
// own properties and its prototype, so matching maps prove the lookup would
// go the same way). Maps are held strongly (the heap has no weak fields).
// The dispatch loop inlines the monomorphic own-field case; everything else
// comes here.

const (
	maxPolymorphism    = 4
	polymorphicMarker  = 1
	megamorphicMarker  = 1
	specialArrayLength = 0
	specialStringLen   = 1
)

func feedbackOffset(slot int) uint32 {
	return layout.FeedbackVectorHeaderSize + uint32(slot)*layout.TaggedSize
}

func smiHandler(fi objects.FieldIndex, kind int) layout.Value {
	hd := int(fi.Offset())<<handlerShift | kind
	if fi.IsInObject() {
		hd |= handlerInObject
	}
	return layout.Smi(hd)
}

// loadNamed is the slow path of LdaNamedProperty: the handlers the loop
// does not inline, then a full lookup that updates the cache.
func (in *Interp) loadNamed(fp int, obj, name layout.Value, slot int) (layout.Value, bool) {
	h := in.h
	fv := in.stack[fp+bytecode.FrameFeedbackVector].Addr()
	off := feedbackOffset(slot)
	if obj.IsHeapObject() {
		m := h.Field(obj.Addr(), layout.MapOffset)
		s0 := h.Field(fv, off)
		if s0 == m {
			if v, hit, ok := in.applyLoadHandler(obj, h.Field(fv, off+4)); hit {
				return v, ok
			}
		} else if h.Field(fv, off+4) == layout.Smi(polymorphicMarker) {
			arr := s0.Addr()
			n := h.Field(arr, layout.FixedArrayLengthOffset).SmiValue()
			for i := 0; i < n; i += 2 {
				if h.Field(arr, layout.FixedArrayHeaderSize+uint32(i)*4) == m {
					if v, hit, ok := in.applyLoadHandler(obj, h.Field(arr, layout.FixedArrayHeaderSize+uint32(i+1)*4)); hit {
						return v, ok
					}
					break
				}
			}
		}
	}
	return in.loadMiss(fp, obj, name, slot)
}

// applyLoadHandler runs a cached load handler on obj. hit is false when a
// prototype-chain check fails (the cache is stale for this object).
func (in *Interp) applyLoadHandler(obj, hd layout.Value) (v layout.Value, hit, ok bool) {
	h := in.h
	if hd.IsSmi() {
		k := hd.SmiValue()
		switch k & handlerKindMask {
		case handlerField:
			return loadField(h, obj, k), true, true
		case handlerAccessor:
			v, ok := in.callGetter(loadField(h, obj, k), obj)
			return v, true, ok
		case handlerSpecial:
			if k>>handlerShift == specialArrayLength {
				return h.Field(obj.Addr(), layout.JSArrayLengthOffset), true, true // a Smi or a HeapNumber
			}
			return layout.Smi(in.f.StringLength(obj)), true, true
		}
		return 0, false, true
	}
	if !hd.IsHeapObject() {
		return 0, false, true
	}
	arr := hd.Addr()
	n := h.Field(arr, layout.FixedArrayLengthOffset).SmiValue()
	holder := obj
	for i := 1; i < n; i++ {
		holder = in.prototypeOf(holder)
		if holder == in.null || h.Field(holder.Addr(), layout.MapOffset) != h.Field(arr, layout.FixedArrayHeaderSize+uint32(i)*4) {
			return 0, false, true
		}
	}
	k := h.Field(arr, layout.FixedArrayHeaderSize).SmiValue()
	if k&handlerKindMask == handlerAccessor {
		v, ok := in.callGetter(loadField(h, holder, k), obj)
		return v, true, ok
	}
	return loadField(h, holder, k), true, true
}

func (in *Interp) callGetter(pair, receiver layout.Value) (layout.Value, bool) {
	getter := in.f.AccessorPairGetter(pair)
	if getter == in.undefined {
		return in.undefined, true
	}
	return in.Call(getter, receiver)
}

// loadMiss performs a named load the cache did not serve and records a
// handler for the receiver's map.
func (in *Interp) loadMiss(fp int, obj, name layout.Value, slot int) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	oh, nh := h.NewHandle(obj), h.NewHandle(name)
	// A megamorphic slot takes no handler: computing one would be waste.
	if obj.IsHeapObject() && !megamorphicSlot(h, in.stack[fp+bytecode.FrameFeedbackVector].Addr(), feedbackOffset(slot)) {
		if hd := in.loadHandlerFor(obj, name); !hd.IsNil() {
			in.updateLoadIC(fp, slot, h.NewHandle(h.Field(oh.Addr(), layout.MapOffset)), hd)
		}
	}
	return in.getWithReceiver(oh.Value(), NameKey(nh.Value()), oh.Value())
}

// loadHandlerFor computes the handler of a load of name from obj, or a nil
// handle when the load cannot be cached.
func (in *Interp) loadHandlerFor(obj, name layout.Value) heap.Handle {
	h, f := in.h, in.f
	m := h.Field(obj.Addr(), layout.MapOffset)
	t := f.MapInstanceType(m)
	if name == in.names[NameLength] {
		switch {
		case t == layout.JSArrayType:
			return h.NewHandle(layout.Smi(specialArrayLength<<handlerShift | handlerSpecial))
		case t.IsString():
			return h.NewHandle(layout.Smi(specialStringLen<<handlerShift | handlerSpecial))
		}
	}
	if name == in.names[NameLength] || name == in.names[NameName] || name == in.names[NamePrototype] ||
		name == in.names[NameArguments] || name == in.names[NameCaller] {
		return heap.Handle{} // functions serve these virtually
	}
	holder := obj
	for depth := 0; depth < 8; depth++ {
		hm := h.Field(holder.Addr(), layout.MapOffset)
		ht := f.MapInstanceType(hm)
		if ht.IsJSObject() {
			if f.IsDictionaryMap(hm) {
				return heap.Handle{}
			}
			if fi, det, found := f.LookupField(hm, name); found {
				kind := handlerField
				if det.Kind() == objects.KindAccessor {
					kind = handlerAccessor
				}
				hd := smiHandler(fi, kind)
				if depth == 0 {
					return h.NewHandle(hd)
				}
				// Allocate first, then walk again for the maps: the
				// walk does not allocate, the allocation may move maps.
				oh := h.NewHandle(obj)
				arr := f.NewFixedArray(1+depth, heap.OldSpace)
				f.Set(arr.Value(), 0, hd)
				p := oh.Value()
				for i := 1; i <= depth; i++ {
					p = in.prototypeOf(p)
					f.Set(arr.Value(), i, h.Field(p.Addr(), layout.MapOffset))
				}
				return arr
			}
		} else if depth > 0 || !ht.IsString() && ht != layout.SymbolType {
			return heap.Handle{}
		}
		p := in.prototypeOf(holder)
		if p == in.null || !p.IsHeapObject() {
			return heap.Handle{}
		}
		holder = p
	}
	return heap.Handle{}
}

// updateLoadIC records handler hd for map m in a load slot, moving the slot
// from monomorphic to polymorphic to megamorphic.
func (in *Interp) updateLoadIC(fp, slot int, m, hd heap.Handle) {
	h, f := in.h, in.f
	fvh := h.NewHandle(in.stack[fp+bytecode.FrameFeedbackVector])
	off := feedbackOffset(slot)
	s0, s1 := h.Field(fvh.Addr(), off), h.Field(fvh.Addr(), off+4)
	switch {
	case s0 == in.undefined || s0 == m.Value():
		h.SetField(fvh.Addr(), off, m.Value())
		h.SetField(fvh.Addr(), off+4, hd.Value())
	case s0 == layout.Smi(megamorphicMarker) && s1 == in.undefined:
	case s1 == layout.Smi(polymorphicMarker):
		n := f.Length(s0)
		if n >= 2*maxPolymorphism {
			h.SetField(fvh.Addr(), off, layout.Smi(megamorphicMarker))
			h.SetField(fvh.Addr(), off+4, in.undefined)
			return
		}
		old := h.NewHandle(s0)
		arr := f.NewFixedArray(n+2, heap.OldSpace)
		for i := 0; i < n; i++ {
			f.Set(arr.Value(), i, f.Get(old.Value(), i))
		}
		f.Set(arr.Value(), n, m.Value())
		f.Set(arr.Value(), n+1, hd.Value())
		h.SetField(fvh.Addr(), off, arr.Value())
	default:
		// Monomorphic on another map: become polymorphic.
		om, ohd := h.NewHandle(s0), h.NewHandle(s1)
		arr := f.NewFixedArray(4, heap.OldSpace)
		f.Set(arr.Value(), 0, om.Value())
		f.Set(arr.Value(), 1, ohd.Value())
		f.Set(arr.Value(), 2, m.Value())
		f.Set(arr.Value(), 3, hd.Value())
		h.SetField(fvh.Addr(), off, arr.Value())
		h.SetField(fvh.Addr(), off+4, layout.Smi(polymorphicMarker))
	}
}

// storeTransition applies a cached transitioning store (a FixedArray
// handler) to obj, whose map matched. It reports false when the object's
// prototype chain changed or its PropertyArray has no room: the slow path
// then stores.
func (in *Interp) storeTransition(obj, hd, v layout.Value, define bool) bool {
	h := in.h
	arr := hd.Addr()
	n := h.Field(arr, layout.FixedArrayLengthOffset).SmiValue()
	k := h.Field(arr, layout.FixedArrayHeaderSize).SmiValue()
	newMap := h.Field(arr, layout.FixedArrayHeaderSize+4)
	if !define {
		p := in.f.MapPrototype(newMap)
		for i := 2; i < n; i++ {
			if p == in.null || h.Field(p.Addr(), layout.MapOffset) != h.Field(arr, layout.FixedArrayHeaderSize+uint32(i)*4) {
				return false
			}
			p = in.f.MapPrototype(h.Field(p.Addr(), layout.MapOffset))
		}
		if p != in.null {
			return false
		}
	}
	if k&handlerInObject == 0 {
		props := h.Field(obj.Addr(), layout.JSObjectPropertiesOrHashOffset)
		size := layout.FixedArrayHeaderSize + uint32(h.Field(props.Addr(), layout.FixedArrayLengthOffset).SmiValue())*layout.TaggedSize
		if uint32(k>>handlerShift) >= size {
			return false
		}
	}
	h.SetField(obj.Addr(), layout.MapOffset, newMap)
	storeField(h, obj, k, v)
	return true
}

// storeNamed is the slow path of StaNamedProperty and DefineNamedOwnProperty:
// it stores (through setters, for a store) and records a handler for an
// own-field store or a transition. The stored value ends in in.acc.
func (in *Interp) storeNamed(fp int, obj, name, v layout.Value, slot int, define bool) bool {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	oh, nh, vh := h.NewHandle(obj), h.NewHandle(name), h.NewHandle(v)
	var before heap.Handle
	if in.IsObject(obj) {
		before = h.NewHandle(h.Field(obj.Addr(), layout.MapOffset))
	}
	var ok bool
	if define {
		ok = in.DefineOwn(obj, NameKey(name), v, objects.AttrNone)
		if !ok && !in.hasException {
			ok = true
		}
	} else {
		ok = in.Set(obj, NameKey(name), v, in.isStrict(fp))
	}
	if !ok {
		return false
	}
	in.acc = vh.Value()
	if before.IsNil() || in.typeOf(oh.Value()) == layout.JSArrayType && nh.Value() == in.names[NameLength] {
		return true
	}
	in.updateStoreIC(fp, slot, oh, nh, before, define)
	in.acc = vh.Value()
	return true
}

// updateStoreIC records the handler of a store that just happened: an own
// writable field (map unchanged) or an add transition.
func (in *Interp) updateStoreIC(fp, slot int, obj, name, before heap.Handle, define bool) {
	h, f := in.h, in.f
	after := f.MapOf(obj.Value())
	if f.IsDictionaryMap(after) {
		return
	}
	fi, det, found := f.LookupField(after, name.Value())
	if !found || det.Kind() != objects.KindData || !det.Attributes().Writable() {
		return
	}
	fvh := h.NewHandle(in.stack[fp+bytecode.FrameFeedbackVector])
	off := feedbackOffset(slot)
	s0 := h.Field(fvh.Addr(), off)
	if s0 != in.undefined && s0 != before.Value() {
		// Keep it simple: a second map makes a store site megamorphic.
		h.SetField(fvh.Addr(), off, layout.Smi(megamorphicMarker))
		h.SetField(fvh.Addr(), off+4, in.undefined)
		return
	}
	if after == before.Value() {
		h.SetField(fvh.Addr(), off, after)
		h.SetField(fvh.Addr(), off+4, smiHandler(fi, handlerField))
		return
	}
	if back, ok := f.MapBackPointer(after); !ok || back != before.Value() {
		return
	}
	protos := 0
	if !define {
		for p := f.MapPrototype(after); p != in.null; {
			pm := f.MapOf(p)
			if f.IsDictionaryMap(pm) || protos >= 8 {
				return
			}
			protos++
			p = f.MapPrototype(pm)
		}
	}
	ah := h.NewHandle(after)
	arr := f.NewFixedArray(2+protos, heap.OldSpace)
	f.Set(arr.Value(), 0, smiHandler(fi, handlerField))
	f.Set(arr.Value(), 1, ah.Value())
	p := f.MapPrototype(ah.Value())
	for i := 0; i < protos; i++ {
		pm := f.MapOf(p)
		f.Set(arr.Value(), 2+i, pm)
		p = f.MapPrototype(pm)
	}
	h.SetField(fvh.Addr(), off, before.Value())
	h.SetField(fvh.Addr(), off+4, arr.Value())
}

// isStrict reports whether the function of the frame at fp is strict code.
func (in *Interp) isStrict(fp int) bool {
	fn := in.stack[fp+bytecode.FrameClosure]
	return in.f.SharedFlags(in.f.FunctionShared(fn))&objects.SharedIsStrict != 0
}

// currentStrict reports whether the innermost JavaScript frame is strict.
func (in *Interp) currentStrict() bool {
	for i := len(in.frames) - 1; i >= 0; i-- {
		if in.frames[i].flags&frameNative == 0 {
			return in.isStrict(int(in.frames[i].fp))
		}
	}
	return false
}

// loadGlobalSlow is LdaGlobal's slow path: the script contexts' bindings,
// then the global object and its prototype chain.
func (in *Interp) loadGlobalSlow(fp int, name layout.Value, slot int, insideTypeof bool) (layout.Value, bool) {
	h, f := in.h, in.f
	scope := h.OpenScope()
	defer scope.Close()
	fvh := h.NewHandle(in.stack[fp+bytecode.FrameFeedbackVector])
	off := feedbackOffset(slot)
	if ctx, i := in.lookupScriptContext(name); i >= 0 {
		h.SetField(fvh.Addr(), off, ctx)
		h.SetField(fvh.Addr(), off+4, layout.Smi(i<<handlerShift|handlerContextSlot))
		v := f.ContextSlot(ctx, i)
		if v == in.hole {
			return in.ThrowError(ReferenceError, "Cannot access '"+f.StringToGo(name)+"' before initialization")
		}
		return v, true
	}
	g := in.intrinsics[GlobalObject]
	gm := f.MapOf(g)
	if !f.IsDictionaryMap(gm) {
		if fi, det, found := f.LookupField(gm, name); found && det.Kind() == objects.KindData {
			h.SetField(fvh.Addr(), off, gm)
			h.SetField(fvh.Addr(), off+4, smiHandler(fi, handlerField))
		}
	}
	nh := h.NewHandle(name)
	_, kind := in.lookup(g, NameKey(name))
	if kind == propNone {
		if insideTypeof {
			return in.undefined, true
		}
		return in.ThrowError(ReferenceError, f.StringToGo(nh.Value())+" is not defined")
	}
	return in.GetNamed(in.intrinsics[GlobalObject], nh.Value())
}

// lookupScriptContext finds a top-level let/const/class binding of an
// earlier (or the current) script: its context and slot, or -1.
func (in *Interp) lookupScriptContext(name layout.Value) (layout.Value, int) {
	f := in.f
	for _, ctx := range in.scriptContexts {
		si := f.ContextScopeInfo(ctx)
		if i := f.ScopeInfoContextSlotIndex(si, name); i >= 0 {
			return ctx, i
		}
	}
	return 0, -1
}

// storeGlobal is StaGlobal: a script-context binding, else a property of
// the global object (a ReferenceError in strict code when there is none).
func (in *Interp) storeGlobal(fp int, name, v layout.Value) bool {
	h, f := in.h, in.f
	in.acc = v
	if ctx, i := in.lookupScriptContext(name); i >= 0 {
		if f.ContextSlot(ctx, i) == in.hole {
			in.throwErrorValue(ReferenceError, "Cannot access '"+f.StringToGo(name)+"' before initialization")
			return false
		}
		if in.scriptBindingIsConst(ctx, i) {
			in.throwErrorValue(TypeError, "Assignment to constant variable.")
			return false
		}
		f.SetContextSlot(ctx, i, v)
		return true
	}
	g := in.intrinsics[GlobalObject]
	strict := in.isStrict(fp)
	if strict && !in.HasProperty(g, NameKey(name)) {
		in.throwErrorValue(ReferenceError, f.StringToGo(name)+" is not defined")
		return false
	}
	scope := h.OpenScope()
	defer scope.Close()
	vh := h.NewHandle(v)
	if !in.Set(g, NameKey(name), v, strict) {
		return false
	}
	in.acc = vh.Value()
	return true
}

// scriptBindingIsConst reports whether slot i of a script context holds a
// const binding (the compiler's syntax tree knows).
func (in *Interp) scriptBindingIsConst(ctx layout.Value, i int) bool {
	name := in.f.StringToGo(in.f.ScopeInfoContextLocalName(in.f.ContextScopeInfo(ctx), i-layout.ContextMinSlots))
	for _, s := range in.scripts {
		if v := s.unit.Prog.Top.Scope.Lookup(name); v != nil && v.Kind.Lexical() {
			return v.Immutable()
		}
	}
	return false
}

// fastElement reads obj[key] for a Smi key when obj's elements hold it.
// Hot path: no allocation.
func (in *Interp) fastElement(obj, key layout.Value) (layout.Value, bool) {
	h := in.h
	i := int32(key) >> 1
	if i < 0 {
		return 0, false
	}
	t := h.InstanceType(obj.Addr())
	if t != layout.JSArrayType && t != layout.JSObjectType {
		return 0, false
	}
	el := h.Field(obj.Addr(), layout.JSObjectElementsOffset).Addr()
	if uint32(i) >= uint32(h.Field(el, layout.FixedArrayLengthOffset)>>1) {
		return 0, false
	}
	v := h.Field(el, layout.FixedArrayHeaderSize+uint32(i)*layout.TaggedSize)
	if v == in.hole {
		return 0, false
	}
	return v, true
}

// fastSetElement writes obj[key] = v when the element exists. Hot path.
func (in *Interp) fastSetElement(obj, key, v layout.Value) bool {
	h := in.h
	i := int32(key) >> 1
	if i < 0 {
		return false
	}
	t := h.InstanceType(obj.Addr())
	if t != layout.JSArrayType && t != layout.JSObjectType {
		return false
	}
	el := h.Field(obj.Addr(), layout.JSObjectElementsOffset).Addr()
	if uint32(i) >= uint32(h.Field(el, layout.FixedArrayLengthOffset)>>1) {
		return false
	}
	off := layout.FixedArrayHeaderSize + uint32(i)*layout.TaggedSize
	if h.Field(el, off) == in.hole {
		return false
	}
	h.SetField(el, off, v)
	return true
}

// loadKeyed is LdaKeyedProperty's slow path.
func (in *Interp) loadKeyed(obj, key layout.Value) (layout.Value, bool) {
	h := in.h
	if obj == in.undefined || obj == in.null {
		in.throwKeyedNullish(obj, key, false)
		return 0, false
	}
	scope := h.OpenScope()
	defer scope.Close()
	oh := h.NewHandle(obj)
	k, ok := in.ToPropertyKey(key)
	if !ok {
		return 0, false
	}
	return in.Get(oh.Value(), k)
}

// storeKeyed is StaKeyedProperty's slow path; the value ends in in.acc.
func (in *Interp) storeKeyed(fp int, obj, key, v layout.Value, define bool) bool {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	oh, vh := h.NewHandle(obj), h.NewHandle(v)
	if obj == in.undefined || obj == in.null {
		in.throwKeyedNullish(obj, key, true)
		return false
	}
	k, ok := in.ToPropertyKey(key)
	if !ok {
		return false
	}
	if !in.set(oh.Value(), k, vh.Value(), in.isStrict(fp), true) {
		return false
	}
	in.acc = vh.Value()
	return true
}

// defineKeyedOwn is DefineKeyedOwnProperty: an own data property of an
// object literal or class field; flags bit 0 names an anonymous function
// value after the key.
func (in *Interp) defineKeyedOwn(obj, key, v layout.Value, flags int) bool {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	oh, vh := h.NewHandle(obj), h.NewHandle(v)
	k0, ok := in.ToPropertyKey(key)
	if !ok {
		return false
	}
	kh := in.HandleKey(k0)
	if flags&1 != 0 && in.isFunction(vh.Value()) {
		in.setFunctionName(vh, kh.Key(), "")
	}
	if !in.DefineOwn(oh.Value(), kh.Key(), vh.Value(), objects.AttrNone) && in.hasException {
		return false
	}
	in.acc = vh.Value()
	return true
}

// deleteProperty is DeleteProperty: delete obj[key].
func (in *Interp) deleteProperty(obj, key layout.Value, strict bool) (layout.Value, bool) {
	h := in.h
	if obj == in.undefined || obj == in.null {
		return in.ThrowError(TypeError, "Cannot convert undefined or null to object")
	}
	scope := h.OpenScope()
	defer scope.Close()
	oh := h.NewHandle(obj)
	k, ok := in.ToPropertyKey(key)
	if !ok {
		return 0, false
	}
	done, ok := in.Delete(oh.Value(), k, strict)
	if !ok {
		return 0, false
	}
	return in.Bool(done), true
}

// hasPropertyOp is the `in` operator: key in obj.
func (in *Interp) hasPropertyOp(key, obj layout.Value) (layout.Value, bool) {
	h := in.h
	if !in.IsObject(obj) {
		ks, _ := in.ToString(key)
		return in.ThrowError(TypeError, "Cannot use 'in' operator to search for '"+in.f.StringToGo(ks)+"' in "+in.displayValue(obj))
	}
	scope := h.OpenScope()
	defer scope.Close()
	oh := h.NewHandle(obj)
	k, ok := in.ToPropertyKey(key)
	if !ok {
		return 0, false
	}
	found, ok := in.HasPropertyOK(oh.Value(), k)
	return in.Bool(found), ok
}

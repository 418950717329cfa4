package builtins

import (
	"math"
	"math/rand/v2"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Map, Set, WeakMap and WeakSet. Each collection object keeps, in a
// private slot, an ordered hash table in a FixedArray (V8's
// OrderedHashTable):
//
//	0 live entries, 1 deleted entries, 2 buckets (Smis)
//	3…3+buckets   the first entry of each bucket's chain (Smi, -1 empty)
//	then capacity = 2*buckets entries of (key, value, next entry)
//
// Entries are appended in insertion order, which is the iteration order; a
// deleted entry's key becomes the hole. Keys compare by SameValueZero;
// objects hash by an identity hash stored in a private slot on first use.
// The weak collections hold their keys strongly for now.

const (
	tblElements = 0
	tblDeleted  = 1
	tblBuckets  = 2
	tblHeader   = 3
	tblEntry    = 3 // key, value, next
)

type collection struct {
	slot interp.Intrinsic // PrivateMapData or PrivateSetData
	name string
}

var (
	mapKind = collection{interp.PrivateMapData, "Map"}
	setKind = collection{interp.PrivateSetData, "Set"}
)

func (b *installer) collections() {
	in := b.in
	rng := rand.New(rand.NewPCG(0x5eed, 0x1d))
	hashes := func() int { return int(rng.Uint32() & 0x3fffffff) }
	mk := func(kind collection, weak bool, name string, methods []fn, iterKind int, iterProto interp.Intrinsic) {
		proto := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
		if kind == setKind && !weak {
			b.setProto = in.Heap().NewGlobal(proto.Value())
		}
		c := b.constructor(name, 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return collectionConstructor(in, a, kind, weak, hashes)
		}, proto)
		if !weak {
			b.speciesGetter(c) // Map and Set have one; the weak collections not
		}
		ms := append([]fn{}, methods...)
		for i := range ms {
			impl, method := ms[i].impl, ms[i].name
			ms[i].impl = func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
				if _, ok := tableOf(in, a.This(), kind); !ok || isWeak(in, a.This()) != weak {
					return in.ThrowError(interp.TypeError, "Method "+name+".prototype."+method+" called on incompatible receiver "+displayArg(in, a.This()))
				}
				if weak && (method == "set" || method == "add") && !in.IsObject(a.Arg(0)) {
					return in.ThrowError(interp.TypeError, "Invalid value used "+map[string]string{"set": "as weak map key", "add": "in weak set"}[method])
				}
				return impl(in, a)
			}
		}
		b.methods(proto, ms)
		if !weak {
			in.DefineGetter(proto, "size", func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
				t, ok := tableOf(in, a.This(), kind)
				if !ok {
					return in.ThrowError(interp.TypeError, "Method get "+name+".prototype.size called on incompatible receiver "+displayArg(in, a.This()))
				}
				return in.Factory().Get(t, tblElements), true
			})
			kh := in.InternalizeGo([]string{"keys", "values", "entries"}[iterKind])
			it, _, _ := in.Lookup(proto.Value(), interp.NameKey(kh.Value()))
			in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolIterator)), in.Handle(it), objects.AttrDontEnum)
		}
		in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo(name), objects.AttrReadOnly|objects.AttrDontEnum)
	}
	mapMethods := []fn{
		{"get", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			t, _ := tableOf(in, a.This(), mapKind)
			if e := tableFind(in, t, a.Arg(0)); e >= 0 {
				return in.Factory().Get(t, entryIndex(t, in, e)+1), true
			}
			return in.Undefined(), true
		}},
		{"set", 2, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			tableAdd(in, a.This(), mapKind, a.Arg(0), a.Arg(1), hashes)
			return a.This(), true
		}},
		{"has", 1, collectionHas(mapKind)},
		{"delete", 1, collectionDelete(mapKind)},
		{"clear", 0, collectionClear(mapKind)},
		{"forEach", 1, collectionForEach(mapKind)},
		{"keys", 0, collectionIterator(mapKind, iterKeys)},
		{"values", 0, collectionIterator(mapKind, iterValues)},
		{"entries", 0, collectionIterator(mapKind, iterEntries)},
	}
	mk(mapKind, false, "Map", mapMethods, iterEntries, interp.MapIteratorPrototype)
	setMethods := []fn{
		{"add", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			tableAdd(in, a.This(), setKind, a.Arg(0), a.Arg(0), hashes)
			return a.This(), true
		}},
		{"has", 1, collectionHas(setKind)},
		{"delete", 1, collectionDelete(setKind)},
		{"clear", 0, collectionClear(setKind)},
		{"forEach", 1, collectionForEach(setKind)},
		{"values", 0, collectionIterator(setKind, iterValues)},
		{"keys", 0, collectionIterator(setKind, iterValues)},
		{"entries", 0, collectionIterator(setKind, iterEntries)},
	}
	setMethods = append(setMethods, b.setAlgebra(hashes)...)
	mk(setKind, false, "Set", setMethods, iterValues, interp.SetIteratorPrototype)
	// WeakMap and WeakSet in V8's order: delete, get, set, has; delete, has, add.
	mk(mapKind, true, "WeakMap", []fn{mapMethods[3], mapMethods[0], mapMethods[1], mapMethods[2]}, iterEntries, interp.MapIteratorPrototype)
	mk(setKind, true, "WeakSet", []fn{setMethods[2], setMethods[1], setMethods[0]}, iterValues, interp.SetIteratorPrototype)
	for _, p := range []struct {
		id  interp.Intrinsic
		tag string
	}{{interp.MapIteratorPrototype, "Map Iterator"}, {interp.SetIteratorPrototype, "Set Iterator"}} {
		ph := b.intrinsic(p.id)
		in.DefineFunction(ph, "next", 0, collectionIteratorNext)
		in.Factory().DefineProperty(ph, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo(p.tag), objects.AttrReadOnly|objects.AttrDontEnum)
	}
}

func isWeak(in *interp.Interp, o layout.Value) bool {
	_, ok := in.Factory().GetProperty(o, in.Intrinsic(interp.PrivateWeak))
	return ok
}

// tableOf returns a collection's table, or false when o is not one.
func tableOf(in *interp.Interp, o layout.Value, kind collection) (layout.Value, bool) {
	if !in.IsObject(o) {
		return 0, false
	}
	return in.Factory().GetProperty(o, in.Intrinsic(kind.slot))
}

func newTable(in *interp.Interp, buckets int) heap.Handle {
	f := in.Factory()
	t := f.NewFixedArray(tblHeader+buckets+2*buckets*tblEntry, heap.NewSpace)
	f.Set(t.Value(), tblElements, layout.Smi(0))
	f.Set(t.Value(), tblDeleted, layout.Smi(0))
	f.Set(t.Value(), tblBuckets, layout.Smi(buckets))
	for i := 0; i < buckets; i++ {
		f.Set(t.Value(), tblHeader+i, layout.Smi(-1))
	}
	return t
}

func collectionConstructor(in *interp.Interp, a interp.Args, kind collection, weak bool, hashes func() int) (layout.Value, bool) {
	name := kind.name
	if weak {
		name = "Weak" + name
	}
	if !a.IsConstruct() {
		return in.ThrowError(interp.TypeError, "Constructor "+name+" requires 'new'")
	}
	h, f := in.Heap(), in.Factory()
	obj, ok := in.OrdinaryCreateFromConstructor(a.NewTarget(), interp.ObjectPrototype)
	if !ok {
		return 0, false
	}
	t := newTable(in, 2)
	f.DefineProperty(obj, h.NewHandle(in.Intrinsic(kind.slot)), t, objects.AttrDontEnum)
	if weak {
		f.DefineProperty(obj, h.NewHandle(in.Intrinsic(interp.PrivateWeak)), h.NewHandle(in.Bool(true)), objects.AttrDontEnum)
	}
	a.SetSlot(interp.Scratch0, obj.Value())
	src := a.Arg(0)
	if in.IsNullish(src) {
		return obj.Value(), true
	}
	adderName := "set"
	if kind == setKind {
		adderName = "add"
	}
	adder, ok := in.GetNamed(obj.Value(), in.Factory().InternalizeGo(adderName).Value())
	if !ok {
		return 0, false
	}
	if !in.IsCallable(adder) {
		return in.ThrowError(interp.TypeError, "'"+displayArg(in, adder)+"' returned for property '"+adderName+"' of object '#<"+name+">' is not a function")
	}
	ah := h.NewHandle(adder)
	ok = in.Iterate(a.Arg(0), func(e layout.Value) bool {
		if kind == setKind {
			_, ok := in.Call(ah.Value(), a.Slot(interp.Scratch0), e)
			return ok
		}
		if !in.IsObject(e) {
			in.ThrowError(interp.TypeError, "Iterator value "+displayArg(in, e)+" is not an entry object")
			return false
		}
		s := h.OpenScope()
		defer s.Close()
		eh := h.NewHandle(e)
		k, ok := in.Get(e, interp.IndexKey(0))
		if !ok {
			return false
		}
		kh := h.NewHandle(k)
		v, ok := in.Get(eh.Value(), interp.IndexKey(1))
		if !ok {
			return false
		}
		_, ok = in.Call(ah.Value(), a.Slot(interp.Scratch0), kh.Value(), v)
		return ok
	})
	if !ok {
		return 0, false
	}
	return a.Slot(interp.Scratch0), true
}

// keyHash hashes a key for SameValueZero, or returns false for an object
// that has no identity hash yet (it has never been a key).
func keyHash(in *interp.Interp, k layout.Value) (uint32, bool) {
	f := in.Factory()
	switch {
	case in.IsNumber(k):
		x := in.NumberValue(k)
		if x == 0 {
			x = 0 // -0 hashes as +0
		}
		if x != x {
			return 0x7ff80000, true
		}
		b := math.Float64bits(x)
		return uint32(b) ^ uint32(b>>32), true
	case in.IsString(k):
		return f.StringHash(k), true
	case in.IsSymbol(k):
		return f.NameHash(k), true
	case in.IsBigInt(k):
		return bigintHash(in, k), true
	case in.IsObject(k):
		v, ok := f.GetProperty(k, in.Intrinsic(interp.PrivateIdentityHash))
		if !ok {
			return 0, false
		}
		return uint32(v.SmiValue()), true
	}
	return uint32(k) * 0x9e3779b1, true // oddballs: read-only, never move
}

// bigintHash hashes a BigInt by value (equal BigInts are distinct objects).
func bigintHash(in *interp.Interp, k layout.Value) uint32 {
	hash := uint32(2166136261)
	for _, b := range in.BigIntValue(k).Bytes() {
		hash = (hash ^ uint32(b)) * 16777619
	}
	if in.BigIntValue(k).Sign() < 0 {
		hash = ^hash
	}
	return hash
}

func entryIndex(t layout.Value, in *interp.Interp, e int) int {
	return tblHeader + in.Factory().Get(t, tblBuckets).SmiValue() + e*tblEntry
}

// tableFind returns the entry of key k, or -1.
func tableFind(in *interp.Interp, t, k layout.Value) int {
	f := in.Factory()
	hash, ok := keyHash(in, k)
	if !ok {
		return -1
	}
	buckets := f.Get(t, tblBuckets).SmiValue()
	for e := f.Get(t, tblHeader+int(hash%uint32(buckets))).SmiValue(); e >= 0; {
		i := tblHeader + buckets + e*tblEntry
		if key := f.Get(t, i); key != in.Hole() && in.SameValueZero(key, k) {
			return e
		}
		e = f.Get(t, i+2).SmiValue()
	}
	return -1
}

// tableAdd sets k → v in the collection o (adding it at the end when new).
func tableAdd(in *interp.Interp, o layout.Value, kind collection, k, v layout.Value, hashes func() int) {
	h, f := in.Heap(), in.Factory()
	scope := h.OpenScope()
	defer scope.Close()
	oh, kh, vh := h.NewHandle(o), h.NewHandle(k), h.NewHandle(v)
	if x := k; in.IsNumber(x) && in.NumberValue(x) == 0 {
		kh.Set(layout.Smi(0)) // -0 is stored as +0
	}
	t, _ := tableOf(in, o, kind)
	if e := tableFind(in, t, kh.Value()); e >= 0 {
		f.Set(t, entryIndex(t, in, e)+1, vh.Value())
		return
	}
	if in.IsObject(kh.Value()) {
		if _, ok := f.GetProperty(kh.Value(), in.Intrinsic(interp.PrivateIdentityHash)); !ok {
			f.DefineProperty(kh, h.NewHandle(in.Intrinsic(interp.PrivateIdentityHash)), h.NewHandle(layout.Smi(hashes())), objects.AttrDontEnum)
		}
	}
	t, _ = tableOf(in, oh.Value(), kind)
	buckets := f.Get(t, tblBuckets).SmiValue()
	used := f.Get(t, tblElements).SmiValue() + f.Get(t, tblDeleted).SmiValue()
	if used >= 2*buckets {
		t = rehash(in, oh, kind)
		buckets = f.Get(t, tblBuckets).SmiValue()
		used = f.Get(t, tblElements).SmiValue()
	}
	hash, _ := keyHash(in, kh.Value())
	b := tblHeader + int(hash%uint32(buckets))
	i := tblHeader + buckets + used*tblEntry
	f.Set(t, i, kh.Value())
	f.Set(t, i+1, vh.Value())
	f.Set(t, i+2, f.Get(t, b))
	f.Set(t, b, layout.Smi(used))
	f.Set(t, tblElements, layout.Smi(f.Get(t, tblElements).SmiValue()+1))
}

// rehash gives o's collection a table with room to grow, dropping deleted
// entries, and returns it.
func rehash(in *interp.Interp, o heap.Handle, kind collection) layout.Value {
	h, f := in.Heap(), in.Factory()
	old, _ := tableOf(in, o.Value(), kind)
	oh := h.NewHandle(old)
	n := f.Get(old, tblElements).SmiValue()
	buckets := f.Get(old, tblBuckets).SmiValue()
	if n >= buckets {
		buckets *= 2
	}
	nt := newTable(in, buckets)
	ob := f.Get(oh.Value(), tblBuckets).SmiValue()
	total := f.Get(oh.Value(), tblElements).SmiValue() + f.Get(oh.Value(), tblDeleted).SmiValue()
	j := 0
	for e := 0; e < total; e++ {
		i := tblHeader + ob + e*tblEntry
		key := f.Get(oh.Value(), i)
		if key == in.Hole() {
			continue
		}
		hash, _ := keyHash(in, key)
		b := tblHeader + int(hash%uint32(buckets))
		ni := tblHeader + buckets + j*tblEntry
		f.Set(nt.Value(), ni, key)
		f.Set(nt.Value(), ni+1, f.Get(oh.Value(), i+1))
		f.Set(nt.Value(), ni+2, f.Get(nt.Value(), b))
		f.Set(nt.Value(), b, layout.Smi(j))
		j++
	}
	f.Set(nt.Value(), tblElements, layout.Smi(j))
	f.DefineProperty(o, h.NewHandle(in.Intrinsic(kind.slot)), nt, objects.AttrDontEnum)
	return nt.Value()
}

func collectionHas(kind collection) interp.Native {
	return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		t, _ := tableOf(in, a.This(), kind)
		return in.Bool(tableFind(in, t, a.Arg(0)) >= 0), true
	}
}

func collectionDelete(kind collection) interp.Native {
	return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		f := in.Factory()
		t, _ := tableOf(in, a.This(), kind)
		e := tableFind(in, t, a.Arg(0))
		if e < 0 {
			return in.Bool(false), true
		}
		i := entryIndex(t, in, e)
		f.Set(t, i, in.Hole())
		f.Set(t, i+1, in.Undefined())
		f.Set(t, tblElements, layout.Smi(f.Get(t, tblElements).SmiValue()-1))
		f.Set(t, tblDeleted, layout.Smi(f.Get(t, tblDeleted).SmiValue()+1))
		return in.Bool(true), true
	}
}

func collectionClear(kind collection) interp.Native {
	return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		f := in.Factory()
		t, _ := tableOf(in, a.This(), kind)
		total := f.Get(t, tblElements).SmiValue() + f.Get(t, tblDeleted).SmiValue()
		for e := 0; e < total; e++ {
			i := entryIndex(t, in, e)
			if f.Get(t, i) != in.Hole() {
				f.Set(t, i, in.Hole())
				f.Set(t, i+1, in.Undefined())
			}
		}
		f.Set(t, tblDeleted, layout.Smi(total))
		f.Set(t, tblElements, layout.Smi(0))
		return in.Undefined(), true
	}
}

// entryAt returns entry e of o's current table (its key is the hole when
// deleted), or false past the last entry.
func entryAt(in *interp.Interp, o layout.Value, kind collection, e int) (k, v layout.Value, ok bool) {
	f := in.Factory()
	t, _ := tableOf(in, o, kind)
	if e >= f.Get(t, tblElements).SmiValue()+f.Get(t, tblDeleted).SmiValue() {
		return 0, 0, false
	}
	i := entryIndex(t, in, e)
	return f.Get(t, i), f.Get(t, i+1), true
}

func collectionForEach(kind collection) interp.Native {
	return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if !in.IsCallable(a.Arg(0)) {
			return in.ThrowError(interp.TypeError, displayArg(in, a.Arg(0))+" is not a function")
		}
		for e := 0; ; e++ {
			k, v, ok := entryAt(in, a.This(), kind, e)
			if !ok {
				break
			}
			if k == in.Hole() {
				continue
			}
			if _, ok := in.Call(a.Arg(0), a.Arg(1), v, k, a.This()); !ok {
				return 0, false
			}
		}
		return in.Undefined(), true
	}
}

func collectionIterator(kind collection, iterKind int) interp.Native {
	return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		proto := interp.MapIteratorPrototype
		if kind == setKind {
			proto = interp.SetIteratorPrototype
		}
		return newIterator(in, proto, a.This(), iterKind), true
	}
}

func collectionIteratorNext(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	target, i, kind, ok := iteratorState(in, a.This())
	if !ok {
		return in.ThrowError(interp.TypeError, "next method called on incompatible receiver "+displayArg(in, a.This()))
	}
	if target == in.Undefined() {
		return iterResult(in, in.Undefined(), true), true
	}
	coll := mapKind
	if _, isSet := tableOf(in, target, setKind); isSet {
		coll = setKind
	}
	for {
		k, v, ok := entryAt(in, target, coll, i)
		if !ok {
			setIteratorIndex(in, a.This(), i, true)
			return iterResult(in, in.Undefined(), true), true
		}
		i++
		if k == in.Hole() {
			continue
		}
		h := in.Heap()
		kh, vh := h.NewHandle(k), h.NewHandle(v)
		setIteratorIndex(in, a.This(), i, false)
		switch kind {
		case iterKeys:
			return iterResult(in, kh.Value(), false), true
		case iterValues:
			return iterResult(in, vh.Value(), false), true
		}
		pair := in.NewArray([]layout.Value{kh.Value(), vh.Value()})
		return iterResult(in, pair.Value(), false), true
	}
}

// collectionEntries returns the live entries of a Map or Set (for inspect).
func collectionEntries(in *interp.Interp, o layout.Value) (isMap, isSet bool, keys, values []layout.Value) {
	kind := mapKind
	if _, ok := tableOf(in, o, mapKind); ok {
		isMap = true
	} else if _, ok := tableOf(in, o, setKind); ok {
		isSet, kind = true, setKind
	} else {
		return
	}
	for e := 0; ; e++ {
		k, v, ok := entryAt(in, o, kind, e)
		if !ok {
			return
		}
		if k != in.Hole() {
			keys = append(keys, k)
			values = append(values, v)
		}
	}
}

package builtins

import (
	"strconv"
	"strings"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

func (b *installer) array() {
	in := b.in
	proto := b.intrinsic(interp.ArrayPrototype)
	c := b.constructor("Array", 1, arrayConstructor, proto)
	in.SetIntrinsic(interp.ArrayFunction, c.Value())
	b.methods(c, []fn{
		{"isArray", 1, arrayIsArray},
		{"from", 1, arrayFrom},
		{"of", 0, arrayOf},
	})
	b.speciesGetter(c)
	// V8's order (the inspector and Object.getOwnPropertyNames show it).
	b.methods(proto, []fn{
		{"at", 1, arrayAt},
		{"concat", 1, arrayConcat},
		{"copyWithin", 2, arrayCopyWithin},
		{"fill", 1, arrayFill},
		{"find", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayFind(in, a, false, false) }},
		{"findIndex", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayFind(in, a, true, false) }},
		{"findLast", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayFind(in, a, false, true) }},
		{"findLastIndex", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayFind(in, a, true, true) }},
		{"lastIndexOf", 1, arrayLastIndexOf},
		{"pop", 0, arrayPop},
		{"push", 1, arrayPush},
		{"reverse", 0, arrayReverse},
		{"shift", 0, arrayShift},
		{"unshift", 1, arrayUnshift},
		{"slice", 2, arraySlice},
		{"sort", 1, arraySort},
		{"splice", 2, arraySplice},
		{"includes", 1, arrayIncludes},
		{"indexOf", 1, arrayIndexOf},
		{"join", 1, b.arrayJoin},
		{"keys", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return newArrayIterator(in, a, iterKeys) }},
		{"entries", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return newArrayIterator(in, a, iterEntries)
		}},
	})
	values := in.DefineFunction(proto, "values", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		return newArrayIterator(in, a, iterValues)
	})
	in.SetIntrinsic(interp.ArrayValuesFunction, values.Value())
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolIterator)), values, objects.AttrDontEnum)
	b.methods(proto, []fn{
		{"forEach", 1, arrayForEach},
		{"filter", 1, arrayFilter},
		{"flat", 0, arrayFlat},
		{"flatMap", 1, arrayFlatMap},
		{"map", 1, arrayMap},
		{"every", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arraySomeEvery(in, a, false) }},
		{"some", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arraySomeEvery(in, a, true) }},
		{"reduce", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayReduce(in, a, false) }},
		{"reduceRight", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return arrayReduce(in, a, true) }},
		{"toLocaleString", 0, b.arrayToLocaleString},
		{"toString", 0, b.arrayToString},
	})
	// Array.prototype[Symbol.unscopables]: the names `with (array)` does
	// not bind (h-eval).
	unscopables := in.NewObject(in.Null())
	for _, name := range []string{"at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex",
		"flat", "flatMap", "includes", "keys", "values", "toReversed", "toSorted", "toSpliced"} {
		key := in.InternalizeGo(name)
		in.Factory().DefineProperty(unscopables, key, in.Handle(in.Bool(true)), objects.AttrNone)
	}
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolUnscopables)), unscopables, objects.AttrDontEnum|objects.AttrReadOnly)
}

// pollMask sets how often long loops over array-likes poll for
// termination (every pollMask+1 iterations).
const pollMask = 1<<12 - 1

// idx returns the property key of index i, which may exceed the largest
// array index for array-likes (a name then: its canonical numeric string,
// valid until the next allocation).
func idx(in *interp.Interp, i int) interp.Key {
	if i >= 0 && i < jsnum.MaxArrayIndex+1 {
		return interp.IndexKey(uint32(i))
	}
	k, _ := in.ToPropertyKey(in.NumberToString(float64(i)))
	return k
}

// lengthOf returns ToLength(obj.length).
func lengthOf(in *interp.Interp, obj layout.Value) (int, bool) {
	if in.IsArray(obj) {
		return int(in.ArrayLength(obj)), true
	}
	if in.IsTypedArray(obj) {
		// The typed array methods share Array's: they use the internal
		// length, never a length property.
		n, _ := in.TypedArrayLength(obj)
		return n, true
	}
	lv, ok := in.GetName(obj, interp.NameLength)
	if !ok {
		return 0, false
	}
	x, ok := in.ToFloat(lv)
	if !ok {
		return 0, false
	}
	return int(jsnum.ToLength(x)), true
}

// copyWithinArgs decodes copyWithin(target, start, end) over n elements:
// where to copy, from where, and how many (≤ 0: none).
func copyWithinArgs(in *interp.Interp, a interp.Args, n int) (to, from, count int, ok bool) {
	if to, ok = relativeIndex(in, a.Arg(0), n, 0); !ok {
		return
	}
	if from, ok = relativeIndex(in, a.Arg(1), n, 0); !ok {
		return
	}
	end, ok := relativeIndex(in, a.Arg(2), n, n)
	return to, from, min(end-from, n-to), ok
}

// relativeIndex converts a relative start/end argument (negative counts
// from the end) clamped to [0, n].
func relativeIndex(in *interp.Interp, v layout.Value, n, def int) (int, bool) {
	if v == in.Undefined() {
		return def, true
	}
	x, ok := in.ToIntegerOrInfinity(v)
	if !ok {
		return 0, false
	}
	return int(jsnum.ToRelativeIndex(x, float64(n))), true
}

// receiver converts this with ToObject and keeps it in the first scratch
// slot of the native frame, where it survives calls into JavaScript.
func receiver(in *interp.Interp, a interp.Args, method string) (int, bool) {
	o, ok := thisObject(in, a, "Array.prototype."+method)
	if !ok {
		return 0, false
	}
	a.SetSlot(interp.Scratch0, o)
	n, ok := lengthOf(in, o)
	return n, ok
}

func self(a interp.Args) layout.Value { return a.Slot(interp.Scratch0) }

func arrayConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	var proto heap.Handle
	if nt := a.NewTarget(); nt != in.Undefined() && nt != in.Intrinsic(interp.ArrayFunction) {
		// A subclass (or Reflect.construct): its prototype, read first.
		p, ok := in.PrototypeFromNewTarget(nt, interp.ArrayPrototype)
		if !ok {
			return 0, false
		}
		proto = in.Heap().NewHandle(p)
	}
	var arr heap.Handle
	if a.Len() == 1 && in.IsNumber(a.Arg(0)) {
		x := in.NumberValue(a.Arg(0))
		if x < 0 || x != float64(uint32(x)) {
			return in.ThrowError(interp.RangeError, "Invalid array length")
		}
		arr = in.NewArray(nil)
		in.Factory().SetArrayLength(arr, uint32(x))
	} else {
		vals := make([]layout.Value, a.Len())
		for i := range vals {
			vals[i] = a.Arg(i)
		}
		arr = in.NewArray(vals)
	}
	if !proto.IsNil() && proto.Value() != in.Intrinsic(interp.ArrayPrototype) {
		if _, ok := in.SetPrototypeOf(arr.Value(), proto.Value()); !ok {
			return 0, false
		}
	}
	return arr.Value(), true
}

func arrayIsArray(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	r, ok := in.IsArrayValue(a.Arg(0))
	return in.Bool(r), ok
}

func arrayOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if c := a.This(); c != in.Intrinsic(interp.ArrayFunction) && in.IsConstructor(c) {
		// new C(len), filled with CreateDataPropertyOrThrow, then its length.
		h := in.Heap()
		length := in.NewInt(a.Len())
		r, ok := in.Construct(a.This(), []layout.Value{length}, in.Undefined())
		if !ok {
			return 0, false
		}
		out := h.NewHandle(r)
		for i := 0; i < a.Len(); i++ {
			if !createAt(in, out, i, a.Arg(i)) {
				return 0, false
			}
		}
		if !setLengthOf(in, out, a.Len()) {
			return 0, false
		}
		return out.Value(), true
	}
	vals := make([]layout.Value, a.Len())
	for i := range vals {
		vals[i] = a.Arg(i)
	}
	return in.NewArray(vals).Value(), true
}

func arrayFrom(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if c := a.This(); c != in.Intrinsic(interp.ArrayFunction) && in.IsConstructor(c) {
		return arrayFromConstructor(in, a)
	}
	h := in.Heap()
	src := a.Arg(0)
	if in.IsNullish(src) {
		return in.ThrowError(interp.TypeError, displayArg(in, src)+" is not iterable (cannot read property Symbol(Symbol.iterator))")
	}
	var out heap.Handle
	mapFn := a.Arg(1)
	if mapFn != in.Undefined() && !in.IsCallable(mapFn) {
		return in.ThrowError(interp.TypeError, displayArg(in, mapFn)+" is not a function")
	}
	if _, accessor, found := in.Lookup(src, interp.NameKey(in.Intrinsic(interp.SymbolIterator))); found && accessor {
		return arrayFromConstructor(in, a) // the getter runs once, there
	}
	if m, accessor, found := in.Lookup(src, interp.NameKey(in.Intrinsic(interp.SymbolIterator))); found && !accessor && m != in.Undefined() || in.IsString(src) {
		if mapFn == in.Undefined() {
			arr, ok := in.IterableToArray(src)
			if !ok {
				return 0, false
			}
			return arr.Value(), true
		}
		// Map each value as it comes (the iterator may be endless; a
		// throwing mapFn closes it).
		out = in.NewArray(nil)
		k := 0
		if !in.Iterate(src, func(v layout.Value) bool {
			r, ok := in.Call(a.Arg(1), a.Arg(2), v, in.NewInt(k))
			if !ok {
				return false
			}
			key := idx(in, k) // before reading the receiver: it may allocate
			in.DefineOwn(out.Value(), key, r, objects.AttrNone)
			k++
			return true
		}) {
			return 0, false
		}
		return out.Value(), true
	} else {
		o, ok := in.ToObject(src)
		if !ok {
			return 0, false
		}
		vals, ok := arrayLikeToList(in, o)
		if !ok {
			return 0, false
		}
		out = in.NewArray(vals)
	}
	if mapFn == in.Undefined() {
		return out.Value(), true
	}
	for i := uint32(0); i < in.ArrayLength(out.Value()); i++ {
		s := h.OpenScope()
		v, ok := in.Call(a.Arg(1), a.Arg(2), in.Element(out.Value(), i), layout.Smi(int(i)))
		if !ok {
			s.Close()
			return 0, false
		}
		in.DefineOwn(out.Value(), interp.IndexKey(i), v, objects.AttrNone)
		s.Close()
	}
	return out.Value(), true
}

func arrayPush(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "push")
	if !ok {
		return 0, false
	}
	if n+a.Len() > jsnum.MaxSafeInteger {
		return in.ThrowError(interp.TypeError, "Pushing "+strconv.Itoa(a.Len())+" elements on an array-like of length "+strconv.Itoa(n)+" is disallowed, as the total surpasses 2**53-1")
	}
	for i := 0; i < a.Len(); i++ {
		key := idx(in, n+i) // before reading the receiver: it may allocate
		if !in.Set(self(a), key, a.Arg(i), true) {
			return 0, false
		}
	}
	n += a.Len()
	if !in.IsArray(self(a)) || int(in.ArrayLength(self(a))) != n {
		// The stores set an array's length, except past the largest index.
		if !setLength(in, a, n) {
			return 0, false
		}
	}
	return in.NewInt(n), true
}

// setLength sets the receiver's length to n. The length is made first: a
// length past the Smi range allocates a HeapNumber, which may move the
// receiver.
func setLength(in *interp.Interp, a interp.Args, n int) bool {
	length := in.NewInt(n)
	return in.Set(self(a), interp.NameKey(in.Name(interp.NameLength)), length, true)
}

func arrayPop(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "pop")
	if !ok {
		return 0, false
	}
	if n == 0 {
		if !setLength(in, a, 0) {
			return 0, false
		}
		return in.Undefined(), true
	}
	key := idx(in, n-1) // before reading the receiver: it may allocate
	v, ok := in.Get(self(a), key)
	if !ok {
		return 0, false
	}
	a.SetSlot(interp.Scratch1, v)
	key = idx(in, n-1) // before reading the receiver: it may allocate
	if _, ok := in.Delete(self(a), key, true); !ok {
		return 0, false
	}
	if !setLength(in, a, n-1) {
		return 0, false
	}
	return a.Slot(interp.Scratch1), true
}

func arrayShift(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "shift")
	if !ok {
		return 0, false
	}
	if n == 0 {
		return in.Undefined(), setLength(in, a, 0)
	}
	first, ok := in.Get(self(a), interp.IndexKey(0))
	if !ok {
		return 0, false
	}
	a.SetSlot(interp.Scratch1, first)
	if !moveElements(in, self(a), 1, 0, n-1) {
		return 0, false
	}
	key := idx(in, n-1) // before reading the receiver: it may allocate
	if _, ok := in.Delete(self(a), key, true); !ok {
		return 0, false
	}
	if !setLength(in, a, n-1) {
		return 0, false
	}
	return a.Slot(interp.Scratch1), true
}

// moveElements copies count elements from index from to index to (holes
// stay holes), in the direction that does not overwrite unread ones.
func moveElements(in *interp.Interp, obj layout.Value, from, to, count int) bool {
	h := in.Heap()
	oh := h.NewHandle(obj)
	step := func(i int) bool {
		s := h.OpenScope()
		defer s.Close()
		if i&pollMask == 0 && !in.Poll() {
			return false
		}
		src := idx(in, from+i)
		if in.HasProperty(oh.Value(), src) {
			v, ok := in.Get(oh.Value(), src)
			if !ok {
				return false
			}
			vh := h.NewHandle(v)
			key := idx(in, to+i) // before reading the receiver: it may allocate
			return in.Set(oh.Value(), key, vh.Value(), true)
		}
		key := idx(in, to+i) // before reading the receiver: it may allocate
		_, ok := in.Delete(oh.Value(), key, true)
		return ok
	}
	if from > to {
		for i := 0; i < count; i++ {
			if !step(i) {
				return false
			}
		}
	} else {
		for i := count - 1; i >= 0; i-- {
			if !step(i) {
				return false
			}
		}
	}
	return true
}

func arrayUnshift(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "unshift")
	if !ok {
		return 0, false
	}
	k := a.Len()
	if k > 0 && n+k > jsnum.MaxSafeInteger {
		return in.ThrowError(interp.TypeError, "Invalid array length")
	}
	if k > 0 {
		if !moveElements(in, self(a), 0, k, n) {
			return 0, false
		}
		for i := 0; i < k; i++ {
			key := idx(in, i) // before reading the receiver: it may allocate
			if !in.Set(self(a), key, a.Arg(i), true) {
				return 0, false
			}
		}
	}
	if !setLength(in, a, n+k) {
		return 0, false
	}
	return in.NewInt(n + k), true
}

func arraySlice(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "slice")
	if !ok {
		return 0, false
	}
	start, ok := relativeIndex(in, a.Arg(0), n, 0)
	if !ok {
		return 0, false
	}
	end, ok := relativeIndex(in, a.Arg(1), n, n)
	if !ok {
		return 0, false
	}
	out, ok := copyRange(in, a, start, max(end-start, 0))
	if !ok {
		return 0, false
	}
	return out.Value(), true
}

// copyRange returns a new array (ArraySpeciesCreate) of the receiver's
// count elements from start on, holes kept (slice, and the deleted part of
// splice).
func copyRange(in *interp.Interp, a interp.Args, start, count int) (heap.Handle, bool) {
	h := in.Heap()
	out, ok := arraySpeciesCreate(in, self(a), count)
	if !ok {
		return heap.Handle{}, false
	}
	for i := 0; i < count; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return heap.Handle{}, false
		}
		s := h.OpenScope()
		kh := in.HandleKey(idx(in, start+i)) // the name of an index past 2^32-2 may move
		found, ok := in.HasPropertyOK(self(a), kh.Key())
		if !ok {
			s.Close()
			return heap.Handle{}, false
		}
		if found {
			v, ok := in.Get(self(a), kh.Key())
			if !ok || !createAt(in, out, i, v) {
				s.Close()
				return heap.Handle{}, false
			}
		}
		s.Close()
	}
	if !setLengthOf(in, out, count) {
		return heap.Handle{}, false
	}
	return out, true
}

// spliceCounts reads splice's start and deleteCount arguments for a
// receiver of length n: the start, the count of elements removed and the
// count inserted; it throws the TypeError of a new length beyond 2^53-1.
func spliceCounts(in *interp.Interp, a interp.Args, n int) (start, del, items int, ok bool) {
	start, ok = relativeIndex(in, a.Arg(0), n, 0)
	if !ok {
		return 0, 0, 0, false
	}
	switch {
	case a.Len() == 0:
	case a.Len() == 1:
		del = n - start
	default:
		x, ok := in.ToIntegerOrInfinity(a.Arg(1))
		if !ok {
			return 0, 0, 0, false
		}
		del = int(min(max(x, 0), float64(n-start)))
	}
	items = max(a.Len()-2, 0)
	if n+items-del > jsnum.MaxSafeInteger {
		in.ThrowError(interp.TypeError, "Invalid array length")
		return 0, 0, 0, false
	}
	return start, del, items, true
}

func arraySplice(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "splice")
	if !ok {
		return 0, false
	}
	start, del, items, ok := spliceCounts(in, a, n)
	if !ok {
		return 0, false
	}
	removed, ok := copyRange(in, a, start, del)
	if !ok {
		return 0, false
	}
	if items != del {
		if !moveElements(in, self(a), start+del, start+items, n-start-del) {
			return 0, false
		}
		for i := n + items - del; i < n; i++ {
			if i&pollMask == 0 && !in.Poll() {
				return 0, false
			}
			key := idx(in, i) // before reading the receiver: it may allocate
			if _, ok := in.Delete(self(a), key, true); !ok {
				return 0, false
			}
		}
	}
	for i := 0; i < items; i++ {
		key := idx(in, start+i) // before reading the receiver: it may allocate
		if !in.Set(self(a), key, a.Arg(2+i), true) {
			return 0, false
		}
	}
	if !setLength(in, a, n-del+items) {
		return 0, false
	}
	return removed.Value(), true
}

func arrayConcat(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, ok := thisObject(in, a, "Array.prototype.concat")
	if !ok {
		return 0, false
	}
	a.SetSlot(interp.Scratch0, o)
	h := in.Heap()
	out, ok := arraySpeciesCreate(in, o, 0)
	if !ok {
		return 0, false
	}
	k := 0
	for i := -1; i < a.Len(); i++ {
		item := self(a)
		if i >= 0 {
			item = a.Arg(i)
		}
		ih := h.NewHandle(item)
		spread, ok := isConcatSpreadable(in, item)
		if !ok {
			return 0, false
		}
		if !spread {
			if k >= jsnum.MaxSafeInteger {
				return in.ThrowError(interp.TypeError, "Invalid array length")
			}
			if !createAt(in, out, k, ih.Value()) {
				return 0, false
			}
			k++
			continue
		}
		n, ok := lengthOfArrayLike(in, ih.Value())
		if !ok {
			return 0, false
		}
		if k+n > jsnum.MaxSafeInteger {
			return in.ThrowError(interp.TypeError, "Invalid array length")
		}
		for j := 0; j < n; j++ {
			if j&pollMask == 0 && !in.Poll() {
				return 0, false
			}
			s := h.OpenScope()
			kh := in.HandleKey(idx(in, j)) // the name of an index past 2^32-2 may move
			found, ok := in.HasPropertyOK(ih.Value(), kh.Key())
			if !ok {
				s.Close()
				return 0, false
			}
			if found {
				v, ok := in.Get(ih.Value(), kh.Key())
				if !ok || !createAt(in, out, k+j, v) {
					s.Close()
					return 0, false
				}
			}
			s.Close()
		}
		k += n
	}
	if !setLengthOf(in, out, k) {
		return 0, false
	}
	return out.Value(), true
}

// arrayJoin is Array.prototype.join; arrays being joined are tracked so a
// cyclic array joins as "" (as V8 does).
func (b *installer) arrayJoin(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "join")
	if !ok {
		return 0, false
	}
	sep := ","
	if s := a.Arg(0); s != in.Undefined() {
		if sep, ok = in.ToGoString(s); !ok {
			return 0, false
		}
	}
	return b.join(in, a, n, sep)
}

func (b *installer) join(in *interp.Interp, a interp.Args, n int, sep string) (layout.Value, bool) {
	return b.joinWith(in, a, n, sep, false)
}

// arrayToLocaleString is Array.prototype.toLocaleString (and
// %TypedArray%'s): the elements' toLocaleString() joined with ",".
func (b *installer) arrayToLocaleString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "toLocaleString")
	if !ok {
		return 0, false
	}
	return b.joinWith(in, a, n, ",", true)
}

// joinWith joins the receiver's n elements with sep; locale converts each
// with its toLocaleString method first.
func (b *installer) joinWith(in *interp.Interp, a interp.Args, n int, sep string, locale bool) (layout.Value, bool) {
	h := in.Heap()
	obj := self(a)
	for _, g := range b.joining {
		if v, _ := g.Value(); v == obj {
			return in.Factory().Roots.EmptyString, true
		}
	}
	g := h.NewGlobal(obj)
	b.joining = append(b.joining, g)
	defer func() {
		b.joining = b.joining[:len(b.joining)-1]
		g.Release()
	}()
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		if i > 0 {
			sb.WriteString(sep)
		}
		key := idx(in, i) // before reading the receiver: it may allocate
		v, ok := in.Get(self(a), key)
		if !ok {
			return 0, false
		}
		if in.IsNullish(v) {
			continue
		}
		if locale {
			s := h.OpenScope()
			vh := h.NewHandle(v)
			name := in.InternalizeGo("toLocaleString")
			m, ok := in.GetNamed(vh.Value(), name.Value())
			if ok && !in.IsCallable(m) {
				in.ThrowError(interp.TypeError, displayArg(in, m)+" is not a function")
				ok = false
			}
			if ok {
				v, ok = in.Call(m, vh.Value())
			}
			s.Close()
			if !ok {
				return 0, false
			}
		}
		s, ok := in.ToGoString(v)
		if !ok {
			return 0, false
		}
		sb.WriteString(s)
	}
	return in.StringValue(sb.String()), true
}

func (b *installer) arrayToString(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	o, ok := thisObject(in, a, "Array.prototype.toString")
	if !ok {
		return 0, false
	}
	a.SetSlot(interp.Scratch0, o)
	j, ok := in.GetName(o, interp.NameJoin)
	if !ok {
		return 0, false
	}
	if !in.IsCallable(j) {
		return objectToString(in, a)
	}
	return in.Call(j, self(a))
}

// reverseStep swaps the receiver's elements lo and hi in the order of the
// specification: has lo, get lo, has hi, get hi, then sets and deletes.
func reverseStep(in *interp.Interp, a interp.Args, lo, hi int) bool {
	h := in.Heap()
	lkh := in.HandleKey(idx(in, lo))
	hkh := in.HandleKey(idx(in, hi))
	lv, hv := h.NewHandle(in.Undefined()), h.NewHandle(in.Undefined())
	read := func(kh interp.KeyHandle, out heap.Handle) (bool, bool) {
		exists, ok := in.HasPropertyOK(self(a), kh.Key())
		if !ok || !exists {
			return false, ok
		}
		v, ok := in.Get(self(a), kh.Key())
		out.Set(v)
		return ok, ok
	}
	lExists, ok := read(lkh, lv)
	if !ok {
		return false
	}
	hExists, ok := read(hkh, hv)
	if !ok {
		return false
	}
	put := func(kh interp.KeyHandle, exists bool, v heap.Handle) bool {
		if exists {
			return in.Set(self(a), kh.Key(), v.Value(), true)
		}
		_, ok := in.Delete(self(a), kh.Key(), true)
		return ok
	}
	switch {
	case lExists && hExists, !lExists && hExists:
		return put(lkh, true, hv) && put(hkh, lExists, lv)
	case lExists:
		return put(lkh, false, hv) && put(hkh, true, lv)
	}
	return true
}

func arrayReverse(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "reverse")
	if !ok {
		return 0, false
	}
	h := in.Heap()
	for lo, hi := 0, n-1; lo < hi; lo, hi = lo+1, hi-1 {
		if lo&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		s := h.OpenScope()
		ok := reverseStep(in, a, lo, hi)
		s.Close()
		if !ok {
			return 0, false
		}
	}
	return self(a), true
}

func arrayIndexOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "indexOf")
	if !ok {
		return 0, false
	}
	if n == 0 {
		return layout.Smi(-1), true // fromIndex is not converted
	}
	start, ok := relativeIndex(in, a.Arg(1), n, 0)
	if !ok {
		return 0, false
	}
	return strictIndexOf(in, a, start, n, 1)
}

func arrayLastIndexOf(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "lastIndexOf")
	if !ok {
		return 0, false
	}
	if n == 0 {
		return layout.Smi(-1), true // fromIndex is not converted
	}
	start := n - 1
	if a.Len() > 1 {
		x, ok := in.ToIntegerOrInfinity(a.Arg(1))
		if !ok {
			return 0, false
		}
		if x < 0 {
			x += float64(n)
		}
		start = int(max(min(x, float64(n-1)), -1)) // -Infinity: no index
	}
	return strictIndexOf(in, a, start, n, -1)
}

// strictIndexOf is the search of indexOf (step 1) and lastIndexOf (step
// -1): the first index from start whose element is present and strictly
// equals the first argument, or -1.
func strictIndexOf(in *interp.Interp, a interp.Args, start, n, step int) (layout.Value, bool) {
	for i := start; i >= 0 && i < n; i += step {
		if i&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		kh := in.HandleKey(idx(in, i)) // the name of an index past 2^32-2 may move
		if found, ok := in.HasPropertyOK(self(a), kh.Key()); !ok {
			return 0, false
		} else if !found {
			continue
		}
		v, ok := in.Get(self(a), kh.Key())
		if !ok {
			return 0, false
		}
		if in.StrictEquals(v, a.Arg(0)) {
			return in.NewInt(i), true
		}
	}
	return layout.Smi(-1), true
}

func arrayIncludes(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "includes")
	if !ok {
		return 0, false
	}
	if n == 0 {
		return in.Bool(false), true // fromIndex is not converted
	}
	start, ok := relativeIndex(in, a.Arg(1), n, 0)
	if !ok {
		return 0, false
	}
	for i := start; i < n; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		key := idx(in, i) // before reading the receiver: it may allocate
		v, ok := in.Get(self(a), key)
		if !ok {
			return 0, false
		}
		if in.SameValueZero(v, a.Arg(0)) {
			return in.Bool(true), true
		}
	}
	return in.Bool(false), true
}

// callback checks that argument 0 is a function.
func callback(in *interp.Interp, a interp.Args) bool {
	if !in.IsCallable(a.Arg(0)) {
		in.ThrowError(interp.TypeError, displayArg(in, a.Arg(0))+" is not a function")
		return false
	}
	return true
}

// each calls visit(i, value, result) for each present element i, result
// being the callback's return; visit reports whether to stop.
func each(in *interp.Interp, a interp.Args, n int, skipHoles bool, visit func(i int, v, r layout.Value) (stop bool, ok bool)) bool {
	h := in.Heap()
	for i := 0; i < n; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return false
		}
		s := h.OpenScope()
		kh := in.HandleKey(idx(in, i)) // the name of an index past 2^32-2 may move
		if skipHoles {
			found, ok := in.HasPropertyOK(self(a), kh.Key())
			if !ok {
				s.Close()
				return false
			}
			if !found {
				s.Close()
				continue
			}
		}
		v, ok := in.Get(self(a), kh.Key())
		if !ok {
			s.Close()
			return false
		}
		vh := h.NewHandle(v)
		index := in.NewInt(i) // past the Smi range for array-likes: allocates
		r, ok := in.Call(a.Arg(0), a.Arg(1), vh.Value(), index, self(a))
		if !ok {
			s.Close()
			return false
		}
		stop, ok := visit(i, vh.Value(), r)
		s.Close()
		if !ok {
			return false
		}
		if stop {
			return true
		}
	}
	return true
}

func arrayForEach(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	return forEachOf(in, a, true)
}

// forEachOf is forEach; skipHoles is false for %TypedArray%'s, which has
// no holes: an element gone with a detached or shrunk buffer reads as
// undefined.
func forEachOf(in *interp.Interp, a interp.Args, skipHoles bool) (layout.Value, bool) {
	n, ok := receiver(in, a, "forEach")
	if !ok || !callback(in, a) {
		return 0, false
	}
	ok = each(in, a, n, skipHoles, func(int, layout.Value, layout.Value) (bool, bool) { return false, true })
	if !ok {
		return 0, false
	}
	return in.Undefined(), true
}

func arrayMap(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "map")
	if !ok || !callback(in, a) {
		return 0, false
	}
	out, ok := arraySpeciesCreate(in, self(a), n)
	if !ok {
		return 0, false
	}
	ok = each(in, a, n, true, func(i int, _ layout.Value, r layout.Value) (bool, bool) {
		return false, createAt(in, out, i, r)
	})
	if !ok {
		return 0, false
	}
	return out.Value(), true
}

func arrayFilter(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "filter")
	if !ok || !callback(in, a) {
		return 0, false
	}
	out, ok := arraySpeciesCreate(in, self(a), 0)
	if !ok {
		return 0, false
	}
	to := 0
	ok = each(in, a, n, true, func(i int, v layout.Value, r layout.Value) (bool, bool) {
		if in.ToBoolean(r) {
			if !createAt(in, out, to, v) {
				return false, false
			}
			to++
		}
		return false, true
	})
	if !ok {
		return 0, false
	}
	return out.Value(), true
}

func arraySomeEvery(in *interp.Interp, a interp.Args, some bool) (layout.Value, bool) {
	return someEvery(in, a, some, true)
}

// someEvery is some or every; skipHoles as forEachOf's.
func someEvery(in *interp.Interp, a interp.Args, some, skipHoles bool) (layout.Value, bool) {
	n, ok := receiver(in, a, "some")
	if !ok || !callback(in, a) {
		return 0, false
	}
	found := false
	ok = each(in, a, n, skipHoles, func(i int, v layout.Value, r layout.Value) (bool, bool) {
		if in.ToBoolean(r) == some {
			found = true
			return true, true
		}
		return false, true
	})
	if !ok {
		return 0, false
	}
	if some {
		return in.Bool(found), true
	}
	return in.Bool(!found), true
}

func arrayFind(in *interp.Interp, a interp.Args, index, last bool) (layout.Value, bool) {
	n, ok := receiver(in, a, "find")
	if !ok || !callback(in, a) {
		return 0, false
	}
	h := in.Heap()
	for j := 0; j < n; j++ {
		if j&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		i := j
		if last {
			i = n - 1 - j
		}
		s := h.OpenScope()
		key := idx(in, i) // before reading the receiver: it may allocate
		v, ok := in.Get(self(a), key)
		if !ok {
			s.Close()
			return 0, false
		}
		vh := h.NewHandle(v)
		iv := in.NewInt(i) // past the Smi range for array-likes: allocates
		r, ok := in.Call(a.Arg(0), a.Arg(1), vh.Value(), iv, self(a))
		if !ok {
			s.Close()
			return 0, false
		}
		if in.ToBoolean(r) {
			v := vh.Value()
			s.Close()
			if index {
				return in.NewInt(i), true
			}
			return v, true
		}
		s.Close()
	}
	if index {
		return layout.Smi(-1), true
	}
	return in.Undefined(), true
}

func arrayReduce(in *interp.Interp, a interp.Args, right bool) (layout.Value, bool) {
	return reduceOf(in, a, right, false)
}

// reduceOf is reduce or reduceRight; typed (%TypedArray%'s) visits every
// index, with no HasProperty.
func reduceOf(in *interp.Interp, a interp.Args, right, typed bool) (layout.Value, bool) {
	n, ok := receiver(in, a, "reduce")
	if !ok || !callback(in, a) {
		return 0, false
	}
	h := in.Heap()
	acc := h.NewHandle(in.Undefined())
	i, step, end := 0, 1, n
	if right {
		i, step, end = n-1, -1, -1
	}
	if a.Len() > 1 {
		acc.Set(a.Arg(1))
	} else {
		for ; i != end; i += step {
			if typed {
				break // no holes: the first element
			}
			kh := in.HandleKey(idx(in, i)) // the name of an index past 2^32-2 may move
			if found, ok := in.HasPropertyOK(self(a), kh.Key()); !ok {
				return 0, false
			} else if found {
				break
			}
			if i&pollMask == 0 && !in.Poll() {
				return 0, false
			}
		}
		if i == end {
			return in.ThrowError(interp.TypeError, "Reduce of empty array with no initial value")
		}
		key := idx(in, i) // before reading the receiver: it may allocate
		v, ok := in.Get(self(a), key)
		if !ok {
			return 0, false
		}
		acc.Set(v)
		i += step
	}
	for ; i != end; i += step {
		if i&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		s := h.OpenScope()
		kh := in.HandleKey(idx(in, i)) // the name of an index past 2^32-2 may move
		if !typed {
			found, ok := in.HasPropertyOK(self(a), kh.Key())
			if !ok {
				s.Close()
				return 0, false
			}
			if !found {
				s.Close()
				continue
			}
		}
		v, ok := in.Get(self(a), kh.Key())
		if !ok {
			s.Close()
			return 0, false
		}
		vh := h.NewHandle(v)
		index := in.NewInt(i) // past the Smi range for array-likes: allocates
		r, ok := in.Call(a.Arg(0), in.Undefined(), acc.Value(), vh.Value(), index, self(a))
		if !ok {
			s.Close()
			return 0, false
		}
		acc.Set(r)
		s.Close()
	}
	return acc.Value(), true
}

func arraySort(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	cmp := a.Arg(0)
	if cmp != in.Undefined() && !in.IsCallable(cmp) {
		return in.ThrowError(interp.TypeError, "The comparison function must be either a function or undefined")
	}
	n, ok := receiver(in, a, "sort")
	if !ok {
		return 0, false
	}
	h := in.Heap()
	// Collect the present values (undefined ones sort last, holes after).
	vals := in.NewArray(nil)
	undefs := 0
	for i := 0; i < n; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		s := h.OpenScope()
		kh := in.HandleKey(idx(in, i)) // the name of an index past 2^32-2 may move
		if in.HasProperty(self(a), kh.Key()) {
			v, ok := in.Get(self(a), kh.Key())
			if !ok {
				s.Close()
				return 0, false
			}
			if v == in.Undefined() {
				undefs++
			} else {
				in.PushValue(vals, v)
			}
		}
		s.Close()
	}
	m := int(in.ArrayLength(vals.Value()))
	var keys heap.Handle
	if cmp == in.Undefined() {
		// The default order compares the values' strings.
		keys = in.NewArray(nil)
		for i := 0; i < m; i++ {
			s, ok := in.ToString(in.Element(vals.Value(), uint32(i)))
			if !ok {
				return 0, false
			}
			in.PushValue(keys, s)
		}
	}
	perm := make([]int, m)
	for i := range perm {
		perm[i] = i
	}
	sorted := timSort(perm, func(i, j int) (float64, bool) {
		if cmp == in.Undefined() {
			return float64(in.CompareStrings(in.Element(keys.Value(), uint32(i)), in.Element(keys.Value(), uint32(j)))), true
		}
		r, ok := in.Call(a.Arg(0), in.Undefined(), in.Element(vals.Value(), uint32(i)), in.Element(vals.Value(), uint32(j)))
		if !ok {
			return 0, false
		}
		d, ok := in.ToFloat(r)
		if !ok {
			return 0, false
		}
		if d != d {
			d = 0
		}
		return d, true
	})
	if !sorted {
		return 0, false
	}
	for i, p := range perm {
		key := idx(in, i) // before reading the receiver: it may allocate
		if !in.Set(self(a), key, in.Element(vals.Value(), uint32(p)), true) {
			return 0, false
		}
	}
	for i := m; i < m+undefs; i++ {
		key := idx(in, i) // before reading the receiver: it may allocate
		if !in.Set(self(a), key, in.Undefined(), true) {
			return 0, false
		}
	}
	for i := m + undefs; i < n; i++ {
		key := idx(in, i) // before reading the receiver: it may allocate
		if _, ok := in.Delete(self(a), key, true); !ok {
			return 0, false
		}
	}
	return self(a), true
}

func arrayFill(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "fill")
	if !ok {
		return 0, false
	}
	start, ok := relativeIndex(in, a.Arg(1), n, 0)
	if !ok {
		return 0, false
	}
	end, ok := relativeIndex(in, a.Arg(2), n, n)
	if !ok {
		return 0, false
	}
	for i := start; i < end; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		key := idx(in, i) // before reading the receiver: it may allocate
		if !in.Set(self(a), key, a.Arg(0), true) {
			return 0, false
		}
	}
	return self(a), true
}

func arrayAt(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "at")
	if !ok {
		return 0, false
	}
	x, ok := in.ToIntegerOrInfinity(a.Arg(0))
	if !ok {
		return 0, false
	}
	if x < 0 {
		x += float64(n)
	}
	if x < 0 || x >= float64(n) {
		return in.Undefined(), true
	}
	key := idx(in, int(x)) // before reading the receiver: it may allocate
	return in.Get(self(a), key)
}

func arrayFlat(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "flat")
	if !ok {
		return 0, false
	}
	depth := 1.0
	if a.Arg(0) != in.Undefined() {
		d, ok := in.ToIntegerOrInfinity(a.Arg(0))
		if !ok {
			return 0, false
		}
		depth = max(d, 0)
	}
	out, ok := arraySpeciesCreate(in, self(a), 0)
	if !ok {
		return 0, false
	}
	src := in.Heap().NewHandle(self(a))
	if _, ok := flattenIntoArray(in, out, src, n, 0, depth, heap.Handle{}, heap.Handle{}); !ok {
		return 0, false
	}
	return out.Value(), true
}

func arrayFlatMap(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "flatMap")
	if !ok || !callback(in, a) {
		return 0, false
	}
	out, ok := arraySpeciesCreate(in, self(a), 0)
	if !ok {
		return 0, false
	}
	h := in.Heap()
	src, mapper, thisArg := h.NewHandle(self(a)), h.NewHandle(a.Arg(0)), h.NewHandle(a.Arg(1))
	if _, ok := flattenIntoArray(in, out, src, n, 0, 1, mapper, thisArg); !ok {
		return 0, false
	}
	return out.Value(), true
}

// toReversed, toSorted, toSpliced and with (ES2023): they return new
// arrays and leave the receiver alone.
func (b *installer) arrayES2023() {
	proto := b.intrinsic(interp.ArrayPrototype)
	b.methods(proto, []fn{
		{"toReversed", 0, arrayToReversed},
		{"toSorted", 1, arrayToSorted},
		{"toSpliced", 2, arrayToSpliced},
		{"with", 2, arrayWith},
	})
}

func arrayCopyWithin(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "copyWithin")
	if !ok {
		return 0, false
	}
	to, from, count, ok := copyWithinArgs(in, a, n)
	if !ok {
		return 0, false
	}
	if count > 0 && !moveElements(in, self(a), from, to, count) {
		return 0, false
	}
	return self(a), true
}

// copyOf returns a dense copy of the receiver's first n elements.
func copyOf(in *interp.Interp, a interp.Args, n int) (heap.Handle, bool) {
	return copyOfSkipping(in, a, n, -1)
}

// copyOfSkipping is copyOf that does not read index skip (undefined in the
// copy: `with` replaces it).
func copyOfSkipping(in *interp.Interp, a interp.Args, n, skip int) (heap.Handle, bool) {
	h := in.Heap()
	if n > jsnum.MaxArrayIndex+1 {
		in.ThrowError(interp.RangeError, "Invalid array length")
		return heap.Handle{}, false
	}
	out := in.NewArray(nil)
	for i := 0; i < n; i++ {
		if i&pollMask == 0 && !in.Poll() {
			return heap.Handle{}, false
		}
		if i == skip {
			in.PushValue(out, in.Undefined())
			continue
		}
		s := h.OpenScope()
		key := idx(in, i) // before reading the receiver: it may allocate
		v, ok := in.Get(self(a), key)
		if !ok {
			s.Close()
			return heap.Handle{}, false
		}
		in.PushValue(out, v)
		s.Close()
	}
	return out, true
}

func arrayToReversed(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "toReversed")
	if !ok {
		return 0, false
	}
	out, ok := arrayCreate(in, n)
	if !ok {
		return 0, false
	}
	h := in.Heap()
	for k := 0; k < n; k++ {
		if k&pollMask == 0 && !in.Poll() {
			return 0, false
		}
		s := h.OpenScope()
		kh := in.HandleKey(idx(in, n-1-k)) // from the end, as the specification reads
		v, ok := in.Get(self(a), kh.Key())
		if !ok || !createAt(in, out, k, v) {
			s.Close()
			return 0, false
		}
		s.Close()
	}
	return out.Value(), true
}

func arrayToSorted(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if cmp := a.Arg(0); cmp != in.Undefined() && !in.IsCallable(cmp) {
		return in.ThrowError(interp.TypeError, "The comparison function must be either a function or undefined")
	}
	n, ok := receiver(in, a, "toSorted")
	if !ok {
		return 0, false
	}
	out, ok := copyOf(in, a, n)
	if !ok {
		return 0, false
	}
	a.SetThis(out.Value())
	return arraySort(in, a)
}

func arrayToSpliced(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "toSpliced")
	if !ok {
		return 0, false
	}
	start, del, items, ok := spliceCounts(in, a, n)
	if !ok {
		return 0, false
	}
	newLen := n + items - del
	out, ok := arrayCreate(in, newLen)
	if !ok {
		return 0, false
	}
	h := in.Heap()
	// copy reads the receiver's element from into out[to]; the deleted
	// elements are never read.
	copyAt := func(to, from int) bool {
		if to&pollMask == 0 && !in.Poll() {
			return false
		}
		s := h.OpenScope()
		defer s.Close()
		kh := in.HandleKey(idx(in, from))
		v, ok := in.Get(self(a), kh.Key())
		return ok && createAt(in, out, to, v)
	}
	i := 0
	for ; i < start; i++ {
		if !copyAt(i, i) {
			return 0, false
		}
	}
	for j := 0; j < items; j++ {
		if !createAt(in, out, i, a.Arg(2+j)) {
			return 0, false
		}
		i++
	}
	for r := start + del; i < newLen; i, r = i+1, r+1 {
		if !copyAt(i, r) {
			return 0, false
		}
	}
	return out.Value(), true
}

func arrayWith(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	n, ok := receiver(in, a, "with")
	if !ok {
		return 0, false
	}
	x, ok := in.ToIntegerOrInfinity(a.Arg(0))
	if !ok {
		return 0, false
	}
	if x < 0 {
		x += float64(n)
	}
	if x < 0 || x >= float64(n) {
		return in.ThrowError(interp.RangeError, "Invalid index : "+displayArg(in, a.Arg(0)))
	}
	out, ok := copyOfSkipping(in, a, n, int(x))
	if !ok {
		return 0, false
	}
	key := idx(in, int(x)) // before reading the receiver: it may allocate
	if !in.Set(out.Value(), key, a.Arg(1), true) {
		return 0, false
	}
	return out.Value(), true
}

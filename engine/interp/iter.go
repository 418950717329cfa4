package interp

import (
	"github.com/sonde-js/sonde/engine/bytecode"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Iteration: for-in key lists, the iterator protocol (for-of, spread,
// destructuring) with a fast path for arrays whose iteration is unmodified.

// forInEnumerate returns a FixedArray of the enumerable string keys of obj
// and its prototypes, each once (a property shadowed further down the chain
// is skipped even when the shadowing one is not enumerable).
func (in *Interp) forInEnumerate(obj layout.Value) (layout.Value, bool) {
	h, f := in.h, in.f
	if in.IsNullish(obj) {
		return f.Roots.EmptyFixedArray, true
	}
	scope := h.OpenScope()
	defer scope.Close()
	var keys []string
	seen := map[string]bool{}
	if in.IsString(obj) {
		for i := 0; i < f.StringLength(obj); i++ {
			k := in.keyText(IndexKey(uint32(i)))
			keys = append(keys, k)
			seen[k] = true
		}
	}
	o, ok := in.ToObject(obj)
	if !ok {
		return 0, false
	}
	cur := h.NewHandle(o)
	for cur.Value() != in.null {
		if in.IsProxy(cur.Value()) {
			// A proxy's keys come from its ownKeys trap, unfiltered:
			// forInNext asks getOwnPropertyDescriptor as it goes, as V8.
			s := h.OpenScope()
			all, ok := in.OwnPropertyKeys(cur.Value())
			if !ok {
				return 0, false
			}
			for i := 0; i < f.Length(all.Value()); i++ {
				kv := f.Get(all.Value(), i)
				if !kv.IsSmi() && in.IsSymbol(kv) {
					continue
				}
				if k := in.ownKeyText(kv); !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
			p, ok := in.GetPrototypeOf(cur.Value())
			if !ok {
				return 0, false
			}
			s.Close()
			cur.Set(p)
			continue
		}
		all := in.WithBuiltinKeys(cur, in.WithTypedArrayIndices(cur, f.OwnKeys(cur, objects.SkipSymbols)), true)
		enum := in.WithBuiltinKeys(cur, in.WithTypedArrayIndices(cur, f.OwnKeys(cur, objects.SkipSymbols|objects.OnlyEnumerable)), true)
		enumSet := map[string]bool{}
		for i := 0; i < f.Length(enum.Value()); i++ {
			enumSet[in.ownKeyText(f.Get(enum.Value(), i))] = true
		}
		for i := 0; i < f.Length(all.Value()); i++ {
			k := in.ownKeyText(f.Get(all.Value(), i))
			if seen[k] {
				continue
			}
			seen[k] = true
			if enumSet[k] {
				keys = append(keys, k)
			}
		}
		cur.Set(in.prototypeOf(cur.Value()))
	}
	arr := f.NewFixedArray(len(keys), heap.NewSpace)
	for i, k := range keys {
		s := h.OpenScope()
		kh := f.InternalizeGo(k)
		f.Set(arr.Value(), i, kh.Value())
		s.Close()
	}
	return arr.Value(), true
}

// ownKeyText renders an OwnKeys entry (a name or a Smi index) as Go text.
func (in *Interp) ownKeyText(k layout.Value) string {
	if k.IsSmi() {
		return in.keyText(IndexKey(uint32(k.SmiValue())))
	}
	return in.f.StringToGo(k)
}

// forInNext returns the key at the index register (advancing it past keys
// deleted since the enumeration), or undefined when none is left.
func (in *Interp) forInNext(fp, objReg, idxReg, keysReg int) (layout.Value, bool) {
	f := in.f
	for {
		keys := in.stack[fp+keysReg]
		i := in.stack[fp+idxReg].SmiValue()
		if i >= f.Length(keys) {
			return in.undefined, true
		}
		k := in.stringKey(f.Get(keys, i))
		var found, ok bool
		if obj := in.stack[fp+objReg]; in.IsObject(obj) && (in.IsProxy(obj) || in.proxyOnChain(obj) != 0) {
			found, ok = in.hasEnumerableProperty(obj, k)
		} else {
			found, ok = in.HasPropertyOK(obj, k)
		}
		if !ok {
			return 0, false
		}
		if found {
			return f.Get(in.stack[fp+keysReg], i), true
		}
		in.stack[fp+idxReg] = layout.Smi(i + 1)
	}
}

// getIterator is GetIterator(v, sync): v[Symbol.iterator]().
func (in *Interp) getIterator(v layout.Value) (layout.Value, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	vh := h.NewHandle(v)
	if in.IsNullish(v) {
		return in.ThrowError(TypeError, in.displayValue(v)+" is not iterable (cannot read property Symbol(Symbol.iterator))")
	}
	m, ok := in.Get(v, NameKey(in.intrinsics[SymbolIterator]))
	if !ok {
		return 0, false
	}
	if !in.IsCallable(m) {
		return in.ThrowError(TypeError, in.calleeTextOrValue(vh.Value())+" is not iterable")
	}
	it, ok := in.Call(m, vh.Value())
	if !ok {
		return 0, false
	}
	if !in.IsObject(it) {
		return in.ThrowError(TypeError, "Result of the Symbol.iterator method is not an object")
	}
	return it, true
}

func (in *Interp) calleeTextOrValue(v layout.Value) string {
	if in.IsObject(v) && !in.IsCallable(v) {
		return "object"
	}
	return in.displayValue(v)
}

// iteratorClose calls iterator.return() if there is one. With suppress (an
// exception is already leaving the loop) errors it throws are ignored.
func (in *Interp) iteratorClose(it heap.Handle, suppress bool) (layout.Value, bool) {
	ret, ok := in.GetName(it.Value(), NameReturn)
	if !ok {
		if suppress {
			in.ClearException()
			return in.undefined, true
		}
		return 0, false
	}
	if in.IsNullish(ret) {
		return in.undefined, true
	}
	r, ok := in.Call(ret, it.Value())
	if suppress {
		if !ok {
			in.ClearException()
		}
		return in.undefined, true
	}
	if !ok {
		return 0, false
	}
	if !in.IsObject(r) {
		return in.ThrowError(TypeError, "Iterator result "+in.displayValue(r)+" is not an object")
	}
	return in.undefined, true
}

// iterableToArray collects the values of an iterable into an array (a new
// array; for an array with unmodified iteration, a copy made directly).
func (in *Interp) iterableToArray(v layout.Value) (heap.Handle, bool) {
	h, f := in.h, in.f
	if in.IsArray(v) && in.arrayIterationIsPristine(v) {
		return in.copyArray(h.NewHandle(v), 0), true
	}
	if in.IsString(v) {
		vh := h.NewHandle(v)
		units := f.StringToUTF16(vh.Value())
		arr := f.NewJSArray(len(units))
		for i := 0; i < len(units); i++ {
			n := 1
			if c := units[i]; c >= 0xD800 && c < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
				n = 2
			}
			s := h.OpenScope()
			f.ArrayPush(arr, f.NewStringFromUTF16(units[i:i+n], heap.NewSpace))
			s.Close()
			i += n - 1
		}
		return arr, true
	}
	itv, ok := in.getIterator(v)
	if !ok {
		return heap.Handle{}, false
	}
	it := h.NewHandle(itv)
	next, ok := in.GetName(it.Value(), NameNext)
	if !ok {
		return heap.Handle{}, false
	}
	nh := h.NewHandle(next)
	arr := f.NewJSArray(0)
	for {
		s := h.OpenScope()
		r, ok := in.Call(nh.Value(), it.Value())
		if !ok {
			s.Close()
			return heap.Handle{}, false
		}
		if !in.IsObject(r) {
			s.Close()
			in.throwErrorValue(TypeError, "Iterator result "+in.displayValue(r)+" is not an object")
			return heap.Handle{}, false
		}
		rh := h.NewHandle(r)
		done, ok := in.GetName(r, NameDone)
		if !ok {
			s.Close()
			return heap.Handle{}, false
		}
		if in.ToBoolean(done) {
			s.Close()
			return arr, true
		}
		val, ok := in.GetName(rh.Value(), NameValue)
		if !ok {
			s.Close()
			return heap.Handle{}, false
		}
		f.ArrayPush(arr, h.NewHandle(val))
		s.Close()
	}
}

// Iterate runs each on every value v's iterator produces, in order. When
// each returns false (an exception is pending) the iterator is closed (its
// return method called, errors from it ignored) and Iterate returns
// false. each receives a value valid until the next allocation, inside a
// handle scope of its own.
func (in *Interp) Iterate(v layout.Value, each func(value layout.Value) bool) bool {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	itv, ok := in.getIterator(v)
	if !ok {
		return false
	}
	return in.iterateIterator(h.NewHandle(itv), each)
}

// IterateMethod is Iterate with the iterator method already read (Array.from
// reads it once, then iterates with it).
func (in *Interp) IterateMethod(v, method layout.Value, each func(value layout.Value) bool) bool {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	if !in.IsCallable(method) {
		in.throwErrorValue(TypeError, in.calleeTextOrValue(v)+" is not iterable")
		return false
	}
	itv, ok := in.Call(method, v)
	if !ok {
		return false
	}
	if !in.IsObject(itv) {
		in.throwErrorValue(TypeError, "Result of the Symbol.iterator method is not an object")
		return false
	}
	return in.iterateIterator(h.NewHandle(itv), each)
}

// iterateIterator runs each over the values of the iterator it (see
// Iterate).
func (in *Interp) iterateIterator(it heap.Handle, each func(value layout.Value) bool) bool {
	h := in.h
	next, ok := in.GetName(it.Value(), NameNext)
	if !ok {
		return false
	}
	nh := h.NewHandle(next)
	for {
		s := h.OpenScope()
		r, ok := in.Call(nh.Value(), it.Value())
		if !ok {
			s.Close()
			return false
		}
		if !in.IsObject(r) {
			s.Close()
			in.throwErrorValue(TypeError, "Iterator result "+in.displayValue(r)+" is not an object")
			return false
		}
		rh := h.NewHandle(r)
		done, ok := in.GetName(r, NameDone)
		if !ok {
			s.Close()
			return false
		}
		if in.ToBoolean(done) {
			s.Close()
			return true
		}
		val, ok := in.GetName(rh.Value(), NameValue)
		if !ok {
			s.Close()
			return false
		}
		if !each(val) {
			exc := h.NewHandle(in.exception)
			terminating := in.terminating
			if !terminating {
				in.hasException = false
				in.iteratorClose(it, true)
				in.exception, in.hasException = exc.Value(), true
			}
			s.Close()
			return false
		}
		s.Close()
	}
}

// arrayIterationIsPristine reports whether iterating the array arr would
// run the builtin array iterator: no own Symbol.iterator, the builtin
// Array.prototype[Symbol.iterator] and %ArrayIteratorPrototype%.next.
func (in *Interp) arrayIterationIsPristine(arr layout.Value) bool {
	f := in.f
	if f.GetPrototype(arr) != in.intrinsics[ArrayPrototype] || f.NumberOfOwnDescriptors(f.MapOf(arr)) != 0 {
		return false
	}
	it, ok := f.GetProperty(in.intrinsics[ArrayPrototype], in.intrinsics[SymbolIterator])
	if !ok || it != in.intrinsics[ArrayValuesFunction] {
		return false
	}
	next, ok := f.GetProperty(in.intrinsics[ArrayIteratorPrototype], in.names[NameNext])
	return ok && next == in.intrinsics[ArrayIteratorNextFunction]
}

// createRegExp makes a RegExp object for a literal, through the builtins'
// hook.
func (in *Interp) createRegExp(pattern, flags layout.Value) (layout.Value, bool) {
	if in.NewRegExp == nil {
		return in.ThrowError(SyntaxError, "regular expressions are not supported yet")
	}
	return in.NewRegExp(in, pattern, flags)
}

var _ = bytecode.FrameHeaderSize

// iteratorRest collects the values an iterator has left, calling next
// until it reports done, into a new array.
func (in *Interp) iteratorRest(it, next heap.Handle) (layout.Value, bool) {
	h := in.h
	out := in.NewArray(nil)
	for {
		s := h.OpenScope()
		r, ok := in.Call(next.Value(), it.Value())
		if !ok {
			s.Close()
			return 0, false
		}
		if !in.IsObject(r) {
			s.Close()
			return in.ThrowError(TypeError, "Iterator result "+in.displayValue(r)+" is not an object")
		}
		rh := h.NewHandle(r)
		done, ok := in.GetName(r, NameDone)
		if !ok {
			s.Close()
			return 0, false
		}
		if in.ToBoolean(done) {
			s.Close()
			return out.Value(), true
		}
		v, ok := in.GetName(rh.Value(), NameValue)
		if !ok {
			s.Close()
			return 0, false
		}
		in.f.ArrayPush(out, h.NewHandle(v))
		s.Close()
	}
}

// hasEnumerableProperty is for-in's filter when proxies are involved, as
// V8's: along the chain, an ordinary object's own property counts as
// found; a proxy's getOwnPropertyDescriptor trap says whether it has the
// key (and if enumerable) or the walk goes on with its prototype.
func (in *Interp) hasEnumerableProperty(obj layout.Value, k Key) (bool, bool) {
	h := in.h
	scope := h.OpenScope()
	defer scope.Close()
	kh := in.HandleKey(k)
	cur := h.NewHandle(obj)
	for cur.Value() != in.null {
		if !in.IsProxy(cur.Value()) {
			if _, _, _, found := in.OwnProperty(cur.Value(), kh.Key()); found {
				return true, true
			}
			cur.Set(in.prototypeOf(cur.Value()))
			continue
		}
		d, found, ok := in.GetOwnPropertyDescriptor(cur.Value(), kh.Key())
		if !ok {
			return false, false
		}
		if found {
			return d.Enumerable, true
		}
		p, ok := in.GetPrototypeOf(cur.Value())
		if !ok {
			return false, false
		}
		cur.Set(p)
	}
	return false, true
}

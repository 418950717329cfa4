package builtins

import (
	"math"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Set.prototype's set-algebra methods (ES2025): union, intersection,
// difference, symmetricDifference, isSubsetOf, isSupersetOf,
// isDisjointFrom. The other operand is any set-like object: its size,
// has and keys are read once (GetSetRecord) and called as the spec says.

// setRecord is GetSetRecord's result, its values in handles.
type setRecord struct {
	obj, has, keys heap.Handle
	size           float64
}

// getSetRecord reads other's size, has and keys.
func getSetRecord(in *interp.Interp, other layout.Value) (setRecord, bool) {
	h := in.Heap()
	if !in.IsObject(other) {
		in.ThrowError(interp.TypeError, "The 'other' argument must be an object")
		return setRecord{}, false
	}
	r := setRecord{obj: h.NewHandle(other)}
	raw, ok := in.GetNamed(other, in.Factory().InternalizeGo("size").Value())
	if !ok {
		return r, false
	}
	n, ok := in.ToFloat(raw)
	if !ok {
		return r, false
	}
	if n != n {
		in.ThrowError(interp.TypeError, "The 'size' property must be a number")
		return r, false
	}
	n, ok = in.ToIntegerOrInfinity(in.NewNumber(n))
	if !ok {
		return r, false
	}
	if n < 0 {
		in.ThrowError(interp.RangeError, "'"+in.GoString(in.NumberToString(n))+"' is an invalid size")
		return r, false
	}
	r.size = n
	for _, m := range []struct {
		name string
		out  *heap.Handle
	}{{"has", &r.has}, {"keys", &r.keys}} {
		v, ok := in.GetNamed(r.obj.Value(), in.Factory().InternalizeGo(m.name).Value())
		if !ok {
			return r, false
		}
		if !in.IsCallable(v) {
			in.ThrowError(interp.TypeError, "The '"+m.name+"' property must be a function")
			return r, false
		}
		*m.out = h.NewHandle(v)
	}
	return r, true
}

// setSize is the number of elements of the Set o.
func setSize(in *interp.Interp, o layout.Value) float64 {
	t, _ := tableOf(in, o, setKind)
	return float64(in.Factory().Get(t, tblElements).SmiValue())
}

// setHasValue reports whether the Set o holds v.
func setHasValue(in *interp.Interp, o, v layout.Value) bool {
	t, _ := tableOf(in, o, setKind)
	return tableFind(in, t, v) >= 0
}

// setDeleteValue removes v from the Set o.
func setDeleteValue(in *interp.Interp, o, v layout.Value) {
	f := in.Factory()
	t, _ := tableOf(in, o, setKind)
	e := tableFind(in, t, v)
	if e < 0 {
		return
	}
	i := entryIndex(t, in, e)
	f.Set(t, i, in.Hole())
	f.Set(t, i+1, in.Undefined())
	f.Set(t, tblElements, layout.Smi(f.Get(t, tblElements).SmiValue()-1))
	f.Set(t, tblDeleted, layout.Smi(f.Get(t, tblDeleted).SmiValue()+1))
}

// newSetFrom makes a Set (with Set.prototype) holding the elements of the
// Set src, or none when src is 0.
func (b *installer) newSetFrom(in *interp.Interp, src layout.Value, hashes func() int) (heap.Handle, bool) {
	h, f := in.Heap(), in.Factory()
	sh := h.NewHandle(src)
	proto, ok := b.setProto.Value()
	if !ok {
		in.ThrowError(interp.TypeError, "Set.prototype is gone")
		return heap.Handle{}, false
	}
	obj := in.NewObject(proto)
	t := newTable(in, 2)
	f.DefineProperty(obj, h.NewHandle(in.Intrinsic(setKind.slot)), t, objects.AttrDontEnum)
	if sh.Value() != 0 {
		for e := 0; ; e++ {
			k, _, ok := entryAt(in, sh.Value(), setKind, e)
			if !ok {
				break
			}
			if k != in.Hole() {
				tableAdd(in, obj.Value(), setKind, k, k, hashes)
			}
		}
	}
	return obj, true
}

// eachThis calls visit for each element of the Set o, live (elements
// added meanwhile are visited, deleted ones skipped), until visit stops.
func eachThis(in *interp.Interp, o heap.Handle, visit func(v layout.Value) (stop, ok bool)) bool {
	h := in.Heap()
	for e := 0; ; e++ {
		k, _, found := entryAt(in, o.Value(), setKind, e)
		if !found {
			return true
		}
		if k == in.Hole() {
			continue
		}
		s := h.OpenScope()
		stop, ok := visit(k)
		s.Close()
		if !ok {
			return false
		}
		if stop {
			return true
		}
	}
}

// eachKey calls visit for each value of other.keys(), closing the
// iterator when visit stops early.
func eachKey(in *interp.Interp, r setRecord, visit func(v layout.Value) (stop, ok bool)) bool {
	h := in.Heap()
	scope := h.OpenScope()
	defer scope.Close()
	it, ok := in.Call(r.keys.Value(), r.obj.Value())
	if !ok {
		return false
	}
	if !in.IsObject(it) {
		in.ThrowError(interp.TypeError, "The result of 'keys' must be an object")
		return false
	}
	ith := h.NewHandle(it)
	next, ok := in.GetName(it, interp.NameNext)
	if !ok {
		return false
	}
	nh := h.NewHandle(next)
	for {
		s := h.OpenScope()
		res, ok := in.Call(nh.Value(), ith.Value())
		if !ok {
			s.Close()
			return false
		}
		if !in.IsObject(res) {
			s.Close()
			in.ThrowError(interp.TypeError, "Iterator result "+displayArg(in, res)+" is not an object")
			return false
		}
		rh := h.NewHandle(res)
		done, ok := in.GetName(res, interp.NameDone)
		if !ok {
			s.Close()
			return false
		}
		if in.ToBoolean(done) {
			s.Close()
			return true
		}
		v, ok := in.GetName(rh.Value(), interp.NameValue)
		if !ok {
			s.Close()
			return false
		}
		if in.IsNumber(v) && in.NumberValue(v) == 0 && math.Signbit(in.NumberValue(v)) {
			v = layout.Smi(0)
		}
		stop, ok := visit(v)
		if ok && stop {
			ret, ok2 := in.GetNamed(ith.Value(), in.Factory().InternalizeGo("return").Value())
			if ok2 && !in.IsNullish(ret) {
				_, ok2 = in.Call(ret, ith.Value())
			}
			s.Close()
			return ok2
		}
		s.Close()
		if !ok {
			return false
		}
	}
}

// otherHas calls other.has(v) and converts the answer to a boolean.
func otherHas(in *interp.Interp, r setRecord, v layout.Value) (bool, bool) {
	res, ok := in.Call(r.has.Value(), r.obj.Value(), v)
	if !ok {
		return false, false
	}
	return in.ToBoolean(res), true
}

func (b *installer) setAlgebra(hashes func() int) []fn {
	return []fn{
		{"union", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			r, ok := getSetRecord(in, a.Arg(0))
			if !ok {
				return 0, false
			}
			out, ok := b.newSetFrom(in, a.This(), hashes)
			if !ok {
				return 0, false
			}
			ok = eachKey(in, r, func(v layout.Value) (bool, bool) {
				tableAdd(in, out.Value(), setKind, v, v, hashes)
				return false, true
			})
			return out.Value(), ok
		}},
		{"intersection", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			r, ok := getSetRecord(in, a.Arg(0))
			if !ok {
				return 0, false
			}
			this := in.Handle(a.This())
			out, ok := b.newSetFrom(in, 0, hashes)
			if !ok {
				return 0, false
			}
			if setSize(in, this.Value()) <= r.size {
				ok = eachThis(in, this, func(v layout.Value) (bool, bool) {
					vh := in.Handle(v)
					has, ok := otherHas(in, r, v)
					if ok && has {
						tableAdd(in, out.Value(), setKind, vh.Value(), vh.Value(), hashes)
					}
					return false, ok
				})
			} else {
				ok = eachKey(in, r, func(v layout.Value) (bool, bool) {
					if setHasValue(in, this.Value(), v) {
						tableAdd(in, out.Value(), setKind, v, v, hashes)
					}
					return false, true
				})
			}
			return out.Value(), ok
		}},
		{"difference", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			r, ok := getSetRecord(in, a.Arg(0))
			if !ok {
				return 0, false
			}
			this := in.Handle(a.This())
			out, ok := b.newSetFrom(in, this.Value(), hashes)
			if !ok {
				return 0, false
			}
			if setSize(in, this.Value()) <= r.size {
				ok = eachThis(in, this, func(v layout.Value) (bool, bool) {
					vh := in.Handle(v)
					has, ok := otherHas(in, r, v)
					if ok && has {
						setDeleteValue(in, out.Value(), vh.Value())
					}
					return false, ok
				})
			} else {
				ok = eachKey(in, r, func(v layout.Value) (bool, bool) {
					setDeleteValue(in, out.Value(), v)
					return false, true
				})
			}
			return out.Value(), ok
		}},
		{"symmetricDifference", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			r, ok := getSetRecord(in, a.Arg(0))
			if !ok {
				return 0, false
			}
			this := in.Handle(a.This())
			out, ok := b.newSetFrom(in, this.Value(), hashes)
			if !ok {
				return 0, false
			}
			ok = eachKey(in, r, func(v layout.Value) (bool, bool) {
				if setHasValue(in, this.Value(), v) {
					setDeleteValue(in, out.Value(), v)
				} else {
					tableAdd(in, out.Value(), setKind, v, v, hashes)
				}
				return false, true
			})
			return out.Value(), ok
		}},
		{"isSubsetOf", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			r, ok := getSetRecord(in, a.Arg(0))
			if !ok {
				return 0, false
			}
			this := in.Handle(a.This())
			if setSize(in, this.Value()) > r.size {
				return in.Bool(false), true
			}
			result := true
			ok = eachThis(in, this, func(v layout.Value) (bool, bool) {
				has, ok := otherHas(in, r, v)
				if ok && !has {
					result = false
					return true, true
				}
				return false, ok
			})
			return in.Bool(result), ok
		}},
		{"isSupersetOf", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			r, ok := getSetRecord(in, a.Arg(0))
			if !ok {
				return 0, false
			}
			this := in.Handle(a.This())
			if setSize(in, this.Value()) < r.size {
				return in.Bool(false), true
			}
			result := true
			ok = eachKey(in, r, func(v layout.Value) (bool, bool) {
				if !setHasValue(in, this.Value(), v) {
					result = false
					return true, true
				}
				return false, true
			})
			return in.Bool(result), ok
		}},
		{"isDisjointFrom", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			r, ok := getSetRecord(in, a.Arg(0))
			if !ok {
				return 0, false
			}
			this := in.Handle(a.This())
			result := true
			if setSize(in, this.Value()) <= r.size {
				ok = eachThis(in, this, func(v layout.Value) (bool, bool) {
					has, ok := otherHas(in, r, v)
					if ok && has {
						result = false
						return true, true
					}
					return false, ok
				})
			} else {
				ok = eachKey(in, r, func(v layout.Value) (bool, bool) {
					if setHasValue(in, this.Value(), v) {
						result = false
						return true, true
					}
					return false, true
				})
			}
			return in.Bool(result), ok
		}},
	}
}

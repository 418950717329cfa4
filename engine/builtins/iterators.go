package builtins

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Array and string iterators: ordinary objects whose private slots hold the
// iterated object, the next index and the kind (keys, values, entries).

const (
	iterKeys = iota
	iterValues
	iterEntries
)

func (b *installer) iterators() {
	in := b.in
	iterProto := b.intrinsic(interp.IteratorPrototype)
	in.DefineSymbolFunction(iterProto, in.Intrinsic(interp.SymbolIterator), "[Symbol.iterator]", 0,
		func(in *interp.Interp, a interp.Args) (layout.Value, bool) { return a.This(), true })
	arrayIter := b.intrinsic(interp.ArrayIteratorPrototype)
	next := in.DefineFunction(arrayIter, "next", 0, arrayIteratorNext)
	in.SetIntrinsic(interp.ArrayIteratorNextFunction, next.Value())
	in.Factory().DefineProperty(arrayIter, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("Array Iterator"), objects.AttrReadOnly|objects.AttrDontEnum)
	stringIter := b.intrinsic(interp.StringIteratorPrototype)
	in.DefineFunction(stringIter, "next", 0, stringIteratorNext)
	in.Factory().DefineProperty(stringIter, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("String Iterator"), objects.AttrReadOnly|objects.AttrDontEnum)
}

// newIterator makes an iterator object over target.
func newIterator(in *interp.Interp, proto interp.Intrinsic, target layout.Value, kind int) layout.Value {
	h, f := in.Heap(), in.Factory()
	th := h.NewHandle(target)
	it := in.NewObject(in.Intrinsic(proto))
	def := func(slot interp.Intrinsic, v layout.Value) {
		f.DefineProperty(it, h.NewHandle(in.Intrinsic(slot)), h.NewHandle(v), objects.AttrDontEnum)
	}
	def(interp.PrivateIterated, th.Value())
	def(interp.PrivateIteratorIndex, layout.Smi(0))
	def(interp.PrivateIteratorKind, layout.Smi(kind))
	return it.Value()
}

func newArrayIterator(in *interp.Interp, a interp.Args, kind int) (layout.Value, bool) {
	o, ok := thisObject(in, a, "Array.prototype.values")
	if !ok {
		return 0, false
	}
	return newIterator(in, interp.ArrayIteratorPrototype, o, kind), true
}

// iterResult makes the {value, done} object of an iterator step.
func iterResult(in *interp.Interp, v layout.Value, done bool) layout.Value {
	h := in.Heap()
	vh := h.NewHandle(v)
	r := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	in.DefineOwn(r.Value(), interp.NameKey(in.Name(interp.NameValue)), vh.Value(), objects.AttrNone)
	in.DefineOwn(r.Value(), interp.NameKey(in.Name(interp.NameDone)), in.Bool(done), objects.AttrNone)
	return r.Value()
}

// iteratorState reads an iterator's slots, or reports that this is not one.
func iteratorState(in *interp.Interp, it layout.Value) (target layout.Value, index, kind int, ok bool) {
	if !in.IsObject(it) {
		return 0, 0, 0, false
	}
	f := in.Factory()
	target, ok = f.GetProperty(it, in.Intrinsic(interp.PrivateIterated))
	if !ok {
		return 0, 0, 0, false
	}
	i, _ := f.GetProperty(it, in.Intrinsic(interp.PrivateIteratorIndex))
	k, _ := f.GetProperty(it, in.Intrinsic(interp.PrivateIteratorKind))
	return target, i.SmiValue(), k.SmiValue(), true
}

func setIteratorIndex(in *interp.Interp, it layout.Value, i int, done bool) {
	h, f := in.Heap(), in.Factory()
	ih := h.NewHandle(it)
	f.DefineProperty(ih, h.NewHandle(in.Intrinsic(interp.PrivateIteratorIndex)), h.NewHandle(layout.Smi(i)), objects.AttrDontEnum)
	if done {
		f.DefineProperty(ih, h.NewHandle(in.Intrinsic(interp.PrivateIterated)), h.NewHandle(in.Undefined()), objects.AttrDontEnum)
	}
}

func arrayIteratorNext(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	target, i, kind, ok := iteratorState(in, a.This())
	if !ok {
		return in.ThrowError(interp.TypeError, "next method called on incompatible receiver "+displayArg(in, a.This()))
	}
	if target == in.Undefined() {
		return iterResult(in, in.Undefined(), true), true
	}
	a.SetSlot(interp.Scratch0, target)
	n, ok := lengthOf(in, target)
	if !ok {
		return 0, false
	}
	if i >= n {
		setIteratorIndex(in, a.This(), i, true)
		return iterResult(in, in.Undefined(), true), true
	}
	setIteratorIndex(in, a.This(), i+1, false)
	switch kind {
	case iterKeys:
		return iterResult(in, layout.Smi(i), false), true
	case iterValues:
		v, ok := in.Get(a.Slot(interp.Scratch0), interp.IndexKey(uint32(i)))
		if !ok {
			return 0, false
		}
		return iterResult(in, v, false), true
	}
	v, ok := in.Get(a.Slot(interp.Scratch0), interp.IndexKey(uint32(i)))
	if !ok {
		return 0, false
	}
	pair := in.NewArray([]layout.Value{layout.Smi(i), v})
	return iterResult(in, pair.Value(), false), true
}

func stringIteratorNext(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	target, i, _, ok := iteratorState(in, a.This())
	if !ok {
		return in.ThrowError(interp.TypeError, "next method called on incompatible receiver "+displayArg(in, a.This()))
	}
	if target == in.Undefined() {
		return iterResult(in, in.Undefined(), true), true
	}
	f := in.Factory()
	n := f.StringLength(target)
	if i >= n {
		setIteratorIndex(in, a.This(), i, true)
		return iterResult(in, in.Undefined(), true), true
	}
	c := f.CharCodeAt(target, i)
	size := 1
	if c >= 0xD800 && c < 0xDC00 && i+1 < n {
		if d := f.CharCodeAt(target, i+1); d >= 0xDC00 && d < 0xE000 {
			size = 2
		}
	}
	units := make([]uint16, size)
	for j := range units {
		units[j] = f.CharCodeAt(target, i+j)
	}
	setIteratorIndex(in, a.This(), i+size, false)
	s := in.Factory().NewStringFromUTF16(units, heap.NewSpace)
	return iterResult(in, s.Value(), false), true
}

// generators installs %GeneratorPrototype%: next, return and throw resume
// a generator object (interp.ResumeGenerator).
func (b *installer) generators() {
	in := b.in
	proto := b.intrinsic(interp.GeneratorPrototype)
	resume := func(mode int) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			v, done, ok := in.ResumeGenerator(a.This(), mode, a.Arg(0))
			if !ok {
				return 0, false
			}
			return iterResult(in, v, done), true
		}
	}
	b.methods(proto, []fn{
		{"next", 1, resume(interp.ResumeNext)},
		{"return", 1, resume(interp.ResumeReturn)},
		{"throw", 1, resume(interp.ResumeThrow)},
	})
	in.Factory().DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("Generator"), objects.AttrReadOnly|objects.AttrDontEnum)
}

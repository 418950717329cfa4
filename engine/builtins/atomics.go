package builtins

import (
	"encoding/binary"
	"math"
	"time"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Atomics. An isolate runs one agent, so every operation is already
// indivisible: the read-modify-write functions are plain reads and writes
// of the element's bytes, Atomics.wait can only find a different value or
// time out, and Atomics.notify never has a waiter to wake. The validation
// order and messages are the spec's and V8's (ValidateIntegerTypedArray,
// ValidateAtomicAccess, then the value conversions, then revalidation).

// atomicOp combines an element's old bits with the operand's.
type atomicOp func(old, v uint64) uint64

func (b *installer) atomics() {
	in := b.in
	obj := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	in.DefineValue(b.global, "Atomics", obj, objects.AttrDontEnum)
	rmw := func(name string, op atomicOp) fn {
		return fn{name, 3, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return atomicReadModifyWrite(in, a, "Atomics."+name, op)
		}}
	}
	b.methods(obj, []fn{
		{"load", 2, atomicsLoad},
		{"store", 3, atomicsStore},
		rmw("add", func(old, v uint64) uint64 { return old + v }),
		rmw("sub", func(old, v uint64) uint64 { return old - v }),
		rmw("and", func(old, v uint64) uint64 { return old & v }),
		rmw("or", func(old, v uint64) uint64 { return old | v }),
		rmw("xor", func(old, v uint64) uint64 { return old ^ v }),
		rmw("exchange", func(_, v uint64) uint64 { return v }),
		{"compareExchange", 4, atomicsCompareExchange},
		{"isLockFree", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			n, ok := in.ToIntegerOrInfinity(a.Arg(0))
			if !ok {
				return 0, false
			}
			return in.Bool(n == 1 || n == 2 || n == 4 || n == 8), true
		}},
		{"wait", 4, atomicsWait},
		{"notify", 3, atomicsNotify},
	})
	in.Factory().DefineProperty(obj, in.Handle(in.Intrinsic(interp.SymbolToStringTag)), in.InternalizeGo("Atomics"), objects.AttrReadOnly|objects.AttrDontEnum)
}

// atomicsReceiverText renders a bad first argument as V8's messages do.
func atomicsReceiverText(in *interp.Interp, v layout.Value) string {
	switch {
	case in.IsTypedArray(v):
		return "[object " + in.TypedArrayKindOf(v).Name() + "]"
	case in.IsArray(v):
		return "[object Array]"
	}
	return displayArg(in, v)
}

// validateIntegerTypedArray is ValidateIntegerTypedArray: v must be an
// in-bounds typed array of an integer kind (waitable: Int32Array or
// BigInt64Array).
func validateIntegerTypedArray(in *interp.Interp, v layout.Value, method string, waitable bool) bool {
	msg := " is not an integer typed array."
	if waitable {
		msg = " is not an int32 or BigInt64 typed array."
	}
	if !in.IsTypedArray(v) {
		in.ThrowError(interp.TypeError, atomicsReceiverText(in, v)+msg)
		return false
	}
	if _, oob := in.TypedArrayLength(v); oob {
		in.ThrowError(interp.TypeError, "Cannot perform "+method+" on a detached ArrayBuffer")
		return false
	}
	k := in.TypedArrayKindOf(v)
	var good bool
	if waitable {
		good = k == interp.Int32Kind || k == interp.BigInt64Kind
	} else {
		good = k != interp.Float32Kind && k != interp.Float64Kind && k != interp.Uint8ClampedKind
	}
	if !good {
		in.ThrowError(interp.TypeError, atomicsReceiverText(in, v)+msg)
		return false
	}
	return true
}

// atomicAccess validates the typed array and index arguments that every
// Atomics operation but wait starts with, and returns the array (in a
// handle) and the index.
func atomicAccess(in *interp.Interp, a interp.Args, method string, waitable bool) (heap.Handle, int, bool) {
	if !validateIntegerTypedArray(in, a.Arg(0), method, waitable) {
		return heap.Handle{}, 0, false
	}
	ta := in.Handle(a.Arg(0))
	i, ok := validateAtomicAccess(in, ta, a.Arg(1))
	return ta, i, ok
}

// elementMask keeps an operand's bits that fit an element of kind k.
func elementMask(k interp.TypedArrayKind) uint64 {
	if k.Size() < 8 {
		return 1<<(8*k.Size()) - 1
	}
	return math.MaxUint64
}

// validateAtomicAccess is ValidateAtomicAccess: the index ToIndex'd and
// below the array's length.
func validateAtomicAccess(in *interp.Interp, ta heap.Handle, idx layout.Value) (int, bool) {
	n, _ := in.TypedArrayLength(ta.Value()) // the length before the index's conversion
	x, ok := in.ToIntegerOrInfinity(idx)
	if !ok {
		return 0, false
	}
	if x < 0 || x >= float64(n) {
		in.ThrowError(interp.RangeError, "Invalid atomic access index")
		return 0, false
	}
	return int(x), true
}

// revalidateAtomicAccess checks again after the value conversions (which
// may run code that detaches or shrinks the buffer), and returns the
// element's bytes. An index the shrunk array no longer has is a TypeError,
// as in V8 (the spec says RangeError).
func revalidateAtomicAccess(in *interp.Interp, ta heap.Handle, i int, method string) ([]byte, bool) {
	n, oob := in.TypedArrayLength(ta.Value())
	if oob || i >= n {
		in.ThrowError(interp.TypeError, "Cannot perform "+method+" on a detached ArrayBuffer")
		return nil, false
	}
	k := in.TypedArrayKindOf(ta.Value())
	return in.TypedArrayBytes(ta.Value())[i*k.Size():][:k.Size()], true
}

// atomicOperand converts a value for an element of kind k: its bits as
// the element stores them, and the value the conversion produced.
func atomicOperand(in *interp.Interp, k interp.TypedArrayKind, v layout.Value) (uint64, layout.Value, bool) {
	if k.IsBigInt() {
		b, ok := in.ToBigInt(v)
		if !ok {
			return 0, 0, false
		}
		return in.BigIntWord(b), b, true
	}
	x, ok := in.ToIntegerOrInfinity(v)
	if !ok {
		return 0, 0, false
	}
	var buf [8]byte
	interp.WriteElement(k, buf[:], x, true)
	return binary.LittleEndian.Uint64(buf[:]), in.NewNumber(x + 0), true // + 0: -0 is +0
}

// readBits returns an element's bits (little-endian, as the host stores).
func readBits(el []byte) uint64 {
	var buf [8]byte
	copy(buf[:], el)
	return binary.LittleEndian.Uint64(buf[:])
}

func writeBits(el []byte, w uint64) {
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], w)
	copy(el, buf[:])
}

// elementValue is the JS value of an element of kind k with bits w.
func elementValue(in *interp.Interp, k interp.TypedArrayKind, w uint64) (layout.Value, bool) {
	if k.IsBigInt() {
		return in.NewBigIntFromWord(k, w)
	}
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], w)
	return in.NewNumber(interp.ReadElement(k, buf[:], true)), true
}

func atomicReadModifyWrite(in *interp.Interp, a interp.Args, method string, op atomicOp) (layout.Value, bool) {
	ta, i, ok := atomicAccess(in, a, method, false)
	if !ok {
		return 0, false
	}
	k := in.TypedArrayKindOf(ta.Value())
	w, _, ok := atomicOperand(in, k, a.Arg(2))
	if !ok {
		return 0, false
	}
	el, ok := revalidateAtomicAccess(in, ta, i, method)
	if !ok {
		return 0, false
	}
	old := readBits(el)
	writeBits(el, op(old, w))
	return elementValue(in, k, old)
}

func atomicsLoad(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	ta, i, ok := atomicAccess(in, a, "Atomics.load", false)
	if !ok {
		return 0, false
	}
	el, ok := revalidateAtomicAccess(in, ta, i, "Atomics.load")
	if !ok {
		return 0, false
	}
	return elementValue(in, in.TypedArrayKindOf(ta.Value()), readBits(el))
}

// atomicsStore is Atomics.store: it returns the converted value, not the
// stored (wrapped) one.
func atomicsStore(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	ta, i, ok := atomicAccess(in, a, "Atomics.store", false)
	if !ok {
		return 0, false
	}
	w, v, ok := atomicOperand(in, in.TypedArrayKindOf(ta.Value()), a.Arg(2))
	if !ok {
		return 0, false
	}
	vh := in.Handle(v)
	el, ok := revalidateAtomicAccess(in, ta, i, "Atomics.store")
	if !ok {
		return 0, false
	}
	writeBits(el, w)
	return vh.Value(), true
}

func atomicsCompareExchange(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	const method = "Atomics.compareExchange"
	ta, i, ok := atomicAccess(in, a, method, false)
	if !ok {
		return 0, false
	}
	k := in.TypedArrayKindOf(ta.Value())
	ew, _, ok := atomicOperand(in, k, a.Arg(2))
	if !ok {
		return 0, false
	}
	rw, _, ok := atomicOperand(in, k, a.Arg(3))
	if !ok {
		return 0, false
	}
	el, ok := revalidateAtomicAccess(in, ta, i, method)
	if !ok {
		return 0, false
	}
	old := readBits(el)
	if old == ew&elementMask(k) {
		writeBits(el, rw)
	}
	return elementValue(in, k, old)
}

// atomicsWait is Atomics.wait on the main (only) agent, which may block as
// node's main thread may: nothing can notify it, so it returns
// "not-equal" or sleeps the whole timeout and returns "timed-out".
func atomicsWait(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	const method = "Atomics.wait"
	if !validateIntegerTypedArray(in, a.Arg(0), method, true) {
		return 0, false
	}
	ta := in.Handle(a.Arg(0))
	val, timeout := in.Handle(a.Arg(2)), in.Handle(a.Arg(3))
	if !in.IsSharedArrayBuffer(in.ViewBuffer(ta.Value())) {
		return in.ThrowError(interp.TypeError, atomicsReceiverText(in, ta.Value())+" is not a shared typed array.")
	}
	i, ok := validateAtomicAccess(in, ta, a.Arg(1))
	if !ok {
		return 0, false
	}
	k := in.TypedArrayKindOf(ta.Value())
	w, _, ok := atomicOperand(in, k, val.Value())
	if !ok {
		return 0, false
	}
	t := math.Inf(1)
	if timeout.Value() != in.Undefined() {
		q, ok := in.ToFloat(timeout.Value())
		if !ok {
			return 0, false
		}
		if !math.IsNaN(q) {
			t = max(q, 0)
		}
	}
	// A shared buffer is never detached and never shrinks.
	el := in.TypedArrayBytes(ta.Value())[i*k.Size():][:k.Size()]
	if readBits(el) != w&elementMask(k) {
		return in.InternalizeGo("not-equal").Value(), true
	}
	sleepTimeout(t)
	return in.InternalizeGo("timed-out").Value(), true
}

// sleepTimeout blocks for t milliseconds (+Inf: for ever, as a lone agent
// waiting without a timeout does in V8).
func sleepTimeout(t float64) {
	for t > 0 {
		d := min(t, float64(time.Hour/time.Millisecond))
		time.Sleep(time.Duration(d * float64(time.Millisecond)))
		if !math.IsInf(t, 1) {
			t -= d
		}
	}
}

// atomicsNotify is Atomics.notify: validated as V8 does, and with one
// agent there is never a waiter, so it wakes none.
func atomicsNotify(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	const method = "Atomics.notify"
	if _, _, ok := atomicAccess(in, a, method, true); !ok {
		return 0, false
	}
	if count := a.Arg(2); count != in.Undefined() {
		if _, ok := in.ToIntegerOrInfinity(count); !ok {
			return 0, false
		}
	}
	return layout.Smi(0), true
}

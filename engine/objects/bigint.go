package objects

import (
	"encoding/binary"
	"math/big"
	"math/bits"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// BigInts are immutable heap objects: a bitfield (digit count and sign) and
// the magnitude's 64-bit digits, least significant first (layout.BigInt*).
// Arithmetic happens in Go (math/big) on values read out of the heap; the
// result is written back as a new object.

// NewBigInt allocates a BigInt holding x in the new space. x is not kept.
func (f *Factory) NewBigInt(x *big.Int) heap.Handle {
	h := f.H
	words := x.Bits()
	n := len(words)
	for n > 0 && words[n-1] == 0 {
		n--
	}
	a := h.AllocateYoung(layout.BigIntHeaderSize + 8*uint32(n))
	h.SetField(a, layout.MapOffset, f.Roots.BigIntMap)
	sign := 0
	if x.Sign() < 0 {
		sign = 1
	}
	h.SetField(a, layout.BigIntBitfieldOffset, layout.Smi(n<<1|sign))
	clear(h.Bytes(a, layout.BigIntTaggedEnd, layout.BigIntDigitsOffset-layout.BigIntTaggedEnd))
	if n > 0 {
		body := h.Bytes(a, layout.BigIntDigitsOffset, 8*uint32(n))
		for i := 0; i < n; i++ {
			binary.LittleEndian.PutUint64(body[8*i:], uint64(words[i]))
		}
	}
	return h.HandleAddr(a)
}

// NewBigIntFromInt64 allocates a BigInt holding i.
func (f *Factory) NewBigIntFromInt64(i int64) heap.Handle { return f.NewBigInt(big.NewInt(i)) }

// IsBigInt reports whether v is a BigInt.
func (f *Factory) IsBigInt(v layout.Value) bool {
	return v.IsHeapObject() && f.H.Field(v.Addr(), layout.MapOffset) == f.Roots.BigIntMap
}

// BigIntLength returns the number of 64-bit digits of the BigInt b.
func (f *Factory) BigIntLength(b layout.Value) int {
	return f.H.Field(b.Addr(), layout.BigIntBitfieldOffset).SmiValue() >> 1
}

// BigIntSign returns -1, 0 or 1.
func (f *Factory) BigIntSign(b layout.Value) int {
	bf := f.H.Field(b.Addr(), layout.BigIntBitfieldOffset).SmiValue()
	switch {
	case bf>>1 == 0:
		return 0
	case bf&1 != 0:
		return -1
	}
	return 1
}

// BigIntValue returns the value of the BigInt b as a new Go big.Int.
func (f *Factory) BigIntValue(b layout.Value) *big.Int {
	n := f.BigIntLength(b)
	x := new(big.Int)
	if n == 0 {
		return x
	}
	body := f.H.Bytes(b.Addr(), layout.BigIntDigitsOffset, 8*uint32(n))
	if bits.UintSize == 64 {
		words := make([]big.Word, n)
		for i := range words {
			words[i] = big.Word(binary.LittleEndian.Uint64(body[8*i:]))
		}
		x.SetBits(words)
	} else {
		be := make([]byte, 8*n)
		for i := 0; i < 8*n; i++ {
			be[8*n-1-i] = body[i]
		}
		x.SetBytes(be)
	}
	if f.BigIntSign(b) < 0 {
		x.Neg(x)
	}
	return x
}

// BigIntEquals compares two BigInts by value without allocating.
func (f *Factory) BigIntEquals(a, b layout.Value) bool {
	h := f.H
	if h.Field(a.Addr(), layout.BigIntBitfieldOffset) != h.Field(b.Addr(), layout.BigIntBitfieldOffset) {
		return false
	}
	n := uint32(f.BigIntLength(a))
	return string(h.Bytes(a.Addr(), layout.BigIntDigitsOffset, 8*n)) == string(h.Bytes(b.Addr(), layout.BigIntDigitsOffset, 8*n))
}

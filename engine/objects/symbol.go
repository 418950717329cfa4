package objects

import (
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Symbols are property keys with identity: their hash is drawn from a
// per-factory pseudo-random sequence when they are made, not from their
// description.

// Symbol flags (V8's Symbol::flags bits).
const (
	// SymbolIsPrivate marks a private symbol: a key invisible to JavaScript
	// reflection, used by the engine for internal slots.
	SymbolIsPrivate = 1 << 0
)

// symbolRandomSeed starts each factory's symbol-hash sequence, so hashes are
// reproducible from run to run.
const symbolRandomSeed = 0x2545f491

// nextSymbolHash returns the next hash field of the symbol-hash sequence
// (xorshift32): a Smi, never 0.
func (f *Factory) nextSymbolHash() layout.Value {
	x := f.strings.symbolRandom
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	f.strings.symbolRandom = x
	return finishHash(x)
}

// NewSymbol allocates a symbol in the old space. description is a string or
// the Undefined root; a nil handle means undefined.
func (f *Factory) NewSymbol(description heap.Handle) heap.Handle {
	return f.newSymbol(description, 0)
}

// NewPrivateSymbol allocates a private symbol (see SymbolIsPrivate).
func (f *Factory) NewPrivateSymbol(description heap.Handle) heap.Handle {
	return f.newSymbol(description, SymbolIsPrivate)
}

func (f *Factory) newSymbol(description heap.Handle, flags int) heap.Handle {
	h := f.H
	if !description.IsNil() {
		if d := description.Value(); d != f.Roots.Undefined && !f.IsString(d) {
			panic("objects: symbol description is neither a string nor undefined")
		}
	}
	a := h.Allocate(heap.OldSpace, layout.SymbolSize)
	d := f.Roots.Undefined
	if !description.IsNil() {
		d = description.Value()
	}
	h.SetField(a, layout.MapOffset, f.Roots.SymbolMap)
	h.SetField(a, layout.NameRawHashOffset, f.nextSymbolHash())
	h.SetField(a, layout.SymbolFlagsOffset, layout.Smi(flags))
	h.SetField(a, layout.SymbolDescriptionOffset, d)
	return h.HandleAddr(a)
}

// IsSymbol reports whether v is a symbol.
func (f *Factory) IsSymbol(v layout.Value) bool { return f.Is(v, layout.SymbolType) }

// IsName reports whether v is a string or a symbol: a property key.
func (f *Factory) IsName(v layout.Value) bool {
	return v.IsHeapObject() && f.H.InstanceType(v.Addr()).IsName()
}

// SymbolDescription returns the description of the symbol v: a string or
// undefined.
func (f *Factory) SymbolDescription(v layout.Value) layout.Value {
	return f.H.Field(v.Addr(), layout.SymbolDescriptionOffset)
}

// SymbolFlags returns the flag bits of the symbol v.
func (f *Factory) SymbolFlags(v layout.Value) int {
	return f.H.Field(v.Addr(), layout.SymbolFlagsOffset).SmiValue()
}

// IsPrivateSymbol reports whether v is a private symbol.
func (f *Factory) IsPrivateSymbol(v layout.Value) bool {
	return f.IsSymbol(v) && f.SymbolFlags(v)&SymbolIsPrivate != 0
}

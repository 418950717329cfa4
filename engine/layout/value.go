// Package layout fixes how values and objects are laid out in the engine's heap:
// the tagged value encoding, instance types, visitor ids and the field offsets of
// every object kind. It is a leaf package shared by the heap (which must find the
// size and the pointer fields of any object) and by the object model above it.
package layout

// Value is a tagged 32-bit heap value: a small integer (Smi, low bit 0) or a
// reference to a heap object (low bit 1, the rest its offset in the cage).
type Value uint32

// Addr is the untagged offset of an object's first byte in the pointer cage.
type Addr uint32

const (
	// TaggedSize is the size of a tagged slot in bytes.
	TaggedSize = 4
	// ObjectAlignment is the alignment of every object start and size.
	ObjectAlignment = 4
	// HeapObjectTag marks a Value as a heap reference.
	HeapObjectTag = 1

	// SmiMin and SmiMax bound the integers a Smi can hold (31 bits).
	SmiMin = -(1 << 30)
	SmiMax = 1<<30 - 1
)

// Smi encodes i as a small integer. i must lie in [SmiMin, SmiMax].
func Smi(i int) Value { return Value(uint32(int32(i)) << 1) }

// IsSmi reports whether v holds a small integer.
func (v Value) IsSmi() bool { return v&1 == 0 }

// IsHeapObject reports whether v refers to a heap object.
func (v Value) IsHeapObject() bool { return v&1 == 1 }

// SmiValue decodes a small integer. v must be a Smi.
func (v Value) SmiValue() int { return int(int32(v) >> 1) }

// Addr returns the address of the object v refers to. v must be a heap object.
func (v Value) Addr() Addr { return Addr(v - HeapObjectTag) }

// Value returns the tagged reference to the object at a.
func (a Addr) Value() Value { return Value(a + HeapObjectTag) }

// FitsSmi reports whether i can be encoded as a Smi.
func FitsSmi(i int) bool { return i >= SmiMin && i <= SmiMax }

// AlignObject rounds n up to the object alignment.
func AlignObject(n uint32) uint32 { return (n + ObjectAlignment - 1) &^ (ObjectAlignment - 1) }

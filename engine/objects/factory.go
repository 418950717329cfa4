// Package objects is the engine's object model on top of its heap: maps
// (hidden classes), JavaScript objects with their properties and elements,
// strings, numbers, oddballs, symbols and the function-side types
// (SharedFunctionInfo, FeedbackCell, FeedbackVector, BytecodeArray, Context,
// Script). A Factory creates them on one heap and holds the root table.
//
// Handle discipline: a function that may allocate takes the heap values it
// needs after allocating as heap.Handle and returns a heap.Handle created in
// the caller's innermost scope. Functions that do not allocate take and
// return layout.Value.
package objects

import (
	"fmt"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// Factory creates and reads the objects of one heap and owns its root table.
type Factory struct {
	H *heap.Heap
	// Roots are the read-only objects every isolate starts with.
	Roots Roots

	strings   stringState
	objects   objectState
	functions functionState
}

// Roots is the table of immortal, immutable objects, all in the read-only
// space (they never move, so plain Values are safe to keep).
type Roots struct {
	MetaMap, FreeSpaceMap, FillerMap layout.Value

	FixedArrayMap, ByteArrayMap, HeapNumberMap                           layout.Value
	BigIntMap                                                            layout.Value
	UndefinedMap, NullMap, BooleanMap, TheHoleMap                        layout.Value
	InternalizedOneByteStringMap, InternalizedTwoByteStringMap           layout.Value
	SeqOneByteStringMap, SeqTwoByteStringMap                             layout.Value
	ConsOneByteStringMap, ConsTwoByteStringMap                           layout.Value
	SymbolMap                                                            layout.Value
	DescriptorArrayMap, TransitionArrayMap, PropertyArrayMap             layout.Value
	NameDictionaryMap, ScopeInfoMap                                      layout.Value
	SharedFunctionInfoMap, ScriptMap, FeedbackCellMap, FeedbackVectorMap layout.Value
	AccessorPairMap                                                      layout.Value
	BytecodeArrayMap                                                     layout.Value
	FunctionContextMap, BlockContextMap, NativeContextMap                layout.Value

	Undefined, Null, True, False, TheHole layout.Value
	EmptyString, EmptyFixedArray          layout.Value
	NaN                                   layout.Value // the HeapNumber undefined converts to
}

// Oddball kinds, V8's numbering.
const (
	OddballFalse     = 0
	OddballTrue      = 1
	OddballTheHole   = 2
	OddballNull      = 3
	OddballUndefined = 5
)

// New creates a factory on h and builds the read-only roots, then seals the
// read-only space.
func New(h *heap.Heap) (*Factory, error) {
	f := &Factory{H: h}
	f.bootstrap()
	f.setUpStrings()
	f.setUpObjects()
	f.setUpFunctions()
	if err := h.Seal(); err != nil {
		return nil, fmt.Errorf("create object factory: %w", err)
	}
	return f, nil
}

func (f *Factory) bootstrap() {
	h := f.H
	r := &f.Roots
	r.MetaMap, r.FreeSpaceMap, r.FillerMap = h.MetaMap().Value(), h.FreeSpaceMap().Value(), h.FillerMap().Value()
	m := func(t layout.InstanceType, v layout.VisitorID, size, taggedEnd uint32) layout.Value {
		return h.NewReadOnlyMap(t, v, size, taggedEnd).Value()
	}
	arr := func(t layout.InstanceType) layout.Value {
		return m(t, layout.VisitTaggedArray, 0, layout.FixedArrayHeaderSize)
	}
	r.FixedArrayMap = arr(layout.FixedArrayType)
	r.ByteArrayMap = m(layout.ByteArrayType, layout.VisitByteArray, 0, 0)
	r.HeapNumberMap = m(layout.HeapNumberType, layout.VisitTaggedRawTail, layout.HeapNumberSize, layout.HeaderSize)
	r.BigIntMap = m(layout.BigIntType, layout.VisitBigInt, 0, layout.BigIntTaggedEnd)
	oddball := func() layout.Value {
		return m(layout.OddballType, layout.VisitTaggedRawTail, layout.OddballSize, layout.OddballTaggedEnd)
	}
	r.UndefinedMap, r.NullMap, r.BooleanMap, r.TheHoleMap = oddball(), oddball(), oddball(), oddball()
	r.InternalizedOneByteStringMap = m(layout.InternalizedOneByteStringType, layout.VisitSeqOneByteString, 0, 0)
	r.InternalizedTwoByteStringMap = m(layout.InternalizedTwoByteStringType, layout.VisitSeqTwoByteString, 0, 0)
	r.SeqOneByteStringMap = m(layout.SeqOneByteStringType, layout.VisitSeqOneByteString, 0, 0)
	r.SeqTwoByteStringMap = m(layout.SeqTwoByteStringType, layout.VisitSeqTwoByteString, 0, 0)
	r.ConsOneByteStringMap = m(layout.ConsOneByteStringType, layout.VisitTagged, layout.ConsStringSize, layout.ConsStringSize)
	r.ConsTwoByteStringMap = m(layout.ConsTwoByteStringType, layout.VisitTagged, layout.ConsStringSize, layout.ConsStringSize)
	r.SymbolMap = m(layout.SymbolType, layout.VisitTagged, layout.SymbolSize, layout.SymbolSize)
	r.DescriptorArrayMap = arr(layout.DescriptorArrayType)
	r.TransitionArrayMap = arr(layout.TransitionArrayType)
	r.PropertyArrayMap = arr(layout.PropertyArrayType)
	r.NameDictionaryMap = arr(layout.NameDictionaryType)
	r.ScopeInfoMap = arr(layout.ScopeInfoType)
	r.SharedFunctionInfoMap = m(layout.SharedFunctionInfoType, layout.VisitTagged, layout.SharedFunctionInfoSize, layout.SharedFunctionInfoSize)
	r.AccessorPairMap = m(layout.AccessorPairType, layout.VisitTagged, layout.AccessorPairSize, layout.AccessorPairSize)
	r.ScriptMap = m(layout.ScriptType, layout.VisitTagged, layout.ScriptSize, layout.ScriptSize)
	r.FeedbackCellMap = m(layout.FeedbackCellType, layout.VisitTagged, layout.FeedbackCellSize, layout.FeedbackCellSize)
	r.FeedbackVectorMap = m(layout.FeedbackVectorType, layout.VisitTaggedArray, 0, layout.FeedbackVectorHeaderSize)
	r.BytecodeArrayMap = m(layout.BytecodeArrayType, layout.VisitBytecodeArray, 0, layout.BytecodeArrayHeaderSize)
	r.FunctionContextMap = arr(layout.FunctionContextType)
	r.BlockContextMap = arr(layout.BlockContextType)
	r.NativeContextMap = arr(layout.NativeContextType)

	r.EmptyFixedArray = h.AllocateReadOnly(layout.FixedArrayHeaderSize).Value()
	h.SetField(r.EmptyFixedArray.Addr(), layout.MapOffset, r.FixedArrayMap)
	h.SetField(r.EmptyFixedArray.Addr(), layout.FixedArrayLengthOffset, layout.Smi(0))
	r.EmptyString = f.readOnlyString("")
	r.NaN = h.AllocateReadOnly(layout.HeapNumberSize).Value()
	h.SetField(r.NaN.Addr(), layout.MapOffset, r.HeapNumberMap)
	h.SetF64(r.NaN.Addr(), layout.HeapNumberValueOffset, nan())

	r.Undefined = f.readOnlyOddball(r.UndefinedMap, "undefined", r.NaN, "undefined", OddballUndefined)
	r.Null = f.readOnlyOddball(r.NullMap, "null", layout.Smi(0), "object", OddballNull)
	r.True = f.readOnlyOddball(r.BooleanMap, "true", layout.Smi(1), "boolean", OddballTrue)
	r.False = f.readOnlyOddball(r.BooleanMap, "false", layout.Smi(0), "boolean", OddballFalse)
	r.TheHole = f.readOnlyOddball(r.TheHoleMap, "hole", r.NaN, "undefined", OddballTheHole)

	// Every read-only map: no prototype, no constructor, no descriptors.
	for _, mv := range f.readOnlyMaps() {
		h.SetField(mv.Addr(), layout.MapPrototypeOffset, r.Null)
		h.SetField(mv.Addr(), layout.MapConstructorOrBackPointerOffset, r.Null)
		h.SetField(mv.Addr(), layout.MapInstanceDescriptorsOffset, r.EmptyFixedArray)
	}
}

func (f *Factory) readOnlyMaps() []layout.Value {
	r := &f.Roots
	return []layout.Value{r.MetaMap, r.FreeSpaceMap, r.FillerMap,
		r.FixedArrayMap, r.ByteArrayMap, r.HeapNumberMap, r.BigIntMap,
		r.UndefinedMap, r.NullMap, r.BooleanMap, r.TheHoleMap,
		r.InternalizedOneByteStringMap, r.InternalizedTwoByteStringMap,
		r.SeqOneByteStringMap, r.SeqTwoByteStringMap, r.ConsOneByteStringMap, r.ConsTwoByteStringMap,
		r.SymbolMap, r.DescriptorArrayMap, r.TransitionArrayMap, r.PropertyArrayMap,
		r.NameDictionaryMap, r.ScopeInfoMap, r.SharedFunctionInfoMap, r.ScriptMap,
		r.FeedbackCellMap, r.FeedbackVectorMap, r.BytecodeArrayMap, r.AccessorPairMap,
		r.FunctionContextMap, r.BlockContextMap, r.NativeContextMap}
}

// readOnlyString creates an internalized one-byte string in the read-only
// space, its hash computed now (the space is sealed later), or returns the one
// made before with the same text. s must be Latin-1.
func (f *Factory) readOnlyString(s string) layout.Value {
	h := f.H
	for _, v := range f.strings.readOnly {
		if h.Field(v.Addr(), layout.StringLengthOffset).SmiValue() == len(s) &&
			string(h.Bytes(v.Addr(), layout.SeqStringCharsOffset, uint32(len(s)))) == s {
			return v
		}
	}
	a := h.AllocateReadOnly(layout.AlignObject(layout.SeqStringCharsOffset + uint32(len(s))))
	h.SetField(a, layout.MapOffset, f.Roots.InternalizedOneByteStringMap)
	h.SetField(a, layout.StringLengthOffset, layout.Smi(len(s)))
	copy(h.Bytes(a, layout.SeqStringCharsOffset, uint32(len(s))), s)
	h.SetField(a, layout.NameRawHashOffset, hashField(hashOneByte([]byte(s))))
	f.strings.readOnly = append(f.strings.readOnly, a.Value())
	return a.Value()
}

func (f *Factory) readOnlyOddball(m layout.Value, str string, num layout.Value, typeOf string, kind int) layout.Value {
	h := f.H
	s, t := f.readOnlyString(str), f.readOnlyString(typeOf)
	a := h.AllocateReadOnly(layout.OddballSize)
	h.SetField(a, layout.MapOffset, m)
	h.SetField(a, layout.OddballToStringOffset, s)
	h.SetField(a, layout.OddballToNumberOffset, num)
	h.SetField(a, layout.OddballTypeOfOffset, t)
	h.SetField(a, layout.OddballKindOffset, layout.Smi(kind))
	if num.IsSmi() {
		h.SetF64(a, layout.OddballToNumberRawOffset, float64(num.SmiValue()))
	} else {
		h.SetF64(a, layout.OddballToNumberRawOffset, h.F64(num.Addr(), layout.HeapNumberValueOffset))
	}
	return a.Value()
}

// InstanceType returns the instance type of a heap object.
func (f *Factory) InstanceType(v layout.Value) layout.InstanceType { return f.H.InstanceType(v.Addr()) }

// Is reports whether v is a heap object of instance type t.
func (f *Factory) Is(v layout.Value, t layout.InstanceType) bool {
	return v.IsHeapObject() && f.H.InstanceType(v.Addr()) == t
}

// Handle creates a handle for v in the innermost scope.
func (f *Factory) Handle(v layout.Value) heap.Handle { return f.H.NewHandle(v) }

// NewMap allocates a map in the old space for instances of type t: fixed-size
// (instanceSize bytes, all tagged after the map word) with inObject in-object
// property slots at its end. Its prototype and constructor start as null, its
// descriptors empty, no transitions; it is extensible.
func (f *Factory) NewMap(t layout.InstanceType, instanceSize uint32, inObject int) heap.Handle {
	h := f.H
	a := h.Allocate(heap.OldSpace, layout.MapSize)
	h.InitMap(a, t, layout.VisitTagged, instanceSize, instanceSize)
	h.SetU8(a, layout.MapInObjectPropertiesOffset, uint8(inObject))
	h.SetField(a, layout.MapPrototypeOffset, f.Roots.Null)
	h.SetField(a, layout.MapConstructorOrBackPointerOffset, f.Roots.Null)
	h.SetField(a, layout.MapInstanceDescriptorsOffset, f.Roots.EmptyFixedArray)
	h.SetU32(a, layout.MapBitField3Offset, layout.MapIsExtensible)
	return h.HandleAddr(a)
}

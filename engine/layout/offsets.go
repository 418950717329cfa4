package layout

// Field offsets, in bytes from the object start, of every object kind. Each
// object begins with its map. Tagged fields come first and raw data last (see
// VisitorID); where V8 keeps a raw integer among tagged fields we keep a Smi.

// Every heap object.
const (
	MapOffset = 0
	// HeaderSize is the size of the map word every object starts with.
	HeaderSize = 4
)

// Map (hidden class). 40 bytes, as V8's with pointer compression.
const (
	MapPrototypeOffset                = 4
	MapConstructorOrBackPointerOffset = 8
	MapInstanceDescriptorsOffset      = 12
	MapTransitionsOffset              = 16
	MapPrototypeInfoOffset            = 20
	MapTaggedEnd                      = 24
	MapInstanceSizeOffset             = 24 // uint32: bytes; 0 for variable-size objects
	MapInstanceTypeOffset             = 28 // uint16
	MapVisitorIDOffset                = 30 // uint8
	MapInObjectPropertiesOffset       = 31 // uint8
	MapTaggedEndOffset                = 32 // uint16: end of the tagged fields, or an array's header size
	MapBitFieldOffset                 = 34 // uint8
	MapBitField2Offset                = 35 // uint8
	MapBitField3Offset                = 36 // uint32
	MapSize                           = 40
)

// Map bit field 3 layout.
const (
	MapNumberOfOwnDescriptorsMask = 0x3ff // bits 0..9
	MapIsDictionaryMap            = 1 << 10
	MapIsDeprecated               = 1 << 11
	MapIsPrototypeMap             = 1 << 12
	MapIsExtensible               = 1 << 13
	MapIsStable                   = 1 << 14
)

// FreeSpace and fillers: free memory made to look like objects, so every page
// can be walked object by object.
const (
	FreeSpaceSizeOffset = 4 // Smi: the whole size in bytes
	FreeSpaceHeaderSize = 8
	FillerSize          = 4 // a one-word filler is just a map
)

// FixedArray and the arrays that share its shape (DescriptorArray,
// TransitionArray, PropertyArray, NameDictionary, ScopeInfo, contexts).
const (
	FixedArrayLengthOffset = 4 // Smi
	FixedArrayHeaderSize   = 8
)

// ByteArray.
const (
	ByteArrayLengthOffset = 4 // Smi
	ByteArrayHeaderSize   = 8
)

// HeapNumber: a boxed float64. 12 bytes, as V8's.
const (
	HeapNumberValueOffset = 4 // float64, unaligned
	HeapNumberSize        = 12
)

// BigInt: an immutable arbitrary-precision integer, as V8's: a bitfield
// (a Smi here: the digit count shifted left once, the sign in bit 0), raw
// padding, and the magnitude's 64-bit digits, least significant first.
// Zero has no digits and no sign; the top digit is never zero. Sizes are
// node 20's (16 bytes + 8 per digit, as its heap snapshots show).
const (
	BigIntBitfieldOffset = 4 // Smi
	BigIntTaggedEnd      = 8
	BigIntDigitsOffset   = 16
	BigIntHeaderSize     = 16
	// BigIntMaxBits is V8's kMaxLengthBits: larger results throw
	// RangeError "Maximum BigInt size exceeded".
	BigIntMaxBits = 1 << 30
)

// Oddball: undefined, null, true, false, the hole and their kin.
const (
	OddballToStringOffset    = 4
	OddballToNumberOffset    = 8
	OddballTypeOfOffset      = 12
	OddballKindOffset        = 16 // Smi
	OddballTaggedEnd         = 20
	OddballToNumberRawOffset = 20 // float64
	OddballSize              = 28
)

// Name: the header shared by strings and symbols.
const (
	NameRawHashOffset = 4 // Smi-shaped: 0 until the hash is computed
)

// Strings.
const (
	StringLengthOffset     = 8 // Smi: length in UTF-16 code units
	StringHeaderSize       = 12
	SeqStringCharsOffset   = 12
	ConsStringFirstOffset  = 12
	ConsStringSecondOffset = 16
	ConsStringSize         = 20
)

// Symbol.
const (
	SymbolFlagsOffset       = 8 // Smi
	SymbolDescriptionOffset = 12
	SymbolSize              = 16
)

// JSObject and its subtypes; in-object properties follow the header.
const (
	JSObjectPropertiesOrHashOffset = 4
	JSObjectElementsOffset         = 8
	JSObjectHeaderSize             = 12

	JSArrayLengthOffset = 12
	JSArrayHeaderSize   = 16

	JSFunctionSharedOffset                = 12
	JSFunctionContextOffset               = 16
	JSFunctionFeedbackCellOffset          = 20
	JSFunctionPrototypeOrInitialMapOffset = 24
	JSFunctionSize                        = 28

	JSGlobalObjectNativeContextOffset = 12
	JSGlobalObjectGlobalProxyOffset   = 16
	JSGlobalObjectHeaderSize          = 20

	// JSProxy: an object header (no properties or elements of its own),
	// then the target and handler (both null once revoked) and a Smi of
	// JSProxy flags.
	JSProxyTargetOffset  = 12
	JSProxyHandlerOffset = 16
	JSProxyFlagsOffset   = 20
	JSProxySize          = 24
)

// ArrayBuffer, typed arrays and DataView. A buffer's bytes live outside
// the heap (as V8's backing stores do); the object holds the Smi id of its
// backing store in the isolate's table. Views hold their buffer, a Smi
// byte offset and a Smi length (elements for typed arrays, bytes for
// DataView; -1 when the view tracks a resizable buffer's length).
const (
	JSArrayBufferStoreOffset = 12
	JSArrayBufferSize        = 16

	JSTypedArrayBufferOffset     = 12
	JSTypedArrayKindOffset       = 16
	JSTypedArrayByteOffsetOffset = 20
	JSTypedArrayLengthOffset     = 24
	JSTypedArraySize             = 28

	JSDataViewBufferOffset     = 12
	JSDataViewByteOffsetOffset = 16
	JSDataViewByteLengthOffset = 20
	JSDataViewSize             = 24
)

// JSProxy flags: what the target could do when the proxy was made.
const (
	JSProxyCallable    = 1
	JSProxyConstructor = 2
)

// SharedFunctionInfo: what closures of one function literal share.
const (
	SharedFunctionDataOffset         = 4 // BytecodeArray, or undefined until compiled
	SharedNameOffset                 = 8
	SharedScriptOffset               = 12
	SharedOuterScopeInfoOffset       = 16
	SharedScopeInfoOffset            = 20
	SharedStartPositionOffset        = 24 // Smi: source offset
	SharedEndPositionOffset          = 28 // Smi
	SharedFunctionLiteralIDOffset    = 32 // Smi
	SharedFormalParameterCountOffset = 36 // Smi
	SharedFlagsOffset                = 40 // Smi
	SharedFunctionInfoSize           = 44
)

// AccessorPair: the getter and setter of an accessor property.
const (
	AccessorPairGetterOffset = 4
	AccessorPairSetterOffset = 8
	AccessorPairSize         = 12
)

// FeedbackCell: a function's link to its feedback vector.
const (
	FeedbackCellValueOffset           = 4
	FeedbackCellInterruptBudgetOffset = 8 // Smi
	FeedbackCellSize                  = 12
)

// FeedbackVector: invocation count and inline-cache slots of one closure family.
const (
	FeedbackVectorLengthOffset               = 4 // Smi: number of slots
	FeedbackVectorSharedOffset               = 8
	FeedbackVectorInvocationCountOffset      = 12 // Smi
	FeedbackVectorProfilerTicksOffset        = 16 // Smi
	FeedbackVectorFlagsOffset                = 20 // Smi
	FeedbackVectorClosureFeedbackCellsOffset = 24
	FeedbackVectorOptimizedCodeOffset        = 28 // the optimized BytecodeArray, or undefined (h-tierup)
	FeedbackVectorHeaderSize                 = 32
)

// BytecodeArray: a function's bytecode, in code space.
const (
	BytecodeArrayLengthOffset              = 4 // Smi: number of bytecode bytes
	BytecodeArrayConstantPoolOffset        = 8
	BytecodeArrayHandlerTableOffset        = 12
	BytecodeArraySourcePositionTableOffset = 16
	BytecodeArrayFrameSizeOffset           = 20 // Smi
	BytecodeArrayParameterSizeOffset       = 24 // Smi
	BytecodeArrayBaselineOffset            = 28 // optimized code: the BytecodeArray it was made from; undefined for baseline code (h-tierup)
	BytecodeArrayHeaderSize                = 32
)

// Context: a FixedArray-shaped scope record; these are its fixed slots.
const (
	ContextScopeInfoIndex = 0
	ContextPreviousIndex  = 1
	ContextExtensionIndex = 2
	ContextMinSlots       = 3
)

// Script: a compiled source text.
const (
	ScriptSourceOffset           = 4
	ScriptNameOffset             = 8
	ScriptIDOffset               = 12 // Smi
	ScriptLineEndsOffset         = 16 // FixedArray of Smi, or undefined until computed
	ScriptTypeOffset             = 20 // Smi
	ScriptEvalFromSharedOffset   = 24
	ScriptSourceMappingURLOffset = 28
	ScriptFlagsOffset            = 32 // Smi
	ScriptSize                   = 36
)

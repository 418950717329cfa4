package layout

// InstanceType says what kind of object a map describes. The names follow V8's
// instance types, since heap snapshots and statistics report them.
type InstanceType uint16

// String types come first so that IsString is a single comparison.
const (
	InternalizedOneByteStringType InstanceType = iota
	InternalizedTwoByteStringType
	SeqOneByteStringType
	SeqTwoByteStringType
	ConsOneByteStringType
	ConsTwoByteStringType
	lastStringType

	SymbolType InstanceType = iota - 1
	HeapNumberType
	BigIntType
	OddballType
	MapType
	FreeSpaceType
	FillerType
	FixedArrayType
	ByteArrayType
	DescriptorArrayType
	TransitionArrayType
	PropertyArrayType
	NameDictionaryType
	ScopeInfoType
	SharedFunctionInfoType
	AccessorPairType
	ScriptType
	FeedbackCellType
	FeedbackVectorType
	BytecodeArrayType
	FunctionContextType
	BlockContextType
	NativeContextType
	JSObjectType
	JSArrayType
	JSFunctionType
	JSGlobalObjectType
	JSGlobalProxyType
	JSProxyType
	JSArrayBufferType
	JSTypedArrayType
	JSDataViewType
	LastInstanceType = JSDataViewType
)

// FirstJSObjectType starts the range of JavaScript-visible object types.
const FirstJSObjectType = JSObjectType

var instanceTypeNames = [...]string{
	InternalizedOneByteStringType: "INTERNALIZED_ONE_BYTE_STRING_TYPE",
	InternalizedTwoByteStringType: "INTERNALIZED_TWO_BYTE_STRING_TYPE",
	SeqOneByteStringType:          "SEQ_ONE_BYTE_STRING_TYPE",
	SeqTwoByteStringType:          "SEQ_TWO_BYTE_STRING_TYPE",
	ConsOneByteStringType:         "CONS_ONE_BYTE_STRING_TYPE",
	ConsTwoByteStringType:         "CONS_TWO_BYTE_STRING_TYPE",
	SymbolType:                    "SYMBOL_TYPE",
	HeapNumberType:                "HEAP_NUMBER_TYPE",
	BigIntType:                    "BIGINT_TYPE",
	OddballType:                   "ODDBALL_TYPE",
	MapType:                       "MAP_TYPE",
	FreeSpaceType:                 "FREE_SPACE_TYPE",
	FillerType:                    "FILLER_TYPE",
	FixedArrayType:                "FIXED_ARRAY_TYPE",
	ByteArrayType:                 "BYTE_ARRAY_TYPE",
	DescriptorArrayType:           "DESCRIPTOR_ARRAY_TYPE",
	TransitionArrayType:           "TRANSITION_ARRAY_TYPE",
	PropertyArrayType:             "PROPERTY_ARRAY_TYPE",
	NameDictionaryType:            "NAME_DICTIONARY_TYPE",
	ScopeInfoType:                 "SCOPE_INFO_TYPE",
	SharedFunctionInfoType:        "SHARED_FUNCTION_INFO_TYPE",
	AccessorPairType:              "ACCESSOR_PAIR_TYPE",
	ScriptType:                    "SCRIPT_TYPE",
	FeedbackCellType:              "FEEDBACK_CELL_TYPE",
	FeedbackVectorType:            "FEEDBACK_VECTOR_TYPE",
	BytecodeArrayType:             "BYTECODE_ARRAY_TYPE",
	FunctionContextType:           "FUNCTION_CONTEXT_TYPE",
	BlockContextType:              "BLOCK_CONTEXT_TYPE",
	NativeContextType:             "NATIVE_CONTEXT_TYPE",
	JSObjectType:                  "JS_OBJECT_TYPE",
	JSArrayType:                   "JS_ARRAY_TYPE",
	JSFunctionType:                "JS_FUNCTION_TYPE",
	JSGlobalObjectType:            "JS_GLOBAL_OBJECT_TYPE",
	JSGlobalProxyType:             "JS_GLOBAL_PROXY_TYPE",
	JSProxyType:                   "JS_PROXY_TYPE",
	JSArrayBufferType:             "JS_ARRAY_BUFFER_TYPE",
	JSTypedArrayType:              "JS_TYPED_ARRAY_TYPE",
	JSDataViewType:                "JS_DATA_VIEW_TYPE",
}

// String returns V8's name for the instance type.
func (t InstanceType) String() string {
	if int(t) < len(instanceTypeNames) && instanceTypeNames[t] != "" {
		return instanceTypeNames[t]
	}
	return "UNKNOWN_INSTANCE_TYPE"
}

// IsString reports whether t is one of the string types.
func (t InstanceType) IsString() bool { return t < lastStringType }

// IsName reports whether t is a string or a symbol (a property key).
func (t InstanceType) IsName() bool { return t <= SymbolType }

// IsJSObject reports whether t is a JavaScript object type.
func (t InstanceType) IsJSObject() bool { return t >= FirstJSObjectType && t <= LastInstanceType }

// IsContext reports whether t is one of the context types.
func (t InstanceType) IsContext() bool { return t >= FunctionContextType && t <= NativeContextType }

// VisitorID tells the heap how to find an object's size and its tagged fields.
// Every object keeps its tagged fields first and raw data (numbers, characters,
// bytecodes) last, so one tagged range and one size describe any object.
type VisitorID uint8

const (
	// VisitTagged: fixed size from the map, every field after the map tagged.
	VisitTagged VisitorID = iota
	// VisitTaggedRawTail: fixed size from the map, tagged fields end at the
	// map's TaggedEnd, raw data after.
	VisitTaggedRawTail
	// VisitTaggedArray: a Smi length at offset 4, a header of the map's
	// TaggedEnd bytes, then length tagged slots.
	VisitTaggedArray
	// VisitByteArray: a Smi length at offset 4, then length raw bytes.
	VisitByteArray
	// VisitSeqOneByteString: a string header, then length one-byte characters.
	VisitSeqOneByteString
	// VisitSeqTwoByteString: a string header, then length two-byte characters.
	VisitSeqTwoByteString
	// VisitBytecodeArray: a tagged header, then length raw bytecode bytes.
	VisitBytecodeArray
	// VisitFreeSpace: free memory whose size (a Smi) is at offset 4.
	VisitFreeSpace
	// VisitFiller: a one-word filler.
	VisitFiller
	// VisitBigInt: a Smi bitfield at offset 4 (digit count << 1 | sign),
	// then that many raw 64-bit digits.
	VisitBigInt
)

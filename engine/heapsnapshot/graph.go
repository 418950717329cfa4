package heapsnapshot

// The vocabulary of V8's heap snapshot graph, exactly as node 20 (V8 11.3)
// writes it in snapshot.meta: node and edge types by number, the synthetic
// nodes every snapshot starts with and the ids V8 gives them.

// nodeType is a node's type: an index into meta.node_types[0].
type nodeType uint8

// Node types, V8's HeapEntry::Type.
const (
	typeHidden nodeType = iota
	typeArray
	typeString
	typeObject
	typeCode
	typeClosure
	typeRegExp
	typeNumber
	typeNative
	typeSynthetic
	typeConsString
	typeSlicedString
	typeSymbol
	typeBigInt
	typeObjectShape
	typeWasmObject
)

// edgeType is an edge's type: an index into meta.edge_types[0].
type edgeType uint8

// Edge types, V8's HeapGraphEdge::Type. Element and hidden edges carry a
// number (name_or_index); the others a string index.
const (
	edgeContext edgeType = iota
	edgeElement
	edgeProperty
	edgeInternal
	edgeHidden
	edgeShortcut
	edgeWeak
)

// Node rows have seven fields, edge rows three (meta.node_fields and
// meta.edge_fields): an edge's to_node is the target's node index times
// nodeFieldCount.
const (
	nodeFieldCount = 7
	edgeFieldCount = 3
)

// Object ids. V8 numbers heap objects with odd ids (even ones are for
// embedder objects): 1 for the root, 3 for "(GC roots)", then one per GC
// subroot, and the first heap object gets the id after those. Ids step by 2.
const (
	rootID              ObjectID = 1
	gcRootsID           ObjectID = 3
	firstSubrootID      ObjectID = 5
	idStep                       = 2
	firstObjectID                = firstSubrootID + ObjectID(idStep*numSubroots)
	syntheticNodes               = 2 + numSubroots // root, (GC roots), subroots
	firstObjectNode              = syntheticNodes
	rootNode                     = 0
	gcRootsNode                  = 1
	firstSubrootNode             = 2
	progressGranularity          = 10000 // V8's kProgressReportGranularity
	defaultChunkSize             = 102400
	nameLimit                    = 1024 // V8's --heap-snapshot-string-limit
)

// subroot is one of V8's GC root categories (its Root enum), each a
// synthetic node under "(GC roots)".
type subroot int

// The subroots this engine fills; the others stay empty, as most of them do
// in node too.
const (
	subrootInternalizedStrings subroot = 0
	subrootReadOnlyRoots       subroot = 2
	subrootStrongRoots         subroot = 3
	subrootHandleScope         subroot = 10
	subrootGlobalHandles       subroot = 12
	subrootUnknown             subroot = 27
)

// subrootNames are the names of V8 11.3's Root enum (RootVisitor::RootName),
// in order: node 20's snapshots list exactly these, "(Strong roots)" twice.
var subrootNames = [numSubroots]string{
	"(Internalized strings)",
	"(External strings)",
	"(Read-only roots)",
	"(Strong roots)",
	"(Smi roots)",
	"(Bootstrapper)",
	"(Stack roots)",
	"(Relocatable)",
	"(Debugger)",
	"(Compilation cache)",
	"(Handle scope)",
	"(Builtins)",
	"(Global handles)",
	"(Traced handles)",
	"(Eternal handles)",
	"(Thread manager)",
	"(Strong roots)",
	"(Extensions)",
	"(Code flusher)",
	"(Startup object cache)",
	"(Read-only object cache)",
	"(Shareable object cache)",
	"(Weak collections)",
	"(Wrapper tracing)",
	"(Write barrier)",
	"(Retain maps)",
	"(Client heap)",
	"(Unknown)",
}

// numSubroots is the number of subroots (V8 11.3's Root::kNumberOfRoots).
const numSubroots = 28

// metaJSON is node 20's snapshot.meta, byte for byte.
const metaJSON = `{"node_fields":["type","name","id","self_size","edge_count","trace_node_id","detachedness"],` +
	`"node_types":[["hidden","array","string","object","code","closure","regexp","number","native","synthetic","concatenated string","sliced string","symbol","bigint","object shape","wasm object"],"string","number","number","number","number","number"],` +
	`"edge_fields":["type","name_or_index","to_node"],` +
	`"edge_types":[["context","element","property","internal","hidden","shortcut","weak"],"string_or_number","node"],` +
	`"trace_function_info_fields":["function_id","name","script_name","script_id","line","column"],` +
	`"trace_node_fields":["id","function_info_index","count","size","children"],` +
	`"sample_fields":["timestamp_us","last_assigned_id"],` +
	`"location_fields":["object_index","script_id","line","column"]}`

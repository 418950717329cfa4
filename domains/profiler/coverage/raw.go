package coverage

// NoPosition is the end of a position singleton slot: a counter that
// marks only where a range starts (the code after a return, break, throw,
// loop or if — a "continuation"), its end to be found by
// RewritePositionSingletonsToRanges. V8's kNoSourcePosition.
const NoPosition = -1

// FunctionLiteralPosition is both start and end of the function-scope
// counter slot, the one incremented on every entry to the function body
// (not on generator or async resumptions). V8's
// SourceRange::kFunctionLiteralSourcePosition.
const FunctionLiteralPosition = -2

// Slot is one block counter of a function compiled with block coverage:
// what V8 keeps in a CoverageInfo slot. Start and End are UTF-16 offsets
// into the script source, End is exclusive; End is NoPosition for a
// position singleton, and both are FunctionLiteralPosition for the
// function-scope counter.
type Slot struct {
	Start, End int
	Count      uint32
}

// Function is the raw coverage of one function as the engine holds it:
// V8's SharedFunctionInfo with its counters. There is one per function
// literal the engine has created a SharedFunctionInfo for (the script's
// top level, and every function literal of a function that has been
// compiled — literals inside never-compiled functions have none and are
// not listed).
type Function struct {
	// Start is the function's start: the position of its `function`
	// token when it has one (V8's function_token_position), otherwise its
	// start position (the first token of an arrow, method or accessor
	// name, class constructor…). UTF-16 offset.
	Start int
	// End is just past the function's last character (exclusive).
	End int
	// Name is the debug name: the declared name, or else the inferred name
	// (V8's SharedFunctionInfo::DebugName).
	Name string
	// TopLevel marks the script's (or module's, or eval's) top-level
	// function. V8 sorts it before any function with the same range.
	TopLevel bool
	// Count is the invocation count: the sum, saturating at 2³²−1, of the
	// invocation counts of the feedback vectors of all closures of this
	// function (in precise modes the pinned ones; in best-effort mode the
	// live ones), 0 if none. Each entry to the function's bytecode counts,
	// so a generator or async function counts its first call and every
	// resumption.
	Count uint32
	// HasCoverageInfo reports that the function was compiled with block
	// counters (it was compiled while a block mode was on); Slots are
	// then its counters, in allocation order.
	HasCoverageInfo bool
	Slots           []Slot
	// ReportedBinary is V8's has_reported_binary_coverage: in a binary mode
	// a function's call is reported by the first take that sees it, and
	// as 0 afterwards. Cleared for every function when a binary mode
	// starts.
	ReportedBinary bool
}

// Script is the raw coverage of one script: its id, its URL as the
// inspector reports it, and every function it has a SharedFunctionInfo
// for, in any order.
type Script struct {
	ID  int
	URL string
	// Functions are the script's functions, in any order.
	Functions []Function
}

// AddCount adds an invocation count the way V8 sums the counts of several
// closures of one function: saturating at the largest uint32.
func AddCount(a, b uint32) uint32 {
	if a > ^uint32(0)-b {
		return ^uint32(0)
	}
	return a + b
}

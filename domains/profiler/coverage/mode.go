package coverage

// Mode is V8's code-coverage mode (debug::CoverageMode): how counts are
// gathered and how finely they are reported.
type Mode uint8

const (
	// BestEffort keeps no state: invocation counts are read from the live
	// functions at collection time and reported as 0 or 1, function ranges
	// only. Functions already collected by the GC are lost.
	BestEffort Mode = iota
	// PreciseCount reports exact invocation counts, function ranges only
	// (startPreciseCoverage{callCount: true, detailed: false}).
	PreciseCount
	// PreciseBinary reports whether each function ran since the previous
	// take, function ranges only (callCount: false, detailed: false).
	PreciseBinary
	// BlockCount reports exact counts for functions and the blocks inside
	// them (callCount: true, detailed: true).
	BlockCount
	// BlockBinary reports 0/1 for functions and blocks (callCount: false,
	// detailed: true): what the DevTools Coverage panel asks for.
	BlockBinary
)

// ModeFor returns the mode Profiler.startPreciseCoverage selects for its
// callCount and detailed flags.
func ModeFor(callCount, detailed bool) Mode {
	switch {
	case detailed && callCount:
		return BlockCount
	case detailed:
		return BlockBinary
	case callCount:
		return PreciseCount
	default:
		return PreciseBinary
	}
}

// IsBlock reports whether the mode collects block counters (detailed).
func (m Mode) IsBlock() bool { return m == BlockCount || m == BlockBinary }

// IsBinary reports whether the mode reports counts as 0/1 and each
// function's invocation only once (has_reported_binary_coverage).
func (m Mode) IsBinary() bool { return m == PreciseBinary || m == BlockBinary }

// IsPrecise reports whether the mode is one of the precise modes, whose
// counters are pinned and reset after each take.
func (m Mode) IsPrecise() bool { return m != BestEffort }

// String returns V8's name of the mode.
func (m Mode) String() string {
	switch m {
	case BestEffort:
		return "kBestEffort"
	case PreciseCount:
		return "kPreciseCount"
	case PreciseBinary:
		return "kPreciseBinary"
	case BlockCount:
		return "kBlockCount"
	case BlockBinary:
		return "kBlockBinary"
	}
	return "Mode(?)"
}

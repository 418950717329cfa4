package coverage

// Block is a reported source range inside a function and its count: V8's
// CoverageBlock once every singleton has been given an end. During the
// passes End may still be NoPosition.
type Block struct {
	Start, End int
	Count      uint32
}

// FunctionData is the coverage of one reported function (V8's
// CoverageFunction): its range and count, and, when HasBlockCoverage, the
// normalized blocks inside it, sorted by start ascending and end
// descending, properly nested, none empty and none duplicated.
type FunctionData struct {
	Start, End       int
	Count            uint32
	Name             string
	HasBlockCoverage bool
	Blocks           []Block
}

// hasNonEmptyRange reports whether the function has a real source range.
// Default class constructors and other synthesized functions have empty
// ranges and are never reported.
func (f *FunctionData) hasNonEmptyRange() bool {
	return f.Start < f.End && f.Start >= 0 && f.End >= 0
}

// ScriptData is the coverage of one script: its reported functions in
// V8's order (start ascending, end descending, a top level before an
// inner function of the same range, then higher counts first).
type ScriptData struct {
	ID        int
	URL       string
	Functions []FunctionData
}

// FunctionRef names one input function: Functions[Function] of
// scripts[Script] as given to Collect.
type FunctionRef struct {
	Script, Function int
}

// Result is what one collection produces: the coverage, and, in binary
// modes, the functions seen to have run (non-zero Count), reported or not.
// The engine sets their ReportedBinary flag (V8's
// set_has_reported_binary_coverage) so that later takes report them as 0.
type Result struct {
	Scripts  []ScriptData
	Reported []FunctionRef
}

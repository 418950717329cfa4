package coverage

import (
	"strconv"

	proto "github.com/sonde-js/sonde/protocol/profiler"
	protoruntime "github.com/sonde-js/sonde/protocol/runtime"
)

// ToProtocol converts collected coverage to the Profiler domain's
// ScriptCoverage list, as V8's inspector does (coverageToProtocol in
// src/inspector/v8-profiler-agent-impl.cc): a function's first range is
// its own range and count, its blocks follow in order; isBlockCoverage says
// whether the function had block counters; the script id is its decimal
// number. Every slice is non-nil, so each encodes as [] and never as null.
func ToProtocol(scripts []ScriptData) []proto.ScriptCoverage {
	out := make([]proto.ScriptCoverage, len(scripts))
	for i := range scripts {
		s := &scripts[i]
		fns := make([]proto.FunctionCoverage, len(s.Functions))
		for j := range s.Functions {
			fns[j] = functionToProtocol(&s.Functions[j])
		}
		out[i] = proto.ScriptCoverage{
			ScriptID:  protoruntime.ScriptID(strconv.Itoa(s.ID)),
			URL:       s.URL,
			Functions: fns,
		}
	}
	return out
}

// functionToProtocol converts one function: its range first, then its
// blocks.
func functionToProtocol(f *FunctionData) proto.FunctionCoverage {
	ranges := make([]proto.CoverageRange, 0, 1+len(f.Blocks))
	ranges = append(ranges, proto.CoverageRange{
		StartOffset: int64(f.Start), EndOffset: int64(f.End), Count: int64(f.Count),
	})
	for _, b := range f.Blocks {
		ranges = append(ranges, proto.CoverageRange{
			StartOffset: int64(b.Start), EndOffset: int64(b.End), Count: int64(b.Count),
		})
	}
	return proto.FunctionCoverage{
		FunctionName:    f.Name,
		Ranges:          ranges,
		IsBlockCoverage: f.HasBlockCoverage,
	}
}

package coverage

import "sort"

// Collect turns the raw coverage of scripts into what V8 reports for the
// mode (Coverage::Collect in V8's src/debug/debug-coverage.cc). It does not
// modify scripts.
//
// For each script, in the order given (the engine's script list, oldest
// first), the functions are sorted outer before inner — start ascending,
// end descending, the top level first among equal ranges, then higher
// counts first — and walked with a stack of the enclosing reported
// functions. Each function's count is adjusted for the mode (binary
// modes: 1 the first time a function is seen to have run, 0 after that;
// best-effort: 0 or 1); in a block mode a function compiled with block
// counters gets its blocks normalized (see collectBlocks). A function is
// reported when its range is non-empty and it has run, or the function
// enclosing it is reported with a non-zero count, or it has blocks left.
// Scripts left with no function are dropped.
//
// In the binary modes the Result lists the functions whose call has now
// been reported, for the engine to mark. Resetting counters is the
// engine's part too: see the package documentation.
func Collect(mode Mode, scripts []Script) Result {
	var res Result
	for si := range scripts {
		s := &scripts[si]
		data := ScriptData{ID: s.ID, URL: s.URL}
		var nesting []int // indexes into data.Functions
		for _, fi := range sortedFunctions(s.Functions) {
			fn := &s.Functions[fi]
			for len(nesting) > 0 && data.Functions[nesting[len(nesting)-1]].End <= fn.Start {
				nesting = nesting[:len(nesting)-1]
			}

			count := fn.Count
			if count != 0 {
				switch mode {
				case PreciseBinary, BlockBinary:
					if fn.ReportedBinary {
						count = 0
					} else {
						count = 1
					}
					// V8 marks the function even if it ends up not
					// reported; it has been seen to run.
					res.Reported = append(res.Reported, FunctionRef{Script: si, Function: fi})
				case BestEffort:
					count = 1
				}
			}

			f := FunctionData{Start: fn.Start, End: fn.End, Count: count, Name: fn.Name}
			if mode.IsBlock() && fn.HasCoverageInfo {
				collectBlocks(&f, fn.Slots, mode)
			}

			// Relevance looks at the count before the function-scope
			// counter replaced it, and at the reported parent's final count.
			covered := count != 0
			parentCovered := len(nesting) > 0 && data.Functions[nesting[len(nesting)-1]].Count != 0
			relevant := covered || parentCovered || len(f.Blocks) > 0
			if f.hasNonEmptyRange() && relevant {
				nesting = append(nesting, len(data.Functions))
				data.Functions = append(data.Functions, f)
			}
		}
		if len(data.Functions) > 0 {
			res.Scripts = append(res.Scripts, data)
		}
	}
	return res
}

// sortedFunctions returns the indexes of fns in V8's order: start
// ascending, end descending, the top level first, count descending. Equal
// ranges happen when a function is the whole script (`function f() {}` as
// an eval's source); the top level must then come first, and for the rest
// the higher count is taken to be the outer function (v8:9212).
func sortedFunctions(fns []Function) []int {
	idx := make([]int, len(fns))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &fns[idx[i]], &fns[idx[j]]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		if a.TopLevel != b.TopLevel {
			return a.TopLevel
		}
		return a.Count > b.Count
	})
	return idx
}

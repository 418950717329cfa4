package coverage

// collectBlocks turns a function's block counters into its reported
// blocks, as V8's CollectBlockCoverageInternal does: f holds the
// function's range, name and count (already adjusted for the mode); on
// return f.Count may have been replaced by the function-scope counter and
// f.Blocks holds the normalized blocks.
//
// Functions with an empty range (synthesized ones, like default class
// constructors) get no block coverage at all.
func collectBlocks(f *FunctionData, slots []Slot, mode Mode) {
	if !f.hasNonEmptyRange() {
		return
	}
	f.HasBlockCoverage = true
	f.Blocks = make([]Block, len(slots))
	for i, s := range slots {
		f.Blocks[i] = Block(s)
	}
	sortBlocks(f.Blocks)

	if mode == BlockBinary {
		clampToBinary(f)
	}
	// The function-scope counter becomes the function's count; this must
	// come before the other passes, which take the function as the
	// outermost parent.
	rewriteFunctionScopeCounter(f)
	if len(f.Blocks) == 0 {
		return
	}
	filterAliasedSingletons(f)
	rewritePositionSingletonsToRanges(f)
	// Merge consecutive ranges, then duplicates before nested ones: merging
	// nested ranges first could be wrong (crbug.com/827530).
	mergeConsecutiveRanges(f)
	sortBlocks(f.Blocks)
	mergeDuplicateRanges(f)
	mergeNestedRanges(f)
	mergeConsecutiveRanges(f)
	filterUncoveredRanges(f)
	filterEmptyRanges(f)
}

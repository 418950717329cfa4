package coverage

import "sort"

// The block passes of V8's src/debug/debug-coverage.cc, in the order
// normalizeBlocks applies them. Each takes a function whose Blocks are
// sorted by sortBlocks' order and edits them in place; each says what V8's
// pass of the same name does and why.

// sortBlocks orders blocks by start ascending and, for equal starts, end
// descending, so that an enclosing block comes before the blocks inside it
// and a singleton (End = NoPosition) after every full range starting at the
// same place. V8 uses std::sort; blocks with equal start and end keep their
// slot order here (stable), which is also what std::sort does for the
// small slot lists functions have (insertion sort below 17 elements).
func sortBlocks(b []Block) {
	sort.SliceStable(b, func(i, j int) bool {
		if b[i].Start != b[j].Start {
			return b[i].Start < b[j].Start
		}
		return b[i].End > b[j].End
	})
}

// clampToBinary turns every non-zero count into 1 (block binary mode).
func clampToBinary(f *FunctionData) {
	it := newBlockIter(f)
	for it.next() {
		if b := it.block(); b.Count > 0 {
			b.Count = 1
		}
	}
	it.finish()
}

// rewriteFunctionScopeCounter moves the function-scope counter, sorted
// first, from the blocks into the function's count: it counts every call,
// including calls the feedback vector misses (generator and async
// resumptions count there too, and optimized code does not count at all).
// It must run before the other passes.
func rewriteFunctionScopeCounter(f *FunctionData) {
	it := newBlockIter(f)
	if it.next() {
		if b := it.block(); b.Start == FunctionLiteralPosition && b.End == FunctionLiteralPosition {
			f.Count = b.Count
			it.remove()
		}
	}
	it.finish()
}

// filterAliasedSingletons deletes a singleton that starts where the block
// before it starts, dropping its count. Singletons only split the ranges
// they fall in; one at the start of a full range would otherwise stretch
// over it (crbug.com/v8/8237: `if (c) {…} else {…}`, where the then
// block's continuation would swallow the else range). Of several
// singletons at one position only the first one survives (the previous
// block of the others is a singleton at the same start, deleted or not).
func filterAliasedSingletons(f *FunctionData) {
	it := newBlockIter(f)
	it.next() // the first block has no previous one
	for it.next() {
		b := it.block()
		if b.End == NoPosition && b.Start == it.prev().Start {
			it.remove()
		}
	}
	it.finish()
}

// rewritePositionSingletonsToRanges gives every singleton an end: the
// start of the next block if that starts inside the parent, otherwise the
// parent's end — except that a singleton directly in the function stops
// one short of the function's end, so the closing brace is never shown as
// uncovered after a return (crbug.com/v8/6661). Singletons at or past the
// function's end are deleted.
func rewritePositionSingletonsToRanges(f *FunctionData) {
	it := newBlockIter(f)
	for it.next() {
		b := it.block()
		switch {
		case b.Start >= f.End:
			it.remove()
		case b.End == NoPosition:
			if it.hasSiblingOrChild() {
				b.End = it.nextBlock().Start
			} else if it.topLevel() {
				b.End = it.parent().End - 1
			} else {
				b.End = it.parent().End
			}
		}
	}
	it.finish()
}

// mergeConsecutiveRanges merges a block into the next one when that one
// starts exactly where it ends and has the same count. It only looks at
// the very next block, so siblings separated by a child of the first are
// not merged (as in V8, a best-effort pass).
func mergeConsecutiveRanges(f *FunctionData) {
	it := newBlockIter(f)
	for it.next() {
		b := it.block()
		if it.hasSiblingOrChild() {
			if n := it.nextBlock(); n.Start == b.End && n.Count == b.Count {
				n.Start = b.Start
				it.remove()
			}
		}
	}
	it.finish()
}

// mergeDuplicateRanges keeps one block of several with the same range,
// with the largest count. Merging consecutive ranges can produce them.
func mergeDuplicateRanges(f *FunctionData) {
	it := newBlockIter(f)
	for it.next() && it.hasNext() {
		b, n := it.block(), it.nextBlock()
		if b.Start == n.Start && b.End == n.End {
			n.Count = max(n.Count, b.Count)
			it.remove()
		}
	}
	it.finish()
}

// mergeNestedRanges deletes a block whose count equals its parent's: it
// says nothing the parent does not.
func mergeNestedRanges(f *FunctionData) {
	it := newBlockIter(f)
	for it.next() {
		if it.block().Count == it.parent().Count {
			it.remove()
		}
	}
	it.finish()
}

// filterUncoveredRanges deletes uncovered blocks inside uncovered
// parents: only the outermost uncovered range is reported.
func filterUncoveredRanges(f *FunctionData) {
	it := newBlockIter(f)
	for it.next() {
		if it.block().Count == 0 && it.parent().Count == 0 {
			it.remove()
		}
	}
	it.finish()
}

// filterEmptyRanges deletes blocks of zero length.
func filterEmptyRanges(f *FunctionData) {
	it := newBlockIter(f)
	for it.next() {
		if b := it.block(); b.Start == b.End {
			it.remove()
		}
	}
	it.finish()
}

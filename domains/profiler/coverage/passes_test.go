package coverage

import (
	"fmt"
	"slices"
	"testing"
)

// S is shorthand for a slot in these tables; fs is the function-scope
// counter slot.
func S(start, end int, count uint32) Slot { return Slot{start, end, count} }
func fs(count uint32) Slot                { return Slot{FunctionLiteralPosition, FunctionLiteralPosition, count} }

// B is shorthand for an expected block.
func B(start, end int, count uint32) Block { return Block{start, end, count} }

const no = NoPosition

// TestCollectBlocks runs the block pipeline on hand-made slot lists, each
// showing one of V8's rules with the JavaScript that produces it. The
// function is [0, 100) unless said otherwise; its feedback-vector count
// is 99 so the tests show the function-scope counter replacing it.
func TestCollectBlocks(t *testing.T) {
	tests := []struct {
		name      string
		mode      Mode
		start     int // function start; end is 100
		slots     []Slot
		wantCount uint32
		want      []Block
	}{{
		name:      "function-scope counter replaces the feedback count",
		slots:     []Slot{fs(2)},
		wantCount: 2,
	}, {
		name:      "no function-scope counter: feedback count stays",
		slots:     []Slot{S(10, 20, 5)},
		wantCount: 99,
		want:      []Block{B(10, 20, 5)},
	}, {
		// function f(x) { if (x) return 1; return 2; } called with 1, 0:
		// then [10, 20) ran once, the continuation after the if once.
		name:      "singleton at function level ends one before the function's end",
		slots:     []Slot{fs(2), S(10, 20, 1), S(20, no, 1)},
		wantCount: 2,
		want:      []Block{B(10, 99, 1)}, // then and continuation merged
	}, {
		name:      "singleton ends where the next sibling starts",
		slots:     []Slot{fs(4), S(10, no, 3), S(30, 40, 1)},
		wantCount: 4,
		want:      []Block{B(10, 30, 3), B(30, 40, 1)},
	}, {
		name:      "singleton inside a block ends at the block's end",
		slots:     []Slot{fs(1), S(10, 50, 5), S(30, no, 2)},
		wantCount: 1,
		want:      []Block{B(10, 50, 5), B(30, 50, 2)},
	}, {
		// for (…) { if (c) continue; … }: the continuation after the if
		// ends at the loop body's end, not the function's.
		name:      "singleton after a child block, inside a parent",
		slots:     []Slot{fs(1), S(10, 50, 3), S(20, 30, 1), S(30, no, 2)},
		wantCount: 1,
		want:      []Block{B(10, 50, 3), B(20, 30, 1), B(30, 50, 2)},
	}, {
		name:      "singleton at or past the function's end is dropped",
		slots:     []Slot{fs(1), S(10, 20, 0), S(100, no, 0), S(120, no, 3)},
		wantCount: 1,
		want:      []Block{B(10, 20, 0)},
	}, {
		// if (c) {…} else {…} where the then block left a continuation at
		// the start of the else range (crbug.com/v8/8237): it must not
		// stretch over the else range.
		name:      "singleton aliasing a range start is dropped",
		slots:     []Slot{fs(3), S(10, 20, 1), S(20, 40, 2), S(20, no, 0)},
		wantCount: 3,
		want:      []Block{B(10, 20, 1), B(20, 40, 2)},
	}, {
		// Two continuations at one position: only the one sorted first (slot
		// order) survives; the other's count is dropped.
		name:      "of two singletons at one position the first survives",
		slots:     []Slot{fs(5), S(10, 20, 2), S(20, no, 0), S(20, no, 3)},
		wantCount: 5,
		want:      []Block{B(10, 20, 2), B(20, 99, 0)},
	}, {
		name:      "consecutive ranges with equal counts merge",
		slots:     []Slot{fs(9), S(10, 20, 4), S(20, 30, 4), S(30, 40, 4)},
		wantCount: 9,
		want:      []Block{B(10, 40, 4)},
	}, {
		// The pass only looks at the next block: a child in between keeps
		// equal siblings apart.
		name:      "consecutive ranges separated by a child do not merge",
		slots:     []Slot{fs(9), S(10, 20, 4), S(12, 15, 1), S(20, 30, 4)},
		wantCount: 9,
		want:      []Block{B(10, 20, 4), B(12, 15, 1), B(20, 30, 4)},
	}, {
		name:      "a block with its parent's count disappears",
		slots:     []Slot{fs(3), S(10, 50, 3), S(20, 30, 3), S(30, 40, 1)},
		wantCount: 3,
		want:      []Block{B(30, 40, 1)},
	}, {
		name:      "nested block equal to its block parent disappears",
		slots:     []Slot{fs(9), S(10, 50, 3), S(20, 30, 3)},
		wantCount: 9,
		want:      []Block{B(10, 50, 3)},
	}, {
		// Merging [10,20) into [20,30) yields a second [10,30); duplicates
		// keep the larger count.
		name:      "duplicate ranges keep the larger count",
		slots:     []Slot{fs(9), S(10, 30, 2), S(10, 20, 4), S(20, 30, 4)},
		wantCount: 9,
		want:      []Block{B(10, 30, 4)},
	}, {
		name:      "uncovered blocks inside uncovered blocks are dropped",
		slots:     []Slot{fs(1), S(10, 50, 0), S(20, 30, 0), S(35, 40, 0)},
		wantCount: 1,
		want:      []Block{B(10, 50, 0)},
	}, {
		// A never-called function compiled eagerly (a parenthesized
		// function expression): everything is 0, so no block is left but
		// the function still has block coverage.
		name:      "uncovered function keeps no uncovered blocks",
		slots:     []Slot{fs(0), S(10, 50, 0), S(60, no, 0)},
		wantCount: 0,
	}, {
		// A continuation right before the function's closing brace becomes
		// the empty range [99, 99).
		name:      "empty ranges are dropped",
		slots:     []Slot{fs(1), S(10, 20, 2), S(99, no, 0)},
		wantCount: 1,
		want:      []Block{B(10, 20, 2)},
	}, {
		name:      "binary mode clamps counts, then merges",
		mode:      BlockBinary,
		slots:     []Slot{fs(7), S(10, 20, 3), S(20, no, 4), S(40, 50, 0)},
		wantCount: 1,
		want:      []Block{B(40, 50, 0)},
	}, {
		name:      "binary mode clamps the function-scope counter too",
		mode:      BlockBinary,
		slots:     []Slot{fs(0), S(10, 20, 3)},
		wantCount: 0,
		want:      []Block{B(10, 20, 1)},
	}, {
		// Slots come in allocation order, not source order.
		name:      "slots are sorted first",
		slots:     []Slot{S(30, 40, 1), fs(3), S(10, 50, 2)},
		wantCount: 3,
		want:      []Block{B(10, 50, 2), B(30, 40, 1)},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mode := tt.mode
			if mode == BestEffort {
				mode = BlockCount
			}
			f := FunctionData{Start: tt.start, End: 100, Count: 99}
			slots := slices.Clone(tt.slots)
			collectBlocks(&f, slots, mode)
			if !slices.Equal(slots, tt.slots) {
				t.Errorf("slots modified: %v", slots)
			}
			if !f.HasBlockCoverage {
				t.Errorf("HasBlockCoverage = false")
			}
			if f.Count != tt.wantCount {
				t.Errorf("count = %d, want %d", f.Count, tt.wantCount)
			}
			if fmt.Sprint(f.Blocks) != fmt.Sprint(tt.want) {
				t.Errorf("blocks = %v, want %v", f.Blocks, tt.want)
			}
		})
	}
}

// TestCollectBlocksEmptyRange: a function with an empty range (a default
// class constructor) gets no block coverage, whatever its slots.
func TestCollectBlocksEmptyRange(t *testing.T) {
	f := FunctionData{Start: 40, End: 40, Count: 2}
	collectBlocks(&f, []Slot{fs(2), S(40, no, 1)}, BlockCount)
	if f.HasBlockCoverage || f.Blocks != nil || f.Count != 2 {
		t.Errorf("got %+v", f)
	}
}

// TestBlockIterParentAndPrev checks the walk's view of nesting: the parent
// is the innermost kept block that ends after the current start, and prev
// is the stored block before, deleted or not.
func TestBlockIterParentAndPrev(t *testing.T) {
	f := FunctionData{Start: 0, End: 100, Count: 1, Blocks: []Block{
		B(10, 50, 2), B(20, 30, 3), B(25, 28, 4), B(30, 40, 5), B(60, 70, 6),
	}}
	type step struct {
		block, parent, prev Block
	}
	var got []step
	it := newBlockIter(&f)
	for it.next() {
		s := step{block: *it.block(), parent: *it.parent()}
		if it.read > 0 {
			s.prev = *it.prev()
		}
		if it.block().Start == 20 {
			it.remove() // [25,28) then sees [10,50) as its parent
		}
		got = append(got, s)
	}
	it.finish()
	want := []step{
		{B(10, 50, 2), B(0, 100, 1), Block{}},
		{B(20, 30, 3), B(10, 50, 2), B(10, 50, 2)},
		{B(25, 28, 4), B(10, 50, 2), B(20, 30, 3)},
		{B(30, 40, 5), B(10, 50, 2), B(25, 28, 4)},
		{B(60, 70, 6), B(0, 100, 1), B(30, 40, 5)},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("walk\n got %v\nwant %v", got, want)
	}
	if w := []Block{B(10, 50, 2), B(25, 28, 4), B(30, 40, 5), B(60, 70, 6)}; fmt.Sprint(f.Blocks) != fmt.Sprint(w) {
		t.Errorf("blocks = %v, want %v", f.Blocks, w)
	}
}

// TestBlockIterDeleteAll: deleting every block leaves none, and an empty
// list walks without a step.
func TestBlockIterDeleteAll(t *testing.T) {
	f := FunctionData{End: 10, Blocks: []Block{B(1, 2, 0), B(3, 4, 0)}}
	it := newBlockIter(&f)
	for it.next() {
		it.remove()
	}
	it.finish()
	if len(f.Blocks) != 0 {
		t.Errorf("blocks = %v", f.Blocks)
	}
	it = newBlockIter(&f)
	if it.next() {
		t.Error("step on an empty list")
	}
	it.finish()
}

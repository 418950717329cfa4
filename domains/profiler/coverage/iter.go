package coverage

// blockIter walks a function's sorted blocks once, giving each block its
// enclosing block (the parent) and the block after it, and lets a pass
// edit the current and the next block in place or delete the current one.
// Deleted blocks are squeezed out as the walk goes on, so a pass costs one
// traversal and no allocation beyond the nesting stack.
//
// It has V8's CoverageBlockIterator semantics exactly, because the passes'
// results depend on them: the parent is the innermost block that was kept
// (not deleted) and ends after the current block's start, the function
// itself (with its count as it was when the walk began) standing for the
// outermost; the stack holds copies of blocks taken when the walk moved
// past them; prev returns the block stored just before the current one,
// even if that block was deleted.
type blockIter struct {
	f     *FunctionData
	stack []Block
	// read is the current block's index; write is where the current block
	// goes if kept (write <= read).
	read, write int
	deleted     bool
	ended       bool
}

func newBlockIter(f *FunctionData) *blockIter {
	return &blockIter{f: f, read: -1, write: -1}
}

// hasNext reports whether a block follows the current one.
func (it *blockIter) hasNext() bool { return it.read+1 < len(it.f.Blocks) }

// next moves to the following block and reports whether there is one.
func (it *blockIter) next() bool {
	if !it.hasNext() {
		if !it.ended {
			it.keepCurrent()
		}
		it.ended = true
		return false
	}
	it.keepCurrent()
	if it.read == -1 {
		it.stack = append(it.stack, Block{Start: it.f.Start, End: it.f.End, Count: it.f.Count})
	} else if !it.deleted {
		it.stack = append(it.stack, it.f.Blocks[it.read])
	}
	it.deleted = false
	it.read++
	start := it.f.Blocks[it.read].Start
	for len(it.stack) > 1 && it.stack[len(it.stack)-1].End <= start {
		it.stack = it.stack[:len(it.stack)-1]
	}
	return true
}

// keepCurrent moves the current block down to its final place unless it
// was deleted.
func (it *blockIter) keepCurrent() {
	if it.deleted {
		return
	}
	if it.read >= 0 && it.write != it.read {
		it.f.Blocks[it.write] = it.f.Blocks[it.read]
	}
	it.write++
}

// finish walks to the end and drops the deleted blocks' slots. Every pass
// calls it when done, as V8's iterator destructor does.
func (it *blockIter) finish() {
	for it.next() {
	}
	it.f.Blocks = it.f.Blocks[:it.write]
}

// block returns the current block.
func (it *blockIter) block() *Block { return &it.f.Blocks[it.read] }

// nextBlock returns the block after the current one; hasNext must hold.
func (it *blockIter) nextBlock() *Block { return &it.f.Blocks[it.read+1] }

// prev returns the block stored just before the current one (read > 0).
func (it *blockIter) prev() *Block { return &it.f.Blocks[it.read-1] }

// parent returns the current block's enclosing block.
func (it *blockIter) parent() *Block { return &it.stack[len(it.stack)-1] }

// hasSiblingOrChild reports whether the next block starts inside the
// parent: it is then the current block's next sibling or first child.
func (it *blockIter) hasSiblingOrChild() bool {
	return it.hasNext() && it.nextBlock().Start < it.parent().End
}

// topLevel reports whether the current block's parent is the function.
func (it *blockIter) topLevel() bool { return len(it.stack) == 1 }

// remove deletes the current block.
func (it *blockIter) remove() { it.deleted = true }

package heap

import (
	"math/bits"

	"github.com/sonde-js/sonde/engine/layout"
)

// minFreeBlock is the smallest gap the free list keeps; smaller gaps become
// fillers and count as waste until the next sweep.
const minFreeBlock = 16

type freeBlock struct {
	addr layout.Addr
	size uint32
}

// freeList keeps a paged space's free blocks in power-of-two buckets: bucket
// i holds blocks of size in [2^(i-1), 2^i). Each block is also a FreeSpace
// filler in the heap, so pages stay iterable.
type freeList struct {
	buckets [PageShift + 2][]freeBlock
	total   uint64
}

func bucketOf(size uint32) int { return bits.Len32(size) }

func (f *freeList) add(b freeBlock) {
	i := bucketOf(b.size)
	f.buckets[i] = append(f.buckets[i], b)
	f.total += uint64(b.size)
}

// take removes and returns a block of at least size bytes, or false.
func (f *freeList) take(size uint32) (freeBlock, bool) {
	i := bucketOf(size)
	// The bucket of size itself may hold smaller blocks: look at a few.
	bucket := f.buckets[i]
	for j := len(bucket) - 1; j >= 0 && j >= len(bucket)-8; j-- {
		if b := bucket[j]; b.size >= size {
			bucket[j] = bucket[len(bucket)-1]
			f.buckets[i] = bucket[:len(bucket)-1]
			f.total -= uint64(b.size)
			return b, true
		}
	}
	// Every block in a higher bucket fits.
	for k := i + 1; k < len(f.buckets); k++ {
		if n := len(f.buckets[k]); n > 0 {
			b := f.buckets[k][n-1]
			f.buckets[k] = f.buckets[k][:n-1]
			f.total -= uint64(b.size)
			return b, true
		}
	}
	return freeBlock{}, false
}

func (f *freeList) reset() {
	for i := range f.buckets {
		f.buckets[i] = f.buckets[i][:0]
	}
	f.total = 0
}

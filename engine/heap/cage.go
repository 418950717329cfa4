package heap

import (
	"fmt"
	"syscall"
	"unsafe"

	"github.com/sonde-js/sonde/engine/layout"
)

// The pointer-compression cage: one anonymous mapping reserved up front. Heap
// references are 32-bit offsets into it. The OS commits its pages lazily on
// first touch; released pages are given back with madvise. Go's garbage
// collector never scans this memory.

const (
	// PageShift and PageSize fix the page granularity of every space but the
	// read-only one's first page.
	PageShift = 18
	PageSize  = 1 << PageShift // 256 KiB, as V8
	// MaxRegularObjectSize is the largest object a regular page holds; larger
	// ones go to the large-object space.
	MaxRegularObjectSize = 128 << 10
	// cageSize is the reserved range: 4 GiB, what 32-bit offsets address.
	cageSize  = 1 << 32
	cagePages = cageSize >> PageShift
)

type cage struct {
	mem  []byte
	base unsafe.Pointer
	// used[i] is true when page i belongs to a space. Page 0 is never handed
	// out, so offset 0 is never an object.
	used []bool
}

func newCage() (*cage, error) {
	mem, err := syscall.Mmap(-1, 0, cageSize, syscall.PROT_READ|syscall.PROT_WRITE,
		syscall.MAP_PRIVATE|syscall.MAP_ANON|syscall.MAP_NORESERVE)
	if err != nil {
		return nil, fmt.Errorf("reserve %d-byte pointer cage: %w", cageSize, err)
	}
	c := &cage{mem: mem, base: unsafe.Pointer(&mem[0]), used: make([]bool, cagePages)}
	c.used[0] = true
	return c, nil
}

func (c *cage) close() error {
	if c.mem == nil {
		return nil
	}
	err := syscall.Munmap(c.mem)
	c.mem, c.base = nil, nil
	return err
}

// reserve takes n contiguous free pages, lowest first, and returns the first
// one's address, or false when the cage has no such run.
func (c *cage) reserve(n int) (layout.Addr, bool) {
	run := 0
	for i := 1; i < len(c.used); i++ {
		if c.used[i] {
			run = 0
			continue
		}
		run++
		if run == n {
			first := i - n + 1
			for j := first; j <= i; j++ {
				c.used[j] = true
			}
			return layout.Addr(first << PageShift), true
		}
	}
	return 0, false
}

// release gives n pages starting at a back to the cage and their memory back to
// the OS.
func (c *cage) release(a layout.Addr, n int) {
	first := int(a >> PageShift)
	for j := first; j < first+n; j++ {
		c.used[j] = false
	}
	c.decommit(a, uint32(n)*PageSize)
}

// decommit returns the memory of [a, a+size) to the OS; it reads as zero after.
func (c *cage) decommit(a layout.Addr, size uint32) {
	_ = syscall.Madvise(c.mem[a:uint64(a)+uint64(size)], syscall.MADV_DONTNEED)
}

func (c *cage) bytes(a layout.Addr, n uint32) []byte {
	return unsafe.Slice((*byte)(unsafe.Add(c.base, uintptr(a))), n)
}

func mprotectReadOnly(c *cage, a layout.Addr, size uint32) error {
	return syscall.Mprotect(c.mem[a:uint64(a)+uint64(size)], syscall.PROT_READ)
}

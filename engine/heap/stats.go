package heap

import (
	"unsafe"

	"github.com/sonde-js/sonde/engine/layout"
)

// HeapStatistics is node's v8.getHeapStatistics(), field for field, plus the
// exact total of bytes the mutator allocated since the heap was created.
type HeapStatistics struct {
	TotalHeapSize            uint64 `json:"total_heap_size"`
	TotalHeapSizeExecutable  uint64 `json:"total_heap_size_executable"`
	TotalPhysicalSize        uint64 `json:"total_physical_size"`
	TotalAvailableSize       uint64 `json:"total_available_size"`
	UsedHeapSize             uint64 `json:"used_heap_size"`
	HeapSizeLimit            uint64 `json:"heap_size_limit"`
	MallocedMemory           uint64 `json:"malloced_memory"`
	PeakMallocedMemory       uint64 `json:"peak_malloced_memory"`
	DoesZapGarbage           uint64 `json:"does_zap_garbage"`
	NumberOfNativeContexts   uint64 `json:"number_of_native_contexts"`
	NumberOfDetachedContexts uint64 `json:"number_of_detached_contexts"`
	TotalGlobalHandlesSize   uint64 `json:"total_global_handles_size"`
	UsedGlobalHandlesSize    uint64 `json:"used_global_handles_size"`
	ExternalMemory           uint64 `json:"external_memory"`
	TotalAllocatedBytes      uint64 `json:"total_allocated_bytes"`
}

// SpaceStatistics is one entry of node's v8.getHeapSpaceStatistics().
type SpaceStatistics struct {
	SpaceName          string `json:"space_name"`
	SpaceSize          uint64 `json:"space_size"`
	SpaceUsedSize      uint64 `json:"space_used_size"`
	SpaceAvailableSize uint64 `json:"space_available_size"`
	PhysicalSpaceSize  uint64 `json:"physical_space_size"`
}

// CodeStatistics is node's v8.getHeapCodeStatistics(). The engine has no
// machine code yet: everything it runs is bytecode.
type CodeStatistics struct {
	CodeAndMetadataSize      uint64 `json:"code_and_metadata_size"`
	BytecodeAndMetadataSize  uint64 `json:"bytecode_and_metadata_size"`
	ExternalScriptSourceSize uint64 `json:"external_script_source_size"`
	CPUProfilerMetadataSize  uint64 `json:"cpu_profiler_metadata_size"`
}

// TotalAllocatedBytes returns the bytes the mutator has allocated since the
// heap was created: exact, GC copies excluded, the current LABs' unused tails
// not counted.
func (h *Heap) TotalAllocatedBytes() uint64 {
	n := h.allocated
	for _, al := range h.mutatorAllocators() {
		n -= uint64(al.lab.end - al.lab.top)
	}
	return n
}

// SpaceStatistics returns the statistics of each space, in node's order.
func (h *Heap) SpaceStatistics() []SpaceStatistics {
	ns := &h.newSpace
	newUsed := uint64(ns.top-ns.to) - ns.holes - uint64(h.newAlloc.lab.end-h.newAlloc.lab.top)
	paged := func(sp *pagedSpace, al *allocator) SpaceStatistics {
		tail := uint64(al.lab.end - al.lab.top)
		size := sp.committed()
		avail := sp.free.total + tail
		return SpaceStatistics{sp.id.String(), size, size - avail - sp.waste, avail, size}
	}
	ro := SpaceStatistics{"read_only_space", h.ro.committed(), uint64(h.roTop), 0, h.ro.committed()}
	if n := len(h.ro.pages); n > 0 {
		last := h.ro.pages[n-1]
		ro.SpaceUsedSize = uint64(n-1)*PageSize + uint64(h.roTop-last.start)
		ro.SpaceAvailableSize = uint64(h.roEnd - h.roTop)
	}
	return []SpaceStatistics{
		ro,
		{"new_space", uint64(ns.capacity), newUsed, uint64(ns.capacity) - newUsed, uint64(ns.capacity)},
		paged(&h.old, &h.oldAlloc),
		paged(&h.code, &h.codeAlloc),
		{"large_object_space", h.lo.committed(), h.lo.objects, 0, h.lo.committed()},
	}
}

// SizeOfObjects returns the bytes of all objects in the heap (node's
// used_heap_size).
func (h *Heap) SizeOfObjects() uint64 {
	var n uint64
	for _, s := range h.SpaceStatistics() {
		n += s.SpaceUsedSize
	}
	return n
}

// CommittedSize returns the bytes of all spaces (node's total_heap_size).
func (h *Heap) CommittedSize() uint64 {
	var n uint64
	for _, s := range h.SpaceStatistics() {
		n += s.SpaceSize
	}
	return n
}

// oldGenerationUsed returns the bytes of the objects in the old generation.
func (h *Heap) oldGenerationUsed() uint64 {
	var n uint64
	for _, s := range h.SpaceStatistics()[2:] {
		n += s.SpaceUsedSize
	}
	return n
}

// Statistics returns node's heap statistics. NumberOfNativeContexts is left
// to the heap's owner, which knows what a context is.
func (h *Heap) Statistics() HeapStatistics {
	var st HeapStatistics
	var avail uint64
	for _, s := range h.SpaceStatistics() {
		st.TotalHeapSize += s.SpaceSize
		st.TotalPhysicalSize += s.PhysicalSpaceSize
		st.UsedHeapSize += s.SpaceUsedSize
		avail += s.SpaceAvailableSize
	}
	st.TotalHeapSizeExecutable = h.code.committed()
	st.HeapSizeLimit = h.maxOld + 2*uint64(h.newSpace.maxSemi)
	if st.HeapSizeLimit > st.TotalHeapSize {
		avail += st.HeapSizeLimit - st.TotalHeapSize
	}
	st.TotalAvailableSize = avail
	st.MallocedMemory = h.mallocedMemory()
	h.stats.peakMalloced = max(h.stats.peakMalloced, st.MallocedMemory)
	st.PeakMallocedMemory = h.stats.peakMalloced
	if h.opts.VerifyHeap {
		st.DoesZapGarbage = 1
	}
	slot := uint64(unsafe.Sizeof(globalSlot{}))
	st.TotalGlobalHandlesSize = uint64(cap(h.globals.slots)) * slot
	st.UsedGlobalHandlesSize = uint64(h.globals.used) * slot
	st.ExternalMemory = uint64(max(h.external, 0))
	st.TotalAllocatedBytes = h.TotalAllocatedBytes()
	return st
}

// mallocedMemory estimates the Go memory the heap keeps beside the cage: page
// metadata and bitmaps, handles, global handles and free lists.
func (h *Heap) mallocedMemory() uint64 {
	n := uint64(len(h.pages)) * 8
	for _, p := range h.allPages() {
		n += uint64(unsafe.Sizeof(page{})) + uint64(p.bitmapBytes())
	}
	n += uint64(len(h.handles.blocks)) * handleBlockSize * layout.TaggedSize
	n += uint64(cap(h.globals.slots)) * uint64(unsafe.Sizeof(globalSlot{}))
	for _, sp := range []*pagedSpace{&h.old, &h.code} {
		for _, b := range sp.free.buckets {
			n += uint64(cap(b)) * uint64(unsafe.Sizeof(freeBlock{}))
		}
	}
	return n
}

// AdjustExternalMemory records a change in memory held outside the heap on
// behalf of heap objects (ArrayBuffer backing stores), reported as
// external_memory.
func (h *Heap) AdjustExternalMemory(delta int64) int64 {
	h.external += delta
	return h.external
}

// CodeStatistics returns node's code statistics: the bytecode arrays and the
// metadata they own (constant pools, handler and source-position tables).
func (h *Heap) CodeStatistics() CodeStatistics {
	var st CodeStatistics
	h.ForEachObject(func(a layout.Addr) {
		if h.InstanceType(a) != layout.BytecodeArrayType {
			return
		}
		st.BytecodeAndMetadataSize += uint64(h.SizeOf(a))
		for _, off := range []uint32{layout.BytecodeArrayConstantPoolOffset, layout.BytecodeArrayHandlerTableOffset, layout.BytecodeArraySourcePositionTableOffset} {
			if v := h.Field(a, off); v.IsHeapObject() && !h.InReadOnlySpace(v.Addr()) {
				st.BytecodeAndMetadataSize += uint64(h.SizeOf(v.Addr()))
			}
		}
	})
	return st
}

// GCCount returns how many scavenges and full GCs have run.
func (h *Heap) GCCount() (scavenges, full int) { return h.stats.scavenges, h.stats.fullGCs }

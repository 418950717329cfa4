package heap

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStatisticsUseNodeFieldNames(t *testing.T) {
	th := newTestHeap(t, Options{MaxOldSpaceMiB: 100, MaxSemiSpaceMiB: 8})
	b, err := json.Marshal(th.Statistics())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"total_heap_size", "total_heap_size_executable", "total_physical_size",
		"total_available_size", "used_heap_size", "heap_size_limit", "malloced_memory",
		"peak_malloced_memory", "does_zap_garbage", "number_of_native_contexts",
		"number_of_detached_contexts", "total_global_handles_size", "used_global_handles_size",
		"external_memory", "total_allocated_bytes"} {
		if !strings.Contains(string(b), `"`+k+`":`) {
			t.Errorf("statistics lack %s: %s", k, b)
		}
	}
	if st := th.Statistics(); st.HeapSizeLimit != 100<<20+2*8<<20 {
		t.Errorf("heap_size_limit %d", st.HeapSizeLimit)
	}
}

func TestSpaceStatisticsTrackAllocation(t *testing.T) {
	th := newTestHeap(t, Options{})
	scope := th.OpenScope()
	defer scope.Close()
	names := []string{"read_only_space", "new_space", "old_space", "code_space", "large_object_space"}
	before := th.SpaceStatistics()
	for i, s := range before {
		if s.SpaceName != names[i] {
			t.Fatalf("space %d is %q, want %q", i, s.SpaceName, names[i])
		}
	}
	th.array(OldSpace, 1000)
	th.bytes(CodeSpace, 100, 0)
	th.array(NewSpace, 10)
	th.bytes(OldSpace, 500000, 0)
	after := th.SpaceStatistics()
	for i, want := range []uint64{0, uint64(arraySize(10)), uint64(arraySize(1000)), uint64(bytesSize(100)), uint64(bytesSize(500000))} {
		if got := after[i].SpaceUsedSize - before[i].SpaceUsedSize; got != want {
			t.Errorf("%s used grew by %d, want %d", names[i], got, want)
		}
		if s := after[i]; s.SpaceUsedSize+s.SpaceAvailableSize > s.SpaceSize {
			t.Errorf("%s: used %d + available %d > size %d", names[i], s.SpaceUsedSize, s.SpaceAvailableSize, s.SpaceSize)
		}
	}
	st := th.Statistics()
	if st.UsedHeapSize > st.TotalHeapSize || st.MallocedMemory == 0 {
		t.Errorf("statistics %+v", st)
	}
	th.AdjustExternalMemory(1234)
	if th.Statistics().ExternalMemory != 1234 {
		t.Error("external memory not reported")
	}
	// Garbage is gone after a full GC.
	scope.Close()
	th.CollectGarbage(true)
	if used := th.SizeOfObjects(); used != after[0].SpaceUsedSize {
		t.Errorf("after a full GC with no roots, %d bytes used beside read-only %d", used, after[0].SpaceUsedSize)
	}
}

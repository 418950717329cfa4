package engine

import "testing"

// TestArrayBufferBackingStoreFreed checks that a buffer's off-heap bytes
// are accounted while it lives and released when a GC finds it dead.
func TestArrayBufferBackingStoreFreed(t *testing.T) {
	iso, err := NewIsolate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	if _, err := iso.RunScript("globalThis.keep = new ArrayBuffer(4096); new Uint8Array(1000);", "a.js"); err != nil {
		t.Fatal(err)
	}
	js := iso.JS()
	if got := js.ArrayBufferMemory(); got != 5096 {
		t.Fatalf("live backing stores: %d bytes, want 5096", got)
	}
	external := iso.Heap.Statistics().ExternalMemory
	iso.Heap.CollectGarbage(true)
	if got := js.ArrayBufferMemory(); got != 4096 {
		t.Errorf("after GC: %d bytes, want 4096 (the dead Uint8Array's buffer freed)", got)
	}
	if got := iso.Heap.Statistics().ExternalMemory; got != external-1000 {
		t.Errorf("external memory %d, want %d", got, external-1000)
	}
	if _, err := iso.RunScript("$detach = keep;", "b.js"); err != nil {
		t.Fatal(err)
	}
	if _, err := iso.RunScript("keep = undefined; $detach = undefined;", "c.js"); err != nil {
		t.Fatal(err)
	}
	iso.Heap.CollectGarbage(true)
	if got := js.ArrayBufferMemory(); got != 0 {
		t.Errorf("after dropping the last buffer: %d bytes", got)
	}
}

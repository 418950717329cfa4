package engine

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
)

// TestWeakRefCollection checks what the corpus cannot (node needs
// --expose-gc): a WeakRef's target stays alive until the job that made it
// ends, is cleared by a full GC afterwards, and the FinalizationRegistry's
// cleanup then runs as a task of the event loop (unregistered cells never).
func TestWeakRefCollection(t *testing.T) {
	src := `
let o = { name: 'target' };
const ref = new WeakRef(o);
const reg = new FinalizationRegistry((held) => console.log('cleanup', held));
reg.register(o, 'held');
const token = {};
let p = {};
reg.register(p, 'unregistered', token);
reg.unregister(token);
o = null;
p = null;
gc();
console.log('same job', ref.deref() !== undefined);
setTimeout(() => {
  gc();
  console.log('after gc', ref.deref());
  setTimeout(() => console.log('done'), 1);
}, 1);
`
	want := "same job true\nafter gc undefined\ncleanup held\ndone\n"
	for _, hopts := range []heap.Options{{}, {GCStressEvery: 13, StressCompaction: true, VerifyHeap: true}} {
		got, err := runWith(t, "weak.js", src, Options{Heap: hopts, ExposeGC: true})
		if err != nil || got != want {
			t.Fatalf("err %v, output:\n%s\nwant:\n%s", err, got, want)
		}
	}
}

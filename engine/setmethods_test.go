package engine

import (
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
)

// TestSetAlgebra checks the ES2025 Set methods (node 20, the oracle of
// the script corpus, predates them): expectations worked out from the
// specification's algorithms, including which operand each one iterates.
func TestSetAlgebra(t *testing.T) {
	for _, stress := range []bool{false, true} {
		testSetAlgebra(t, stress)
	}
}

func testSetAlgebra(t *testing.T, stress bool) {
	var printed []string
	opts := Options{Print: func(s string) { printed = append(printed, s) }}
	if stress {
		opts.Heap = heap.Options{GCStressEvery: 13, VerifyHeap: true, StressCompaction: true}
	}
	iso, err := NewIsolate(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	if _, err := iso.RunScript(`var log = function () { print(Array.prototype.join.call(arguments, " ")); };
var a = new Set([1, 2, 3, -0]), b = new Set([3, 4, 0]);
function s(x) { return JSON.stringify([...x]); }
log(s(a.union(b)), s(a.intersection(b)), s(a.difference(b)), s(a.symmetricDifference(b)));
log(a.isSubsetOf(b), new Set([3]).isSubsetOf(b), a.isSupersetOf(new Set([1])), a.isDisjointFrom(new Set([9])), a.isDisjointFrom(b));
var m = new Map([[1, "x"], [9, "y"]]);
log(s(a.intersection(m)), s(a.union(m)));
var like = { size: 2, has(v) { return v === 2; }, keys() { var i = 0; return { next() { i++; return { done: i > 2, value: i * 10 }; } }; } };
log(s(a.union(like)), s(a.intersection(like)), s(a.difference(like)), a.isSupersetOf(like));
for (var bad of [null, {}, { size: NaN, has() {}, keys() {} }, { size: -1, has() {}, keys() {} }, { size: 1, has: 1, keys() {} }]) {
  try { a.union(bad); } catch (e) { log(e.constructor.name); }
}
class MySet extends Set {}
log(Object.getPrototypeOf(new MySet([1]).union(a)) === Set.prototype, Set.prototype.union.length, Set.prototype.isDisjointFrom.name);
`, "sets.js"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"[1,2,3,0,4] [3,0] [1,2] [1,2,4]",
		"false true true true false",
		"[1] [1,2,3,0,9]",
		"[1,2,3,0,10,20] [] [1,2,3,0] false",
		"TypeError",
		"TypeError",
		"TypeError",
		"RangeError",
		"TypeError",
		"true 1 isDisjointFrom",
	}
	if got := strings.Join(printed, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("stress %v: got\n%s\nwant\n%s", stress, got, strings.Join(want, "\n"))
	}
}

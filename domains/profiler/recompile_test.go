package profiler

import (
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine"
	"github.com/sonde-js/sonde/engine/heap"
	proto "github.com/sonde-js/sonde/protocol/profiler"
)

// Beyond V8: block coverage for functions compiled before
// startPreciseCoverage{detailed:true}. The oracle is node's own semantics
// of a reset: a run that started block coverage before the script and took
// once before calling later() must report, in its second take, exactly
// what a run that started coverage only before later() reports in its
// first take (the recompiled functions count what ran since the start).
// The first kind of run is node-exact (TestCorpusThroughDomain).

var recompileScripts = map[string]string{
	"reset_after_take.js": "", // from the corpus; later is afterFirstTake
	"branches.js": `
function classify(n) {
  if (n < 0) return "neg";
  else if (n === 0) return "zero";
  switch (n % 3) { case 0: return "fizz"; case 1: break; default: n++; }
  try { if (n > 5) throw new Error("big"); } catch (e) { return "caught"; } finally { n--; }
  return n > 2 ? "mid" : "small";
}
function loops(k) {
  let s = 0;
  outer: for (let i = 0; i < k; i++) {
    for (const j of [1, 2, 3]) { if (j === 2) continue; if (i > 3) break outer; s += j; }
  }
  while (s > 10) s -= 3;
  return s && s || 0;
}
function makeCounter() { let c = 0; return { inc: () => ++c, get: function () { return c ?? -1; } }; }
const counter = makeCounter();
class Shape { constructor(w) { this.w = w; } area() { return this.w > 1 ? this.w * this.w : 1; } }
function* gen(n) { for (let i = 0; i < n; i++) yield i; }
[-1, 0, 3, 4].map(classify); loops(2); counter.inc(); new Shape(1).area();
[...gen(2)];
function later() {
  [0, 1, 2, 7, 8, -3].map(classify); loops(6); counter.inc(); counter.get();
  new Shape(3).area(); [...gen(3)];
}`,
}

func TestRecompiledBlockCoverage(t *testing.T) {
	for name, src := range recompileScripts {
		later := "later"
		if src == "" {
			b, err := os.ReadFile(corpusDir + "/corpus/" + name)
			if err != nil {
				t.Fatal(err)
			}
			src, later = string(b), "afterFirstTake"
		}
		want := runStarted(t, name, src, later, true, false, heap.Options{})
		got := runStarted(t, name, src, later, true, true, heap.Options{})
		if w, g := jsonOf(want), jsonOf(got); w != g {
			t.Errorf("%s:\nrecompiled %s\nfresh      %s", name, g, w)
		}
		// The same under GC stress with compaction.
		stressed := runStarted(t, name, src, later, true, true,
			heap.Options{GCStressEvery: 53, StressCompaction: true, VerifyHeap: true})
		if g := jsonOf(stressed); g != jsonOf(want) {
			t.Errorf("%s under GC stress:\n%s\nwant %s", name, g, jsonOf(want))
		}
		binary := runStarted(t, name, src, later, false, true, heap.Options{})
		if g, w := ranFunctions(binary), ranFunctions(got); g != w || g == "" {
			t.Errorf("%s binary: ran %q, count mode ran %q", name, g, w)
		}
		if strings.Contains(jsonOf(binary), `"isBlockCoverage":false`) {
			t.Errorf("%s binary: function without blocks: %s", name, jsonOf(binary))
		}
	}
}

// ranFunctions lists the functions whose own range has a non-zero count.
func ranFunctions(r []proto.ScriptCoverage) string {
	var names []string
	for _, s := range r {
		for _, f := range s.Functions {
			if f.Ranges[0].Count > 0 {
				names = append(names, f.FunctionName)
			}
		}
	}
	return strings.Join(names, ",")
}

// TestV8CompatibleKeepsBytecode: with Options.V8Compatible a function
// compiled before the start reports its function range only, as node.
func TestV8CompatibleKeepsBytecode(t *testing.T) {
	iso, err := engine.NewIsolate(engine.Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	if _, err := iso.RunScript("function f(a) { return a ? 1 : 2 }\nf(1);\n", "x.js"); err != nil {
		t.Fatal(err)
	}
	p := New(iso, Options{V8Compatible: true})
	c := p.NewClient(nil)
	c.Enable()
	c.StartPrecise(true, true, false)
	if _, err := iso.RunScript("f(0)", "y.js"); err != nil {
		t.Fatal(err)
	}
	r, _, _ := c.TakePrecise()
	got := jsonOf(r)
	if !strings.Contains(got, `{"functionName":"f","ranges":[{"startOffset":0,"endOffset":34,"count":1}],"isBlockCoverage":false}`) {
		t.Errorf("V8Compatible: %s", got)
	}
}

// runStarted runs src; precise block coverage starts after it (late) or
// before it (then a take is discarded after it), later() runs, and the
// take that follows is returned.
func runStarted(t *testing.T, name, src, later string, callCount, late bool, hopts heap.Options) []proto.ScriptCoverage {
	t.Helper()
	iso, err := engine.NewIsolate(engine.Options{Stdout: io.Discard, Stderr: io.Discard, Heap: hopts})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	p := New(iso, Options{})
	c := p.NewClient(nil)
	c.Enable()
	if !late {
		c.StartPrecise(callCount, true, false)
	}
	if _, err := iso.RunScript(src, name); err != nil {
		t.Fatal(err)
	}
	if late {
		c.StartPrecise(callCount, true, false)
	} else if _, _, err := c.TakePrecise(); err != nil {
		t.Fatal(err)
	}
	callGlobal(t, iso, later)
	iso.Heap.CollectGarbage(true)
	r, _, err := c.TakePrecise()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

package engine

import (
	"testing"

	"github.com/sonde-js/sonde/engine/heap"
)

// TestWithProxyTrapOrder checks the traps a with statement's object
// environment runs on a proxy, in the specification's order (test262's
// statements/with/*-with-proxy-env tests): HasBinding (has, then get of
// Symbol.unscopables), then GetBindingValue and SetMutableBinding ask has
// again before get or set. Node 20 skips that second has, so this is not in
// the node-generated corpus.
func TestWithProxyTrapOrder(t *testing.T) {
	src := `
const log = [];
const proxy = new Proxy({ p: 1 }, {
  has(t, k) { log.push('has ' + String(k)); return Reflect.has(t, k); },
  get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push('set ' + String(k)); return Reflect.set(t, k, v, r); },
});
with (proxy) {
  p;
  p = 2;
  typeof q;
}
console.log(log.join(', '));
`
	want := "has p, get Symbol(Symbol.unscopables), has p, get p, " +
		"has p, get Symbol(Symbol.unscopables), has p, set p, " +
		"has q\n"
	for _, opts := range []heap.Options{{}, {GCStressEvery: 7, StressCompaction: true}} {
		got, err := runScript(t, "with-proxy.js", src, opts)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("trap order:\n got %q\nwant %q", got, want)
		}
	}
}

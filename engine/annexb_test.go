package engine

import (
	"strings"
	"testing"
)

// TestAnnexBFunctionsSpec checks Annex B.3.2 block-level function cases
// where node 20 does not follow ECMA-262 (so the script corpus, whose
// oracle is node, cannot hold them); the expected output is the spec's.
func TestAnnexBFunctionsSpec(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{
			// The inner f would need `var f` across the outer block's
			// lexical f: an early error, so only the outer one is copied
			// (test262 block-decl-nested-blocks-with-fun-decl; node: 2).
			"nested blocks",
			`function g() {
				{ function f() { return 1; } { function f() { return 2; } } }
				console.log(f());
			}
			g();`,
			"1",
		},
		{
			// "arguments" is one of parameterNames when the arguments object
			// is needed: no var copy (test262 block-decl-func-skip-arguments;
			// node prints function).
			"arguments",
			`(function () {
				{ function arguments() {} }
				console.log(typeof arguments, String(arguments));
			})();
			(function (...r) {
				{ function arguments() {} }
				console.log(typeof arguments);
			})();`,
			"object [object Arguments]\nobject",
		},
	}
	for _, c := range cases {
		got, err := runScript(t, "t.js", c.src, heapOpts())
		if err != nil {
			t.Errorf("%s: %v (output %q)", c.name, err, got)
			continue
		}
		if got = strings.TrimSpace(got); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

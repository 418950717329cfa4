package test262

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These tests use a real test262 checkout, named by $TEST262_DIR; they skip
// without one. NodeEngine tests also need node in PATH.

func test262Dir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("TEST262_DIR")
	if dir == "" {
		t.Skip("TEST262_DIR is not set: set it to a tc39/test262 checkout to run the integration tests")
	}
	if _, err := os.Stat(filepath.Join(dir, "harness", "assert.js")); err != nil {
		t.Skipf("TEST262_DIR=%s does not look like a test262 checkout: %v", dir, err)
	}
	return dir
}

// TestParseAllMetadata parses every test's frontmatter and checks it
// against what the files say plainly: known flags, existing includes, and a
// negative block exactly where "negative:" appears.
func TestParseAllMetadata(t *testing.T) {
	root := test262Dir(t)
	paths, err := Discover(root, []string{"test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, f := range []string{FlagOnlyStrict, FlagNoStrict, FlagModule, FlagRaw, FlagAsync,
		FlagCanBlockIsFalse, FlagCanBlockIsTrue, FlagNonDeterministic, "generated"} {
		known[f] = true
	}
	bad := 0
	for _, rel := range paths {
		tt, err := LoadTest(root, rel)
		if err != nil {
			t.Errorf("%v", err)
			bad++
			continue
		}
		for _, f := range tt.Meta.Flags {
			if !known[f] {
				t.Errorf("%s: unknown flag %q", rel, f)
			}
		}
		for _, inc := range tt.Meta.Includes {
			if _, err := os.Stat(filepath.Join(root, "harness", inc)); err != nil {
				t.Errorf("%s: include %q: %v", rel, inc, err)
			}
		}
		fm := tt.Source[strings.Index(tt.Source, "/*---"):]
		fm = fm[:strings.Index(fm, "---*/")]
		if hasNeg := strings.Contains(fm, "\nnegative:") || strings.Contains(fm, "\n negative:"); hasNeg != (tt.Meta.Negative != nil) {
			t.Errorf("%s: negative = %+v, but frontmatter says %v", rel, tt.Meta.Negative, hasNeg)
		}
		if tt.Meta.Description == "" {
			t.Errorf("%s: no description", rel)
		}
		if bad > 20 {
			t.Fatal("too many errors")
		}
	}
	t.Logf("parsed %d tests", len(paths))
}

// TestNodeEngineSample runs a few dozen real tests of every kind on node
// and expects node to pass them all: scripts in both modes, raw, negative
// (parse, resolution, runtime), async, modules with fixtures, dynamic
// import, and $262 (createRealm, evalScript, detachArrayBuffer, agent,
// IsHTMLDDA).
func TestNodeEngineSample(t *testing.T) {
	root := test262Dir(t)
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not in PATH")
	}
	eng, err := NewNodeEngine(NodeOptions{Processes: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	glob, err := ParseGlob(strings.Join([]string{
		"test/language/statements/let/syntax/let.js",
		"test/language/statements/let/syntax/let-let-declaration-split-across-two-lines.js",
		"test/language/statements/let/redeclaration-error-from-within-strict-mode-function.js",
		"test/language/directive-prologue/14.1-4-s.js",
		"test/language/global-code/decl-lex-deletion.js",
		"test/language/global-code/script-decl-lex-deletion.js",
		"test/language/directive-prologue/10.1.1-2gs.js",
		"test/language/module-code/eval-self-abrupt.js",
		"test/language/module-code/top-level-await/await-dynamic-import-resolution.js",
		"test/language/comments/hashbang/no-line-separator.js",
		"test/language/comments/hashbang/preceding-directive-prologue.js",
		"test/language/module-code/instn-resolve-empty-export.js",
		"test/language/module-code/instn-iee-bndng-cls.js",
		"test/language/module-code/eval-gtbndng-indirect-update.js",
		"test/language/module-code/early-dup-export-decl.js",
		"test/language/module-code/import-attributes/allow-nlt-before-with.js",
		"test/language/module-code/top-level-await/await-expr-resolution.js",
		"test/language/expressions/dynamic-import/eval-self-once-script.js",
		"test/language/expressions/dynamic-import/usage/nested-arrow-assignment-expression-eval-gtbndng-indirect-update-dflt.js",
		"test/language/expressions/async-arrow-function/await-as-param-ident-nested-arrow-parameter-position.js",
		"test/language/statements/async-function/evaluation-body-that-returns-after-await.js",
		"test/language/statements/for-of/break.js",
		"test/language/identifiers/start-unicode-5.2.0.js",
		"test/built-ins/Array/prototype/map/15.4.4.19-5-1.js",
		"test/built-ins/Array/from/source-object-iterator-1.js",
		"test/built-ins/Promise/all/resolve-non-callable.js",
		"test/built-ins/Promise/prototype/then/rxn-handler-fulfilled-return-normal.js",
		"test/built-ins/Function/call-bind-this-realm-value.js",
		"test/built-ins/Array/proto-from-ctor-realm-one.js",
		"test/built-ins/DataView/detached-buffer.js",
		"test/built-ins/TypedArrayConstructors/ctors/object-arg/iterating-throws.js",
		"test/built-ins/Atomics/notify/notify-all.js",
		"test/built-ins/Atomics/wait/no-spurious-wakeup-on-add.js",
		"test/built-ins/Object/is/not-same-value-x-y-null.js",
		"test/built-ins/Symbol/for/cross-realm.js",
		"test/built-ins/JSON/parse/reviver-call-order.js",
		"test/annexB/built-ins/String/prototype/split/custom-splitter-emulates-undefined.js",
		"test/annexB/language/expressions/typeof/emulates-undefined.js",
	}, ","))
	if err != nil {
		t.Fatal(err)
	}
	results, err := Run(context.Background(), eng, Config{
		Root: root, Paths: []string{"test/language", "test/built-ins", "test/annexB"},
		Match: glob.Match, Workers: 2, Timeout: 20 * time.Second, Skip: DefaultSkipList(),
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range results {
		seen[r.Path] = true
		if r.Status != Pass {
			t.Errorf("%s: %s: %s", r.ID, r.Status, r.Message)
		}
	}
	if len(seen) < 30 {
		t.Errorf("ran %d of the sample's files; test262 may have moved some: %v", len(seen), seen)
	}
	t.Logf("%d jobs from %d files", len(results), len(seen))
}

package test262

import (
	"os"
	"path/filepath"
	"testing"
)

// writeTree creates files (slash-separated path → content) under a new
// temporary directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for rel, content := range files {
		file := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// miniHarness is a stand-in for test262's harness/ directory, written for
// these tests: just enough assert and $DONE to drive real engines.
func miniHarness() map[string]string {
	return map[string]string{
		"harness/assert.js": `function assert(c, m) { if (c !== true) throw new Test262Error(m || "assertion failed"); }
assert.sameValue = function (a, b, m) { if (a !== b) throw new Test262Error((m || "") + " expected " + String(b) + " got " + String(a)); };
`,
		"harness/sta.js": `function Test262Error(message) { this.message = message || ""; }
function $DONOTEVALUATE() { throw "Test262: This statement should not be evaluated."; }
`,
		"harness/doneprintHandle.js": `function $DONE(e) {
  print(e ? "Test262:AsyncTestFailure:" + e.constructor.name + ": " + e.message : "Test262:AsyncTestComplete");
}
`,
		"harness/helper.js":       "var helperLoaded = true;\n",
		"harness/detachHelper.js": "function detach(b) { $262.detachArrayBuffer(b); }\n",
	}
}

// header builds a test file from frontmatter lines and a body.
func header(frontmatter, body string) string {
	return "// test\n/*---\ndescription: a test\n" + frontmatter + "---*/\n" + body
}

// mustTest builds a Test from source without touching the disk.
func mustTest(t *testing.T, path, source string) *Test {
	t.Helper()
	m, err := ParseMetadata(source)
	if err != nil {
		t.Fatal(err)
	}
	return &Test{Path: path, File: "/abs/" + path, Source: source, Meta: m}
}

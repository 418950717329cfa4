package main

import (
	"os"
	"path/filepath"
	"testing"
)

// fakeBase stands in for Octane's base.js: just enough BenchmarkSuite for
// the driver, each suite's "reference" being the function to run.
const fakeBase = `
function BenchmarkSuite(name, reference, run) {
  this.name = name;
  this.run = run;
  BenchmarkSuite.suites.push(this);
}
BenchmarkSuite.suites = [];
BenchmarkSuite.config = { doWarmup: true, doDeterministic: true };
BenchmarkSuite.RunSuites = function (runner) {
  for (var i = 0; i < BenchmarkSuite.suites.length; i++) {
    var s = BenchmarkSuite.suites[i];
    try {
      s.run();
      runner.NotifyResult(s.name, '123');
    } catch (e) {
      runner.NotifyError(s.name, e);
    }
  }
  runner.NotifyScore('123');
};
`

// fakeSuites stands in for a benchmark file: a suite that passes, one that
// fails its check with a message that needs escaping, one that throws a
// string, and one that checks it runs as a classic script (top-level var
// declarations are global object properties).
const fakeSuites = `
var topLevel = 1;
var globalObject = this;
new BenchmarkSuite('Good', [1], function () {});
new BenchmarkSuite('Bad', [1], function () {
  throw new Error('wrong result\nline two \\ backslash');
});
new BenchmarkSuite('Thrown', [1], function () { throw 'Alert called'; });
new BenchmarkSuite('Global', [1], function () {
  if (globalObject.topLevel !== 1) throw new Error('not run as a classic script');
});
`

// fakeScript composes the fake Octane with the real driver.
func fakeScript() Script {
	return compose(Benchmark{"Fake", "fake.js"}, map[string]string{"base.js": fakeBase, "fake.js": fakeSuites})
}

// writeFakeOctane writes the fake base.js and, as richards.js, the fake
// suites into a temporary directory shaped like an Octane checkout.
func writeFakeOctane(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"base.js": fakeBase, "richards.js": fakeSuites} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

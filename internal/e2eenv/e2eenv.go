// Package e2eenv decides what an end-to-end test does when a tool it needs
// (node, the npm packages of e2e/package.json, chromium) is missing: locally
// it skips with the reason; under CI, where .ci/run installs everything and
// sets SONDE_REQUIRE_E2E=1, the same absence is a failure, so CI always runs
// these tests.
package e2eenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// RequireVar is the environment variable under which a missing tool fails
// the test instead of skipping it.
const RequireVar = "SONDE_REQUIRE_E2E"

// Missing skips t with reason, or fails it when RequireVar is set.
func Missing(t testing.TB, reason string) {
	t.Helper()
	if os.Getenv(RequireVar) != "" {
		t.Fatalf("%s (required: %s is set)", reason, RequireVar)
	}
	t.Skip(reason)
}

// Node returns the path of node, or skips/fails t.
func Node(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		Missing(t, "node is not on PATH")
	}
	return p
}

// NPMPrefix returns a directory whose node_modules holds the e2e npm
// packages: $SONDE_NPM_PREFIX if set, else the repository's e2e/ once
// `npm ci --prefix e2e` has run. It skips/fails t when neither has them.
func NPMPrefix(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("SONDE_NPM_PREFIX")
	if dir == "" {
		_, file, _, _ := runtime.Caller(0)
		dir = filepath.Join(filepath.Dir(file), "..", "..", "e2e")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		Missing(t, "the e2e npm packages are not installed: run `npm ci --prefix e2e` (or set SONDE_NPM_PREFIX)")
	}
	return dir
}

// Chromium returns the path of Debian's chromium (or $SONDE_CHROMIUM), or
// skips/fails t.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("SONDE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, "chromium is not installed (apt-get install -y chromium)")
	return ""
}

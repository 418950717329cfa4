package e2e

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sonde-js/sonde/internal/e2eenv"
)

// TestPuppeteerCDPSession drives the binary with puppeteer-core's CDP
// session (its Connection over its WebSocket transport, connected to the
// target's webSocketDebuggerUrl from /json/list): console events, evaluate
// with a preview, by value and throwing, getProperties (own, internal,
// accessors only), terminateExecution. Everything the driver saw must equal
// what node answered it (testdata/puppeteer.node.json, recorded by
// testdata/record_puppeteer.cjs).
func TestPuppeteerCDPSession(t *testing.T) {
	node := e2eenv.Node(t)
	prefix := e2eenv.NPMPrefix(t)
	if _, err := exec.Command(node, "-e", "require.resolve('puppeteer-core', { paths: ["+jsString(prefix)+"] })").CombinedOutput(); err != nil {
		e2eenv.Missing(t, "puppeteer-core is not installed: run `npm ci --prefix e2e`")
	}
	want, err := os.ReadFile(filepath.Join("testdata", "puppeteer.node.json"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join("testdata", "puppeteer_target.js"))
	if err != nil {
		t.Fatal(err)
	}
	p := start(t, string(script), "--inspect=0")
	u, _ := url.Parse(p.wsURL)
	driver, _ := filepath.Abs("puppeteer_driver.cjs")
	cmd := exec.Command(node, driver, u.Port())
	cmd.Env = append(cmd.Environ(), "NODE_PATH="+filepath.Join(prefix, "node_modules"))
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("driver: %v\n%s\n%s\ninspector stderr: %s", err, out, stderr, p.Stderr())
	}
	var got, node20 any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("driver output %q: %v", out, err)
	}
	if err := json.Unmarshal(want, &node20); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, node20) {
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Errorf("puppeteer saw:\n%s\nnode answered:\n%s", g, want)
	}
	if code := p.wait(t); code != 0 { // node's status for a terminated main script
		t.Errorf("terminated script: exit %d\n%s", code, p.Stderr())
	}
}

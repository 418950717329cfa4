package e2e

import (
	"encoding/json"
	"net/url"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sonde-js/sonde/internal/e2eenv"
)

// TestChromeRemoteInterface drives the binary with chrome-remote-interface
// (e2e/package.json): target discovery, console events, evaluate with a
// preview, getProperties, callFunctionOn, terminateExecution.
func TestChromeRemoteInterface(t *testing.T) {
	node := e2eenv.Node(t)
	prefix := e2eenv.NPMPrefix(t)
	if _, err := exec.Command(node, "-e", "require.resolve('chrome-remote-interface', { paths: ["+jsString(prefix)+"] })").CombinedOutput(); err != nil {
		e2eenv.Missing(t, "chrome-remote-interface is not installed: run `npm ci --prefix e2e`")
	}
	p := start(t, "globalThis.data = { name: 'sonde', list: [1, 2, 3] };\nconsole.log('cri hello', data);\nwhile (true) {}\n", "--inspect=0")
	u, _ := url.Parse(p.wsURL)
	driver, _ := filepath.Abs("cri_driver.cjs")
	cmd := exec.Command(node, driver, u.Port())
	cmd.Env = append(cmd.Environ(), "NODE_PATH="+filepath.Join(prefix, "node_modules"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("driver: %v\n%s\nstderr: %s", err, out, p.Stderr())
	}
	var got struct {
		Targets []struct{ Type, URL string }
		Console struct {
			Type string
			Args []any
		}
		Evaluate struct {
			ClassName string
			Preview   []string
		}
		Properties []string
		Call       float64
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("driver output %q: %v", out, err)
	}
	if len(got.Targets) != 1 || got.Targets[0].Type != "node" {
		t.Errorf("targets: %+v", got.Targets)
	}
	if got.Console.Type != "log" || !reflect.DeepEqual(got.Console.Args, []any{"cri hello", "Object"}) {
		t.Errorf("console: %+v", got.Console)
	}
	if got.Evaluate.ClassName != "Object" || !reflect.DeepEqual(got.Evaluate.Preview, []string{"name=sonde", "list=Array(3)"}) {
		t.Errorf("evaluate: %+v", got.Evaluate)
	}
	if !reflect.DeepEqual(got.Properties, []string{"name", "list"}) || got.Call != 3 {
		t.Errorf("properties %v call %v", got.Properties, got.Call)
	}
	if code := p.wait(t); code != 0 { // node's status for a terminated main script
		t.Errorf("terminated script: exit %d\n%s", code, p.Stderr())
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

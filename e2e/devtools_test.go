package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sonde-js/sonde/internal/cdpclient"
	"github.com/sonde-js/sonde/internal/e2eenv"
)

// deepJS are helpers evaluated in the DevTools page: DevTools renders in
// nested shadow roots, so text and elements are searched through them.
const deepJS = `(() => {
  const walk = (root, f) => {
    f(root);
    const kids = root.children || [];
    for (const k of kids) walk(k, f);
    if (root.shadowRoot) walk(root.shadowRoot, f);
  };
  globalThis.__sondeText = () => {
    let out = [];
    walk(document.documentElement, (n) => { if (n.shadowRoot) return; });
    const collect = (root) => {
      for (const n of root.childNodes || []) {
        if (n.nodeType === 3) out.push(n.textContent);
        else collect(n);
        if (n.shadowRoot) collect(n.shadowRoot);
      }
    };
    collect(document.documentElement);
    return out.join('\n');
  };
  globalThis.__sondeFind = (sel, from) => {
    let found = null;
    walk(from || document.documentElement, (n) => {
      if (!found && n.matches && n.matches(sel)) found = n;
    });
    return found;
  };
  return true;
})()`

// devtools is the DevTools frontend bundled with Debian's chromium (headless,
// hosted by chromium's remote-debugging server, the second recipe of the
// transcripts' README) attached to a running binary, driven through
// chromium's own CDP.
type devtools struct {
	t   *testing.T
	ctx context.Context
	p   *process
	dt  *cdpclient.Client
}

// openDevTools runs script in the binary under --inspect with the protocol
// log on, starts headless chromium and opens the frontend on the binary.
// Everything ends with the test.
func openDevTools(t *testing.T, script string) *devtools {
	t.Helper()
	chromium := e2eenv.Chromium(t)
	p := start(t, script, "--inspect=0", "--log-level=debug", "--log-format=json")
	target := strings.TrimPrefix(p.wsURL, "ws://")

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	// Chromium's helper processes may still write to the profile after the
	// browser is killed: a directory of our own, removed best-effort.
	profile, err := os.MkdirTemp("", "sonde-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(profile) })
	cmd := exec.CommandContext(ctx, chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--window-size=1280,1600", "--remote-debugging-port=0", "--user-data-dir="+profile, "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the browser and its helpers
		cmd.Wait()
	})
	browserURL := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`DevTools listening on ws://([^/]+)/`)
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				browserURL <- m[1]
			}
		}
	}()
	var browser string
	select {
	case browser = <-browserURL:
	case <-time.After(30 * time.Second):
		t.Fatal("chromium did not start")
	}

	front := "http://" + browser + "/devtools/js_app.html?experiments=true&v8only=true&ws=" + target
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, "http://"+browser+"/json/new?"+url.QueryEscape(front), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var page struct {
		WebSocketDebuggerURL string `json:"webSocketDebuggerUrl"`
	}
	if err := json.Unmarshal(body, &page); err != nil || page.WebSocketDebuggerURL == "" {
		t.Fatalf("open DevTools page: %s %v", body, err)
	}
	dt, err := cdpclient.Dial(ctx, page.WebSocketDebuggerURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dt.Close() })
	return &devtools{t: t, ctx: ctx, p: p, dt: dt}
}

// eval evaluates expr in the DevTools page (awaiting a promise) and
// returns its JSON value.
func (d *devtools) eval(expr string) (json.RawMessage, error) {
	res, err := d.dt.Call(d.ctx, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true})
	if err != nil {
		return nil, err
	}
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return nil, err
	}
	if e := r.ExceptionDetails; e != nil {
		return nil, fmt.Errorf("%s %s", e.Text, e.Exception.Description)
	}
	return r.Result.Value, nil
}

// waitFor evaluates expr in the page until it returns true or the timeout
// passes, then fails the test with what explain evaluates to.
func (d *devtools) waitFor(what, expr string, timeout time.Duration, explain string) {
	d.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		d.eval(deepJS)
		v, err := d.eval(expr)
		if err == nil && string(v) == "true" {
			return
		}
		if time.Now().After(deadline) {
			x, xerr := d.eval(explain)
			d.t.Fatalf("DevTools never showed %s (last: %s %v); %s %v\nbinary stderr:\n%s", what, v, err, x, xerr, lastLines(d.p.Stderr(), 40))
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// waitText waits until the page's text contains what.
func (d *devtools) waitText(what string) {
	d.t.Helper()
	q, _ := json.Marshal(what)
	d.waitFor(string(q), "__sondeText().includes("+string(q)+")", 40*time.Second, "(() => { const s = __sondeText().split('\\n'); return s.slice(-40).join('\\n'); })()")
}

// key presses and releases a key in the page.
func (d *devtools) key(key, code string, vk int, text string) error {
	for _, typ := range []string{"keyDown", "keyUp"} {
		ev := map[string]any{"type": typ, "key": key, "code": code, "windowsVirtualKeyCode": vk}
		if typ == "keyDown" && text != "" {
			ev["text"] = text
		}
		if _, err := d.dt.Call(d.ctx, "Input.dispatchKeyEvent", ev); err != nil {
			return err
		}
	}
	return nil
}

// checkAnswered fails the test if DevTools sent a command the binary never
// answered (the binary's debug log lists every command and answer).
func (d *devtools) checkAnswered() {
	d.t.Helper()
	time.Sleep(500 * time.Millisecond)
	if missing := unanswered(d.p.Stderr()); len(missing) > 0 {
		d.t.Fatalf("commands DevTools sent that were never answered: %v", missing)
	}
}

// TestDevToolsConsole opens DevTools against the running binary, checks
// that the script's console output shows in the Console, types an
// expression into the Console prompt and waits for its result in the UI,
// and fails if DevTools sent any command the binary left unanswered.
func TestDevToolsConsole(t *testing.T) {
	d := openDevTools(t, "console.log('sonde says hi');\nglobalThis.spin = true;\nwhile (spin) {}\n")
	d.waitText("sonde says hi")

	// A Console evaluation: focus the prompt, type, press Enter.
	deadline := time.Now().Add(20 * time.Second)
	for {
		d.eval(deepJS)
		v, _ := d.eval(`(() => { const p = __sondeFind('#console-prompt'); const e = p && __sondeFind('.cm-content', p); if (!e) return false; e.focus(); return true; })()`)
		if string(v) == "true" {
			break
		}
		if time.Now().After(deadline) {
			v, _ := d.eval(`(() => { let out = []; const walk = (r) => { for (const n of r.children || []) { const c = (n.className && n.className.baseVal === undefined ? n.className : '') + ''; if (c.includes('prompt') || (n.id || '').includes('prompt') || c.includes('cm-')) out.push(n.tagName + '#' + n.id + '.' + c); walk(n); if (n.shadowRoot) walk(n.shadowRoot); } }; walk(document.documentElement); return out.slice(0, 40); })()`)
			t.Fatalf("no Console prompt in DevTools: %s", v)
		}
		d.key("Escape", "Escape", 27, "")
		time.Sleep(300 * time.Millisecond)
	}
	if _, err := d.dt.Call(d.ctx, "Input.insertText", map[string]any{"text": "'answer=' + (6 * 7)"}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if err := d.key("Enter", "Enter", 13, "\r"); err != nil {
		t.Fatal(err)
	}
	d.waitText("answer=42")
	d.checkAnswered()
}

// unanswered reads the binary's JSON debug log and returns the commands
// without an answer.
func unanswered(stderr string) []string {
	pending := map[float64]string{}
	for _, line := range strings.Split(stderr, "\n") {
		var e map[string]any
		if json.Unmarshal([]byte(line), &e) != nil {
			continue
		}
		id, _ := e["id"].(float64)
		switch e["msg"] {
		case "command":
			pending[id], _ = e["method"].(string)
		case "answer":
			delete(pending, id)
		}
	}
	var out []string
	for id, m := range pending {
		out = append(out, fmt.Sprintf("%s (id %v)", m, id))
	}
	return out
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sonde-js/sonde/internal/e2eenv"
)

// panelJS are page helpers for the panel tests: opening a view through the
// frontend's own ViewManager (what the "More tools" menu and the Command
// menu do), clicking a button by its visible text or accessible label, and
// reading a data grid's rows (each a map from column class to cell text).
const panelJS = `(() => {
  const walk = (root, f) => {
    for (const n of root.children || []) {
      f(n);
      walk(n, f);
      if (n.shadowRoot) walk(n.shadowRoot, f);
    }
  };
  globalThis.__sondeShow = async (id) => {
    const legacy = await import('/devtools/ui/legacy/legacy.js');
    const vm = legacy.ViewManager.ViewManager.instance();
    if (!vm.views || !vm.views.has(id)) return false;
    await vm.showView(id);
    return true;
  };
  globalThis.__sondeClick = (label) => {
    let b = null;
    walk(document.documentElement, (n) => {
      if (!b && (n.tagName === 'BUTTON' || n.tagName === 'DEVTOOLS-BUTTON') && n.offsetParent !== null &&
          (n.getAttribute('aria-label') === label || n.textContent.trim() === label)) b = n;
    });
    if (!b) return false;
    b.click();
    return true;
  };
  globalThis.__sondeRows = () => {
    const rows = [];
    walk(document.documentElement, (n) => {
      if (n.tagName !== 'TR' || !n.classList.contains('data-grid-data-grid-node')) return;
      const row = {};
      for (const td of n.children) {
        const col = [...td.classList].find((c) => c.endsWith('-column'));
        if (!col) continue;
        row[col] = [...td.childNodes].filter((c) => c.nodeType !== 8).map((c) => c.textContent.trim()).filter((s) => s).join('|');
      }
      rows.push(row);
    });
    return rows;
  };
  return true;
})()`

// show opens a DevTools view by its id once the frontend has registered it.
func (d *devtools) show(id string) {
	d.t.Helper()
	q, _ := json.Marshal(id)
	d.waitFor("the view "+id, "(async () => { "+panelJS+"; return await __sondeShow("+string(q)+"); })()", 40*time.Second, "'views not registered'")
}

// click clicks the visible button with the given text or accessible label,
// waiting until it exists.
func (d *devtools) click(label string) {
	d.t.Helper()
	q, _ := json.Marshal(label)
	d.waitFor("a button "+label, "("+panelJS+") && __sondeClick("+string(q)+")", 30*time.Second,
		"(() => { const out = []; const w = (r) => { for (const n of r.children || []) { if (n.tagName === 'BUTTON' || n.tagName === 'DEVTOOLS-BUTTON') out.push(n.getAttribute('aria-label') || n.textContent.trim()); w(n); if (n.shadowRoot) w(n.shadowRoot); } }; w(document.documentElement); return out; })()")
}

// rows reads the page's data grid rows.
func (d *devtools) rows() []map[string]string {
	d.t.Helper()
	v, err := d.eval("(" + panelJS + ") && __sondeRows()")
	if err != nil {
		d.t.Fatal(err)
	}
	var rows []map[string]string
	if err := json.Unmarshal(v, &rows); err != nil {
		d.t.Fatalf("rows %s: %v", v, err)
	}
	return rows
}

// waitRows polls the data grids until ok accepts their rows.
func (d *devtools) waitRows(what string, timeout time.Duration, ok func([]map[string]string) bool) []map[string]string {
	d.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		rows := d.rows()
		if ok(rows) {
			return rows
		}
		if time.Now().After(deadline) {
			d.t.Fatalf("DevTools never showed %s; its grid rows: %v\nbinary stderr:\n%s", what, rows, lastLines(d.p.Stderr(), 40))
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// memoryApp keeps 300 LeakyThings and 7 Others alive and the process
// running on a timer.
const memoryApp = `class LeakyThing { constructor(i) { this.i = i; this.label = 'thing ' + i; } }
class Other { constructor() { this.x = 1; } }
globalThis.keep = [];
for (let i = 0; i < 300; i++) keep.push(new LeakyThing(i));
for (let i = 0; i < 7; i++) keep.push(new Other());
console.log('allocated');
setInterval(() => {}, 100);
`

// summaryCount matches the Summary grid's constructor cell: the name, then
// "×count" when more than one object has it.
var summaryCount = regexp.MustCompile(`^(.*?)\|?×(\d+)$`)

// TestDevToolsMemorySnapshot opens DevTools' Memory panel against the
// binary, clicks "Take snapshot" (HeapProfiler.takeHeapSnapshot streamed to
// the frontend, which parses it in its worker) and reads the Summary view
// the frontend renders: the test program's classes are listed by
// constructor with their exact instance counts.
func TestDevToolsMemorySnapshot(t *testing.T) {
	d := openDevTools(t, memoryApp)
	d.waitText("allocated")
	d.show("heap-profiler")
	d.click("Take snapshot")
	counts := map[string]int{}
	d.waitRows("the Summary with LeakyThing and Other", 40*time.Second, func(rows []map[string]string) bool {
		counts = map[string]int{}
		for _, r := range rows {
			name := r["object-column"]
			n := 1
			if m := summaryCount.FindStringSubmatch(name); m != nil {
				name = m[1]
				n, _ = strconv.Atoi(m[2])
			}
			counts[name] += n
		}
		_, a := counts["LeakyThing"]
		_, b := counts["Other"]
		return a && b
	})
	if counts["LeakyThing"] != 300 || counts["Other"] != 7 {
		t.Fatalf("Summary counts: LeakyThing %d (want 300), Other %d (want 7); all: %v", counts["LeakyThing"], counts["Other"], counts)
	}
	t.Logf("Summary: LeakyThing×%d, Other×%d (%d constructors)", counts["LeakyThing"], counts["Other"], len(counts))
	if len(received(d.p.Stderr(), "HeapProfiler.takeHeapSnapshot")) == 0 {
		t.Fatal("the binary's log has no HeapProfiler.takeHeapSnapshot")
	}
	d.checkAnswered()
}

// coverageUsed, coverageTick and coverageUnused are the functions of
// coverageDevToolsApp: used runs on the timer tick (but not its branch
// coverageBranch), unused never runs.
const (
	coverageUsed   = "function used(n) { if (n < 0) { return -n; } return n * 2; }"
	coverageBranch = "{ return -n; }"
	coverageTick   = "() => used(3)"
	coverageUnused = "function unused() { return 'never'; }"
)

// coverageDevToolsApp calls used on a timer; unused never runs.
const coverageDevToolsApp = coverageUsed + "\n" + coverageUnused + "\nconsole.log('ready');\nsetInterval(" + coverageTick + ", 20);\n"

// TestDevToolsCoverage opens DevTools' Coverage panel against the binary in
// each of its two modes, clicks "Instrument coverage"
// (Profiler.startPreciseCoverage, then takePreciseCoverage polled by the
// frontend) and waits for the script's row: its URL, its size (the source's
// length) and its unused bytes. What is used is the two functions that run
// after the start (no top-level code, which ran before it), and per block,
// less used's branch that never runs; the node/ subtests check that node
// reports exactly that for the same program recorded the same way.
// Stopping sends stopPreciseCoverage and keeps the results.
func TestDevToolsCoverage(t *testing.T) {
	size := len(coverageDevToolsApp)
	for _, mode := range []struct {
		name, option, typ string
		used              int
	}{
		{"function", "Per function", "JS (per function)", len(coverageUsed) + len(coverageTick)},
		{"block", "Per block", "JS (per block)", len(coverageUsed) - len(coverageBranch) + len(coverageTick)},
	} {
		t.Run("node/"+mode.name, func(t *testing.T) {
			if used := nodeCoverageUsed(t, mode.name == "block"); used != mode.used {
				t.Fatalf("node reports %d used bytes per %s, the test expects %d", used, mode.name, mode.used)
			}
		})
		t.Run(mode.name, func(t *testing.T) {
			d := openDevTools(t, coverageDevToolsApp)
			d.waitText("ready")
			d.show("coverage")
			opt, _ := json.Marshal(mode.option)
			d.waitFor("the coverage type "+mode.option, `(() => {
  let sel = null;
  const w = (r) => { for (const n of r.children || []) { if (!sel && n.tagName === 'SELECT' && [...n.options].some((o) => o.textContent.trim() === `+string(opt)+`)) sel = n; w(n); if (n.shadowRoot) w(n.shadowRoot); } };
  w(document.documentElement);
  if (!sel) return false;
  const i = [...sel.options].findIndex((o) => o.textContent.trim() === `+string(opt)+`);
  if (sel.selectedIndex !== i) { sel.selectedIndex = i; sel.dispatchEvent(new Event('change')); }
  return true;
})()`, 20*time.Second, "'no coverage type select'")
			if mode.name == "block" {
				// Chromium 148's frontend stores the select's index (1) in the
				// coverage-type setting but starts per block only when it
				// holds CoverageType.BLOCK_COVERAGE (2): the setting is set to
				// that value, as the select did before.
				d.waitFor("the per-block setting", `(async () => {
  const common = await import('/devtools/core/common/common.js');
  const s = common.Settings.Settings.instance().createSetting('coverage-view-coverage-type', 0);
  s.set(2);
  return s.get() === 2;
})()`, 10*time.Second, "'no settings'")
			}
			d.click("Instrument coverage")
			detailed, _ := json.Marshal(mode.name == "block")
			unusedWant := size - mode.used
			var row map[string]string
			d.waitRows("app.js in the Coverage list with its used code", 40*time.Second, func(rows []map[string]string) bool {
				for _, r := range rows {
					if strings.HasPrefix(r["url-column"], "file://") && strings.HasSuffix(r["url-column"], "/app.js") {
						row = r
						return strings.HasPrefix(r["unused-size-column"], strconv.Itoa(unusedWant)+"|")
					}
				}
				return false
			})
			t.Logf("Coverage row: %v", row)
			if starts := received(d.p.Stderr(), "Profiler.startPreciseCoverage"); len(starts) != 1 || !strings.Contains(starts[0], `"detailed":`+string(detailed)) {
				t.Errorf("DevTools started coverage with %v, want one start with detailed:%s", starts, detailed)
			}
			if got := row["size-column"]; got != strconv.Itoa(size) {
				t.Errorf("size %q, want %d; row %v", got, size, row)
			}
			if got := row["type-column"]; got != mode.typ {
				t.Errorf("type %q, want %q; row %v", got, mode.typ, row)
			}
			d.click("Stop instrumenting coverage and show results")
			deadline := time.Now().Add(20 * time.Second)
			for len(received(d.p.Stderr(), "Profiler.stopPreciseCoverage")) == 0 {
				if time.Now().After(deadline) {
					t.Fatal("DevTools never sent Profiler.stopPreciseCoverage")
				}
				time.Sleep(100 * time.Millisecond)
			}
			d.waitRows("app.js still listed after stopping", 10*time.Second, func(rows []map[string]string) bool {
				for _, r := range rows {
					if strings.HasSuffix(r["url-column"], "/app.js") {
						return true
					}
				}
				return false
			})
			d.checkAnswered()
		})
	}
}

// received returns the params of every command method the binary received,
// from its JSON debug log, whose "recv" lines carry the protocol message
// under a second "msg" key (the last one, which decoding keeps).
func received(stderr, method string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if !strings.Contains(line, `"msg":"recv"`) {
			continue
		}
		var e struct {
			Msg string `json:"msg"`
		}
		var m struct {
			Method string          `json:"method"`
			Params json.RawMessage `json:"params"`
		}
		if json.Unmarshal([]byte(line), &e) != nil || json.Unmarshal([]byte(e.Msg), &m) != nil {
			continue
		}
		if m.Method == method {
			out = append(out, string(m.Params))
		}
	}
	return out
}

// nodeCoverageDriver runs coverageDevToolsApp (app.js, next to it) in node
// and records its coverage as the Coverage panel does, through node's
// inspector: started after the program's top level, one take after the
// timer has ticked. It prints the take's functions for app.js.
const nodeCoverageDriver = `const inspector = require('inspector');
const s = new inspector.Session();
s.connect();
const post = (m, p) => new Promise((res, rej) => s.post(m, p || {}, (e, r) => e ? rej(e) : res(r)));
require('./app.js');
(async () => {
  await post('Profiler.enable');
  await post('Profiler.startPreciseCoverage', { callCount: false, detailed: process.argv[2] === 'block', allowTriggeredUpdates: true });
  await new Promise((r) => setTimeout(r, 200));
  const r = await post('Profiler.takePreciseCoverage');
  console.log(JSON.stringify(r.result.filter((x) => x.url.endsWith('/app.js')).flatMap((x) => x.functions)));
  process.exit(0);
})();
`

// nodeCoverageUsed is node's count of used bytes of coverageDevToolsApp, as
// the Coverage panel counts them: each function's ranges in order, a nested
// range overriding the outer one.
func nodeCoverageUsed(t *testing.T, block bool) int {
	node := e2eenv.Node(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.js"), []byte(coverageDevToolsApp), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "driver.js"), []byte(nodeCoverageDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	mode := "function"
	if block {
		mode = "block"
	}
	out, err := exec.Command(node, filepath.Join(dir, "driver.js"), mode).Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var funcs []struct {
		Ranges []struct {
			StartOffset, EndOffset, Count int
		} `json:"ranges"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &funcs); err != nil {
		t.Fatalf("node's coverage %s: %v", out, err)
	}
	used := make([]bool, len(coverageDevToolsApp))
	for _, f := range funcs {
		for _, r := range f.Ranges {
			for i := r.StartOffset; i < r.EndOffset && i < len(used); i++ {
				used[i] = r.Count > 0
			}
		}
	}
	n := 0
	for _, u := range used {
		if u {
			n++
		}
	}
	return n
}

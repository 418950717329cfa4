package e2e

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
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
	if !strings.Contains(d.p.Stderr(), `HeapProfiler.takeHeapSnapshot`) {
		t.Fatal("the binary's log has no HeapProfiler.takeHeapSnapshot")
	}
	d.checkAnswered()
}

// coverageUsed and coverageUnused are the functions of coverageDevToolsApp
// that run, and do not run, after the recording starts.
const (
	coverageUsed   = "function used(n) { return n * 2; }"
	coverageTick   = "() => used(3)"
	coverageUnused = "function unused() { return 'never'; }"
)

// coverageDevToolsApp calls used on a timer; unused never runs.
const coverageDevToolsApp = coverageUsed + "\n" + coverageUnused + "\nconsole.log('ready');\nsetInterval(" + coverageTick + ", 20);\n"

// TestDevToolsCoverage opens DevTools' Coverage panel against the binary,
// clicks "Instrument coverage" (Profiler.startPreciseCoverage, then
// takePreciseCoverage polled by the frontend) and waits for the script's
// row: its URL, its size (the source's length) and its unused bytes, which
// per function are everything but the two functions that ran after the
// start (V8 reports no top-level code that ran before it). Stopping sends
// stopPreciseCoverage and keeps the results.
func TestDevToolsCoverage(t *testing.T) {
	d := openDevTools(t, coverageDevToolsApp)
	d.waitText("ready")
	d.show("coverage")
	d.click("Instrument coverage")
	size := len(coverageDevToolsApp)
	used := len(coverageUsed) + len(coverageTick)
	var row map[string]string
	d.waitRows("app.js in the Coverage list with its used functions", 40*time.Second, func(rows []map[string]string) bool {
		for _, r := range rows {
			if strings.HasPrefix(r["url-column"], "file://") && strings.HasSuffix(r["url-column"], "/app.js") {
				row = r
				return r["unused-size-column"] == "" || strings.HasPrefix(r["unused-size-column"], strconv.Itoa(size-used)+"|")
			}
		}
		return false
	})
	t.Logf("Coverage row: %v", row)
	if got := row["size-column"]; got != strconv.Itoa(size) {
		t.Errorf("size %q, want %d; row %v", got, size, row)
	}
	unused, err := strconv.Atoi(strings.Split(row["unused-size-column"], "|")[0])
	if err != nil || unused != size-used {
		t.Errorf("unused bytes %q, want %d (used %d > 0); row %v", row["unused-size-column"], size-used, used, row)
	}
	if !strings.Contains(row["type-column"], "JS") {
		t.Errorf("type %q, want JS; row %v", row["type-column"], row)
	}

	d.click("Stop instrumenting coverage and show results")
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(d.p.Stderr(), `"method":"Profiler.stopPreciseCoverage"`) {
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
}

package engine

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/heapsnapshot"
)

// snap is a parsed snapshot, as much as these tests read.
type snap struct {
	Snapshot struct {
		NodeCount          int `json:"node_count"`
		TraceFunctionCount int `json:"trace_function_count"`
	} `json:"snapshot"`
	Nodes              []int64         `json:"nodes"`
	TraceFunctionInfos []int64         `json:"trace_function_infos"`
	TraceTree          json.RawMessage `json:"trace_tree"`
	Samples            []int64         `json:"samples"`
	Strings            []string        `json:"strings"`
}

func parseSnap(t *testing.T, data []byte) *snap {
	t.Helper()
	var s snap
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("snapshot is not JSON: %v", err)
	}
	return &s
}

// objects returns, per object node name, the node ids (type "object").
func (s *snap) objects() map[string][]int64 {
	out := map[string][]int64{}
	for i := 0; i+7 <= len(s.Nodes); i += 7 {
		if s.Nodes[i] == 3 {
			name := s.Strings[s.Nodes[i+1]]
			out[name] = append(out[name], s.Nodes[i+2])
		}
	}
	return out
}

// traceNodeOf returns the trace node ids of the object nodes named name.
func (s *snap) traceNodesOf(name string) []int64 {
	var out []int64
	for i := 0; i+7 <= len(s.Nodes); i += 7 {
		if s.Nodes[i] == 3 && s.Strings[s.Nodes[i+1]] == name {
			out = append(out, s.Nodes[i+5])
		}
	}
	return out
}

type traceNode struct {
	id, fn, count, size int64
	children            []*traceNode
}

func parseTrace(t *testing.T, raw json.RawMessage) *traceNode {
	var v []any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	var build func(v []any) *traceNode
	build = func(v []any) *traceNode {
		n := &traceNode{id: int64(v[0].(float64)), fn: int64(v[1].(float64)), count: int64(v[2].(float64)), size: int64(v[3].(float64))}
		kids := v[4].([]any)
		for i := 0; i < len(kids); i += 5 {
			n.children = append(n.children, build(kids[i:i+5]))
		}
		return n
	}
	if len(v) == 0 {
		return nil
	}
	return build(v)
}

func takeSnap(t *testing.T, iso *Isolate, opts heapsnapshot.Options) *snap {
	t.Helper()
	var buf bytes.Buffer
	if err := iso.HeapSnapshotter().WriteSnapshot(&buf, opts); err != nil {
		t.Fatal(err)
	}
	return parseSnap(t, buf.Bytes())
}

func TestAllocationTracking(t *testing.T) {
	for _, mode := range []struct {
		name string
		heap heap.Options
	}{{"default", heap.Options{}}, {"gc-stress", heap.Options{VerifyHeap: true, GCStressEvery: 97, StressCompaction: true}}} {
		t.Run(mode.name, func(t *testing.T) {
			iso, err := NewIsolate(Options{Heap: mode.heap})
			if err != nil {
				t.Fatal(err)
			}
			defer iso.Close()
			if _, err := iso.RunScript("class Leaky { constructor(i) { this.i = i; this.o = {i}; } }\n"+
				"var kept = [];\nfunction makeMany(n) { for (let i = 0; i < n; i++) kept.push(new Leaky(i)); }\n", "file:///app.js"); err != nil {
				t.Fatal(err)
			}
			iso.StartHeapObjectTracking(true)
			if _, err := iso.RunScript("makeMany(300);\n", "file:///run.js"); err != nil {
				t.Fatal(err)
			}
			s := takeSnap(t, iso, heapsnapshot.Options{})
			iso.StopHeapObjectTracking()
			if s.Snapshot.TraceFunctionCount == 0 || len(s.TraceFunctionInfos) != 6*s.Snapshot.TraceFunctionCount {
				t.Fatalf("trace_function_count %d, %d fields", s.Snapshot.TraceFunctionCount, len(s.TraceFunctionInfos))
			}
			fnName := func(i int64) string { return s.Strings[s.TraceFunctionInfos[6*i+1]] }
			if fnName(0) != "(root)" {
				t.Errorf("function 0 is %q", fnName(0))
			}
			root := parseTrace(t, s.TraceTree)
			// Find the path (root) → "" (run.js) → makeMany → Leaky.
			var find func(n *traceNode, path []string) *traceNode
			find = func(n *traceNode, path []string) *traceNode {
				if len(path) == 0 {
					return n
				}
				for _, c := range n.children {
					if fnName(c.fn) == path[0] {
						if r := find(c, path[1:]); r != nil {
							return r
						}
					}
				}
				return nil
			}
			leaky := find(root, []string{"", "makeMany", "Leaky"})
			if leaky == nil {
				t.Fatalf("no (root) → (anonymous) → makeMany → Leaky path in the trace tree %s", s.TraceTree)
			}
			// Each constructor call allocates the instance's {i} literal
			// at least.
			if leaky.count < 300 {
				t.Errorf("Leaky allocated %d objects, want >= 300", leaky.count)
			}
			// makeMany's function info: app.js, line 3, column 18 (1-based):
			// V8 locates a function at the "(" of its parameters.
			for i := 0; i < s.Snapshot.TraceFunctionCount; i++ {
				if fnName(int64(i)) == "makeMany" {
					if sn := s.Strings[s.TraceFunctionInfos[6*i+2]]; sn != "file:///app.js" || s.TraceFunctionInfos[6*i+4] != 3 || s.TraceFunctionInfos[6*i+5] != 18 {
						t.Errorf("makeMany at %s:%d:%d", sn, s.TraceFunctionInfos[6*i+4], s.TraceFunctionInfos[6*i+5])
					}
				}
			}
			// Every Leaky instance (allocated in the constructor's frame
			// or its caller's) carries a trace node of that path.
			ids := map[int64]bool{}
			var collect func(n *traceNode)
			collect = func(n *traceNode) {
				ids[n.id] = true
				for _, c := range n.children {
					collect(c)
				}
			}
			collect(find(root, []string{"", "makeMany"}))
			traced := 0
			for _, id := range s.traceNodesOf("Leaky") {
				if ids[id] {
					traced++
				}
			}
			if traced != 300 {
				t.Errorf("%d of 300 Leaky instances are traced to makeMany", traced)
			}
			// Without tracking, no traces.
			s2 := takeSnap(t, iso, heapsnapshot.Options{})
			if s2.Snapshot.TraceFunctionCount != 0 || string(s2.TraceTree) != "[]" {
				t.Errorf("traces after stop: %d functions, tree %.40s", s2.Snapshot.TraceFunctionCount, s2.TraceTree)
			}
		})
	}
}

func TestHeapStatsIntervals(t *testing.T) {
	iso, err := NewIsolate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	if _, err := iso.RunScript("var kept = [];\nfunction add(n) { for (let i = 0; i < n; i++) kept.push({i}); }\nadd(10);\n", "app.js"); err != nil {
		t.Fatal(err)
	}
	hs := iso.HeapSnapshotter()
	if u, _ := hs.PushHeapStats(time.Now()); u != nil {
		t.Fatalf("stats while not tracking: %v", u)
	}
	iso.StartHeapObjectTracking(false)
	u0, last0 := hs.PushHeapStats(time.Now())
	if len(u0) != 1 || u0[0].Index != 0 || u0[0].Count == 0 {
		t.Fatalf("first push: %v", u0)
	}
	// Nothing changes: no updates.
	if u, last := hs.PushHeapStats(time.Now()); len(u) != 0 || last != last0 {
		t.Errorf("idle push: %v, last id %d → %d", u, last0, last)
	}
	// 1000 new objects land in the new interval (index 2).
	if _, err := iso.RunScript("add(1000);\n", "b.js"); err != nil {
		t.Fatal(err)
	}
	u, last := hs.PushHeapStats(time.Now())
	var got *heapsnapshot.HeapStatsUpdate
	for i := range u {
		if u[i].Index == 2 {
			got = &u[i]
		}
	}
	if got == nil || got.Count < 1000 || last <= last0 {
		t.Fatalf("push after allocating: %v (last %d → %d)", u, last0, last)
	}
	// Dropping them shrinks that interval.
	if _, err := iso.RunScript("kept.length = 10;\n", "c.js"); err != nil {
		t.Fatal(err)
	}
	u, _ = hs.PushHeapStats(time.Now())
	shrunk := false
	for _, x := range u {
		if x.Index == 2 && x.Count < got.Count-900 {
			shrunk = true
		}
	}
	if !shrunk {
		t.Errorf("push after dropping: %v", u)
	}
	s := takeSnap(t, iso, heapsnapshot.Options{})
	if len(s.Samples) != 2*4 {
		t.Errorf("samples %v, want 4 intervals", s.Samples)
	}
	iso.StopHeapObjectTracking()
}

func TestWriteHeapSnapshotFile(t *testing.T) {
	var stderr bytes.Buffer
	iso, err := NewIsolate(Options{Stderr: &stderr, ProfileHeapSnapshot: true})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	if _, err := iso.RunScript("class Point { constructor(x) { this.x = x; } }\nvar ps = [new Point(1), new Point(2)];\n", "app.js"); err != nil {
		t.Fatal(err)
	}
	name, err := iso.WriteHeapSnapshotFile("", heapsnapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	name2, _ := iso.WriteHeapSnapshotFile("", heapsnapshot.Options{})
	re := regexp.MustCompile(`^Heap\.\d{8}\.\d{6}\.\d+\.0\.(\d{3})\.heapsnapshot$`)
	if m := re.FindStringSubmatch(name); m == nil || m[1] != "001" {
		t.Errorf("default name %q", name)
	}
	if m := re.FindStringSubmatch(name2); m == nil || m[1] != "002" {
		t.Errorf("second default name %q", name2)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(parseSnap(t, data).objects()["Point"]); n != 2 {
		t.Errorf("%d Point objects", n)
	}
	log := stderr.String()
	if strings.Count(log, "[Heap snapshot took ") != 2 || strings.Count(log, "[Serialization of heap snapshot took ") != 2 {
		t.Errorf("--profile-heap-snapshot log:\n%s", log)
	}
	if _, err := iso.WriteHeapSnapshotFile(filepath.Join(dir, "no", "such", "dir.heapsnapshot"), heapsnapshot.Options{}); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

// TestV8HeapScripts runs the scripts of testdata/v8heap and compares
// their output with node's (<name>.txt beside each, regenerated by running
// node on the script), also under GC stress with compaction:
// getheapsnapshot.js reads v8.getHeapSnapshot's Readable-like result three
// ways and checks its options; locations.js checks where snapshots locate
// closures and constructed objects.
func TestV8HeapScripts(t *testing.T) {
	scripts, _ := filepath.Glob("testdata/v8heap/*.js")
	if len(scripts) < 2 {
		t.Fatalf("scripts: %v", scripts)
	}
	for _, script := range scripts {
		want, err := os.ReadFile(strings.TrimSuffix(script, ".js") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		for _, mode := range []struct {
			name string
			heap heap.Options
		}{{"default", heap.Options{}}, {"gc-stress", heap.Options{GCStressEvery: 997, StressCompaction: true}}} {
			t.Run(filepath.Base(script)+"/"+mode.name, func(t *testing.T) {
				var out bytes.Buffer
				iso, err := NewIsolate(Options{Heap: mode.heap, Stdout: &out, Stderr: &out})
				if err != nil {
					t.Fatal(err)
				}
				defer iso.Close()
				err = iso.RunMain(script)
				if err == nil {
					err = iso.RunEventLoop()
				}
				if err != nil {
					t.Fatalf("%v\n%s", err, out.String())
				}
				if out.String() != string(want) {
					t.Errorf("output:\n%s\nnode's:\n%s", out.String(), want)
				}
			})
		}
	}
}

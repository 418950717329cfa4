package heapprofiler

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/internal/e2eenv"
)

// app is the test program: like the transcript's app.js, 10000 LeakyThing
// instances kept alive.
const app = `class LeakyThing { constructor(i) { this.i = i; this.payload = 'leak ' + i; } }
class Other { constructor() { this.x = 1; } }
var leaks = [];
function leak(n) { for (let i = 0; i < n; i++) leaks.push(new LeakyThing(i)); }
leak(10000);
var others = [new Other(), new Other(), new Other()];
`

func TestTakeHeapSnapshotInNodesOrder(t *testing.T) {
	tg := newTarget(t, heap.Options{}, app, nil)
	cl := tg.connect(t)
	for _, progress := range []bool{true, false} {
		events, reply := cl.call("HeapProfiler.takeHeapSnapshot",
			`{"reportProgress":`+strconv.FormatBool(progress)+`,"captureNumericValue":true,"exposeInternals":true}`)
		if reply.Error != nil || string(reply.Result) != "{}" {
			t.Fatalf("reply %+v %s", reply.Error, reply.Result)
		}
		s := parseSnap(t, snapshotFromEvents(t, events, progress))
		if n := len(s.ids("LeakyThing")); n != 10000 {
			t.Errorf("%d LeakyThing nodes", n)
		}
		if n := len(s.ids("Other")); n != 3 {
			t.Errorf("%d Other nodes", n)
		}
	}
	// Bad parameters are a CDP error, not a crash.
	for _, params := range []string{`[]`, `{"reportProgress":"yes"}`} {
		if _, reply := cl.call("HeapProfiler.takeHeapSnapshot", params); reply.Error == nil || reply.Error.Code != -32602 {
			t.Errorf("params %s: %+v", params, reply.Error)
		}
	}
	if _, reply := cl.call("HeapProfiler.collectGarbage", ""); reply.Error != nil || string(reply.Result) != "{}" {
		t.Errorf("collectGarbage: %+v %s", reply.Error, reply.Result)
	}
}

// transcriptLine is one line of a ../shared/transcripts recording.
type transcriptLine struct {
	Conn int             `json:"conn"`
	Dir  string          `json:"dir"`
	Msg  json.RawMessage `json:"msg"`
}

type wireMsg struct {
	ID     *int64          `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  json.RawMessage `json:"error"`
}

// TestReplayMemoryPanel replays what DevTools' Memory panel sent node
// (testdata/memory-snapshot.jsonl, a copy of the shared recording): every
// request gets an answer, and the HeapProfiler answers have node's shape:
// the same results, the snapshot events in node's order. The instance
// DevTools selected (addInspectedHeapObject) is one of our LeakyThings.
func TestReplayMemoryPanel(t *testing.T) {
	f, err := os.Open("testdata/memory-snapshot.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []transcriptLine
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var l transcriptLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		if l.Conn == 1 && (l.Dir == "c2s" || l.Dir == "s2c") {
			lines = append(lines, l)
		}
	}
	// node's answers and events, by request.
	nodeReply := map[int64]wireMsg{}
	nodeEvents := map[int64][]string{}
	var pending []int64
	for _, l := range lines {
		var m wireMsg
		json.Unmarshal(l.Msg, &m)
		switch {
		case l.Dir == "c2s":
			pending = append(pending, *m.ID)
		case m.ID != nil:
			nodeReply[*m.ID] = m
			pending = slices.DeleteFunc(pending, func(id int64) bool { return id == *m.ID })
		case strings.HasPrefix(m.Method, "HeapProfiler.") && len(pending) > 0:
			id := pending[len(pending)-1]
			nodeEvents[id] = append(nodeEvents[id], m.Method)
		}
	}

	objects := &fakeObjects{}
	tg := newTarget(t, heap.Options{}, app, objects)
	objects.h = tg.iso.Heap
	cl := tg.connect(t)
	var leakyIDs []int64
	requests := 0
	for _, l := range lines {
		if l.Dir != "c2s" {
			continue
		}
		requests++
		var m wireMsg
		json.Unmarshal(l.Msg, &m)
		params := string(m.Params)
		if m.Method == "HeapProfiler.addInspectedHeapObject" {
			// node's id of its selected LeakyThing → one of ours.
			if len(leakyIDs) == 0 {
				t.Fatal("no snapshot before addInspectedHeapObject")
			}
			params = `{"heapObjectId":"` + strconv.FormatInt(leakyIDs[1234], 10) + `"}`
		}
		cl.sendRaw(*m.ID, m.Method, params)
		msgs := cl.until(*m.ID)
		reply := msgs[len(msgs)-1]
		if !strings.HasPrefix(m.Method, "HeapProfiler.") {
			continue // other domains: answered (here -32601), as DevTools needs
		}
		node := nodeReply[*m.ID]
		if reply.Error != nil || string(reply.Result) != string(node.Result) {
			t.Errorf("%s: ours %+v %s, node's %s", m.Method, reply.Error, reply.Result, node.Result)
		}
		var ours []string
		for _, e := range msgs[:len(msgs)-1] {
			ours = append(ours, e.Method)
		}
		if !sameShape(ours, nodeEvents[*m.ID]) {
			t.Errorf("%s: events %s, node's %s", m.Method, summarize(ours), summarize(nodeEvents[*m.ID]))
		}
		if m.Method == "HeapProfiler.takeHeapSnapshot" {
			s := parseSnap(t, snapshotFromEvents(t, msgs[:len(msgs)-1], true))
			leakyIDs = s.ids("LeakyThing")
			if len(leakyIDs) != 10000 {
				t.Fatalf("%d LeakyThing", len(leakyIDs))
			}
		}
	}
	if requests < 10 {
		t.Fatalf("replayed %d requests", requests)
	}
	if len(objects.inspected) != 1 {
		t.Fatalf("inspected %d objects", len(objects.inspected))
	}
	tg.do(func() {
		if id := tg.iso.HeapSnapshotter().GetHeapObjectID(objects.inspected[0]); int64(id) != leakyIDs[1234] {
			t.Errorf("$0 has id %d, want %d", id, leakyIDs[1234])
		}
	})
}

// sameShape compares event sequences by runs: node sent N progress events
// and M chunks; we send as many as our heap needs, in the same order.
func sameShape(a, b []string) bool {
	return slices.Equal(slices.Compact(slices.Clone(a)), slices.Compact(slices.Clone(b)))
}

func summarize(ms []string) string {
	var sb strings.Builder
	for i := 0; i < len(ms); {
		j := i
		for j < len(ms) && ms[j] == ms[i] {
			j++
		}
		sb.WriteString(strconv.Itoa(j-i) + "×" + ms[i] + " ")
		i = j
	}
	return sb.String()
}

func TestObjectIDs(t *testing.T) {
	objects := &fakeObjects{}
	tg := newTarget(t, heap.Options{StressCompaction: true}, app, objects)
	objects.h = tg.iso.Heap
	cl := tg.connect(t)
	events, _ := cl.call("HeapProfiler.takeHeapSnapshot", `{}`)
	s := parseSnap(t, snapshotFromEvents(t, events, false))
	others := s.ids("Other")
	// getObjectByHeapObjectId → a RemoteObject; getHeapObjectId of it →
	// the same id, also after compacting GCs moved it.
	_, reply := cl.call("HeapProfiler.getObjectByHeapObjectId", `{"objectId":"`+strconv.FormatInt(others[0], 10)+`","objectGroup":"g"}`)
	var r struct {
		Result struct{ ObjectID, Group string }
	}
	if reply.Error != nil || json.Unmarshal(reply.Result, &r) != nil || r.Result.Group != "g" {
		t.Fatalf("getObjectByHeapObjectId: %+v %s", reply.Error, reply.Result)
	}
	cl.call("HeapProfiler.collectGarbage", "")
	tg.run(t, "leak(5000); leaks.length = 100;")
	cl.call("HeapProfiler.collectGarbage", "")
	_, reply = cl.call("HeapProfiler.getHeapObjectId", `{"objectId":"`+r.Result.ObjectID+`"}`)
	if reply.Error != nil || string(reply.Result) != `{"heapSnapshotObjectId":"`+strconv.FormatInt(others[0], 10)+`"}` {
		t.Errorf("getHeapObjectId: %+v %s, want id %d", reply.Error, reply.Result, others[0])
	}
	// Errors, as V8 words them.
	for _, c := range []struct{ method, params, msg string }{
		{"HeapProfiler.getObjectByHeapObjectId", `{"objectId":"abc"}`, "Invalid heap snapshot object id"},
		{"HeapProfiler.getObjectByHeapObjectId", `{"objectId":"999999999"}`, "Object is not available"},
		{"HeapProfiler.addInspectedHeapObject", `{"heapObjectId":"-5"}`, "Invalid heap snapshot object id"},
		{"HeapProfiler.getObjectByHeapObjectId", `{}`, ""},
		{"HeapProfiler.getHeapObjectId", `{"objectId":"nope"}`, "Could not find object with given id"},
	} {
		_, reply := cl.call(c.method, c.params)
		if reply.Error == nil || (c.msg != "" && reply.Error.Message != c.msg) {
			t.Errorf("%s %s: %+v", c.method, c.params, reply.Error)
		}
	}
	// An engine-internal object (a map, here the first "hidden" or
	// "object shape" node) is not handed out.
	for i := 0; i+7 <= len(s.Nodes); i += 7 {
		if s.Nodes[i] == 14 {
			_, reply := cl.call("HeapProfiler.getObjectByHeapObjectId", `{"objectId":"`+strconv.FormatInt(s.Nodes[i+2], 10)+`"}`)
			if reply.Error == nil {
				t.Errorf("a map was handed out: %s", reply.Result)
			}
			break
		}
	}
}

func TestWithoutRuntime(t *testing.T) {
	tg := newTarget(t, heap.Options{}, app, nil)
	cl := tg.connect(t)
	for _, m := range []string{"getHeapObjectId", "getObjectByHeapObjectId", "addInspectedHeapObject"} {
		_, reply := cl.call("HeapProfiler."+m, `{"objectId":"1","heapObjectId":"1"}`)
		if reply.Error == nil || reply.Error.Code != -32000 {
			t.Errorf("%s without Runtime: %+v", m, reply.Error)
		}
	}
}

// TestTrackingHeapObjects is DevTools' "Allocations on timeline": stats
// updates on the timer, then a snapshot with allocation traces at stop.
func TestTrackingHeapObjects(t *testing.T) {
	t.Run("default", func(t *testing.T) { testTracking(t, heap.Options{}) })
	// Under GC stress every few allocations move objects (compaction
	// included) while stacks are recorded and the heap is verified.
	t.Run("gc-stress", func(t *testing.T) {
		testTracking(t, heap.Options{GCStressEvery: 211, StressCompaction: true, VerifyHeap: true})
	})
}

func testTracking(t *testing.T, hopts heap.Options) {
	tg := newTarget(t, hopts, app, nil)
	cl := tg.connect(t)
	if _, reply := cl.call("HeapProfiler.startTrackingHeapObjects", `{"trackAllocations":true}`); reply.Error != nil {
		t.Fatal(reply.Error)
	}
	// Wait for the first push: one interval with the whole heap.
	waitFor := func(what string, ok func(m message) bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			m, got := cl.recv(time.Until(deadline))
			if got && ok(m) {
				return
			}
		}
		t.Fatalf("no %s", what)
	}
	var first []int64
	waitFor("first heapStatsUpdate", func(m message) bool {
		if m.Method != "HeapProfiler.heapStatsUpdate" {
			return false
		}
		var p struct{ StatsUpdate []int64 }
		json.Unmarshal(m.Params, &p)
		first = p.StatsUpdate
		return true
	})
	if len(first) != 3 || first[0] != 0 || first[1] < 10000 {
		t.Fatalf("first update %v", first)
	}
	var lastSeen int64
	waitFor("lastSeenObjectId", func(m message) bool {
		var p struct {
			LastSeenObjectID int64
			Timestamp        float64
		}
		json.Unmarshal(m.Params, &p)
		lastSeen = p.LastSeenObjectID
		return m.Method == "HeapProfiler.lastSeenObjectId" && p.Timestamp > 1e12
	})
	tg.run(t, "leak(2000);")
	// The new objects (instances and their strings) land in the intervals
	// after the first: in one, or, when pushes run at safepoints of the
	// loop (GC stress slows it), spread over several. Updates carry the
	// intervals that changed; keep the latest count of each.
	latest := map[int64]int64{}
	waitFor("updates with the new objects", func(m message) bool {
		if m.Method != "HeapProfiler.heapStatsUpdate" {
			return false
		}
		var p struct{ StatsUpdate []int64 }
		json.Unmarshal(m.Params, &p)
		for i := 0; i+2 < len(p.StatsUpdate); i += 3 {
			latest[p.StatsUpdate[i]] = p.StatsUpdate[i+1]
		}
		sum := int64(0)
		for k, n := range latest {
			if k > 0 {
				sum += n
			}
		}
		return sum >= 4000
	})
	id := cl.send("HeapProfiler.stopTrackingHeapObjects", `{"reportProgress":true}`)
	msgs := cl.until(id)
	if msgs[len(msgs)-1].Error != nil {
		t.Fatal(msgs[len(msgs)-1].Error)
	}
	// Timer events may precede the stop's own; from its last
	// lastSeenObjectId on: the snapshot.
	start := 0
	for i, m := range msgs {
		if m.Method == "HeapProfiler.lastSeenObjectId" {
			start = i + 1
			var p struct{ LastSeenObjectID int64 }
			json.Unmarshal(m.Params, &p)
			if p.LastSeenObjectID <= lastSeen {
				t.Errorf("lastSeenObjectId did not grow: %d → %d", lastSeen, p.LastSeenObjectID)
			}
		}
	}
	text := snapshotFromEvents(t, msgs[start:len(msgs)-1], true)
	s := parseSnap(t, text)
	checkAllocationsInDevTools(t, text)
	if s.Snapshot.TraceFunctionCount < 2 || len(s.Samples) < 4 {
		t.Fatalf("trace functions %d, samples %v", s.Snapshot.TraceFunctionCount, s.Samples)
	}
	names := map[string]bool{}
	for i := 0; i+6 <= len(s.TraceFunctionInfos); i += 6 {
		names[s.Strings[s.TraceFunctionInfos[i+1]]] = true
	}
	if !names["leak"] || !names["LeakyThing"] {
		t.Errorf("trace functions %v", names)
	}
	traced := 0
	for i := 0; i+7 <= len(s.Nodes); i += 7 {
		if s.Nodes[i] == 3 && s.Strings[s.Nodes[i+1]] == "LeakyThing" && s.Nodes[i+5] != 0 {
			traced++
		}
	}
	if traced != 2000 {
		t.Errorf("%d LeakyThing with a trace node, want the 2000 allocated while tracking", traced)
	}
	// Tracking is off: no more events, and the next snapshot has no traces.
	events, _ := cl.call("HeapProfiler.takeHeapSnapshot", `{}`)
	if s := parseSnap(t, snapshotFromEvents(t, events, false)); s.Snapshot.TraceFunctionCount != 0 || len(s.Samples) != 0 {
		t.Errorf("after stop: %d trace functions, %d samples", s.Snapshot.TraceFunctionCount, len(s.Samples))
	}
	if m, got := cl.recv(300 * time.Millisecond); got {
		t.Errorf("event after stop: %s", m.Method)
	}
}

// checkAllocationsInDevTools loads a snapshot with allocation traces in
// the DevTools frontend (when node and the e2e packages are there). As in
// V8, a constructed object is allocated before the constructor's frame
// exists (V8's construct stub allocates the receiver), so the 2000
// LeakyThing instances allocated while tracking are charged to leak, and
// the strings the constructor makes to LeakyThing: the Allocation view
// lists both with their live counts, and the instances' allocation stacks
// read leak < (anonymous) < (root). Functions are located as V8 locates
// them, at the `(` of their parameters (node says leak 4:14 and LeakyThing
// 1:31 for these lines, 1-based).
func checkAllocationsInDevTools(t *testing.T, text string) {
	node := e2eenv.Node(t)
	prefix := e2eenv.NPMPrefix(t)
	file := filepath.Join(t.TempDir(), "tracked.heapsnapshot")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "../../engine/heapsnapshot/testdata/devtools_check.mjs", file)
	cmd.Env = append(os.Environ(), "DEVTOOLS="+prefix)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("devtools_check: %v\n%s", err, out)
	}
	live := map[string]int{}
	stacks := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) == 5 && f[0] == "alloc" {
			live[f[3]+" "+f[4]], _ = strconv.Atoi(f[2])
		}
		if name, stack, ok := strings.Cut(strings.TrimPrefix(line, "stack "), ": "); ok && strings.HasPrefix(line, "stack ") {
			stacks[name] = stack
		}
	}
	if live["leak file:///app.js:4:14"] < 2000 || live["LeakyThing file:///app.js:1:31"] != 2000 {
		t.Errorf("DevTools' allocation functions: leak %d live, LeakyThing %d live\n%s",
			live["leak file:///app.js:4:14"], live["LeakyThing file:///app.js:1:31"], out)
	}
	if stacks["LeakyThing"] != "leak < (anonymous) < (root)" || stacks["(string)"] != "LeakyThing < leak < (anonymous) < (root)" {
		t.Errorf("allocation stacks %q\n%s", stacks, out)
	}
}

// TestComparisonInDevTools loads two snapshots, taken around allocations,
// frees and compacting GCs, with the DevTools frontend's own heap snapshot
// code: its Summary counts our classes, and its Comparison view (objects
// matched by id) shows exactly what the program allocated and dropped in
// between, though the GC moved the survivors.
func TestComparisonInDevTools(t *testing.T) {
	node := e2eenv.Node(t)
	prefix := e2eenv.NPMPrefix(t)
	tg := newTarget(t, heap.Options{StressCompaction: true}, app, nil)
	cl := tg.connect(t)
	take := func(name string) (*snap, string) {
		events, reply := cl.call("HeapProfiler.takeHeapSnapshot", `{"reportProgress":true,"captureNumericValue":true,"exposeInternals":true}`)
		if reply.Error != nil {
			t.Fatal(reply.Error)
		}
		text := snapshotFromEvents(t, events, true)
		file := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return parseSnap(t, text), file
	}
	s1, f1 := take("1.heapsnapshot")
	// 300 new instances; 100 old ones dropped (leaks[0..99]); GCs that
	// move everything.
	tg.run(t, "leak(300); leaks.splice(0, 100); others.push(new Other());")
	cl.call("HeapProfiler.collectGarbage", "")
	s2, f2 := take("2.heapsnapshot")

	// Our own reading of the ids first.
	old := map[int64]bool{}
	maxOld := int64(0)
	for _, id := range s1.ids("LeakyThing") {
		old[id] = true
		maxOld = max(maxOld, id)
	}
	added, kept := 0, 0
	for _, id := range s2.ids("LeakyThing") {
		if old[id] {
			kept++
		} else {
			added++
			if id <= maxOld {
				t.Errorf("new object with an old id %d", id)
			}
		}
	}
	if added != 300 || kept != 9900 {
		t.Errorf("by id: %d added, %d kept", added, kept)
	}

	script := "../../engine/heapsnapshot/testdata/devtools_check.mjs"
	if runtime.GOOS == "windows" {
		t.Skip("unix paths")
	}
	cmd := exec.Command(node, script, f1, f2)
	cmd.Env = append(os.Environ(), "DEVTOOLS="+prefix)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("devtools_check: %v\n%s", err, out)
	}
	counts := map[string]int{}
	diffs := map[string][2]int{}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 4 && f[0] == "diff":
			a, _ := strconv.Atoi(f[1])
			r, _ := strconv.Atoi(f[2])
			diffs[strings.Join(f[3:], " ")] = [2]int{a, r}
		case len(f) >= 4:
			if n, err := strconv.Atoi(f[0]); err == nil {
				counts[strings.Join(f[3:], " ")] = n
			}
		}
	}
	if counts["LeakyThing"] != 10200 || counts["Other"] != 4 {
		t.Errorf("DevTools' Summary: LeakyThing %d, Other %d\n%s", counts["LeakyThing"], counts["Other"], out)
	}
	if diffs["LeakyThing"] != [2]int{300, 100} || diffs["Other"] != [2]int{1, 0} {
		t.Errorf("DevTools' Comparison: LeakyThing %v, Other %v\n%s", diffs["LeakyThing"], diffs["Other"], out)
	}
}

// TestTrackingOrderLikeNode runs what testdata/tracking.js ran on node
// (start tracking with allocations, allocate 1000 objects after 120 ms,
// stop with progress after 400 ms) and compares the order of messages with
// node's (testdata/tracking-node.json): the start's answer, pushes of
// (heapStatsUpdate when something changed, lastSeenObjectId), then at stop
// a last push, the progress events, the chunks and the answer.
func TestTrackingOrderLikeNode(t *testing.T) {
	data, err := os.ReadFile("testdata/tracking-node.json")
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Runs []struct {
			Key   string
			Count int
			First json.RawMessage
		}
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	var nodeKeys []string
	for _, r := range rec.Runs {
		nodeKeys = append(nodeKeys, strings.TrimPrefix(r.Key, "HeapProfiler."))
	}
	pattern := regexp.MustCompile(`^reply start( (heapStatsUpdate )?lastSeenObjectId)+ reportHeapSnapshotProgress addHeapSnapshotChunk reply stop$`)
	shorten := func(keys []string) string {
		s := strings.Join(keys, " ")
		return strings.NewReplacer("reply HeapProfiler.startTrackingHeapObjects", "reply start",
			"reply HeapProfiler.stopTrackingHeapObjects", "reply stop").Replace(s)
	}
	if !pattern.MatchString(shorten(nodeKeys)) {
		t.Fatalf("node's recording does not match the pattern: %s", shorten(nodeKeys))
	}

	tg := newTarget(t, heap.Options{}, `class LeakyThing { constructor(i) { this.i = i; } }
var kept = [];`, nil)
	cl := tg.connect(t)
	var ours []string
	add := func(m message) {
		key := strings.TrimPrefix(m.Method, "HeapProfiler.")
		if m.ID != nil {
			key = "reply"
		}
		if n := len(ours); n > 0 && ours[n-1] == key {
			return
		}
		ours = append(ours, key)
	}
	start := time.Now()
	for _, m := range cl.until(cl.send("HeapProfiler.startTrackingHeapObjects", `{"trackAllocations":true}`)) {
		add(m)
	}
	ours[len(ours)-1] = "reply start"
	collect := func(until time.Duration) {
		for time.Since(start) < until {
			if m, ok := cl.recv(until - time.Since(start)); ok {
				add(m)
			}
		}
	}
	collect(120 * time.Millisecond)
	tg.run(t, "for (let i = 0; i < 1000; i++) kept.push(new LeakyThing(i));")
	collect(400 * time.Millisecond)
	for _, m := range cl.until(cl.send("HeapProfiler.stopTrackingHeapObjects", `{"reportProgress":true}`)) {
		add(m)
	}
	ours[len(ours)-1] = "reply stop"
	if got := strings.Join(ours, " "); !pattern.MatchString(got) {
		t.Errorf("our order: %s\nnode's:    %s", got, shorten(nodeKeys))
	}
}

// TestBadInput sends every method malformed and out-of-order parameters:
// each gets an answer (an error where V8 gives one), none crashes the
// process, and the session goes on working.
func TestBadInput(t *testing.T) {
	objects := &fakeObjects{}
	tg := newTarget(t, heap.Options{}, app, objects)
	objects.h = tg.iso.Heap
	cl := tg.connect(t)
	methods := []string{"enable", "disable", "takeHeapSnapshot", "collectGarbage", "getHeapObjectId",
		"getObjectByHeapObjectId", "addInspectedHeapObject", "startTrackingHeapObjects", "stopTrackingHeapObjects"}
	params := []string{`{}`, `[]`, `[1]`, `null`, `{"objectId":5}`, `{"objectId":"99999999999999999999"}`,
		`{"heapObjectId":"1e3"}`, `{"trackAllocations":1}`, `{"reportProgress":null}`, `{"objectGroup":7,"objectId":"1"}`}
	for _, m := range methods {
		for _, p := range params {
			cl.call("HeapProfiler."+m, p) // until() fails the test if no answer comes
		}
	}
	if _, reply := cl.call("HeapProfiler.collectGarbage", ""); reply.Error != nil {
		t.Errorf("after bad input: %+v", reply.Error)
	}
}

// TestClientThatStopsReading: a client that asks for a snapshot and reads
// nothing holds the isolate only until the stall timeout; then its session
// is closed and another client is served.
func TestClientThatStopsReading(t *testing.T) {
	// A snapshot larger than the sockets' buffers: about 30 MB.
	tg := newTarget(t, heap.Options{}, app+"leak(150000);\n", nil)
	tg.do(func() {
		tg.domain.backlogBytes = 64 << 10
		tg.domain.stallTimeout = 300 * time.Millisecond
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, tg.srv.WebSocketURL(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseNow()
	c.SetReadLimit(-1)
	if err := c.Write(ctx, websocket.MessageText, []byte(`{"id":1,"method":"HeapProfiler.takeHeapSnapshot","params":{"captureNumericValue":true,"exposeInternals":true}}`)); err != nil {
		t.Fatal(err)
	}
	// Never read. A second client is answered once the first is dropped.
	cl := tg.connect(t)
	start := time.Now()
	events, reply := cl.call("HeapProfiler.takeHeapSnapshot", `{}`)
	if reply.Error != nil {
		t.Fatal(reply.Error)
	}
	if s := parseSnap(t, snapshotFromEvents(t, events, false)); len(s.ids("LeakyThing")) != 160000 {
		t.Errorf("second client's snapshot")
	}
	// (Without the stall timeout the second call would never be answered:
	// until fails after a minute.)
	t.Logf("the second client waited %v", time.Since(start))
	// The first client, reading now, finds its session closed before the
	// answer (with a close frame, or torn down when the server's writer
	// could not get one through).
	// A fresh deadline: the wait above may be long on a loaded machine.
	rctx, rcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer rcancel()
	answered := false
	for {
		_, b, err := c.Read(rctx)
		if err != nil {
			if rctx.Err() != nil {
				t.Errorf("first client still open: %v", err)
			}
			break
		}
		answered = answered || strings.HasPrefix(string(b), `{"id":1,`)
	}
	if answered {
		t.Error("the stalled client got its whole snapshot: no backpressure")
	}
}

package e2e

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

// heapApp keeps 500 LeakyThing (global, for the console: the script runs
// as a CommonJS module) and spins until a client clears spin.
const heapApp = `class LeakyThing { constructor(i) { this.i = i; } }
globalThis.LeakyThing = LeakyThing;
globalThis.leaks = [];
for (let i = 0; i < 500; i++) leaks.push(new LeakyThing(i));
globalThis.spin = true;
while (spin) {}
`

// TestHeapProfilerThroughTheBinary drives the HeapProfiler domain of the
// real binary (--inspect) as the Memory panel does, with Runtime in the
// loop: a snapshot streamed in node's order, a selected instance as $0 in
// the console, and object ids that agree between HeapProfiler and Runtime.
func TestHeapProfilerThroughTheBinary(t *testing.T) {
	p := start(t, heapApp, "--inspect=0")
	c := dial(t, p.wsURL)
	ctx := testCtx(t)
	if _, err := c.Call(ctx, "HeapProfiler.enable", nil); err != nil {
		t.Fatal(err)
	}
	// Commands run at the script's back-edges, its first loop included:
	// wait until it spins, its objects all made.
	for {
		res, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "globalThis.spin === true"})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(res), `"value":true`) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	snapshot := func() map[int64]string {
		t.Helper()
		c.Events()
		if _, err := c.Call(ctx, "HeapProfiler.takeHeapSnapshot", map[string]any{"reportProgress": true, "captureNumericValue": true, "exposeInternals": true}); err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		finished := false
		for _, e := range c.Events() {
			switch e.Method {
			case "HeapProfiler.reportHeapSnapshotProgress":
				if text.Len() > 0 {
					t.Fatal("progress after a chunk")
				}
				finished = finished || strings.Contains(string(e.Params), `"finished":true`)
			case "HeapProfiler.addHeapSnapshotChunk":
				if !finished {
					t.Fatal("a chunk before the finished progress event")
				}
				var p struct{ Chunk string }
				json.Unmarshal(e.Params, &p)
				text.WriteString(p.Chunk)
			}
		}
		var s struct {
			Nodes   []int64
			Strings []string
		}
		if err := json.Unmarshal([]byte(text.String()), &s); err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		objects := map[int64]string{}
		for i := 0; i+7 <= len(s.Nodes); i += 7 {
			if s.Nodes[i] == 3 {
				objects[s.Nodes[i+2]] = s.Strings[s.Nodes[i+1]]
			}
		}
		return objects
	}
	objects := snapshot()
	var leaky []int64
	for id, name := range objects {
		if name == "LeakyThing" {
			leaky = append(leaky, id)
		}
	}
	if len(leaky) != 500 {
		t.Fatalf("%d LeakyThing in the snapshot", len(leaky))
	}

	// Selecting an instance in the Summary makes it $0.
	if _, err := c.Call(ctx, "HeapProfiler.addInspectedHeapObject", map[string]any{"heapObjectId": strconv.FormatInt(leaky[0], 10)}); err != nil {
		t.Fatal(err)
	}
	res, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "$0 instanceof LeakyThing && leaks.indexOf($0) >= 0", "includeCommandLineAPI": true})
	if err != nil || !strings.Contains(string(res), `"value":true`) {
		t.Fatalf("$0: %s %v", res, err)
	}
	// Without the command-line API there is no $0.
	res, _ = c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "typeof $0"})
	if !strings.Contains(string(res), `"value":"undefined"`) {
		t.Errorf("$0 leaked out of the command-line API: %s", res)
	}

	// A Runtime object's heap id is the snapshot's; and back.
	res, err = c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "leaks[42]"})
	var ev struct{ Result struct{ ObjectID string } }
	if err != nil || json.Unmarshal(res, &ev) != nil || ev.Result.ObjectID == "" {
		t.Fatalf("evaluate: %s %v", res, err)
	}
	res, err = c.Call(ctx, "HeapProfiler.getHeapObjectId", map[string]any{"objectId": ev.Result.ObjectID})
	var hid struct{ HeapSnapshotObjectID string }
	if err != nil || json.Unmarshal(res, &hid) != nil {
		t.Fatalf("getHeapObjectId: %s %v", res, err)
	}
	id, _ := strconv.ParseInt(hid.HeapSnapshotObjectID, 10, 64)
	if objects[id] != "LeakyThing" {
		t.Fatalf("leaks[42] has heap id %d, a %q in the snapshot", id, objects[id])
	}
	res, err = c.Call(ctx, "HeapProfiler.getObjectByHeapObjectId", map[string]any{"objectId": hid.HeapSnapshotObjectID, "objectGroup": "heap"})
	var byID struct {
		Result struct {
			ClassName, ObjectID string
		}
	}
	if err != nil || json.Unmarshal(res, &byID) != nil || byID.Result.ClassName != "LeakyThing" {
		t.Fatalf("getObjectByHeapObjectId: %s %v", res, err)
	}
	res, err = c.Call(ctx, "Runtime.callFunctionOn", map[string]any{"objectId": byID.Result.ObjectID,
		"functionDeclaration": "function () { return this.i; }", "returnByValue": true})
	if err != nil || !strings.Contains(string(res), `"value":42`) {
		t.Fatalf("callFunctionOn the object: %s %v", res, err)
	}

	// A GC and a second snapshot keep the ids.
	if _, err := c.Call(ctx, "HeapProfiler.collectGarbage", nil); err != nil {
		t.Fatal(err)
	}
	if again := snapshot(); again[id] != "LeakyThing" || again[leaky[0]] != "LeakyThing" {
		t.Errorf("ids changed across snapshots")
	}
	if _, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "spin = false"}); err != nil {
		t.Fatal(err)
	}
}

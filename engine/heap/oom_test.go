package heap

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

type fatal struct{ report string }

// fillOldSpace keeps allocating live arrays until the heap gives up.
func fillOldSpace(th *testHeap) {
	scope := th.OpenScope()
	defer scope.Close()
	list := th.array(OldSpace, 2)
	for {
		s := th.OpenScope()
		node := th.array(NewSpace, 200)
		th.set(node.Value(), 0, list.Value())
		list.Set(node.Value())
		s.Close()
	}
}

func TestHeapLimitIsFatal(t *testing.T) {
	var got *fatal
	th := newTestHeap(t, Options{MaxOldSpaceMiB: 8, MaxSemiSpaceMiB: 1, OnFatal: func(r string) { panic(&fatal{r}) }})
	func() {
		defer func() {
			if f, ok := recover().(*fatal); ok {
				got = f
			} else {
				panic("no fatal report")
			}
		}()
		fillOldSpace(th)
	}()
	for _, want := range []string{"<--- Last few GCs --->", "Mark-Compact", "<--- JS stacktrace --->",
		"FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"} {
		if !strings.Contains(got.report, want) {
			t.Errorf("report lacks %q:\n%s", want, got.report)
		}
	}
	if size := th.oldGenerationSize(); size > 8<<20+PageSize {
		t.Errorf("old generation grew to %d bytes past its 8 MiB limit", size)
	}
}

// TestHeapLimitExitsWith134 runs the out-of-memory in a child process with the
// default fatal handler: it must print node's message and exit with 134.
func TestHeapLimitExitsWith134(t *testing.T) {
	if os.Getenv("SONDE_OOM_CHILD") == "1" {
		fillOldSpace(newTestHeap(t, Options{MaxOldSpaceMiB: 8}))
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHeapLimitExitsWith134$")
	cmd.Env = append(os.Environ(), "SONDE_OOM_CHILD=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 134 {
		t.Fatalf("child ended with %v, want exit status 134; output:\n%s", err, out)
	}
	if !strings.Contains(string(out), "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory") {
		t.Fatalf("child output lacks node's message:\n%s", out)
	}
	if strings.Contains(string(out), "goroutine ") || strings.Contains(string(out), "panic:") {
		t.Fatalf("child panicked:\n%s", out)
	}
}

// TestNearHeapLimit: the callback hears of the limit before the fatal
// report; raising the limit lets the program go on until the raised one.
func TestNearHeapLimit(t *testing.T) {
	var calls [][2]uint64
	th := newTestHeap(t, Options{MaxOldSpaceMiB: 8, MaxSemiSpaceMiB: 1,
		OnFatal: func(r string) { panic(&fatal{r}) },
		NearHeapLimit: func(current, initial uint64) uint64 {
			calls = append(calls, [2]uint64{current, initial})
			if len(calls) == 1 {
				return 2 * current
			}
			return current
		}})
	func() {
		defer func() {
			if _, ok := recover().(*fatal); !ok {
				panic("no fatal report")
			}
		}()
		fillOldSpace(th)
	}()
	if len(calls) != 2 || calls[0] != [2]uint64{8 << 20, 8 << 20} || calls[1] != [2]uint64{16 << 20, 8 << 20} {
		t.Errorf("calls %v", calls)
	}
	if size := th.oldGenerationSize(); size < 12<<20 || size > 16<<20+PageSize {
		t.Errorf("old generation reached %d bytes, want about the raised 16 MiB", size)
	}
}

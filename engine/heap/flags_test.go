package heap

import (
	"os"
	"reflect"
	"testing"
)

func TestParseFlags(t *testing.T) {
	o, rest, err := ParseFlags([]string{"--max-old-space-size=64", "--max_semi_space_size", "2",
		"--verify-heap", "--inspect", "--gc-interval=100", "script.js", "--no-verify-heap", "--trace-gc", "arg"}, os.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	want := Options{MaxOldSpaceMiB: 64, MaxSemiSpaceMiB: 2, GCStressEvery: 100, TraceGC: os.Stdout}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("options %+v, want %+v", o, want)
	}
	if !reflect.DeepEqual(rest, []string{"--inspect", "script.js", "arg"}) {
		t.Errorf("rest %q", rest)
	}
	for _, bad := range [][]string{{"--max-old-space-size"}, {"--max-old-space-size=lots"}, {"--gc-interval=-1"}} {
		if _, _, err := ParseFlags(bad, nil); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

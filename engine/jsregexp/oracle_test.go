package jsregexp

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"
	"unicode/utf16"
)

// oracleCase is one entry of testdata/expected.json (see testdata/gen.js).
type oracleCase struct {
	Pattern    string
	Flags      string
	P          []uint16
	Error      string
	GroupNames []string
	NumGroups  int
	Execs      []struct {
		S         []uint16
		LastIndex int
		Results   [][][]int // per match: per group [start,end] or null
	}
}

// knownDeviations lists oracle cases (pattern/flags) where Sonde
// knowingly differs from V8, with the reason; see doc.go. It is empty:
// every case in expected.json passes.
var knownDeviations = map[string]string{}

func TestOracle(t *testing.T) {
	data, err := os.ReadFile("testdata/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Cases []oracleCase }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	pass, fail, known := 0, 0, 0
	for _, c := range file.Cases {
		name := c.Pattern + "/" + c.Flags
		msgs := checkCase(c)
		if len(msgs) == 0 {
			pass++
			continue
		}
		if why, ok := knownDeviations[name]; ok {
			known++
			t.Logf("known deviation %s (%s): %v", name, why, msgs)
			continue
		}
		fail++
		for _, m := range msgs {
			t.Errorf("/%s/: %s", name, m)
		}
	}
	t.Logf("oracle: %d cases pass, %d known deviations, %d fail", pass, known, fail)
}

// checkCase compiles and runs one case, returning the mismatches.
func checkCase(c oracleCase) (msgs []string) {
	defer func() {
		if r := recover(); r != nil {
			msgs = append(msgs, fmt.Sprintf("panic: %v", r))
		}
	}()
	re, err := Compile(c.P, c.Flags)
	if c.Error != "" {
		if err == nil {
			return []string{"compiled, want error " + c.Error}
		}
		if err.Error() != c.Error {
			return []string{fmt.Sprintf("error %q, want %q", err.Error(), c.Error)}
		}
		return nil
	}
	if err != nil {
		return []string{"error: " + err.Error()}
	}
	if re.NumGroups() != c.NumGroups {
		msgs = append(msgs, fmt.Sprintf("groups %d, want %d", re.NumGroups(), c.NumGroups))
	}
	var names []string
	for _, n := range re.GroupNames() {
		if n != "" {
			names = append(names, n)
		}
	}
	if len(names) > 0 || len(c.GroupNames) > 0 {
		if !reflect.DeepEqual(names, c.GroupNames) {
			msgs = append(msgs, fmt.Sprintf("names %q, want %q", names, c.GroupNames))
		}
	}
	for _, e := range c.Execs {
		got := runLoop(re, e.S, e.LastIndex)
		if !reflect.DeepEqual(got, e.Results) {
			msgs = append(msgs, fmt.Sprintf("input %q lastIndex %d: got %v, want %v",
				string(utf16.Decode(e.S)), e.LastIndex, got, e.Results))
		}
	}
	return msgs
}

// runLoop executes like gen.js: once, or with g or y repeatedly,
// advancing lastIndex past empty matches, ending with nil.
func runLoop(re *Regexp, s []uint16, lastIndex int) [][][]int {
	var out [][][]int
	f := re.Flags()
	for n := 0; n < 50; n++ {
		m, ok := re.Exec(s, lastIndex)
		if !ok {
			out = append(out, nil)
			break
		}
		var groups [][]int
		for i := 0; i < len(m); i += 2 {
			if m[i] < 0 {
				groups = append(groups, nil)
			} else {
				groups = append(groups, []int{m[i], m[i+1]})
			}
		}
		out = append(out, groups)
		if !f.Global && !f.Sticky {
			break
		}
		lastIndex = m[1]
		if m[0] == m[1] {
			if f.unicodeMode() && lastIndex+1 < len(s) && isLead(s[lastIndex]) && isTrail(s[lastIndex+1]) {
				lastIndex += 2
			} else {
				lastIndex++
			}
		}
	}
	return out
}

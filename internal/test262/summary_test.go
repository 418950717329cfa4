package test262

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func results(statuses map[string]Status) []Result {
	var out []Result
	for id, s := range statuses {
		path, v, _ := strings.Cut(id, "#")
		out = append(out, Result{ID: id, Path: path, Variant: Variant(v), Outcome: Outcome{Status: s, Message: "why " + id}})
	}
	return out
}

func TestSummarize(t *testing.T) {
	rs := results(map[string]Status{
		"test/language/expressions/a.js#strict":     Pass,
		"test/language/expressions/a.js#non-strict": Fail,
		"test/language/statements/b.js#module":      Pass,
		"test/language/c.js#raw":                    Pass,
		"test/built-ins/Array/d.js#strict":          Skip,
		"test/built-ins/Array/from/e.js#strict":     Pass,
	})
	s := Summarize("fake", []string{"test"}, rs, time.Unix(0, 0), 1500*time.Millisecond, 2)
	if s.Total != (Counts{Pass: 4, Fail: 1, Skip: 1, Rate: 80}) {
		t.Errorf("total %+v", s.Total)
	}
	wantDirs := map[string]Counts{
		"test/language":             {Pass: 3, Fail: 1, Rate: 75},
		"test/language/expressions": {Pass: 1, Fail: 1, Rate: 50},
		"test/language/statements":  {Pass: 1, Rate: 100},
		"test/built-ins":            {Pass: 1, Skip: 1, Rate: 100},
		"test/built-ins/Array":      {Pass: 1, Skip: 1, Rate: 100},
	}
	if !reflect.DeepEqual(s.Dirs, wantDirs) {
		t.Errorf("dirs %+v\nwant %+v", s.Dirs, wantDirs)
	}
	if s.Results["test/language/c.js#raw"] != Pass || len(s.Results) != 6 {
		t.Errorf("results %v", s.Results)
	}
	if s.DurationSeconds != 1.5 || s.Date != "1970-01-01T00:00:00Z" {
		t.Errorf("duration %v date %s", s.DurationSeconds, s.Date)
	}

	file := filepath.Join(t.TempDir(), "s.json")
	if err := s.WriteJSON(file); err != nil {
		t.Fatal(err)
	}
	back, err := ReadSummary(file)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, s) {
		t.Errorf("JSON round trip changed the summary:\n%+v\n%+v", back, s)
	}
	if _, err := ReadSummary(filepath.Join(t.TempDir(), "none.json")); err == nil {
		t.Errorf("missing summary: no error")
	}

	var b bytes.Buffer
	if err := WriteText(&b, s); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, want := range []string{"test262 on fake: 4/5 passed (80.00%), 1 failed, 1 skipped", "test/language ", "  expressions ", "50.00%", "  Array "} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	if strings.Index(text, "test/built-ins ") > strings.Index(text, "test/language ") {
		t.Errorf("directories not sorted:\n%s", text)
	}

	b.Reset()
	if err := WriteFailures(&b, rs); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "test/language/expressions/a.js#non-strict\twhy test/language/expressions/a.js#non-strict\n" {
		t.Errorf("failures %q", got)
	}
}

func TestCompare(t *testing.T) {
	base := Summarize("fake", nil, results(map[string]Status{
		"a.js#strict": Pass,
		"b.js#strict": Fail,
		"c.js#strict": Pass,
		"d.js#strict": Skip,
		"gone.js#raw": Pass,
		"same.js#raw": Fail,
		"e.js#strict": Pass,
	}), time.Now(), 0, 1)
	cur := Summarize("fake", nil, results(map[string]Status{
		"a.js#strict":   Fail, // regression
		"b.js#strict":   Pass, // progression
		"c.js#strict":   Pass,
		"d.js#strict":   Pass, // progression from skip
		"same.js#raw":   Fail,
		"e.js#strict":   Skip, // regression: no longer passes
		"new.js#strict": Fail, // new failure
		"new2.js#raw":   Pass, // new, passing: not listed
	}), time.Now(), 0, 1)
	d := Compare(base, cur)
	wantReg := []Change{{"a.js#strict", Pass, Fail}, {"e.js#strict", Pass, Skip}}
	wantProg := []Change{{"b.js#strict", Fail, Pass}, {"d.js#strict", Skip, Pass}}
	if !reflect.DeepEqual(d.Regressions, wantReg) {
		t.Errorf("regressions %v, want %v", d.Regressions, wantReg)
	}
	if !reflect.DeepEqual(d.Progressions, wantProg) {
		t.Errorf("progressions %v, want %v", d.Progressions, wantProg)
	}
	if !reflect.DeepEqual(d.NewFailures, []string{"new.js#strict"}) {
		t.Errorf("new failures %v", d.NewFailures)
	}
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2 regressions, 2 progressions, 1 new failing tests", "REGRESSION  a.js#strict (pass -> fail)", "PROGRESSION d.js#strict (skip -> pass)", "NEW FAILURE new.js#strict"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("diff output lacks %q:\n%s", want, b.String())
		}
	}
}

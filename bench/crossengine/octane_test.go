package main

import (
	"strconv"
	"strings"
	"testing"
)

func TestCompose(t *testing.T) {
	b := Benchmark{"Richards", "richards.js"}
	s := compose(b, map[string]string{
		"base.js":     "// base 1\n// base 2\n",
		"richards.js": "// richards 1\n// richards 2", // no final newline
	})
	if s.Name != "octane-richards.js" {
		t.Errorf("Name = %q", s.Name)
	}
	lines := strings.Split(s.Source, "\n")
	for _, p := range s.Parts {
		first := lines[p.StartLine-1]
		var want string
		switch p.File {
		case "base.js":
			want = "// base 1"
		case "richards.js":
			want = "// richards 1"
		case "driver.js":
			want = strings.SplitN(driverSource, "\n", 2)[0]
		}
		if first != want {
			t.Errorf("%s starts at line %d = %q, want %q", p.File, p.StartLine, first, want)
		}
	}
	if got := []string{s.Parts[0].File, s.Parts[1].File, s.Parts[2].File}; strings.Join(got, ",") != "base.js,richards.js,driver.js" {
		t.Errorf("parts %v", got)
	}
	if file, line := s.Locate(s.Parts[1].StartLine + 1); file != "richards.js" || line != 2 {
		t.Errorf("Locate = %s:%d, want richards.js:2", file, line)
	}
	if !strings.HasSuffix(s.Source, driverSource) {
		t.Error("the driver is not last")
	}
	text := "at octane-richards.js:" + strconv.Itoa(s.Parts[1].StartLine) + ":5 and octane-richards.js:2"
	want := "at octane-richards.js:" + strconv.Itoa(s.Parts[1].StartLine) + ":5 [richards.js:1] and octane-richards.js:2 [base.js:1]"
	if got := s.annotateLines(text); got != want {
		t.Errorf("annotateLines:\n got  %s\n want %s", got, want)
	}
}

func TestSelectBenchmarks(t *testing.T) {
	all, err := selectBenchmarks("")
	if err != nil || len(all) != 8 {
		t.Fatalf("all: %v, %v", all, err)
	}
	got, err := selectBenchmarks(" splay, Richards ")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "Richards" || got[1].Name != "Splay" {
		t.Errorf("got %v, want Octane's order", got)
	}
	if _, err := selectBenchmarks("Richards,Box2D"); err == nil {
		t.Error("unknown benchmark accepted")
	}
}

func TestSelectRunners(t *testing.T) {
	rs, err := selectRunners("sonde,goja,node-jitless,goja", runnerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rs {
		names = append(names, r.Name())
	}
	if strings.Join(names, ",") != "node-jitless,goja,sonde" {
		t.Errorf("runners %v, want report order without duplicates", names)
	}
	if _, err := selectRunners("spidermonkey", runnerConfig{}); err == nil {
		t.Error("unknown engine accepted")
	}
}

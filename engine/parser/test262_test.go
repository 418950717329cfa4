package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
)

// skippedFeatures lists the test262 features left out of the figures:
// proposals that are unfinished or newer than the ES2022 syntax this
// parser implements, and Intl, Temporal and ShadowRealm (any feature
// whose name starts with "Intl" is skipped as well):
//
//	decorators, import-attributes, import-assertions, source-phase-imports,
//	source-phase-imports-module-source, import-defer, explicit-resource-management,
//	regexp-modifiers, regexp-duplicate-named-groups, json-modules, legacy-regexp,
//	Temporal, ShadowRealm, canonical-tz, upsert, await-dictionary,
//	immutable-arraybuffer, nonextensible-applies-to-private
//
// Built-in features (Array.fromAsync, set-methods…) are not skipped: their
// tests are ordinary syntax. regexp-v-flag (ES2024) is measured: the v
// flag's class syntax is checked leniently.
var skippedFeatures = map[string]bool{
	"decorators":                         true,
	"import-attributes":                  true,
	"import-assertions":                  true,
	"source-phase-imports":               true,
	"source-phase-imports-module-source": true,
	"import-defer":                       true,
	"explicit-resource-management":       true,
	"regexp-modifiers":                   true,
	"regexp-duplicate-named-groups":      true,
	"json-modules":                       true,
	"legacy-regexp":                      true,
	"Temporal":                           true,
	"ShadowRealm":                        true,
	"canonical-tz":                       true,
	"upsert":                             true,
	"await-dictionary":                   true,
	"immutable-arraybuffer":              true,
	"nonextensible-applies-to-private":   true,
}

// test262Meta is the part of a test's YAML front matter the runner reads.
type test262Meta struct {
	flags         map[string]bool
	features      []string
	negativeParse bool
}

// parseMeta reads the /*--- ... ---*/ front matter (just enough YAML).
func parseMeta(src string) test262Meta {
	m := test262Meta{flags: map[string]bool{}}
	start := strings.Index(src, "/*---")
	end := strings.Index(src, "---*/")
	if start < 0 || end < start {
		return m
	}
	yaml := src[start+5 : end]
	lines := strings.Split(yaml, "\n")
	inNegative := false
	inFeatures := false
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		indented := len(line) > 0 && (line[0] == ' ' || line[0] == '\t')
		if !indented {
			inNegative, inFeatures = false, false
		}
		switch {
		case strings.HasPrefix(trimmed, "flags:") && !indented:
			for _, f := range listItems(strings.TrimPrefix(trimmed, "flags:")) {
				m.flags[f] = true
			}
		case strings.HasPrefix(trimmed, "features:") && !indented:
			rest := strings.TrimSpace(strings.TrimPrefix(trimmed, "features:"))
			if rest == "" {
				inFeatures = true
			} else {
				m.features = append(m.features, listItems(rest)...)
			}
		case inFeatures && strings.HasPrefix(trimmed, "- "):
			m.features = append(m.features, strings.TrimSpace(trimmed[2:]))
		case strings.HasPrefix(trimmed, "negative:") && !indented:
			inNegative = true
		case inNegative && strings.HasPrefix(trimmed, "phase:"):
			if strings.TrimSpace(strings.TrimPrefix(trimmed, "phase:")) == "parse" {
				m.negativeParse = true
			}
		}
	}
	return m
}

// listItems splits a YAML flow list "[a, b]".
func listItems(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "[")
	s = strings.TrimSuffix(s, "]")
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// test262Result is the outcome of one test file.
type test262Result struct {
	path     string
	group    string
	negative bool
	pass     bool
	detail   string
}

// runTest262File parses one test in each variant its flags ask for.
func runTest262File(root, path string) (test262Result, bool) {
	rel, _ := filepath.Rel(filepath.Join(root, "test"), path)
	parts := strings.Split(filepath.ToSlash(rel), "/")
	group := parts[0]
	if len(parts) > 2 {
		group = parts[0] + "/" + parts[1]
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return test262Result{}, false
	}
	src := string(data)
	meta := parseMeta(src)
	for _, f := range meta.features {
		if skippedFeatures[f] || strings.HasPrefix(f, "Intl") {
			return test262Result{}, false
		}
	}
	res := test262Result{path: rel, group: group, negative: meta.negativeParse, pass: true}
	type variant struct {
		src  string
		opts Options
	}
	var variants []variant
	switch {
	case meta.flags["module"]:
		variants = []variant{{src, Options{Filename: rel, Module: true}}}
	case meta.flags["raw"] || meta.flags["noStrict"]:
		variants = []variant{{src, Options{Filename: rel}}}
	case meta.flags["onlyStrict"]:
		variants = []variant{{"\"use strict\";\n" + src, Options{Filename: rel}}}
	default:
		variants = []variant{{src, Options{Filename: rel}}, {"\"use strict\";\n" + src, Options{Filename: rel}}}
	}
	for i, v := range variants {
		_, err := Parse(v.src, v.opts)
		mode := "sloppy"
		if v.opts.Module {
			mode = "module"
		} else if i == 1 || meta.flags["onlyStrict"] {
			mode = "strict"
		}
		if meta.negativeParse && err == nil {
			res.pass = false
			res.detail = mode + ": parsed, want SyntaxError"
			break
		}
		if !meta.negativeParse && err != nil {
			res.pass = false
			res.detail = mode + ": " + err.Error()
			break
		}
	}
	return res, true
}

// TestTest262 measures the parser against tc39/test262: positive tests in
// test/language and test/built-ins must parse, negative parse-phase tests
// must fail with SyntaxError. Set TEST262_DIR to a checkout of test262
// (TEST262_FAILURES=path writes the failing tests there). It prints the
// pass rate per directory and overall.
func TestTest262(t *testing.T) {
	root := os.Getenv("TEST262_DIR")
	if root == "" {
		t.Skip("TEST262_DIR is not set: set it to a tc39/test262 checkout to measure conformance")
	}
	var paths []string
	for _, dir := range []string{"language", "built-ins", "annexB"} {
		filepath.WalkDir(filepath.Join(root, "test", dir), func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".js") && !strings.Contains(path, "_FIXTURE") {
				paths = append(paths, path)
			}
			return nil
		})
	}
	if len(paths) == 0 {
		t.Fatalf("no tests under %s/test", root)
	}
	results := make([]test262Result, len(paths))
	ok := make([]bool, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], ok[i] = runTest262File(root, paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()

	type tally struct{ pos, posPass, neg, negPass int }
	groups := map[string]*tally{}
	total := map[string]*tally{}
	var failures []string
	for i, r := range results {
		if !ok[i] {
			continue
		}
		top := strings.SplitN(r.group, "/", 2)[0]
		for j, m := range []map[string]*tally{groups, total} {
			key := r.group
			if j == 1 {
				key = top
			}
			g := m[key]
			if g == nil {
				g = &tally{}
				m[key] = g
			}
			if r.negative {
				g.neg++
				if r.pass {
					g.negPass++
				}
			} else {
				g.pos++
				if r.pass {
					g.posPass++
				}
			}
		}
		if !r.pass {
			failures = append(failures, r.path+": "+r.detail)
		}
	}
	pct := func(a, b int) string {
		if b == 0 {
			return "   -   "
		}
		return fmt.Sprintf("%6.2f%%", 100*float64(a)/float64(b))
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-44s %14s %14s\n", "directory", "positive", "negative")
	for _, k := range keys {
		g := groups[k]
		if g.pos == g.posPass && g.neg == g.negPass && os.Getenv("TEST262_ALL") == "" {
			continue
		}
		fmt.Fprintf(&sb, "%-44s %5d/%-5d %s %4d/%-4d %s\n", k, g.posPass, g.pos, pct(g.posPass, g.pos), g.negPass, g.neg, pct(g.negPass, g.neg))
	}
	all := tally{}
	for _, k := range []string{"language", "built-ins", "annexB"} {
		g := total[k]
		if g == nil {
			continue
		}
		fmt.Fprintf(&sb, "TOTAL %-38s %5d/%-5d %s %4d/%-4d %s\n", k, g.posPass, g.pos, pct(g.posPass, g.pos), g.negPass, g.neg, pct(g.negPass, g.neg))
		all.pos += g.pos
		all.posPass += g.posPass
		all.neg += g.neg
		all.negPass += g.negPass
	}
	fmt.Fprintf(&sb, "TOTAL %-38s %5d/%-5d %s %4d/%-4d %s\n", "all", all.posPass, all.pos, pct(all.posPass, all.pos), all.negPass, all.neg, pct(all.negPass, all.neg))
	t.Log("\n" + sb.String())
	sort.Strings(failures)
	if out := os.Getenv("TEST262_FAILURES"); out != "" {
		os.WriteFile(out, []byte(strings.Join(failures, "\n")+"\n"), 0o644)
	} else {
		for i, f := range failures {
			if i == 50 {
				t.Logf("... and %d more (set TEST262_FAILURES=file for all)", len(failures)-50)
				break
			}
			t.Log(f)
		}
	}
}

// TestTest262Messages compares this parser's messages for test262's
// negative parse tests with V8's, read from TEST262_V8 (a JSON file that
// testdata/v8messages.js writes by running node over the same tests). It
// reports how many messages and positions agree; differences are not
// failures, since V8 defers some early errors and words others its own way.
func TestTest262Messages(t *testing.T) {
	root, v8file := os.Getenv("TEST262_DIR"), os.Getenv("TEST262_V8")
	if root == "" || v8file == "" {
		t.Skip("set TEST262_DIR and TEST262_V8 (see testdata/v8messages.js) to compare messages with V8")
	}
	data, err := os.ReadFile(v8file)
	if err != nil {
		t.Fatal(err)
	}
	var v8 map[string]string
	if err := json.Unmarshal(data, &v8); err != nil {
		t.Fatal(err)
	}
	type pair struct{ v8, ours string }
	diffs := map[pair][]string{}
	same, samePos, total := 0, 0, 0
	for rel, want := range v8 {
		src, err := os.ReadFile(filepath.Join(root, "test", rel))
		if err != nil {
			continue
		}
		meta := parseMeta(string(src))
		skip := false
		for _, f := range meta.features {
			skip = skip || skippedFeatures[f]
		}
		if skip || want == "OK" {
			continue
		}
		text := string(src)
		if meta.flags["onlyStrict"] {
			text = "\"use strict\";\n" + text
		}
		_, perr := Parse(text, Options{Filename: "test.js", Module: meta.flags["module"]})
		total++
		got := "OK"
		if se, ok := perr.(*SyntaxError); ok {
			got = fmt.Sprintf("%d:%d: SyntaxError: %s", se.Line, se.Column, se.Msg)
		}
		_, wantMsg, _ := strings.Cut(want, ": ")
		_, gotMsg, _ := strings.Cut(got, ": ")
		if wantMsg == gotMsg {
			same++
			if want == got {
				samePos++
			}
			continue
		}
		k := pair{wantMsg, gotMsg}
		diffs[k] = append(diffs[k], rel)
	}
	var keys []pair
	for k := range diffs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return len(diffs[keys[i]]) > len(diffs[keys[j]]) })
	var sb strings.Builder
	fmt.Fprintf(&sb, "same message: %d/%d, same message and position: %d/%d\n", same, total, samePos, total)
	for _, k := range keys {
		fmt.Fprintf(&sb, "%4d  v8: %s\n      us: %s\n      e.g. %s\n", len(diffs[k]), k.v8, k.ours, diffs[k][0])
	}
	t.Log("\n" + sb.String())
}

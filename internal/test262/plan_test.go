package test262

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestVariants(t *testing.T) {
	for _, tc := range []struct {
		flags string
		want  []Variant
	}{
		{"", []Variant{NonStrict, Strict}},
		{"flags: [async]\n", []Variant{NonStrict, Strict}},
		{"flags: [onlyStrict]\n", []Variant{Strict}},
		{"flags: [noStrict]\n", []Variant{NonStrict}},
		{"flags: [raw]\n", []Variant{Raw}},
		{"flags: [module]\n", []Variant{Module}},
		{"flags: [module, raw]\n", []Variant{Module}},
		{"flags: [module, async]\n", []Variant{Module}},
		{"flags: [generated, non-deterministic]\n", []Variant{NonStrict, Strict}},
	} {
		m, err := ParseMetadata(header(tc.flags, ""))
		if err != nil {
			t.Fatal(err)
		}
		if got := Variants(m); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: variants %v, want %v", tc.flags, got, tc.want)
		}
	}
}

func TestPreludeNames(t *testing.T) {
	for _, tc := range []struct {
		meta string
		want []string
	}{
		{"", []string{"assert.js", "sta.js"}},
		{"flags: [async]\n", []string{"assert.js", "sta.js", "doneprintHandle.js"}},
		{"includes: [b.js, a.js]\nflags: [async]\n", []string{"assert.js", "sta.js", "doneprintHandle.js", "b.js", "a.js"}},
		{"includes: [compareArray.js, assert.js, compareArray.js]\n", []string{"assert.js", "sta.js", "compareArray.js"}},
		{"includes: [a.js]\nflags: [raw]\n", nil},
		{"includes: [a.js]\nflags: [module]\n", []string{"assert.js", "sta.js", "a.js"}},
	} {
		m, err := ParseMetadata(header(tc.meta, ""))
		if err != nil {
			t.Fatal(err)
		}
		if got := PreludeNames(m); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: prelude %v, want %v", tc.meta, got, tc.want)
		}
	}
}

func TestPlan(t *testing.T) {
	root := writeTree(t, miniHarness())
	h, err := NewHarness(root)
	if err != nil {
		t.Fatal(err)
	}
	src := header("includes: [detachHelper.js, helper.js]\nflags: [async]\nnegative:\n  phase: runtime\n  type: TypeError\n", "detach(new ArrayBuffer(1));\n")
	tt := mustTest(t, "test/built-ins/x.js", src)
	jobs, err := Plan(tt, h)
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 {
		t.Fatalf("%d jobs, want 2", len(jobs))
	}
	sloppy, strict := jobs[0], jobs[1]
	if sloppy.Variant != NonStrict || sloppy.Source != src {
		t.Errorf("non-strict job: variant %s, source changed: %v", sloppy.Variant, sloppy.Source != src)
	}
	if strict.Variant != Strict || strict.Source != "\"use strict\";\n"+src {
		t.Errorf("strict job: variant %s, source %q…", strict.Variant, strict.Source[:30])
	}
	var names []string
	for _, f := range sloppy.Prelude {
		names = append(names, filepath.Base(f.Path))
		if f.Source == "" || !filepath.IsAbs(f.Path) {
			t.Errorf("prelude file %+v: want absolute path and text", f)
		}
	}
	if want := []string{"assert.js", "sta.js", "doneprintHandle.js", "detachHelper.js", "helper.js"}; !reflect.DeepEqual(names, want) {
		t.Errorf("prelude %v, want %v", names, want)
	}
	if !sloppy.Async || sloppy.Module {
		t.Errorf("async %v module %v", sloppy.Async, sloppy.Module)
	}
	// $262 is used by an include, not by the test itself.
	if !sloppy.Uses262 || !reflect.DeepEqual(sloppy.Host262, []string{Host262DetachArrayBuffer}) {
		t.Errorf("uses262 %v host262 %v", sloppy.Uses262, sloppy.Host262)
	}
	if sloppy.ID() != "test/built-ins/x.js#non-strict" || strict.ID() != "test/built-ins/x.js#strict" {
		t.Errorf("ids %s, %s", sloppy.ID(), strict.ID())
	}

	// A module keeps its source; a missing include is an error.
	mod := mustTest(t, "test/language/m.js", header("flags: [module]\n", "export {};\n"))
	jobs, err = Plan(mod, h)
	if err != nil || len(jobs) != 1 || !jobs[0].Module || jobs[0].Source != mod.Source || jobs[0].Uses262 {
		t.Errorf("module plan: %+v, %v", jobs, err)
	}
	missing := mustTest(t, "test/language/n.js", header("includes: [nope.js]\n", ""))
	if _, err := Plan(missing, h); err == nil || !strings.Contains(err.Error(), "nope.js") {
		t.Errorf("missing include: err %v", err)
	}
}

func TestRequirements(t *testing.T) {
	src := header("features: [cross-realm, host-gc-required]\n", `
var other = $262.createRealm().global;
$262.agent.start("");
$262.agent.broadcast(sab);
var g = $262.global, e = $262.evalScript;
`)
	tt := mustTest(t, "test/x.js", src)
	uses, props := requirements(tt, nil)
	want := []string{Host262Agent, Host262CreateRealm, Host262EvalScript, Host262GC, Host262Global}
	if !uses || !reflect.DeepEqual(props, want) {
		t.Errorf("requirements = %v %v, want %v", uses, props, want)
	}
	bare := mustTest(t, "test/y.js", header("", "var h = $262;\n"))
	if uses, props := requirements(bare, nil); !uses || len(props) != 0 {
		t.Errorf("bare $262: %v %v", uses, props)
	}
	none := mustTest(t, "test/z.js", header("", "var x = 262;\n"))
	if uses, _ := requirements(none, nil); uses {
		t.Errorf("no $262: uses = true")
	}
}

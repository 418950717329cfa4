package test262

import (
	"reflect"
	"testing"
)

func TestGlob(t *testing.T) {
	paths := []string{
		"test/language/expressions/class/a.js",
		"test/language/statements/class/b.js",
		"test/built-ins/Array/from/c.js",
		"test/built-ins/Array/d.js",
		"test/built-ins/ArrayBuffer/e.js",
	}
	for _, tc := range []struct {
		pattern string
		want    []int // indexes into paths
	}{
		{"test/built-ins/Array", []int{2, 3}},
		{"test/built-ins/Array/", []int{2, 3}},
		{"test/built-ins/Array*", []int{2, 3, 4}},
		{"test/built-ins/Array/*.js", []int{3}},
		{"test/**/class/*", []int{0, 1}},
		{"**/c.js", []int{2}},
		{"[de].js", []int{3, 4}},
		{"?.js", []int{0, 1, 2, 3, 4}},
		{"a.js,e.js", []int{0, 4}},
		{"test/language/*/class", []int{0, 1}},
		{"test/language/statements/class/b.js", []int{1}},
		{"test/nothing", nil},
	} {
		g, err := ParseGlob(tc.pattern)
		if err != nil {
			t.Fatalf("%q: %v", tc.pattern, err)
		}
		var got []int
		for i, p := range paths {
			if g.Match(p) {
				got = append(got, i)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q matched %v, want %v", tc.pattern, got, tc.want)
		}
	}
	for _, bad := range []string{"", " , ", "test/[", "a[.js"} {
		if _, err := ParseGlob(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestDiscover(t *testing.T) {
	root := writeTree(t, map[string]string{
		"test/language/b.js":             "",
		"test/language/a.js":             "",
		"test/language/m_FIXTURE.js":     "",
		"test/language/data.json":        "",
		"test/language/sub/c.js":         "",
		"test/built-ins/Array/d.js":      "",
		"test/built-ins/Array/README.md": "",
	})
	got, err := Discover(root, []string{"test/language", "test/built-ins/Array/d.js", "test/language/sub"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"test/built-ins/Array/d.js", "test/language/a.js", "test/language/b.js", "test/language/sub/c.js"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Discover = %v, want %v", got, want)
	}
	got, err = Discover(root, []string{"test"}, func(rel string) bool { return rel == "test/language/a.js" })
	if err != nil || !reflect.DeepEqual(got, []string{"test/language/a.js"}) {
		t.Errorf("Discover with match = %v, %v", got, err)
	}
	if _, err := Discover(root, []string{"test/missing"}, nil); err == nil {
		t.Errorf("missing directory: no error")
	}
}

package jsregexp

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func u16(s string) []uint16 { return utf16.Encode([]rune(s)) }

func mustCompile(t *testing.T, pattern, flags string) *Regexp {
	t.Helper()
	re, err := Compile(u16(pattern), flags)
	if err != nil {
		t.Fatal(err)
	}
	return re
}

// A catastrophic pattern stops when the interrupt hook says so.
func TestInterrupt(t *testing.T) {
	re := mustCompile(t, "^(a+)+$", "")
	input := u16(strings.Repeat("a", 40) + "b")
	deadline := time.Now().Add(50 * time.Millisecond)
	polls := 0
	_, ok, err := re.ExecInterruptible(input, 0, func() bool {
		polls++
		return time.Now().After(deadline)
	})
	if ok || !errors.Is(err, ErrInterrupted) {
		t.Fatalf("ok=%v err=%v, want ErrInterrupted", ok, err)
	}
	if polls == 0 {
		t.Fatal("interrupt hook never polled")
	}
}

// Deep backtracking state fails with ErrStackOverflow instead of
// exhausting the Go stack.
func TestStackOverflow(t *testing.T) {
	re := mustCompile(t, "(?:a|b)*c", "")
	input := u16(strings.Repeat("ab", maxDepth))
	_, ok, err := re.ExecInterruptible(input, 0, nil)
	if ok || !errors.Is(err, ErrStackOverflow) {
		t.Fatalf("ok=%v err=%v, want ErrStackOverflow", ok, err)
	}
}

// Single-character loops run iteratively: long inputs need no stack.
func TestLongSimpleLoops(t *testing.T) {
	long := strings.Repeat("x", 1_000_000)
	for _, tc := range []struct{ pattern, flags, input string }{
		{"x*y", "", long + "y"},
		{"^x*$", "", long},
		{"[^y]*?$", "u", long},
		{"$(?<=^x*)", "", long},
		{".*", "s", long},
	} {
		re := mustCompile(t, tc.pattern, tc.flags)
		_, _, err := re.ExecInterruptible(u16(tc.input), 0, nil)
		if err != nil {
			t.Errorf("/%s/%s: %v", tc.pattern, tc.flags, err)
		}
	}
}

func TestAPI(t *testing.T) {
	re := mustCompile(t, "(?<y>\\d+)-(\\d+)(?<z>x)?", "ydgi")
	if got := re.Flags().String(); got != "dgiy" {
		t.Errorf("flags %q", got)
	}
	if re.NumGroups() != 3 || strings.Join(re.GroupNames(), ",") != "y,,z" || !re.HasNamedGroups() {
		t.Errorf("groups %d %q", re.NumGroups(), re.GroupNames())
	}
	m, ok := re.Exec(u16("a12-34"), 1)
	if !ok || len(m) != 8 || m[0] != 1 || m[1] != 6 || m[6] != -1 {
		t.Errorf("exec %v %v", m, ok)
	}
	if _, ok := re.Exec(u16("a12-34"), 0); ok {
		t.Error("sticky match away from lastIndex")
	}
	if _, ok := re.Exec(u16("12-34"), 99); ok {
		t.Error("match past the end")
	}
}

func TestSyntaxErrorText(t *testing.T) {
	_, err := Compile([]uint16{'(', 0xD800}, "g")
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("%v", err)
	}
	want := []uint16{}
	want = append(want, u16("Invalid regular expression: /(")...)
	want = append(want, 0xD800)
	want = append(want, u16("/g: Unterminated group")...)
	if string(utf16.Decode(se.MessageUTF16())) != string(utf16.Decode(want)) || len(se.MessageUTF16()) != len(want) {
		t.Errorf("message %q", se.Error())
	}
	if _, err := Compile(u16("a"), "gg"); err == nil || err.Error() != "Invalid flags supplied to RegExp constructor 'gg'" {
		t.Errorf("flags error %v", err)
	}
}

// Properties of strings are a known deviation (doc.go): V8 accepts them.
func TestStringPropertiesUnsupported(t *testing.T) {
	_, err := Compile(u16(`\p{RGI_Emoji}`), "v")
	if err == nil || !strings.Contains(err.Error(), "Unsupported property of strings") {
		t.Fatalf("got %v", err)
	}
}

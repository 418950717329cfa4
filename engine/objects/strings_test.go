package objects

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/layout"
)

// gcModes runs test on a fresh factory without and with GC stress (a GC at
// every third allocation, the heap verified after each), inside a handle scope.
func gcModes(t *testing.T, test func(t *testing.T, f *Factory)) {
	t.Helper()
	for _, m := range []struct {
		name string
		opts heap.Options
	}{{"plain", heap.Options{}}, {"stress", heap.Options{GCStressEvery: 3}}} {
		t.Run(m.name, func(t *testing.T) {
			f := newTestFactory(t, m.opts)
			scope := f.H.OpenScope()
			defer scope.Close()
			test(t, f)
		})
	}
}

// isStress reports whether t is the GC-stress variant of a gcModes test.
func isStress(t *testing.T) bool { return strings.HasSuffix(t.Name(), "/stress") }

// newTwoByte makes a sequential two-byte string of u even when u is Latin-1,
// which the public constructors never do.
func newTwoByte(f *Factory, u []uint16, space heap.Space) heap.Handle {
	a := f.allocateSeqString(len(u), false, false, space)
	copy(f.H.Uint16s(a, layout.SeqStringCharsOffset, uint32(len(u))), u)
	return f.H.HandleAddr(a)
}

// consOf concatenates parts with NewConsString, left to right.
func consOf(t *testing.T, f *Factory, parts ...string) heap.Handle {
	t.Helper()
	acc := f.NewStringFromGo(parts[0], heap.NewSpace)
	for _, p := range parts[1:] {
		next := f.NewStringFromGo(p, heap.NewSpace)
		var err error
		if acc, err = f.NewConsString(acc, next); err != nil {
			t.Fatal(err)
		}
	}
	return acc
}

func units(s string) []uint16 { return utf16.Encode([]rune(s)) }

// checkText checks every reader of the string v against the expected units.
func checkText(t *testing.T, f *Factory, v layout.Value, want []uint16) {
	t.Helper()
	if !f.IsString(v) {
		t.Fatalf("%#x is not a string (%v)", uint32(v), f.InstanceType(v))
	}
	if got := f.StringLength(v); got != len(want) {
		t.Fatalf("length %d, want %d", got, len(want))
	}
	for i, c := range want {
		if got := f.CharCodeAt(v, i); got != c {
			t.Fatalf("CharCodeAt(%d) = %#x, want %#x", i, got, c)
		}
	}
	if got := f.StringToUTF16(v); !slices.Equal(got, want) {
		t.Fatalf("StringToUTF16 = %x, want %x", got, want)
	}
	if got, w := f.StringToGo(v), string(utf16.Decode(want)); got != w {
		t.Fatalf("StringToGo = %q, want %q", got, w)
	}
}

var textCases = []struct {
	name    string
	s       string
	oneByte bool
}{
	{"ascii char", "a", true},
	{"ascii", "hello, world", true},
	{"latin1", "café crème brûlée", true},
	{"latin1 top", "\u00ff\u0080", true},
	{"first two-byte", "\u0100", false},
	{"cjk", "日本語のテキスト", false},
	{"greek", "αβγδε", false},
	{"emoji", "😀", false},
	{"mixed emoji", "a😀b🎉c", false},
	{"bmp top", "\uffff", false},
	{"nul", "a\x00b", true},
	{"long ascii", strings.Repeat("abcdefgh", 100), true},
	{"long two-byte", strings.Repeat("ж", 1000), false},
}

func TestNewStringFromGo(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		for _, tc := range textCases {
			for _, space := range []heap.Space{heap.NewSpace, heap.OldSpace} {
				s := f.NewStringFromGo(tc.s, space)
				if f.IsOneByteString(s.Value()) != tc.oneByte {
					t.Errorf("%s: one-byte %v, want %v", tc.name, !tc.oneByte, tc.oneByte)
				}
				if f.IsInternalized(s.Value()) || f.IsConsString(s.Value()) {
					t.Errorf("%s: type %v", tc.name, f.InstanceType(s.Value()))
				}
				if space == heap.OldSpace && f.H.InYoungGeneration(s.Addr()) {
					t.Errorf("%s: old-space string is young", tc.name)
				}
				checkText(t, f, s.Value(), units(tc.s))
				if got := f.StringToGo(s.Value()); got != tc.s {
					t.Errorf("%s: round trip %q", tc.name, got)
				}
			}
		}
		if e := f.NewStringFromGo("", heap.NewSpace); e.Value() != f.Roots.EmptyString {
			t.Errorf("empty string is not the EmptyString root")
		}
		// Invalid UTF-8 bytes become U+FFFD, one each.
		bad := f.NewStringFromGo("a\xffb\xed\xa0\x80", heap.NewSpace)
		checkText(t, f, bad.Value(), units("a\ufffdb\ufffd\ufffd\ufffd"))
	})
}

func TestNewStringFromUTF16(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		for _, tc := range textCases {
			u := units(tc.s)
			s := f.NewStringFromUTF16(u, heap.NewSpace)
			if f.IsOneByteString(s.Value()) != tc.oneByte {
				t.Errorf("%s: one-byte %v, want %v", tc.name, !tc.oneByte, tc.oneByte)
			}
			checkText(t, f, s.Value(), u)
		}
		if e := f.NewStringFromUTF16(nil, heap.OldSpace); e.Value() != f.Roots.EmptyString {
			t.Errorf("empty string is not the EmptyString root")
		}
	})
}

func TestLoneSurrogates(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	for _, tc := range []struct {
		u    []uint16
		want string
	}{
		{[]uint16{0xd800}, "\ufffd"},
		{[]uint16{0xdc00}, "\ufffd"},
		{[]uint16{0xdc00, 0xd800}, "\ufffd\ufffd"},
		{[]uint16{0xd83d, 0xde00}, "😀"},
		{[]uint16{0xd83d, 'a'}, "\ufffda"},
		{[]uint16{'a', 0xd83d}, "a\ufffd"},
		{[]uint16{0xd83d, 0xd83d, 0xde00}, "\ufffd😀"},
	} {
		s := f.NewStringFromUTF16(tc.u, heap.NewSpace)
		if got := f.StringToGo(s.Value()); got != tc.want {
			t.Errorf("%x: %q, want %q", tc.u, got, tc.want)
		}
		if got := f.StringToUTF16(s.Value()); !slices.Equal(got, tc.u) {
			t.Errorf("%x: units %x", tc.u, got)
		}
		// Split between the units of a pair, the cons still pairs them.
		if len(tc.u) > 1 {
			pad := units(strings.Repeat("p", 20))
			a := f.NewStringFromUTF16(append(slices.Clone(pad), tc.u[:1]...), heap.NewSpace)
			b := f.NewStringFromUTF16(tc.u[1:], heap.NewSpace)
			c, err := f.NewConsString(a, b)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.StringToGo(c.Value()); got != strings.Repeat("p", 20)+tc.want {
				t.Errorf("%x in a cons: %q", tc.u, got)
			}
		}
	}
}

func TestStringHashAcrossRepresentations(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		for _, tc := range textCases {
			u := units(tc.s)
			reps := []heap.Handle{
				f.NewStringFromGo(tc.s, heap.NewSpace),
				f.NewStringFromGo(tc.s, heap.OldSpace),
				newTwoByte(f, u, heap.NewSpace),
				f.InternalizeGo(tc.s),
			}
			if len(u) >= 2 {
				// Split in the middle, maybe between the units of a pair.
				pre := f.NewStringFromGo(strings.Repeat("x", 13), heap.NewSpace)
				c, err := f.NewConsString(pre, f.NewStringFromUTF16(u[:len(u)/2], heap.NewSpace))
				if err == nil {
					c, err = f.NewConsString(c, f.NewStringFromUTF16(u[len(u)/2:], heap.NewSpace))
				}
				if err != nil {
					t.Fatal(err)
				}
				reps = append(reps, c)
			}
			want := uint32(finishHash(hashTwoByte(u)).SmiValue())
			for i, s := range reps {
				if i == 4 {
					// The cons has a prefix: compare its own text's hash.
					want = uint32(finishHash(hashTwoByte(append(units(strings.Repeat("x", 13)), u...))).SmiValue())
				}
				if got := f.StringHash(s.Value()); got != want {
					t.Errorf("%s rep %d (%v): hash %#x, want %#x", tc.name, i, f.InstanceType(s.Value()), got, want)
				}
				if got := f.NameHash(s.Value()); got != want {
					t.Errorf("%s rep %d: NameHash %#x, want %#x", tc.name, i, got, want)
				}
				if raw := f.H.Field(s.Addr(), layout.NameRawHashOffset); raw.SmiValue() != int(want) {
					t.Errorf("%s rep %d: hash field %#x not cached", tc.name, i, uint32(raw))
				}
			}
		}
		if got, want := f.StringHash(units16(f, "\u00e9")), f.StringHash(newTwoByte(f, []uint16{0xe9}, heap.NewSpace).Value()); got != want {
			t.Errorf("é: one-byte hash %#x, two-byte %#x", got, want)
		}
	})
}

func units16(f *Factory, s string) layout.Value { return f.NewStringFromGo(s, heap.NewSpace).Value() }

func TestReadOnlyStringHashes(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	for _, v := range f.strings.readOnly {
		if !f.H.InReadOnlySpace(v.Addr()) {
			t.Fatalf("%q is not read-only", f.StringToGo(v))
		}
		// The space is sealed: StringHash must only read.
		if got, want := f.StringHash(v), uint32(f.computeStringHash(v).SmiValue()); got != want {
			t.Errorf("%q: hash %#x, want %#x", f.StringToGo(v), got, want)
		}
	}
}

func TestNewConsString(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		long := strings.Repeat("abc", 5)
		for _, tc := range []struct {
			name    string
			a, b    string
			cons    bool
			oneByte bool
		}{
			{"short", "ab", "cd", false, true},
			{"twelve", "abcdef", "ghijkl", false, true},
			{"thirteen", "abcdef", "ghijklm", true, true},
			{"long one-byte", long, long, true, true},
			{"latin1", "café" + long, "ÿ" + long, true, true},
			{"two-byte right", long, "ж" + long, true, false},
			{"two-byte left", "😀" + long, long, true, false},
			{"short two-byte", "ж", "ab", false, false},
		} {
			a, b := f.NewStringFromGo(tc.a, heap.NewSpace), f.NewStringFromGo(tc.b, heap.OldSpace)
			c, err := f.NewConsString(a, b)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			v := c.Value()
			if f.IsConsString(v) != tc.cons {
				t.Errorf("%s: cons %v, want %v (%v)", tc.name, !tc.cons, tc.cons, f.InstanceType(v))
			}
			if f.IsOneByteString(v) != tc.oneByte {
				t.Errorf("%s: one-byte %v, want %v", tc.name, !tc.oneByte, tc.oneByte)
			}
			if tc.cons && (f.ConsFirst(v) != a.Value() || f.ConsSecond(v) != b.Value()) {
				t.Errorf("%s: cons parts are not the inputs", tc.name)
			}
			checkText(t, f, v, units(tc.a+tc.b))
		}
		x := f.NewStringFromGo("x", heap.NewSpace)
		empty := f.H.NewHandle(f.Roots.EmptyString)
		if c, _ := f.NewConsString(empty, x); c.Value() != x.Value() {
			t.Errorf(`"" + x is not x`)
		}
		if c, _ := f.NewConsString(x, empty); c.Value() != x.Value() {
			t.Errorf(`x + "" is not x`)
		}
	})
}

func TestConsStringMaxLength(t *testing.T) {
	f := newTestFactory(t, heap.Options{})
	scope := f.H.OpenScope()
	defer scope.Close()
	s := f.NewStringFromGo(strings.Repeat("x", 1<<20), heap.NewSpace)
	for f.StringLength(s.Value())*2 <= MaxStringLength {
		var err error
		if s, err = f.NewConsString(s, s); err != nil {
			t.Fatalf("length %d: %v", 2*f.StringLength(s.Value()), err)
		}
	}
	if _, err := f.NewConsString(s, s); !errors.Is(err, ErrInvalidStringLength) {
		t.Fatalf("length %d: err %v", 2*f.StringLength(s.Value()), err)
	}
	if ErrInvalidStringLength.Error() != "Invalid string length" {
		t.Fatalf("message %q", ErrInvalidStringLength)
	}
	if got := f.CharCodeAt(s.Value(), f.StringLength(s.Value())-1); got != 'x' {
		t.Fatalf("last char %#x", got)
	}
}

func TestFlatten(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		for _, parts := range [][]string{
			{"abcdefghijklmnop", "qrstuvwxyz"},
			{"abcdefghijklmnop", "ж", "qrstuvwxyz"},
			{"😀😀😀😀😀😀😀", "🎉🎉🎉🎉🎉🎉🎉", "end"},
			{"café crème brûlée", " à la mode", "!"},
		} {
			c := consOf(t, f, parts...)
			text := strings.Join(parts, "")
			oneByte := f.IsOneByteString(c.Value())
			f.StringHash(c.Value())
			flat := f.Flatten(c)
			if f.IsConsString(flat.Value()) || f.IsInternalized(flat.Value()) {
				t.Fatalf("%q: flattened to %v", text, f.InstanceType(flat.Value()))
			}
			if f.IsOneByteString(flat.Value()) != oneByte {
				t.Errorf("%q: encoding changed", text)
			}
			checkText(t, f, flat.Value(), units(text))
			if f.ConsFirst(c.Value()) != flat.Value() || f.ConsSecond(c.Value()) != f.Roots.EmptyString {
				t.Errorf("%q: the cons does not point to its flat copy", text)
			}
			checkText(t, f, c.Value(), units(text))
			if again := f.Flatten(c); again.Value() != flat.Value() {
				t.Errorf("%q: flattening twice copies again", text)
			}
			if again := f.Flatten(flat); again.Value() != flat.Value() {
				t.Errorf("%q: flattening a flat string copies it", text)
			}
			if f.StringHash(flat.Value()) != f.StringHash(c.Value()) {
				t.Errorf("%q: hash differs after flattening", text)
			}
		}
		// An old cons flattens into the old space.
		a := f.NewStringFromGo(strings.Repeat("o", 20), heap.OldSpace)
		c, _ := f.NewConsString(a, a)
		f.H.CollectGarbage(true)
		flat := f.Flatten(c)
		if f.H.InYoungGeneration(flat.Addr()) {
			t.Errorf("an old cons flattened into the new space")
		}
		checkText(t, f, c.Value(), units(strings.Repeat("o", 40)))
	})
}

// TestDeepCons builds left- and right-leaning chains of single-character
// concatenations and reads, compares, hashes, flattens and internalizes them.
func TestDeepCons(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		depth := 100_000
		if isStress(t) {
			depth = 1_500
		}
		for _, left := range []bool{true, false} {
			scope := f.H.OpenScope()
			pieces := []heap.Handle{f.NewStringFromGo("a", heap.NewSpace), f.NewStringFromGo("ж", heap.NewSpace)}
			acc := f.H.NewHandle(f.Roots.EmptyString)
			want := make([]uint16, 0, depth)
			for i := 0; i < depth; i++ {
				inner := f.H.OpenScope()
				p := pieces[0]
				if i%1000 == 999 {
					p = pieces[1]
				}
				var c heap.Handle
				var err error
				if left {
					c, err = f.NewConsString(acc, p)
					want = append(want, f.CharCodeAt(p.Value(), 0))
				} else {
					c, err = f.NewConsString(p, acc)
					want = append(want, f.CharCodeAt(p.Value(), 0)) // reversed below
				}
				if err != nil {
					t.Fatal(err)
				}
				acc.Set(c.Value())
				inner.Close()
			}
			if !left {
				slices.Reverse(want)
			}
			if !f.IsConsString(acc.Value()) {
				t.Fatalf("left=%v: not a cons", left)
			}
			v := acc.Value()
			if f.StringLength(v) != depth {
				t.Fatalf("left=%v: length %d", left, f.StringLength(v))
			}
			for _, i := range []int{0, 1, depth / 2, depth - 1} {
				if got := f.CharCodeAt(v, i); got != want[i] {
					t.Fatalf("left=%v: CharCodeAt(%d) = %#x, want %#x", left, i, got, want[i])
				}
			}
			if got := f.StringToUTF16(v); !slices.Equal(got, want) {
				t.Fatalf("left=%v: contents differ", left)
			}
			if got := f.StringToGo(v); got != string(utf16.Decode(want)) {
				t.Fatalf("left=%v: StringToGo differs", left)
			}
			flatCopy := f.NewStringFromUTF16(want, heap.NewSpace)
			if !f.StringEquals(acc.Value(), flatCopy.Value()) || !f.StringEquals(flatCopy.Value(), acc.Value()) {
				t.Fatalf("left=%v: not equal to its flat copy", left)
			}
			if f.StringHash(acc.Value()) != f.StringHash(flatCopy.Value()) {
				t.Fatalf("left=%v: hash differs from its flat copy", left)
			}
			// A second deep cons with the same text.
			other, _ := f.NewConsString(f.NewStringFromUTF16(want[:depth/3], heap.NewSpace), f.NewStringFromUTF16(want[depth/3:], heap.NewSpace))
			if !f.StringEquals(acc.Value(), other.Value()) {
				t.Fatalf("left=%v: not equal to another cons of its text", left)
			}
			in := f.Internalize(acc)
			if again := f.Internalize(flatCopy); in.Value() != again.Value() {
				t.Fatalf("left=%v: internalized twice", left)
			}
			flat := f.Flatten(acc)
			checkText(t, f, flat.Value(), want)
			scope.Close()
		}
	})
}

func TestStringEquals(t *testing.T) {
	gcModes(t, func(t *testing.T, f *Factory) {
		long := "the quick brown fox jumps over the lazy dog"
		reps := func(s string) []heap.Handle {
			u := units(s)
			out := []heap.Handle{
				f.NewStringFromGo(s, heap.NewSpace),
				f.NewStringFromGo(s, heap.OldSpace),
				newTwoByte(f, u, heap.NewSpace),
				f.InternalizeGo(s),
			}
			for _, cut := range []int{13, len(u) - 13} {
				if cut >= 13 && len(u)-cut >= 13 {
					a := f.NewStringFromUTF16(u[:cut], heap.NewSpace)
					b := newTwoByte(f, u[cut:], heap.NewSpace)
					c, err := f.NewConsString(a, b)
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, c)
					c2, _ := f.NewConsString(b, a)
					c3, _ := f.NewConsString(c, c2)
					out = append(out, c3) // a different text: s + rotated s
				}
			}
			return out
		}
		for _, tc := range []struct{ a, b string }{
			{long, long},
			{long, long[:len(long)-1] + "G"},
			{long, "X" + long[1:]},
			{long, long + "!"},
			{"café au lait, s'il vous plaît", "café au lait, s'il vous plaît"},
			{"ж" + long, "ж" + long},
			{"ж" + long, "з" + long},
			{"😀" + long, "😀" + long},
		} {
			ra, rb := reps(tc.a), reps(tc.b)
			for i, x := range ra {
				for j, y := range rb {
					want := slices.Equal(f.StringToUTF16(x.Value()), f.StringToUTF16(y.Value()))
					if got := f.StringEquals(x.Value(), y.Value()); got != want {
						t.Errorf("%q rep %d vs %q rep %d: %v, want %v", tc.a, i, tc.b, j, got, want)
					}
					if got := f.StringEquals(y.Value(), x.Value()); got != want {
						t.Errorf("%q rep %d vs %q rep %d (swapped): %v, want %v", tc.b, j, tc.a, i, got, want)
					}
				}
			}
		}
	})
}

// FuzzStringRoundTrip converts Go text to a heap string and back, and
// internalizes it both from Go and from the heap string.
func FuzzStringRoundTrip(f *testing.F) {
	for _, tc := range textCases {
		f.Add(tc.s)
	}
	f.Add("\xff\xfe")
	f.Add("\xed\xa0\x80")
	fac := newTestFactory(f, heap.Options{})
	f.Fuzz(func(t *testing.T, s string) {
		scope := fac.H.OpenScope()
		defer scope.Close()
		want := string([]rune(s)) // invalid bytes become U+FFFD, one each
		h := fac.NewStringFromGo(s, heap.NewSpace)
		if got := fac.StringToGo(h.Value()); got != want {
			t.Fatalf("%q: round trip %q", s, got)
		}
		if got := fac.StringToUTF16(h.Value()); !slices.Equal(got, units(s)) {
			t.Fatalf("%q: units %x", s, got)
		}
		in := fac.InternalizeGo(s)
		if fac.Internalize(h).Value() != in.Value() {
			t.Fatalf("%q: Internalize and InternalizeGo disagree", s)
		}
		if got := fac.StringToGo(in.Value()); got != want {
			t.Fatalf("%q: internalized %q", s, got)
		}
		if utf8.ValidString(s) && want != s {
			t.Fatalf("%q: valid text changed", s)
		}
	})
}

package jsnum

import (
	"math"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// FuzzRoundTrip checks that the shortest decimal form of every double reads
// back as the same double (-0 prints as "0", so it comes back as +0), and that
// the other formatters accept any double.
func FuzzRoundTrip(f *testing.F) {
	for _, x := range []float64{0, 1, -1, 0.1, 1e21, 1e-7, 5e-324, math.MaxFloat64, 123.456, 2 << 60} {
		f.Add(math.Float64bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		if x != x {
			return
		}
		s := FormatNumber(x)
		y := StringToNumber(s)
		want := x
		if x == 0 {
			want = 0
		}
		if math.Float64bits(y) != math.Float64bits(want) {
			t.Fatalf("StringToNumber(FormatNumber(%b)) = StringToNumber(%q) = %b", x, s, y)
		}
		if s, _ := ToExponential(x, ExponentialShortest); !sameNumber(StringToNumber(s), x+0) {
			t.Fatalf("ToExponential(%v) = %q does not round-trip", x, s)
		}
		if s, _ := ToPrecision(x, 17); !sameNumber(StringToNumber(s), x+0) {
			t.Fatalf("ToPrecision(%v, 17) = %q does not round-trip", x, s)
		}
		for _, r := range []int{2, 7, 16, 36} {
			if s := FormatRadix(x, r); s == "" {
				t.Fatalf("FormatRadix(%v, %d) is empty", x, r)
			}
		}
		if s, err := ToFixed(x, 20); err != nil || s == "" {
			t.Fatalf("ToFixed(%v, 20) = %q, %v", x, s, err)
		}
	})
}

// FuzzParse checks that the parsers never panic and that the UTF-8, Latin-1
// and UTF-16 entry points agree on the same JavaScript string.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", " 12 ", "0x1F", "-0", "1e5", ".5", "Infinity", "\u00a01\u2028", "0b101", "1_0", "12abc"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, radix int) {
		if !utf8.ValidString(s) {
			return
		}
		u := utf16.Encode([]rune(s))
		n, pf, pi := StringToNumber(s), ParseFloat(s), ParseInt(s, radix)
		if got := StringToNumberUTF16(u); !sameNumber(got, n) {
			t.Fatalf("StringToNumberUTF16(%q) = %v, StringToNumber %v", s, got, n)
		}
		if got := ParseFloatUTF16(u); !sameNumber(got, pf) {
			t.Fatalf("ParseFloatUTF16(%q) = %v, ParseFloat %v", s, got, pf)
		}
		if got := ParseIntUTF16(u, radix); !sameNumber(got, pi) {
			t.Fatalf("ParseIntUTF16(%q, %d) = %v, ParseInt %v", s, radix, got, pi)
		}
		if l, ok := latin1(s); ok {
			if got := StringToNumberLatin1(l); !sameNumber(got, n) {
				t.Fatalf("StringToNumberLatin1(%q) = %v, StringToNumber %v", s, got, n)
			}
			if got := ParseFloatLatin1(l); !sameNumber(got, pf) {
				t.Fatalf("ParseFloatLatin1(%q) = %v, ParseFloat %v", s, got, pf)
			}
			if got := ParseIntLatin1(l, radix); !sameNumber(got, pi) {
				t.Fatalf("ParseIntLatin1(%q, %d) = %v, ParseInt %v", s, radix, got, pi)
			}
		}
		// A decimal string StringToNumber accepts, parseFloat reads whole.
		if n == n && pf == pf && !strings.ContainsAny(s, "xXoObB") && !sameNumber(n, pf) {
			t.Fatalf("StringToNumber(%q) = %v but ParseFloat = %v", s, n, pf)
		}
		_, _ = StringToBigInt(s)
		_, _ = CanonicalNumericIndexString(s)
	})
}

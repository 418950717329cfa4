package jsonfloat

import (
	"math"
	"strconv"
	"testing"

	"github.com/mailru/easyjson/jwriter"
)

func TestAppend(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want string
	}{
		// Non-integral values: String(x) in node 20.
		{0.1, "0.1"},
		{0.5, "0.5"},
		{123.456, "123.456"},
		{1795250282867.487, "1795250282867.487"},
		{1234567.0001, "1234567.0001"},
		{1e-7, "1e-7"},
		{1.5e-7, "1.5e-7"},
		{0.000001, "0.000001"},
		{0.0000025, "0.0000025"},
		{1.23e-18, "1.23e-18"},
		{5e-324, "5e-324"},
		{-0.1, "-0.1"},
		{-2.5e-8, "-2.5e-8"},
		// Integral values beyond the int64 range: String(x) too.
		{1e21, "1e+21"},
		{1.5e21, "1.5e+21"},
		{1e300, "1e+300"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{123456789012345680000, "123456789012345680000"},
		{-1e21, "-1e+21"},
		// Integral values in the int64 range: written as integers, as
		// V8's protocol encoder does (String(2**60) would be
		// 1152921504606847000).
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{12345678, "12345678"},
		{-42, "-42"},
		{1 << 60, "1152921504606846976"},
		{9007199254740994, "9007199254740994"},
		// Not representable in JSON.
		{math.NaN(), "null"},
		{math.Inf(1), "null"},
		{math.Inf(-1), "null"},
	} {
		if got := string(Append(nil, tc.f)); got != tc.want {
			t.Errorf("Append(%v) = %s, want %s", tc.f, got, tc.want)
		}
	}
}

// TestRoundTrip: what Append writes reads back as the same float64.
func TestRoundTrip(t *testing.T) {
	f := 1.0
	for i := 0; i < 2000; i++ {
		for _, x := range []float64{f, -f, 1 / f, f * math.Pi, f / 3} {
			if math.IsInf(x, 0) || x == 0 {
				continue
			}
			s := string(Append(nil, x))
			back, err := strconv.ParseFloat(s, 64)
			if err != nil || back != x {
				t.Fatalf("%v → %s → %v (%v)", x, s, back, err)
			}
		}
		f *= 1.4142
	}
}

// BenchmarkWrite: hot path, 0 allocs/op.
func BenchmarkWrite(b *testing.B) {
	var w jwriter.Writer
	b.ReportAllocs()
	for b.Loop() {
		w.Buffer.Buf = w.Buffer.Buf[:0]
		Write(&w, 1795250282867.487)
		Write(&w, 16384)
	}
}

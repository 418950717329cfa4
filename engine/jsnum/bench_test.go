package jsnum

import "testing"

var sinkString string
var sinkFloat float64

func BenchmarkFormatNumber(b *testing.B) {
	for _, bc := range []struct {
		name string
		x    float64
	}{
		{"SmallInt", 42},
		{"Int", 1234567},
		{"Fraction", 123.456},
		{"Tiny", 1.5e-10},
		{"Huge", 1.7976931348623157e308},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkString = FormatNumber(bc.x)
			}
		})
	}
}

func BenchmarkStringToNumber(b *testing.B) {
	for _, bc := range []struct{ name, s string }{
		{"Int", "1234567"},
		{"Decimal", "123.456"},
		{"Exponent", "1.5e-10"},
		{"Hex", "0xDEADBEEF"},
		{"Junk", "12px"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkFloat = StringToNumber(bc.s)
			}
		})
	}
}

func BenchmarkFormatRadix(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString = FormatRadix(0.1, 2)
	}
}

func BenchmarkToFixed(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString, _ = ToFixed(123.456, 2)
	}
}

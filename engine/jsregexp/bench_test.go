package jsregexp

import (
	"strings"
	"testing"
)

// BenchmarkEmailScan scans 100 KB of text for e-mail-like words.
func BenchmarkEmailScan(b *testing.B) {
	re, err := Compile(u16(`(\w+)@(\w+)\.com`), "g")
	if err != nil {
		b.Fatal(err)
	}
	input := u16(strings.Repeat("lorem ipsum dolor sit amet, mail bob@example.com now. ", 2000))
	b.SetBytes(int64(2 * len(input)))
	for b.Loop() {
		last := 0
		for {
			m, ok := re.Exec(input, last)
			if !ok {
				break
			}
			last = m[1]
		}
	}
}

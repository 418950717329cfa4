package builtins

import (
	"strings"
	"unicode/utf8"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// URI handling functions (ECMA-262 §19.2.6): encodeURI,
// encodeURIComponent, decodeURI, decodeURIComponent.

const (
	uriAlnumMark = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
	uriReserved  = ";/?:@&=+$,#"
)

func (b *installer) uri() {
	b.methods(b.global, []fn{
		{"encodeURI", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return uriEncode(in, a, uriAlnumMark+uriReserved)
		}},
		{"encodeURIComponent", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return uriEncode(in, a, uriAlnumMark)
		}},
		{"decodeURI", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return uriDecode(in, a, uriReserved)
		}},
		{"decodeURIComponent", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return uriDecode(in, a, "")
		}},
	})
}

const hexDigits = "0123456789ABCDEF"

// uriEncode is the spec's Encode: code points outside unescaped become
// their UTF-8 bytes as %XX; a lone surrogate throws URIError.
func uriEncode(in *interp.Interp, a interp.Args, unescaped string) (layout.Value, bool) {
	u, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	out := make([]uint16, 0, len(u))
	var buf [4]byte
	for k := 0; k < len(u); k++ {
		c := u[k]
		if c < 0x80 && strings.IndexByte(unescaped, byte(c)) >= 0 {
			out = append(out, c)
			continue
		}
		cp := rune(c)
		switch {
		case c >= 0xDC00 && c <= 0xDFFF:
			return in.ThrowError(interp.URIError, "URI malformed")
		case c >= 0xD800 && c <= 0xDBFF:
			if k+1 >= len(u) || u[k+1] < 0xDC00 || u[k+1] > 0xDFFF {
				return in.ThrowError(interp.URIError, "URI malformed")
			}
			k++
			cp = (cp-0xD800)<<10 + rune(u[k]-0xDC00) + 0x10000
		}
		n := utf8.EncodeRune(buf[:], cp)
		for _, by := range buf[:n] {
			out = append(out, '%', uint16(hexDigits[by>>4]), uint16(hexDigits[by&15]))
		}
	}
	return newUTF16(in, out), true
}

func hexValue(c uint16) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// uriDecode is the spec's Decode: %XX sequences forming UTF-8 become their
// code points, except single-byte ones in reserved, which stay escaped.
func uriDecode(in *interp.Interp, a interp.Args, reserved string) (layout.Value, bool) {
	u, ok := argString(in, a, 0)
	if !ok {
		return 0, false
	}
	malformed := func() (layout.Value, bool) { return in.ThrowError(interp.URIError, "URI malformed") }
	byteAt := func(k int) int {
		if k+2 >= len(u)+0 || u[k] != '%' {
			return -1
		}
		hi, lo := hexValue(u[k+1]), hexValue(u[k+2])
		if hi < 0 || lo < 0 {
			return -1
		}
		return hi<<4 | lo
	}
	out := make([]uint16, 0, len(u))
	for k := 0; k < len(u); k++ {
		if u[k] != '%' {
			out = append(out, u[k])
			continue
		}
		start := k
		if k+2 >= len(u) {
			return malformed()
		}
		b := byteAt(k)
		if b < 0 {
			return malformed()
		}
		k += 2
		if b < 0x80 {
			if strings.IndexByte(reserved, byte(b)) >= 0 {
				out = append(out, u[start:k+1]...)
			} else {
				out = append(out, uint16(b))
			}
			continue
		}
		var n int
		switch {
		case b&0xE0 == 0xC0:
			n = 2
		case b&0xF0 == 0xE0:
			n = 3
		case b&0xF8 == 0xF0:
			n = 4
		default:
			return malformed()
		}
		octets := []byte{byte(b)}
		for j := 1; j < n; j++ {
			k++
			if k+2 >= len(u) {
				return malformed()
			}
			c := byteAt(k)
			if c < 0 || c&0xC0 != 0x80 {
				return malformed()
			}
			k += 2
			octets = append(octets, byte(c))
		}
		r, size := utf8.DecodeRune(octets)
		if r == utf8.RuneError || size != n {
			return malformed()
		}
		if r < 0x10000 {
			out = append(out, uint16(r))
		} else {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		}
	}
	return newUTF16(in, out), true
}

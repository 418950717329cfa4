package objects

import "github.com/sonde-js/sonde/engine/layout"

// String hashes are computed over UTF-16 code units, so a string has the same
// hash whether it is stored one-byte or two-byte. The name's hash field holds
// the hash as a Smi: zero means not yet computed, so a hash is never zero.

const hashMask = 1<<30 - 1

func finishHash(x uint32) layout.Value {
	x &= hashMask
	if x == 0 {
		x = 1
	}
	return layout.Smi(int(x))
}

// hashField returns the hash-field value of a one-byte string.
func hashField(x uint32) layout.Value { return finishHash(x) }

func hashOneByte(b []byte) uint32 {
	x := uint32(2166136261)
	for _, c := range b {
		x = (x ^ uint32(c)) * 16777619
		x *= 16777619 // the high byte, zero: as hashTwoByte does

	}
	return x
}

func hashTwoByte(u []uint16) uint32 {
	x := uint32(2166136261)
	for _, c := range u {
		x = (x ^ uint32(c&0xff)) * 16777619
		x = (x ^ uint32(c>>8)) * 16777619
	}
	return x
}

package jsregexp

import "strings"

// propertySet resolves the body of \p{…} (u and v modes) to its code
// points using the tables generated from node (tables_props.go). ok is
// false for an unknown name or value.
func propertySet(body string) (charSet, bool) {
	name, value, hasValue := strings.Cut(body, "=")
	var key string
	if hasValue {
		switch name {
		case "General_Category", "gc":
			key = "gc=" + value
		case "Script", "sc":
			key = "sc=" + value
		case "Script_Extensions", "scx":
			key = "scx=" + value
		default:
			return nil, false
		}
	} else if _, ok := propTableIndex[name]; ok {
		key = name
	} else {
		key = "gc=" + name // a lone General_Category value
	}
	i, ok := propTableIndex[key]
	if !ok {
		return nil, false
	}
	return decodeRanges(propTables[i]), true
}

// decodeRanges parses a table of comma-separated deltas: each range is
// written as its low end minus the previous range's high end, then its
// high end minus its low end.
func decodeRanges(enc string) charSet {
	var out charSet
	prev := rune(0)
	var nums [2]rune
	k := 0
	n := rune(0)
	for i := 0; i <= len(enc); i++ {
		if i < len(enc) && enc[i] != ',' {
			n = n*10 + rune(enc[i]-'0')
			continue
		}
		nums[k] = n
		n = 0
		k++
		if k == 2 {
			lo := prev + nums[0]
			hi := lo + nums[1]
			out = append(out, span{lo, hi})
			prev = hi
			k = 0
		}
	}
	return out
}

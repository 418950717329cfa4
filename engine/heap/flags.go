package heap

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Heap flags, spelled as node and V8 spell them: --max-old-space-size=N (MiB),
// --max-semi-space-size=N (MiB), --verify-heap, --gc-interval=N (collect every
// N allocations), --stress-gc-safepoints, --stress-compaction (every full GC
// evacuates every page), --trace-gc. Dashes and underscores
// are interchangeable, a value may follow '=' or come as the next argument,
// and a boolean flag is negated by a --no- prefix.

var numericFlags = map[string]func(o *Options) *int{
	"max-old-space-size":  func(o *Options) *int { return &o.MaxOldSpaceMiB },
	"max-semi-space-size": func(o *Options) *int { return &o.MaxSemiSpaceMiB },
	"gc-interval":         func(o *Options) *int { return &o.GCStressEvery },
}

var boolFlags = map[string]func(o *Options) *bool{
	"verify-heap":          func(o *Options) *bool { return &o.VerifyHeap },
	"stress-gc-safepoints": func(o *Options) *bool { return &o.GCStressSafepoints },
	"stress-compaction":    func(o *Options) *bool { return &o.StressCompaction },
}

// ParseFlags takes the heap flags out of args and returns them with the
// arguments it did not recognize, in order. --trace-gc sends the GC trace to
// trace.
func ParseFlags(args []string, trace io.Writer) (Options, []string, error) {
	var o Options
	var rest []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "--") {
			rest = append(rest, arg)
			continue
		}
		name, value, hasValue := strings.Cut(arg[2:], "=")
		name = strings.ReplaceAll(name, "_", "-")
		if field, ok := numericFlags[name]; ok {
			if !hasValue {
				if i+1 >= len(args) {
					return o, nil, fmt.Errorf("--%s needs a value", name)
				}
				i++
				value = args[i]
			}
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 {
				return o, nil, fmt.Errorf("--%s: %q is not a non-negative integer", name, value)
			}
			*field(&o) = n
			continue
		}
		on := !strings.HasPrefix(name, "no-")
		base := strings.TrimPrefix(name, "no-")
		if field, ok := boolFlags[base]; ok && !hasValue {
			*field(&o) = on
			continue
		}
		if base == "trace-gc" && !hasValue {
			o.TraceGC = nil
			if on {
				o.TraceGC = trace
			}
			continue
		}
		rest = append(rest, arg)
	}
	return o, rest, nil
}

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

// SetFlagsFromString applies heap flags at run time, as node's
// v8.setFlagsFromString does: flags separated by spaces, spelled as for
// ParseFlags. The flags a running heap can change are --verify-heap,
// --stress-compaction, --trace-gc (to trace) and --max-old-space-size (the
// limit, never below what is in use); every other flag, known or not, is
// ignored, as V8 ignores unknown flags.
func (h *Heap) SetFlagsFromString(flags string, trace io.Writer) {
	for _, arg := range strings.Fields(flags) {
		if !strings.HasPrefix(arg, "--") {
			continue
		}
		name, value, hasValue := strings.Cut(arg[2:], "=")
		name = strings.ReplaceAll(name, "_", "-")
		on := !strings.HasPrefix(name, "no-")
		switch strings.TrimPrefix(name, "no-") {
		case "verify-heap":
			h.opts.VerifyHeap = on
		case "stress-compaction":
			h.opts.StressCompaction = on
		case "trace-gc":
			h.opts.TraceGC = nil
			if on {
				h.opts.TraceGC = trace
			}
		case "max-old-space-size":
			if n, err := strconv.Atoi(value); hasValue && on && err == nil && n > 0 {
				h.maxOld = max(uint64(n)<<20, h.oldGenerationUsed())
				h.oldGenLimit = min(h.oldGenLimit, h.maxOld)
			}
		}
	}
}

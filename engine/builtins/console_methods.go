package builtins

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsnum"
	"github.com/sonde-js/sonde/engine/layout"
)

// consoleState is one realm's console bookkeeping: group indentation,
// count() counters and time() start times (node's kGroupIndent, kCounts,
// _times).
type consoleState struct {
	indent string
	counts map[string]int
	timers map[string]time.Time
}

// console installs the console object: every method node's console has,
// each printing as node prints (stdout for log/info/debug/dir/table/count/
// time*, stderr for error/warn/trace/assert) and, first, reporting the call
// to Interp.ConsoleHook with V8's console message type.
func (b *installer) console() {
	in := b.in
	st := &consoleState{counts: map[string]int{}, timers: map[string]time.Time{}}
	c := in.NewObject(in.Intrinsic(interp.ObjectPrototype))
	out := func(in *interp.Interp) io.Writer { return in.Stdout() }
	errw := func(in *interp.Interp) io.Writer { return in.Stderr() }
	// plain prints all arguments util.format-ed.
	plain := func(typ string, w func(*interp.Interp) io.Writer) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			consoleReport(in, typ, a, 0)
			s, ok := Format(in, a)
			if !ok {
				return 0, false
			}
			st.print(w(in), s)
			return in.Undefined(), true
		}
	}
	b.methods(c, []fn{
		{"log", 0, plain("log", out)},
		{"warn", 0, plain("warning", errw)},
		{"dir", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			consoleReport(in, "dir", a, 0)
			v := in.Undefined()
			if a.Len() > 0 {
				v = a.Arg(0)
			}
			st.print(in.Stdout(), Inspect(in, v))
			return in.Undefined(), true
		}},
		{"time", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			label, ok := consoleLabel(in, a)
			if !ok {
				return 0, false
			}
			if _, dup := st.timers[label]; dup {
				processWarning(in, "Label '"+label+"' already exists for console.time()")
				return in.Undefined(), true
			}
			st.timers[label] = time.Now()
			return in.Undefined(), true
		}},
		{"timeEnd", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return st.timeLog(in, a, "timeEnd", true)
		}},
		{"timeLog", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return st.timeLog(in, a, "log", false)
		}},
		{"trace", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			consoleReport(in, "trace", a, 0)
			s, ok := Format(in, a)
			if !ok {
				return 0, false
			}
			var sb strings.Builder
			sb.WriteString("Trace")
			if s != "" {
				sb.WriteString(": " + s)
			}
			for _, f := range in.StackTrace(10) {
				loc := f.URL + ":" + strconv.Itoa(f.Line+1) + ":" + strconv.Itoa(f.Column+1)
				if f.FunctionName != "" {
					loc = f.FunctionName + " (" + loc + ")"
				}
				sb.WriteString("\n    at " + loc)
			}
			// node's console prints with its own console.error, which the
			// inspector sees as a second message.
			consoleReportStrings(in, "error", []string{sb.String()}, a, a.Len())
			st.print(in.Stderr(), sb.String())
			return in.Undefined(), true
		}},
		{"assert", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if a.Len() > 0 && in.ToBoolean(a.Arg(0)) {
				return in.Undefined(), true
			}
			consoleReportAssert(in, a)
			prefix := "Assertion failed"
			if a.Len() > 1 {
				prefix += ": "
			}
			s, ok := formatArgs(in, a, 1, prefix)
			if !ok {
				return 0, false
			}
			// node's console.warn of the message, a second inspector message.
			if a.Len() > 1 {
				first, ok := in.ToGoString(a.Arg(1))
				if !ok {
					return 0, false
				}
				consoleReportStrings(in, "warning", []string{prefix + first}, a, 2)
			} else {
				consoleReportStrings(in, "warning", []string{prefix}, a, a.Len())
			}
			st.print(in.Stderr(), s)
			return in.Undefined(), true
		}},
		{"clear", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			// node clears only a TTY; our output is never one.
			consoleReportStrings(in, "clear", []string{"console.clear"}, a, a.Len())
			return in.Undefined(), true
		}},
		{"count", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			label, ok := consoleLabel(in, a)
			if !ok {
				return 0, false
			}
			st.counts[label]++
			msg := label + ": " + strconv.Itoa(st.counts[label])
			consoleReportString(in, "count", msg)
			consoleReportString(in, "log", msg) // node's console.log of it
			st.print(in.Stdout(), msg)
			return in.Undefined(), true
		}},
		{"countReset", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			label, ok := consoleLabel(in, a)
			if !ok {
				return 0, false
			}
			if _, found := st.counts[label]; !found {
				processWarning(in, "Count for '"+label+"' does not exist")
				return in.Undefined(), true
			}
			delete(st.counts, label)
			return in.Undefined(), true
		}},
		{"group", 0, st.group("startGroup", "console.group")},
		{"groupEnd", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			consoleReportStrings(in, "endGroup", []string{"console.groupEnd"}, a, a.Len())
			if len(st.indent) >= 2 {
				st.indent = st.indent[:len(st.indent)-2]
			}
			return in.Undefined(), true
		}},
		{"table", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			// Drawn as node draws it; node's own console.log of the drawing
			// is a second inspector message.
			consoleReport(in, "table", a, 0)
			s := ""
			if a.Len() > 0 {
				t, isTable, ok := consoleTable(in, a.Arg(0))
				if !ok {
					return 0, false
				}
				s = t
				if !isTable {
					s = ""
				}
			}
			if s == "" {
				var ok bool
				if s, ok = Format(in, a); !ok {
					return 0, false
				}
			}
			consoleReportStrings(in, "log", []string{s}, a, a.Len())
			st.print(in.Stdout(), s)
			return in.Undefined(), true
		}},
		{"debug", 0, plain("debug", out)},
		{"info", 0, plain("info", out)},
		{"dirxml", 0, plain("dirxml", out)},
		{"error", 0, plain("error", errw)},
		{"groupCollapsed", 0, st.group("startGroupCollapsed", "console.groupCollapsed")},
	})
	in.DefineValue(b.global, "console", c, 2 /* DontEnum */)
}

// print writes s and a newline, indented by the current group depth.
func (st *consoleState) print(w io.Writer, s string) {
	if st.indent != "" {
		s = st.indent + strings.ReplaceAll(s, "\n", "\n"+st.indent)
	}
	io.WriteString(w, s+"\n")
}

func (st *consoleState) group(typ, method string) interp.Native {
	return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if a.Len() == 0 {
			consoleReportStrings(in, typ, []string{method}, a, 0)
		} else {
			consoleReport(in, typ, a, 0)
			consoleReport(in, "log", a, 0) // node's console.log of the label
		}
		if a.Len() > 0 {
			s, ok := Format(in, a)
			if !ok {
				return 0, false
			}
			st.print(in.Stdout(), s)
		}
		st.indent += "  "
		return in.Undefined(), true
	}
}

// timeLog is console.timeEnd (end) and console.timeLog: "label: 1.234ms"
// and, for timeLog, the extra arguments inspected.
func (st *consoleState) timeLog(in *interp.Interp, a interp.Args, typ string, end bool) (layout.Value, bool) {
	label, ok := consoleLabel(in, a)
	if !ok {
		return 0, false
	}
	t0, found := st.timers[label]
	if !found {
		processWarning(in, "No such label '"+label+"' for console."+map[bool]string{true: "timeEnd", false: "timeLog"}[end]+"()")
		return in.Undefined(), true
	}
	elapsed := time.Since(t0)
	formatted := formatDuration(elapsed)
	msg := label + ": " + formatted
	// V8's own message ("label: 1.234567 ms"), then node's console.log
	// ("%s: %s", label, "1.235ms", ...data).
	consoleReportStrings(in, typ, []string{label + ": " + jsnum.FormatNumber(float64(elapsed.Nanoseconds())/1e6) + " ms"}, a, 1)
	consoleReportStrings(in, "log", []string{"%s: %s", label, formatted}, a, 1)
	if end {
		delete(st.timers, label)
		st.print(in.Stdout(), msg)
		return in.Undefined(), true
	}
	for i := 1; i < a.Len(); i++ {
		v := a.Arg(i)
		if in.IsString(v) {
			msg += " " + in.GoString(v)
		} else {
			msg += " " + Inspect(in, v)
		}
	}
	st.print(in.Stdout(), msg)
	return in.Undefined(), true
}

// formatDuration is node's formatTime: milliseconds with three decimals,
// seconds past a second, m:ss.mmm past a minute.
func formatDuration(d time.Duration) string {
	ms := float64(d.Nanoseconds()) / 1e6
	switch {
	case ms >= 60000:
		m := math.Floor(ms / 60000)
		s := (ms - m*60000) / 1000
		return fmt.Sprintf("%d:%06.3f (m:ss.mmm)", int(m), s)
	case ms >= 1000:
		return strconv.FormatFloat(ms/1000, 'f', 3, 64) + "s"
	}
	return strconv.FormatFloat(ms, 'f', 3, 64) + "ms"
}

// consoleLabel is the label argument of count/time: String(a[0]), or
// "default".
func consoleLabel(in *interp.Interp, a interp.Args) (string, bool) {
	if a.Len() == 0 || a.Arg(0) == in.Undefined() {
		return "default", true
	}
	return in.ToGoString(a.Arg(0))
}

// processWarning prints a process warning as node's emitWarning does.
func processWarning(in *interp.Interp, msg string) {
	fmt.Fprintf(in.Stderr(), "(node:%d) Warning: %s\n(Use `node --trace-warnings ...` to show where the warning was created)\n", os.Getpid(), msg)
}

// consoleReport passes arguments from start on to the console hook.
func consoleReport(in *interp.Interp, typ string, a interp.Args, start int) {
	if in.ConsoleHook == nil {
		return
	}
	args := make([]layout.Value, 0, max(a.Len()-start, 0))
	for i := start; i < a.Len(); i++ {
		args = append(args, a.Arg(i))
	}
	in.ConsoleHook(in, typ, args)
}

// consoleReportString passes one string argument to the console hook (V8
// reports count and timeEnd with their formatted message).
func consoleReportString(in *interp.Interp, typ, msg string) {
	if in.ConsoleHook == nil {
		return
	}
	scope := in.Heap().OpenScope()
	defer scope.Close()
	s := in.NewString(msg)
	in.ConsoleHook(in, typ, []layout.Value{s.Value()})
}

// consoleReportStrings passes the strings, then the arguments from start
// on, to the console hook.
func consoleReportStrings(in *interp.Interp, typ string, strs []string, a interp.Args, start int) {
	if in.ConsoleHook == nil {
		return
	}
	scope := in.Heap().OpenScope()
	defer scope.Close()
	hs := make([]heap.Handle, len(strs))
	for i, s := range strs {
		hs[i] = in.NewString(s)
	}
	args := make([]layout.Value, 0, len(strs)+max(a.Len()-start, 0))
	for _, h := range hs {
		args = append(args, h.Value())
	}
	for i := start; i < a.Len(); i++ {
		args = append(args, a.Arg(i))
	}
	in.ConsoleHook(in, typ, args)
}

// consoleReportAssert reports a failed assertion as V8 does: the arguments
// after the condition, or the string "console.assert" when there are none.
func consoleReportAssert(in *interp.Interp, a interp.Args) {
	if in.ConsoleHook == nil {
		return
	}
	if a.Len() > 1 {
		consoleReport(in, "assert", a, 1)
		return
	}
	consoleReportString(in, "assert", "console.assert")
}

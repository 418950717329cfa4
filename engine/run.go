package engine

import (
	"strings"

	"github.com/sonde-js/sonde/engine/builtins"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
)

// JS returns the isolate's interpreter, creating it and its realm (the
// standard library) on first use.
func (iso *Isolate) JS() *interp.Interp {
	if iso.js == nil {
		iso.js = interp.New(iso.Factory, interp.Config{
			Interrupt:        &iso.interrupt,
			HandleInterrupts: iso.HandleInterrupts,
			StackSlots:       iso.opts.StackSlots,
			StressSafepoints: iso.opts.Heap.GCStressSafepoints,
			Stdout:           iso.opts.Stdout,
			Stderr:           iso.opts.Stderr,
			Paranoid:         iso.opts.Paranoid,
			TierUp:           interp.TierUpConfig{Disabled: iso.opts.NoOpt, CallBudget: iso.opts.tierUpBudget, BackEdgeBudget: iso.opts.tierUpBudget, TicksToOptimize: min(iso.opts.tierUpBudget, 1)},
		})
		builtins.Install(iso.js)
		iso.js.OnPromiseRejection = iso.trackRejection
		iso.installTimers()
		iso.installProcess()
		iso.installWeakRefs()
		iso.installModules()
		if iso.opts.ExposeGC {
			global := iso.js.Handle(iso.js.GlobalObject())
			iso.js.DefineFunction(global, "gc", 0, func(in *interp.Interp, _ interp.Args) (layout.Value, bool) {
				in.Heap().CollectGarbage(true)
				return in.Undefined(), true
			})
		}
		if iso.opts.Print != nil {
			iso.installPrint()
		}
		if iso.opts.Host262 {
			iso.install262()
		}
		if iso.opts.setUp != nil {
			iso.opts.setUp(iso)
		}
	}
	return iso.js
}

// RunScript compiles source as a classic script named name (its URL in
// stack traces) and runs it. It returns the script's completion value
// (valid until the next allocation), or a *JSError for a syntax error or an
// uncaught exception.
func (iso *Isolate) RunScript(source, name string) (layout.Value, error) {
	js := iso.JS()
	h := iso.Heap
	scope := h.OpenScope()
	defer scope.Close()
	fn, ok := js.CompileScript(source, name)
	if !ok {
		e := iso.takeException()
		e.Parse = true
		return 0, e
	}
	v, ok := js.RunFunction(fn)
	if !ok {
		return 0, iso.takeException()
	}
	return v, nil
}

// Eval runs source as a script and renders its completion value as node's
// REPL does (util.inspect): a helper for tests and tools.
func (iso *Isolate) Eval(source string) (string, error) {
	v, err := iso.RunScript(source, "eval")
	if err != nil {
		return "", err
	}
	return builtins.Inspect(iso.js, v), nil
}

// JSError is an uncaught JavaScript exception (or a syntax error, or a
// termination) as a Go error.
type JSError struct {
	// Name and Message are the error's name and message properties ("" for
	// a thrown non-error value); Stack is its stack property, or the
	// rendered value for a thrown non-error ("42", "{ a: 1 }").
	Name, Message, Stack string
	// Terminated marks a TerminateExecution.
	Terminated bool
	// NonError marks a thrown value that is not an error object (Stack is
	// then the value rendered); Primitive a thrown primitive.
	NonError, Primitive bool
	// Parse marks an error found before the script ran (a syntax error, or
	// a construct the compiler does not support).
	Parse bool
	// Resolution marks a failure to load or link a module's imports.
	Resolution bool
	// Constructor is the name of the thrown object's constructor
	// (thrown.constructor.name, found without running getters), "" for a
	// primitive.
	Constructor string
	// File, Line (1-based), Column (1-based) and SourceLine locate the
	// throw, when known.
	File         string
	Line, Column int
	SourceLine   string
	// FromPromise marks an unhandled rejection reported as an uncaught
	// exception.
	FromPromise bool

	// value is the thrown value (for 'uncaughtException' listeners).
	value heap.Global
}

// Error returns the stack: "Name: message" and the "    at …" lines.
func (e *JSError) Error() string {
	if e.Terminated {
		return "Error: Script execution was terminated"
	}
	return e.Stack
}

// Report renders the error as node prints an uncaught exception:
//
//	file.js:3
//	  foo();
//	  ^
//
//	TypeError: foo is not a function
//	    at file.js:3:3
func (e *JSError) Report() string {
	var sb strings.Builder
	if e.File != "" && e.Line > 0 {
		sb.WriteString(e.File + ":" + itoa(e.Line) + "\n")
		sb.WriteString(e.SourceLine + "\n")
		col := e.Column - 1
		if col < 0 {
			col = 0
		}
		sb.WriteString(strings.Repeat(" ", col) + "^\n")
		if !e.NonError {
			sb.WriteString("\n")
		}
	}
	sb.WriteString(e.Error() + "\n")
	if e.Primitive {
		sb.WriteString("(Use `node --trace-uncaught ...` to show where the exception was thrown)\n")
	}
	return sb.String()
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}

// takeException converts the pending exception into a *JSError and clears
// it.
func (iso *Isolate) takeException() *JSError {
	js := iso.js
	defer js.ClearException()
	if iso.onUncaught != nil && !js.IsTerminating() {
		iso.onUncaught(js.Exception())
	}
	e := &JSError{}
	if js.IsTerminating() {
		e.Terminated = true
		e.Name, e.Message = "Error", "Script execution was terminated"
		return e
	}
	e.File, e.Line, e.Column, e.SourceLine, _ = js.ThrowLocation()
	v := js.Exception()
	e.value = iso.Heap.NewGlobal(v)
	iso.describe(e, v)
	return e
}

// describe fills e from the thrown (or rejected) value v.
func (iso *Isolate) describe(e *JSError, v layout.Value) {
	js := iso.js
	if js.IsObject(v) {
		if c, accessor, found := js.Lookup(v, interp.NameKey(js.Name(interp.NameConstructor))); found && !accessor && js.IsCallable(c) {
			if n, accessor, found := js.Lookup(c, interp.NameKey(js.Name(interp.NameName))); found && !accessor && js.IsString(n) {
				e.Constructor = js.GoString(n)
			}
		}
		if n, accessor, found := js.Lookup(v, interp.NameKey(js.Name(interp.NameStack))); found && !accessor && js.IsString(n) {
			e.Stack = js.GoString(n)
		}
		if n, accessor, found := js.Lookup(v, interp.NameKey(js.Name(interp.NameName))); found && !accessor && js.IsString(n) {
			e.Name = js.GoString(n)
		}
		if n, accessor, found := js.Lookup(v, interp.NameKey(js.Name(interp.NameMessage))); found && !accessor && js.IsString(n) {
			e.Message = js.GoString(n)
		}
		if e.Stack != "" {
			return
		}
	}
	e.Name, e.Message = "", ""
	e.NonError, e.Primitive = true, !js.IsObject(v)
	e.Stack = builtins.Inspect(js, v)
	if js.IsBigInt(v) {
		e.Stack = js.BigIntValue(v).String() // node prints an uncaught 5n as 5
	}
}

// SetUncaughtExceptionHook sets a function told of every exception that
// RunScript (or a module run) reports as uncaught, before it is cleared:
// the inspector's Runtime.exceptionThrown. The value is valid until the
// next allocation; the engine's throw location is still readable.
func (iso *Isolate) SetUncaughtExceptionHook(hook func(exception layout.Value)) {
	iso.onUncaught = hook
}

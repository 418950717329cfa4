package compiler

import (
	"github.com/sonde-js/sonde/engine/bytecode"
)

// The control stack records what a jump out of the current point crosses:
// loops and switches (break and continue targets), labeled statements,
// pushed contexts (to pop), for-of loops (whose iterator a break closes) and
// try-finally statements (whose finally block every exit runs first).

type controlKind uint8

const (
	ctlLoop controlKind = iota
	ctlSwitch
	ctlLabeled
	ctlContext
	ctlForOf
	ctlFinally
	// ctlPattern: an array destructuring pattern, whose iterator a
	// generator's return (at a yield inside the pattern) closes unless done.
	ctlPattern
)

type controlEntry struct {
	kind               controlKind
	labels             []string
	breakL, continueL  *bytecode.Label
	contextReg         int  // ctlContext: the register holding the outer context
	iterReg            int  // ctlForOf, ctlPattern: the iterator
	doneReg            int  // ctlPattern: true once the iterator is done
	async              bool // ctlForOf: a for-await loop (closing awaits return())
	tokenReg, valueReg int  // ctlFinally: the completion token and value
	finallyL           *bytecode.Label
	commands           []finallyCommand
}

// A finallyCommand is a jump that a finally block intercepted: after the
// block runs, the dispatch performs it.
type finallyCommand struct {
	token int
	kind  jumpKind
	// target is the control entry of a break or continue.
	target *controlEntry
}

type jumpKind uint8

const (
	jumpBreak jumpKind = iota
	jumpContinue
	jumpReturn
)

// Completion tokens of a try-finally: fallthrough, an exception to rethrow,
// then one per intercepted jump.
const (
	tokenFallthrough = 0
	tokenRethrow     = 1
	firstJumpToken   = 2
)

func (c *funcCompiler) pushControl(e *controlEntry) { c.control = append(c.control, e) }

func (c *funcCompiler) popControl() { c.control = c.control[:len(c.control)-1] }

// pushContextEntry records a pushed context so jumps out of it pop it.
func (c *funcCompiler) pushContextEntry(saved int) {
	c.pushControl(&controlEntry{kind: ctlContext, contextReg: saved})
}

// findBreak returns the index of the entry a break (with label, or
// unlabeled when label is "") leaves, or -1.
func (c *funcCompiler) findBreak(label string) int {
	for i := len(c.control) - 1; i >= 0; i-- {
		e := c.control[i]
		if label == "" {
			if e.kind == ctlLoop || e.kind == ctlSwitch || e.kind == ctlForOf {
				return i
			}
			continue
		}
		if e.kind == ctlLoop || e.kind == ctlSwitch || e.kind == ctlLabeled || e.kind == ctlForOf {
			for _, l := range e.labels {
				if l == label {
					return i
				}
			}
		}
	}
	return -1
}

// findContinue returns the index of the loop a continue targets, or -1.
func (c *funcCompiler) findContinue(label string) int {
	for i := len(c.control) - 1; i >= 0; i-- {
		e := c.control[i]
		if e.kind != ctlLoop && e.kind != ctlForOf {
			continue
		}
		if label == "" {
			return i
		}
		for _, l := range e.labels {
			if l == label {
				return i
			}
		}
	}
	return -1
}

// jumpOut emits a break, continue (to the entry at index target) or a
// return (target -1; the value in the accumulator), unwinding the entries
// it crosses: contexts are popped, for-of iterators closed, and a finally
// block intercepts the jump and performs it after running.
func (c *funcCompiler) jumpOut(kind jumpKind, target int) {
	stop := target
	if kind == jumpReturn {
		stop = -1
	}
	for i := len(c.control) - 1; i > stop; i-- {
		e := c.control[i]
		switch e.kind {
		case ctlContext:
			c.b.Emit(bytecode.PopContext, e.contextReg)
		case ctlForOf:
			mark := c.tempMark()
			if kind == jumpReturn {
				v := c.newTemp()
				c.b.Emit(bytecode.Star, v)
				c.iteratorClose(e)
				c.b.Emit(bytecode.Ldar, v)
			} else {
				c.iteratorClose(e)
			}
			c.freeTemps(mark)
		case ctlPattern:
			c.patternClose(e, kind == jumpReturn)
		case ctlFinally:
			cmd := finallyCommand{token: firstJumpToken + len(e.commands), kind: kind}
			if kind != jumpReturn {
				cmd.target = c.control[target]
			}
			e.commands = append(e.commands, cmd)
			if kind == jumpReturn {
				c.b.Emit(bytecode.Star, e.valueReg)
			}
			c.b.Emit(bytecode.LdaSmi, cmd.token)
			c.b.Emit(bytecode.Star, e.tokenReg)
			c.b.EmitJump(bytecode.Jump, e.finallyL)
			return
		}
	}
	switch kind {
	case jumpReturn:
		if c.asyncFunction() {
			c.asyncSettle(bytecode.RtAsyncFunctionResolve)
			return
		}
		c.emitReturn()
	case jumpBreak:
		if t := c.control[target]; t.kind == ctlForOf {
			c.iteratorClose(t)
		}
		c.b.EmitJump(bytecode.Jump, c.control[target].breakL)
	case jumpContinue:
		c.b.EmitJump(bytecode.Jump, c.control[target].continueL)
	}
}

// patternClose closes the iterator of the array pattern e unless it is
// done; keep saves the accumulator around the call. done is set first, so
// that an exception from return() does not close the iterator again.
func (c *funcCompiler) patternClose(e *controlEntry, keep bool) {
	b := c.b
	mark := c.tempMark()
	v := c.newTemp()
	if keep {
		b.Emit(bytecode.Star, v)
	}
	skip := &bytecode.Label{}
	b.Emit(bytecode.Ldar, e.doneReg)
	b.EmitJump(bytecode.JumpIfTrue, skip)
	b.Emit(bytecode.LdaTrue)
	b.Emit(bytecode.Star, e.doneReg)
	b.Emit(bytecode.CallRuntime, int(bytecode.RtIteratorClose), e.iterReg, 1)
	b.Bind(skip)
	if keep {
		b.Emit(bytecode.Ldar, v)
	}
	c.freeTemps(mark)
}

// indexOf returns the index of entry e in the control stack, or -1.
func (c *funcCompiler) indexOf(e *controlEntry) int {
	for i, x := range c.control {
		if x == e {
			return i
		}
	}
	return -1
}

// iteratorClose closes the iterator of the for-of loop e (a jump leaves
// it): iterator.return(), awaited in a for-await loop.
func (c *funcCompiler) iteratorClose(e *controlEntry) {
	if !e.async {
		c.b.Emit(bytecode.CallRuntime, int(bytecode.RtIteratorClose), e.iterReg, 1)
		return
	}
	b := c.b
	mark := c.tempMark()
	m := c.newTemp()
	call, skip, ok := &bytecode.Label{}, &bytecode.Label{}, &bytecode.Label{}
	b.Emit(bytecode.LdaNamedProperty, e.iterReg, b.NameConstant("return"), b.FeedbackSlots(2))
	b.Emit(bytecode.Star, m)
	b.EmitJump(bytecode.JumpIfNotNullish, call)
	b.EmitJump(bytecode.Jump, skip)
	b.Bind(call)
	b.Emit(bytecode.CallProperty, m, e.iterReg, 0, b.FeedbackSlots(1))
	c.await()
	b.EmitJump(bytecode.JumpIfJSReceiver, ok)
	c.throwTypeError("Iterator result is not an object")
	b.Bind(ok)
	b.Bind(skip)
	c.freeTemps(mark)
}

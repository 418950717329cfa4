package runtime

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// errTerminated is V8's answer when a command's JavaScript was terminated
// (Runtime.terminateExecution, or an evaluate timeout).
const errTerminated = "Execution was terminated"

// completion is the outcome of running JavaScript for a command: a value,
// or a thrown exception with its details, or a termination.
type completion struct {
	value      heap.Handle
	threw      bool
	terminated bool
	// loc is where the exception was thrown (0-based), when known.
	loc      interp.Location
	hasLoc   bool
	url      string
	line     int
	col      int
	hasLine  bool
	parseErr bool
}

// finish turns the interpreter's status after running JavaScript into a
// completion (in the caller's handle scope).
func (d *Domain) finish(v layout.Value, ok bool) completion {
	in := d.in
	if ok {
		return completion{value: in.Handle(v)}
	}
	if in.IsTerminating() {
		in.ClearException()
		return completion{terminated: true}
	}
	c := completion{threw: true, value: in.Handle(in.Exception())}
	c.loc, c.hasLoc = in.ThrowPosition()
	name, line, col, _, known := in.ThrowLocation()
	if known {
		c.url, c.line, c.col, c.hasLine = name, line-1, col-1, true
	}
	in.ClearException()
	return c
}

// anonymous is the script name of code without a URL (evaluate,
// callFunctionOn): stack traces show it, CDP reports the URL "".
const anonymous = "<anonymous>"

// runScript compiles source as a classic script with URL url and runs it.
func (d *Domain) runScript(source, url string) completion {
	in := d.in
	fn, ok := d.compile(source, url)
	if !ok {
		c := d.finish(0, false)
		c.parseErr = true
		return c
	}
	return d.finish(in.RunFunction(fn))
}

// compile compiles a script for a command. A SyntaxError's stack is its
// header only, as V8's is when no JavaScript called the compiler.
func (d *Domain) compile(source, url string) (heap.Handle, bool) {
	in := d.in
	if url == "" {
		url = anonymous
	}
	fn, ok := in.CompileScript(source, url)
	if !ok && !in.IsTerminating() {
		exc := in.Handle(in.Exception())
		if in.IsErrorObject(exc.Value()) {
			cls := in.ClassName(exc.Value())
			msg := ""
			if m, found := in.DataProperty(exc.Value(), "message"); found && in.IsString(m) {
				msg = in.GoString(m)
			}
			s := in.NewString(cls + ": " + msg)
			k := in.InternalizeGo("stack")
			in.DefineOwn(exc.Value(), interp.NameKey(k.Value()), s.Value(), 2 /* DontEnum */)
		}
	}
	return fn, ok
}

// exceptionDetails describes a thrown completion as V8 does
// ("Uncaught", the throw location, its stack, the exception object).
func (d *Domain) exceptionDetails(ss *session, c completion, group string, preview bool) *rt.ExceptionDetails {
	d.exceptionID++
	ed := &rt.ExceptionDetails{ExceptionID: int64(d.exceptionID), Text: "Uncaught"}
	if c.hasLoc {
		sid := rt.ScriptID(itoa(c.loc.ScriptID))
		ed.ScriptID = &sid
		ed.LineNumber, ed.ColumnNumber = int64(c.loc.Line), int64(c.loc.Column)
		url := scriptURL(d.in.ScriptName(c.loc.ScriptID))
		if frames, ok := d.errorFrames(c.value.Value()); ok && !c.parseErr {
			// An error's trace is where it was made, as V8 reports it,
			// under the async parent of the code reporting it.
			ed.StackTrace = d.stackTrace(frames, d.asyncParent(), d.in.AsyncStackDepth())
		} else if !c.parseErr && d.maxStack > 0 {
			ed.StackTrace = &rt.StackTrace{CallFrames: []rt.CallFrame{{
				FunctionName: "", ScriptID: sid, URL: url,
				LineNumber: int64(c.loc.Line), ColumnNumber: int64(c.loc.Column)}}}
			d.addParent(ed.StackTrace, d.asyncParent(), d.in.AsyncStackDepth())
		}
	} else if c.hasLine {
		ed.LineNumber, ed.ColumnNumber = int64(c.line), int64(c.col)
		if c.parseErr && d.lastFailedID > 0 {
			s := rt.ScriptID(itoa(d.lastFailedID))
			ed.ScriptID = &s
		}
	}
	exc := mirror{d.in}.wrap(c.value.Value(), ss.store, wrapOptions{group: group, preview: preview})
	ed.Exception = &exc
	return ed
}

// evaluateReturns builds the answer of evaluate, callFunctionOn and
// runScript.
func (d *Domain) evaluateReturns(ss *session, c completion, o wrapOptions) (easyjson.Marshaler, *cdp.Error) {
	if c.terminated {
		return nil, cdp.ServerError(errTerminated)
	}
	if c.threw {
		res := mirror{d.in}.wrap(c.value.Value(), ss.store, wrapOptions{group: o.group, preview: o.preview})
		return &rt.EvaluateReturns{Result: res, ExceptionDetails: d.exceptionDetails(ss, c, o.group, o.preview)}, nil
	}
	res := mirror{d.in}.wrap(c.value.Value(), ss.store, o)
	if byValueFails(res, o) {
		return nil, cdp.ServerError(errByValue)
	}
	return &rt.EvaluateReturns{Result: res}, nil
}

func optBool(b *bool) bool { return b != nil && *b }

func optString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// evaluate is Runtime.evaluate.
func (d *Domain) evaluate(ss *session, p *rt.EvaluateParams, r cdp.Reply) {
	if err := checkContext(p.ContextID); err != nil {
		r(nil, err)
		return
	}
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	undo := func() {}
	if optBool(p.IncludeCommandLineAPI) {
		undo = d.installCommandLineAPI(ss)
	}
	if p.Timeout != nil && *p.Timeout > 0 {
		t := time.AfterFunc(time.Duration(float64(*p.Timeout)*float64(time.Millisecond)), d.iso.TerminateExecution)
		defer t.Stop()
	}
	c := d.runScript(p.Expression, "")
	// Remove the command-line API before replying: the undo function's
	// entry is a safepoint where the client's next request may already run.
	undo()
	d.answerCompletion(ss, c, wrapOptions{group: optString(p.ObjectGroup), byValue: optBool(p.ReturnByValue), preview: optBool(p.GeneratePreview)}, optBool(p.AwaitPromise), r)
}

// callFunctionOn is Runtime.callFunctionOn.
func (d *Domain) callFunctionOn(ss *session, p *rt.CallFunctionOnParams, r cdp.Reply) {
	res, err := d.callFunctionOnSync(ss, p, r)
	if res != nil || err != nil {
		reply(r, res, err)
	}
}

// callFunctionOnSync answers errors and immediate results; a call that
// awaits a promise answers through r and returns nil, nil.
func (d *Domain) callFunctionOnSync(ss *session, p *rt.CallFunctionOnParams, r cdp.Reply) (easyjson.Marshaler, *cdp.Error) {
	in := d.in
	if p.ObjectID == nil && p.ExecutionContextID == nil && p.UniqueContextID == nil {
		return nil, cdp.InvalidParams("Either objectId or executionContextId or uniqueContextId must be specified")
	}
	if err := checkContext(p.ExecutionContextID); err != nil {
		return nil, err
	}
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	group := optString(p.ObjectGroup)
	this := in.Handle(in.Undefined())
	if p.ObjectID != nil {
		v, e := ss.store.get(string(*p.ObjectID))
		if e != "" {
			return nil, cdp.ServerError(e)
		}
		this.Set(v)
		if group == "" {
			group = ss.store.byID[string(*p.ObjectID)].group
		}
	}
	args := make([]heap.Handle, len(p.Arguments))
	for i, a := range p.Arguments {
		v, err := d.callArgument(ss, a)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	fc := d.runScript("("+p.FunctionDeclaration+"\n)", "")
	if fc.terminated || fc.threw {
		return d.evaluateReturns(ss, fc, wrapOptions{group: group})
	}
	if !in.IsCallable(fc.value.Value()) {
		return nil, cdp.ServerError("Given expression does not evaluate to a function")
	}
	vals := make([]layout.Value, len(args))
	for i, a := range args {
		vals[i] = a.Value()
	}
	c := d.finish(in.Call(fc.value.Value(), this.Value(), vals...))
	o := wrapOptions{group: group, byValue: optBool(p.ReturnByValue), preview: optBool(p.GeneratePreview)}
	if optBool(p.AwaitPromise) && !c.threw && !c.terminated && in.IsPromise(c.value.Value()) {
		d.awaitPromiseValue(ss, c.value, o, r)
		return nil, nil
	}
	return d.evaluateReturns(ss, c, o)
}

// parseBigIntLiteral reads a CallArgument's BigInt unserializableValue:
// an optional "-", decimal digits and "n", as V8 writes them.
func parseBigIntLiteral(s string) (*big.Int, bool) {
	t, ok := strings.CutSuffix(s, "n")
	if !ok {
		return nil, false
	}
	digits := strings.TrimPrefix(t, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return nil, false
	}
	return new(big.Int).SetString(t, 10)
}

// callArgument resolves a CallArgument: an object id, an unserializable
// number or BigInt, a JSON value (parsed by JSON.parse), or undefined.
func (d *Domain) callArgument(ss *session, a rt.CallArgument) (heap.Handle, *cdp.Error) {
	in := d.in
	switch {
	case a.ObjectID != nil:
		v, e := ss.store.get(string(*a.ObjectID))
		if e != "" {
			return heap.Handle{}, cdp.ServerError(e)
		}
		return in.Handle(v), nil
	case a.UnserializableValue != nil:
		var x float64
		switch *a.UnserializableValue {
		case "NaN":
			x = nan()
		case "Infinity":
			x = inf(1)
		case "-Infinity":
			x = inf(-1)
		case "-0":
			x = negZero()
		default:
			if b, ok := parseBigIntLiteral(string(*a.UnserializableValue)); ok && b.BitLen() <= layout.BigIntMaxBits {
				return in.Factory().NewBigInt(b), nil
			}
			return heap.Handle{}, cdp.ServerError("Couldn't parse value object in call argument")
		}
		return in.Handle(in.NewNumber(x)), nil
	case len(a.Value) > 0:
		d.quiet++
		c := d.runScript("("+string(a.Value)+")", "")
		d.quiet--
		if !c.threw && !c.terminated {
			return c.value, nil
		}
		return heap.Handle{}, cdp.ServerError("Couldn't parse value object in call argument")
	}
	return in.Handle(in.Undefined()), nil
}

// commandLineAPISource defines the console's command-line helpers that the
// global object lacks, and returns a function that removes them again.
const commandLineAPISource = `(function () {
 return function (inspected) {
  var api = {
    keys: function keys(o) { return Object.keys(o); },
    values: function values(o) { return Object.values(o); },
    dir: function dir(v) { console.dir(v); },
    dirxml: function dirxml(v) { console.dirxml(v); },
    table: function table(v) { console.table(v); },
    clear: function clear() { console.clear(); },
    copy: function copy(v) {},
    inspect: function inspect(v) { return v; },
    debug: function debug(f) {},
    undebug: function undebug(f) {},
    monitor: function monitor(f) {},
    unmonitor: function unmonitor(f) {},
    profile: function profile(t) {},
    profileEnd: function profileEnd(t) {},
    queryObjects: function queryObjects(p) {},
    $: function $(s) { return undefined; },
    $$: function $$(s) { return []; },
    $x: function $x(p) { return []; },
  };
  for (var n = 0; n < 5; n++) api['$' + n] = inspected[n];
  var added = [];
  for (var k in api) {
    if (!(k in globalThis)) {
      Object.defineProperty(globalThis, k, { value: api[k], configurable: true, writable: true, enumerable: false });
      added.push(k);
    }
  }
  return function () { for (var i = 0; i < added.length; i++) delete globalThis[added[i]]; };
 };
})()`

// installCommandLineAPI adds the command-line API for one evaluation.
func (d *Domain) installCommandLineAPI(ss *session) func() {
	in := d.in
	if d.cliInstaller == nil {
		d.quiet++
		c := d.runScript(commandLineAPISource, "")
		d.quiet--
		if c.threw || c.terminated || !in.IsCallable(c.value.Value()) {
			return func() {}
		}
		g := d.iso.Heap.NewGlobal(c.value.Value())
		d.cliInstaller = &g
	}
	objs := in.NewArray(nil)
	for _, g := range ss.inspected {
		v, ok := g.Value()
		if !ok {
			v = in.Undefined()
		}
		in.PushValue(objs, v)
	}
	inst, _ := d.cliInstaller.Value()
	v, ok := in.Call(inst, in.Undefined(), objs.Value())
	if !ok || !in.IsCallable(v) {
		in.ClearException()
		return func() {}
	}
	g := d.iso.Heap.NewGlobal(v)
	return func() {
		defer g.Release()
		if undo, ok := g.Value(); ok {
			if _, ok := in.Call(undo, in.Undefined()); !ok {
				in.ClearException()
			}
		}
	}
}

func nan() float64         { return math.NaN() }
func inf(sign int) float64 { return math.Inf(sign) }
func negZero() float64     { return math.Copysign(0, -1) }
func itoa(i int) string    { return strconv.Itoa(i) }

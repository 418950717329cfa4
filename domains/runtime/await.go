package runtime

import (
	"encoding/json"
	"strings"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/protocol"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// Commands that may await a promise (evaluate, callFunctionOn, runScript
// with awaitPromise, and awaitPromise itself) answer when it settles: the
// answer is sent from a promise reaction, which runs in a microtask
// checkpoint of the event loop.

// reply sends a synchronous result or error.
func reply(r cdp.Reply, res easyjson.Marshaler, err *cdp.Error) {
	if err != nil {
		r(nil, err)
		return
	}
	b, merr := protocol.Marshal(res)
	if merr != nil {
		r(nil, cdp.ServerError("encode result: "+merr.Error()))
		return
	}
	r(b, nil)
}

// handleAsync adapts a typed method that may answer later.
func handleAsync[P any, PP interface {
	*P
	easyjson.Unmarshaler
}](d *Domain, f func(ss *session, p *P, r cdp.Reply)) cdp.AsyncHandler {
	return func(s *cdp.Session, raw json.RawMessage, r cdp.Reply) {
		ss := d.state(s)
		if ss == nil {
			r(nil, cdp.ServerError("session is gone"))
			return
		}
		var p P
		if err := protocol.DecodeParams(easyjson.RawMessage(raw), PP(&p)); err != nil {
			r(nil, err)
			return
		}
		f(ss, &p, r)
	}
}

// answerCompletion answers a command whose JavaScript completed: at once,
// or, when await is set and the value is a promise, once it settles.
func (d *Domain) answerCompletion(ss *session, c completion, o wrapOptions, await bool, r cdp.Reply) {
	if await && !c.threw && !c.terminated && d.in.IsPromise(c.value.Value()) {
		d.awaitPromiseValue(ss, c.value, o, r)
		return
	}
	res, err := d.evaluateReturns(ss, c, o)
	reply(r, res, err)
}

// awaitPromiseValue answers r when promise p settles: its value, or its
// reason with exceptionDetails ("Uncaught (in promise)").
func (d *Domain) awaitPromiseValue(ss *session, p heap.Handle, o wrapOptions, r cdp.Reply) {
	in := d.in
	in.PerformPromiseThenGo(p.Value(),
		func(in *interp.Interp, v layout.Value) (layout.Value, bool) {
			if !ss.s.Closed() {
				res := mirror{in}.wrap(v, ss.store, o)
				if byValueFails(res, o) {
					reply(r, nil, cdp.ServerError(errByValue))
				} else {
					reply(r, &rt.EvaluateReturns{Result: res}, nil)
				}
			}
			return in.Undefined(), true
		},
		func(in *interp.Interp, reason layout.Value) (layout.Value, bool) {
			if !ss.s.Closed() {
				scope := d.iso.Heap.OpenScope()
				defer scope.Close()
				rh := in.Handle(reason)
				res := mirror{in}.wrap(rh.Value(), ss.store, wrapOptions{group: o.group, preview: o.preview})
				reply(r, &rt.EvaluateReturns{Result: res, ExceptionDetails: d.rejectionDetails(ss, rh, o)}, nil)
			}
			return in.Undefined(), true
		})
}

// rejectionDetails is V8's exceptionDetails of a rejected awaited promise:
// "Uncaught (in promise) Error: msg", located (1-based, a V8 quirk) where
// an error reason was made.
func (d *Domain) rejectionDetails(ss *session, reason heap.Handle, o wrapOptions) *rt.ExceptionDetails {
	in := d.in
	d.exceptionID++
	ed := &rt.ExceptionDetails{ExceptionID: int64(d.exceptionID), Text: "Uncaught (in promise)"}
	if in.IsErrorObject(reason.Value()) {
		desc := mirror{in}.errorDescription(reason.Value(), in.ClassName(reason.Value()))
		if i := strings.Index(desc, "\n"); i >= 0 {
			desc = desc[:i]
		}
		ed.Text += " " + desc
		if frames, ok := d.errorFrames(reason.Value()); ok && len(frames) > 0 {
			sid := rt.ScriptID(itoa(frames[0].ScriptID))
			ed.ScriptID = &sid
			ed.LineNumber, ed.ColumnNumber = int64(frames[0].Line+1), int64(frames[0].Column+1)
			ed.StackTrace = &rt.StackTrace{CallFrames: callFrames(frames)}
		}
	}
	exc := mirror{in}.wrap(reason.Value(), ss.store, wrapOptions{group: o.group, preview: o.preview})
	ed.Exception = &exc
	return ed
}

// awaitPromiseMethod is Runtime.awaitPromise.
func (d *Domain) awaitPromiseMethod(ss *session, p *rt.AwaitPromiseParams, r cdp.Reply) {
	v, e := ss.store.get(string(p.PromiseObjectID))
	if e != "" {
		r(nil, cdp.ServerError(e))
		return
	}
	if !d.in.IsPromise(v) {
		r(nil, cdp.ServerError("Could not find promise with given id"))
		return
	}
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	group := ss.store.byID[string(p.PromiseObjectID)].group
	d.awaitPromiseValue(ss, d.in.Handle(v), wrapOptions{group: group, byValue: optBool(p.ReturnByValue), preview: optBool(p.GeneratePreview)}, r)
}

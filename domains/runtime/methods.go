package runtime

import (
	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/cdp"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

func (d *Domain) registerRuntime(reg *cdp.Registry) {
	reg.Handle(rt.CommandEnable, handle(d, d.enable))
	reg.Handle(rt.CommandDisable, handle(d, func(ss *session, _ *rt.DisableParams) (easyjson.Marshaler, *cdp.Error) {
		ss.runtimeEnabled = false
		ss.store.releaseAll()
		return empty{}, nil
	}))
	reg.HandleAsync(rt.CommandEvaluate, handleAsync(d, d.evaluate))
	reg.HandleAsync(rt.CommandCallFunctionOn, handleAsync(d, d.callFunctionOn))
	reg.Handle(rt.CommandGetProperties, handle(d, d.getProperties))
	reg.HandleAsync(rt.CommandAwaitPromise, handleAsync(d, d.awaitPromiseMethod))
	reg.Handle(rt.CommandReleaseObject, handle(d, func(ss *session, p *rt.ReleaseObjectParams) (easyjson.Marshaler, *cdp.Error) {
		if _, e := ss.store.get(string(p.ObjectID)); e == errInvalidID {
			return nil, cdp.ServerError(e)
		}
		ss.store.release(string(p.ObjectID))
		return empty{}, nil
	}))
	reg.Handle(rt.CommandReleaseObjectGroup, handle(d, func(ss *session, p *rt.ReleaseObjectGroupParams) (easyjson.Marshaler, *cdp.Error) {
		ss.store.releaseGroup(p.ObjectGroup)
		return empty{}, nil
	}))
	reg.Handle(rt.CommandCompileScript, handle(d, d.compileScript))
	reg.HandleAsync(rt.CommandRunScript, handleAsync(d, d.runCompiledScript))
	reg.Handle(rt.CommandGlobalLexicalScopeNames, handle(d, func(ss *session, p *rt.GlobalLexicalScopeNamesParams) (easyjson.Marshaler, *cdp.Error) {
		if err := checkContext(p.ExecutionContextID); err != nil {
			return nil, err
		}
		names := d.in.GlobalLexicalScopeNames()
		if names == nil {
			names = []string{}
		}
		return &rt.GlobalLexicalScopeNamesReturns{Names: names}, nil
	}))
	reg.Handle(rt.CommandGetHeapUsage, handle(d, func(ss *session, _ *rt.GetHeapUsageParams) (easyjson.Marshaler, *cdp.Error) {
		st := d.iso.Heap.Statistics()
		total := float64(d.iso.Heap.TotalAllocatedBytes())
		return &rt.GetHeapUsageReturns{UsedSize: float64(st.UsedHeapSize), TotalSize: float64(st.TotalHeapSize), TotalAllocatedBytes: &total}, nil
	}))
	reg.Handle(rt.CommandGetIsolateID, handle(d, func(ss *session, _ *rt.GetIsolateIDParams) (easyjson.Marshaler, *cdp.Error) {
		return &rt.GetIsolateIDReturns{ID: d.isolateID}, nil
	}))
	reg.Handle(rt.CommandRunIfWaitingForDebugger, handle(d, func(ss *session, _ *rt.RunIfWaitingForDebuggerParams) (easyjson.Marshaler, *cdp.Error) {
		ss.s.Server().RunIfWaitingForDebugger()
		return empty{}, nil
	}))
	reg.Handle(rt.CommandTerminateExecution, handle(d, func(ss *session, _ *rt.TerminateExecutionParams) (easyjson.Marshaler, *cdp.Error) {
		d.iso.TerminateExecution()
		return empty{}, nil
	}))
	reg.Handle(rt.CommandDiscardConsoleEntries, handle(d, func(ss *session, _ *rt.DiscardConsoleEntriesParams) (easyjson.Marshaler, *cdp.Error) {
		d.console.clear()
		return empty{}, nil
	}))
	reg.Handle(rt.CommandSetAsyncCallStackDepth, handle(d, func(ss *session, p *rt.SetAsyncCallStackDepthParams) (easyjson.Marshaler, *cdp.Error) {
		d.setAsyncDepth(ss, false, p.MaxDepth)
		return empty{}, nil
	}))
	reg.Handle(rt.CommandSetMaxCallStackSizeToCapture, handle(d, func(ss *session, p *rt.SetMaxCallStackSizeToCaptureParams) (easyjson.Marshaler, *cdp.Error) {
		if p.Size < 0 {
			return nil, cdp.ServerError("maxCallStackSizeToCapture should be non-negative")
		}
		d.maxStack = int(p.Size)
		return empty{}, nil
	}))
	reg.Handle(rt.CommandSetCustomObjectFormatterEnabled, handle(d, func(ss *session, _ *rt.SetCustomObjectFormatterEnabledParams) (easyjson.Marshaler, *cdp.Error) {
		return empty{}, nil
	}))
	reg.Handle(rt.CommandQueryObjects, handle(d, d.queryObjects))
	reg.Handle(rt.CommandAddBinding, handle(d, d.addBinding))
	reg.Handle(rt.CommandRemoveBinding, handle(d, func(ss *session, p *rt.RemoveBindingParams) (easyjson.Marshaler, *cdp.Error) {
		if ss.bindings[p.Name] {
			delete(ss.bindings, p.Name)
			d.removeBindingIfUnused(p.Name, ss)
		}
		return empty{}, nil
	}))
}

// enable is Runtime.enable: executionContextCreated, then the stored
// console messages, then the answer.
func (d *Domain) enable(ss *session, _ *rt.EnableParams) (easyjson.Marshaler, *cdp.Error) {
	if ss.runtimeEnabled {
		return empty{}, nil
	}
	ss.runtimeEnabled = true
	notify(ss, rt.EventExecutionContextCreated, &rt.ExecutionContextCreatedEvent{Context: d.contextDescription()})
	d.replayConsole(ss)
	return empty{}, nil
}

// compileScript is Runtime.compileScript: a syntax check, and with
// persistScript a script runScript can run later.
func (d *Domain) compileScript(ss *session, p *rt.CompileScriptParams) (easyjson.Marshaler, *cdp.Error) {
	if err := checkContext(p.ExecutionContextID); err != nil {
		return nil, err
	}
	in := d.in
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	fn, ok := d.compile(p.Expression, p.SourceURL)
	if !ok {
		c := d.finish(0, false)
		c.parseErr = true
		return &rt.CompileScriptReturns{ExceptionDetails: d.exceptionDetails(ss, c, "", false)}, nil
	}
	id := in.ScriptCount()
	sid := rt.ScriptID(itoa(id))
	if p.PersistScript {
		ss.compiled[string(sid)] = true
		d.compiledFns = append(d.compiledFns, compiledScript{id: string(sid), fn: d.iso.Heap.NewGlobal(fn.Value()), owner: ss})
	}
	return &rt.CompileScriptReturns{ScriptID: &sid}, nil
}

// runCompiledScript is Runtime.runScript.
func (d *Domain) runCompiledScript(ss *session, p *rt.RunScriptParams, r cdp.Reply) {
	if err := checkContext(p.ExecutionContextID); err != nil {
		r(nil, err)
		return
	}
	var fn layout.Value
	found := false
	for _, c := range d.compiledFns {
		if c.id == string(p.ScriptID) && c.owner == ss {
			fn, found = c.fn.Value()
		}
	}
	if !found {
		r(nil, cdp.ServerError("No script with given id"))
		return
	}
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	c := d.finish(d.in.RunFunction(d.in.Handle(fn)))
	d.answerCompletion(ss, c, wrapOptions{group: optString(p.ObjectGroup), byValue: optBool(p.ReturnByValue), preview: optBool(p.GeneratePreview)}, optBool(p.AwaitPromise), r)
}

// addBinding is Runtime.addBinding: a global function that sends
// Runtime.bindingCalled with its string argument to the sessions that
// added it.
func (d *Domain) addBinding(ss *session, p *rt.AddBindingParams) (easyjson.Marshaler, *cdp.Error) {
	if err := checkContext(p.ExecutionContextID); err != nil {
		return nil, err
	}
	if ss.bindings[p.Name] {
		return empty{}, nil
	}
	ss.bindings[p.Name] = true
	d.bindings[p.Name]++
	if d.bindings[p.Name] > 1 {
		return empty{}, nil
	}
	in := d.in
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	name := p.Name
	global := in.Handle(in.GlobalObject())
	in.DefineFunction(global, name, 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		if a.Len() < 1 || !in.IsString(a.Arg(0)) {
			return in.ThrowError(interp.TypeError, "Invalid arguments: should be exactly one string.")
		}
		payload := in.GoString(a.Arg(0))
		for _, s := range d.sessions {
			if s.bindings[name] {
				notify(s, rt.EventBindingCalled, &rt.BindingCalledEvent{Name: name, Payload: payload, ExecutionContextID: contextID})
			}
		}
		return in.Undefined(), true
	})
	return empty{}, nil
}

// removeBindingIfUnused deletes the global of a binding no session keeps.
func (d *Domain) removeBindingIfUnused(name string, _ *session) {
	d.bindings[name]--
	if d.bindings[name] > 0 {
		return
	}
	delete(d.bindings, name)
	in := d.in
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	k := in.InternalizeGo(name)
	in.Delete(in.GlobalObject(), interp.NameKey(k.Value()), false)
	in.ClearException()
}

// queryObjects is Runtime.queryObjects: after a full GC, an array of every
// object that inherits from the given prototype.
func (d *Domain) queryObjects(ss *session, p *rt.QueryObjectsParams) (easyjson.Marshaler, *cdp.Error) {
	in := d.in
	v, e := ss.store.get(string(p.PrototypeObjectID))
	if e != "" {
		return nil, cdp.ServerError(e)
	}
	if !in.IsObject(v) {
		return nil, cdp.ServerError("Prototype should be instance of Object")
	}
	scope := d.iso.Heap.OpenScope()
	defer scope.Close()
	objs := in.QueryObjects(v)
	arr := in.NewArray(nil)
	for _, o := range objs {
		in.PushValue(arr, o.Value())
	}
	r := mirror{in}.wrap(arr.Value(), ss.store, wrapOptions{group: optString(p.ObjectGroup)})
	return &rt.QueryObjectsReturns{Objects: r}, nil
}

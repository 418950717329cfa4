package runtime

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/mailru/easyjson"

	"github.com/sonde-js/sonde/cdp"
	dbg "github.com/sonde-js/sonde/protocol/debugger"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// The Debugger subset DevTools needs to list scripts: enable announces
// every script (again on every enable, as V8 does), getScriptSource, and
// the setters DevTools sends on attach, accepted without effect (there is
// no pausing yet).

func (d *Domain) registerDebugger(reg *cdp.Registry) {
	reg.Handle(dbg.CommandEnable, handle(d, d.debuggerEnable))
	reg.Handle(dbg.CommandDisable, handle(d, func(ss *session, _ *dbg.DisableParams) (easyjson.Marshaler, *cdp.Error) {
		ss.debuggerEnabled = false
		// V8 drops the Debugger agent's async stack depth with it (node
		// 20 shows no parent after Debugger.disable).
		d.setAsyncDepth(ss, true, 0)
		return empty{}, nil
	}))
	reg.Handle(dbg.CommandGetScriptSource, handle(d, func(ss *session, p *dbg.GetScriptSourceParams) (easyjson.Marshaler, *cdp.Error) {
		id, ok := parseScriptID(string(p.ScriptID))
		if src, failed := d.failedSource(id); ok && failed {
			return &dbg.GetScriptSourceReturns{ScriptSource: src}, nil
		}
		if !ok || id > d.in.ScriptCount() || d.internalScripts[id] {
			return nil, cdp.ServerError("No script for id: " + string(p.ScriptID))
		}
		return &dbg.GetScriptSourceReturns{ScriptSource: d.in.Scripts()[id-1].Source}, nil
	}))
	reg.Handle(dbg.CommandSetPauseOnExceptions, handle(d, func(ss *session, p *dbg.SetPauseOnExceptionsParams) (easyjson.Marshaler, *cdp.Error) {
		return empty{}, nil
	}))
	reg.Handle(dbg.CommandSetAsyncCallStackDepth, handle(d, func(ss *session, p *dbg.SetAsyncCallStackDepthParams) (easyjson.Marshaler, *cdp.Error) {
		if !ss.debuggerEnabled && !ss.runtimeEnabled {
			return nil, cdp.ServerError("Debugger agent is not enabled")
		}
		d.setAsyncDepth(ss, true, p.MaxDepth)
		return empty{}, nil
	}))
	reg.Handle(dbg.CommandGetStackTrace, handle(d, d.getStackTrace))
	reg.Handle(dbg.CommandSetBlackboxPatterns, handle(d, func(ss *session, p *dbg.SetBlackboxPatternsParams) (easyjson.Marshaler, *cdp.Error) {
		return empty{}, nil
	}))
	reg.Handle(dbg.CommandSetBreakpointsActive, handle(d, func(ss *session, p *dbg.SetBreakpointsActiveParams) (easyjson.Marshaler, *cdp.Error) {
		return empty{}, nil
	}))
	reg.Handle(dbg.CommandSetSkipAllPauses, handle(d, func(ss *session, p *dbg.SetSkipAllPausesParams) (easyjson.Marshaler, *cdp.Error) {
		return empty{}, nil
	}))
}

// debuggerEnable is Debugger.enable: scriptParsed for every script, then
// the debugger id.
func (d *Domain) debuggerEnable(ss *session, _ *dbg.EnableParams) (easyjson.Marshaler, *cdp.Error) {
	ss.debuggerEnabled = true
	for id := 1; id <= d.in.ScriptCount(); id++ {
		if !d.internalScripts[id] {
			notify(ss, dbg.EventScriptParsed, d.scriptParsed(id))
		}
	}
	for _, f := range d.failed {
		notify(ss, dbg.EventScriptFailedToParse, d.scriptFailedToParse(f))
	}
	return &dbg.EnableReturns{DebuggerID: rt.UniqueDebuggerID(d.debuggerID)}, nil
}

// scriptCompiled is the engine's hook for every new script.
func (d *Domain) scriptCompiled(id int) {
	if d.quiet > 0 {
		d.internalScripts[id] = true
		return
	}
	var ev *dbg.ScriptParsedEvent
	for _, ss := range d.sessions {
		if ss.debuggerEnabled {
			if ev == nil {
				ev = d.scriptParsed(id)
			}
			notify(ss, dbg.EventScriptParsed, ev)
		}
	}
}

// scriptParsed describes script id as V8 does.
func (d *Domain) scriptParsed(id int) *dbg.ScriptParsedEvent {
	s := d.in.Scripts()[id-1]
	u16 := utf16.Encode([]rune(s.Source))
	endLine, endCol := extents(u16)
	u := scriptURL(s.Name)
	f := false
	isModule := d.in.ScriptIsModule(id)
	empty := ""
	lang := dbg.ScriptLanguageJavaScript
	return &dbg.ScriptParsedEvent{
		ScriptID: rt.ScriptID(itoa(id)), URL: u, StartLine: 0, StartColumn: 0,
		EndLine: int64(endLine), EndColumn: int64(endCol), ExecutionContextID: contextID,
		Hash: scriptHash(u16), ExecutionContextAuxData: easyjson.RawMessage(`{"isDefault":true}`),
		IsLiveEdit: &f, SourceMapURL: &empty, HasSourceURL: &f, IsModule: &isModule, Length: ptrInt64(int64(len(u16))),
		ScriptLanguage: &lang, EmbedderName: &u,
	}
}

func ptrInt64(i int64) *int64 { return &i }

// scriptHash is V8's script hash: SHA-256 of the source's bytes, one byte
// per character for Latin-1 sources, else UTF-16 little-endian.
func scriptHash(u16 []uint16) string {
	h := sha256.New()
	oneByte := true
	for _, c := range u16 {
		if c > 0xff {
			oneByte = false
			break
		}
	}
	buf := make([]byte, 0, 2*len(u16))
	for _, c := range u16 {
		if oneByte {
			buf = append(buf, byte(c))
		} else {
			buf = append(buf, byte(c), byte(c>>8))
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// scriptURL is the URL of a script named name: file:// for an absolute
// path, the name itself otherwise ("" for eval code).
func scriptURL(name string) string {
	if filepath.IsAbs(name) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(name)}).String()
	}
	if name == "<anonymous>" {
		return ""
	}
	return name
}

func parseScriptID(s string) (int, bool) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n, n > 0
}

package runtime

import (
	"unicode/utf16"

	"github.com/mailru/easyjson"

	dbg "github.com/sonde-js/sonde/protocol/debugger"
	rt "github.com/sonde-js/sonde/protocol/runtime"
)

// failedScriptBase numbers the sources that failed to parse. The engine
// gives ids only to scripts it compiled; these take ids from a range of
// their own so the two never meet.
const failedScriptBase = 1_000_000

// failedScript is a source that failed to parse, kept for
// Debugger.enable's re-announcement and getScriptSource.
type failedScript struct {
	id     int
	name   string
	source string
	module bool
}

// scriptFailed is the engine's parse-failure hook.
func (d *Domain) scriptFailed(name, source string, module bool) {
	if d.quiet > 0 {
		return
	}
	f := failedScript{id: failedScriptBase + len(d.failed) + 1, name: name, source: source, module: module}
	d.failed = append(d.failed, f)
	d.lastFailedID = f.id
	var ev *dbg.ScriptFailedToParseEvent
	for _, ss := range d.sessions {
		if ss.debuggerEnabled {
			if ev == nil {
				ev = d.scriptFailedToParse(f)
			}
			notify(ss, dbg.EventScriptFailedToParse, ev)
		}
	}
}

// scriptFailedToParse describes a failed source as V8 does.
func (d *Domain) scriptFailedToParse(f failedScript) *dbg.ScriptFailedToParseEvent {
	u16 := utf16.Encode([]rune(f.source))
	endLine, endCol := extents(u16)
	u := scriptURL(f.name)
	no := false
	empty := ""
	n := int64(len(u16))
	lang := dbg.ScriptLanguageJavaScript
	return &dbg.ScriptFailedToParseEvent{
		ScriptID: rt.ScriptID(itoa(f.id)), URL: u, EndLine: int64(endLine), EndColumn: int64(endCol),
		ExecutionContextID: contextID, Hash: scriptHash(u16), ExecutionContextAuxData: easyjson.RawMessage(`{"isDefault":true}`),
		SourceMapURL: &empty, HasSourceURL: &no, IsModule: &f.module, Length: &n, ScriptLanguage: &lang, EmbedderName: &u,
	}
}

// extents returns the last line and column of a source (UTF-16).
func extents(u16 []uint16) (line, col int) {
	for _, c := range u16 {
		if c == '\n' {
			line++
			col = 0
		} else {
			col++
		}
	}
	return line, col
}

// failedSource returns the source of a failed script id.
func (d *Domain) failedSource(id int) (string, bool) {
	i := id - failedScriptBase - 1
	if i < 0 || i >= len(d.failed) {
		return "", false
	}
	return d.failed[i].source, true
}

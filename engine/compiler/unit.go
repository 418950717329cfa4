package compiler

import (
	"github.com/sonde-js/sonde/engine/ast"
	"github.com/sonde-js/sonde/engine/bytecode"
)

// Options select what the compiler emits.
type Options struct {
	// BlockCoverage emits IncBlockCounter at block starts and
	// continuations (precise coverage with detailed: true).
	BlockCoverage bool
}

// Unit is one parsed script kept for lazy compilation: its syntax tree, a
// line index for positions, and the context layouts computed so far (shared
// by every function compiled from it, so they agree).
type Unit struct {
	Prog   *ast.Program
	Lines  *ast.LineIndex
	Source string
	// Eval marks eval code (or a Function constructor's source): its
	// top-level let/const/class bindings live in a context of its own
	// rather than in the realm's script context table.
	Eval bool
	// ImportSlots, for a module, maps each import binding (other than a
	// namespace import) to the slot of the binding it resolves to in the
	// exporting module's context; the import variable's own slot holds
	// that context. The linker fills it before compiling.
	ImportSlots map[*ast.Variable]int
	// Exported marks the module variables that an export names: a store
	// to one notifies the runtime (RtModuleExportChanged).
	Exported map[*ast.Variable]bool
	// CommonJS marks a script compiled as the body of node's module
	// wrapper function (see NewCommonJSUnit); wrapper is the scope of the
	// wrapper's parameters, outside the top level.
	CommonJS bool
	wrapper  *ast.Scope

	// Outer, for direct eval code, is the caller's unit: the scopes
	// enclosing the eval call are its (their layouts come from it).
	Outer *Unit
	// EvalSites lists the scopes of the unit's direct eval calls; a call's
	// RtResolveDirectEval names its index.
	EvalSites   []EvalSite
	outerScopes map[*ast.Scope]bool

	layouts map[*ast.Scope]*scopeLayout
}

// NewUnit wraps a parsed program and its source text.
func NewUnit(prog *ast.Program, source string) *Unit {
	return &Unit{Prog: prog, Lines: ast.NewLineIndex(source), Source: source, layouts: map[*ast.Scope]*scopeLayout{}}
}

// CommonJSParams are the parameters of node's CommonJS module wrapper,
// in order.
var CommonJSParams = []string{"exports", "require", "module", "__filename", "__dirname"}

// NewCommonJSUnit wraps a script parsed with parser.Options.CommonJS as
// node runs a CommonJS module: its top level is a function body (var and
// function declarations are locals, not globals; `this` is the receiver),
// and free references to exports, require, module, __filename and
// __dirname read the wrapper's parameters, which live in the context the
// top-level closure is made with (WrapperSlots gives its layout). Source
// positions stay those of the file: nothing is added to the text.
func NewCommonJSUnit(prog *ast.Program, source string) *Unit {
	u := NewUnit(prog, source)
	u.CommonJS = true
	top := prog.Top.Scope
	top.Kind = ast.ScopeFunction
	w := &ast.Scope{Kind: ast.ScopeFunction, Range: top.Range, Strict: top.Strict}
	for _, name := range CommonJSParams {
		w.Vars = append(w.Vars, &ast.Variable{Name: name, Kind: ast.DeclParam, Scope: w, Captured: true, Index: -1})
	}
	// The wrapper's arguments object, for top-level code (and arrows in
	// it) that reads `arguments`.
	w.Vars = append(w.Vars, &ast.Variable{Name: "arguments", Kind: ast.DeclArguments, Scope: w, Captured: true, Index: -1})
	top.Parent = w
	u.wrapper = w
	return u
}

// WrapperSlots returns the context variable names of a CommonJS unit's
// wrapper scope, in slot order: the parameters, then "arguments".
func (u *Unit) WrapperSlots() []string {
	return u.layout(u.wrapper).names
}

// wrapperVar returns the wrapper parameter a free reference to name means
// in a CommonJS unit, or nil.
func (u *Unit) wrapperVar(name string) *ast.Variable {
	if u.wrapper == nil {
		return nil
	}
	for _, v := range u.wrapper.Vars {
		if v.Name == name {
			return v
		}
	}
	return nil
}

// ModuleIDSlot is the module context slot holding the module's id.
const ModuleIDSlot = objectsContextMinSlots

// ModuleSlots returns the module scope's context variable names (slot
// ModuleIDSlot first) and the slot of each module variable: the layout of
// the module context the linker creates.
func (u *Unit) ModuleSlots() (names []string, slots map[*ast.Variable]int) {
	l := u.layout(u.Prog.Top.Scope)
	return l.names, l.slots
}

// FuncFlags describe a function literal for its SharedFunctionInfo.
type FuncFlags uint32

// Function flags.
const (
	FlagArrow FuncFlags = 1 << iota
	FlagStrict
	FlagGenerator
	FlagAsync
	FlagClassConstructor
	FlagDerived
	// FlagConstructor: the function may be called with new (ordinary
	// functions and classes; not arrows, methods, accessors, generators).
	FlagConstructor
	// FlagMethod: a method, getter, setter or class member initializer.
	FlagMethod
	// FlagTopLevel: the script's top-level code.
	FlagTopLevel
)

// FuncInfo is what a SharedFunctionInfo records about a function literal.
type FuncInfo struct {
	// Name is the value of the function's name property; DebugName is the
	// name stack traces and profiles show (Name, or the inferred name).
	Name, DebugName string
	// Start and End are the literal's source range in UTF-16 units.
	Start, End int
	// Params is the number of formal parameter slots (a rest parameter is
	// not one); Length the value of the length property.
	Params, Length int
	Flags          FuncFlags
	// ExpectedProperties estimates how many properties instances made by
	// new get (`this.x =` assignments and fields), for their initial map.
	ExpectedProperties int
}

// Info describes function literal id.
func (u *Unit) Info(id int) FuncInfo {
	fn := u.Prog.Functions[id]
	fi := FuncInfo{
		Name:  fn.SpecName,
		Start: u.Lines.UTF16(fn.Range.Start),
		End:   u.Lines.UTF16(fn.Range.End),
	}
	if fn.Kind == ast.FuncClassFieldInit && fn.Class != nil && fn == fn.Class.StaticInit {
		start, end := staticInitRange(u.Source, fn.Class)
		fi.Start, fi.End = u.Lines.UTF16(start), u.Lines.UTF16(end)
	}
	fi.DebugName = fn.SpecName
	if fi.DebugName == "" {
		fi.DebugName = fn.InferredName
	}
	for i, p := range fn.Params {
		if p.Rest {
			break
		}
		fi.Params++
		if p.Default.Data == nil && fi.Length == i {
			fi.Length++
		}
	}
	if fn.Strict {
		fi.Flags |= FlagStrict
	}
	if fn.Async {
		fi.Flags |= FlagAsync
	}
	if fn.Generator {
		fi.Flags |= FlagGenerator
	}
	switch fn.Kind {
	case ast.FuncArrow:
		fi.Flags |= FlagArrow
	case ast.FuncNormal:
		if !fn.Async && !fn.Generator {
			fi.Flags |= FlagConstructor
		}
	case ast.FuncClassConstructor:
		fi.Flags |= FlagClassConstructor | FlagConstructor | FlagStrict
		if fn.Derived {
			fi.Flags |= FlagDerived
		}
	case ast.FuncMethod, ast.FuncGetter, ast.FuncSetter, ast.FuncClassFieldInit:
		fi.Flags |= FlagMethod
	case ast.FuncScript, ast.FuncModule:
		if !u.CommonJS {
			fi.Flags |= FlagTopLevel // a CommonJS wrapper is an ordinary function
		}
	}
	if fi.Flags&FlagConstructor != 0 {
		fi.ExpectedProperties = expectedProperties(fn)
	}
	return fi
}

// staticInitRange is the source range V8 gives a class's static
// initializer: from the last static field (or else the first static
// block) to the end of the last static element.
func staticInitRange(src string, c *ast.Class) (start, end ast.Pos) {
	start, end = -1, -1
	firstBlock := ast.Pos(-1)
	for _, m := range c.Members {
		if !m.Static {
			continue
		}
		switch m.Kind {
		case ast.PropertyInit:
			start, end = m.Start, m.End
		case ast.PropertyStaticBlock:
			if firstBlock < 0 {
				firstBlock = m.Start
			}
			end = m.End
		}
	}
	if start < 0 {
		start = firstBlock
	}
	if start < 0 {
		return c.Start, c.End
	}
	// A field's end is that of its initializer, not its semicolon.
	for end > start && (src[end-1] == ';' || src[end-1] == ' ') {
		end--
	}
	return start, end
}

// Compile compiles function literal id of the unit.
func (u *Unit) Compile(id int, opts Options) (*bytecode.Function, error) {
	fn := u.Prog.Functions[id]
	c := newFuncCompiler(u, fn, opts)
	return c.compile()
}

// expectedProperties counts the `this.x = …` assignments in a constructor's
// own body (not in nested functions other than arrows), and the instance
// fields of its class: V8's estimate for in-object slack.
func expectedProperties(fn *ast.Function) int {
	n := 0
	seen := map[string]bool{}
	var visitExpr func(e ast.Expr)
	visitStmt := func(s ast.Stmt) {}
	visitExpr = func(e ast.Expr) {
		walkExpr(e, func(e ast.Expr) bool {
			switch x := e.Data.(type) {
			case *ast.EAssign:
				if m, ok := x.Target.Data.(*ast.BMember); ok {
					if d, ok := m.Value.Data.(*ast.EDot); ok && !d.Private {
						if _, ok := d.Target.Data.(*ast.EThis); ok && !seen[d.Name] {
							seen[d.Name] = true
							n++
						}
					}
				}
			case *ast.EFunction:
				return x.Fn.Kind == ast.FuncArrow
			case *ast.EClass:
				return false
			}
			return true
		})
	}
	_ = visitStmt
	for _, s := range fn.Body {
		walkStmt(s, visitExpr)
	}
	if fn.Class != nil {
		for _, m := range fn.Class.Members {
			if m.Kind == ast.PropertyInit && !m.Static {
				n++
			}
		}
	}
	return n
}

package parser

// T is a token kind.
type T uint8

// The token kinds. Reserved words have their own kinds; contextual
// keywords (let, static, yield, await, async, of, get, set, as, from,
// target, meta) are TIdentifier and the parser checks their text.
const (
	TEOF T = iota
	TIdentifier
	TPrivateName
	TNumber
	TBigInt
	TString
	TNoSubstTemplate // `abc`
	TTemplateHead    // `abc${
	TTemplateMiddle  // }abc${
	TTemplateTail    // }abc`
	TRegExp

	// Punctuators.
	TOpenBrace
	TCloseBrace
	TOpenParen
	TCloseParen
	TOpenBracket
	TCloseBracket
	TDot
	TDotDotDot
	TSemicolon
	TComma
	TQuestion
	TQuestionDot
	TColon
	TArrow
	TLt
	TGt
	TLe
	TGe
	TEq
	TNe
	TStrictEq
	TStrictNe
	TPlus
	TMinus
	TStar
	TSlash
	TPercent
	TStarStar
	TPlusPlus
	TMinusMinus
	TShl
	TShr
	TUShr
	TAmp
	TBar
	TCaret
	TBang
	TTilde
	TAmpAmp
	TBarBar
	TQuestionQuestion
	TAssign
	TPlusAssign
	TMinusAssign
	TStarAssign
	TSlashAssign
	TPercentAssign
	TStarStarAssign
	TShlAssign
	TShrAssign
	TUShrAssign
	TAmpAssign
	TBarAssign
	TCaretAssign
	TAmpAmpAssign
	TBarBarAssign
	TQuestionQuestionAssign

	// Reserved words.
	TBreak
	TCase
	TCatch
	TClass
	TConst
	TContinue
	TDebugger
	TDefault
	TDelete
	TDo
	TElse
	TEnum
	TExport
	TExtends
	TFalse
	TFinally
	TFor
	TFunction
	TIf
	TImport
	TIn
	TInstanceof
	TNew
	TNull
	TReturn
	TSuper
	TSwitch
	TThis
	TThrow
	TTrue
	TTry
	TTypeof
	TVar
	TVoid
	TWhile
	TWith

	numTokens
)

// firstKeyword is the first reserved-word token kind.
const firstKeyword = TBreak

// tokenText is the one table of token spellings, indexed by kind; the
// keyword map below is derived from it.
var tokenText = [numTokens]string{
	TEOF: "end of input", TIdentifier: "identifier", TPrivateName: "private name",
	TNumber: "number", TBigInt: "bigint", TString: "string",
	TNoSubstTemplate: "template string", TTemplateHead: "template string",
	TTemplateMiddle: "template string", TTemplateTail: "template string", TRegExp: "regular expression",
	TOpenBrace: "{", TCloseBrace: "}", TOpenParen: "(", TCloseParen: ")", TOpenBracket: "[",
	TCloseBracket: "]", TDot: ".", TDotDotDot: "...", TSemicolon: ";", TComma: ",",
	TQuestion: "?", TQuestionDot: "?.", TColon: ":", TArrow: "=>", TLt: "<", TGt: ">",
	TLe: "<=", TGe: ">=", TEq: "==", TNe: "!=", TStrictEq: "===", TStrictNe: "!==",
	TPlus: "+", TMinus: "-", TStar: "*", TSlash: "/", TPercent: "%", TStarStar: "**",
	TPlusPlus: "++", TMinusMinus: "--", TShl: "<<", TShr: ">>", TUShr: ">>>", TAmp: "&",
	TBar: "|", TCaret: "^", TBang: "!", TTilde: "~", TAmpAmp: "&&", TBarBar: "||",
	TQuestionQuestion: "??", TAssign: "=", TPlusAssign: "+=", TMinusAssign: "-=",
	TStarAssign: "*=", TSlashAssign: "/=", TPercentAssign: "%=", TStarStarAssign: "**=",
	TShlAssign: "<<=", TShrAssign: ">>=", TUShrAssign: ">>>=", TAmpAssign: "&=",
	TBarAssign: "|=", TCaretAssign: "^=", TAmpAmpAssign: "&&=", TBarBarAssign: "||=",
	TQuestionQuestionAssign: "??=",
	TBreak:                  "break", TCase: "case", TCatch: "catch", TClass: "class", TConst: "const",
	TContinue: "continue", TDebugger: "debugger", TDefault: "default", TDelete: "delete",
	TDo: "do", TElse: "else", TEnum: "enum", TExport: "export", TExtends: "extends",
	TFalse: "false", TFinally: "finally", TFor: "for", TFunction: "function", TIf: "if",
	TImport: "import", TIn: "in", TInstanceof: "instanceof", TNew: "new", TNull: "null",
	TReturn: "return", TSuper: "super", TSwitch: "switch", TThis: "this", TThrow: "throw",
	TTrue: "true", TTry: "try", TTypeof: "typeof", TVar: "var", TVoid: "void",
	TWhile: "while", TWith: "with",
}

// String returns the token's spelling (or a description for literals).
func (t T) String() string { return tokenText[t] }

// keywords maps each reserved word to its kind; derived from tokenText
// once and read-only afterwards.
var keywords = func() map[string]T {
	m := make(map[string]T, numTokens-firstKeyword)
	for t := firstKeyword; t < numTokens; t++ {
		m[tokenText[t]] = t
	}
	return m
}()

// keywordKind returns the reserved-word kind spelled by name, or
// TIdentifier.
func keywordKind(name string) T {
	if len(name) < 2 || len(name) > 10 || name[0] < 'b' || name[0] > 'w' {
		return TIdentifier
	}
	if t, ok := keywords[name]; ok {
		return t
	}
	return TIdentifier
}

// isStrictReserved reports whether name is reserved in strict code only.
func isStrictReserved(name string) bool {
	switch name {
	case "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield":
		return true
	}
	return false
}

package interp

import (
	"github.com/sonde-js/sonde/engine/layout"
)

// Name is a well-known property name or string the engine uses often,
// internalized once per isolate.
type Name int

// The well-known names.
const (
	NameLength Name = iota
	NamePrototype
	NameConstructor
	NameName
	NameMessage
	NameStack
	NameToString
	NameValueOf
	NameNext
	NameDone
	NameValue
	NameReturn
	NameGet
	NameSet
	NameWritable
	NameEnumerable
	NameConfigurable
	NameCallee
	NameCause
	NameToJSON
	NameJoin
	NameUndefined
	NameNull
	NameObject
	NameBoolean
	NameNumber
	NameString
	NameSymbol
	NameFunction
	NameBigInt
	NameTrue
	NameFalse
	NameNaN
	NameInfinity
	NameMinusInfinity
	NameAnonymous
	NameDefault
	NameProto
	NameThis
	NameNewTarget
	NameDotFunction
	NameError
	NameLastIndex
	NameIndex
	NameInput
	NameGroups
	NameIndices
	NameSource
	NameFlags
	NameExec
	NameHasIndices
	NameGlobal
	NameIgnoreCase
	NameMultiline
	NameDotAll
	NameUnicode
	NameUnicodeSets
	NameSticky
	NameThen
	NameResolve
	NameArguments
	NameCaller
	numNames
)

var nameTexts = [numNames]string{
	NameLength:        "length",
	NamePrototype:     "prototype",
	NameConstructor:   "constructor",
	NameName:          "name",
	NameMessage:       "message",
	NameStack:         "stack",
	NameToString:      "toString",
	NameValueOf:       "valueOf",
	NameNext:          "next",
	NameDone:          "done",
	NameValue:         "value",
	NameReturn:        "return",
	NameGet:           "get",
	NameSet:           "set",
	NameWritable:      "writable",
	NameEnumerable:    "enumerable",
	NameConfigurable:  "configurable",
	NameCallee:        "callee",
	NameCause:         "cause",
	NameToJSON:        "toJSON",
	NameJoin:          "join",
	NameUndefined:     "undefined",
	NameNull:          "null",
	NameObject:        "object",
	NameBoolean:       "boolean",
	NameNumber:        "number",
	NameString:        "string",
	NameSymbol:        "symbol",
	NameFunction:      "function",
	NameBigInt:        "bigint",
	NameTrue:          "true",
	NameFalse:         "false",
	NameNaN:           "NaN",
	NameInfinity:      "Infinity",
	NameMinusInfinity: "-Infinity",
	NameAnonymous:     "anonymous",
	NameDefault:       "default",
	NameProto:         "__proto__",
	NameThis:          "this",
	NameNewTarget:     ".new.target",
	NameDotFunction:   ".function",
	NameError:         "Error",
	NameLastIndex:     "lastIndex",
	NameIndex:         "index",
	NameInput:         "input",
	NameGroups:        "groups",
	NameIndices:       "indices",
	NameSource:        "source",
	NameFlags:         "flags",
	NameExec:          "exec",
	NameHasIndices:    "hasIndices",
	NameGlobal:        "global",
	NameIgnoreCase:    "ignoreCase",
	NameMultiline:     "multiline",
	NameDotAll:        "dotAll",
	NameUnicode:       "unicode",
	NameUnicodeSets:   "unicodeSets",
	NameSticky:        "sticky",
	NameThen:          "then",
	NameResolve:       "resolve",
	NameArguments:     "arguments",
	NameCaller:        "caller",
}

func (in *Interp) setUpNames() {
	for i := range in.names {
		scope := in.h.OpenScope()
		in.names[i] = in.f.InternalizeGo(nameTexts[i]).Value()
		scope.Close()
	}
}

// Name returns the internalized string of a well-known name.
func (in *Interp) Name(n Name) layout.Value { return in.names[n] }

// Package compiler turns the syntax tree of one function literal into
// bytecode (package bytecode), lazily: a script's top level compiles first;
// each nested function literal compiles on its first call, from the syntax
// tree kept in Go memory (a Unit per script), so nothing is parsed twice.
//
// Variables live in registers unless a closure captures them; captured
// variables live in context slots, laid out per scope deterministically so
// that a function compiled later (or recompiled with block counters) finds
// its free variables where the enclosing function put them. Top-level var
// and function declarations of a script are properties of the global object;
// its let, const and class declarations live in the script's context.
//
// Inside `with` and where a sloppy direct eval may declare vars, names
// resolve at run time by name (dynamic.go); direct eval code compiles as a
// unit nested in its caller's syntax tree (NewEvalUnit).
package compiler

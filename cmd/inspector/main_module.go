package main

import (
	"github.com/sonde-js/sonde/engine"
)

// runMain runs the program's main file as node does (engine.RunMain): an
// .mjs file or a .js file of a "type": "module" package as an ES module,
// anything else as a CommonJS module.
func runMain(iso *engine.Isolate, path, _ string) error {
	return iso.RunMain(path)
}

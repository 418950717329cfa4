package main

import (
	"strings"

	"github.com/sonde-js/sonde/engine"
)

// runMain runs the program's main file as node does: an .mjs file as an ES
// module, anything else as a script.
func runMain(iso *engine.Isolate, path, src string) error {
	if strings.HasSuffix(path, ".mjs") {
		return iso.RunModuleSource(stripHashbang(src), engine.FileURL(path))
	}
	_, err := iso.RunScript(stripHashbang(src), path)
	return err
}

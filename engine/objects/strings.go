package objects

import "github.com/sonde-js/sonde/engine/layout"

// stringState is the factory's string machinery: the string table.
type stringState struct {
	// readOnly lists the internalized strings made during bootstrap.
	readOnly []layout.Value
}

func (f *Factory) setUpStrings() {}

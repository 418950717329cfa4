package objects

// functionState is the factory's state for the function-side types.
type functionState struct{}

func (f *Factory) setUpFunctions() {}

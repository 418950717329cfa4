package objects

// objectState is the factory's object-model state: maps and transitions.
type objectState struct{}

func (f *Factory) setUpObjects() {}

package test262

import "fmt"

// StrictPrefix is what the Strict variant puts before a test's source
// (INTERPRETING.md, "Strict Mode").
const StrictPrefix = "\"use strict\";\n"

// Variants lists the ways a test must run, per its flags: module tests
// (raw or not) and raw tests once as such, onlyStrict and noStrict tests once in that mode, and
// every other test twice, non-strict then strict.
func Variants(m *Metadata) []Variant {
	switch {
	case m.HasFlag(FlagModule): // with or without raw
		return []Variant{Module}
	case m.HasFlag(FlagRaw):
		return []Variant{Raw}
	case m.HasFlag(FlagOnlyStrict):
		return []Variant{Strict}
	case m.HasFlag(FlagNoStrict):
		return []Variant{NonStrict}
	}
	return []Variant{NonStrict, Strict}
}

// PreludeNames lists the harness files to evaluate before a test, in order:
// assert.js and sta.js, then doneprintHandle.js for async tests, then the
// test's includes in the order given. Raw tests get none. A file named
// twice is evaluated once, at its first place.
func PreludeNames(m *Metadata) []string {
	if m.HasFlag(FlagRaw) {
		return nil
	}
	names := []string{"assert.js", "sta.js"}
	if m.HasFlag(FlagAsync) {
		names = append(names, "doneprintHandle.js")
	}
	for _, inc := range m.Includes {
		if !contains(names, inc) {
			names = append(names, inc)
		}
	}
	return names
}

// Plan builds the jobs that run test t, one per variant.
func Plan(t *Test, h *Harness) ([]*Job, error) {
	var prelude []SourceFile
	for _, name := range PreludeNames(t.Meta) {
		f, err := h.File(name)
		if err != nil {
			return nil, fmt.Errorf("plan %s: %w", t.Path, err)
		}
		prelude = append(prelude, f)
	}
	uses, props := requirements(t, prelude)
	var jobs []*Job
	for _, v := range Variants(t.Meta) {
		src := t.Source
		if v == Strict {
			src = StrictPrefix + src
		}
		jobs = append(jobs, &Job{
			Test:    t,
			Variant: v,
			Prelude: prelude,
			Source:  src,
			File:    t.File,
			Module:  v == Module,
			Async:   t.Meta.HasFlag(FlagAsync),
			Uses262: uses,
			Host262: props,
		})
	}
	return jobs, nil
}

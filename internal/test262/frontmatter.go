package test262

import (
	"fmt"
	"strings"
)

// Metadata is a test's frontmatter: the YAML block between "/*---" and
// "---*/" that says how the test must be run and judged.
type Metadata struct {
	Description string
	Info        string
	ESID        string
	Author      string
	// Includes are harness/ files to evaluate before the test, in order.
	Includes []string
	// Flags are the test's flags (onlyStrict, noStrict, module, raw, async,
	// CanBlockIsFalse, CanBlockIsTrue, non-deterministic, generated).
	Flags []string
	// Features are the language features the test exercises (features.txt).
	Features []string
	// Locale lists language tags the test depends on (ECMA-402 tests).
	Locale []string
	// Negative, when set, says the test must throw Type in Phase.
	Negative *Negative
}

// Negative is the expected failure of a negative test.
type Negative struct {
	// Phase is PhaseParse, PhaseResolution or PhaseRuntime.
	Phase Phase
	// Type is the name of the constructor of the expected error.
	Type string
}

// Test flags, as spelled in frontmatter.
const (
	FlagOnlyStrict       = "onlyStrict"
	FlagNoStrict         = "noStrict"
	FlagModule           = "module"
	FlagRaw              = "raw"
	FlagAsync            = "async"
	FlagCanBlockIsFalse  = "CanBlockIsFalse"
	FlagCanBlockIsTrue   = "CanBlockIsTrue"
	FlagNonDeterministic = "non-deterministic"
)

// HasFlag reports whether the test carries flag.
func (m *Metadata) HasFlag(flag string) bool { return contains(m.Flags, flag) }

// HasFeature reports whether the test is tagged with feature.
func (m *Metadata) HasFeature(feature string) bool { return contains(m.Features, feature) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ParseMetadata finds the frontmatter in a test's source and parses it.
func ParseMetadata(source string) (*Metadata, error) {
	start := strings.Index(source, "/*---")
	if start < 0 {
		return nil, fmt.Errorf("no frontmatter (/*--- … ---*/)")
	}
	body := source[start+len("/*---"):]
	end := strings.Index(body, "---*/")
	if end < 0 {
		return nil, fmt.Errorf("frontmatter not closed (missing ---*/)")
	}
	doc, err := parseYAML(body[:end])
	if err != nil {
		return nil, fmt.Errorf("frontmatter: %w", err)
	}
	return metadataFrom(doc)
}

// metadataFrom picks the keys the runner uses out of a parsed frontmatter
// document and checks their shapes.
func metadataFrom(doc map[string]yamlValue) (*Metadata, error) {
	m := &Metadata{}
	var err error
	str := func(key string) string {
		v, ok := doc[key]
		if !ok || err != nil {
			return ""
		}
		if v.kind != yamlScalar {
			err = fmt.Errorf("frontmatter: %s: want a string", key)
		}
		return v.scalar
	}
	list := func(key string) []string {
		v, ok := doc[key]
		if !ok || err != nil {
			return nil
		}
		switch v.kind {
		case yamlList:
			return v.list
		case yamlScalar:
			// "flags: onlyStrict" is a one-item list in spirit.
			if v.scalar == "" {
				return nil
			}
			return []string{v.scalar}
		}
		err = fmt.Errorf("frontmatter: %s: want a list", key)
		return nil
	}
	m.Description = str("description")
	m.Info = str("info")
	m.ESID = str("esid")
	m.Author = str("author")
	m.Includes = list("includes")
	m.Flags = list("flags")
	m.Features = list("features")
	m.Locale = list("locale")
	if err != nil {
		return nil, err
	}
	if v, ok := doc["negative"]; ok {
		if v.kind != yamlMap {
			return nil, fmt.Errorf("frontmatter: negative: want a mapping with phase and type")
		}
		n := &Negative{Phase: Phase(v.mapping["phase"]), Type: v.mapping["type"]}
		switch n.Phase {
		case PhaseParse, PhaseResolution, PhaseRuntime:
		default:
			return nil, fmt.Errorf("frontmatter: negative: unknown phase %q", n.Phase)
		}
		if n.Type == "" {
			return nil, fmt.Errorf("frontmatter: negative: missing type")
		}
		m.Negative = n
	}
	return m, nil
}

package test262

import (
	"fmt"
	"sort"
	"strings"
)

// SkipList names what Sonde does not target: tests of those features, or
// under those directories, are reported as skipped with the reason given and
// left out of pass rates. It is a list of scope decisions, never of failing
// tests: a test that fails stays failing until the engine is fixed.
type SkipList struct {
	// Features maps a test262 feature flag to the reason it is skipped.
	Features map[string]string
	// FeaturePrefixes maps a feature-name prefix to the reason every
	// feature starting with it is skipped (for families such as "Intl.").
	FeaturePrefixes map[string]string
	// Paths maps a path prefix ("test/intl402/") to the reason every test
	// under it is skipped.
	Paths map[string]string
}

// Reasons shared by several entries.
const (
	reasonIntl     = "ECMA-402 (Intl): Sonde implements ECMA-262 only"
	reasonTemporal = "Temporal: a very large separate API, not in Sonde's scope yet"
	reasonStage3   = "unfinished TC39 proposal, not in a published ECMA-262"
)

// DefaultSkipList is Sonde's skip list. Every entry is a feature of
// test262's features.txt (or a directory holding only such tests) with the
// reason it is out of scope.
func DefaultSkipList() *SkipList {
	return &SkipList{
		Features: map[string]string{
			// Internationalization (ECMA-402), and features that only
			// exist for it.
			"Intl-enumeration":        reasonIntl,
			"intl-normative-optional": reasonIntl,
			"canonical-tz":            "time zone canonicalization for Intl and Temporal: " + reasonIntl,
			// Temporal.
			"Temporal": reasonTemporal,
			// Unfinished proposals (features.txt, "Proposed language
			// features").
			"ShadowRealm":                        "ShadowRealm: " + reasonStage3,
			"decorators":                         "decorators: " + reasonStage3,
			"legacy-regexp":                      "RegExp legacy static properties (RegExp.$1…): " + reasonStage3,
			"source-phase-imports":               "source phase imports (import source x): " + reasonStage3,
			"source-phase-imports-module-source": "source phase imports' <module source> specifier: " + reasonStage3,
			"import-defer":                       "deferred import evaluation (import defer): " + reasonStage3,
			"export-defer":                       "deferred re-exports (export defer): " + reasonStage3,
			"import-text":                        "text module imports (with {type: 'text'}): " + reasonStage3,
			"import-bytes":                       "bytes module imports (with {type: 'bytes'}): " + reasonStage3,
			"immutable-arraybuffer":              "immutable ArrayBuffers: " + reasonStage3,
			"nonextensible-applies-to-private":   "non-extensible objects rejecting private fields: " + reasonStage3,
			"await-dictionary":                   "Promise.allKeyed and friends (await dictionary): " + reasonStage3,
			"error-stack-accessor":               "Error.prototype.stack accessor: " + reasonStage3,
			"Iterator.prototype.join":            "Iterator.prototype.join: " + reasonStage3,
			"explicit-resource-management":       "using declarations, DisposableStack, SuppressedError: " + reasonStage3,
			"joint-iteration":                    "Iterator.zip and Iterator.zipKeyed: " + reasonStage3,
		},
		FeaturePrefixes: map[string]string{
			"Intl.": reasonIntl, // Intl.Segmenter, Intl.DisplayNames, Intl.Era-monthcode, …
		},
		Paths: map[string]string{
			"test/intl402/":                        reasonIntl,
			"test/staging/intl402/":                reasonIntl,
			"test/built-ins/Temporal/":             reasonTemporal,
			"test/staging/Temporal/":               reasonTemporal,
			"test/built-ins/ShadowRealm/":          "ShadowRealm: " + reasonStage3,
			"test/built-ins/AbstractModuleSource/": "source phase imports: " + reasonStage3,
		},
	}
}

// Reason returns why t is skipped, or "" if it is not.
func (s *SkipList) Reason(t *Test) string {
	if s == nil {
		return ""
	}
	for _, prefix := range sortedKeys(s.Paths) {
		if strings.HasPrefix(t.Path, prefix) {
			return fmt.Sprintf("skip list: %s (%s)", s.Paths[prefix], prefix)
		}
	}
	for _, f := range t.Meta.Features {
		if r, ok := s.Features[f]; ok {
			return fmt.Sprintf("skip list: feature %s: %s", f, r)
		}
		for _, prefix := range sortedKeys(s.FeaturePrefixes) {
			if strings.HasPrefix(f, prefix) {
				return fmt.Sprintf("skip list: feature %s: %s", f, s.FeaturePrefixes[prefix])
			}
		}
	}
	return ""
}

// HostReason returns why a job cannot run on an engine with caps, or "" if
// it can: a $262 property the engine lacks, or a [[CanBlock]] mismatch.
func HostReason(job *Job, caps Capabilities) string {
	for _, p := range job.Host262 {
		if !caps.Has(p) {
			return fmt.Sprintf("host: needs $262.%s, which the engine does not provide", p)
		}
	}
	m := job.Test.Meta
	if m.HasFlag(FlagCanBlockIsTrue) && !caps.CanBlock {
		return "host: needs an agent that can block (CanBlockIsTrue)"
	}
	if m.HasFlag(FlagCanBlockIsFalse) && caps.CanBlock {
		return "host: needs an agent that cannot block (CanBlockIsFalse)"
	}
	return ""
}

// Describe lists the skip list, one entry per line, for -h output and
// documentation.
func (s *SkipList) Describe() string {
	var b strings.Builder
	for _, k := range sortedKeys(s.Paths) {
		fmt.Fprintf(&b, "  path %s: %s\n", k, s.Paths[k])
	}
	for _, k := range sortedKeys(s.FeaturePrefixes) {
		fmt.Fprintf(&b, "  features %s*: %s\n", k, s.FeaturePrefixes[k])
	}
	for _, k := range sortedKeys(s.Features) {
		fmt.Fprintf(&b, "  feature %s: %s\n", k, s.Features[k])
	}
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

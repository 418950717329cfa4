package test262

import (
	"strings"
	"testing"
)

func TestSkipListReason(t *testing.T) {
	s := DefaultSkipList()
	for _, tc := range []struct {
		path, meta string
		want       string // substring of the reason; "" means not skipped
	}{
		{"test/language/a.js", "", ""},
		{"test/language/a.js", "features: [Symbol, BigInt]\n", ""},
		{"test/intl402/Collator/a.js", "", "ECMA-402"},
		{"test/built-ins/Temporal/Now/a.js", "", "Temporal"},
		{"test/built-ins/Date/a.js", "features: [Temporal]\n", "feature Temporal"},
		{"test/language/expressions/a.js", "features: [class, decorators]\n", "feature decorators"},
		{"test/built-ins/Array/a.js", "features: [Intl.Segmenter]\n", "feature Intl.Segmenter"},
		{"test/built-ins/ShadowRealm/a.js", "", "ShadowRealm"},
		// Finished features are never skipped, even those V8 lacks.
		{"test/language/statements/a.js", "features: [tail-call-optimization]\n", ""},
	} {
		tt := mustTest(t, tc.path, header(tc.meta, ""))
		got := s.Reason(tt)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s %q: reason %q, want %q", tc.path, tc.meta, got, tc.want)
		}
	}
	var nilList *SkipList
	if r := nilList.Reason(mustTest(t, "test/intl402/a.js", header("", ""))); r != "" {
		t.Errorf("nil skip list skipped: %q", r)
	}
}

func TestSkipListEntriesHaveReasons(t *testing.T) {
	s := DefaultSkipList()
	for name, m := range map[string]map[string]string{"features": s.Features, "prefixes": s.FeaturePrefixes, "paths": s.Paths} {
		for k, reason := range m {
			if strings.TrimSpace(reason) == "" {
				t.Errorf("%s %s: no reason", name, k)
			}
		}
	}
	if d := s.Describe(); !strings.Contains(d, "feature decorators:") || !strings.Contains(d, "path test/intl402/:") {
		t.Errorf("Describe misses entries:\n%s", d)
	}
}

func TestHostReason(t *testing.T) {
	job := func(meta string, props ...string) *Job {
		return &Job{Test: mustTest(t, "t.js", header(meta, "")), Host262: props}
	}
	caps := Capabilities{Host262: []string{Host262CreateRealm, Host262EvalScript}, CanBlock: true}
	for _, tc := range []struct {
		job  *Job
		want string
	}{
		{job(""), ""},
		{job("", Host262CreateRealm, Host262EvalScript), ""},
		{job("", Host262CreateRealm, Host262Agent), "$262.agent"},
		{job("flags: [CanBlockIsTrue]\n"), ""},
		{job("flags: [CanBlockIsFalse]\n"), "cannot block"},
	} {
		got := HostReason(tc.job, caps)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%v: %q, want %q", tc.job.Host262, got, tc.want)
		}
	}
	if got := HostReason(job("flags: [CanBlockIsTrue]\n"), Capabilities{}); !strings.Contains(got, "can block") {
		t.Errorf("CanBlockIsTrue on a non-blocking agent: %q", got)
	}
}

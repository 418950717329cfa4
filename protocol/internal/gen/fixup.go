package main

import (
	"fmt"
	"strings"
)

// A fixup is one deliberate deviation from the official definition, applied
// after extensions.json is merged, with the reason for it. This list is the
// only place the definition is changed; protocol/doc.go repeats it for
// readers of the package. A fix-up fails when what it changes is gone or
// already as wanted, so a version bump cannot leave a stale one behind.
type fixup struct {
	what  string // the change, naming the member ("Domain.item member")
	why   string
	apply func(p *Protocol) error
}

var fixups = []fixup{
	{
		what: "Runtime.getHeapUsage returns embedderHeapUsedSize and backingStorageSize: optional",
		why: "added to the definition as required after V8 11.3 (node 20's); node 20 answers with " +
			"usedSize and totalSize only (protocol/testdata/transcripts/memory-snapshot.jsonl), and DevTools works without them",
		apply: func(p *Protocol) error {
			return optional(p, "Runtime.getHeapUsage returns", "embedderHeapUsedSize", "backingStorageSize")
		},
	},
	{
		what: "Debugger.scriptParsed and Debugger.scriptFailedToParse parameter buildId: optional",
		why: "added to the definition as required after V8 11.3; node 20 does not send it " +
			"(protocol/testdata/transcripts/attach.jsonl), and DevTools works without it",
		apply: func(p *Protocol) error {
			if err := optional(p, "Debugger.scriptParsed parameters", "buildId"); err != nil {
				return err
			}
			return optional(p, "Debugger.scriptFailedToParse parameters", "buildId")
		},
	},
}

// applyFixups applies every fix-up in order.
func applyFixups(p *Protocol) error {
	for _, f := range fixups {
		if err := f.apply(p); err != nil {
			return fmt.Errorf("fix-up %q (%s): %w", f.what, f.why, err)
		}
	}
	return nil
}

// optional marks members of an item optional. where is "Domain.item list"
// with list one of properties (of a type), parameters (of a command or an
// event) or returns (of a command).
func optional(p *Protocol, where string, names ...string) error {
	list, err := members(p, where)
	if err != nil {
		return err
	}
	for _, n := range names {
		m := member(*list, n)
		if m == nil {
			return fmt.Errorf("%s has no %s", where, n)
		}
		if m.Optional {
			return fmt.Errorf("%s %s is optional already", where, n)
		}
		m.Optional = true
	}
	return nil
}

// members finds the member list named by where ("Domain.item list").
func members(p *Protocol, where string) (*[]*Item, error) {
	path, list, ok := strings.Cut(where, " ")
	dom, name, ok2 := strings.Cut(path, ".")
	if !ok || !ok2 {
		return nil, fmt.Errorf("bad member path %q", where)
	}
	d := p.domain(dom)
	if d == nil {
		return nil, fmt.Errorf("no domain %s", dom)
	}
	switch list {
	case "properties":
		if t := d.typ(name); t != nil {
			return &t.Properties, nil
		}
	case "parameters":
		if c := d.command(name); c != nil {
			return &c.Parameters, nil
		}
		if e := d.event(name); e != nil {
			return &e.Parameters, nil
		}
	case "returns":
		if c := d.command(name); c != nil {
			return &c.Returns, nil
		}
	default:
		return nil, fmt.Errorf("bad member list %q", list)
	}
	return nil, fmt.Errorf("no %s with %s", path, list)
}

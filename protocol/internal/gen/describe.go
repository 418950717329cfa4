package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"strings"
)

// describeJSON renders the merged definition as served at /json/protocol:
// {"version":…,"domains":[…]}, compact, one domain header and one type,
// command or event per line so that a version bump diffs readably.
func describeJSON(p *Protocol) ([]byte, error) {
	var b bytes.Buffer
	v, err := marshal(p.Version)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, `{"version":%s,"domains":[`, v)
	for i, d := range p.Domains {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		head := *d
		head.Types, head.Commands, head.Events = nil, nil, nil
		h, err := marshal(&head)
		if err != nil {
			return nil, err
		}
		b.Write(h[:len(h)-1]) // without the closing brace
		if err := list(&b, "types", d.Types); err != nil {
			return nil, err
		}
		if err := list(&b, "commands", d.Commands); err != nil {
			return nil, err
		}
		if err := list(&b, "events", d.Events); err != nil {
			return nil, err
		}
		b.WriteByte('}')
	}
	b.WriteString("\n]}\n")
	if !json.Valid(b.Bytes()) {
		return nil, fmt.Errorf("description: invalid JSON")
	}
	return b.Bytes(), nil
}

// list writes ,"key":[item,\nitem…] when items is not empty.
func list[T any](b *bytes.Buffer, key string, items []T) error {
	if len(items) == 0 {
		return nil
	}
	fmt.Fprintf(b, `,%q:[`, key)
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		m, err := marshal(it)
		if err != nil {
			return err
		}
		b.Write(m)
	}
	b.WriteByte(']')
	return nil
}

// marshal is json.Marshal without HTML escaping and without the newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// descriptionFile is the Go file holding the description and the versions.
func descriptionFile(p *Protocol, desc []byte) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("package protocol\n\n")
	fmt.Fprintf(&b, "// DefinitionVersion is the version of the %s npm package the generated\n", definitionPackage)
	b.WriteString("// code and Description come from.\n")
	fmt.Fprintf(&b, "const DefinitionVersion = %q\n\n", definitionVersion)
	b.WriteString("// Version is the protocol version the definition declares, as /json/version\n")
	b.WriteString("// reports it (\"Protocol-Version\").\n")
	fmt.Fprintf(&b, "const Version = %q\n\n", p.Version.Major+"."+p.Version.Minor)
	b.WriteString("// description is the definition of the served domains with Sonde's\n")
	b.WriteString("// extensions and fix-ups applied, as JSON.\n")
	b.WriteString("const description = " + rawString(string(desc)) + "\n")
	return format.Source(b.Bytes())
}

// rawString quotes s as Go raw string literals, joining around backquotes.
func rawString(s string) string {
	parts := strings.Split(s, "`")
	for i, p := range parts {
		parts[i] = "`" + p + "`"
	}
	return strings.Join(parts, " + \"`\" + ")
}

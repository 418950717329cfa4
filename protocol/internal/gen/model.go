package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// The model mirrors the JSON form of the protocol definition
// (json/js_protocol.json in the devtools-protocol package) key for key.
// Decoding is strict: a key the model does not know stops the generator,
// so a new construct in a future definition is noticed rather than dropped.
// The field order of each struct is the key order of the description the
// generator writes for /json/protocol.

// Protocol is a whole definition: a version and its domains.
type Protocol struct {
	Version Version   `json:"version"`
	Domains []*Domain `json:"domains"`
}

// Version is the protocol version ("1.3").
type Version struct {
	Major string `json:"major"`
	Minor string `json:"minor"`
}

// Domain is one domain: its types, commands and events.
type Domain struct {
	Domain       string     `json:"domain"`
	Description  string     `json:"description,omitempty"`
	Experimental bool       `json:"experimental,omitempty"`
	Deprecated   bool       `json:"deprecated,omitempty"`
	Dependencies []string   `json:"dependencies,omitempty"`
	Types        []*Item    `json:"types,omitempty"`
	Commands     []*Command `json:"commands,omitempty"`
	Events       []*Event   `json:"events,omitempty"`
}

// Item is a named type (ID set), a property of an object type, a parameter
// or a return value (Name set), or the element type of an array (neither).
type Item struct {
	ID           string   `json:"id,omitempty"`
	Name         string   `json:"name,omitempty"`
	Description  string   `json:"description,omitempty"`
	Experimental bool     `json:"experimental,omitempty"`
	Deprecated   bool     `json:"deprecated,omitempty"`
	Optional     bool     `json:"optional,omitempty"`
	Type         string   `json:"type,omitempty"`
	Ref          string   `json:"$ref,omitempty"`
	Enum         []string `json:"enum,omitempty"`
	Items        *Item    `json:"items,omitempty"`
	Properties   []*Item  `json:"properties,omitempty"`
	// AdditionalProperties gives the value type of a string-keyed map
	// ("type": "object" without properties). The official definition never
	// uses it; extensions.json does, for heap-profile label sets.
	AdditionalProperties *Item `json:"additionalProperties,omitempty"`
}

// Command is a method a client calls.
type Command struct {
	Name         string  `json:"name"`
	Description  string  `json:"description,omitempty"`
	Experimental bool    `json:"experimental,omitempty"`
	Deprecated   bool    `json:"deprecated,omitempty"`
	Redirect     string  `json:"redirect,omitempty"`
	Parameters   []*Item `json:"parameters,omitempty"`
	Returns      []*Item `json:"returns,omitempty"`
}

// Event is a notification the server sends.
type Event struct {
	Name         string  `json:"name"`
	Description  string  `json:"description,omitempty"`
	Experimental bool    `json:"experimental,omitempty"`
	Deprecated   bool    `json:"deprecated,omitempty"`
	Parameters   []*Item `json:"parameters,omitempty"`
}

// decodeStrict decodes one JSON document into v, rejecting unknown keys
// and trailing data.
func decodeStrict(name string, data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if dec.More() {
		return fmt.Errorf("%s: trailing data after the JSON document", name)
	}
	return nil
}

// domain returns the domain named name, or nil.
func (p *Protocol) domain(name string) *Domain {
	for _, d := range p.Domains {
		if d.Domain == name {
			return d
		}
	}
	return nil
}

// typ returns the named type id of d, or nil.
func (d *Domain) typ(id string) *Item {
	for _, t := range d.Types {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// command returns the command name of d, or nil.
func (d *Domain) command(name string) *Command {
	for _, c := range d.Commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// event returns the event name of d, or nil.
func (d *Domain) event(name string) *Event {
	for _, e := range d.Events {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// member returns the property, parameter or return value called name in
// list, or nil.
func member(list []*Item, name string) *Item {
	for _, p := range list {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// resolve returns the domain and the named type a $ref from domain from
// points to ("Type" or "Domain.Type").
func (p *Protocol) resolve(from *Domain, ref string) (*Domain, *Item, error) {
	dom, id := from, ref
	if i := strings.IndexByte(ref, '.'); i >= 0 {
		dom = p.domain(ref[:i])
		id = ref[i+1:]
		if dom == nil {
			return nil, nil, fmt.Errorf("$ref %q: domain %s is not generated", ref, ref[:i])
		}
	}
	t := dom.typ(id)
	if t == nil {
		return nil, nil, fmt.Errorf("$ref %q: no such type in %s", ref, dom.Domain)
	}
	return dom, t, nil
}

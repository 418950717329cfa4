package main

import (
	"fmt"
)

// Extensions is the form of protocol/extensions.json: domains written like
// those of the official definition, merged into it by name.
//
//   - A type, command or event whose name the domain does not have is added
//     whole; it must be marked experimental and described.
//   - One whose name exists augments it: it may carry only its id or name
//     and new members (properties of an object type; parameters or returns
//     of a command; parameters of an event). Each new member must be
//     optional (so what node sends stays valid), experimental, described,
//     and must not exist already.
//
// Nothing can be removed or changed that way; fix-ups (fixup.go) do that.
type Extensions struct {
	// Description says what the file is; it is not served.
	Description string    `json:"description"`
	Domains     []*Domain `json:"domains"`
}

// merge applies ext to p.
func merge(p *Protocol, ext *Extensions) error {
	for _, ed := range ext.Domains {
		d := p.domain(ed.Domain)
		if d == nil {
			return fmt.Errorf("extensions: domain %s is not generated", ed.Domain)
		}
		if ed.Description != "" || ed.Experimental || ed.Deprecated || ed.Dependencies != nil {
			return fmt.Errorf("extensions: %s: only types, commands and events can be extended", ed.Domain)
		}
		for _, et := range ed.Types {
			where := ed.Domain + "." + et.ID
			t := d.typ(et.ID)
			if t == nil {
				if err := checkNew(where, et.Experimental, et.Description); err != nil {
					return err
				}
				d.Types = append(d.Types, et)
				continue
			}
			if et.Description != "" || et.Experimental || et.Deprecated || et.Optional || et.Type != "" ||
				et.Ref != "" || et.Enum != nil || et.Items != nil || et.AdditionalProperties != nil {
				return fmt.Errorf("extensions: %s exists: only properties can be added to it", where)
			}
			if t.Type != "object" || t.Properties == nil {
				return fmt.Errorf("extensions: %s is not an object type with properties", where)
			}
			props, err := addMembers(where, t.Properties, et.Properties)
			if err != nil {
				return err
			}
			t.Properties = props
		}
		for _, ec := range ed.Commands {
			where := ed.Domain + "." + ec.Name
			c := d.command(ec.Name)
			if c == nil {
				if err := checkNew(where, ec.Experimental, ec.Description); err != nil {
					return err
				}
				d.Commands = append(d.Commands, ec)
				continue
			}
			if ec.Description != "" || ec.Experimental || ec.Deprecated || ec.Redirect != "" {
				return fmt.Errorf("extensions: %s exists: only parameters and returns can be added to it", where)
			}
			var err error
			if c.Parameters, err = addMembers(where+" parameters", c.Parameters, ec.Parameters); err != nil {
				return err
			}
			if c.Returns, err = addMembers(where+" returns", c.Returns, ec.Returns); err != nil {
				return err
			}
		}
		for _, ee := range ed.Events {
			where := ed.Domain + "." + ee.Name
			e := d.event(ee.Name)
			if e == nil {
				if err := checkNew(where, ee.Experimental, ee.Description); err != nil {
					return err
				}
				d.Events = append(d.Events, ee)
				continue
			}
			if ee.Description != "" || ee.Experimental || ee.Deprecated {
				return fmt.Errorf("extensions: %s exists: only parameters can be added to it", where)
			}
			var err error
			if e.Parameters, err = addMembers(where+" parameters", e.Parameters, ee.Parameters); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkNew(where string, experimental bool, description string) error {
	if !experimental {
		return fmt.Errorf("extensions: %s: an addition must be marked experimental", where)
	}
	if description == "" {
		return fmt.Errorf("extensions: %s: an addition must be described", where)
	}
	return nil
}

// addMembers appends added to list after checking each.
func addMembers(where string, list, added []*Item) ([]*Item, error) {
	for _, m := range added {
		if member(list, m.Name) != nil {
			return nil, fmt.Errorf("extensions: %s: %s exists already", where, m.Name)
		}
		if err := checkNew(where+"."+m.Name, m.Experimental, m.Description); err != nil {
			return nil, err
		}
		if !m.Optional {
			return nil, fmt.Errorf("extensions: %s.%s: a member added to an existing item must be optional", where, m.Name)
		}
		list = append(list, m)
	}
	return list, nil
}

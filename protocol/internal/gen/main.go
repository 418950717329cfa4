// Command sondegen generates Sonde's CDP protocol packages: one Go package
// per served domain under protocol/, their easyjson marshalers, and
// protocol/description.go (the definition served at /json/protocol).
//
// It is run by `go generate ./protocol/...` (the directive sits in
// protocol/doc.go) from the protocol directory:
//
//  1. fetch the pinned devtools-protocol package from the npm registry
//     (fetch.go: version and integrity pinned there; cached in the user
//     cache directory; -tarball uses a local copy instead);
//  2. decode json/js_protocol.json and json/browser_protocol.json strictly
//     and keep the served domains (servedDomains);
//  3. merge protocol/extensions.json (merge.go), apply the fix-ups
//     (fixup.go);
//  4. write each domain's types.go, commands.go and events.go (emit.go),
//     then run easyjson on each package in dependency order and rewrite its
//     float output (easyjson.go);
//  5. write protocol/description.go (describe.go).
//
// Nothing of the package itself is written to the repository.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// servedDomains are the domains Sonde serves: the V8 (js_protocol) domains
// node serves. Each becomes package protocol/<lower-case name>.
var servedDomains = []string{"Console", "Debugger", "HeapProfiler", "Profiler", "Runtime", "Schema"}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "sondegen:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := flag.String("dir", ".", "the protocol directory (where extensions.json is)")
	tarball := flag.String("tarball", "", "read the pinned package from this .tgz instead of the registry (its integrity is checked)")
	registry := flag.String("registry", "https://registry.npmjs.org", "npm registry to fetch the pinned package from")
	skipEasyjson := flag.Bool("skip-easyjson", false, "write the Go declarations only (for debugging the generator)")
	flag.Parse()

	modPath, err := importPath(*dir)
	if err != nil {
		return err
	}
	p, err := load(*tarball, *registry)
	if err != nil {
		return err
	}
	extData, err := os.ReadFile(filepath.Join(*dir, "extensions.json"))
	if err != nil {
		return err
	}
	var ext Extensions
	if err := decodeStrict("extensions.json", extData, &ext); err != nil {
		return err
	}
	if err := merge(p, &ext); err != nil {
		return err
	}
	if err := applyFixups(p); err != nil {
		return err
	}
	order, err := dependencyOrder(p)
	if err != nil {
		return err
	}

	for _, d := range order {
		files, err := newEmitter(p, d, modPath).generate()
		if err != nil {
			return err
		}
		pkgDir := filepath.Join(*dir, packageName(d.Domain))
		if err := replaceGenerated(pkgDir, files); err != nil {
			return err
		}
	}
	if !*skipEasyjson {
		for _, d := range order {
			if err := runEasyjson(filepath.Join(*dir, packageName(d.Domain)), modPath); err != nil {
				return err
			}
		}
	}
	desc, err := describeJSON(p)
	if err != nil {
		return err
	}
	src, err := descriptionFile(p, desc)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(*dir, "description.go"), src, 0o644)
}

// load fetches the pinned definition and returns its served domains.
func load(tarball, registry string) (*Protocol, error) {
	tgz, err := loadTarball(tarball, registry)
	if err != nil {
		return nil, err
	}
	files, err := extract(tgz, definitionFiles)
	if err != nil {
		return nil, err
	}
	var all []*Domain
	var version *Version
	for _, name := range definitionFiles {
		var part Protocol
		if err := decodeStrict(name, files[name], &part); err != nil {
			return nil, err
		}
		if version != nil && *version != part.Version {
			return nil, fmt.Errorf("%s: version %v differs from %v", name, part.Version, *version)
		}
		version = &part.Version
		all = append(all, part.Domains...)
	}
	p := &Protocol{Version: *version}
	for _, name := range servedDomains {
		var found *Domain
		for _, d := range all {
			if d.Domain == name {
				if found != nil {
					return nil, fmt.Errorf("domain %s is defined twice", name)
				}
				found = d
			}
		}
		if found == nil {
			return nil, fmt.Errorf("domain %s is not in %s@%s", name, definitionPackage, definitionVersion)
		}
		p.Domains = append(p.Domains, found)
	}
	return p, nil
}

// dependencyOrder returns the domains so that each comes after those whose
// types it uses: easyjson must see a package's marshalers before it
// generates code for a package using its types.
func dependencyOrder(p *Protocol) ([]*Domain, error) {
	deps := map[string]map[string]bool{}
	for _, d := range p.Domains {
		deps[d.Domain] = map[string]bool{}
		var walk func(it *Item)
		walk = func(it *Item) {
			if it == nil {
				return
			}
			if dom, _, ok := strings.Cut(it.Ref, "."); ok && dom != d.Domain {
				deps[d.Domain][dom] = true
			}
			walk(it.Items)
			walk(it.AdditionalProperties)
			for _, m := range it.Properties {
				walk(m)
			}
		}
		for _, t := range d.Types {
			walk(t)
		}
		for _, c := range d.Commands {
			for _, m := range append(append([]*Item{}, c.Parameters...), c.Returns...) {
				walk(m)
			}
		}
		for _, e := range d.Events {
			for _, m := range e.Parameters {
				walk(m)
			}
		}
	}
	var order []*Domain
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(name string) error
	visit = func(name string) error {
		switch state[name] {
		case 1:
			return fmt.Errorf("domains depend on each other in a cycle through %s", name)
		case 2:
			return nil
		}
		state[name] = 1
		var ds []string
		for dep := range deps[name] {
			ds = append(ds, dep)
		}
		sort.Strings(ds)
		for _, dep := range ds {
			if p.domain(dep) == nil {
				return fmt.Errorf("%s uses types of %s, which is not generated", name, dep)
			}
			if err := visit(dep); err != nil {
				return err
			}
		}
		state[name] = 2
		order = append(order, p.domain(name))
		return nil
	}
	for _, d := range p.Domains {
		if err := visit(d.Domain); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// replaceGenerated writes files into dir after removing the generated Go
// files already there (easyjson.go included), so that a file the generator
// no longer writes does not linger. Hand-written files are left alone.
func replaceGenerated(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	for _, path := range old {
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(src, []byte(header[:len("// Code generated by ")])) {
			if err := os.Remove(path); err != nil {
				return err
			}
		}
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// importPath returns the import path of dir from the go.mod above it.
func importPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for root := abs; ; {
		data, err := os.ReadFile(filepath.Join(root, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				if mod, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
					rel, err := filepath.Rel(root, abs)
					if err != nil {
						return "", err
					}
					return strings.TrimSpace(mod) + "/" + filepath.ToSlash(rel), nil
				}
			}
			return "", fmt.Errorf("%s/go.mod: no module line", root)
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", fmt.Errorf("no go.mod above %s", abs)
		}
		root = parent
	}
}

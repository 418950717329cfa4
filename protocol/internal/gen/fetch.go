package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// The pinned definition. To move to another version: take the version and
// its "dist.integrity" from `npm view devtools-protocol@<version> dist`,
// change both constants, run `go generate ./protocol/...`, and review the
// diff of the generated code (and of the fix-ups, which name the fields
// they touch and fail when a field is gone).
const (
	definitionPackage   = "devtools-protocol"
	definitionVersion   = "0.0.1734725"
	definitionIntegrity = "sha512-MR4wa1X950I/Xah+jSm5WyquFKm/7vWX1tzTCxqDlu2Oxb7sGHkZ3kMk/xKpCbJt1iwSvKTxwV6PSnJNw73Xqg=="
)

// definitionFiles are the files of the package the generator reads.
var definitionFiles = []string{"package/json/js_protocol.json", "package/json/browser_protocol.json"}

// tarballURL is where the npm registry serves the pinned package.
func tarballURL(registry string) string {
	return fmt.Sprintf("%s/%s/-/%s-%s.tgz", registry, definitionPackage, definitionPackage, definitionVersion)
}

// loadTarball returns the pinned package tarball: from path if given, else
// from the cache directory, else from the registry (then cached). Whatever
// the source, its SHA-512 must match definitionIntegrity.
func loadTarball(path, registry string) ([]byte, error) {
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return data, checkIntegrity(path, data)
	}
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "sonde", fmt.Sprintf("%s-%s.tgz", definitionPackage, definitionVersion))
		if data, err := os.ReadFile(cache); err == nil && checkIntegrity(cache, data) == nil {
			return data, nil
		}
	}
	url := tarballURL(registry)
	data, err := download(url)
	if err != nil {
		return nil, err
	}
	if err := checkIntegrity(url, data); err != nil {
		return nil, err
	}
	if cache != "" {
		// The cache only saves a download; failing to write it is not an error.
		if os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
			_ = os.WriteFile(cache, data, 0o644)
		}
	}
	return data, nil
}

func download(url string) ([]byte, error) {
	client := &http.Client{Timeout: 2 * time.Minute}
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 64<<20))
}

// checkIntegrity compares data with the pinned Subresource Integrity string
// (what npm records as dist.integrity).
func checkIntegrity(name string, data []byte) error {
	sum := sha512.Sum512(data)
	got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
	if got != definitionIntegrity {
		return fmt.Errorf("%s: integrity %s, want %s", name, got, definitionIntegrity)
	}
	return nil
}

// extract returns the contents of the named files of a gzipped tarball.
func extract(tgz []byte, names []string) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	files := make(map[string][]byte, len(names))
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if !want[h.Name] {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[h.Name] = data
	}
	for _, n := range names {
		if files[n] == nil {
			return nil, fmt.Errorf("%s@%s: no %s in the package", definitionPackage, definitionVersion, n)
		}
	}
	return files, nil
}

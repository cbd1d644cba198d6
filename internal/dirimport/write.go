package dirimport

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/samla-sip/samla/directory"
)

// Marshal writes f as directory YAML with a header saying where it came
// from, and checks that it loads as a directory (the same validation as
// samla directory check).
func Marshal(f File, from string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Imported by samla directory import from %s.\n# Review before deploying; Samla never deploys an import itself.\n", from)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	if _, err := directory.LoadFS(fstest.MapFS{"import.yaml": {Data: b.Bytes()}}, "import.yaml"); err != nil {
		return nil, fmt.Errorf("the imported directory does not validate: %w", err)
	}
	return b.Bytes(), nil
}

// ReadFile reads a file an earlier import wrote; a missing file is empty.
func ReadFile(path string) (File, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return File{}, nil
	}
	if err != nil {
		return File{}, err
	}
	var f File
	if err := yaml.Unmarshal(b, &f); err != nil {
		return File{}, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Path is where the import of organisation org goes in dir.
func Path(dir, org string) string { return filepath.Join(dir, org+".yaml") }

// Diff lists what changed from old to new: "+ contact ID", "- unit ID",
// "~ contact ID: name, reach", sorted by kind and id.
func Diff(old, new File) []string {
	var out []string
	out = append(out, diff("unit", old.Units, new.Units, func(u FileUnit) string { return u.ID })...)
	out = append(out, diff("contact", old.Contacts, new.Contacts, func(c FileContact) string { return c.ID })...)
	return out
}

func diff[T any](kind string, old, new []T, id func(T) string) []string {
	before := map[string]T{}
	for _, v := range old {
		before[id(v)] = v
	}
	var out []string
	after := map[string]bool{}
	for _, v := range new {
		after[id(v)] = true
		o, ok := before[id(v)]
		if !ok {
			out = append(out, "+ "+kind+" "+id(v))
			continue
		}
		if fields := changedFields(o, v); len(fields) > 0 {
			out = append(out, fmt.Sprintf("~ %s %s: %s", kind, id(v), strings.Join(fields, ", ")))
		}
	}
	for _, v := range old {
		if !after[id(v)] {
			out = append(out, "- "+kind+" "+id(v))
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return strings.Compare(a[2:], b[2:]) })
	return out
}

// changedFields names the YAML fields whose values differ.
func changedFields[T any](a, b T) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			name, _, _ := strings.Cut(va.Type().Field(i).Tag.Get("yaml"), ",")
			out = append(out, name)
		}
	}
	return out
}

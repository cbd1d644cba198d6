package directory

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Load reads, merges and validates the YAML files in order. A folder
// stands for its *.yaml and *.yml files in name order (not recursive).
// Later files add to earlier ones; an id defined twice is an error. On
// validation failure the error is a *ValidationError listing every
// problem with file:line.
func Load(paths ...string) (*Directory, error) {
	files, err := expandOS(paths)
	if err != nil {
		return nil, err
	}
	return loadFiles(files, os.ReadFile)
}

// LoadFS is Load over a file system, e.g. the embedded sample directory
// (examples.Directory()); "." is the root folder.
func LoadFS(fsys fs.FS, paths ...string) (*Directory, error) {
	var files []string
	for _, p := range paths {
		fi, err := fs.Stat(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("directory: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := fs.ReadDir(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("directory: %w", err)
		}
		for _, e := range entries {
			if !e.IsDir() && isYAML(e.Name()) {
				files = append(files, path.Join(p, e.Name()))
			}
		}
	}
	return loadFiles(files, func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
}

// SplitPaths splits a SAMLA_DIRECTORY value (comma-separated files or
// folders) into paths.
func SplitPaths(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isYAML(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// expandOS turns folders into their YAML files, sorted by name.
func expandOS(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, errors.New("directory: no file given")
	}
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("directory: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("directory: %w", err)
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() && isYAML(e.Name()) {
				names = append(names, filepath.Join(p, e.Name()))
			}
		}
		sort.Strings(names)
		if len(names) == 0 {
			return nil, fmt.Errorf("directory: folder %s holds no .yaml files", p)
		}
		files = append(files, names...)
	}
	return files, nil
}

// source is one parsed file.
type source struct {
	file     string
	doc      rawDoc
	problems []Problem
}

func loadFiles(files []string, read func(string) ([]byte, error)) (*Directory, error) {
	srcs := make([]source, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	// Each worker reuses one node slab, so a large directory does not
	// touch fresh memory for every file.
	slabs := make(chan *tree, runtime.GOMAXPROCS(0))
	for range cap(slabs) {
		slabs <- &tree{}
	}
	for i, f := range files {
		wg.Add(1)
		slab := <-slabs
		go func() {
			defer func() { slabs <- slab; wg.Done() }()
			data, err := read(f)
			if err != nil {
				errs[i] = fmt.Errorf("directory: %w", err)
				return
			}
			doc, problems := parseFile(data, slab)
			for j := range problems {
				problems[j].File = f
			}
			srcs[i] = source{file: f, doc: doc, problems: problems}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return build(srcs)
}

// parseFile parses one file with the fast parser, falling back to yaml.v3
// for anything the fast parser does not accept; the fast parser is a
// strict subset, so the result is yaml.v3's either way.
func parseFile(data []byte, slab *tree) (rawDoc, []Problem) {
	t, ok := parseFast(string(data), slab)
	if !ok {
		var problems []Problem
		t, problems = parseYAML(data)
		if t == nil {
			return rawDoc{}, problems
		}
	}
	doc, problems := walk(t)
	return doc, append(problems, personnummerProblems(&doc)...)
}

package directory

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// parseYAML is the reference parser: go.yaml.in/yaml/v3 reads any YAML
// and the document becomes a tree for walk, with aliases and merge keys
// (<<) resolved as yaml.v3 resolves them when decoding. A file is one
// document: a second one (after "---" or "...") is a problem at its first
// line, never dropped. A syntax error is one problem with the line
// yaml.v3 reports.
func parseYAML(data []byte) (*tree, []Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, []Problem{yamlProblem(err)}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, []Problem{{Line: next.Line, Msg: "YAML: a second document in the file; write one document per file (without another ---)"}}
	case err != io.EOF:
		return nil, []Problem{yamlProblem(err)}
	}
	c := converter{t: &tree{budget: 4*len(data) + 1024}}
	if len(doc.Content) == 0 {
		c.t.add(nullNode, 1, "")
		return c.t, nil
	}
	c.node(doc.Content[0], 0)
	if len(c.t.nodes) > c.t.budget {
		return nil, []Problem{{Line: 1, Msg: "YAML: too many aliases (the expanded document is too large)"}}
	}
	if c.problem != nil {
		return nil, []Problem{*c.problem}
	}
	return c.t, nil
}

const maxDepth = 64

// converter turns yaml.v3 nodes into a tree; the first problem (a merge
// key whose value is not a mapping) stops the file like a syntax error.
type converter struct {
	t       *tree
	problem *Problem
	merges  int // key/value pairs visited expanding merge keys, within t.budget
}

func (c *converter) fail(line int, msg string) {
	if c.problem == nil {
		c.problem = &Problem{Line: line, Msg: "YAML: " + msg}
	}
}

// resolve follows aliases.
func resolve(y *yaml.Node, depth int) (*yaml.Node, int) {
	for y.Kind == yaml.AliasNode && y.Alias != nil && depth < maxDepth {
		y = y.Alias
		depth++
	}
	return y, depth
}

func (c *converter) node(y *yaml.Node, depth int) int32 {
	y, depth = resolve(y, depth)
	switch {
	case depth >= maxDepth || len(c.t.nodes) > c.t.budget:
		return c.t.add(nullNode, y.Line, "")
	case y.Kind == yaml.ScalarNode && y.ShortTag() == "!!null":
		return c.t.add(nullNode, y.Line, "")
	case y.Kind == yaml.ScalarNode:
		return c.t.add(scalarNode, y.Line, y.Value)
	case y.Kind == yaml.SequenceNode:
		n := c.t.add(seqNode, y.Line, "")
		a := c.t.appendTo(n)
		for _, e := range y.Content {
			a.add(c.node(e, depth+1))
		}
		return n
	case y.Kind == yaml.MappingNode:
		n := c.t.add(mapNode, y.Line, "")
		a := c.t.appendTo(n)
		pairs := y.Content
		if hasMerge(y) {
			pairs = c.merged(y, depth, true, map[string]bool{}, nil)
		}
		for i := 0; i+1 < len(pairs); i += 2 {
			a.add(c.node(pairs[i], depth+1))
			a.add(c.node(pairs[i+1], depth+1))
		}
		return n
	}
	return c.t.add(nullNode, y.Line, "")
}

// isMerge reports whether a key is the merge key <<, as yaml.v3 decides.
func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && (k.Tag == "" || k.Tag == "!" || k.ShortTag() == "!!merge")
}

func hasMerge(y *yaml.Node) bool {
	for i := 0; i < len(y.Content); i += 2 {
		if isMerge(y.Content[i]) {
			return true
		}
	}
	return false
}

// merged appends mapping y's key/value pairs with its merge key
// expanded, the way yaml.v3's decoder does: the mapping's own keys first
// (all of them when own, so walk reports a repeated one), then the merged
// mappings in order, whose keys never replace one already seen.
func (c *converter) merged(y *yaml.Node, depth int, own bool, seen map[string]bool, out []*yaml.Node) []*yaml.Node {
	var mergeKey, mergeValue *yaml.Node
	if c.merges += len(y.Content); c.merges > c.t.budget {
		c.fail(y.Line, "too many aliases (the expanded document is too large)")
		return out
	}
	for i := 0; i+1 < len(y.Content); i += 2 {
		k, v := y.Content[i], y.Content[i+1]
		if isMerge(k) {
			if mergeKey != nil {
				c.fail(k.Line, fmt.Sprintf("mapping key \"<<\" already defined at line %d", mergeKey.Line))
				return out
			}
			mergeKey, mergeValue = k, v
			continue
		}
		if id, ok := keyID(k, depth); ok {
			if seen[id] && !own {
				continue
			}
			seen[id] = true
		}
		out = append(out, k, v)
	}
	if mergeKey == nil {
		return out
	}
	if depth >= maxDepth {
		c.fail(mergeKey.Line, "merge keys nested too deeply")
		return out
	}
	const wantMap = "map merge requires map or sequence of maps as the value"
	m, mdepth := resolve(mergeValue, depth)
	switch m.Kind {
	case yaml.MappingNode:
		return c.merged(m, mdepth+1, false, seen, out)
	case yaml.SequenceNode:
		for _, e := range m.Content {
			e, edepth := resolve(e, mdepth)
			if e.Kind != yaml.MappingNode {
				c.fail(mergeKey.Line, wantMap)
				return out
			}
			out = c.merged(e, edepth+1, false, seen, out)
		}
		return out
	}
	c.fail(mergeKey.Line, wantMap)
	return out
}

// keyID identifies a scalar key by its resolved tag and value (yaml.v3
// compares decoded keys); other keys are never merged over.
func keyID(k *yaml.Node, depth int) (string, bool) {
	k, _ = resolve(k, depth)
	if k.Kind != yaml.ScalarNode {
		return "", false
	}
	if k.ShortTag() == "!!null" {
		return "!!null", true
	}
	return k.ShortTag() + " " + k.Value, true
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlProblem(err error) Problem {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		err = errors.New(te.Errors[0])
	}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return Problem{Line: n, Msg: "YAML: " + m[2]}
	}
	return Problem{Line: 1, Msg: fmt.Sprintf("YAML: %v", err)}
}

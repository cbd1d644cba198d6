package directory

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// parseYAML is the reference parser: yaml.v3 handles any YAML; the
// document becomes a tree for walk. A syntax error is one problem with
// the line yaml.v3 reports.
func parseYAML(data []byte) (*tree, []Problem) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []Problem{yamlProblem(err)}
	}
	t := &tree{budget: 4*len(data) + 1024}
	if len(doc.Content) == 0 {
		t.add(nullNode, 1, "")
		return t, nil
	}
	convertNode(t, doc.Content[0], 0)
	if len(t.nodes) > t.budget {
		return nil, []Problem{{Line: 1, Msg: "YAML: too many aliases (the expanded document is too large)"}}
	}
	return t, nil
}

const maxDepth = 64

func convertNode(t *tree, y *yaml.Node, depth int) int32 {
	for y.Kind == yaml.AliasNode && y.Alias != nil && depth < maxDepth {
		y = y.Alias
		depth++
	}
	switch {
	case depth >= maxDepth || len(t.nodes) > t.budget:
		return t.add(nullNode, y.Line, "")
	case y.Kind == yaml.ScalarNode && y.ShortTag() == "!!null":
		return t.add(nullNode, y.Line, "")
	case y.Kind == yaml.ScalarNode:
		return t.add(scalarNode, y.Line, y.Value)
	case y.Kind == yaml.MappingNode || y.Kind == yaml.SequenceNode:
		kind := mapNode
		if y.Kind == yaml.SequenceNode {
			kind = seqNode
		}
		n := t.add(kind, y.Line, "")
		a := t.appendTo(n)
		for _, c := range y.Content {
			a.add(convertNode(t, c, depth+1))
		}
		return n
	}
	return t.add(nullNode, y.Line, "")
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

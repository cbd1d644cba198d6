package directory

// tree is a small YAML document tree stored in one slab: both parsers
// produce it and walk turns it into a rawDoc. Nodes refer to each other by
// index (first child, next sibling) so that a large file costs a handful
// of allocations, not one per value. A mapping's children alternate key,
// value.
type tree struct {
	nodes  []node
	budget int // yaml.v3 path: most nodes alias expansion may create
}

type nodeKind uint8

const (
	nullNode nodeKind = iota
	scalarNode
	mapNode
	seqNode
)

type node struct {
	kind  nodeKind
	line  int32
	first int32 // first child, -1 when none
	next  int32 // next sibling, -1 when none
	value string
}

func (t *tree) add(kind nodeKind, line int, value string) int32 {
	t.nodes = append(t.nodes, node{kind: kind, line: int32(line), first: -1, next: -1, value: value})
	return int32(len(t.nodes) - 1)
}

// appender links children to a parent in order.
type appender struct {
	t    *tree
	last int32
	n    int32
}

func (t *tree) appendTo(parent int32) appender { return appender{t: t, last: -1, n: parent} }

func (a *appender) add(child int32) {
	if a.last < 0 {
		a.t.nodes[a.n].first = child
	} else {
		a.t.nodes[a.last].next = child
	}
	a.last = child
}

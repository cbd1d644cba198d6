package directory

import (
	"fmt"
	"slices"
)

// walk turns a parsed tree into a rawDoc. Structural problems (unknown or
// repeated fields, a list where a value belongs) are reported; values are
// checked later by build.
func walk(t *tree) (rawDoc, []Problem) {
	w := walker{t: t}
	root := int32(0)
	var doc rawDoc
	switch t.nodes[root].kind {
	case nullNode:
		return doc, nil
	case mapNode:
	default:
		w.problem(root, "the file must be a mapping with organisations, units and contacts")
		return doc, w.problems
	}
	w.fields(root, "the file", func(key string, k, v int32) bool {
		switch key {
		case "organisations":
			w.items(v, key, func(n int32) { doc.Orgs = append(doc.Orgs, w.org(n)) })
		case "units":
			w.items(v, key, func(n int32) { doc.Units = append(doc.Units, w.unit(n)) })
		case "contacts":
			doc.Contacts = slices.Grow(doc.Contacts, w.count(v))
			w.items(v, key, func(n int32) { doc.Contacts = append(doc.Contacts, w.contact(n)) })
		default:
			return false
		}
		return true
	})
	return doc, w.problems
}

type walker struct {
	t        *tree
	problems []Problem
	svals    []sval     // slab for lists of values
	reaches  []rawReach // slab for reach lists
}

func (w *walker) line(n int32) int { return int(w.t.nodes[n].line) }

func (w *walker) problem(n int32, format string, args ...any) {
	w.problems = append(w.problems, Problem{Line: w.line(n), Msg: fmt.Sprintf(format, args...)})
}

// fields calls fn for each key of mapping n; fn returns false for an
// unknown key. Repeated keys are reported and skipped.
func (w *walker) fields(n int32, what string, fn func(key string, k, v int32) bool) {
	if w.t.nodes[n].kind != mapNode {
		w.problem(n, "%s must be a mapping of fields", what)
		return
	}
	var seenBuf [16]string
	seen := seenBuf[:0]
	for k := w.t.nodes[n].first; k >= 0; {
		v := w.t.nodes[k].next
		if v < 0 {
			break
		}
		kn := w.t.nodes[k]
		key := kn.value
		switch {
		case kn.kind != scalarNode:
			w.problem(k, "%s: field names must be plain words", what)
		case contains(seen, key):
			w.problem(k, "%s: field %q given twice", what, key)
		default:
			seen = append(seen, key)
			if !fn(key, k, v) {
				w.problem(k, "%s: unknown field %q", what, key)
			}
		}
		k = w.t.nodes[v].next
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// count returns the number of children of n.
func (w *walker) count(n int32) int {
	c := 0
	for x := w.t.nodes[n].first; x >= 0; x = w.t.nodes[x].next {
		c++
	}
	return c
}

// items calls fn for each element of sequence n (null = empty).
func (w *walker) items(n int32, what string, fn func(int32)) {
	switch w.t.nodes[n].kind {
	case nullNode:
		return
	case seqNode:
	default:
		w.problem(n, "%s must be a list", what)
		return
	}
	for c := w.t.nodes[n].first; c >= 0; c = w.t.nodes[c].next {
		fn(c)
	}
}

// scalar reads a single value of field "what key"; key k gives the line
// of a null value.
func (w *walker) scalar(k, v int32, what, key string) sval {
	nd := w.t.nodes[v]
	switch nd.kind {
	case scalarNode:
		return sval{V: nd.value, Line: int(nd.line)}
	case nullNode:
		return sval{Line: w.line(k)}
	}
	w.problem(v, "%s %s must be a single value", what, key)
	return sval{Line: w.line(k)}
}

// list reads a list of values; a single value is a one-element list.
func (w *walker) list(k, v int32, what string) []sval {
	nd := w.t.nodes[v]
	switch nd.kind {
	case nullNode:
		return nil
	case scalarNode:
		return []sval{{V: nd.value, Line: int(nd.line)}}
	case mapNode:
		w.problem(v, "%s must be a list of values", what)
		return nil
	}
	count := 0
	for c := nd.first; c >= 0; c = w.t.nodes[c].next {
		count++
	}
	out := carve(&w.svals, count)
	for c := nd.first; c >= 0; c = w.t.nodes[c].next {
		if w.t.nodes[c].kind != scalarNode && w.t.nodes[c].kind != nullNode {
			w.problem(c, "%s must be a list of values", what)
			continue
		}
		out = append(out, w.scalar(c, c, what, ""))
	}
	return out
}

func (w *walker) org(n int32) rawOrg {
	o := rawOrg{Line: w.line(n)}
	w.fields(n, "organisation", func(key string, k, v int32) bool {
		if key == "chat" {
			o.Chat = w.chat(k, v)
			return true
		}
		f := map[string]*sval{"id": &o.ID, "name": &o.Name, "kind": &o.Kind,
			"kommun": &o.Kommun, "region": &o.Region, "lan": &o.Lan}[key]
		if f == nil {
			return false
		}
		*f = w.scalar(k, v, "organisation", key)
		return true
	})
	return o
}

// chat reads an organisation's chat: {slack: [team ids], mattermost:
// [server names]}.
func (w *walker) chat(k, v int32) *rawChat {
	if w.t.nodes[v].kind == nullNode {
		return nil
	}
	c := &rawChat{Line: w.line(k)}
	w.fields(v, "organisation chat", func(key string, fk, fv int32) bool {
		switch key {
		case "slack":
			c.Slack = w.list(fk, fv, "organisation chat slack")
		case "mattermost":
			c.Mattermost = w.list(fk, fv, "organisation chat mattermost")
		default:
			return false
		}
		return true
	})
	return c
}

func (w *walker) unit(n int32) rawUnit {
	u := rawUnit{Line: w.line(n)}
	w.fields(n, "unit", func(key string, k, v int32) bool {
		switch key {
		case "id":
			u.ID = w.scalar(k, v, "unit", "id")
		case "org":
			u.Org = w.scalar(k, v, "unit", "org")
		case "name":
			u.Name = w.scalar(k, v, "unit", "name")
		case "care":
			u.Care = w.list(k, v, "unit care")
		case "kommuner":
			u.Kommuner = w.list(k, v, "unit kommuner")
		case "ages":
			u.Ages = w.scalar(k, v, "unit", "ages")
		case "entry":
			u.Entry = w.scalar(k, v, "unit", "entry")
		case "about":
			u.About = w.scalar(k, v, "unit", "about")
		default:
			return false
		}
		return true
	})
	return u
}

func (w *walker) contact(n int32) rawContact {
	c := rawContact{Line: w.line(n)}
	w.fields(n, "contact", func(key string, k, v int32) bool {
		switch key {
		case "id":
			c.ID = w.scalar(k, v, "contact", "id")
		case "unit":
			c.Unit = w.scalar(k, v, "contact", "unit")
		case "kind":
			c.Kind = w.scalar(k, v, "contact", "kind")
		case "name":
			c.Name = w.scalar(k, v, "contact", "name")
		case "roles":
			c.Roles = w.list(k, v, "contact roles")
		case "hsa_id":
			c.HSAID = w.scalar(k, v, "contact", "hsa_id")
		case "reach":
			if w.t.nodes[v].kind == seqNode {
				c.Reach = carve(&w.reaches, w.count(v))
			}
			w.items(v, "contact reach", func(r int32) {
				if rr, ok := w.reach(r); ok {
					c.Reach = append(c.Reach, rr)
				}
			})
		case "away":
			c.Away = w.away(k, v)
		default:
			return false
		}
		return true
	})
	return c
}

// reach reads one reach item: a mapping with exactly one of slack,
// mattermost, email or phone.
func (w *walker) reach(n int32) (rawReach, bool) {
	r := rawReach{Line: w.line(n)}
	if w.t.nodes[n].kind != mapNode {
		w.problem(n, "reach: each item must be slack:, mattermost:, email: or phone:")
		return r, false
	}
	count := 0
	w.fields(n, "reach", func(key string, k, v int32) bool {
		switch key {
		case "slack", "mattermost":
			count++
			r.Kind = key
			r.Line = w.line(k)
			what := "slack reach"
			if key == "mattermost" {
				what = "mattermost reach"
			}
			w.fields(v, what, func(sub string, sk, sv int32) bool {
				var f *sval
				switch {
				case sub == "user":
					f = &r.User
				case sub == "channel":
					f = &r.Channel
				case sub == "workspace" && key == "slack":
					f = &r.Workspace
				case sub == "server" && key == "mattermost":
					f = &r.Server
				default:
					return false
				}
				*f = w.scalar(sk, sv, key, sub)
				return true
			})
		case "email", "phone":
			count++
			r.Kind = key
			r.Line = w.line(k)
			r.Addr = w.scalar(k, v, "reach", key)
		default:
			return false
		}
		return true
	})
	if count > 1 {
		w.problem(n, "reach: one kind per item (write each on its own \"- \" line)")
	}
	return r, count == 1
}

func (w *walker) away(k, v int32) *rawAway {
	if w.t.nodes[v].kind == nullNode {
		return nil
	}
	a := &rawAway{Line: w.line(k)}
	w.fields(v, "away", func(key string, fk, fv int32) bool {
		var f *sval
		switch key {
		case "from":
			f = &a.From
		case "until":
			f = &a.Until
		case "delegate":
			f = &a.Delegate
		default:
			return false
		}
		*f = w.scalar(fk, fv, "away", key)
		return true
	})
	return a
}

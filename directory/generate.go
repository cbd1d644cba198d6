package directory

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// GenerateOptions sizes a synthetic directory.
type GenerateOptions struct {
	Contacts int    // total number of contacts (at least one per unit)
	Seed     uint64 // same seed, same directory
	CRLF     bool   // CRLF line ends, as Windows editors write them
}

// Generate writes a synthetic but realistic directory as one YAML
// document: organisations for all 290 kommuner, the 21 regions and the
// state bodies, units of every care level and contacts with roles, reach
// and absences. It is for benchmarks and load tests.
func Generate(w io.Writer, opts GenerateOptions) error {
	g := newGenerator(opts)
	bw := bufio.NewWriterSize(lineEnds(w, opts), 1<<20)
	g.write(bw, g.parts)
	return bw.Flush()
}

// GenerateDir writes the synthetic directory as one file per region plus
// one for state and private bodies into dir and returns the file names.
func GenerateDir(dir string, opts GenerateOptions) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	g := newGenerator(opts)
	groups := map[string][]genPart{}
	var order []string
	for _, p := range g.parts {
		if _, ok := groups[p.file]; !ok {
			order = append(order, p.file)
		}
		groups[p.file] = append(groups[p.file], p)
	}
	var files []string
	for _, name := range order {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			return nil, fmt.Errorf("generate: %w", err)
		}
		bw := bufio.NewWriterSize(lineEnds(f, opts), 1<<20)
		g.write(bw, groups[name])
		err = bw.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("generate: %w", err)
		}
		files = append(files, path)
	}
	return files, nil
}

// lineEnds returns w, or a writer turning LF into CRLF when opts ask.
func lineEnds(w io.Writer, opts GenerateOptions) io.Writer {
	if !opts.CRLF {
		return w
	}
	return crlfWriter{w}
}

type crlfWriter struct{ w io.Writer }

func (c crlfWriter) Write(p []byte) (int, error) {
	if _, err := c.w.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

type genOrg struct{ id, name, kind, area string }

type genUnit struct {
	id, org, name, ages string
	care, kommuner      []string
	chat                string // "slack:TEAM" or "mattermost:server"
	weight              float64
	contacts            int
}

// genPart is what one output file holds.
type genPart struct {
	file  string
	orgs  []genOrg
	units []*genUnit
}

type generator struct {
	rng        *rand.Rand
	parts      []genPart
	people     int    // persons written so far: makes chat user names unique
	slackUsers uint64 // Slack ids written so far, scrambled into unique ids
}

func newGenerator(opts GenerateOptions) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(opts.Seed, 0x5a11a))}
	byLan := map[string][]Kommun{}
	for _, k := range Kommuner() {
		byLan[k.LanCode] = append(byLan[k.LanCode], k)
	}
	state := genPart{file: "00-stat-privat.yaml"}
	for _, o := range []struct{ id, name, care string }{
		{"sis", "Statens institutionsstyrelse", "sis"}, {"fk", "Försäkringskassan", "forsakringskassan"},
		{"af", "Arbetsförmedlingen", "arbetsformedlingen"}, {"kv", "Kriminalvården", "kriminalvarden"},
	} {
		state.orgs = append(state.orgs, genOrg{id: o.id, name: o.name, kind: "stat"})
		for _, r := range Regions() {
			state.units = append(state.units, &genUnit{id: o.id + "-r" + r.LanCode, org: o.id,
				name: o.name + " " + strings.TrimPrefix(r.Name, "Region "), care: []string{o.care},
				kommuner: KommunerInLan(r.LanCode), chat: "email"})
		}
	}
	for i := 1; i <= 40; i++ {
		id := fmt.Sprintf("hvb-%02d", i)
		state.orgs = append(state.orgs, genOrg{id: id, name: fmt.Sprintf("HVB %s %d AB", pick(g.rng, placeWords), i), kind: "privat"})
		state.units = append(state.units, &genUnit{id: id + "-hem", org: id, name: fmt.Sprintf("HVB-hem %d", i),
			care: []string{"hvb"}, kommuner: []string{"*"}, ages: "13-20", chat: "email"})
	}
	g.parts = append(g.parts, state)
	for _, r := range Regions() {
		p := genPart{file: fmt.Sprintf("r%s.yaml", r.LanCode)}
		rid := "r" + r.LanCode
		team := "T0R" + r.LanCode
		p.orgs = append(p.orgs, genOrg{id: rid, name: r.Name, kind: "region", area: r.LanCode})
		ks := byLan[r.LanCode]
		for gi := 0; gi*5 < len(ks); gi++ {
			group := codes(ks[gi*5 : min(len(ks), gi*5+5)])
			place := ks[gi*5].Name
			p.units = append(p.units,
				&genUnit{id: fmt.Sprintf("%s-bup-%d", rid, gi), org: rid, name: "BUP " + place, care: []string{"bup"}, kommuner: group, ages: "0-17", chat: "slack:" + team},
				&genUnit{id: fmt.Sprintf("%s-psyk-%d", rid, gi), org: rid, name: "Vuxenpsykiatri " + place, care: []string{"vuxenpsykiatri"}, kommuner: group, ages: "18-", chat: "slack:" + team},
				&genUnit{id: fmt.Sprintf("%s-sjukhus-%d", rid, gi), org: rid, name: "Sjukhuset " + place, care: []string{"slutenvard"}, kommuner: group, chat: "slack:" + team},
			)
		}
		p.units = append(p.units,
			&genUnit{id: rid + "-hab", org: rid, name: "Habiliteringen " + r.Name, care: []string{"habilitering"}, kommuner: []string{"*"}, chat: "slack:" + team},
			&genUnit{id: rid + "-beroende", org: rid, name: "Beroendevården " + r.Name, care: []string{"beroendevard"}, kommuner: []string{"*"}, ages: "18-", chat: "slack:" + team},
		)
		for _, k := range ks {
			kid := "k" + k.Code
			server := "k" + k.Code
			p.orgs = append(p.orgs, genOrg{id: kid, name: k.Name + " kommun", kind: "kommun", area: k.Code})
			for v := 1; v <= 1+g.rng.IntN(2); v++ {
				p.units = append(p.units, &genUnit{id: fmt.Sprintf("%s-vc-%s-%d", rid, k.Code, v), org: rid,
					name: fmt.Sprintf("Vårdcentralen %s %s", pick(g.rng, placeWords), k.Name), care: []string{"primarvard"}, kommuner: []string{k.Code}, chat: "slack:" + team})
			}
			mm := "mattermost:" + server
			p.units = append(p.units,
				&genUnit{id: kid + "-barn", org: kid, name: "Barn och familj " + k.Name, care: []string{"socialtjanst-barn"}, kommuner: []string{k.Code}, ages: "0-20", chat: mm},
				&genUnit{id: kid + "-vuxen", org: kid, name: "Vuxenenheten " + k.Name, care: []string{"socialtjanst-vuxen", "ekonomiskt-bistand", "beroendevard"}, kommuner: []string{k.Code}, ages: "18-", chat: mm},
				&genUnit{id: kid + "-omsorg", org: kid, name: "Vård och omsorg " + k.Name, care: []string{"hemtjanst", "hemsjukvard"}, kommuner: []string{k.Code}, chat: mm},
				&genUnit{id: kid + "-bistand", org: kid, name: "Biståndsenheten " + k.Name, care: []string{"aldreomsorg"}, kommuner: []string{k.Code}, ages: "65-", chat: mm},
				&genUnit{id: kid + "-lss", org: kid, name: "LSS " + k.Name, care: []string{"lss"}, kommuner: []string{k.Code}, chat: mm},
				&genUnit{id: kid + "-forskola", org: kid, name: "Förskolan " + pick(g.rng, placeWords) + " " + k.Name, care: []string{"forskola"}, kommuner: []string{k.Code}, ages: "1-6", chat: mm},
			)
			for s := 1; s <= 1+g.rng.IntN(3); s++ {
				p.units = append(p.units, &genUnit{id: fmt.Sprintf("%s-skola-%d", kid, s), org: kid,
					name: fmt.Sprintf("%sskolan %s", pick(g.rng, placeWords), k.Name), care: []string{"skola", "elevhalsa"}, kommuner: []string{k.Code}, ages: "6-19", chat: mm})
			}
		}
		g.parts = append(g.parts, p)
	}
	g.spread(opts.Contacts)
	return g
}

// spread gives every unit one entry contact and shares the rest of the
// contacts out by a random, skewed weight (big and small units).
func (g *generator) spread(total int) {
	var units []*genUnit
	sum := 0.0
	for _, p := range g.parts {
		for _, u := range p.units {
			u.weight = 0.2 + g.rng.ExpFloat64()
			sum += u.weight
			u.contacts = 1
			units = append(units, u)
		}
	}
	rest := max(0, total-len(units))
	given := 0
	for _, u := range units {
		n := int(math.Floor(float64(rest) * u.weight / sum))
		u.contacts += n
		given += n
	}
	for i := 0; given < rest; i++ {
		units[i%len(units)].contacts++
		given++
	}
}

func codes(ks []Kommun) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Code
	}
	return out
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

var (
	firstNames = []string{"Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Ingrid", "Sofia",
		"Fatima", "Amina", "Elin", "Linnea", "Maja", "Johanna", "Hanna", "Ida", "Malin", "Jenny",
		"Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Mikael", "Omar", "Ali",
		"Mohammed", "Jonas", "David", "Peter", "Hassan", "Oskar", "Lucas", "Elias", "Viktor", "Jakob"}
	lastNames = []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
		"Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg",
		"Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström",
		"Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson",
		"Ali", "Mohammed", "Haddad", "Åberg", "Öberg", "Ström", "Holm", "Ek", "Sjöberg", "Wallin", "Engström", "Danielsson", "Håkansson"}
	placeWords = []string{"Ängen", "Björken", "Centrum", "Norra", "Södra", "Östra", "Västra", "Ekbacken", "Linden", "Solrosen",
		"Hagen", "Backen", "Torget", "Sjöstaden", "Åsen", "Dalen", "Tallen", "Granen", "Hamnen", "Skogen"}
	regionRoles = []string{"lakare", "fast-vardkontakt", "motesledare", "enhetschef", "kurator"}
	kommunRoles = map[string][]string{
		"socialtjanst-barn":  {"socialsekreterare", "motesledare", "enhetschef"},
		"socialtjanst-vuxen": {"socialsekreterare", "motesledare", "enhetschef"},
		"hemtjanst":          {"enhetschef", "fast-vardkontakt", "motesledare"},
		"aldreomsorg":        {"bistandshandlaggare", "enhetschef"},
		"lss":                {"bistandshandlaggare", "enhetschef"},
		"forskola":           {"enhetschef", "motesledare"},
		"skola":              {"kurator", "skolskoterska", "enhetschef", "motesledare"},
	}
)

func (g *generator) write(w *bufio.Writer, parts []genPart) {
	w.WriteString("# Synthetic directory written by samla directory generate. Fictional.\norganisations:\n")
	for _, p := range parts {
		for _, o := range p.orgs {
			fmt.Fprintf(w, "  - id: %s\n    name: %s\n    kind: %s\n", o.id, o.name, o.kind)
			switch {
			case o.kind == "region":
				fmt.Fprintf(w, "    lan: \"%s\"\n", o.area)
			case o.kind == "kommun":
				fmt.Fprintf(w, "    kommun: \"%s\"\n", o.area)
			}
		}
	}
	w.WriteString("units:\n")
	for _, p := range parts {
		for _, u := range p.units {
			fmt.Fprintf(w, "  - id: %s\n    org: %s\n    name: %s\n    care: [%s]\n    kommuner: [%s]\n",
				u.id, u.org, u.name, strings.Join(u.care, ", "), quoteAll(u.kommuner))
			if u.ages != "" {
				fmt.Fprintf(w, "    ages: %s\n", u.ages)
			}
			fmt.Fprintf(w, "    entry: %s-vagin\n", u.id)
		}
	}
	w.WriteString("contacts:\n")
	for _, p := range parts {
		for _, u := range p.units {
			g.writeContacts(w, u)
		}
	}
}

func quoteAll(list []string) string {
	var b strings.Builder
	for i, s := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"` + s + `"`)
	}
	return b.String()
}

func (g *generator) writeContacts(w *bufio.Writer, u *genUnit) {
	entry := u.id + "-vagin"
	fmt.Fprintf(w, "  - id: %s\n    unit: %s\n    kind: function\n    name: %s väg in\n    roles: [vag-in, sip-samordnare]\n    reach:\n",
		entry, u.id, u.name)
	g.writeReach(w, u, strings.ReplaceAll(entry, "-", "."), true)
	roles := regionRoles
	if strings.HasPrefix(u.org, "k") {
		roles = kommunRoles[u.care[0]]
		if roles == nil {
			roles = []string{"socialsekreterare", "enhetschef"}
		}
	}
	for i := 1; i < u.contacts; i++ {
		first, last := pick(g.rng, firstNames), pick(g.rng, lastNames)
		id := fmt.Sprintf("%s-p%d", u.id, i)
		role := pick(g.rng, roles)
		fmt.Fprintf(w, "  - id: %s\n    unit: %s\n    kind: person\n    name: %s %s\n", id, u.id, first, last)
		if g.rng.IntN(20) == 0 {
			fmt.Fprintf(w, "    roles: [%s, sip-samordnare]\n", role)
		} else {
			fmt.Fprintf(w, "    roles: [%s]\n", role)
		}
		if strings.HasPrefix(u.chat, "slack:") {
			fmt.Fprintf(w, "    hsa_id: SE2321000016-%x\n", g.rng.Uint32())
		}
		w.WriteString("    reach:\n")
		g.people++
		g.writeReach(w, u, strings.ToLower(fold(first)+"."+fold(last))+fmt.Sprintf(".%d", g.people), false)
		if g.rng.IntN(33) == 0 {
			delegate := entry
			if i > 1 {
				delegate = fmt.Sprintf("%s-p%d", u.id, 1+g.rng.IntN(i-1))
			}
			from := 1 + g.rng.IntN(28)
			fmt.Fprintf(w, "    away: {from: 2026-12-%02d, until: 2027-01-%02d, delegate: %s}\n", from, from, delegate)
		}
	}
}

func (g *generator) writeReach(w *bufio.Writer, u *genUnit, user string, function bool) {
	kind, space, _ := strings.Cut(u.chat, ":")
	switch kind {
	case "slack":
		g.slackUsers++
		fmt.Fprintf(w, "      - slack: {workspace: %s, user: U%08X}\n", space, g.slackUsers*2654435761%(1<<32))
	case "mattermost":
		fmt.Fprintf(w, "      - mattermost: {server: %s, user: %s}\n", space, user)
	}
	if kind == "email" || function || g.rng.IntN(2) == 0 {
		fmt.Fprintf(w, "      - email: %s@%s.example.se\n", user, strings.SplitN(u.id, "-", 2)[0])
	}
	if kind == "email" || g.rng.IntN(5) == 0 {
		fmt.Fprintf(w, "      - phone: \"+46 %d %03d %02d %02d\"\n", 10+g.rng.IntN(90), g.rng.IntN(1000), g.rng.IntN(100), g.rng.IntN(100))
	}
}

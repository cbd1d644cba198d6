package stats

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// Events are kept as members of set indexes, one index per month of
// recording (IndexMonths lists the months), so that they are written in
// the case's own transaction and read back with one call per month on
// every store. A member is "REF\x1fSEQ\x1fPAYLOAD": the case reference
// orders one case's events and is dropped on reading.
const (
	IndexMonths = "stats:months"
	indexPrefix = "stats:m:"
	sep         = "\x1f"
	fieldSep    = "|"
	layoutMonth = "2006-01"
)

// MonthIndex is the index holding the events recorded in t's month.
func MonthIndex(t time.Time) string { return indexPrefix + t.UTC().Format(layoutMonth) }

// Ops returns the index operations that record evs for the case ref in
// the transaction that commits the case's version seq (so one case's
// events keep their order). recorded is the time of the transaction.
func Ops(ref string, seq int64, recorded time.Time, evs []Event) []store.IndexOp {
	if len(evs) == 0 {
		return nil
	}
	month := recorded.UTC().Format(layoutMonth)
	ops := []store.IndexOp{{Index: IndexMonths, Member: month}}
	for i, e := range evs {
		member := ref + sep + fmt.Sprintf("%09d.%03d", seq, i) + sep + encode(e)
		ops = append(ops, store.IndexOp{Index: indexPrefix + month, Member: member})
	}
	return ops
}

// clean keeps a value from breaking the encoding (values are ids and codes).
func clean(s string) string {
	if !strings.ContainsAny(s, fieldSep+sep+",") {
		return s
	}
	return strings.NewReplacer(fieldSep, "_", sep, "_", ",", "_").Replace(s)
}

func unix(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.FormatInt(t.Unix(), 10)
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func encode(e Event) string {
	parties := make([]string, len(e.Parties))
	for i, p := range e.Parties {
		parties[i] = clean(p)
	}
	return strings.Join([]string{
		clean(string(e.Kind)), unix(e.At),
		clean(e.Kommun), clean(e.Region), clean(e.AgeBand), clean(e.Type),
		strings.Join(parties, ","), clean(e.OrgKind),
		clean(e.Care), clean(e.Unit), clean(e.Org),
		strconv.Itoa(e.Items), flag(e.Goals), flag(e.HandedOver), clean(e.RespKind), unix(e.FollowUp),
		clean(e.Reason), clean(e.Inv), unix(e.Notified),
	}, fieldSep)
}

const fields = 19

func parseUnix(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(n, 0).UTC(), nil
}

func decode(payload string) (Event, error) {
	var f [fields]string
	n := 0
	for n < fields-1 {
		i := strings.Index(payload, fieldSep)
		if i < 0 {
			break
		}
		f[n], payload = payload[:i], payload[i+1:]
		n++
	}
	if n != fields-1 {
		return Event{}, fmt.Errorf("%d fields, want %d", n+1, fields)
	}
	f[n] = payload
	at, err := parseUnix(f[1])
	if err != nil {
		return Event{}, fmt.Errorf("time: %w", err)
	}
	items, err := strconv.Atoi(f[11])
	if err != nil {
		return Event{}, fmt.Errorf("items: %w", err)
	}
	fu, err := parseUnix(f[15])
	if err != nil {
		return Event{}, fmt.Errorf("follow-up: %w", err)
	}
	e := Event{
		Kind: Kind(f[0]), At: at,
		Kommun: f[2], Region: f[3], AgeBand: f[4], Type: f[5], OrgKind: f[7],
		Care: f[8], Unit: f[9], Org: f[10],
		Items: items, Goals: f[12] == "1", HandedOver: f[13] == "1", RespKind: f[14], FollowUp: fu,
		Reason: f[16], Inv: f[17],
	}
	if e.Notified, err = parseUnix(f[18]); err != nil {
		return Event{}, fmt.Errorf("notified: %w", err)
	}
	if f[6] != "" {
		e.Parties = strings.Split(f[6], ",")
	}
	return e, nil
}

// Reader is the part of the store Load needs.
type Reader interface {
	Members(ctx context.Context, index string) ([]string, error)
}

// members reads every recorded event's member, grouped by case: the
// case reference maps to "SEQ\x1fPAYLOAD" strings in recorded order.
func members(ctx context.Context, st Reader) (map[string][]string, error) {
	months, err := st.Members(ctx, IndexMonths)
	if err != nil {
		return nil, fmt.Errorf("stats: months: %w", err)
	}
	byCase := map[string][]string{}
	for _, m := range months {
		ms, err := st.Members(ctx, indexPrefix+m)
		if err != nil {
			return nil, fmt.Errorf("stats: %s: %w", m, err)
		}
		for _, mem := range ms {
			ref, rest, ok := strings.Cut(mem, sep)
			if !ok || !strings.Contains(rest, sep) {
				return nil, fmt.Errorf("stats: %s: malformed event", m)
			}
			byCase[ref] = append(byCase[ref], rest)
		}
	}
	for _, rests := range byCase {
		slices.Sort(rests) // the sequence number has a fixed width
	}
	return byCase, nil
}

// decodeCase decodes one case's members (as members returns them) into buf.
func decodeCase(buf []Event, rests []string) ([]Event, error) {
	buf = buf[:0]
	for _, r := range rests {
		_, payload, _ := strings.Cut(r, sep)
		e, err := decode(payload)
		if err != nil {
			return nil, fmt.Errorf("stats: %w", err)
		}
		buf = append(buf, e)
	}
	return buf, nil
}

// Load reads every recorded event and returns them per case, each case's
// in the order they were recorded. The case references are dropped.
func Load(ctx context.Context, st Reader) ([][]Event, error) {
	byCase, err := members(ctx, st)
	if err != nil {
		return nil, err
	}
	out := make([][]Event, 0, len(byCase))
	for _, rests := range byCase {
		evs, err := decodeCase(nil, rests)
		if err != nil {
			return nil, err
		}
		out = append(out, evs)
	}
	return out, nil
}

// LoadFolded is Fold(Load(…)) without keeping every event in memory at
// once: what the server's cache holds.
func LoadFolded(ctx context.Context, st Reader) (*Folded, error) {
	byCase, err := members(ctx, st)
	if err != nil {
		return nil, err
	}
	f := &Folded{cases: make([]*sipCase, 0, len(byCase))}
	var buf []Event
	for _, rests := range byCase {
		if buf, err = decodeCase(buf, rests); err != nil {
			return nil, err
		}
		if c, ok := fold(buf); ok {
			f.cases = append(f.cases, c)
		}
	}
	return f, nil
}

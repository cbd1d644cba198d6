package stats

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/store"
)

// memIndex is a fake store of set indexes.
type memIndex map[string]map[string]bool

func (m memIndex) apply(ops []store.IndexOp) {
	for _, op := range ops {
		if m[op.Index] == nil {
			m[op.Index] = map[string]bool{}
		}
		m[op.Index][op.Member] = true
	}
}

func (m memIndex) Members(_ context.Context, index string) ([]string, error) {
	var out []string
	for k := range m[index] {
		out = append(out, k)
	}
	slices.Sort(out)
	return out, nil
}

func TestOpsLoadRoundTrip(t *testing.T) {
	a := []Event{
		opened(day(1, 30), TypeDischarge, "slutenvard", "hemtjanst"),
		invited("3", day(1, 31), "hemtjanst", "hemtjanst-lund", "lund", "kommun"),
		plan(day(2, 10), AllItems, true, false, "kommun", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)),
		{Kind: KindEnded, At: day(6, 1), Reason: "needs-met"},
	}
	b := []Event{opened(day(2, 1), TypeOrdinary, "bup")}
	m := memIndex{}
	m.apply(Ops("SIP-AAAAAA", 1, day(1, 30), a[:1]))
	m.apply(Ops("SIP-BBBBBB", 1, day(2, 1), b))
	m.apply(Ops("SIP-AAAAAA", 2, day(2, 10), a[1:3])) // recorded in February
	m.apply(Ops("SIP-AAAAAA", 10, day(6, 1), a[3:]))  // seq 10 sorts after 2
	got, err := Load(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(got, func(x, y []Event) int { return len(y) - len(x) })
	if !reflect.DeepEqual(got, [][]Event{a, b}) {
		t.Errorf("got %+v\nwant %+v", got, [][]Event{a, b})
	}
	for idx, members := range m {
		for mem := range members {
			if idx != IndexMonths && !strings.HasPrefix(mem, "SIP-") {
				t.Errorf("member %q of %s has no case key", mem, idx)
			}
		}
	}
}

func TestCleanKeepsTheEncoding(t *testing.T) {
	e := Event{Kind: KindInvited, At: day(1, 2), Unit: "a|b", Org: "c\x1fd", Care: "e,f", Inv: "1"}
	got, err := decode(encode(e))
	if err != nil {
		t.Fatal(err)
	}
	if got.Unit != "a_b" || got.Org != "c_d" || got.Care != "e_f" || got.Inv != "1" {
		t.Errorf("got %+v", got)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(encode(opened(day(1, 2), TypeOrdinary, "bup", "skola")))
	f.Add("opened|x")
	f.Fuzz(func(t *testing.T, s string) {
		e, err := decode(s)
		if err != nil {
			return
		}
		// Encoding cleans values once; from then on it is exact.
		once, err := decode(encode(e))
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		again, err := decode(encode(once))
		if err != nil || !reflect.DeepEqual(again, once) {
			t.Fatalf("%q: %+v then %+v (%v)", s, once, again, err)
		}
	})
}

package sip

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/stats"
)

// TestStatsEvents: every lifecycle step is recorded as an anonymous
// statistics event in the case's own transaction; the stored events hold
// no needs, goals, names or contact ids, and Load drops the reference.
func TestStatsEvents(t *testing.T) {
	h := newHarness(t)
	ref, invs := h.invitedCase(`behov="` + testNeeds + `"`)
	bup, soc := invs["bup"], invs["socialtjanst-barn"]
	h.act(bup.ContactID, actAttend, ref+"|"+bup.ID, "", false)
	h.act(soc.ContactID, actDecline, ref+"|"+soc.ID, "sjuk", false)
	for _, in := range []string{
		"möte " + ref + " hållet 2026-11-20", // back-registered
		`plan ` + ref + ` mål "Jag vill klara nian"`,
		`plan ` + ref + ` behov "skolnärvaro"`,
		`plan ` + ref + ` insats bup "samtal"`,
		`plan ` + ref + ` insats socialtjanst-barn "föräldrastöd"`,
		`plan ` + ref + ` insats primarvard "hälsokontroll"`,
		`plan ` + ref + ` åtgärd ingen`,
		"plan " + ref + " ansvar=bup",
		"uppföljning " + ref + " 2027-03-01",
		"plan " + ref + " klar",
	} {
		h.cmd(kurator, in)
	}
	h.clock.Set(time.Date(2027, 3, 2, 10, 0, 0, 0, time.UTC))
	h.cmd(kurator, "uppföljning "+ref+" hållen")
	h.cmd(kurator, "avsluta "+ref+" orsak=behov-tillgodosedda")

	cases, err := stats.Load(h.ctx, h.st)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 1 {
		t.Fatalf("%d cases", len(cases))
	}
	var got []string
	for _, e := range cases[0] {
		s := string(e.Kind)
		switch e.Kind {
		case stats.KindOpened:
			s += fmt.Sprintf(" %s %s %s %s %v %s/%s", e.Kommun, e.Region, e.AgeBand, e.Type, e.Parties, e.Org, e.OrgKind)
		case stats.KindInvited:
			s += fmt.Sprintf(" %s %s %s/%s", e.Care, e.Unit, e.Org, e.OrgKind)
		case stats.KindHeld, stats.KindFollowUp:
			s += " " + e.At.Format(time.DateOnly)
		case stats.KindEstablished:
			s += fmt.Sprintf(" items=%b goals=%v resp=%s follow-up=%s", e.Items, e.Goals, e.RespKind, e.FollowUp.Format(time.DateOnly))
		case stats.KindEnded:
			s += " " + e.Reason
		}
		got = append(got, s)
	}
	want := []string{
		"opened 1281 Region Skåne 0-18 ordinary [bup skola socialtjanst-barn primarvard] lund/kommun",
		"consent",
		"booked",
		"invited bup bup-lund region-skane/region",
		"invited skola lund-skola-polhem lund/kommun",
		"answered",
		"invited socialtjanst-barn lund-socialtjanst-barn lund/kommun",
		"invited primarvard vc-lund-centrum region-skane/region",
		"answered",
		"declined",
		"unanswered",
		"held 2026-11-20",
		"established items=1111 goals=true resp=region follow-up=2027-03-01",
		"follow_up 2027-03-02",
		"ended needs-met",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	months, _ := h.st.Members(h.ctx, stats.IndexMonths)
	for _, m := range months {
		members, _ := h.st.Members(h.ctx, "stats:m:"+m)
		for _, mem := range members {
			_, payload, _ := strings.Cut(mem, "\x1f")
			_, payload, _ = strings.Cut(payload, "\x1f")
			for _, secret := range []string{ref, "skolnärvaro", "klara nian", "sjuk", "Sara", kurator, bup.ContactID, testNeeds} {
				if strings.Contains(payload, secret) {
					t.Errorf("stored event %q holds %q", payload, secret)
				}
			}
		}
	}
}

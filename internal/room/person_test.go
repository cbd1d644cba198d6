package room

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// personLinkOf runs /sip länk as contact and returns the link and code.
func (e *env) personLink(contact, ref, role string) (string, string) {
	e.t.Helper()
	reply, ok := e.room.Command(e.ctx, actor(contact), "länk "+ref+" "+role)
	if !ok {
		e.t.Fatal("länk not handled by the room")
	}
	m := regexp.MustCompile(`(https?://\S+)\nKod: \*([A-Z0-9]{6})\*`).FindStringSubmatch(reply.Text)
	if m == nil {
		e.t.Fatalf("no link and code in %q", reply.Text)
	}
	return m[1], m[2]
}

// signIn opens a personal link with code and returns the individual's page.
func (e *env) signIn(b *browser, link, code string) (int, string) {
	e.t.Helper()
	resp, page := b.get(link)
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, page
	}
	token := regexpFind(`name="t" value="([^"]+)"`, page)
	resp, page = b.post(e.srv.URL+PersonPath, url.Values{"csrf": {csrfOf(e.t, page)}, "t": {token}, "code": {code}})
	if resp.StatusCode != http.StatusSeeOther {
		return resp.StatusCode, page
	}
	resp, page = b.get(e.srv.URL + resp.Header.Get("Location"))
	return resp.StatusCode, page
}

// TestIndividualPage: the convener gives out a link and code; the
// individual signs in, sees the meeting and who comes (units, no names),
// writes their goals, which the staff see marked as theirs; the written
// plan comes as a page and a PDF; revoking ends the session at once.
func TestIndividualPage(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	if reply, _ := e.room.Command(e.ctx, actor(bupLund), "länk "+ref+" individen"); strings.Contains(reply.Text, "http") {
		t.Fatalf("an invitee got a personal link: %q", reply.Text)
	}
	if _, ok := e.room.Command(e.ctx, actor(kurator), "status "+ref); ok {
		t.Fatal("the room took a core command")
	}
	link, code := e.personLink(kurator, ref, "individen")
	b := e.browser()
	status, page := e.signIn(b, link, code)
	if status != http.StatusOK || !contains(page, "Din SIP", "2026-12-10 13:00", "BUP Lund", "Mina mål och önskemål") {
		t.Fatalf("individual's page %d:\n%s", status, page)
	}
	if contains(page, "BUP Lund SIP-mottagning") || strings.Contains(page, canaryNeeds) {
		t.Errorf("the individual's page shows staff names or the convener's needs text:\n%s", page)
	}
	resp, out := b.post(e.srv.URL+"/rum/mitt", url.Values{"csrf": {csrfOf(t, page)}, "goals": {"gå i skolan, 19121212-1212"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !contains(out, `id="err-goals"`, "personnummer") || strings.Contains(out, "1212-1212") {
		t.Errorf("personnummer in goals: %d\n%s", resp.StatusCode, out)
	}
	resp, _ = b.post(e.srv.URL+"/rum/mitt", url.Values{"csrf": {"forged"}, "goals": {"smuggled"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("forged post: %d", resp.StatusCode)
	}
	resp, _ = b.post(e.srv.URL+"/rum/mitt", url.Values{"csrf": {csrfOf(t, page)}, "goals": {"Jag vill gå i skolan igen"},
		"participation": {"video-utan-kamera"}, "coming": {"ja"}, "interpreter": {"arabiska"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	if _, page = b.get(e.srv.URL + "/rum/mitt?sparat=1"); !contains(page, "Jag vill gå i skolan igen", "Tack!") {
		t.Errorf("saved goals not shown:\n%s", page)
	}
	// The convener sees them, marked as the individual's.
	staff := e.enter(e.browser(), e.link(kurator, ref))
	if !contains(staff, "Individens egna ord", "Skrivet av individen", "Jag vill gå i skolan igen", "Via länk, utan kamera", "arabiska") {
		t.Errorf("staff page lacks the individual's words:\n%s", staff)
	}
	// The written plan.
	e.svc.Command(e.ctx, actor(kurator), `plan `+ref+` insats bup "samtal varannan vecka"`)
	e.svc.Command(e.ctx, actor(kurator), "uppföljning "+ref+" 2027-03-01")
	if _, page = b.get(e.srv.URL + "/rum/" + ref + "/plan"); !contains(page, "samtal varannan vecka", "2027-03-01", "Jag vill gå i skolan igen") {
		t.Errorf("plan page:\n%s", page)
	}
	resp, pdf := b.get(e.srv.URL + "/rum/" + ref + "/plan.pdf")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf, "%PDF-1.4") {
		t.Fatalf("pdf: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{"Mina mål och önskemål", "Jag vill gå i skolan igen", "samtal varannan vecka", "2027-03-01", ref} {
		enc, _ := charmap.Windows1252.NewEncoder().String(want)
		if !strings.Contains(pdf, "("+enc) && !strings.Contains(pdf, enc) {
			t.Errorf("pdf lacks %q", want)
		}
	}
	// Once the plan is established, the convener records that the
	// individual received it.
	for _, c := range []string{"möte " + ref + " hållet 2026-11-23", `plan ` + ref + ` behov "skolnärvaro"`,
		"plan " + ref + " åtgärd ingen", "plan " + ref + " ansvar=bup-lund", "plan " + ref + " klar"} {
		e.svc.Command(e.ctx, actor(kurator), c)
	}
	if res, _ := e.svc.View(e.ctx, actor(kurator), ref); res.Case.Established == nil {
		t.Fatalf("plan not established: %+v", res.Case.Plan)
	}
	sb := e.browser()
	spage := e.enter(sb, e.link(kurator, ref))
	if !strings.Contains(spage, "Registrera mottagen") {
		t.Error("no receipt form on an established plan")
	}
	resp, out = sb.post(e.srv.URL+"/rum/"+ref+"/mottagen", url.Values{"csrf": {csrfOf(t, spage)}, "date": {"2030-01-01"}, "form": {"paper"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(out, `id="err-rdate"`) {
		t.Errorf("receipt in the future: %d", resp.StatusCode)
	}
	if resp, _ = sb.post(e.srv.URL+"/rum/"+ref+"/mottagen", url.Values{"csrf": {csrfOf(t, spage)}, "date": {"2026-11-23"}, "form": {"paper"}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("receipt: %d", resp.StatusCode)
	}
	if res, _ := e.svc.View(e.ctx, actor(kurator), ref); res.Case.Plan.Received == nil || res.Case.Plan.Received.Form != "paper" {
		t.Errorf("receipt not recorded: %+v", res.Case.Plan.Received)
	}
	// Another case's plan is not theirs.
	if resp, _ := b.get(e.srv.URL + "/rum/SIP-AAAAAA/plan.pdf"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("other plan: %d", resp.StatusCode)
	}
	// Revoked: out at once, and the link no longer opens.
	if reply, _ := e.room.Command(e.ctx, actor(kurator), "länk "+ref+" återkalla"); !strings.Contains(reply.Text, "1 personliga länkar") {
		t.Errorf("revoke: %q", reply.Text)
	}
	if resp, _ := b.get(e.srv.URL + "/rum/mitt"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("after revoking: %d", resp.StatusCode)
	}
	if status, _ := e.signIn(e.browser(), link, code); status != http.StatusForbidden {
		t.Errorf("revoked link: %d", status)
	}
}

// TestPersonLinkRefusals: wrong codes lock a link; a link stops after the
// follow-up date; a forged code form is refused.
func TestPersonLinkRefusals(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	link, code := e.personLink(kurator, ref, "vårdnadshavare")
	b := e.browser()
	for i := range maxCodeFails {
		if status, _ := e.signIn(b, link, "XXXXXX"); status != http.StatusUnprocessableEntity && i < maxCodeFails-1 {
			t.Fatalf("wrong code %d: %d", i, status)
		}
	}
	if status, _ := e.signIn(b, link, code); status != http.StatusForbidden {
		t.Errorf("right code after %d wrong: %d", maxCodeFails, status)
	}

	link, code = e.personLink(kurator, ref, "individen")
	_, page := b.get(link)
	token := regexpFind(`name="t" value="([^"]+)"`, page)
	if resp, _ := e.browser().post(e.srv.URL+PersonPath, url.Values{"csrf": {csrfOf(t, page)}, "t": {token}, "code": {code}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("code form without its cookie: %d", resp.StatusCode)
	}
	if status, _ := e.signIn(e.browser(), e.srv.URL+PersonPath+"?t="+strings.Repeat("C", 43), code); status != http.StatusForbidden {
		t.Errorf("guessed personal link: %d", status)
	}
	e.svc.Command(e.ctx, actor(kurator), "uppföljning "+ref+" 2027-03-01")
	in := e.browser()
	if status, _ := e.signIn(in, link, code); status != http.StatusOK {
		t.Fatalf("before the follow-up: %d", status)
	}
	e.clock.Set(time.Date(2027, 3, 3, 9, 0, 0, 0, time.UTC))
	if resp, _ := in.get(e.srv.URL + "/rum/mitt"); resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("after the follow-up date: %d", resp.StatusCode)
	}
}

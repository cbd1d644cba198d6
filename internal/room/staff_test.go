package room

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestStaffFromChat: the convener presses "Öppna ärendet", follows the
// link, sees the case with the needs, adds a plan item through the form
// and is out at once when consent is withdrawn.
func TestStaffFromChat(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	link := e.link(kurator, ref)
	if !strings.HasPrefix(link, e.srv.URL+OpenPath+"?t=") {
		t.Fatalf("link %q", link)
	}
	b := e.browser()
	resp, _ := b.get(link)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/rum/"+ref {
		t.Fatalf("open: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	cookie := resp.Header.Get("Set-Cookie")
	for _, want := range []string{cookieName + "=", "Path=/rum/", "HttpOnly", "SameSite=Lax", "Max-Age="} {
		if !strings.Contains(cookie, want) {
			t.Errorf("cookie %q lacks %s", cookie, want)
		}
	}
	if strings.Contains(cookie, "Secure") {
		t.Error("cookie Secure on plain http (the test server)")
	}
	resp, page := b.get(e.srv.URL + "/rum/" + ref)
	if resp.StatusCode != http.StatusOK || !contains(page, ref, canaryNeeds, `lang="sv"`, "Planen", "Föreslå tider") {
		t.Fatalf("case page %d:\n%s", resp.StatusCode, page)
	}
	for h, want := range map[string]string{
		"Content-Security-Policy": csp, "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
		"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s: %q, want %q", h, got, want)
		}
	}
	if strings.Contains(page, "<script") || strings.Contains(page, "style=") {
		t.Error("inline script or style in the page")
	}

	// A plan item through the form and the typed core.
	resp, _ = b.post(e.srv.URL+"/rum/"+ref+"/plan", url.Values{"csrf": {csrfOf(t, page)}, "kind": {"effort"}, "party": {"bup"}, "text": {"samtal varannan vecka"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("plan item: %d", resp.StatusCode)
	}
	_, page = b.get(e.srv.URL + "/rum/" + ref + "?sparat=1")
	if !contains(page, "samtal varannan vecka", "Sparat.") {
		t.Fatalf("plan item not shown:\n%s", page)
	}
	// The agenda draft is in the room, not in chat.
	if reply := e.svc.Command(e.ctx, actor(kurator), "agenda "+ref).Body().Plain(); strings.Contains(reply, canaryNeeds) {
		t.Errorf("the agenda reply in chat shows the needs: %s", reply)
	}
	if _, page = b.get(e.srv.URL + "/rum/" + ref); !contains(page, "Dagordning", "2. "+canaryNeeds) {
		t.Errorf("agenda draft not on the page:\n%s", page)
	}
	// A goal and a need, through the same form.
	for kind, txt := range map[string]string{"goal": "att gå i skolan", "need": "skolnärvaro"} {
		resp, _ := b.post(e.srv.URL+"/rum/"+ref+"/plan", url.Values{"csrf": {csrfOf(t, page)}, "kind": {kind}, "text": {txt}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("plan %s: %d", kind, resp.StatusCode)
		}
	}
	if _, page = b.get(e.srv.URL + "/rum/" + ref + "/plan"); !contains(page, "att gå i skolan", "1. Behov", "skolnärvaro", "samtal varannan vecka") {
		t.Errorf("printable plan:\n%s", page)
	}
	// English on request.
	if _, en := b.get(e.srv.URL + "/rum/" + ref + "?lang=en"); !contains(en, `lang="en"`, "The plan", "På svenska") {
		t.Errorf("English page:\n%s", en)
	}

	// Consent withdrawn: the very next request is refused and the session gone.
	e.svc.Command(e.ctx, actor(kurator), "återkalla "+ref)
	resp, page = b.get(e.srv.URL + "/rum/" + ref)
	if resp.StatusCode != http.StatusNotFound || strings.Contains(page, canaryNeeds) {
		t.Fatalf("after withdrawal: %d\n%s", resp.StatusCode, page)
	}
	resp, _ = b.get(e.srv.URL + "/rum/" + ref)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("session survived the withdrawal: %d", resp.StatusCode)
	}
	if reply := e.svc.Act(e.ctx, actor(kurator), chatOpen(ref)); strings.Contains(reply.Text, "http") {
		t.Errorf("a link after withdrawal: %q", reply.Text)
	}
}

// TestLinkRefusals: a used, expired, guessed or foreign link opens
// nothing, and says the same for each.
func TestLinkRefusals(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	link := e.link(kurator, ref)
	e.enter(e.browser(), link)
	resp, refusedPage := e.browser().get(link)
	if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Set-Cookie") != "" {
		t.Fatalf("reused link: %d", resp.StatusCode)
	}
	old := e.link(kurator, ref)
	e.clock.Advance(5*time.Minute + time.Second)
	if resp, page := e.browser().get(old); resp.StatusCode != http.StatusForbidden || page != refusedPage {
		t.Errorf("expired link: %d", resp.StatusCode)
	}
	guessed := strings.Repeat("A", 43)
	if resp, page := e.browser().get(e.srv.URL + OpenPath + "?t=" + guessed); resp.StatusCode != http.StatusForbidden || page != refusedPage {
		t.Errorf("guessed link: %d", resp.StatusCode)
	}
	// An outsider gets no link at all.
	if reply := e.svc.Act(e.ctx, actor("malmo-hemsjukvard-vagin"), chatOpen(ref)); strings.Contains(reply.Text, "http") {
		t.Errorf("outsider got a link: %q", reply.Text)
	}
	// A session for one case sees no other: the same "not found" as a
	// case that does not exist.
	b := e.browser()
	e.enter(b, e.link(kurator, ref))
	other := e.invitedCase()
	r1, p1 := b.get(e.srv.URL + "/rum/" + other)
	r2, p2 := b.get(e.srv.URL + "/rum/SIP-AAAAAA")
	if r1.StatusCode != http.StatusNotFound || r2.StatusCode != http.StatusNotFound || p1 != strings.ReplaceAll(p2, "SIP-AAAAAA", other) {
		t.Errorf("forbidden %d and missing %d differ:\n%s\n---\n%s", r1.StatusCode, r2.StatusCode, p1, p2)
	}
}

// TestForms: a forged post is refused, a personnummer is refused next to
// its field and never echoed, an invitee answers through the form.
func TestForms(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	b := e.browser()
	page := e.enter(b, e.link(kurator, ref))
	for _, csrf := range []string{"", "forged", strings.Repeat("x", 43)} {
		resp, _ := b.post(e.srv.URL+"/rum/"+ref+"/plan", url.Values{"csrf": {csrf}, "kind": {"measure"}, "text": {"smuggled"}})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("csrf %q: %d", csrf, resp.StatusCode)
		}
	}
	// Without the session cookie the right token is worth nothing.
	if resp, _ := e.browser().post(e.srv.URL+"/rum/"+ref+"/plan", url.Values{"csrf": {csrfOf(t, page)}, "kind": {"measure"}, "text": {"smuggled"}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("post without session: %d", resp.StatusCode)
	}
	resp, out := b.post(e.srv.URL+"/rum/"+ref+"/plan", url.Values{"csrf": {csrfOf(t, page)}, "kind": {"measure"}, "text": {"skolskjuts för 19121212-1212"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !contains(out, `id="err-text"`, "personnummer") || strings.Contains(out, "1212-1212") {
		t.Errorf("personnummer: %d\n%s", resp.StatusCode, out)
	}
	resp, out = b.post(e.srv.URL+"/rum/"+ref+"/tid", url.Values{"csrf": {csrfOf(t, page)}, "slot": {"2020-01-01 10:00", "", ""}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !contains(out, `id="err-slots"`, "2020-01-01 10:00") {
		t.Errorf("past slot: %d\n%s", resp.StatusCode, out)
	}
	res, _ := e.svc.View(e.ctx, actor(kurator), ref)
	if len(res.Case.Plan.Measures) != 0 {
		t.Errorf("refused posts changed the plan: %v", res.Case.Plan.Measures)
	}

	// BUP answers in the room.
	bb := e.browser()
	bpage := e.enter(bb, e.link(bupLund, ref))
	if strings.Contains(bpage, canaryNeeds) || !contains(bpage, "Ditt svar") {
		t.Fatalf("pending invitee's page:\n%s", bpage)
	}
	inv := regexpFind(`name="inv" value="([^"]+)"`, bpage)
	resp, _ = bb.post(e.srv.URL+"/rum/"+ref+"/svar", url.Values{"csrf": {csrfOf(t, bpage)}, "inv": {inv}, "kind": {"decline"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("decline without a reason: %d", resp.StatusCode)
	}
	resp, _ = bb.post(e.srv.URL+"/rum/"+ref+"/svar", url.Values{"csrf": {csrfOf(t, bpage)}, "inv": {inv}, "kind": {"attend"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("attend: %d", resp.StatusCode)
	}
	if _, bpage = bb.get(e.srv.URL + "/rum/" + ref); !contains(bpage, canaryNeeds, "kommer") {
		t.Errorf("accepted invitee's page lacks the needs:\n%s", bpage)
	}
}

// TestLogsHoldNoToken: links and cookies never reach the log.
func TestLogsHoldNoToken(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	link := e.link(kurator, ref)
	b := e.browser()
	e.enter(b, link)
	b.get(link)
	token := link[strings.Index(link, "t=")+2:]
	if strings.Contains(e.logs.String(), token) {
		t.Errorf("log holds the link token:\n%s", e.logs.String())
	}
}

// TestRateLimit: one address asking too often is slowed down.
func TestRateLimit(t *testing.T) {
	e := newEnv(t)
	e.room.limiter = newLimiter(5, time.Minute, e.clock.Now)
	b := e.browser()
	codes := map[int]int{}
	for range 8 {
		resp, _ := b.get(e.srv.URL + OpenPath + "?t=" + strings.Repeat("B", 43))
		codes[resp.StatusCode]++
	}
	if codes[http.StatusForbidden] != 5 || codes[http.StatusTooManyRequests] != 3 {
		t.Errorf("codes %v", codes)
	}
	for _, u := range []string{PersonPath + "?t=x", OpenPath + "?t=x"} {
		if resp, _ := b.get(e.srv.URL + u); resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("%s over the limit: %d", u, resp.StatusCode)
		}
	}
	if resp, _ := b.get(e.srv.URL + "/rum/static/room.css"); resp.StatusCode != http.StatusOK {
		t.Errorf("a page behind the ways in was limited: %d", resp.StatusCode)
	}
	e.clock.Advance(time.Minute)
	if resp, _ := b.get(e.srv.URL + OpenPath + "?t=x"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("after a minute: %d", resp.StatusCode)
	}
}

// TestChatAnswersInTheirLanguage: the room answers in chat in the
// presser's own language (/sip språk), not the service's.
func TestChatAnswersInTheirLanguage(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	e.svc.Command(e.ctx, actor(bupLund), "språk en")
	if reply := e.svc.Act(e.ctx, actor(bupLund), chatOpen(ref)); !strings.HasPrefix(reply.Text, "Open case "+ref) {
		t.Errorf("English invitee got %q", reply.Text)
	}
	if reply := e.svc.Act(e.ctx, actor(kurator), chatOpen(ref)); !strings.HasPrefix(reply.Text, "Öppna ärendet "+ref) {
		t.Errorf("Swedish convener got %q", reply.Text)
	}
}

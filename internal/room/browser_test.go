package room

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/charmap"
)

// The browser tests drive Debian's Chromium (scripts/test installs it)
// through chromedp. They FAIL, never skip, when Chromium or axe-core is
// missing: a case room nobody opened in a browser is not tested.

var updateDocs = flag.Bool("update-docs", false, "rewrite the screenshot of the individual's page in docs/")

// chromium is the browser binary: $SAMLA_CHROMIUM or /usr/bin/chromium.
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("SAMLA_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("Chromium is needed for the case room's browser tests: %v (run ./scripts/test, or: apt-get install chromium)", err)
	}
	return path
}

// axeSource is axe-core, installed by scripts/test into tools/axe.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("SAMLA_AXE")
	if path == "" {
		path = filepath.Join("..", "..", "tools", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("axe-core is needed for the accessibility check: %v (run ./scripts/test, or: npm ci --prefix tools/axe)", err)
	}
	return string(b)
}

// artifacts is where screenshots go: $SAMLA_TEST_ARTIFACTS, else
// .artifacts/room at the top of the repository (ignored by git).
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SAMLA_TEST_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", ".artifacts")
	}
	dir = filepath.Join(dir, "room")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// tab is one browser tab of a fresh headless Chromium.
type tab struct {
	t   *testing.T
	ctx context.Context
	axe string
}

func newTab(t *testing.T) *tab {
	t.Helper()
	path, axe := chromium(t), axeSource(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-default-browser-check", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start Chromium: %v", err)
	}
	return &tab{t: t, ctx: ctx, axe: axe}
}

// do runs actions with a time limit.
func (b *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// text is the visible text of the selector's first match.
func (b *tab) text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// open goes to u and waits for the page's main heading.
func (b *tab) open(u string) string {
	b.t.Helper()
	b.do(chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS("h1")))
	return b.text("main")
}

// submit clicks a form's button and waits until the page's address or
// heading changes: the next page has arrived.
func (b *tab) submit(button string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	marker := `document.body.dataset.samlaBefore = "1"`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](marker)); err != nil {
		b.t.Fatal(err)
	}
	b.do(chromedp.Click(chromedp.CSS(button)))
	for {
		gone, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState === "complete" && !(document.body && document.body.dataset.samlaBefore)`))
		if err == nil && gone {
			break
		}
		if ctx.Err() != nil {
			b.t.Fatalf("no new page after clicking %s", button)
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.do(chromedp.WaitVisible(chromedp.CSS("h1")))
	return b.text("main")
}

// screenshot keeps the whole page as name.png among the artefacts.
func (b *tab) screenshot(name string) []byte {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(artifacts(b.t), name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	return png
}

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []string `json:"target"`
	} `json:"nodes"`
}

// checkA11y runs axe-core in the page (WCAG 2.1 A and AA rules) and fails
// on every serious or critical violation.
func (b *tab) checkA11y(page string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](b.axe)); err != nil {
		b.t.Fatalf("load axe-core: %v", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](
		`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => ({v: r.violations, n: r.passes.length}))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("run axe-core: %v", err)
	}
	var res struct {
		V []axeViolation `json:"v"`
		N int            `json:"n"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		b.t.Fatalf("axe result: %v", err)
	}
	if res.N == 0 {
		b.t.Fatalf("%s: axe-core passed no rule at all; it did not look at the page", page)
	}
	for _, v := range res.V {
		if v.Impact == "serious" || v.Impact == "critical" {
			b.t.Errorf("%s: accessibility %s (%s): %s at %v", page, v.ID, v.Impact, v.Help, v.Nodes)
		}
	}
}

// cookieHeader is the browser's cookies for u as a Cookie header.
func (b *tab) cookieHeader(u string) string {
	b.t.Helper()
	res, err := chromedp.Run(b.ctx, chromedp.Action[*network.GetCookiesResult](func(ctx context.Context, t *chromedp.Target) (*network.GetCookiesResult, error) {
		r, err := cdp.Call(ctx, t, network.GetCookies, network.GetCookiesParams{URLs: []string{u}})
		return &r, err
	}))
	if err != nil {
		b.t.Fatal(err)
	}
	var parts []string
	for _, c := range res.Cookies {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}

// TestBrowserStaff: a member of staff follows the chat link, sees the
// case, adds a plan item, a forged form is refused, and they are logged
// out when consent is withdrawn.
func TestBrowserStaff(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	b := newTab(t)
	page := b.open(e.link(kurator, ref))
	if !contains(page, ref, canaryNeeds, "Lägg till i planen") {
		t.Fatalf("case page:\n%s", page)
	}
	b.checkA11y("staff page")
	b.screenshot("staff-case")
	b.do(chromedp.SetValue(chromedp.CSS("#text"), "samtal varannan vecka"), chromedp.Click(chromedp.CSS("#party")))
	page = b.submit(`form[action$="/plan"] button`)
	if !contains(page, "Sparat.", "samtal varannan vecka") {
		t.Fatalf("after adding a plan item:\n%s", page)
	}
	res, _ := e.svc.View(e.ctx, actor(kurator), ref)
	if len(res.Case.Plan.Efforts) != 1 || res.Case.Plan.Efforts[0].Text != "samtal varannan vecka" {
		t.Errorf("plan in the core: %+v", res.Case.Plan)
	}
	// A forged token (as another site's form would send) is refused.
	b.do(chromedp.SetAttributeValue(chromedp.CSS(`form[action$="/plan"] input[name=csrf]`), "value", "forged"),
		chromedp.SetValue(chromedp.CSS("#text"), "smuggled"))
	if page = b.submit(`form[action$="/plan"] button`); !strings.Contains(page, "Formuläret kunde inte skickas") {
		t.Errorf("forged form:\n%s", page)
	}
	// English.
	if page = b.open(e.srv.URL + "/rum/" + ref + "?lang=en"); !contains(page, "The plan", "In the individual's own words") {
		t.Errorf("English page:\n%s", page)
	}
	e.svc.Command(e.ctx, actor(kurator), "återkalla "+ref)
	if page = b.open(e.srv.URL + "/rum/" + ref); !strings.Contains(page, "Hittades inte") || strings.Contains(page, canaryNeeds) {
		t.Errorf("after consent was withdrawn:\n%s", page)
	}
	if page = b.open(e.srv.URL + "/rum/" + ref); !strings.Contains(page, "Du är utloggad") {
		t.Errorf("session after withdrawal:\n%s", page)
	}
	b.screenshot("staff-logged-out")
}

// TestBrowserRefusedLinks: expired, revoked, reused and guessed links.
func TestBrowserRefusedLinks(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	b := newTab(t)
	used := e.link(kurator, ref)
	b.open(used)
	for name, u := range map[string]string{
		"reused":  used,
		"guessed": e.srv.URL + OpenPath + "?t=" + strings.Repeat("g", 43),
	} {
		fresh := newTab(t)
		if page := fresh.open(u); !strings.Contains(page, "Länken fungerar inte") {
			t.Errorf("%s staff link:\n%s", name, page)
		}
	}
	expired := e.link(bupLund, ref)
	e.clock.Advance(6 * time.Minute)
	if page := newTab(t).open(expired); !strings.Contains(page, "Länken fungerar inte") {
		t.Errorf("expired staff link:\n%s", page)
	}
	link, code := e.personLink(kurator, ref, "individen")
	e.room.Command(e.ctx, actor(kurator), "länk "+ref+" återkalla")
	p := newTab(t)
	if page := p.open(link); !strings.Contains(page, "Länken fungerar inte") {
		t.Errorf("revoked personal link:\n%s", page)
	}
	p.checkA11y("refusal page")
	p.screenshot("link-refused")
	_ = code
	if page := p.open(e.srv.URL + PersonPath + "?t=" + strings.Repeat("h", 43)); !strings.Contains(page, "Länken fungerar inte") {
		t.Errorf("guessed personal link:\n%s", page)
	}
}

// TestBrowserIndividual: on a phone-sized screen the individual opens
// their link, enters the code, writes goals, answers, and downloads the
// written plan as a PDF.
func TestBrowserIndividual(t *testing.T) {
	e := newEnv(t)
	ref := e.invitedCase()
	link, code := e.personLink(kurator, ref, "individen")
	b := newTab(t)
	b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	if page := b.open(link); !strings.Contains(page, "Skriv din kod") {
		t.Fatalf("code page:\n%s", page)
	}
	b.checkA11y("code page")
	b.screenshot("individual-code")
	b.do(chromedp.SetValue(chromedp.CSS("#code"), strings.ToLower(code)))
	page := b.submit("form button")
	if !contains(page, "Mina mål och önskemål", "2026-12-10 13:00", "Vilka kommer") {
		t.Fatalf("individual's page:\n%s", page)
	}
	b.checkA11y("individual's page")
	b.do(
		chromedp.SetValue(chromedp.CSS("#goals"), "Jag vill gå i skolan igen och ha en kompis där."),
		chromedp.SetValue(chromedp.CSS("#matters"), "Att någon lyssnar på mig."),
		chromedp.Click(chromedp.CSS(`input[name=participation][value=video-utan-kamera]`)),
		chromedp.Click(chromedp.CSS(`input[name=coming][value=ja]`)),
	)
	page = b.submit(`form[action^="/rum/mitt"] button`)
	goals, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS("#goals")))
	if err != nil || !strings.Contains(page, "Tack!") || goals != "Jag vill gå i skolan igen och ha en kompis där." {
		t.Fatalf("after saving (goals %q, %v):\n%s", goals, err, page)
	}
	png := b.screenshot("individual-page")
	if *updateDocs {
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "case-room-individual.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Staff see what they wrote, marked as theirs.
	staff := e.enter(e.browser(), e.link(kurator, ref))
	if !contains(staff, "Skrivet av individen", "Jag vill gå i skolan igen", "Via länk, utan kamera") {
		t.Errorf("staff page lacks the individual's words")
	}
	// After the meeting: the plan, and its PDF with the browser's session.
	e.svc.Command(e.ctx, actor(kurator), `plan `+ref+` insats bup "samtal med BUP varannan vecka"`)
	e.svc.Command(e.ctx, actor(kurator), "uppföljning "+ref+" 2027-03-01")
	if page = b.open(e.srv.URL + "/rum/mitt"); !contains(page, "Din plan", "samtal med BUP varannan vecka", "2027-03-01") {
		t.Errorf("plan on the individual's page:\n%s", page)
	}
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/rum/"+ref+"/plan.pdf", nil)
	req.Header.Set("Cookie", b.cookieHeader(e.srv.URL+"/rum/"+ref+"/plan.pdf"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pdf := body(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(pdf, "%PDF-") {
		t.Fatalf("plan.pdf: %d", resp.StatusCode)
	}
	for _, want := range []string{"Mina mål och önskemål", "Jag vill gå i skolan igen", "samtal med BUP varannan vecka", "2027-03-01", ref} {
		enc, _ := charmap.Windows1252.NewEncoder().String(want)
		if !strings.Contains(pdf, enc) {
			t.Errorf("plan.pdf lacks %q", want)
		}
	}
	// Shown in the browser too (Chromium's PDF viewer needs the page
	// navigated to it; the download is what the individual keeps).
	if page = b.open(e.srv.URL + "/rum/" + ref + "/plan"); !contains(page, fmt.Sprint("Samordnad individuell plan (SIP) ", ref), "samtal med BUP varannan vecka") {
		t.Errorf("printable plan:\n%s", page)
	}
	b.checkA11y("printable plan")
	b.screenshot("individual-plan")
}

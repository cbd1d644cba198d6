package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// trustSlackAPI is a Slack Web API whose users.info answers per user with
// a profile e-mail or, for users in limited, 429; it records the blocks
// of every message posted and the answers posted to response_url.
type trustSlackAPI struct {
	mu        sync.Mutex
	emails    map[string]string   // user id → profile e-mail
	limited   map[string]bool     // user id → users.info answers 429
	members   map[string][]string // channel id → member user ids
	posts     []string            // channel + " " + blocks of chat.postMessage
	responses []string            // text posted to response_url
}

func newTrustSlackAPI() *trustSlackAPI {
	return &trustSlackAPI{emails: map[string]string{}, limited: map[string]bool{}, members: map[string][]string{}}
}

func (f *trustSlackAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/respond" {
		var body struct{ Text string }
		raw, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(raw, &body)
		f.mu.Lock()
		f.responses = append(f.responses, body.Text)
		f.mu.Unlock()
		return
	}
	_ = r.ParseForm()
	method := strings.TrimPrefix(r.URL.Path, "/")
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch method {
	case "users.info":
		user := r.Form.Get("user")
		if f.limited[user] {
			w.Header().Set("Retry-After", "30")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
			return
		}
		fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"profile":{"email":%q}}}`, user, f.emails[user])
	case "conversations.members":
		raw, _ := json.Marshal(f.members[r.Form.Get("channel")])
		fmt.Fprintf(w, `{"ok":true,"members":%s,"response_metadata":{"next_cursor":""}}`, raw)
	case "conversations.open":
		fmt.Fprintf(w, `{"ok":true,"channel":{"id":"D%s"}}`, r.Form.Get("users"))
	case "chat.postMessage":
		f.posts = append(f.posts, r.Form.Get("channel")+" "+r.Form.Get("blocks"))
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.%06d"}`, r.Form.Get("channel"), len(f.posts))
	case "chat.update":
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, r.Form.Get("channel"), r.Form.Get("ts"))
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}

func (f *trustSlackAPI) set(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn()
}

// response waits for the n-th answer posted to response_url.
func (f *trustSlackAPI) response(t *testing.T, n int) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		if len(f.responses) > n {
			r := f.responses[n]
			f.mu.Unlock()
			return r
		}
		f.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no answer %d on response_url", n)
	return ""
}

var refRE = regexp.MustCompile(`SIP-[0-9A-Z]{6}`)

var rsvpValueRE = regexp.MustCompile(`SIP-[0-9A-Z]{6}\|[^"|]+`)

// buttonValue waits for a message posted to channel holding an
// invitation's buttons and returns their "REF|invitation" value.
func (f *trustSlackAPI) buttonValue(t *testing.T, channel string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		for _, p := range f.posts {
			if strings.HasPrefix(p, channel+" ") && strings.Contains(p, "rsvp.attend") {
				f.mu.Unlock()
				return rsvpValueRE.FindString(p)
			}
		}
		f.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no invitation posted to %s", channel)
	return ""
}

// slackSigned posts a signed Slack request (form body) to path.
func slackSigned(t *testing.T, base, path, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	mac := hmac.New(sha256.New, []byte(slackServeSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// slackIn runs a signed /sip command as user of workspace team.
func slackIn(t *testing.T, base, team, user, text string) string {
	t.Helper()
	body := url.Values{
		"command": {"/sip"}, "text": {text}, "team_id": {team}, "user_id": {user},
		"channel_id": {"C0TEST"}, "trigger_id": {fmt.Sprint("trig-", slackTriggers.Add(1))},
	}.Encode()
	resp := slackSigned(t, base, "/slack/commands", body)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var reply struct{ Text string }
	_ = json.Unmarshal(raw, &reply)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %q: %d %s", user, text, resp.StatusCode, raw)
	}
	return reply.Text
}

// slackPress presses a button as user of team in channel; the core's
// answer goes to the fake's response_url.
func slackPress(t *testing.T, base, fake, team, user, channel, action, value string) {
	t.Helper()
	p, _ := json.Marshal(map[string]any{
		"type": "block_actions", "team": map[string]any{"id": team}, "user": map[string]any{"id": user},
		"channel": map[string]any{"id": channel}, "trigger_id": fmt.Sprint("trig-", slackTriggers.Add(1)),
		"response_url": fake + "/respond",
		"actions": []map[string]any{{"action_id": action, "block_id": "samla-actions-0", "type": "button", "value": value,
			"action_ts": fmt.Sprint(time.Now().UnixNano())}},
	})
	resp := slackSigned(t, base, "/slack/interactions", url.Values{"payload": {string(p)}}.Encode())
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("press %s: %d", action, resp.StatusCode)
	}
}

// metric reads one sample of the server's /metrics ("" when absent).
func metric(t *testing.T, base, sample string) string {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, sample+" "); ok {
			return v
		}
	}
	return ""
}

func serveSlackTrust(t *testing.T, api *trustSlackAPI, fake, data string) (string, *cliBuffer, func() int) {
	t.Helper()
	base, stderr, stop, _ := startServe(t, map[string]string{
		"SAMLA_DATA":                 data,
		"SAMLA_SLACK_SIGNING_SECRET": slackServeSecret,
		"SAMLA_SLACK_BOT_TOKENS":     "T0SKANE01=xoxb-skane,T0EVIL01=xoxb-evil",
		"SAMLA_SLACK_API_URL":        fake + "/",
	})
	return base, stderr, stop
}

// TestServeSlackTrust (issue 16, problem 1): a user of another Slack
// workspace whose profile e-mail is Habilitering Skåne's väg in can
// neither see the case it is invited to nor answer for it; the refusal
// is a counted security event. The same address on Region Skåne's own
// workspace links.
func TestServeSlackTrust(t *testing.T) {
	api := newTrustSlackAPI()
	fake := httptest.NewServer(api)
	defer fake.Close()
	api.set(func() {
		api.emails["U0EVE"] = "habilitering.vagin@example.se"
		api.emails["U0HABNEW"] = "habilitering.vagin@example.se"
	})
	base, stderr, stop := serveSlackTrust(t, api, fake.URL, t.TempDir())

	ref := refRE.FindString(slackIn(t, base, "T0SKANE01", "U0VCLUND", "ny kommun=Lund ålder=14 parter=habilitering"))
	if ref == "" {
		t.Fatal("no case")
	}
	slackIn(t, base, "T0SKANE01", "U0VCLUND", "samtycke "+ref+" skriftligt vårdnadshavare")
	slackIn(t, base, "T0SKANE01", "U0VCLUND", "bjud "+ref)
	value := api.buttonValue(t, "DU0HABSKANE")

	if text := slackIn(t, base, "T0EVIL01", "U0EVE", "mina"); strings.Contains(text, ref) {
		t.Errorf("another workspace's user sees the case: %q", text)
	}
	if text := slackIn(t, base, "T0EVIL01", "U0EVE", "status "+ref); !strings.Contains(text, "hittades inte") {
		t.Errorf("another workspace's user: status %q", text)
	}
	slackPress(t, base, fake.URL, "T0EVIL01", "U0EVE", "DU0EVE", "rsvp.attend", value)
	if text := api.response(t, 0); !strings.Contains(text, "hittades inte") {
		t.Errorf("another workspace's user answered: %q", text)
	}
	if text := slackIn(t, base, "T0SKANE01", "U0VCLUND", "status "+ref); strings.Contains(text, "kommer") {
		t.Errorf("the convener's status shows an answer: %q", text)
	}
	if got := metric(t, base, `samla_security_events_total{event="link_uncontrolled",platform="slack"}`); got == "" || got == "0" {
		t.Errorf("security events: %q", got)
	}
	// On Region Skåne's own workspace the same profile e-mail links.
	if text := slackIn(t, base, "T0SKANE01", "U0HABNEW", "mina"); !strings.Contains(text, ref) {
		t.Errorf("the väg in on its own workspace: %q", text)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	if log := stderr.String(); !strings.Contains(log, "security: link_uncontrolled") || strings.Contains(log, "habilitering.vagin@") {
		t.Errorf("the security event is not logged with ids only:\n%s", log)
	}
}

// TestServeSlackDurableLink (issue 16, problem 3): when users.info
// answers 429 on a user's first command they are told to try again and
// nothing is filed under their bare Slack id; once linked, a restarted
// server (empty cache, same store) whose users.info fails still knows
// them as the contact and their case as theirs.
func TestServeSlackDurableLink(t *testing.T) {
	api := newTrustSlackAPI()
	fake := httptest.NewServer(api)
	defer fake.Close()
	api.set(func() {
		api.emails["U0LINANEW"] = "lina.aberg@example.se" // BUP Lund's samordnare, linked by e-mail
		api.limited["U0LINANEW"] = true
	})
	data := t.TempDir()
	base, stderr, stop := serveSlackTrust(t, api, fake.URL, data)
	const newCase = "ny kommun=Lund ålder=14 parter=skola"
	if text := slackIn(t, base, "T0SKANE01", "U0LINANEW", newCase); !strings.Contains(text, "Försök igen") || refRE.MatchString(text) {
		t.Errorf("users.info 429 on the first command: %q", text)
	}
	if text := slackIn(t, base, "T0SKANE01", "U0LINANEW", "mina"); !strings.Contains(text, "Försök igen") {
		t.Errorf("/sip mina while unresolved: %q", text)
	}
	api.set(func() { api.limited["U0LINANEW"] = false })
	ref := refRE.FindString(slackIn(t, base, "T0SKANE01", "U0LINANEW", newCase))
	if ref == "" {
		t.Fatal("no case once users.info answers")
	}
	if text := slackIn(t, base, "T0SKANE01", "U0LINANEW", "mina"); !strings.Contains(text, "(1)") {
		t.Errorf("/sip mina: %q (the refused command must not have made a case)", text)
	}
	if code := stop(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}

	api.set(func() { api.limited["U0LINANEW"] = true })
	base, stderr, stop = serveSlackTrust(t, api, fake.URL, data)
	if text := slackIn(t, base, "T0SKANE01", "U0LINANEW", "status "+ref); strings.Contains(text, "hittades inte") || strings.Contains(text, "Försök igen") {
		t.Errorf("linked user, users.info failing: status %q", text)
	}
	if text := slackIn(t, base, "T0SKANE01", "U0LINANEW", "mina"); !strings.Contains(text, ref) {
		t.Errorf("linked user, users.info failing: mina %q", text)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

// TestServeMattermostTrust (issue 16, problem 1, on Mattermost): BUP
// Lund's organisation controls no Mattermost server, so a user of the
// Skåne kommuner's server whose verified e-mail is BUP Lund's väg in is
// not taken for it: /sip mina does not show the case BUP Lund is invited
// to, and the refusal is a counted security event.
func TestServeMattermostTrust(t *testing.T) {
	api := &fakeMattermostAPI{
		users:    map[string]string{mmID("samlabot"): "samla", mmID("fatima"): "fatima.said", mmID("bob"): "bob", mmID("eve"): "eve"},
		emails:   map[string]string{mmID("bob"): "sip.bup.lund@example.se", mmID("eve"): "habilitering.vagin@example.se"},
		verified: map[string]bool{mmID("bob"): true},
	}
	fake := httptest.NewServer(api)
	defer fake.Close()
	base, stderr, stop, _ := startServe(t, map[string]string{
		"SAMLA_DATA":                      t.TempDir(),
		"SAMLA_MATTERMOST_SERVERS":        "skane-kommun=" + fake.URL,
		"SAMLA_MATTERMOST_BOT_TOKENS":     "skane-kommun=bot-token",
		"SAMLA_MATTERMOST_COMMAND_TOKENS": "skane-kommun=tok-kommun",
		"SAMLA_MATTERMOST_ACTION_KEY":     "0123456789abcdef0123456789abcdef",
		"SAMLA_PUBLIC_URL":                "https://samla.example.se",
	})
	fatima := func(text string) string { return mmCommand(t, base, "tok-kommun", mmID("fatima"), "fatima.said", text) }
	ref := refRE.FindString(fatima("ny kommun=Lund ålder=14 parter=bup"))
	if ref == "" {
		t.Fatalf("no case:\n%s", stderr)
	}
	fatima("samtycke " + ref + " skriftligt vårdnadshavare")
	if out := fatima("bjud " + ref); !strings.Contains(out, "BUP Lund") {
		t.Fatalf("bjud: %s", out)
	}
	if out := mmCommand(t, base, "tok-kommun", mmID("bob"), "bob", "mina"); strings.Contains(out, ref) || !strings.Contains(out, "Du finns inte i kontaktkatalogen") {
		t.Errorf("a user of a server BUP Lund's organisation does not control was taken for BUP Lund:\n%s", out)
	}
	if out := mmCommand(t, base, "tok-kommun", mmID("bob"), "bob", "status "+ref); !strings.Contains(out, "hittades inte") {
		t.Errorf("status: %s", out)
	}
	mmCommand(t, base, "tok-kommun", mmID("eve"), "eve", "mina")
	for _, event := range []string{"link_uncontrolled", "link_unverified"} {
		if got := metric(t, base, `samla_security_events_total{event="`+event+`",platform="mattermost"}`); got == "" || got == "0" {
			t.Errorf("security events %s: %q", event, got)
		}
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

// TestServeSlackChannelButtons (issue 16, problems 4 and 5): BUP Malmö is
// reached through its team channel. A member of the channel answers the
// invitation for the unit and the convener's status says who did; a user
// of the same workspace outside the channel can neither answer nor stop
// the unit's reminders, and gets exactly the words a made-up reference
// gets.
func TestServeSlackChannelButtons(t *testing.T) {
	api := newTrustSlackAPI()
	fake := httptest.NewServer(api)
	defer fake.Close()
	api.set(func() { api.members["C0BUPMALMO"] = []string{"U0BOT", "U0MEMBER"} })
	base, stderr, stop := serveSlackTrust(t, api, fake.URL, t.TempDir())

	ref := refRE.FindString(slackIn(t, base, "T0SKANE01", "U0VCLUND", "ny kommun=Malmö ålder=14 parter=bup"))
	if ref == "" {
		t.Fatal("no case")
	}
	slackIn(t, base, "T0SKANE01", "U0VCLUND", "samtycke "+ref+" skriftligt vårdnadshavare")
	slackIn(t, base, "T0SKANE01", "U0VCLUND", "bjud "+ref)
	value := api.buttonValue(t, "C0BUPMALMO")
	inv := strings.TrimPrefix(value, ref+"|")
	made := "SIP-ZZZZZZ|" + inv

	// Outside the channel: the real invitation and a made-up one answer alike.
	press := func(user, action, value string) string {
		api.mu.Lock()
		n := len(api.responses)
		api.mu.Unlock()
		slackPress(t, base, fake.URL, "T0SKANE01", user, "C0BUPMALMO", action, value)
		return api.response(t, n)
	}
	real, madeUp := press("U0OUT", "rsvp.attend", value), press("U0OUT", "rsvp.attend", made)
	if !strings.Contains(real, "hittades inte") || real != strings.ReplaceAll(madeUp, "SIP-ZZZZZZ", ref) {
		t.Errorf("a non-member answering: %q; a made-up reference: %q", real, madeUp)
	}
	nudge := "nudge|" + ref + "|bup-malmo-vagin"
	real, madeUp = press("U0OUT", "reminder.stop", nudge), press("U0OUT", "reminder.stop", "nudge|SIP-ZZZZZZ|bup-malmo-vagin")
	if real != madeUp || strings.Contains(real, "Okej") {
		t.Errorf("a non-member stopping the unit's reminder: %q; a made-up reference: %q", real, madeUp)
	}

	if text := press("U0MEMBER", "reminder.snooze", "1d|"+nudge); strings.Contains(text, "finns inte") {
		t.Errorf("a member snoozing the unit's reminder: %q", text)
	}
	if text := press("U0MEMBER", "rsvp.attend", value); !strings.Contains(text, "Tack") {
		t.Errorf("a member of the unit's channel answering: %q", text)
	}
	if text := slackIn(t, base, "T0SKANE01", "U0VCLUND", "status "+ref); !strings.Contains(text, "kommer") || !strings.Contains(text, "svar från U0MEMBER") {
		t.Errorf("status after a member answered: %q", text)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

// mmButtonContext finds a post to channel holding ref and returns the
// signed context of its button label.
func mmButtonContext(t *testing.T, api *fakeMattermostAPI, channel, ref, label string) map[string]any {
	t.Helper()
	var found map[string]any
	waitFor(t, func() bool {
		for _, raw := range api.allPosts() {
			var p struct {
				ChannelID string `json:"channel_id"`
				Message   string `json:"message"`
				Props     struct {
					Attachments []struct {
						Text    string `json:"text"`
						Actions []struct {
							Name        string `json:"name"`
							Integration struct {
								Context map[string]any `json:"context"`
							} `json:"integration"`
						} `json:"actions"`
					} `json:"attachments"`
				} `json:"props"`
			}
			if json.Unmarshal([]byte(raw), &p) != nil || p.ChannelID != channel || !strings.Contains(raw, ref) {
				continue
			}
			for _, a := range p.Props.Attachments {
				for _, b := range a.Actions {
					if b.Name == label {
						found = b.Integration.Context
						return true
					}
				}
			}
		}
		return false
	}, "a post with "+label+" in "+channel)
	return found
}

// mmPress presses a button as Mattermost would post it to Samla.
func mmPress(t *testing.T, base, userID, userName, channel string, context map[string]any) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"user_id": userID, "user_name": userName, "channel_id": channel,
		"post_id": mmID("post1"), "type": "button", "context": context})
	resp, err := http.Post(base+"/mattermost/actions", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return fmt.Sprint(resp.StatusCode, " ", jsonStrings(t, raw))
}

// TestServeMattermostChannelButtons (issue 16, problems 4 and 5, on
// Mattermost through samla serve): Malmö's home health care is invited in
// its team channel; a user of the server outside the channel pressing
// "Jag kommer" gets what a made-up case gets, a member answers for the
// unit and the convener's status names them.
func TestServeMattermostChannelButtons(t *testing.T) {
	api := &fakeMattermostAPI{
		users:   map[string]string{mmID("samlabot"): "samla", mmID("fatima"): "fatima.said", mmID("olle"): "olle.sjuksk", mmID("mallory"): "mallory"},
		members: map[string]bool{"hemsjukvard-malmo/" + mmID("olle"): true},
	}
	fake := httptest.NewServer(api)
	defer fake.Close()
	base, stderr, stop, _ := startServe(t, map[string]string{
		"SAMLA_DATA":                      t.TempDir(),
		"SAMLA_MATTERMOST_SERVERS":        "skane-kommun=" + fake.URL,
		"SAMLA_MATTERMOST_BOT_TOKENS":     "skane-kommun=bot-token",
		"SAMLA_MATTERMOST_COMMAND_TOKENS": "skane-kommun=tok-kommun",
		"SAMLA_MATTERMOST_ACTION_KEY":     "0123456789abcdef0123456789abcdef",
		"SAMLA_PUBLIC_URL":                "https://samla.example.se",
	})
	fatima := func(text string) string { return mmCommand(t, base, "tok-kommun", mmID("fatima"), "fatima.said", text) }
	ref := refRE.FindString(fatima("ny kommun=Malmö ålder=82 parter=hemsjukvard"))
	if ref == "" {
		t.Fatalf("no case:\n%s", stderr)
	}
	fatima("samtycke " + ref + " skriftligt vårdnadshavare")
	fatima("bjud " + ref)
	ctx := mmButtonContext(t, api, "hemsjukvard-malmo", ref, "Jag kommer")

	if out := mmPress(t, base, mmID("mallory"), "mallory", "hemsjukvard-malmo", ctx); !strings.Contains(out, "hittades inte") {
		t.Errorf("a user outside the unit's channel: %s", out)
	}
	if out := fatima("status " + ref); strings.Contains(out, "✓ kommer") {
		t.Errorf("an answer from outside the channel counted:\n%s", out)
	}
	if out := mmPress(t, base, mmID("olle"), "olle.sjuksk", "hemsjukvard-malmo", ctx); strings.Contains(out, "hittades inte") || !strings.HasPrefix(out, "200") {
		t.Errorf("a member of the unit's channel: %s", out)
	}
	if out := fatima("status " + ref); !strings.Contains(out, "✓ kommer") || !strings.Contains(out, "svar från olle.sjuksk") {
		t.Errorf("status after a member answered:\n%s", out)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

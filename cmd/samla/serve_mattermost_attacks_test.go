package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeMattermostAPI is the part of a Mattermost server's API the bot uses:
// users, direct channels and posts. It records every post body.
type fakeMattermostAPI struct {
	users  map[string]string // id → username
	emails map[string]string // id → profile e-mail
	// verified holds the ids whose e-mail Mattermost has verified.
	verified map[string]bool
	// members holds channel id + "/" + user id of channel members.
	members map[string]bool

	mu    sync.Mutex
	posts []string
	n     int
}

// mmID makes a 26-character Mattermost id from a short name.
func mmID(name string) string { return (name + strings.Repeat("0", 26))[:26] }

func (f *fakeMattermostAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	path := strings.TrimPrefix(r.URL.Path, "/api/v4")
	switch {
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/users/"):
		id := strings.TrimPrefix(path, "/users/")
		if id == "me" {
			id = mmID("samlabot")
		}
		name, ok := f.users[id]
		if !ok {
			http.Error(w, `{"status_code":404}`, http.StatusNotFound)
			return
		}
		fmt.Fprintf(w, `{"id":%q,"username":%q,"email":%q,"email_verified":%t}`, id, name, f.emails[id], f.verified[id])
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/channels/") && strings.Contains(path, "/members/"):
		channel, user, _ := strings.Cut(strings.TrimPrefix(path, "/channels/"), "/members/")
		if !f.members[channel+"/"+user] {
			http.Error(w, `{"status_code":404}`, http.StatusNotFound)
			return
		}
		fmt.Fprintf(w, `{"channel_id":%q,"user_id":%q}`, channel, user)
	case r.Method == http.MethodPost && path == "/channels/direct":
		var ids []string
		_ = json.NewDecoder(r.Body).Decode(&ids)
		fmt.Fprintf(w, `{"id":%q,"type":"D","name":%q}`, mmID("dm"), strings.Join(ids, "__"))
	case r.Method == http.MethodPost && path == "/posts", r.Method == http.MethodPut && strings.HasSuffix(path, "/patch"):
		raw, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.posts = append(f.posts, string(raw))
		f.n++
		id := mmID(fmt.Sprint("post", f.n))
		f.mu.Unlock()
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"id":%q,"channel_id":%q}`, id, mmID("dm"))
	default:
		http.Error(w, `{"status_code":404}`, http.StatusNotFound)
	}
}

func (f *fakeMattermostAPI) allPosts() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.posts...)
}

// mmCommand posts the /sip slash command as Mattermost would, with the
// given user id and (unsigned) user name; it returns the whole answer.
func mmCommand(t *testing.T, base, token, userID, userName, text string) string {
	t.Helper()
	form := url.Values{"token": {token}, "team_id": {"team1"}, "channel_id": {"chan1"}, "user_id": {userID},
		"user_name": {userName}, "command": {"/sip"}, "text": {text}}
	resp, err := http.PostForm(base+"/mattermost/commands", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/sip %s: %d %s", text, resp.StatusCode, raw)
	}
	return jsonStrings(t, raw)
}

// jsonStrings is every string in a JSON document, one per line: what
// Mattermost renders of a post or an answer.
func jsonStrings(t *testing.T, raw []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("not JSON: %s", raw)
	}
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v + "\n")
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

// unsafeForMattermost names what in a post body Mattermost would turn into
// a link, an image or a notification.
func unsafeForMattermost(s string) string {
	s = regexp.MustCompile(`\\.`).ReplaceAllString(s, "") // escaped characters are text
	for _, bad := range []string{"[Klicka](", "![px](", "](https://evil.example", "<https://evil.example"} {
		if strings.Contains(s, bad) {
			return bad
		}
	}
	if m := regexp.MustCompile(`(^|[^\pL\pN])@(channel|all|here)\b`).FindString(s); m != "" {
		return m
	}
	return ""
}

// TestServeMattermostAttacks drives `samla serve` with a Mattermost server
// (a fake API) as an attacker would (issue 16): a forged user_name does not
// make anyone someone else (problem 7), typed Markdown and mentions reach
// nobody's client as links, images or notifications (problem 6), and the
// input gate refuses personnummer spellings and over-long places (2, 8).
func TestServeMattermostAttacks(t *testing.T) {
	api := &fakeMattermostAPI{users: map[string]string{
		mmID("samlabot"): "samla", mmID("fatima"): "fatima.said", mmID("mallory"): "mallory", mmID("eve"): "eve",
	}, emails: map[string]string{mmID("eve"): "habilitering.vagin@example.se"}}
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
	fatima := func(text string) string {
		return mmCommand(t, base, "tok-kommun", mmID("fatima"), "fatima.said", text)
	}
	ref := regexp.MustCompile(`SIP-[0-9A-Z]{6}`).FindString(fatima("ny kommun=Malmö ålder=82 parter=primarvard"))
	if ref == "" {
		t.Fatalf("no case:\n%s", stderr)
	}

	// Problem 7: Mallory sends Fatima's user name with her own user id.
	if out := mmCommand(t, base, "tok-kommun", mmID("mallory"), "fatima.said", "mina"); strings.Contains(out, ref) {
		t.Errorf("a forged user_name showed Fatima's case to Mallory:\n%s", out)
	}

	// Problem 1, on Mattermost: Eve's profile holds Habilitering Skåne's
	// väg-in address, unverified; she is not taken for that contact.
	if out := mmCommand(t, base, "tok-kommun", mmID("eve"), "eve", "mina"); !strings.Contains(out, "Du finns inte i kontaktkatalogen") {
		t.Errorf("Eve, with an unverified address of a contact, was linked to it:\n%s", out)
	}
	if !strings.Contains(stderr.String(), "e-mail link refused") {
		t.Errorf("no security event in the log:\n%s", stderr)
	}

	// Problem 6: a place with a hidden link, a tracking image and @channel.
	const place = "[Klicka](https://evil.example/x) ![px](https://evil.example/p.png) @channel @all"
	if unsafeForMattermost(place) == "" || unsafeForMattermost("@channel") == "" {
		t.Fatal("the check itself misses the attack")
	}
	out := fatima("möte " + ref + " 2026-12-10 13:00 plats=\"" + place + "\"")
	if !strings.Contains(out, "Klicka") {
		t.Fatalf("the meeting was not set:\n%s", out)
	}
	if bad := unsafeForMattermost(out); bad != "" {
		t.Errorf("the answer holds %q:\n%s", bad, out)
	}
	waitFor(t, func() bool {
		for _, p := range api.allPosts() {
			if strings.Contains(p, "Klicka") {
				return true
			}
		}
		return false
	}, "the convener's status post with the place")
	for _, p := range api.allPosts() {
		if bad := unsafeForMattermost(jsonStrings(t, []byte(p))); bad != "" {
			t.Errorf("a post holds %q: %s", bad, p)
		}
	}

	// Problems 2 and 8 on Mattermost.
	for _, pnr := range []string{"790104–5034", "790104\u00a05034", "７９０１０４－５０３４", "790104 - 5034"} {
		if out := fatima("avsluta " + ref + " orsak=\"" + pnr + "\""); !strings.Contains(out, "Skriv aldrig personnummer eller samordningsnummer i Samla") {
			t.Errorf("%q: %s", pnr, out)
		}
	}
	if out := fatima("möte " + ref + " 2026-12-11 13:00 plats=\"" + strings.Repeat("x", 201) + "\""); !strings.Contains(out, "högst 200 tecken, du skrev 201") {
		t.Errorf("201-character place: %s", out)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

// TestServeRefusesSharedMattermostToken: one command token for two servers
// would let anyone holding it act on either; serve does not start.
func TestServeRefusesSharedMattermostToken(t *testing.T) {
	env, _, stderr := cliTestEnv(map[string]string{
		"SAMLA_DATA":                     t.TempDir(),
		"SAMLA_MATTERMOST_SERVERS":       "skane=https://mm.skane.example.se,vgr=https://mm.vgr.example.se",
		"SAMLA_MATTERMOST_BOT_TOKENS":    "skane=b1,vgr=b2",
		"SAMLA_MATTERMOST_COMMAND_TOKEN": "shared",
		"SAMLA_MATTERMOST_ACTION_KEY":    "0123456789abcdef0123456789abcdef",
		"SAMLA_PUBLIC_URL":               "https://samla.example.se",
	})
	env.reload = make(chan struct{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if code := run(ctx, env, []string{"serve", "--listen", "127.0.0.1:0"}); code != 1 || !strings.Contains(stderr.String(), "SAMLA_MATTERMOST_COMMAND_TOKEN: shared by servers skane, vgr") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

package mattermost

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

// recorder is a fake Core that records every call.
type recorder struct {
	mu       sync.Mutex
	commands []recordedCommand
	acts     []recordedAct
	newCases []sip.NewCase
	reply    chat.Reply
	replyFor func(text string) chat.Reply
	// newCase answers NewCase; nil creates SIP-7K3QF2 with reply.
	newCase func(sip.NewCase) (sip.Result, error)
}

type recordedCommand struct {
	Who  chat.Actor
	Text string
}

type recordedAct struct {
	Who chat.Actor
	Act chat.Action
}

func (r *recorder) Command(_ context.Context, who chat.Actor, text string) chat.Reply {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.commands = append(r.commands, recordedCommand{who, text})
	if r.replyFor != nil {
		return r.replyFor(text)
	}
	return r.reply
}

func (r *recorder) Act(_ context.Context, who chat.Actor, act chat.Action) chat.Reply {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.acts = append(r.acts, recordedAct{who, act})
	return r.reply
}

func (r *recorder) NewCase(_ context.Context, _ chat.Actor, in sip.NewCase) (sip.Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.newCases = append(r.newCases, in)
	if r.newCase != nil {
		return r.newCase(in)
	}
	return sip.Result{Ref: "SIP-7K3QF2", Reply: r.reply}, nil
}

func (r *recorder) calls() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.commands) + len(r.acts) + len(r.newCases)
}

// fakeMM is an httptest fake of the few Mattermost API v4 endpoints the bot
// uses, with per-route failure injection.
type fakeMM struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	users    map[string]*model.User // id → user
	posts    map[string]*model.Post
	order    []string // post ids in creation order
	dialogs  []model.OpenDialogRequest
	fail     map[string][]failure // "METHOD /route" → next failures
	requests []string
	nextID   int
	members  map[string]bool // channel id + "/" + user id
}

type failure struct {
	status int
	header map[string]string
}

const fakeBotID = "botuserid000000000000000000"

func newFakeMM(t *testing.T) *fakeMM {
	f := &fakeMM{
		t:       t,
		users:   map[string]*model.User{},
		posts:   map[string]*model.Post{},
		fail:    map[string][]failure{},
		members: map[string]bool{},
	}
	f.addUser(fakeBotID, "samla", "")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v4/users/me", f.handle("GET /users/me", f.getMe))
	mux.HandleFunc("GET /api/v4/users/username/{name}", f.handle("GET /users/username", f.getByName))
	mux.HandleFunc("GET /api/v4/users/{id}", f.handle("GET /users/id", f.getUser))
	mux.HandleFunc("GET /api/v4/channels/{id}", f.handle("GET /channels/id", f.getChannel))
	mux.HandleFunc("GET /api/v4/channels/{id}/members/{user}", f.handle("GET /channels/members", f.getMember))
	mux.HandleFunc("POST /api/v4/channels/direct", f.handle("POST /channels/direct", f.direct))
	mux.HandleFunc("POST /api/v4/posts", f.handle("POST /posts", f.createPost))
	mux.HandleFunc("PUT /api/v4/posts/{id}/patch", f.handle("PUT /posts/patch", f.patchPost))
	mux.HandleFunc("POST /api/v4/actions/dialogs/open", f.handle("POST /dialogs/open", f.openDialog))
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// userID makes a valid 26-character Mattermost id from a short name.
func userID(name string) string {
	return (name + strings.Repeat("0", 26))[:26]
}

func (f *fakeMM) addUser(id, username, email string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.users[id] = &model.User{Id: id, Username: username, Email: email}
}

// addMember makes a user a member of a channel.
func (f *fakeMM) addMember(channel, user string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.members[channel+"/"+user] = true
}

func (f *fakeMM) getMember(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	ok := f.members[r.PathValue("id")+"/"+r.PathValue("user")]
	f.mu.Unlock()
	if !ok {
		f.notFound(w)
		return
	}
	writeJSON(w, http.StatusOK, model.ChannelMember{ChannelId: r.PathValue("id"), UserId: r.PathValue("user")})
}

// setLocale sets the locale Mattermost keeps for a user.
func (f *fakeMM) setLocale(id, locale string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.users[id].Locale = locale
}

// failNext makes the next call to route fail with status (and headers).
func (f *fakeMM) failNext(route string, status int, header map[string]string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[route] = append(f.fail[route], failure{status, header})
}

func (f *fakeMM) handle(route string, h func(w http.ResponseWriter, r *http.Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, route)
		if fs := f.fail[route]; len(fs) > 0 {
			f.fail[route] = fs[1:]
			f.mu.Unlock()
			for k, v := range fs[0].header {
				w.Header().Set(k, v)
			}
			writeJSON(w, fs[0].status, model.NewAppError("fake", "fake.error", nil, "", fs[0].status))
			return
		}
		f.mu.Unlock()
		if !strings.EqualFold(r.Header.Get("Authorization"), "bearer bot-token") {
			writeJSON(w, http.StatusUnauthorized, model.NewAppError("fake", "fake.auth", nil, "", http.StatusUnauthorized))
			return
		}
		h(w, r)
	}
}

func (f *fakeMM) notFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, model.NewAppError("fake", "fake.notfound", nil, "", http.StatusNotFound))
}

func (f *fakeMM) getMe(w http.ResponseWriter, r *http.Request) {
	f.getUserByID(w, fakeBotID)
}

func (f *fakeMM) getUser(w http.ResponseWriter, r *http.Request) {
	f.getUserByID(w, r.PathValue("id"))
}

func (f *fakeMM) getUserByID(w http.ResponseWriter, id string) {
	f.mu.Lock()
	u, ok := f.users[id]
	f.mu.Unlock()
	if !ok {
		f.notFound(w)
		return
	}
	writeJSON(w, http.StatusOK, u)
}

func (f *fakeMM) getByName(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, u := range f.users {
		if u.Username == r.PathValue("name") {
			writeJSON(w, http.StatusOK, u)
			return
		}
	}
	f.notFound(w)
}

func (f *fakeMM) getChannel(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !strings.Contains(id, "__") {
		writeJSON(w, http.StatusOK, &model.Channel{Id: id, Type: model.ChannelTypeOpen, Name: id})
		return
	}
	writeJSON(w, http.StatusOK, &model.Channel{Id: id, Type: model.ChannelTypeDirect, Name: id})
}

func (f *fakeMM) direct(w http.ResponseWriter, r *http.Request) {
	var ids []string
	if err := json.NewDecoder(r.Body).Decode(&ids); err != nil || len(ids) != 2 {
		writeJSON(w, http.StatusBadRequest, model.NewAppError("fake", "fake.bad", nil, "", http.StatusBadRequest))
		return
	}
	f.mu.Lock()
	_, ok0 := f.users[ids[0]]
	_, ok1 := f.users[ids[1]]
	f.mu.Unlock()
	if !ok0 || !ok1 {
		f.notFound(w)
		return
	}
	name := model.GetDMNameFromIds(ids[0], ids[1])
	writeJSON(w, http.StatusCreated, &model.Channel{Id: name, Name: name, Type: model.ChannelTypeDirect})
}

func (f *fakeMM) createPost(w http.ResponseWriter, r *http.Request) {
	var p model.Post
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		writeJSON(w, http.StatusBadRequest, model.NewAppError("fake", "fake.bad", nil, "", http.StatusBadRequest))
		return
	}
	f.mu.Lock()
	f.nextID++
	p.Id = userID("post" + strconv.Itoa(f.nextID))
	p.UserId = fakeBotID
	f.posts[p.Id] = &p
	f.order = append(f.order, p.Id)
	f.mu.Unlock()
	writeJSON(w, http.StatusCreated, &p)
}

func (f *fakeMM) patchPost(w http.ResponseWriter, r *http.Request) {
	var patch model.PostPatch
	if err := json.NewDecoder(r.Body).Decode(&patch); err != nil {
		writeJSON(w, http.StatusBadRequest, model.NewAppError("fake", "fake.bad", nil, "", http.StatusBadRequest))
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.posts[r.PathValue("id")]
	if !ok {
		f.notFound(w)
		return
	}
	p.Patch(&patch)
	writeJSON(w, http.StatusOK, p)
}

func (f *fakeMM) openDialog(w http.ResponseWriter, r *http.Request) {
	var req model.OpenDialogRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, model.NewAppError("fake", "fake.bad", nil, "", http.StatusBadRequest))
		return
	}
	if err := req.IsValid(); err != nil {
		f.t.Errorf("invalid dialog opened: %v", err)
		writeJSON(w, http.StatusBadRequest, model.NewAppError("fake", "fake.bad", nil, err.Error(), http.StatusBadRequest))
		return
	}
	f.mu.Lock()
	f.dialogs = append(f.dialogs, req)
	f.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]string{"status": "OK"})
}

// post returns a stored post as Mattermost would serve it (JSON round trip).
func (f *fakeMM) post(id string) *model.Post {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.posts[id]
	if !ok {
		f.t.Fatalf("no post %s", id)
	}
	b, _ := json.Marshal(p)
	var out model.Post
	if err := json.Unmarshal(b, &out); err != nil {
		f.t.Fatal(err)
	}
	return &out
}

func (f *fakeMM) postCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.order)
}

func (f *fakeMM) lastDialog() model.OpenDialogRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.dialogs) == 0 {
		f.t.Fatal("no dialog opened")
	}
	return f.dialogs[len(f.dialogs)-1]
}

// testNow is the fixed clock of the tests.
var testNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// testBot builds a bot against fake with handler h, serving "skane"
// (command token "tok-skane") and "vgr" (the global token "tok-global").
func testBot(t *testing.T, fake *fakeMM, h Core, now func() time.Time) *Bot {
	t.Helper()
	if now == nil {
		now = func() time.Time { return testNow }
	}
	b, err := New(Options{
		Servers: map[string]ServerConfig{
			"skane": {URL: fake.srv.URL, BotToken: "bot-token", CommandToken: "tok-skane tok-skane-team2"},
			"vgr":   {URL: fake.srv.URL, BotToken: "bot-token"},
		},
		CommandToken: "tok-global",
		ActionKey:    []byte("0123456789abcdef0123456789abcdef"),
		PublicURL:    "https://samla.example.se",
		Handler:      h,
		Now:          now,
		Log:          slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// serve runs one request through the bot's mux.
func serve(b *Bot, method, target, contentType string, body io.Reader) *httptest.ResponseRecorder {
	mux := http.NewServeMux()
	b.Mount(mux)
	req := httptest.NewRequest(method, target, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	return rec
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// postText is everything a reader sees of a post: message, attachment
// titles, texts, fields and button labels.
func postText(p *model.Post) string {
	var b strings.Builder
	b.WriteString(p.Message)
	for _, a := range p.Attachments() {
		fmt.Fprintf(&b, "\n%s\n%s", a.Title, a.Text)
		for _, f := range a.Fields {
			fmt.Fprintf(&b, "\n%s: %v", f.Title, f.Value)
		}
		for _, act := range a.Actions {
			fmt.Fprintf(&b, "\n[%s]", act.Name)
		}
	}
	return b.String()
}

// button finds a button by label on a post.
func button(p *model.Post, label string) (*model.PostAction, bool) {
	for _, a := range p.Attachments() {
		for _, act := range a.Actions {
			if act.Name == label {
				return act, true
			}
		}
	}
	return nil, false
}

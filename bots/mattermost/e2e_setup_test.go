//go:build e2e

package mattermost

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// The e2e tests run against a real Mattermost server started by
// scripts/e2e-mattermost (SAMLA_E2E_MATTERMOST_URL). They fail, never
// skip, when it is not there.

const e2ePassword = "E2e-Passw0rd-Samla!"

// mmEnv is a freshly set-up Mattermost: an admin, two teams (a kommun and a
// region), a convener in the kommun team, an invitee in the region team, a
// bot account with a token, and the /sip command pointing at Samla.
type mmEnv struct {
	url      string
	admin    *model.Client4
	convener *model.Client4
	invitee  *model.Client4
	users    map[string]*model.User // by username
	botUser  string
	botToken string
	cmdToken string
	townSq   string // the convener's channel in the kommun team
	samlaURL string
	listener net.Listener
	kommunTm *model.Team
	regionTm *model.Team
}

// e2eURL returns the Mattermost under test or fails the test.
func e2eURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("SAMLA_E2E_MATTERMOST_URL")
	if u == "" {
		t.Fatal("SAMLA_E2E_MATTERMOST_URL is not set: run scripts/e2e-mattermost")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if _, _, err := model.NewAPIv4Client(u).GetPing(ctx); err != nil {
		t.Fatalf("Mattermost at %s does not answer: %v", u, err)
	}
	return u
}

// must fails the test on an API error.
func must[T any](t *testing.T, what string) func(v T, resp *model.Response, err error) T {
	return func(v T, resp *model.Response, err error) T {
		t.Helper()
		if err != nil {
			status := 0
			if resp != nil {
				status = resp.StatusCode
			}
			t.Fatalf("%s: status %d: %v", what, status, err)
		}
		return v
	}
}

// setupMattermost creates the people, teams, bot and command. prefix keeps
// names unique so several tests can share one server.
func setupMattermost(t *testing.T, ctx context.Context, prefix string) *mmEnv {
	t.Helper()
	env := &mmEnv{url: e2eURL(t), users: map[string]*model.User{}}
	env.admin = model.NewAPIv4Client(env.url)

	// The first user created on a fresh server becomes system admin; later
	// runs on the same server log in as that admin.
	if _, _, err := env.admin.Login(ctx, "admin", e2ePassword); err != nil {
		must[*model.User](t, "create admin")(env.admin.CreateUser(ctx, &model.User{
			Username: "admin", Email: "admin@e2e.example.se", Password: e2ePassword,
		}))
		must[*model.User](t, "admin login")(env.admin.Login(ctx, "admin", e2ePassword))
	}

	kommun := must[*model.Team](t, "create team")(env.admin.CreateTeam(ctx, &model.Team{
		Name: prefix + "-lund", DisplayName: "Lunds kommun " + prefix, Type: model.TeamOpen,
	}))
	region := must[*model.Team](t, "create team")(env.admin.CreateTeam(ctx, &model.Team{
		Name: prefix + "-skane", DisplayName: "Region Skåne " + prefix, Type: model.TeamOpen,
	}))
	env.kommunTm, env.regionTm = kommun, region
	for _, u := range []struct {
		name string
		team *model.Team
	}{{prefix + "kurator", kommun}, {prefix + "bup", region}} {
		user := must[*model.User](t, "create user")(env.admin.CreateUser(ctx, &model.User{
			Username: u.name, Email: u.name + "@e2e.example.se", Password: e2ePassword, Locale: "sv",
		}))
		must[*model.TeamMember](t, "add team member")(env.admin.AddTeamMember(ctx, u.team.Id, user.Id))
		env.users[u.name] = user
	}
	env.convener = login(t, ctx, env.url, prefix+"kurator")
	env.invitee = login(t, ctx, env.url, prefix+"bup")

	bot := must[*model.Bot](t, "create bot")(env.admin.CreateBot(ctx, &model.Bot{
		Username: prefix + "samla", DisplayName: "Samla", Description: "SIP-samordning",
	}))
	env.botUser = bot.UserId
	for _, team := range []*model.Team{kommun, region} {
		must[*model.TeamMember](t, "add bot to team")(env.admin.AddTeamMember(ctx, team.Id, bot.UserId))
	}
	tok := must[*model.UserAccessToken](t, "bot token")(env.admin.CreateUserAccessToken(ctx, bot.UserId, "samla e2e"))
	env.botToken = tok.Token

	// Samla listens on a loopback port; the command points there.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	env.listener = ln
	env.samlaURL = "http://" + ln.Addr().String()
	cmd := must[*model.Command](t, "create command")(env.admin.CreateCommand(ctx, &model.Command{
		TeamId: kommun.Id, Trigger: "sip", Method: model.CommandMethodPost,
		URL:         env.samlaURL + "/mattermost/commands?server=e2e",
		DisplayName: "Samla", Description: "SIP-samordning", AutoComplete: true, AutoCompleteHint: "hjälp",
	}))
	env.cmdToken = cmd.Token
	must[*model.Channel](t, "join town square")(env.convener.GetChannelByName(ctx, "town-square", kommun.Id, ""))
	env.townSq = must[*model.Channel](t, "town square")(env.convener.GetChannelByName(ctx, "town-square", kommun.Id, "")).Id
	return env
}

func login(t *testing.T, ctx context.Context, url, username string) *model.Client4 {
	t.Helper()
	c := model.NewAPIv4Client(url)
	must[*model.User](t, "login "+username)(c.Login(ctx, username, e2ePassword))
	return c
}

// serveSamla serves h on the env's listener until the test ends.
func (env *mmEnv) serveSamla(t *testing.T, h http.Handler) {
	t.Helper()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(env.listener); err != nil && err != http.ErrServerClosed {
			t.Errorf("samla server: %v", err)
		}
	}()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-done
	})
}

// botOptions are the bot settings for this env.
func (env *mmEnv) botServers() map[string]ServerConfig {
	return map[string]ServerConfig{"e2e": {URL: env.url, BotToken: env.botToken, CommandToken: env.cmdToken}}
}

// dmPosts returns the posts of c's direct channel with the bot, oldest first.
func (env *mmEnv) dmPosts(t *testing.T, ctx context.Context, c *model.Client4, username string) []*model.Post {
	t.Helper()
	ch := must[*model.Channel](t, "DM channel")(c.CreateDirectChannel(ctx, env.users[username].Id, env.botUser))
	list := must[*model.PostList](t, "posts")(c.GetPostsForChannel(ctx, ch.Id, 0, 100, "", false, false))
	var out []*model.Post
	for i := len(list.Order) - 1; i >= 0; i-- {
		out = append(out, list.Posts[list.Order[i]])
	}
	return out
}

// waitFor polls cond every 200 ms until it holds or the timeout passes.
func waitFor(t *testing.T, ctx context.Context, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	last := ""
	for {
		ok, state := cond()
		if ok {
			return
		}
		last = state
		if time.Now().After(deadline) || ctx.Err() != nil {
			t.Fatalf("timed out after %s waiting for %s; last seen:\n%s", timeout, what, last)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// dialogs listens on the user's websocket for open_dialog events.
func dialogs(t *testing.T, env *mmEnv, c *model.Client4) <-chan model.OpenDialogRequest {
	t.Helper()
	ws, err := model.NewWebSocketClient4(strings.Replace(env.url, "http", "ws", 1), c.AuthToken)
	if err != nil {
		t.Fatalf("websocket: %v", err)
	}
	ws.Listen()
	t.Cleanup(ws.Close)
	out := make(chan model.OpenDialogRequest, 4)
	go func() {
		for ev := range ws.EventChannel {
			if ev.EventType() != model.WebsocketEventOpenDialog {
				continue
			}
			var req model.OpenDialogRequest
			s, _ := ev.GetData()["dialog"].(string)
			if err := json.Unmarshal([]byte(s), &req); err == nil {
				out <- req
			}
		}
	}()
	return out
}

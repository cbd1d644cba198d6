package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

// DirectorySource gives the directory in service (hot-reloaded).
type DirectorySource interface {
	Current() *directory.Directory
}

// Options configure a Bot. SigningSecret (HTTP) or AppToken (Socket Mode),
// BotTokens, Handler and Store are required.
type Options struct {
	SigningSecret string            // SAMLA_SLACK_SIGNING_SECRET
	BotTokens     map[string]string // team id → xoxb token
	APIURL        string            // SAMLA_SLACK_API_URL; "" = Slack's
	AppToken      string            // SAMLA_SLACK_APP_TOKEN (Socket Mode)
	Handler       Core
	Directory     DirectorySource // links Slack users to contacts; may be nil
	Store         Store           // replay check and the inbox of accepted requests
	Now           func() time.Time
	Location      *time.Location // SAMLA_TIMEZONE, for dates; nil = Europe/Stockholm
	Log           *slog.Logger
	HTTPClient    *http.Client
	// Lang is the language of the bot's own texts; Swedish when unset.
	Lang i18n.Lang
	// BaseContext bounds work that outlives a request (late replies via
	// response_url); Close stops it too. Default context.Background().
	BaseContext context.Context
	// InlineWait is how long a request waits for the core before it
	// acknowledges and answers later (default 2 s; Slack allows 3 s).
	InlineWait time.Duration
}

// webAPI lists the slack-go Web API methods the bot uses; tests feed a fake.
type webAPI interface {
	OpenConversationContext(ctx context.Context, params *slackgo.OpenConversationParameters) (*slackgo.Channel, bool, bool, error)
	PostMessageContext(ctx context.Context, channelID string, options ...slackgo.MsgOption) (string, string, error)
	UpdateMessageContext(ctx context.Context, channelID, timestamp string, options ...slackgo.MsgOption) (string, string, string, error)
	PostEphemeralContext(ctx context.Context, channelID, userID string, options ...slackgo.MsgOption) (string, error)
	OpenViewContext(ctx context.Context, triggerID string, view slackgo.ModalViewRequest) (*slackgo.ViewResponse, error)
	GetUserInfoContext(ctx context.Context, user string, options ...slackgo.GetUserInfoOption) (*slackgo.User, error)
	GetUsersInConversationContext(ctx context.Context, params *slackgo.GetUsersInConversationParameters) ([]string, string, error)
}

var (
	_ webAPI            = (*slackgo.Client)(nil)
	_ chat.Sender       = (*Bot)(nil)
	_ chat.LocaleSource = (*Bot)(nil)
	_ chat.Membership   = (*Bot)(nil)
)

// Bot serves Slack for Samla. It is safe for concurrent use.
type Bot struct {
	secret     []byte
	appToken   string
	apiURL     string
	clients    map[string]webAPI
	handler    Core
	dir        DirectorySource
	store      Store
	now        func() time.Time
	log        *slog.Logger
	http       *http.Client
	lang       i18n.Lang
	inlineWait time.Duration
	links      *linkCache
	dms        dmCache        // DM channel ids by team and user
	members    memberCache    // channel member lists (members.go)
	zone       *time.Location // dates are local time in SAMLA_TIMEZONE
	// socketRetry is the pause before reconnecting Socket Mode after a
	// lost connection that slack-go could not re-establish itself.
	socketRetry time.Duration

	bg      context.Context
	stop    context.CancelFunc
	mu      sync.Mutex // guards closed and wg.Add
	closed  bool
	running sync.WaitGroup
}

// New returns a Bot with a real Web API client per workspace.
func New(opts Options) (*Bot, error) {
	hc := opts.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 10 * time.Second}
	}
	apiURL := opts.APIURL
	if apiURL != "" && !strings.HasSuffix(apiURL, "/") {
		apiURL += "/"
	}
	dial := func(token string) webAPI {
		o := []slackgo.Option{slackgo.OptionHTTPClient(hc)}
		if apiURL != "" {
			o = append(o, slackgo.OptionAPIURL(apiURL))
		}
		return slackgo.New(token, o...)
	}
	opts.HTTPClient = hc
	opts.APIURL = apiURL
	return newBot(opts, dial)
}

// newBot builds a Bot over the clients dial returns (a fake in tests).
func newBot(opts Options, dial func(token string) webAPI) (*Bot, error) {
	if opts.Handler == nil {
		return nil, errors.New("slack: Options.Handler is required")
	}
	if opts.Store == nil {
		return nil, errors.New("slack: Options.Store is required")
	}
	if opts.SigningSecret == "" && opts.AppToken == "" {
		return nil, errors.New("slack: a signing secret (HTTP) or an app token (Socket Mode) is required")
	}
	if len(opts.BotTokens) == 0 {
		return nil, errors.New("slack: at least one workspace bot token is required")
	}
	b := &Bot{
		secret:     []byte(opts.SigningSecret),
		appToken:   opts.AppToken,
		apiURL:     opts.APIURL,
		clients:    make(map[string]webAPI, len(opts.BotTokens)),
		handler:    opts.Handler,
		dir:        opts.Directory,
		store:      opts.Store,
		now:        opts.Now,
		log:        opts.Log,
		http:       opts.HTTPClient,
		lang:       opts.Lang,
		inlineWait: opts.InlineWait,
	}
	for team, token := range opts.BotTokens {
		if team == "" || token == "" {
			return nil, fmt.Errorf("slack: empty team id or token in BotTokens")
		}
		b.clients[team] = dial(token)
	}
	if b.now == nil {
		b.now = time.Now
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	if b.http == nil {
		b.http = &http.Client{Timeout: 10 * time.Second}
	}
	b.lang = b.lang.Or(i18n.Swedish)
	if b.inlineWait <= 0 {
		b.inlineWait = 2 * time.Second
	}
	base := opts.BaseContext
	if base == nil {
		base = context.Background()
	}
	b.bg, b.stop = context.WithCancel(base)
	b.links = newLinkCache(b.now, time.Hour)
	b.socketRetry = 5 * time.Second
	b.zone = opts.Location
	if b.zone == nil {
		b.zone = time.UTC
		if z, err := time.LoadLocation("Europe/Stockholm"); err == nil {
			b.zone = z
		}
	}
	return b, nil
}

// Platform returns "slack".
func (b *Bot) Platform() string { return chat.Slack }

// Close stops taking new background work, lets the work in flight (late
// answers) finish until ctx is done, and then cancels what is left.
func (b *Bot) Close(ctx context.Context) error {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.running.Wait(); close(done) }()
	defer b.stop()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("slack: close: %w", ctx.Err())
	}
}

// spawn runs fn in a goroutine bound to the bot's lifetime. It returns
// false when the bot is closed.
func (b *Bot) spawn(fn func(ctx context.Context)) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.running.Add(1)
	go func() {
		defer b.running.Done()
		defer func() {
			if p := recover(); p != nil {
				b.log.Error("slack: background work panicked", "panic", fmt.Sprintf("%T", p))
			}
		}()
		fn(b.bg)
	}()
	return true
}

// isClosed reports whether Close was called (no new work is started).
func (b *Bot) isClosed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed
}

// today is the current date in the bot's time zone as 2006-01-02.
func (b *Bot) today() string {
	return b.now().In(b.zone).Format(time.DateOnly)
}

// client returns the Web API client of a workspace.
func (b *Bot) client(team string) (webAPI, error) {
	c, ok := b.clients[team]
	if !ok {
		return nil, fmt.Errorf("slack: no bot token for workspace %q: %w", team, chat.ErrPermanent)
	}
	return c, nil
}

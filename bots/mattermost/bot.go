package mattermost

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

// ServerConfig is one Mattermost server Samla serves.
type ServerConfig struct {
	URL      string // e.g. https://mattermost.example.se
	BotToken string // the bot account's access token
	// CommandToken is the token of this server's /sip slash command; a
	// server with the command in several teams lists each team's token,
	// separated by spaces. Empty means Options.CommandToken.
	CommandToken string
	// EmailTrusted says the operator vouches for the e-mail addresses of
	// this server's users (managed accounts): they link to directory
	// contacts by e-mail even when Mattermost has not verified them.
	EmailTrusted bool
}

// DirectorySource gives the directory in service (hot-reloaded).
type DirectorySource interface {
	Current() *directory.Directory
}

// Options configure a Bot.
type Options struct {
	// Servers maps a server name (the directory's reach.mattermost.server)
	// to its settings.
	Servers map[string]ServerConfig
	// CommandToken is the slash-command token(s) of servers without their
	// own.
	CommandToken string
	// ActionKey is the HMAC key for button contexts and dialog states
	// (at least 16 bytes).
	ActionKey []byte
	// PublicURL is where Mattermost reaches Samla; the bot's callbacks are
	// PublicURL/mattermost/actions and PublicURL/mattermost/dialogs.
	PublicURL string
	Handler   Core
	Directory DirectorySource // may be nil: actors are then not linked
	// Dedup, when set (the store's Once), drops a dialog submitted twice
	// with the same content (a double click on "Skapa" creates one case).
	Dedup Deduper
	Lang  i18n.Lang // the bot's own lines; Swedish when unset
	// ActionTTL is how long a button stays valid (default 30 days).
	ActionTTL time.Duration
	// CommandTimeout bounds one slash command (default 10 s, below
	// Mattermost's outgoing integration timeout).
	CommandTimeout time.Duration
	Now            func() time.Time // default time.Now
	Log            *slog.Logger     // default slog.Default()
	HTTPClient     *http.Client     // for the API v4 calls; default http.DefaultClient
	// Security, when set, counts security events (sip.Event… kinds).
	Security func(platform, event string)
}

// Deduper answers true for the first caller of key within ttl.
type Deduper interface {
	Once(ctx context.Context, key string, ttl time.Duration) (bool, error)
}

// client is the part of model.Client4 the bot uses.
type client interface {
	GetMe(ctx context.Context, etag string) (*model.User, *model.Response, error)
	GetUser(ctx context.Context, userID, etag string) (*model.User, *model.Response, error)
	GetUserByUsername(ctx context.Context, userName, etag string) (*model.User, *model.Response, error)
	GetChannel(ctx context.Context, channelID, etag string) (*model.Channel, *model.Response, error)
	CreateDirectChannel(ctx context.Context, userID1, userID2 string) (*model.Channel, *model.Response, error)
	CreatePost(ctx context.Context, post *model.Post) (*model.Post, *model.Response, error)
	PatchPost(ctx context.Context, postID string, patch *model.PostPatch) (*model.Post, *model.Response, error)
	OpenInteractiveDialog(ctx context.Context, request model.OpenDialogRequest) (*model.Response, error)
	GetChannelMember(ctx context.Context, channelID, userID, etag string) (*model.ChannelMember, *model.Response, error)
}

var _ client = (*model.Client4)(nil)

// server is one configured Mattermost server and its caches.
type server struct {
	name          string
	commandTokens []string
	emailTrusted  bool // ServerConfig.EmailTrusted
	api           client

	mu      sync.Mutex
	botUser string                 // the bot account's user id
	userIDs map[string]string      // username or id → user id
	users   map[string]*model.User // user id → profile
	dms     map[string]string      // user id → DM channel id with the bot
	dmUsers map[string]string      // DM channel id → the other user's id
	members map[string]time.Time   // channel id/user id → member until (members.go)
}

// Bot serves Mattermost's callbacks and sends bot posts.
type Bot struct {
	opts    Options
	servers map[string]*server
	names   []string // server names, sorted
	sig     signer
	actions string // integration URL for buttons
	dialogs string // integration URL for dialog submissions
}

var (
	_ chat.Sender       = (*Bot)(nil)
	_ chat.LocaleSource = (*Bot)(nil)
)

// New returns a Bot talking to the configured servers with model.Client4.
func New(opts Options) (*Bot, error) {
	clients := make(map[string]client, len(opts.Servers))
	for name, sc := range opts.Servers {
		if sc.URL == "" || sc.BotToken == "" {
			return nil, fmt.Errorf("mattermost: server %q needs a URL and a bot token", name)
		}
		c := model.NewAPIv4Client(strings.TrimRight(sc.URL, "/"))
		c.SetToken(sc.BotToken)
		if opts.HTTPClient != nil {
			c.HTTPClient = opts.HTTPClient
		}
		clients[name] = c
	}
	return newBot(opts, clients)
}

// newBot builds a Bot over the given API clients (tests pass fakes).
func newBot(opts Options, clients map[string]client) (*Bot, error) {
	if len(opts.Servers) == 0 {
		return nil, errors.New("mattermost: no servers configured")
	}
	if len(opts.ActionKey) < 16 {
		return nil, errors.New("mattermost: the action key must be at least 16 bytes")
	}
	if opts.Handler == nil {
		return nil, errors.New("mattermost: no handler")
	}
	base, err := url.Parse(opts.PublicURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("mattermost: public URL %q must be an absolute http(s) URL", opts.PublicURL)
	}
	tokens, err := commandTokens(opts)
	if err != nil {
		return nil, err
	}
	opts.Lang = opts.Lang.Or(i18n.Swedish)
	if opts.ActionTTL <= 0 {
		opts.ActionTTL = 30 * 24 * time.Hour
	}
	if opts.CommandTimeout <= 0 {
		opts.CommandTimeout = 10 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	b := &Bot{
		opts:    opts,
		servers: make(map[string]*server, len(opts.Servers)),
		sig:     signer{key: opts.ActionKey},
		actions: strings.TrimRight(opts.PublicURL, "/") + "/mattermost/actions",
		dialogs: strings.TrimRight(opts.PublicURL, "/") + "/mattermost/dialogs",
	}
	for name := range opts.Servers {
		c, ok := clients[name]
		if !ok {
			return nil, fmt.Errorf("mattermost: no client for server %q", name)
		}
		b.servers[name] = &server{
			name: name, commandTokens: tokens[name], api: c, emailTrusted: opts.Servers[name].EmailTrusted,
			userIDs: map[string]string{}, dms: map[string]string{},
			dmUsers: map[string]string{}, users: map[string]*model.User{}, members: map[string]time.Time{},
		}
		b.names = append(b.names, name)
	}
	sort.Strings(b.names)
	return b, nil
}

// Platform is "mattermost".
func (b *Bot) Platform() string { return chat.Mattermost }

// Mount registers the bot's endpoints on mux.
func (b *Bot) Mount(mux interface{ Handle(string, http.Handler) }) {
	mux.Handle("POST /mattermost/commands", http.HandlerFunc(b.serveCommand))
	mux.Handle("POST /mattermost/actions", http.HandlerFunc(b.serveAction))
	mux.Handle("POST /mattermost/dialogs", http.HandlerFunc(b.serveDialog))
}

package slack

import (
	"context"
	"sync"

	slackgo "github.com/slack-go/slack"
)

// maxDMChannels bounds the DM channel cache; when full it starts over.
const maxDMChannels = 50_000

// dmCache remembers each user's DM channel with the bot (Slack keeps it for
// good), so that a message costs no conversations.open, which Slack limits
// to about 50 calls a minute.
type dmCache struct {
	mu  sync.Mutex
	ids map[string]string // team/user → channel id
}

func (c *dmCache) get(team, user string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.ids[team+"/"+user]
	return id, ok
}

func (c *dmCache) put(team, user, id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ids == nil || len(c.ids) >= maxDMChannels {
		c.ids = map[string]string{}
	}
	c.ids[team+"/"+user] = id
}

func (c *dmCache) forget(team, user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.ids, team+"/"+user)
}

// dmChannel returns the user's DM channel with the bot, opening it only
// the first time. cached says whether it came from the cache (a failed
// post to it should forget it).
func (b *Bot) dmChannel(ctx context.Context, api webAPI, team, user string) (id string, cached bool, err error) {
	if id, ok := b.dms.get(team, user); ok {
		return id, true, nil
	}
	ch, _, _, err := api.OpenConversationContext(ctx, &slackgo.OpenConversationParameters{Users: []string{user}})
	if err != nil {
		return "", false, classify("conversations.open", err)
	}
	b.dms.put(team, user, ch.ID)
	return ch.ID, false, nil
}

package slack

import (
	"errors"
	"net/url"
	"strings"
)

// errForeignResponseURL refuses a response_url that is not Slack's.
var errForeignResponseURL = errors.New("slack: response_url is not on a Slack host; not posted to")

// slackHookHosts are the hosts Slack's response_urls are on.
var slackHookHosts = []string{"hooks.slack.com", "hooks.slack-gov.com"}

// responseURLAllowed reports whether a response_url may be posted to:
// https on one of Slack's hook hosts, or, when the Web API URL is
// configured (a test double, a proxy), that URL's scheme and host name.
// Whatever else a request carries there is never called: it would hand
// the user's answer to someone else.
func (b *Bot) responseURLAllowed(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.User != nil || u.Host == "" {
		return false
	}
	host := strings.ToLower(u.Hostname())
	if u.Scheme == "https" && (u.Port() == "" || u.Port() == "443") {
		for _, h := range slackHookHosts {
			if host == h {
				return true
			}
		}
	}
	if b.apiURL == "" {
		return false
	}
	api, err := url.Parse(b.apiURL)
	return err == nil && api.Scheme == u.Scheme && strings.EqualFold(api.Hostname(), host)
}

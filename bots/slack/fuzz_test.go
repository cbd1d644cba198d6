package slack

import (
	"net/http"
	"testing"
	"unicode/utf8"
)

// FuzzViewMeta checks private_metadata survives the round trip within
// Slack's limit and garbage decodes to the zero value.
func FuzzViewMeta(f *testing.F) {
	f.Add("rsvp.delegate", "SIP-7K3QF2|inv1", "https://hooks.slack.com/actions/T1/1/x", "D1")
	f.Add("", "", "", "")
	f.Fuzz(func(t *testing.T, action, value, responseURL, channel string) {
		m := viewMeta{Action: action, Value: value, ResponseURL: responseURL, Channel: channel}
		s, err := m.encode()
		if err != nil {
			return // too big even without the response_url: never opened
		}
		if len(s) > maxMetadata {
			t.Fatalf("metadata of %d bytes", len(s))
		}
		got := decodeViewMeta(s)
		valid := utf8.ValidString(action) && utf8.ValidString(value) && utf8.ValidString(channel)
		if valid && (got.Action != action || got.Value != value || got.Channel != channel) {
			t.Fatalf("%+v → %q → %+v", m, s, got)
		}
		_ = decodeViewMeta(value) // arbitrary text must not panic
	})
}

// FuzzInteractionPayload feeds arbitrary payloads (as a genuine, signed
// Slack request would carry them) to the interaction and event endpoints:
// no panic, and only 200, 400 or 413.
func FuzzInteractionPayload(f *testing.F) {
	f.Add(blockAction("rsvp.attend", "SIP-7K3QF2|inv1", "http://127.0.0.1:1/r"))
	f.Add(submission(callbackNew, "{}", newCaseValues("Lund", "14", []string{"bup"}, "", "", "", "")))
	f.Add(submission(callbackPrompt, `{"a":"rsvp.decline"}`, nil))
	f.Add(`{"type":"event_callback","team_id":"T1","event_id":"E1","event":{"type":"app_mention","user":"U1","text":"<@U2> hjälp"}}`)
	f.Add(`{"type":"url_verification","challenge":"x"}`)
	f.Add(`{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[]}`)
	tb := newTestBot(f)
	f.Fuzz(func(t *testing.T, payload string) {
		for _, w := range []int{
			tb.interact(payload).Code,
			tb.do(signedRequest("/slack/events", []byte(payload), testNow, testSecret)).Code,
		} {
			if w != http.StatusOK && w != http.StatusBadRequest && w != http.StatusRequestEntityTooLarge {
				t.Fatalf("status %d for %q", w, payload)
			}
		}
	})
}

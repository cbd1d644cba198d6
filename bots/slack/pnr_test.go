package slack

import (
	"strings"
	"testing"
)

func TestPromptRefusesPersonnummerInline(t *testing.T) {
	tb := newTestBot(t)
	meta, _ := viewMeta{Action: "rsvp.decline", Value: "SIP-7K3QF2|inv1"}.encode()
	values := map[string]map[string]any{"input": {"text": map[string]any{"type": "plain_text_input", "value": "gäller 19121212-1212"}}}
	w := tb.interact(submission(callbackPrompt, meta, values))
	if !strings.Contains(w.Body.String(), `"response_action":"errors"`) {
		t.Fatalf("answer %s", w.Body)
	}
	if _, acts := tb.handler.calls(); len(acts) != 0 {
		t.Errorf("core saw %+v", acts)
	}
}

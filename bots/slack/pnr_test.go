package slack

import (
	"encoding/json"
	"testing"
)

// TestPromptRefusesPersonnummerInline: a prompt answer holding a
// personnummer in any spelling is refused next to the field, in the
// input gate's words (the core's), and never reaches the core.
func TestPromptRefusesPersonnummerInline(t *testing.T) {
	for _, pnr := range []string{"19121212-1212", "790104–5034", "790104\u00a05034", "790104\u200b5034", "７９０１０４－５０３４", "79.01.04 - 5034"} {
		tb := newTestBot(t)
		meta, _ := viewMeta{Action: "rsvp.decline", Value: "SIP-7K3QF2|inv1"}.encode()
		values := map[string]map[string]any{"input": {"text": map[string]any{"type": "plain_text_input", "value": "gäller " + pnr}}}
		w := tb.interact(submission(callbackPrompt, meta, values))
		var got struct {
			Action string            `json:"response_action"`
			Errors map[string]string `json:"errors"`
		}
		_ = json.Unmarshal(w.Body.Bytes(), &got)
		const want = "Skriv aldrig personnummer eller samordningsnummer i Samla. Inget sparades. Använd ärendereferensen (SIP-…) i stället."
		if got.Action != "errors" || got.Errors["input"] != want {
			t.Errorf("%q: answer %s", pnr, w.Body)
		}
		if _, acts := tb.handler.calls(); len(acts) != 0 {
			t.Errorf("%q: core saw %+v", pnr, acts)
		}
	}
}

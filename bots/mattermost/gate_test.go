package mattermost

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestInputGateOnMattermost: a personnummer in any spelling, or a text
// over its cap, typed into a Mattermost slash command is refused by the
// real core with the gate's words, and nothing is stored (issue 16,
// problems 2 and 8).
func TestInputGateOnMattermost(t *testing.T) {
	f := newCrossFixture(t)
	say := func(text string) string {
		t.Helper()
		form := commandForm("tok-kommun", text)
		form.Set("user_id", userID("fatima"))
		form.Set("user_name", "fatima.said")
		rec := serve(f.bot, "POST", "/mattermost/commands", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		var got commandResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
			t.Fatalf("/sip %s: %d %s", text, rec.Code, rec.Body)
		}
		return got.Text
	}
	ref := regexp.MustCompile(`SIP-[0-9A-Z]+`).FindString(say("ny kommun=Malmö ålder=82 parter=primarvard"))
	if ref == "" {
		t.Fatal("no case reference")
	}
	const refused = "Skriv aldrig personnummer eller samordningsnummer i Samla. Inget sparades."
	for _, pnr := range []string{"790104–5034", "790104\u00a05034", "790104\u200b5034", "７９０１０４－５０３４", "79.01.04.5034", "790104 - 5034", "19790104–5034"} {
		for _, cmd := range []string{
			"ny kommun=Malmö ålder=82 parter=primarvard behov=\"" + pnr + "\"",
			"möte " + ref + " 2026-12-10 13:00 plats=\"" + pnr + "\"",
			"avsluta " + ref + " orsak=\"" + pnr + "\"",
		} {
			if got := say(cmd); !strings.HasPrefix(got, refused) {
				t.Errorf("/sip %s → %q", cmd, got)
			}
		}
	}
	if got := say("möte " + ref + " 2026-12-10 13:00 plats=\"" + strings.Repeat("x", 201) + "\""); !strings.HasPrefix(got, "Mötesplatsen är för lång: högst 200 tecken, du skrev 201.") {
		t.Errorf("201-character place → %q", got)
	}
	if got := say("mina"); !strings.Contains(got, "(1)") {
		t.Errorf("/sip mina: %q", got)
	}
	if got := say("status " + ref); strings.Contains(got, "5034") || strings.Contains(got, "５０３４") || strings.Contains(got, "avslutat") {
		t.Errorf("status: %q", got)
	}
}

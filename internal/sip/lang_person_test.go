package sip

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/i18n"
)

// fakeLocales is a chat platform's locale per user (Address.User).
type fakeLocales struct {
	mu     sync.Mutex
	locale map[string]string
	asked  []chat.Address
}

func (f *fakeLocales) Locale(_ context.Context, of chat.Address) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, of)
	return f.locale[of.User], nil
}

// TestEachPersonInOwnLanguage: the convener writes Swedish; the invitee
// gets the invitation in their own language — their /sip språk choice,
// else their platform's locale, else SAMLA_LANG — and the convener's
// reply stays in the convener's.
func TestEachPersonInOwnLanguage(t *testing.T) {
	const bupUser = "U0BUPLUND" // the sample directory's BUP Lund entry point on Slack
	tests := []struct {
		name         string
		serviceLang  i18n.Lang
		locales      map[string]string // platform locale by chat user
		convenerSays string            // /sip språk of the convener, if any
		inviteeSays  string            // /sip språk of the invitee, if any
		wantInvitee  i18n.Lang
		wantConvener i18n.Lang
	}{
		{name: "invitee's platform locale is English", serviceLang: i18n.Swedish,
			locales: map[string]string{bupUser: "en-US"}, wantInvitee: i18n.English, wantConvener: i18n.Swedish},
		{name: "invitee chose English", serviceLang: i18n.Swedish,
			inviteeSays: "en", wantInvitee: i18n.English, wantConvener: i18n.Swedish},
		{name: "choice beats the platform locale", serviceLang: i18n.Swedish,
			locales: map[string]string{bupUser: "en-GB"}, inviteeSays: "sv", wantInvitee: i18n.Swedish, wantConvener: i18n.Swedish},
		{name: "a locale Samla does not speak falls back to SAMLA_LANG", serviceLang: i18n.Swedish,
			locales: map[string]string{bupUser: "de-DE"}, wantInvitee: i18n.Swedish, wantConvener: i18n.Swedish},
		{name: "SAMLA_LANG English, Swedish convener", serviceLang: i18n.English,
			convenerSays: "sv", wantInvitee: i18n.English, wantConvener: i18n.Swedish},
		{name: "Swedish platform locale under SAMLA_LANG English", serviceLang: i18n.English,
			locales: map[string]string{bupUser: "sv-SE"}, convenerSays: "sv", wantInvitee: i18n.Swedish, wantConvener: i18n.Swedish},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := &fakeLocales{locale: tt.locales}
			h := newHarness(t, func(d *Deps) { d.Lang, d.Locales = tt.serviceLang, loc })
			if tt.convenerSays != "" {
				h.cmd(kurator, "språk "+tt.convenerSays)
			}
			if tt.inviteeSays != "" {
				h.cmd("bup-lund-vagin", "språk "+tt.inviteeSays)
			}
			ref := h.newCase("")
			h.cmd(kurator, "samtycke "+ref+" skriftligt vårdnadshavare")
			reply := h.cmd(kurator, "bjud "+ref)
			if want := tl(tt.wantConvener, "ok.invite", ref); !strings.HasPrefix(reply, want) {
				t.Errorf("the convener's reply %q is not in %s", reply, tt.wantConvener)
			}
			bup := h.load(ref).Invitations[0]
			if bup.Party != "bup" || bup.Address == nil || bup.Address.User != bupUser {
				t.Fatalf("first invitation %+v, want BUP Lund on Slack", bup)
			}
			got := sentTo(h.drain(), bup.ContactID)
			if len(got) != 1 {
				t.Fatalf("BUP got %d messages, want the invitation", len(got))
			}
			inv := got[0].Msg
			if want := tl(tt.wantInvitee, "inv.title", ref); inv.Title != want {
				t.Errorf("invitation title %q, want %q", inv.Title, want)
			}
			if want := tl(tt.wantInvitee, "b.attend"); len(inv.Buttons) == 0 || inv.Buttons[0].Label != want {
				t.Errorf("invitation buttons %+v, want %q first", inv.Buttons, want)
			}
		})
	}
}

// tl is t with a typed language.
func tl(l i18n.Lang, id string, args ...any) string { return t(l.String(), id, args...) }

// TestActorLanguageFromPlatformLocale: a Slack user whose Slack is in
// English gets English answers without choosing; /sip språk sv wins.
func TestActorLanguageFromPlatformLocale(t *testing.T) {
	loc := &fakeLocales{locale: map[string]string{"U0EN": "en-US"}}
	h := newHarness(t, func(d *Deps) { d.Locales = loc })
	who := chat.Actor{Platform: chat.Slack, Workspace: "T0SKANE01", UserID: "U0EN"}
	if got := h.svc.Command(h.ctx, who, "status SIP-ZZZZZZ").Body().Plain(); got != "Case not found." {
		t.Errorf("English Slack user got %q", got)
	}
	h.svc.Command(h.ctx, who, "språk sv")
	if got := h.svc.Command(h.ctx, who, "status SIP-ZZZZZZ").Body().Plain(); got != "Ärendet hittades inte." {
		t.Errorf("after /sip språk sv got %q", got)
	}
	if got := h.svc.LangOf(h.ctx, "", who.Address()); got != i18n.Swedish {
		t.Errorf("LangOf the same person = %q, want the choice sv", got)
	}
}

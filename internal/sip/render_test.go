package sip

import (
	"path/filepath"
	"testing"

	"github.com/samla-sip/samla/internal/i18n"
	"github.com/samla-sip/samla/internal/testutil"
)

// TestRenderGolden pins the platform-neutral messages the adapters
// render: an invitation, the live status and the plan, in both languages.
func TestRenderGolden(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			h := newHarness(t, func(d *Deps) { d.Lang = i18n.Lang(lang) })
			ref, invs := h.invitedCase(`behov="vill gå i skolan igen"`)
			bup := invs["bup"]
			invited := h.drain()
			h.act(bup.ContactID, actVideo, ref+"|"+bup.ID, "", false)
			soc := invs["socialtjanst-barn"]
			h.act(soc.ContactID, actDecline, ref+"|"+soc.ID, "sjukskriven", false)
			del := invs["primarvard"]
			h.act(del.ContactID, actDelegate, ref+"|"+del.ID, delegateOptions(h.dir.Current(), nil, del.ContactID, del.Party, h.clock.Now())[0].Value, true)
			envs := h.drain()
			c := h.load(ref)
			out := map[string]any{
				"invitation": sentTo(invited, bup.ContactID)[0].Msg,
				"answered":   sentTo(envs, bup.ContactID)[0].Msg,
				"declined":   sentTo(envs, soc.ContactID)[0].Msg,
				"delegated":  sentTo(envs, del.ContactID)[0].Msg,
				"status":     h.svc.renderStatus(lang, c, view{needs: true, exactAge: true, convener: true}),
				"plan":       h.svc.renderPlan(h.dir.Current(), lang, c, view{needs: true, exactAge: true, convener: true}),
			}
			testutil.GoldenJSON(t, filepath.Join("testdata", "render-"+lang+".golden.json"), out, *update)
		})
	}
}

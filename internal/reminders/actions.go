package reminders

import (
	"context"
	"errors"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// Act handles the Snooze and Stop buttons of reminder messages; register
// it in the core's Deps.Actions under ActionPrefix. Only someone the
// reminder went to may press them (anyone in a team channel).
func (e *Engine) Act(ctx context.Context, who chat.Actor, act chat.Action) chat.Reply {
	lang := langOf(ctx, e.d.Langs, e.d.Settings.Lang, who.Address())
	id, period := act.Value, ""
	if act.Name == ActionSnooze {
		period, id, _ = strings.Cut(act.Value, "|")
	}
	kind, ref, recipient, err := ParseJobID(id)
	if err != nil || (act.Name != ActionStop && act.Name != ActionSnooze) ||
		(act.Name == ActionSnooze && period != "1d" && period != "1w") {
		return chat.Reply{Text: tr(lang, "act.gone")}
	}
	c, err := e.d.Cases.Case(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		return chat.Reply{Text: tr(lang, "act.gone")}
	}
	if err != nil {
		e.d.Log.ErrorContext(ctx, "reminders: button: read case", "job", id, "err", err)
		e.d.Metrics.failed(stageButton, kind)
		return chat.Reply{Text: tr(lang, "act.error")}
	}
	wanted := e.plan.Wanted(c)
	rem, ok := wanted[id]
	if !ok {
		return chat.Reply{Text: tr(lang, "act.gone")}
	}
	if !e.mayPress(ctx, who, c, rem) {
		// The same answer as for a reminder that does not exist: a press
		// tells nobody which cases there are.
		e.d.Log.WarnContext(ctx, "reminders: security: "+sip.EventButtonForbidden, "platform", who.Platform,
			"workspace", who.Workspace, "user_id", who.UserID, "job", id)
		if e.d.Security != nil {
			e.d.Security(who.Platform, sip.EventButtonForbidden)
		}
		return chat.Reply{Text: tr(lang, "act.gone")}
	}
	now := e.d.Clock.Now()
	var reply string
	err = updatePrefs(ctx, e.d.Store, ref, recipient, func(p *Prefs) store.Tx {
		if act.Name == ActionStop {
			p.Stopped = true
			reply = tr(lang, "act.stopped", ref)
			var tx store.Tx
			for _, r := range wanted {
				if r.Recipient == recipient {
					tx.Cancel = append(tx.Cancel, store.JobRef{Queue: QueueName, ID: r.ID()})
				}
			}
			sortJobs(nil, tx.Cancel)
			return tx
		}
		days := 1
		if period == "1w" {
			days = 5 // a working week
		}
		until := e.d.Settings.Hours.AddWorkdays(now, days)
		p.SnoozeUntil = until
		reply = tr(lang, "act.snoozed", when(lang, until, e.d.Settings.Hours.Loc))
		return store.Tx{Jobs: []store.Job{rem.job(until, until)}}
	})
	if err != nil {
		e.d.Log.ErrorContext(ctx, "reminders: button", "job", id, "err", err)
		e.d.Metrics.failed(stageButton, kind)
		return chat.Reply{Text: tr(lang, "act.error")}
	}
	return chat.Reply{Text: reply}
}

// mayPress reports whether who received the reminder: its recipient, or
// someone a message of it was addressed to, or — for a message posted to
// a team channel — a member of that channel on that workspace or server.
// who.ContactID is the link the core made (sip.Service.Act).
func (e *Engine) mayPress(ctx context.Context, who chat.Actor, c *sip.Case, rem Reminder) bool {
	if who.ContactID != "" && who.ContactID == rem.Recipient {
		return true
	}
	for _, m := range e.rd.render(ctx, c, rem) {
		if len(m.msg.Buttons) == 0 {
			continue
		}
		to := m.to
		switch {
		case to.Channel != "":
			if e.channelMember(ctx, who, to) {
				return true
			}
		case to.ContactID != "" && to.ContactID == who.ContactID:
			return true
		case to.User != "" && to.User == who.UserID && to.Platform == who.Platform && to.Workspace == who.Workspace:
			return true
		}
	}
	return false
}

// channelMember reports whether who is a member of the channel to, on its
// workspace or server (asked of the platform, which caches it briefly).
func (e *Engine) channelMember(ctx context.Context, who chat.Actor, to chat.Address) bool {
	if e.d.Members == nil || who.UserID == "" || who.Platform != to.Platform || who.Workspace != to.Workspace {
		return false
	}
	ok, err := e.d.Members.IsMember(ctx, to, who.UserID)
	if err != nil {
		e.d.Log.WarnContext(ctx, "reminders: channel membership", "platform", to.Platform, "err", err)
		return false
	}
	return ok
}

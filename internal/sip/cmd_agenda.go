package sip

import (
	"context"
	"fmt"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// cmdAgenda drafts an agenda from the needs text (convener only) and shows
// it privately with buttons to share it or edit it.
func (s *Service) cmdAgenda(ctx context.Context, r *request, cmd Cmd) (chat.Reply, error) {
	c, err := s.visible(ctx, r, cmd.Args[0])
	if err != nil {
		return chat.Reply{}, err
	}
	if err := asConvener(c, r); err != nil {
		return chat.Reply{}, err
	}
	if s.deps.Agenda == nil {
		return chat.Reply{Text: t(r.lang, "agenda.off")}, nil
	}
	if ap, ok := s.deps.Agenda.(AgendaApprover); ok && ap.Enabled() {
		// Nothing leaves before the convener has seen exactly what would.
		msg := s.agendaPreview(r.lang, c.Ref, ap, c.Needs)
		return chat.Reply{Message: &msg}, nil
	}
	return s.storeAgenda(ctx, r, c, "")
}

// agendaPreview shows the exact text that would go to the language model,
// replacements marked, and asks "Skicka till språkmodellen?". With a case
// room the text is shown there (CaseView.AgendaPreview), not in chat.
func (s *Service) agendaPreview(lang, ref string, ap AgendaApprover, needs string) chat.Message {
	marked, hash := ap.PreviewMarked(needs, "«", "»")
	text := t(lang, "agenda.preview", marked)
	if s.deps.Room != nil {
		text = t(lang, "agenda.preview.room")
	}
	return chat.Message{
		Title: t(lang, "agenda.preview.title", ref),
		Text:  text,
		Buttons: []chat.Button{
			{Action: actAgendaSend, Label: t(lang, "b.agenda.send"), Value: ref + " " + hash, Style: "primary"},
			{Action: actAgendaTemplate, Label: t(lang, "b.agenda.template"), Value: ref},
		},
	}
}

// actAgendaSend answers the preview: "send" records the approval (who,
// when, the hash of the text — never the text) and drafts with the model;
// "template" drafts without it. A preview whose text has changed since is
// shown again instead.
func (s *Service) actAgendaSend(ctx context.Context, r *request, act chat.Action) (chat.Reply, error) {
	refArg, hash, _ := strings.Cut(act.Value, " ")
	ref, ok := normalizeRef(refArg)
	if !ok {
		return chat.Reply{}, errNotFound
	}
	c, err := s.visible(ctx, r, ref)
	if err != nil {
		return chat.Reply{}, err
	}
	if err := asConvener(c, r); err != nil {
		return chat.Reply{}, err
	}
	ap, ok := s.deps.Agenda.(AgendaApprover)
	if act.Name == actAgendaTemplate || !ok || !ap.Enabled() {
		return s.storeAgenda(ctx, r, c, "")
	}
	if _, now := ap.PreviewMarked(c.Needs, "", ""); now != hash {
		msg := s.agendaPreview(r.lang, c.Ref, ap, c.Needs)
		return chat.Reply{Message: &msg}, nil
	}
	err = s.mutate(ctx, r, c.Ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		c.event("agenda.approved", r.me.Name, r.now, hash)
		fx.noStatus = true
		return nil
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return s.storeAgenda(ctx, r, c, hash)
}

// storeAgenda drafts (with the model only when approved is the hash of
// the approved text), keeps the draft on the case and shows it.
func (s *Service) storeAgenda(ctx context.Context, r *request, c *Case, approved string) (chat.Reply, error) {
	var md string
	var fromModel bool
	var err error
	if ap, ok := s.deps.Agenda.(AgendaApprover); ok && approved != "" {
		md, fromModel, err = ap.DraftApproved(ctx, c.Needs, c.Parties, r.lang, approved)
	} else {
		md, fromModel, err = s.deps.Agenda.DraftMarkdown(ctx, c.Needs, c.Parties, r.lang)
	}
	if err != nil {
		return chat.Reply{}, fmt.Errorf("draft agenda: %w", err)
	}
	if textgate.ContainsPersonnummer(md) {
		// Defence in depth: the drafter redacts, the core checks again.
		return chat.Reply{}, inputErr("", "err.agenda.personnummer")
	}
	var a Agenda
	err = s.mutate(ctx, r, c.Ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		a = Agenda{Markdown: md, FromModel: fromModel, Drafted: r.now}
		c.Agenda = &a
		c.event("agenda.drafted", r.me.Name, r.now)
		fx.noStatus = true
		return nil
	})
	if err != nil {
		return chat.Reply{}, err
	}
	msg := s.agendaMessage(r.lang, c.Ref, &a)
	return chat.Reply{Message: &msg}, nil
}

func (s *Service) agendaMessage(lang, ref string, a *Agenda) chat.Message {
	source := t(lang, "agenda.template")
	if a.FromModel {
		source = t(lang, "agenda.model")
	}
	text := a.Markdown
	if s.deps.Room != nil {
		text = t(lang, "agenda.room") // the draft comes from the needs: not in chat
	}
	return chat.Message{
		Title: t(lang, "agenda.title", ref),
		Text:  text + "\n\n_" + source + "_",
		Buttons: []chat.Button{
			{Action: actAgendaShare, Label: t(lang, "b.share"), Value: ref, Style: "primary"},
			{Action: actAgendaEdit, Label: t(lang, "b.edit"), Value: ref,
				Prompt: &chat.Prompt{Title: t(lang, "p.edit.title"), Label: t(lang, "p.edit.label")}},
		},
	}
}

// actAgendaShare sends the draft to every invitee who accepted.
func (s *Service) actAgendaShare(ctx context.Context, r *request, act chat.Action) (chat.Reply, error) {
	ref, ok := normalizeRef(act.Value)
	if !ok {
		return chat.Reply{}, errNotFound
	}
	n := 0
	err := s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		n = 0
		if err := asConvener(c, r); err != nil {
			return err
		}
		if c.Agenda == nil {
			return inputErr("", "err.noagenda", c.Ref)
		}
		c.Seq++
		for _, in := range c.Invitations {
			if !in.Accepted() || in.Address == nil {
				continue
			}
			lang := s.inviteeLang(ctx, &in)
			msg := chat.Message{Title: t(lang, "agenda.title", c.Ref), Text: c.Agenda.Markdown}
			switch {
			case in.Address.Platform == chat.Email:
				// The substance never goes by e-mail: only that there is an agenda.
				msg.Text = t(lang, "agenda.email", c.Ref, c.Convener.Name)
			case s.deps.Room != nil:
				msg.Text = t(lang, "agenda.shared.room", c.Ref, c.Convener.Name)
			}
			if err := fx.send(r, fmt.Sprintf("agenda|%s|%s|%d", c.Ref, in.ID, c.Seq), *in.Address, msg); err != nil {
				return err
			}
			n++
		}
		if n == 0 {
			return inputErr("", "err.noaccepted", c.Ref)
		}
		at := r.now
		c.Agenda.Shared = &at
		c.event("agenda.shared", r.me.Name, r.now, fmt.Sprint(n))
		return nil
	})
	if err != nil {
		return chat.Reply{}, err
	}
	return chat.Reply{Text: t(r.lang, "ok.shared", n)}, nil
}

// actAgendaEdit replaces the draft with the convener's text.
func (s *Service) actAgendaEdit(ctx context.Context, r *request, act chat.Action) (chat.Reply, error) {
	ref, ok := normalizeRef(act.Value)
	if !ok {
		return chat.Reply{}, errNotFound
	}
	text, gerr := cleanText(textgate.Agenda, "", "", act.Input)
	if gerr != nil {
		return chat.Reply{}, gerr
	}
	if text == "" {
		return chat.Reply{Text: t(r.lang, "p.edit.label"), PromptAction: actAgendaEdit, PromptValue: ref,
			Prompt: &chat.Prompt{Title: t(r.lang, "p.edit.title"), Label: t(r.lang, "p.edit.label")}}, nil
	}
	var a Agenda
	err := s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		if err := asConvener(c, r); err != nil {
			return err
		}
		a = Agenda{Markdown: text, Drafted: r.now}
		c.Agenda = &a
		c.event("agenda.edited", r.me.Name, r.now)
		fx.noStatus = true
		return nil
	})
	if err != nil {
		return chat.Reply{}, err
	}
	msg := s.agendaMessage(r.lang, ref, &a)
	return chat.Reply{Message: &msg}, nil
}

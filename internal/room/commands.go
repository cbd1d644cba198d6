package room

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/mail"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/outbox"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/textgate"
)

// Command answers the room's chat command, and reports false for every
// other text (the core's):
//
//	/sip länk REF individen|vårdnadshavare|god-man|förvaltare|närstående
//	/sip länk REF individen|… epost=ADDRESS (with Options.Email: the link by e-mail)
//	/sip länk REF återkalla
//
// Only the convener may give out or revoke personal links. A text the
// input gate refuses is left to the core, which refuses it in its words.
func (rm *Room) Command(ctx context.Context, who chat.Actor, text string) (chat.Reply, bool) {
	if textgate.Check(textgate.Command, text) != nil {
		return chat.Reply{}, false
	}
	f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(text), "/sip"))
	if len(f) == 0 || (!strings.EqualFold(f[0], "länk") && !strings.EqualFold(f[0], "link")) {
		return chat.Reply{}, false
	}
	return rm.linkCommand(ctx, who, f[1:]), true
}

func (rm *Room) linkCommand(ctx context.Context, who chat.Actor, args []string) chat.Reply {
	lang := rm.chatLang(ctx, who)
	var mailTo string
	if len(args) == 3 {
		k, v, ok := strings.Cut(args[2], "=")
		if !ok || !rm.opts.Email || (!strings.EqualFold(k, "epost") && !strings.EqualFold(k, "email") && !strings.EqualFold(k, "e-post")) {
			return chat.Reply{Text: rm.say(lang, "cmd.usage")}
		}
		a, err := mail.ParseAddress(v)
		if err != nil || a.Address != v {
			return chat.Reply{Text: rm.say(lang, "cmd.badmail")} // the address is not repeated
		}
		mailTo, args = a.Address, args[:2]
	}
	if len(args) != 2 {
		return chat.Reply{Text: rm.say(lang, "cmd.usage")}
	}
	res, err := rm.opts.Core.View(ctx, who, args[0])
	if err != nil || !mayEnter(res.Case) {
		return chat.Reply{Text: rm.say(lang, "chat.notfound")}
	}
	ref := res.Ref
	if res.Case.Role != sip.RoleConvener {
		return chat.Reply{Text: rm.say(lang, "cmd.convener", ref)}
	}
	word := strings.ToLower(args[1])
	if word == "återkalla" || word == "aterkalla" || word == "revoke" {
		n, err := rm.revokePersonLinks(ctx, ref)
		if err != nil {
			rm.opts.Log.ErrorContext(ctx, "room: revoke personal links", "ref", ref, "err", err)
			return chat.Reply{Text: rm.say(lang, "chat.nolink")}
		}
		rm.opts.Log.InfoContext(ctx, "room: personal links revoked", "ref", ref, "count", n)
		return chat.Reply{Text: rm.say(lang, "cmd.revoked", n, ref), Ref: ref}
	}
	role, ok := personRoles[word]
	if !ok {
		return chat.Reply{Text: rm.say(lang, "cmd.usage")}
	}
	link, code, err := rm.newPersonLink(ctx, ref, role)
	if err != nil {
		rm.opts.Log.ErrorContext(ctx, "room: personal link", "ref", ref, "err", err)
		return chat.Reply{Text: rm.say(lang, "chat.nolink")}
	}
	if mailTo != "" {
		// The address travels only in the outbox job, which is gone once
		// delivered: never in the reply, the log, the timeline or the link.
		if err := rm.mailPersonLink(ctx, ref, role, link, mailTo); err != nil {
			rm.opts.Log.ErrorContext(ctx, "room: personal link by e-mail", "ref", ref, "role", role, "err", err)
			return chat.Reply{Text: rm.say(lang, "chat.nolink")}
		}
		rm.opts.Log.InfoContext(ctx, "room: personal link made and sent by e-mail", "ref", ref, "role", role)
		return chat.Reply{Text: rm.say(lang, "cmd.link.mailed", ref, text(lang, "role."+role), code, ref), Ref: ref}
	}
	rm.opts.Log.InfoContext(ctx, "room: personal link made", "ref", ref, "role", role)
	return chat.Reply{Text: rm.say(lang, "cmd.link", ref, text(lang, "role."+role), link, code, ref), Ref: ref}
}

// say is a chat text of the room.
func (rm *Room) say(lang, id string, args ...any) string { return text(lang, id, args...) }

// mailPersonLink puts the personal link to ref for role in the outbox for
// the e-mail address to (the code is handed over separately, by the
// convener). The message says only the case reference and the link.
func (rm *Room) mailPersonLink(ctx context.Context, ref, role, link, to string) error {
	sum := sha256.Sum256([]byte(link))
	lang := rm.opts.Lang
	job, err := outbox.NewJob("personlink|"+ref+"|"+hex.EncodeToString(sum[:8]), outbox.Envelope{
		To:  chat.Address{Platform: chat.Email, User: to},
		Msg: chat.Message{Title: text(lang, "mail.link.title", ref), Text: text(lang, "mail.link.text", ref, link)},
	}, rm.opts.Now())
	if err != nil {
		return err
	}
	return rm.opts.Store.Commit(ctx, store.Tx{Jobs: []store.Job{job}})
}

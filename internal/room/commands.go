package room

import (
	"context"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/textgate"
)

// Command answers the room's chat command, and reports false for every
// other text (the core's):
//
//	/sip länk REF individen|vårdnadshavare|god-man|förvaltare|närstående
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
	rm.opts.Log.InfoContext(ctx, "room: personal link made", "ref", ref, "role", role)
	return chat.Reply{Text: rm.say(lang, "cmd.link", ref, text(lang, "role."+role), link, code, ref), Ref: ref}
}

// say is a chat text of the room.
func (rm *Room) say(lang, id string, args ...any) string { return text(lang, id, args...) }

package slack

import (
	"slices"
	"strconv"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

// newCaseModal is the form `/sip ny` opens when typed without arguments.
func (b *Bot) newCaseModal(meta viewMeta) (slackgo.ModalViewRequest, error) {
	pm, err := meta.encode()
	if err != nil {
		return slackgo.ModalViewRequest{}, err
	}
	text := func(block, label, hint string, multiline, optional bool) *slackgo.InputBlock {
		el := slackgo.NewPlainTextInputBlockElement(nil, "v")
		el.Multiline = multiline
		if multiline {
			el.MaxLength = maxFreeText
		}
		var h *slackgo.TextBlockObject
		if hint != "" {
			h = plain(hint)
		}
		in := slackgo.NewInputBlock(block, plain(label), h, el)
		in.Optional = optional
		return in
	}
	var parties []*slackgo.OptionBlockObject
	for _, id := range directory.CareLevels {
		parties = append(parties, slackgo.NewOptionBlockObject(id, plain(careLabel(id, b.lang)), nil))
	}
	partySelect := slackgo.NewInputBlock("parter", plain(b.t("parter")), nil,
		slackgo.NewOptionsMultiSelectBlockElement(slackgo.MultiOptTypeStatic, plain(b.t("parter_ph")), "v", parties...))
	date := slackgo.NewInputBlock("datum", plain(b.t("datum")), nil, slackgo.NewDatePickerBlockElement("v"))
	date.Optional = true
	clock := slackgo.NewInputBlock("tid", plain(b.t("tid")), nil, slackgo.NewTimePickerBlockElement("v"))
	clock.Optional = true
	video := slackgo.NewInputBlock("video", plain(b.t("video")), nil,
		slackgo.NewCheckboxGroupsBlockElement("v", slackgo.NewOptionBlockObject("video", plain(b.t("video_opt")), nil)))
	video.Optional = true
	blocks := []slackgo.Block{
		slackgo.NewContextBlock("intro", md(b.t("ny_intro"))),
		text("kommun", b.t("kommun"), b.t("kommun_hint"), false, false),
		text("alder", b.t("alder"), b.t("alder_hint"), false, false),
		partySelect,
		text("behov", b.t("behov"), b.t("behov_hint"), true, true),
		date,
		clock,
		video,
		text("forslag", b.t("forslag"), b.t("forslag_hint"), false, true),
	}
	return slackgo.ModalViewRequest{
		Type:            slackgo.VTModal,
		CallbackID:      callbackNew,
		Title:           plain(b.t("ny_title")),
		Submit:          plain(b.t("submit")),
		Close:           plain(b.t("cancel")),
		Blocks:          slackgo.Blocks{BlockSet: blocks},
		PrivateMetadata: pm,
	}, nil
}

// newCaseForm is a submitted new-case modal.
type newCaseForm struct {
	Kommun  string
	Age     string
	Parties []string
	Needs   string
	Date    string // 2006-01-02
	Time    string // 15:04
	Video   bool
	Slots   string // space separated 2006-01-02T15:04
}

// readNewCaseForm reads the modal's state.
func readNewCaseForm(state *slackgo.ViewState) newCaseForm {
	var f newCaseForm
	if state == nil {
		return f
	}
	get := func(block string) slackgo.BlockAction { return state.Values[block]["v"] }
	f.Kommun = strings.TrimSpace(get("kommun").Value)
	f.Age = strings.TrimSpace(get("alder").Value)
	for _, o := range get("parter").SelectedOptions {
		f.Parties = append(f.Parties, o.Value)
	}
	f.Needs = strings.TrimSpace(get("behov").Value)
	f.Date = get("datum").SelectedDate
	f.Time = get("tid").SelectedTime
	f.Video = len(get("video").SelectedOptions) > 0
	f.Slots = strings.TrimSpace(get("forslag").Value)
	return f
}

// validate returns the modal's inline errors by block id (empty when the
// form may go to the core, which validates everything again). today is
// the current date as 2006-01-02 (a meeting cannot be before it).
func (f newCaseForm) validate(t func(string) string, today string) map[string]string {
	errs := map[string]string{}
	for block, v := range map[string]string{"kommun": f.Kommun, "alder": f.Age, "behov": f.Needs, "forslag": f.Slots} {
		if directory.ContainsPersonnummer(v) {
			errs[block] = t("err_pnr")
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if f.Kommun == "" {
		errs["kommun"] = t("err_kommun")
	} else if len([]rune(f.Kommun)) > 60 {
		errs["kommun"] = t("err_kommun_okand")
	}
	if n, err := strconv.Atoi(f.Age); err != nil || n < 0 || n > 130 {
		errs["alder"] = t("err_alder")
	}
	if len(f.Parties) == 0 {
		errs["parter"] = t("err_parter")
	}
	if (f.Date == "") != (f.Time == "") {
		errs["tid"] = t("err_datum_tid")
	}
	if f.Date != "" && f.Date < today {
		errs["datum"] = t("err_past")
	}
	if f.Slots != "" {
		slots, ok := parseSlots(f.Slots)
		switch {
		case f.Date != "":
			errs["forslag"] = t("err_bada")
		case !ok:
			errs["forslag"] = t("err_forslag")
		case slices.ContainsFunc(slots, func(s string) bool { return s[:10] < today }):
			errs["forslag"] = t("err_past")
		}
	}
	return errs
}

// parseSlots reads up to 3 proposed times.
func parseSlots(s string) ([]string, bool) {
	fields := strings.Fields(s)
	if len(fields) == 0 || len(fields) > 3 {
		return nil, false
	}
	for _, f := range fields {
		if _, err := time.Parse("2006-01-02T15:04", f); err != nil {
			return nil, false
		}
	}
	return fields, true
}

// command is the `/sip ny …` text equivalent to the form, so the core
// stays the single source of truth.
func (f newCaseForm) command() string {
	var b strings.Builder
	b.WriteString("ny kommun=" + sip.Quote(f.Kommun) + " ålder=" + f.Age + " parter=" + strings.Join(f.Parties, ","))
	if f.Needs != "" {
		b.WriteString(" behov=" + sip.Quote(f.Needs))
	}
	return b.String()
}

// meetingCommand is the `/sip möte REF …` text for the form's meeting
// time or proposals, or "" when the form gave none.
func (f newCaseForm) meetingCommand(ref string) string {
	switch {
	case f.Date != "" && f.Time != "":
		s := "möte " + ref + " " + f.Date + " " + f.Time
		if f.Video {
			s += " video"
		}
		return s
	case f.Slots != "":
		slots, _ := parseSlots(f.Slots)
		return "möte " + ref + " förslag " + strings.Join(slots, " ")
	}
	return ""
}

// createdRef is the reference in a reply to `ny`, if the case was created.
func createdRef(r chat.Reply) (string, bool) {
	m := replyMessage(r)
	for _, s := range []string{r.Text, m.Title, m.Text} {
		if ref := sip.FindRef(s); ref != "" {
			return ref, true
		}
	}
	for _, f := range m.Fields {
		if ref := sip.FindRef(f.Value); ref != "" {
			return ref, true
		}
	}
	return "", false
}

// errorBlock guesses which modal field a core error message is about: the
// field named earliest in the message (its example comes after).
func errorBlock(text string) string {
	l := strings.ToLower(text)
	best, at := "kommun", len(l)
	for _, c := range []struct{ word, block string }{
		{"personnummer", "behov"}, {"identity number", "behov"},
		{"ålder", "alder"}, {"alder", "alder"}, {"age", "alder"},
		{"part", "parter"}, {"behov", "behov"}, {"needs", "behov"},
		{"kommun", "kommun"}, {"municipal", "kommun"},
	} {
		if i := strings.Index(l, c.word); i >= 0 && i < at {
			best, at = c.block, i
		}
	}
	return best
}

// mergeReplies joins the answers to `ny` and `möte` into one reply.
func mergeReplies(a, b chat.Reply) chat.Reply {
	ma, mb := replyMessage(a), replyMessage(b)
	m := ma
	extra := mb.Text
	if mb.Title != "" {
		extra = "*" + mb.Title + "*\n" + extra
	}
	if extra != "" {
		m.Text = strings.TrimSpace(m.Text + "\n\n" + extra)
	}
	m.Fields = append(append([]chat.Field(nil), ma.Fields...), mb.Fields...)
	m.Buttons = append(append([]chat.Button(nil), ma.Buttons...), mb.Buttons...)
	return chat.Reply{Text: strings.TrimSpace(a.Text + "\n\n" + b.Text), Message: &m}
}

package slack

import (
	"context"
	"strings"

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

// input is the form as typed, for the core's typed NewCase (which checks
// every field).
func (f newCaseForm) input() sip.NewCase {
	in := sip.NewCase{
		Kommun: f.Kommun, Age: f.Age, Parties: f.Parties, Needs: f.Needs,
		Meeting: sip.MeetingTime{When: strings.TrimSpace(f.Date + " " + f.Time), Video: f.Video},
	}
	if f.Slots != "" {
		in.Slots = []string{f.Slots}
	}
	return in
}

// modalBlocks maps the core's input fields to the modal's blocks; a
// reason about the whole form goes on the first block.
var modalBlocks = map[string]string{
	sip.FieldKommun: "kommun", sip.FieldAge: "alder", sip.FieldParties: "parter", sip.FieldNeeds: "behov",
	sip.FieldMeeting: "datum", sip.FieldPlace: "datum", sip.FieldSlots: "forslag",
}

// modalErrors are a refusal's reasons by block id, each on its field.
func modalErrors(no *sip.Refusal) map[string]string {
	errs := map[string]string{}
	for _, ie := range no.Errors {
		block, ok := modalBlocks[ie.Field]
		if !ok {
			block = "kommun"
		}
		if _, taken := errs[block]; !taken {
			errs[block] = truncate(ie.Message, maxModalError)
		}
	}
	return errs
}

// maxModalError bounds one inline error of a modal.
const maxModalError = 150

// Core is the SIP core as the bot uses it: /sip commands and button
// presses, and the typed new-case operation the modal submits.
type Core interface {
	chat.Handler
	NewCase(ctx context.Context, who chat.Actor, in sip.NewCase) (sip.Result, error)
}

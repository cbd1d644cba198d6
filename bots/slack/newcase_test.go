package slack

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/samla-sip/samla/internal/sip"
)

// FuzzNewCaseCommand checks that any needs text and kommun typed in the
// modal reach the core's parser unchanged (quoting and escaping right).
func FuzzNewCaseCommand(f *testing.F) {
	f.Add("Lund", `går inte till "skolan"`)
	f.Add("Upplands Väsby", "rad ett\nrad två med \\ och ”citat” och = tecken")
	f.Add("Eslöv", "")
	f.Fuzz(func(t *testing.T, kommun, needs string) {
		kommun, needs = strings.TrimSpace(kommun), strings.TrimSpace(needs)
		if !utf8.ValidString(kommun) || !utf8.ValidString(needs) || kommun == "" ||
			utf8.RuneCountInString(needs) > maxFreeText || utf8.RuneCountInString(kommun) > 60 {
			return // the modal does not let these through
		}
		form := newCaseForm{Kommun: kommun, Age: "14", Parties: []string{"bup", "skola"}, Needs: needs}
		cmd, err := sip.Parse(form.command())
		if err != nil {
			t.Fatalf("core refused %q: %v", form.command(), err)
		}
		if cmd.Verb != "new" || cmd.Opts["kommun"] != kommun || cmd.Opts["needs"] != needs || cmd.Opts["age"] != "14" {
			t.Fatalf("%q parsed as %+v", form.command(), cmd)
		}
	})
}

func TestMeetingCommandParses(t *testing.T) {
	for _, f := range []newCaseForm{
		{Date: "2026-12-10", Time: "13:00", Video: true},
		{Date: "2026-12-10", Time: "09:30"},
		{Slots: "2026-12-10T13:00  2026-12-11T09:00 2026-12-12T15:30"},
	} {
		text := f.meetingCommand("SIP-7K3QF2")
		cmd, err := sip.Parse(text)
		if err != nil || cmd.Verb != "meeting" || cmd.Args[0] != "SIP-7K3QF2" {
			t.Errorf("%q: %+v %v", text, cmd, err)
		}
	}
	if s := (newCaseForm{}).meetingCommand("SIP-7K3QF2"); s != "" {
		t.Errorf("no meeting gives %q", s)
	}
}

package email_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/bots/email"
	"github.com/samla-sip/samla/bots/email/emailtest"
	"github.com/samla-sip/samla/internal/chat"
)

var (
	stockholm = mustLoc("Europe/Stockholm")
	sent0     = time.Date(2027, 3, 1, 9, 30, 0, 0, time.UTC)
)

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func newMailer(t *testing.T, srv email.Server, mod func(*email.Options)) *email.Mailer {
	t.Helper()
	o := email.Options{From: "Samla Lunds kommun <samla@lund.example.se>", ReplyTo: "sip-stod@lund.example.se",
		Lang: "sv", Location: stockholm, Now: func() time.Time { return sent0 }, StopAction: "reminder.stop"}
	if mod != nil {
		mod(&o)
	}
	m, err := email.New(srv, o)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var afAddr = chat.Address{Platform: chat.Email, User: "handlaggare@af.example.se", ContactID: "af-eslov"}

// invitationMsg is an invitation as the core renders it, with a meeting.
func invitationMsg(seq int, start time.Time) chat.Message {
	return chat.Message{
		Key:   "inv|SIP-ZDQYV3|i1",
		Title: "Kallelse till SIP *SIP-ZDQYV3*",
		Text:  "Åsa Öberg (Socialtjänst vuxen Eslöv) kallar Arbetsförmedlingen till en SIP.\n_Inga uppgifter om personen finns i detta meddelande._",
		Fields: []chat.Field{
			{Label: "Kommun", Value: "Eslöv"},
			{Label: "Åldersgrupp", Value: "19–64"},
			{Label: "När", Value: start.In(stockholm).Format("2006-01-02 15:04")},
		},
		Buttons: []chat.Button{
			{Action: "rsvp.attend", Label: "Jag kommer", Value: "SIP-ZDQYV3|i1", Style: "primary"},
			{Action: "rsvp.decline", Label: "Kan inte", Value: "SIP-ZDQYV3|i1",
				Prompt: &chat.Prompt{Title: "Kan inte", Label: "Varför?"}},
			{Action: "rsvp.delegate", Label: "Skicka någon annan", Value: "SIP-ZDQYV3|i1",
				Prompt: &chat.Prompt{Title: "Ersättare", Label: "Vem?", Options: []chat.Option{{Value: "x", Label: "X"}}}},
		},
		Meeting: &chat.Meeting{
			UID: "sip-zdqyv3-m1@samla", Sequence: seq, Start: start, End: start.Add(90 * time.Minute),
			Summary: "SIP-möte SIP-ZDQYV3", Location: "Eslövs stadshus, rum 3; ingång B, plan 2",
			Organizer: "Åsa Öberg",
		},
	}
}

func newLinks(t *testing.T, now func() time.Time) *email.Links {
	t.Helper()
	l, err := email.NewLinks("https://samla.example.se", []byte("0123456789abcdef0123"), 0, now)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestSendInvitationRawMessage(t *testing.T) {
	r := emailtest.Start(t)
	links := newLinks(t, func() time.Time { return sent0 })
	m := newMailer(t, r.Server(t), func(o *email.Options) { o.Links = links })
	start := time.Date(2027, 3, 29, 10, 0, 0, 0, stockholm)

	ref, err := m.Send(context.Background(), afAddr, invitationMsg(0, start), "inv|SIP-ZDQYV3|i1|abc")
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	got := r.Messages()
	if len(got) != 1 {
		t.Fatalf("relay got %d messages, want 1", len(got))
	}
	if got[0].From != "samla@lund.example.se" || strings.Join(got[0].To, ",") != afAddr.User {
		t.Errorf("envelope %s → %v", got[0].From, got[0].To)
	}
	raw := got[0].Data
	for i, line := range strings.Split(string(raw), "\r\n") {
		if len(line) > 998 {
			t.Errorf("line %d is %d octets long", i+1, len(line))
		}
		for _, c := range []byte(line) {
			if c >= 0x80 {
				t.Fatalf("line %d has a raw 8-bit octet: %q", i+1, line)
			}
		}
	}
	h, parts := emailtest.Parse(t, raw)

	if s := emailtest.DecodeHeader(t, h.Get("Subject")); s != "Kallelse till SIP SIP-ZDQYV3" {
		t.Errorf("Subject = %q", s)
	}
	from, err := h.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != "Samla Lunds kommun" || from[0].Address != "samla@lund.example.se" {
		t.Errorf("From = %v (%v)", from, err)
	}
	if h.Get("Reply-To") != "<sip-stod@lund.example.se>" {
		t.Errorf("Reply-To = %q", h.Get("Reply-To"))
	}
	if !regexp.MustCompile(`^<samla\.[0-9a-f]{32}@lund\.example\.se>$`).MatchString(h.Get("Message-ID")) {
		t.Errorf("Message-ID = %q", h.Get("Message-ID"))
	}
	if ref.ID == "" || "<"+ref.ID+">" != h.Get("Message-ID") || ref.Platform != chat.Email {
		t.Errorf("ref %+v does not name Message-ID %s", ref, h.Get("Message-ID"))
	}
	if d, err := h.Date(); err != nil || !d.Equal(sent0) {
		t.Errorf("Date = %v (%v)", d, err)
	}
	for name, want := range map[string]string{"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All", "Content-Language": "sv"} {
		if h.Get(name) != want {
			t.Errorf("%s = %q, want %q", name, h.Get(name), want)
		}
	}
	if h.Get("List-Unsubscribe") != "" {
		t.Errorf("an invitation has no stop link, got List-Unsubscribe %q", h.Get("List-Unsubscribe"))
	}

	var shape []string
	for _, p := range parts {
		shape = append(shape, p.Path+">"+p.Type+"("+p.Filename+")")
	}
	want := []string{
		"multipart/mixed>multipart/alternative>text/plain()",
		"multipart/mixed>multipart/alternative>text/html()",
		"multipart/mixed>multipart/alternative>text/calendar()",
		"multipart/mixed>application/ics(invite.ics)",
	}
	if strings.Join(shape, " ") != strings.Join(want, " ") {
		t.Errorf("MIME shape\n got %v\nwant %v", shape, want)
	}

	text := emailtest.Find(t, parts, "text/plain")
	if text.Params["charset"] != "UTF-8" {
		t.Errorf("text charset %q", text.Params["charset"])
	}
	for _, s := range []string{"Åsa Öberg (Socialtjänst vuxen Eslöv)", "Åldersgrupp: 19–64", "• Jag kommer: https://samla.example.se/mail/a?t=", "• Kan inte: https://"} {
		if !strings.Contains(text.Body, s) {
			t.Errorf("text part lacks %q:\n%s", s, text.Body)
		}
	}
	if strings.Contains(text.Body, "Skicka någon annan") {
		t.Error("a choice among options cannot be answered by link, yet the text offers it")
	}
	if strings.Contains(text.Body, "*") || strings.Contains(text.Body, "_Inga") {
		t.Errorf("markdown left in the text part:\n%s", text.Body)
	}
	html := emailtest.Find(t, parts, "text/html")
	for _, s := range []string{"<strong>SIP-ZDQYV3</strong>", "<em>Inga uppgifter om personen finns i detta meddelande.</em>", `href="https://samla.example.se/mail/a?t=`} {
		if !strings.Contains(html.Body, s) {
			t.Errorf("HTML part lacks %q:\n%s", s, html.Body)
		}
	}
	cal := emailtest.Find(t, parts, "text/calendar")
	if cal.Params["method"] != "REQUEST" || cal.Params["charset"] != "UTF-8" {
		t.Errorf("calendar part params %v", cal.Params)
	}
	att := emailtest.Find(t, parts, "application/ics")
	if att.Body != cal.Body {
		t.Error("the .ics attachment differs from the calendar part")
	}
	for _, s := range []string{"METHOD:REQUEST", "UID:sip-zdqyv3-m1@samla", "SEQUENCE:0", "DTSTART;TZID=Europe/Stockholm:20270329T100000", "BEGIN:VTIMEZONE"} {
		if !strings.Contains(cal.Body, s) {
			t.Errorf("calendar lacks %q:\n%s", s, cal.Body)
		}
	}
}

func TestSendOverImplicitTLS(t *testing.T) {
	r := emailtest.StartImplicitTLS(t)
	srv := r.Server(t)
	if srv.TLS != email.TLSImplicit || !strings.HasPrefix(r.URL(), "smtps://") {
		t.Fatalf("server %+v from %s", srv, r.URL())
	}
	if _, err := newMailer(t, srv, nil).Send(context.Background(), afAddr, chat.Message{Text: "Hej"}, "k"); err != nil {
		t.Fatal(err)
	}
	if n := len(r.Messages()); n != 1 {
		t.Errorf("relay got %d messages", n)
	}
}

func TestSendReminderHasStopLink(t *testing.T) {
	r := emailtest.Start(t)
	m := newMailer(t, r.Server(t), func(o *email.Options) { o.Links = newLinks(t, nil) })
	msg := chat.Message{Title: "Påminnelse: SIP-ZDQYV3", Text: "Du har inte svarat på kallelsen.",
		Buttons: []chat.Button{{Action: "reminder.stop", Label: "Sluta påminna", Value: "job1"}}}
	if _, err := m.Send(context.Background(), afAddr, msg, "rem|1"); err != nil {
		t.Fatal(err)
	}
	h, parts := emailtest.Parse(t, r.Messages()[0].Data)
	if !regexp.MustCompile(`^<https://samla\.example\.se/mail/a\?t=[A-Za-z0-9_-]+>$`).MatchString(h.Get("List-Unsubscribe")) {
		t.Errorf("List-Unsubscribe = %q", h.Get("List-Unsubscribe"))
	}
	if h.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post = %q", h.Get("List-Unsubscribe-Post"))
	}
	if s := emailtest.DecodeHeader(t, h.Get("Subject")); s != "Påminnelse: SIP-ZDQYV3" {
		t.Errorf("Subject = %q", s)
	}
	for _, p := range parts {
		if p.Type == "text/calendar" || p.Type == "application/ics" {
			t.Errorf("a message without a meeting has a %s part", p.Type)
		}
	}
}

func TestSameKeySameMessageID(t *testing.T) {
	r := emailtest.Start(t)
	m := newMailer(t, r.Server(t), nil)
	msg := chat.Message{Text: "Hej"}
	a, err1 := m.Send(context.Background(), afAddr, msg, "k1")
	b, err2 := m.Send(context.Background(), afAddr, msg, "k1")
	c, err3 := m.Send(context.Background(), afAddr, msg, "k2")
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	if a.ID != b.ID || a.ID == c.ID {
		t.Errorf("Message-IDs %s %s %s: want the same for one key, another for another", a.ID, b.ID, c.ID)
	}
}

func TestRelayAnswers(t *testing.T) {
	r := emailtest.Start(t)
	m := newMailer(t, r.Server(t), nil)
	r.SetRcpt(func(to string, _ int) error {
		switch to {
		case "busy@af.example.se":
			return emailtest.TempFail
		case "gone@af.example.se":
			return emailtest.PermFail
		}
		return nil
	})
	send := func(user string) error {
		_, err := m.Send(context.Background(), chat.Address{Platform: chat.Email, User: user}, chat.Message{Text: "x"}, user)
		return err
	}
	if err := send("busy@af.example.se"); err == nil || errors.Is(err, chat.ErrPermanent) || email.Code(err) != 451 {
		t.Errorf("451: err %v (code %d), want a temporary error", err, email.Code(err))
	}
	if err := send("gone@af.example.se"); !errors.Is(err, chat.ErrPermanent) || email.Code(err) != 550 {
		t.Errorf("550: err %v (code %d), want chat.ErrPermanent", err, email.Code(err))
	}
	if err := send("inte en adress"); !errors.Is(err, chat.ErrPermanent) {
		t.Errorf("bad address: err %v, want chat.ErrPermanent", err)
	}

	wrong := r.Server(t)
	wrong.Password = "fel"
	if _, err := newMailer(t, wrong, nil).Send(context.Background(), afAddr, chat.Message{Text: "x"}, "k"); err == nil || errors.Is(err, chat.ErrPermanent) {
		t.Errorf("bad login: err %v, want a retried error (an operator's to fix, not the party's)", err)
	}
	if n := len(r.Messages()); n != 0 {
		t.Errorf("relay accepted %d messages, want none", n)
	}
}

func TestHangingRelayTimesOut(t *testing.T) {
	addr := emailtest.Hanging(t)
	srv, err := email.ParseURL("smtp://"+addr+"?tls=none", "")
	if err != nil {
		t.Fatal(err)
	}
	m := newMailer(t, srv, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = m.Send(ctx, afAddr, chat.Message{Text: "x"}, "k")
	if err == nil || errors.Is(err, chat.ErrPermanent) {
		t.Fatalf("err %v, want a temporary error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %s, want about the 300ms deadline", d)
	}
}

// TestHangingRelayStopsWithContext: a stopping outbox cancels its context;
// the conversation ends then, not at the timeout.
func TestHangingRelayStopsWithContext(t *testing.T) {
	srv, err := email.ParseURL("smtp://"+emailtest.Hanging(t)+"?tls=none", "")
	if err != nil {
		t.Fatal(err)
	}
	m := newMailer(t, srv, func(o *email.Options) { o.Timeout = time.Minute })
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	if _, err := m.Send(ctx, afAddr, chat.Message{Text: "x"}, "k"); err == nil || errors.Is(err, chat.ErrPermanent) {
		t.Fatalf("err %v, want a temporary error", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("gave up after %s, want soon after the cancel", d)
	}
}

func TestTestCommandReportsRelayAnswer(t *testing.T) {
	r := emailtest.Start(t)
	m := newMailer(t, r.Server(t), func(o *email.Options) { o.Lang = "en" })
	answer, err := m.Test(context.Background(), "drift@lund.example.se")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(answer, "OK: queued") {
		t.Errorf("relay answer %q, want go-smtp's \"OK: queued\"", answer)
	}
	h, _ := emailtest.Parse(t, r.Messages()[0].Data)
	if h.Get("Subject") != "Samla: test message" {
		t.Errorf("Subject = %q", h.Get("Subject"))
	}
}

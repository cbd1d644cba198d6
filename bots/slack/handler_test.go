package slack

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
)

func TestSlowCommandAnswersViaResponseURL(t *testing.T) {
	tb := newTestBot(t, func(o *Options) { o.InlineWait = 20 * time.Millisecond })
	tb.handler.release = make(chan struct{}) // the core is stuck until released
	sink := newResponseSink(t)
	w := tb.command("mina", sink.url())
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "arbetar") {
		t.Fatalf("ack %d %s", w.Code, w.Body)
	}
	if len(sink.all()) != 0 {
		t.Fatal("answered before the core finished")
	}
	close(tb.handler.release)
	select {
	case <-sink.got:
	case <-time.After(5 * time.Second):
		t.Fatal("no late answer on response_url")
	}
	post := sink.all()[0]
	if post["response_type"] != "ephemeral" || !strings.Contains(post["text"].(string), "ok: mina") {
		t.Errorf("late answer %v", post)
	}
}

func TestCloseStopsLateAnswers(t *testing.T) {
	tb := newTestBot(t, func(o *Options) { o.InlineWait = 10 * time.Millisecond })
	tb.handler.delay = 100 * time.Millisecond
	sink := newResponseSink(t)
	tb.command("mina", sink.url())
	// Close waits for the late answer in flight.
	ctx, cancel := contextWithTimeout(2 * time.Second)
	defer cancel()
	if err := tb.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(sink.all()); n != 1 {
		t.Fatalf("%d late answers delivered before Close returned, want 1", n)
	}
	// New requests are refused politely.
	w := tb.command("mina", sink.url())
	if !strings.Contains(w.Body.String(), "startar om") {
		t.Errorf("after close: %s", w.Body)
	}
}

func TestBareNewOpensModal(t *testing.T) {
	for _, text := range []string{"ny", " NY ", "new"} {
		tb := newTestBot(t)
		w := tb.command(text, "https://hooks.example/r")
		if w.Code != http.StatusOK || w.Body.Len() != 0 {
			t.Fatalf("%q: %d %q, want empty 200", text, w.Code, w.Body)
		}
		calls := tb.api.callsTo("views.open")
		if len(calls) != 1 {
			t.Fatalf("%q: %d views.open calls", text, len(calls))
		}
		if calls[0].JSON["trigger_id"] != "trig-1" || calls[0].Token != "xoxb-team-1" {
			t.Errorf("views.open %v with token %q", calls[0].JSON, calls[0].Token)
		}
		if cmds, _ := tb.handler.calls(); len(cmds) != 0 {
			t.Errorf("core got %v; the modal comes first", cmds)
		}
	}
}

// TestSlowModalOpensWithinWindow: a views.open that takes 1.5 s still has
// time within Slack's 3 s window for a bare /sip ny, so the form opens and
// the user is not also told it could not (issue 17, problem 7).
func TestSlowModalOpensWithinWindow(t *testing.T) {
	tb := newTestBot(t)
	tb.api.mu.Lock()
	tb.api.delays["views.open"] = 1500 * time.Millisecond
	tb.api.mu.Unlock()
	w := tb.command("ny", "https://hooks.example/r")
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("%d %q, want empty 200 (the form opened)", w.Code, w.Body)
	}
}

func TestBareNewModalFailureFallsBackToText(t *testing.T) {
	tb := newTestBot(t)
	tb.api.failNext("views.open", failure{code: "expired_trigger_id"})
	w := tb.command("ny", "")
	if !strings.Contains(w.Body.String(), "/sip ny kommun=") {
		t.Errorf("body %s lacks the text form", w.Body)
	}
}

// submission builds a view_submission payload.
func submission(callback, meta string, values map[string]map[string]any) string {
	p := map[string]any{
		"type":       "view_submission",
		"team":       map[string]any{"id": "T1"},
		"user":       map[string]any{"id": "U1"},
		"trigger_id": "trig-" + callback + meta,
		"view": map[string]any{
			"id": "V1", "hash": "h1", "callback_id": callback, "private_metadata": meta,
			"state": map[string]any{"values": values},
		},
	}
	raw, _ := json.Marshal(p)
	return string(raw)
}

func newCaseValues(kommun, age string, parties []string, needs, date, clock, slots string) map[string]map[string]any {
	var opts []map[string]any
	for _, p := range parties {
		opts = append(opts, map[string]any{"value": p})
	}
	return map[string]map[string]any{
		"kommun":  {"v": map[string]any{"type": "plain_text_input", "value": kommun}},
		"alder":   {"v": map[string]any{"type": "plain_text_input", "value": age}},
		"parter":  {"v": map[string]any{"type": "multi_static_select", "selected_options": opts}},
		"behov":   {"v": map[string]any{"type": "plain_text_input", "value": needs}},
		"datum":   {"v": map[string]any{"type": "datepicker", "selected_date": date}},
		"tid":     {"v": map[string]any{"type": "timepicker", "selected_time": clock}},
		"video":   {"v": map[string]any{"type": "checkboxes", "selected_options": []map[string]any{{"value": "video"}}}},
		"forslag": {"v": map[string]any{"type": "plain_text_input", "value": slots}},
	}
}

// TestNewCaseSubmission: the modal makes one typed call with the form as
// typed (no command text, no follow-up command) and shows the core's
// refusal on the fields it names, whatever its text says.
func TestNewCaseSubmission(t *testing.T) {
	refuse := func(errs ...*sip.InputError) func(sip.NewCase) (sip.Result, error) {
		return func(sip.NewCase) (sip.Result, error) { return sip.Result{}, &sip.Refusal{Errors: errs} }
	}
	tests := []struct {
		name   string
		values map[string]map[string]any
		core   func(sip.NewCase) (sip.Result, error)
		want   sip.NewCase
		errors map[string]string // inline errors expected (block → substring)
	}{
		{
			name:   "valid with meeting",
			values: newCaseValues("Lund", "14", []string{"bup", "skola"}, `går inte till "skolan"`, "2026-12-10", "13:00", ""),
			want: sip.NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup", "skola"}, Needs: `går inte till "skolan"`,
				Meeting: sip.MeetingTime{When: "2026-12-10 13:00", Video: true}},
		},
		{
			name:   "valid with proposals, kommun with a space",
			values: newCaseValues("Upplands Väsby", "82", []string{"slutenvard"}, "", "", "", "2026-12-10T13:00 2026-12-11T09:00"),
			want: sip.NewCase{Kommun: "Upplands Väsby", Age: "82", Parties: []string{"slutenvard"},
				Meeting: sip.MeetingTime{Video: true}, Slots: []string{"2026-12-10T13:00 2026-12-11T09:00"}},
		},
		{
			name:   "a refusal naming a case reference",
			values: newCaseValues("SIP-ABCDEF", "14", []string{"bup"}, "", "2026-12-10", "13:00", ""),
			core: refuse(&sip.InputError{Field: sip.FieldKommun, Message: `Hittar ingen kommun som heter "SIP-ABCDEF".`},
				&sip.InputError{Field: sip.FieldSlots, Message: "tider"}, &sip.InputError{Field: sip.FieldMeeting, Message: "möte"}),
			want:   sip.NewCase{Kommun: "SIP-ABCDEF", Age: "14", Parties: []string{"bup"}, Meeting: sip.MeetingTime{When: "2026-12-10 13:00", Video: true}},
			errors: map[string]string{"kommun": "SIP-ABCDEF", "forslag": "tider", "datum": "möte"},
		},
		{
			name:   "a refusal about the whole form",
			values: newCaseValues("Lund", "14", []string{"bup"}, "", "", "", ""),
			core:   refuse(&sip.InputError{Message: "Ärendet hittades inte."}),
			want:   sip.NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Meeting: sip.MeetingTime{Video: true}},
			errors: map[string]string{"kommun": "hittades inte"},
		},
		{
			name:   "the core fails",
			values: newCaseValues("Lund", "14", []string{"bup"}, "", "", "", ""),
			core:   func(sip.NewCase) (sip.Result, error) { return sip.Result{}, errors.New("disk full") },
			want:   sip.NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}, Meeting: sip.MeetingTime{Video: true}},
			errors: map[string]string{"kommun": "gick fel"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTestBot(t)
			sink := newResponseSink(t)
			tb.handler.newCase = tt.core
			meta, _ := viewMeta{ResponseURL: sink.url(), Channel: "C1"}.encode()
			w := tb.interact(submission(callbackNew, meta, tt.values))
			if w.Code != http.StatusOK {
				t.Fatalf("status %d", w.Code)
			}
			var resp struct {
				Action string            `json:"response_action"`
				Errors map[string]string `json:"errors"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
				t.Fatalf("body %q: %v", w.Body, err)
			}
			if len(tt.errors) > 0 {
				if resp.Action != "errors" || len(resp.Errors) != len(tt.errors) {
					t.Fatalf("response %+v, want errors on %v", resp, tt.errors)
				}
				for block, want := range tt.errors {
					if !strings.Contains(strings.ToLower(resp.Errors[block]), strings.ToLower(want)) {
						t.Errorf("error on %s = %q, want it to mention %q", block, resp.Errors[block], want)
					}
				}
			} else if resp.Action != "clear" {
				t.Fatalf("response %+v, want clear", resp)
			}
			got := tb.handler.newCaseCalls()
			if cmds, _ := tb.handler.calls(); len(got) != 1 || !reflect.DeepEqual(got[0], tt.want) || len(cmds) != 0 {
				t.Fatalf("core got %+v and commands %v, want %+v", got, cmds, tt.want)
			}
			if len(tt.errors) == 0 {
				<-sink.got
				if text := sink.all()[0]["text"].(string); !strings.Contains(text, "SIP-7K3QF2") || !strings.Contains(text, "Mötet") {
					t.Errorf("answer %q lacks the core's reply", text)
				}
			}
		})
	}
}

// blockAction builds a block_actions payload pressing one button.
func blockAction(actionID, value, responseURL string) string {
	p := map[string]any{
		"type": "block_actions", "team": map[string]any{"id": "T1"}, "user": map[string]any{"id": "U2"},
		"channel": map[string]any{"id": "D2"}, "trigger_id": "trig-" + actionID, "response_url": responseURL,
		"actions": []map[string]any{{"action_id": actionID, "block_id": "samla-actions-0", "type": "button", "value": value, "action_ts": "1764000000.1"}},
	}
	raw, _ := json.Marshal(p)
	return string(raw)
}

func TestButtonPressRunsActOnceAndAnswers(t *testing.T) {
	tb := newTestBot(t)
	sink := newResponseSink(t)
	payload := blockAction("rsvp.attend", "SIP-7K3QF2|inv1", sink.url())
	for range 2 { // Slack delivering the same press twice
		if w := tb.interact(payload); w.Code != http.StatusOK || w.Body.Len() != 0 {
			t.Fatalf("ack %d %q", w.Code, w.Body)
		}
	}
	<-sink.got
	_, acts := tb.handler.calls()
	if len(acts) != 1 {
		t.Fatalf("Act called %d times, want 1", len(acts))
	}
	if got := acts[0].Act; got.Name != "rsvp.attend" || got.Value != "SIP-7K3QF2|inv1" {
		t.Errorf("action %+v", got)
	}
	if post := sink.all()[0]; post["text"] != "tack: rsvp.attend" || post["replace_original"] != false {
		t.Errorf("answer %v", post)
	}
}

func TestDuplicateSuffixedActionMapsBack(t *testing.T) {
	tb := newTestBot(t)
	sink := newResponseSink(t)
	tb.interact(blockAction("slot.vote#2", "SIP-7K3QF2|3", sink.url()))
	<-sink.got
	if _, acts := tb.handler.calls(); len(acts) != 1 || acts[0].Act.Name != "slot.vote" {
		t.Errorf("acts %+v", acts)
	}
}

func TestPromptButtonOpensModalThenActs(t *testing.T) {
	tb := newTestBot(t)
	sink := newResponseSink(t)
	value := buttonValue(invitation.Buttons[3]) // delegate, with options + checkbox
	if w := tb.interact(blockAction("rsvp.delegate", value, sink.url())); w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	if _, acts := tb.handler.calls(); len(acts) != 0 {
		t.Fatalf("Act ran before the prompt was answered: %+v", acts)
	}
	opened := tb.api.callsTo("views.open")
	if len(opened) != 1 {
		t.Fatalf("%d views.open calls", len(opened))
	}
	view := opened[0].JSON["view"].(map[string]any)
	meta := view["private_metadata"].(string)
	if view["callback_id"] != callbackPrompt {
		t.Fatalf("callback %v", view["callback_id"])
	}
	values := map[string]map[string]any{
		"input": {"choice": map[string]any{"type": "static_select", "selected_option": map[string]any{"value": "bup-lund-lakare"}}},
		"flag":  {"flag": map[string]any{"type": "checkboxes", "selected_options": []map[string]any{{"value": "yes"}}}},
	}
	w := tb.interact(submission(callbackPrompt, meta, values))
	if !strings.Contains(w.Body.String(), `"response_action":"clear"`) {
		t.Fatalf("submission answer %s", w.Body)
	}
	<-sink.got
	_, acts := tb.handler.calls()
	want := chat.Action{Name: "rsvp.delegate", Value: "SIP-7K3QF2|inv1", Input: "bup-lund-lakare", Flag: true}
	if len(acts) != 1 || acts[0].Act != want {
		t.Fatalf("acts %+v, want %+v", acts, want)
	}
	if acts[0].Who.UserID != "U1" || acts[0].Who.Channel != "D2" {
		t.Errorf("actor %+v", acts[0].Who)
	}
}

func TestReplyPromptFromCommandOpensModal(t *testing.T) {
	tb := newTestBot(t)
	tb.handler.command = func(string) chat.Reply {
		return chat.Reply{Text: "Ange orsak.", Prompt: &chat.Prompt{Title: "Avsluta", Label: "Orsak"}, PromptAction: "case.close", PromptValue: "SIP-7K3QF2"}
	}
	w := tb.command("avsluta SIP-7K3QF2", "")
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("%d %q", w.Code, w.Body)
	}
	opened := tb.api.callsTo("views.open")
	if len(opened) != 1 {
		t.Fatalf("%d views.open", len(opened))
	}
	meta := decodeViewMeta(opened[0].JSON["view"].(map[string]any)["private_metadata"].(string))
	if meta.Action != "case.close" || meta.Value != "SIP-7K3QF2" {
		t.Errorf("meta %+v", meta)
	}
}

func TestEvents(t *testing.T) {
	tb := newTestBot(t)
	w := tb.do(signedRequest("/slack/events", []byte(`{"type":"url_verification","challenge":"3eZbrw1aB"}`), testNow, testSecret))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"challenge":"3eZbrw1aB"`) {
		t.Fatalf("url_verification: %d %s", w.Code, w.Body)
	}
	ev := []byte(`{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"app_mention","user":"U1","channel":"C9","text":"<@UBOT> status SIP-7K3QF2"}}`)
	for retry := range 3 { // first delivery and two retries
		r := tb.signed("/slack/events", ev)
		if retry > 0 {
			r.Header.Set("X-Slack-Retry-Num", string(rune('0'+retry)))
			r.Header.Set("X-Slack-Retry-Reason", "http_timeout")
		}
		if w := tb.do(r); w.Code != http.StatusOK {
			t.Fatalf("delivery %d: status %d", retry, w.Code)
		}
	}
	waitFor(t, "ephemeral answer", func() bool { return len(tb.api.callsTo("chat.postEphemeral")) > 0 })
	cmds, _ := tb.handler.calls()
	if len(cmds) != 1 || cmds[0].Text != "status SIP-7K3QF2" {
		t.Fatalf("core got %+v, want one status command", cmds)
	}
	post := tb.api.callsTo("chat.postEphemeral")[0]
	if post.Form.Get("channel") != "C9" || post.Form.Get("user") != "U1" {
		t.Errorf("ephemeral to %v", post.Form)
	}
}

func TestUnknownUserLinkedByEmailOnce(t *testing.T) {
	tb := newTestBot(t)
	tb.api.emails["U1"] = "karin@lund.example"
	tb.command("mina", "")
	tb.command("mina", "")
	cmds, _ := tb.handler.calls()
	if len(cmds) != 2 || cmds[0].Who.Email != "karin@lund.example" || cmds[1].Who.Email != "karin@lund.example" {
		t.Fatalf("actors %+v", cmds)
	}
	if n := len(tb.api.callsTo("users.info")); n != 1 {
		t.Errorf("users.info called %d times, want 1 (cached)", n)
	}
}

func TestCorePanicIsAnsweredNotFatal(t *testing.T) {
	tb := newTestBot(t)
	tb.handler.command = func(string) chat.Reply { panic("core bug") }
	w := tb.command("mina", "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "gick fel") {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	tb.handler.act = func(chat.Action) chat.Reply { panic("core bug") }
	sink := newResponseSink(t)
	tb.interact(blockAction("rsvp.attend", "SIP-7K3QF2|inv1", sink.url()))
	<-sink.got
	if text := sink.all()[0]["text"]; !strings.Contains(text.(string), "gick fel") {
		t.Errorf("answer to a press the core panicked on: %v", text)
	}
	ctx, cancel := contextWithTimeout(5 * time.Second)
	defer cancel()
	if err := tb.Close(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestCorrectedModalIsNotTakenForARetry(t *testing.T) {
	tb := newTestBot(t)
	tb.handler.newCase = func(in sip.NewCase) (sip.Result, error) {
		if in.Age != "14" {
			return sip.Result{}, &sip.Refusal{Errors: []*sip.InputError{{Field: sip.FieldAge, Message: "ålder"}}}
		}
		return sip.Result{Ref: "SIP-7K3QF2", Reply: chat.Reply{Text: "skapat"}}, nil
	}
	meta, _ := viewMeta{Channel: "C1"}.encode()
	bad := submission(callbackNew, meta, newCaseValues("Lund", "fjorton", []string{"bup"}, "", "", "", ""))
	good := submission(callbackNew, meta, newCaseValues("Lund", "14", []string{"bup"}, "", "", "", ""))
	if w := tb.interact(bad); !strings.Contains(w.Body.String(), `"errors":{"alder"`) {
		t.Fatalf("bad form: %s", w.Body)
	}
	tb.interact(good)
	tb.interact(good) // a repeated delivery of the same submission
	if calls := tb.handler.newCaseCalls(); len(calls) != 2 || calls[1].Age != "14" {
		t.Fatalf("core got %+v, want the refused form and the corrected one once", calls)
	}
}

func TestUserLookupFailures(t *testing.T) {
	tests := []struct {
		name  string
		fail  failure
		calls int // users.info calls for two commands
	}{
		{"missing scope is not asked again", failure{code: "missing_scope"}, 1},
		{"a 503 is asked again", failure{status: 503}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTestBot(t)
			tb.api.emails["U1"] = "karin@lund.example"
			tb.api.failNext("users.info", tt.fail)
			tb.command("mina", "")
			tb.command("mina", "")
			if n := len(tb.api.callsTo("users.info")); n != tt.calls {
				t.Errorf("users.info called %d times, want %d", n, tt.calls)
			}
			if cmds, _ := tb.handler.calls(); len(cmds) != 2 || cmds[0].Who.Email != "" {
				t.Errorf("commands %+v", cmds)
			}
		})
	}
}

func TestAckInTimeWhenSlackHangs(t *testing.T) {
	tb := newTestBot(t)
	tb.api.failNext("views.open", failure{hang: true})
	start := time.Now()
	w := tb.command("ny", "")
	took := time.Since(start)
	if took > 3*time.Second { // Slack's window
		t.Errorf("ack after %s", took)
	}
	if took < ackWindow-100*time.Millisecond {
		t.Errorf("gave up after %s, with time left in the window", took)
	}
	if !strings.Contains(w.Body.String(), "/sip ny kommun=") {
		t.Errorf("body %s lacks the text form", w.Body)
	}
}

func TestActReplyPromptOpensModal(t *testing.T) {
	tb := newTestBot(t)
	tb.handler.act = func(chat.Action) chat.Reply {
		return chat.Reply{Text: "Vilken tid?", Prompt: &chat.Prompt{Title: "Välj tid", Options: []chat.Option{{Value: "1", Label: "tors 13:00"}}}, PromptAction: "slot.pick", PromptValue: "SIP-7K3QF2"}
	}
	tb.interact(blockAction("case.pick", "SIP-7K3QF2", "http://127.0.0.1:1/r"))
	waitFor(t, "views.open", func() bool { return len(tb.api.callsTo("views.open")) == 1 })
	view := tb.api.callsTo("views.open")[0].JSON["view"].(map[string]any)
	if meta := decodeViewMeta(view["private_metadata"].(string)); meta.Action != "slot.pick" || meta.Value != "SIP-7K3QF2" {
		t.Errorf("meta %+v", meta)
	}
}

package slack

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/samla-sip/samla/internal/sip"
)

// TestNewCaseModalRefusedOnRealCore: a form the core refuses stays open
// with each reason on its block; nothing is created, nothing is answered
// and no other command runs. (A kommun field holding a case reference
// used to close the modal as if created and run "möte SIP-ABCDEF …".)
func TestNewCaseModalRefusedOnRealCore(t *testing.T) {
	tests := []struct {
		name   string
		values map[string]map[string]any
		errors map[string]string // block → part of its reason
	}{
		{"reference as kommun", newCaseValues("SIP-ABCDEF", "14", []string{"bup"}, "", "2026-12-10", "13:00", ""),
			map[string]string{"kommun": "SIP-ABCDEF"}},
		{"everything wrong", newCaseValues("", "fjorton", nil, "", "2026-12-10", "", "igår"),
			map[string]string{"kommun": "saknas", "alder": "fjorton", "parter": "saknas", "datum": "2026-12-10", "forslag": "inte båda"}},
		{"meeting in the past", newCaseValues("Lund", "14", []string{"bup"}, "", "2026-11-22", "13:00", ""),
			map[string]string{"datum": "passerat"}},
		{"proposal in the past", newCaseValues("Lund", "14", []string{"bup"}, "", "", "", "2026-12-10T13:00 2025-12-11T09:00"),
			map[string]string{"forslag": "passerat"}},
		{"four proposals", newCaseValues("Lund", "14", []string{"bup"}, "", "", "", "2026-12-10T13:00 2026-12-11T09:00 2026-12-12T09:00 2026-12-13T09:00"),
			map[string]string{"forslag": "1–3"}},
		{"personnummer in the needs", newCaseValues("Lund", "14", []string{"bup"}, "19121212-1212", "", "", ""),
			map[string]string{"behov": "personnummer"}},
	}
	f := newRealFlow(t, openBbolt(t))
	sink := newResponseSink(t)
	meta, _ := viewMeta{ResponseURL: sink.url(), Channel: "C0GENERAL"}.encode()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := submission(callbackNew, meta, tt.values)
			p = strings.Replace(p, `"id":"T1"`, `"id":"T0SKANE01"`, 1)
			p = strings.Replace(p, `"id":"U1"`, `"id":"U0MARIAPERSSON"`, 1)
			w := f.interact(p)
			var resp struct {
				Action string            `json:"response_action"`
				Errors map[string]string `json:"errors"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || resp.Action != "errors" {
				t.Fatalf("submission answered %s", w.Body)
			}
			if len(resp.Errors) != len(tt.errors) {
				t.Errorf("errors %v, want on %v", resp.Errors, tt.errors)
			}
			for block, want := range tt.errors {
				if !strings.Contains(resp.Errors[block], want) {
					t.Errorf("error on %s = %q, want it to mention %q", block, resp.Errors[block], want)
				}
			}
		})
	}
	if refs, err := f.core.OpenCases(t.Context()); err != nil || len(refs) != 0 {
		t.Errorf("refused forms created cases %v (%v)", refs, err)
	}
	if got := sink.all(); len(got) != 0 {
		t.Errorf("refused forms were answered: %v", got)
	}
}

// TestStatusShownOnceOnRealCore: the answer to /sip status shows the case
// once in its blocks (the plain text is Slack's notification fallback).
func TestStatusShownOnceOnRealCore(t *testing.T) {
	f := newRealFlow(t, openBbolt(t))
	ref := sip.FindRef(f.say("U0MARIAPERSSON", "ny kommun=Lund ålder=14 parter=bup"))
	resp := f.commandAs("T0SKANE01", "U0MARIAPERSSON", "status "+ref)
	var body struct {
		Blocks []json.RawMessage `json:"blocks"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	var blocks strings.Builder
	for _, b := range body.Blocks {
		blocks.Write(b)
	}
	for _, once := range []string{"Nästa steg", "Samtycke", "Kallade"} {
		if n := strings.Count(blocks.String(), once); n != 1 {
			t.Errorf("%q shown %d times in the blocks:\n%s", once, n, blocks.String())
		}
	}
}

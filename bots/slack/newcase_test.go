package slack

import (
	"reflect"
	"testing"

	"github.com/samla-sip/samla/internal/sip"
)

func TestNewCaseFormInput(t *testing.T) {
	tests := []struct {
		form newCaseForm
		want sip.NewCase
	}{
		{newCaseForm{Kommun: "Lund", Age: "14", Parties: []string{"bup"}},
			sip.NewCase{Kommun: "Lund", Age: "14", Parties: []string{"bup"}}},
		{newCaseForm{Kommun: "Lund", Age: "14", Date: "2026-12-10", Time: "13:00", Video: true},
			sip.NewCase{Kommun: "Lund", Age: "14", Meeting: sip.MeetingTime{When: "2026-12-10 13:00", Video: true}}},
		{newCaseForm{Date: "2026-12-10"}, sip.NewCase{Meeting: sip.MeetingTime{When: "2026-12-10"}}},
		{newCaseForm{Slots: "2026-12-10T13:00 2026-12-11T09:00"}, sip.NewCase{Slots: []string{"2026-12-10T13:00 2026-12-11T09:00"}}},
	}
	for _, tt := range tests {
		if got := tt.form.input(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%+v: got %+v, want %+v", tt.form, got, tt.want)
		}
	}
}

func TestModalErrors(t *testing.T) {
	no := &sip.Refusal{Errors: []*sip.InputError{
		{Field: sip.FieldAge, Message: "ålder"}, {Field: "", Message: "hela formuläret"},
		{Field: sip.FieldKommun, Message: "kommun"}, {Field: sip.FieldSlots, Message: "tider"},
		{Field: "okänt-fält", Message: "annat"},
	}}
	want := map[string]string{"alder": "ålder", "kommun": "hela formuläret", "forslag": "tider"}
	if got := modalErrors(no); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

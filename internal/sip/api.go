package sip

import (
	"context"
	"errors"
	"strings"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/textgate"
)

// The typed API: one method on Service per thing a form, a button or a web
// page does to a case, with a typed input, a typed Result and, on refusal,
// a *Refusal naming the field each mistake is about. The /sip command
// language is parsed into the same inputs (cmd_*.go), so every platform
// refuses exactly the same inputs with the same words.
//
// Every method takes the acting person as a chat.Actor; texts in the
// result and in a Refusal are in that person's language.
//
// Adding an operation: an input struct beside its command (cmd_*.go); an
// exported method that hands its free-text fields and an internal op to
// typed; the internal op checks the input (mistakes as inputErr(…).on(Field…)),
// changes the case with change and returns caseResult; the command parses
// into the same input and calls the same op.

// Input field names: what an InputError's Field says. A form maps them to
// its own controls; the command language uses the same names as its
// canonical option keys.
const (
	FieldRef         = "ref"
	FieldKommun      = keyKommun // "kommun"
	FieldAge         = keyAge    // "age"
	FieldParties     = keyParties
	FieldNeeds       = keyNeeds
	FieldMeeting     = "meeting" // a meeting time (and its place)
	FieldSlots       = "slots"   // proposed meeting times
	FieldSlot        = "slot"    // which proposal
	FieldPlace       = keyPlace
	FieldLength      = keyLength   // a meeting's length in minutes
	FieldType        = keyType     // the kind of SIP: "" or utskrivning (discharge)
	FieldNotified    = keyNotified // a discharge SIP's notification date
	FieldInvitees    = "invitees"
	FieldConsent     = "consent"
	FieldReason      = keyReason
	FieldCause       = "cause" // why a SIP ends (Cause* constants)
	FieldGoal        = "goal"  // the individual's goal in their own words
	FieldParticipant = "participant"
	FieldReceived    = "received" // when and how the individual received the plan
	FieldDelegate    = "delegate"
	FieldEffort      = "effort"
	FieldMeasure     = "measure"
	FieldResponsible = keyResponsible
	FieldNext        = keyNext
	FieldDate        = "date"
)

// Result is what a typed operation did.
type Result struct {
	// Ref is the case the operation was about (the new reference for
	// NewCase).
	Ref string
	// Case is the case after the operation as the actor may see it; nil
	// for operations that are not about one case.
	Case *CaseView
	// Cases are the cases of a listing (Mine), most urgent first.
	Cases []CaseView
	// Reply is what a chat platform tells the actor, in their language
	// (the same answer as the equivalent /sip command). A web page may
	// show Case instead.
	Reply chat.Reply
}

// Refusal is why a typed operation did not happen, ready to show: the
// user's mistakes, at most one per field, in the order they were found
// (the first is what the command language answers; Field "" is about the
// whole input: case not found, not the convener, closed, …); or, when
// Internal, one generic message about a failure the user did not cause
// (the cause is logged, never shown).
type Refusal struct {
	Errors   []*InputError
	Internal bool
}

func (e *Refusal) Error() string {
	ids := make([]string, len(e.Errors))
	for i, ie := range e.Errors {
		ids[i] = ie.Field + ":" + ie.ID
	}
	return "sip: refused: " + strings.Join(ids, ", ")
}

// Fields maps each field to its message, for forms that show errors next
// to their fields; the whole-input message, if any, is under "".
func (e *Refusal) Fields() map[string]string {
	out := make(map[string]string, len(e.Errors))
	for _, ie := range e.Errors {
		if _, ok := out[ie.Field]; !ok {
			out[ie.Field] = ie.Message
		}
	}
	return out
}

// Message is the first mistake's message (what a one-line answer shows).
func (e *Refusal) Message() string {
	if len(e.Errors) == 0 {
		return ""
	}
	return e.Errors[0].Message
}

// inputErrors are several mistakes found in one input, in check order.
type inputErrors []*InputError

func (es inputErrors) Error() string { return (&Refusal{Errors: es}).Error() }

// add appends ie unless its field already has a mistake.
func (es inputErrors) add(ie *InputError) inputErrors {
	for _, e := range es {
		if e.Field == ie.Field {
			return es
		}
	}
	return append(es, ie)
}

// err is es as an error, or nil when there are none.
func (es inputErrors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// firstInputError is the mistake a one-line answer shows.
func firstInputError(err error) (*InputError, bool) {
	var es inputErrors
	if errors.As(err, &es) && len(es) > 0 {
		return es[0], true
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return ie, true
	}
	return nil, false
}

// textField is one free-text input field, checked for personnummer.
type textField struct{ field, value string }

// typed runs a typed operation for who: the texts are refused first if
// any holds a personnummer (nothing is parsed, stored or logged), errors
// become a Refusal in the actor's language, and an unknown actor is told
// once that they are not in the directory.
func (s *Service) typed(ctx context.Context, who chat.Actor, texts []textField, op func(r *request) (Result, error)) (Result, error) {
	r := s.newRequest(ctx, who)
	if r.unresolved {
		return Result{}, s.refusal(ctx, r, errTryAgain)
	}
	var pnr inputErrors
	for _, f := range texts {
		if err := textgate.Check(textgate.Field{Name: f.field}, f.value); err != nil {
			pnr = pnr.add(gateErr(err, f.field, ""))
		}
	}
	if len(pnr) > 0 {
		s.deps.Log.InfoContext(ctx, "sip: input refused: personnummer", "actor", r.me.Key)
		return Result{}, s.refusal(ctx, r, pnr)
	}
	res, err := op(r)
	if err != nil {
		return Result{}, s.refusal(ctx, r, err)
	}
	res.Reply = s.withUnknownNotice(ctx, r, res.Reply)
	return res, nil
}

// refusal turns an operation's error into a Refusal in the actor's
// language; anything but a user mistake is logged and made generic.
func (s *Service) refusal(ctx context.Context, r *request, err error) *Refusal {
	var es inputErrors
	if !errors.As(err, &es) {
		var ie *InputError
		if !errors.As(err, &ie) {
			s.deps.Log.ErrorContext(ctx, "sip: operation failed", "actor", r.me.Key, "err", err)
			return &Refusal{Internal: true, Errors: []*InputError{{ID: "err.internal", Message: t(r.lang, "err.internal")}}}
		}
		es = inputErrors{ie}
	}
	out := &Refusal{}
	for _, ie := range es {
		c := *ie
		c.Message = c.text(r.lang)
		out.Errors = append(out.Errors, &c)
	}
	return out
}

// caseResult is the Result of an operation on case c with reply.
func (s *Service) caseResult(r *request, c *Case, reply chat.Reply) Result {
	v := s.caseView(r.lang, c, r.me.Key)
	reply.Ref = c.Ref
	return Result{Ref: c.Ref, Case: &v, Reply: reply}
}

// change is mutate that also returns the case as committed.
func (s *Service) change(ctx context.Context, r *request, ref string, fn func(c *Case, fx *effects) error) (*Case, error) {
	var after *Case
	err := s.mutate(ctx, r, ref, func(c *Case, fx *effects) error {
		after = c
		return fn(c, fx)
	})
	if err != nil {
		return nil, err
	}
	return after, nil
}

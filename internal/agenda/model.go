package agenda

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/samla-sip/samla/directory"
)

// failure is why a draft came from the fallback.
type failure int

const (
	failNone        failure = iota
	failOff                 // no model configured
	failTimeout             // no answer within the timeout
	failRateLimited         // HTTP 429
	failServer              // HTTP 5xx or another error status
	failUnreachable         // connection refused, DNS, TLS …
	failInvalid             // invalid JSON or schema twice
	failNotApproved         // the convener did not confirm the text
)

func (f failure) code() string {
	return [...]string{"none", "off", "timeout", "rate_limited", "server_error", "unreachable", "invalid", "not_approved"}[f]
}

var reasonModel = text{
	"Utkast från språkmodellen – granska och redigera innan du delar.",
	"Draft from the language model – review and edit before sharing.",
}

// reason tells the user, in lang, why they got the standard agenda.
func (f failure) reason(lang string, timeout time.Duration) string {
	var why text
	switch f {
	case failOff:
		why = text{"språkmodellen är inte påslagen", "the language model is not switched on"}
	case failTimeout:
		secs := fmt.Sprintf("%g", timeout.Seconds())
		why = text{"språkmodellen svarade inte inom " + strings.Replace(secs, ".", ",", 1) + " s", "the language model did not answer within " + secs + " s"}
	case failRateLimited:
		why = text{"språkmodellen är överbelastad just nu", "the language model is overloaded right now"}
	case failServer:
		why = text{"språkmodellen svarade med ett fel", "the language model answered with an error"}
	case failUnreachable:
		why = text{"språkmodellen gick inte att nå", "the language model could not be reached"}
	case failNotApproved:
		why = text{"texten skickades inte till språkmodellen", "the text was not sent to the language model"}
	default:
		why = text{"språkmodellens svar gick inte att använda", "the language model's answer could not be used"}
	}
	return text{
		"Standardmall: " + why.Sv + ". Dagordningen följer mötescirkeln; granska och komplettera innan du delar.",
		"Standard template: " + why.En + ". The agenda follows the meeting structure; review and complete it before sharing.",
	}.in(lang)
}

// maxInvalid is how many invalid answers are tolerated: the first is
// retried once, the second falls back.
const maxInvalid = 2

// ask runs the model conversation within the drafter's timeout: structured
// output first, a plain JSON instruction when the server rejects
// json_schema, one retry after an invalid answer.
func (d *Drafter) ask(ctx context.Context, redacted string, parties []string, lang string) (Agenda, failure) {
	ctx, cancel := context.WithTimeout(ctx, d.timeout)
	defer cancel()
	levels := directory.CareLevels
	useSchema := true
	var correction string
	invalid := 0
	for {
		content, err := d.complete(ctx, redacted, parties, lang, levels, useSchema, correction)
		if err != nil {
			if useSchema && schemaUnsupported(err) {
				d.log.Info("agenda: server rejects json_schema; asking for plain JSON")
				useSchema = false
				continue
			}
			f := classify(ctx, err)
			if f != failInvalid {
				// Not the error text: a server may echo the request in it.
				status, _ := statusOf(err)
				d.log.Warn("agenda: model call failed", "reason", f.code(), "status", status)
				return Agenda{}, f
			}
			content = ""
		}
		a, err := parseAgenda(content, levels)
		if err == nil {
			return a, failNone
		}
		invalid++
		d.log.Warn("agenda: invalid model answer", "attempt", invalid, "err", err)
		if invalid >= maxInvalid {
			return Agenda{}, failInvalid
		}
		correction = "Your previous answer was invalid (" + err.Error() + "). Answer again with JSON only that matches the schema exactly."
	}
}

// complete sends one chat completion and returns the answer's text.
func (d *Drafter) complete(ctx context.Context, redacted string, parties []string, lang string, levels []string, useSchema bool, correction string) (string, error) {
	req := openai.ChatCompletionRequest{
		Model: d.model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: systemPrompt(lang, levels, !useSchema)},
			{Role: openai.ChatMessageRoleUser, Content: userPrompt(redacted, parties)},
		},
	}
	if correction != "" {
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleUser, Content: correction})
	}
	if useSchema {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name:   schemaName,
				Schema: agendaSchema(levels),
				Strict: true,
			},
		}
	}
	resp, err := d.client.CreateChatCompletion(ctx, req)
	if err != nil {
		return "", fmt.Errorf("chat completion: %w", err)
	}
	if len(resp.Choices) == 0 {
		return "", nil
	}
	return resp.Choices[0].Message.Content, nil
}

// statusOf returns the HTTP status of an API error, or 0.
func statusOf(err error) (int, string) {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode, apiErr.Message
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode, string(reqErr.Body)
	}
	return 0, ""
}

// schemaUnsupported reports a 400 that complains about response_format or
// json_schema: the server does not do structured output.
func schemaUnsupported(err error) bool {
	status, msg := statusOf(err)
	if status != http.StatusBadRequest {
		return false
	}
	msg = strings.ToLower(msg)
	return strings.Contains(msg, "json_schema") || strings.Contains(msg, "response_format")
}

// classify maps a failed call to a failure. An answer that is not JSON at
// all (the HTTP body did not decode) counts as invalid, so it is retried.
func classify(ctx context.Context, err error) failure {
	if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
		return failTimeout
	}
	status, _ := statusOf(err)
	switch {
	case status == http.StatusTooManyRequests:
		return failRateLimited
	case status != 0:
		return failServer
	}
	var netErr interface{ Timeout() bool }
	if errors.As(err, &netErr) {
		if netErr.Timeout() {
			return failTimeout
		}
		return failUnreachable
	}
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &syntaxErr) || errors.As(err, &typeErr) || errors.Is(err, io.ErrUnexpectedEOF) {
		return failInvalid
	}
	return failServer
}

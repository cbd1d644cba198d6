package agenda

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// reply is one scripted answer of the fake OpenAI-compatible server.
type reply struct {
	status  int           // HTTP status; 200 when zero
	content string        // the assistant message content (status 200)
	body    string        // raw body instead of a chat completion
	delay   time.Duration // wait before answering (or until the client gives up)
}

// fakeOpenAI is an httptest server speaking /v1/chat/completions. It
// answers with the scripted replies in order (the last one repeats) and
// keeps every request body.
type fakeOpenAI struct {
	srv *httptest.Server

	mu      sync.Mutex
	replies []reply
	bodies  []string
}

func newFakeOpenAI(t *testing.T, replies ...reply) *fakeOpenAI {
	t.Helper()
	f := &fakeOpenAI{replies: replies}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", f.serve)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// baseURL is what an operator would set as SAMLA_LLM_BASE_URL.
func (f *fakeOpenAI) baseURL() string { return f.srv.URL + "/v1" }

func (f *fakeOpenAI) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.bodies...)
}

func (f *fakeOpenAI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	i := len(f.bodies)
	f.bodies = append(f.bodies, string(body))
	rp := f.replies[min(i, len(f.replies)-1)]
	f.mu.Unlock()

	if rp.delay > 0 {
		select {
		case <-time.After(rp.delay):
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	if rp.status != 0 && rp.status != http.StatusOK {
		w.WriteHeader(rp.status)
		if rp.body == "" {
			rp.body = `{"error":{"message":"fake failure","type":"server_error"}}`
		}
		io.WriteString(w, rp.body)
		return
	}
	if rp.body != "" {
		io.WriteString(w, rp.body)
		return
	}
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "test",
		"choices": []any{map[string]any{
			"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": rp.content},
		}},
	})
}

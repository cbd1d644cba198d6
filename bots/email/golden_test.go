package email_test

import (
	"context"
	"flag"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/samla-sip/samla/bots/email/emailtest"
	"github.com/samla-sip/samla/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestRenderGolden keeps the text, HTML and calendar parts of an
// invitation in golden files (links left out: they are sealed with a
// random nonce; DTSTAMP is the test clock).
func TestRenderGolden(t *testing.T) {
	r := emailtest.Start(t)
	m := newMailer(t, r.Server(t), nil)
	msg := invitationMsg(2, time.Date(2027, 10, 25, 13, 30, 0, 0, stockholm))
	if _, err := m.Send(context.Background(), afAddr, msg, "golden"); err != nil {
		t.Fatal(err)
	}
	_, parts := emailtest.Parse(t, r.Messages()[0].Data)
	crlf := regexp.MustCompile(`\r\n`)
	for file, mt := range map[string]string{"invitation.txt": "text/plain", "invitation.html": "text/html", "invitation.ics": "text/calendar"} {
		body := emailtest.Find(t, parts, mt).Body
		if mt != "text/calendar" {
			body = crlf.ReplaceAllString(body, "\n")
		}
		testutil.Golden(t, filepath.Join("testdata", file), []byte(body), *update)
	}
}

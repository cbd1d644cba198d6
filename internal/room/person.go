package room

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// The individual's access: a personal link plus a short code handed over
// separately (read out, on paper). The link alone shows only a code form;
// link and code together open a session on the individual's page of that
// one case. The code step is the one place to swap for an e-ID login
// (BankID, Freja) later: it turns "someone holding the link" into "the
// person the link was made for".
const (
	bucketPersonLink = "room-plink" // by the hash of the link's token
	bucketVoice      = "room-voice" // what the individual wrote, by case
	personLinksIndex = "room:plinks:"
	// PersonPath is where a personal link leads (token in the query).
	PersonPath = "/rum/p"
	// maxCodeFails wrong codes lock a link for good.
	maxCodeFails = 5
	// codeAlphabet has no letters or digits that are easy to mix up.
	codeAlphabet = "ACDEFHJKLMNPRTUVWXY34679"
	codeLen      = 6
	// unplannedLife is how long a link lives when no follow-up date is set.
	unplannedLife = 180 * 24 * time.Hour
)

// Roles a personal link can be made for (the /sip länk words).
var personRoles = map[string]string{
	"individen": "individen", "individual": "individen",
	"vårdnadshavare": "vardnadshavare", "vardnadshavare": "vardnadshavare", "guardian": "vardnadshavare",
	"god-man": "god-man", "förvaltare": "forvaltare", "forvaltare": "forvaltare",
	"närstående": "narstaende", "narstaende": "narstaende", "relative": "narstaende",
}

// personLink is a personal link.
type personLink struct {
	Ref      string    `json:"ref"`
	Role     string    `json:"role"`
	CodeHash string    `json:"code_hash"`
	Created  time.Time `json:"created"`
	Fails    int       `json:"fails"`
}

// voice is what the individual (or their guardian…) wrote on their page.
type voice struct {
	Goals         string    `json:"goals,omitempty"`
	Matters       string    `json:"matters,omitempty"`
	Want          string    `json:"want,omitempty"`
	NotTold       string    `json:"not_told,omitempty"`
	Participation string    `json:"participation,omitempty"`
	Interpreter   string    `json:"interpreter,omitempty"`
	Adjustments   string    `json:"adjustments,omitempty"`
	Coming        string    `json:"coming,omitempty"`
	Role          string    `json:"role"`
	At            time.Time `json:"at"`
}

// participations are the ways to take part (the report's, L7603–7640).
var participations = []string{"rummet", "video-kamera", "video-utan-kamera", "lyssna-skriva", "del-av-tiden", "ombud"}

// comings are the answers to "will you come?".
var comings = []string{"ja", "nej", "vet-inte"}

func newCode(r io.Reader) (string, error) {
	b := make([]byte, codeLen)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("room: random: %w", err)
	}
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b), nil
}

func codeHash(ref, code string) string {
	sum := sha256.Sum256([]byte(ref + "|" + strings.ToUpper(strings.TrimSpace(code))))
	return hex.EncodeToString(sum[:])
}

// newPersonLink makes a personal link for role in case ref and returns
// its address and code.
func (rm *Room) newPersonLink(ctx context.Context, ref, role string) (link, code string, err error) {
	token, err := newToken(rm.opts.Rand)
	if err != nil {
		return "", "", err
	}
	if code, err = newCode(rm.opts.Rand); err != nil {
		return "", "", err
	}
	b, err := json.Marshal(personLink{Ref: ref, Role: role, CodeHash: codeHash(ref, code), Created: rm.opts.Now()})
	if err != nil {
		return "", "", err
	}
	key := tokenKey(token)
	err = rm.opts.Store.Commit(ctx, store.Tx{
		Puts:  []store.Put{{Bucket: bucketPersonLink, Key: key, Value: b}},
		Index: []store.IndexOp{{Index: personLinksIndex + ref, Member: key}},
	})
	if err != nil {
		return "", "", fmt.Errorf("room: store personal link: %w", err)
	}
	return rm.opts.PublicURL + PersonPath + "?t=" + token, code, nil
}

// revokePersonLinks ends every personal link of case ref (and with them
// the sessions they opened, which check their link on every request).
func (rm *Room) revokePersonLinks(ctx context.Context, ref string) (int, error) {
	keys, err := rm.opts.Store.Members(ctx, personLinksIndex+ref)
	if err != nil {
		return 0, err
	}
	tx := store.Tx{}
	for _, k := range keys {
		tx.Deletes = append(tx.Deletes, store.RecordRef{Bucket: bucketPersonLink, Key: k})
		tx.Index = append(tx.Index, store.IndexOp{Index: personLinksIndex + ref, Member: k, Remove: true})
	}
	if len(keys) == 0 {
		return 0, nil
	}
	return len(keys), rm.opts.Store.Commit(ctx, tx)
}

// errPersonRefused covers every personal link or code that does not open.
var errPersonRefused = errors.New("room: personal link refused")

// personLinkOf reads a personal link by its key.
func (rm *Room) personLinkOf(ctx context.Context, key string) (personLink, int64, error) {
	rec, err := rm.opts.Store.Get(ctx, bucketPersonLink, key)
	if errors.Is(err, store.ErrNotFound) {
		return personLink{}, 0, errPersonRefused
	}
	if err != nil {
		return personLink{}, 0, fmt.Errorf("room: read personal link: %w", err)
	}
	var l personLink
	if err := json.Unmarshal(rec.Value, &l); err != nil {
		return personLink{}, 0, fmt.Errorf("room: decode personal link: %w", err)
	}
	if l.Fails >= maxCodeFails {
		return personLink{}, 0, errPersonRefused
	}
	return l, rec.Version, nil
}

// checkCode opens a personal link with its code; a wrong code counts
// against the link (maxCodeFails lock it).
func (rm *Room) checkCode(ctx context.Context, token, code string) (personLink, string, error) {
	if len(token) < 40 || len(token) > 64 {
		return personLink{}, "", errPersonRefused
	}
	key := tokenKey(token)
	for range 5 {
		l, version, err := rm.personLinkOf(ctx, key)
		if err != nil {
			return personLink{}, "", err
		}
		if subtle.ConstantTimeCompare([]byte(codeHash(l.Ref, code)), []byte(l.CodeHash)) == 1 {
			return l, key, nil
		}
		l.Fails++
		b, err := json.Marshal(l)
		if err != nil {
			return personLink{}, "", err
		}
		err = rm.opts.Store.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: bucketPersonLink, Key: key, Value: b, Version: version}}})
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return personLink{}, "", fmt.Errorf("room: count code failure: %w", err)
		}
		return personLink{}, "", errPersonRefused
	}
	return personLink{}, "", errPersonRefused
}

// personCase is the case behind a personal link, or errPersonRefused when
// the link no longer opens it: consent withdrawn, case ended, or past the
// follow-up date (the day after it), or never planned within 180 days.
func (rm *Room) personCase(ctx context.Context, l personLink) (*sip.Case, error) {
	c, err := rm.opts.Core.Case(ctx, l.Ref)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errPersonRefused
	}
	if err != nil {
		return nil, err
	}
	now := rm.opts.Now()
	switch {
	case c.Consent == nil:
		return nil, errPersonRefused
	case c.Plan.FollowUp != nil && now.After(c.Plan.FollowUp.Add(24*time.Hour)):
		return nil, errPersonRefused
	case c.Plan.FollowUp == nil && now.Sub(l.Created) > unplannedLife:
		return nil, errPersonRefused
	}
	return c, nil
}

// readVoice is what the individual wrote in case ref (zero if nothing).
func (rm *Room) readVoice(ctx context.Context, ref string) (voice, int64, error) {
	rec, err := rm.opts.Store.Get(ctx, bucketVoice, ref)
	if errors.Is(err, store.ErrNotFound) {
		return voice{}, 0, nil
	}
	if err != nil {
		return voice{}, 0, fmt.Errorf("room: read voice: %w", err)
	}
	var v voice
	if err := json.Unmarshal(rec.Value, &v); err != nil {
		return voice{}, 0, fmt.Errorf("room: decode voice: %w", err)
	}
	return v, rec.Version, nil
}

func (rm *Room) writeVoice(ctx context.Context, ref string, v voice, version int64) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return rm.opts.Store.Commit(ctx, store.Tx{Puts: []store.Put{{Bucket: bucketVoice, Key: ref, Value: b, Version: version}}})
}

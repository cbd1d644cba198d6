package reminders

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// memStore is an in-memory store.Store with the contract's semantics.
type memStore struct {
	mu      sync.Mutex
	recs    map[string]store.Record
	ttls    map[string]time.Duration // TTL of each record's last write
	index   map[string]map[string]bool
	jobs    map[string]*memJob // queue|id
	once    map[string]bool
	tokens  int
	commits int
}

type memJob struct {
	job      store.Job
	leaseEnd time.Time // zero: pending
}

func newMemStore() *memStore {
	return &memStore{recs: map[string]store.Record{}, ttls: map[string]time.Duration{}, index: map[string]map[string]bool{}, jobs: map[string]*memJob{}, once: map[string]bool{}}
}

var _ store.Store = (*memStore)(nil)

func (m *memStore) Get(_ context.Context, bucket, key string) (store.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.recs[bucket+"\x00"+key]
	if !ok {
		return store.Record{}, store.ErrNotFound
	}
	return r, nil
}

func (m *memStore) Commit(_ context.Context, tx store.Tx) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range tx.Puts {
		if m.recs[p.Bucket+"\x00"+p.Key].Version != p.Version {
			return store.ErrConflict
		}
	}
	m.commits++
	for _, p := range tx.Puts {
		m.recs[p.Bucket+"\x00"+p.Key] = store.Record{Bucket: p.Bucket, Key: p.Key, Value: p.Value, Version: p.Version + 1}
		m.ttls[p.Bucket+"\x00"+p.Key] = p.TTL
	}
	for _, d := range tx.Deletes {
		delete(m.recs, d.Bucket+"\x00"+d.Key)
		delete(m.ttls, d.Bucket+"\x00"+d.Key)
	}
	for _, op := range tx.Index {
		if m.index[op.Index] == nil {
			m.index[op.Index] = map[string]bool{}
		}
		if op.Remove {
			delete(m.index[op.Index], op.Member)
		} else {
			m.index[op.Index][op.Member] = true
		}
	}
	m.schedule(tx.Jobs...)
	m.cancel(tx.Cancel...)
	return nil
}

// bucket lists the records of one bucket by key, with their TTLs.
func (m *memStore) bucket(name string) map[string]time.Duration {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]time.Duration{}
	for k, r := range m.recs {
		if r.Bucket == name {
			out[r.Key] = m.ttls[k]
		}
	}
	return out
}

func (m *memStore) Members(_ context.Context, index string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for k := range m.index[index] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

func (m *memStore) Schedule(_ context.Context, jobs ...store.Job) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.schedule(jobs...)
	return nil
}

func (m *memStore) schedule(jobs ...store.Job) {
	for _, j := range jobs {
		j.Token, j.Attempts = "", 0
		m.jobs[j.Queue+"|"+j.ID] = &memJob{job: j}
	}
}

func (m *memStore) Cancel(_ context.Context, refs ...store.JobRef) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cancel(refs...)
	return nil
}

func (m *memStore) cancel(refs ...store.JobRef) {
	for _, r := range refs {
		delete(m.jobs, r.Queue+"|"+r.ID)
	}
}

func (m *memStore) Claim(_ context.Context, queue string, now time.Time, lease time.Duration, max int) ([]store.Job, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var due []*memJob
	for _, j := range m.jobs {
		if j.job.Queue != queue {
			continue
		}
		if !j.leaseEnd.IsZero() && j.leaseEnd.After(now) {
			continue
		}
		if j.job.Due.After(now) && j.leaseEnd.IsZero() {
			continue
		}
		due = append(due, j)
	}
	slices.SortFunc(due, func(a, b *memJob) int { return a.job.Due.Compare(b.job.Due) })
	var out []store.Job
	for _, j := range due[:min(max, len(due))] {
		m.tokens++
		j.job.Token = strconv.Itoa(m.tokens)
		j.job.Attempts++
		j.leaseEnd = now.Add(lease)
		out = append(out, j.job)
	}
	return out, nil
}

func (m *memStore) claimed(job store.Job) (*memJob, error) {
	j, ok := m.jobs[job.Queue+"|"+job.ID]
	if !ok || j.job.Token != job.Token || job.Token == "" {
		return nil, store.ErrLeaseLost
	}
	return j, nil
}

func (m *memStore) Ack(_ context.Context, job store.Job) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, err := m.claimed(job); err != nil {
		return err
	}
	delete(m.jobs, job.Queue+"|"+job.ID)
	return nil
}

func (m *memStore) Retry(_ context.Context, job store.Job, due time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	j, err := m.claimed(job)
	if err != nil {
		return err
	}
	j.job.Due, j.job.Token, j.leaseEnd = due, "", time.Time{}
	return nil
}

func (m *memStore) Pending(_ context.Context, queue string) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, j := range m.jobs {
		if j.job.Queue == queue {
			n++
		}
	}
	return n, nil
}

func (m *memStore) Once(_ context.Context, key string, _ time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.once[key] {
		return false, nil
	}
	m.once[key] = true
	return true, nil
}

func (m *memStore) Ping(context.Context) error { return nil }
func (m *memStore) Close() error               { return nil }

// queued returns the pending jobs of a queue, by id.
func (m *memStore) queued(queue string) map[string]store.Job {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]store.Job{}
	for _, j := range m.jobs {
		if j.job.Queue == queue {
			out[j.job.ID] = j.job
		}
	}
	return out
}

// fakeDir is a Directory from maps.
type fakeDir struct {
	entries map[string]Target // unit → väg in
	people  map[string]Target
	teams   map[string]Target
	kinds   map[string]string // unit → org kind
}

func (d fakeDir) Entry(u string) (Target, bool)  { t, ok := d.entries[u]; return t, ok }
func (d fakeDir) Person(c string) (Target, bool) { t, ok := d.people[c]; return t, ok }
func (d fakeDir) Team(c string) (Target, bool)   { t, ok := d.teams[c]; return t, ok }
func (d fakeDir) OrgKind(u string) string        { return d.kinds[u] }

func testDir() fakeDir {
	return fakeDir{
		entries: map[string]Target{
			"bup-lund":   {Name: "BUP Lund SIP-mottagning", Chat: true, Address: chat.Address{Platform: chat.Mattermost, Workspace: "skane", User: "bup-lund-vagin", ContactID: "bup-lund-vagin"}},
			"skola-lund": {Name: "Expedition", Manual: "skola@lund.example"},
		},
		people: map[string]Target{
			"ansv-anna": {Name: "Anna Ansvarig", Chat: true, Address: chat.Address{Platform: chat.Slack, Workspace: "T1", User: "U-ANNA", ContactID: "ansv-anna"}},
		},
		teams: map[string]Target{
			"ansv-anna": {Name: "Anna Ansvarig", Chat: true, Address: chat.Address{Platform: chat.Slack, Workspace: "T1", Channel: "C-TEAM"}},
		},
		kinds: map[string]string{"soc-lund": "kommun", "bup-lund": "region"},
	}
}

// memCases is a Cases over a map.
type memCases struct {
	mu    sync.Mutex
	cases map[string]*sip.Case
}

func (m *memCases) Case(_ context.Context, ref string) (*sip.Case, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.cases[ref]
	if !ok {
		return nil, fmt.Errorf("case %s: %w", ref, store.ErrNotFound)
	}
	cp := *c
	return &cp, nil
}

func (m *memCases) OpenCases(context.Context) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for ref, c := range m.cases {
		if c.Closed == nil {
			out = append(out, ref)
		}
	}
	sort.Strings(out)
	return out, nil
}

func (m *memCases) set(c *sip.Case) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cases[c.Ref] = c
}

func testSettings(t testing.TB) Settings {
	return Settings{NudgeWorkdays: 2, EscalateWorkdays: 2, DigestTime: "08:00", Hours: testHours(t), Lang: "sv"}
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

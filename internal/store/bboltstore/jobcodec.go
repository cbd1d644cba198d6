package bboltstore

import (
	"encoding/binary"
	"errors"
	"time"
)

// A queue is a bucket with three sub-buckets:
//   - "jobs": id → jobMeta (state, times, attempts, token, payload);
//   - "due":  8-byte big-endian due time in ms + id, for pending jobs, so a
//     cursor walks them in due order;
//   - "run":  8-byte big-endian lease deadline in ms + id, for claimed jobs,
//     so expired leases are found the same way.
var (
	subJobs = []byte("jobs")
	subDue  = []byte("due")
	subRun  = []byte("run")
)

const (
	statePending byte = 0
	stateClaimed byte = 1
	metaHeader        = 1 + 8 + 8 + 4 + 8
)

// jobMeta is a job as stored. at is the due time (pending) or the lease
// deadline (claimed); due is what Claim reports as Job.Due.
type jobMeta struct {
	state    byte
	at       int64
	due      int64
	attempts uint32
	token    uint64
	payload  []byte
}

var errCorrupt = errors.New("corrupt job entry")

func (m jobMeta) encode() []byte {
	b := make([]byte, metaHeader+len(m.payload))
	b[0] = m.state
	binary.BigEndian.PutUint64(b[1:], uint64(m.at))
	binary.BigEndian.PutUint64(b[9:], uint64(m.due))
	binary.BigEndian.PutUint32(b[17:], m.attempts)
	binary.BigEndian.PutUint64(b[21:], m.token)
	copy(b[metaHeader:], m.payload)
	return b
}

func decodeMeta(b []byte) (jobMeta, error) {
	if len(b) < metaHeader {
		return jobMeta{}, errCorrupt
	}
	m := jobMeta{
		state:    b[0],
		at:       int64(binary.BigEndian.Uint64(b[1:])),
		due:      int64(binary.BigEndian.Uint64(b[9:])),
		attempts: binary.BigEndian.Uint32(b[17:]),
		token:    binary.BigEndian.Uint64(b[21:]),
	}
	m.payload = make([]byte, len(b)-metaHeader)
	copy(m.payload, b[metaHeader:])
	return m, nil
}

// timeKey is the ordering key for a job at ms: ms big-endian, then the id.
func timeKey(ms int64, id string) []byte {
	k := make([]byte, 8+len(id))
	binary.BigEndian.PutUint64(k, uint64(ms))
	copy(k[8:], id)
	return k
}

func keyTime(k []byte) int64 { return int64(binary.BigEndian.Uint64(k)) }

// millis is t in Unix milliseconds; times before 1970 (incl. the zero time)
// count as 0, i.e. due at once, so ordering keys stay unsigned.
func millis(t time.Time) int64 {
	ms := t.UnixMilli()
	if ms < 0 {
		return 0
	}
	return ms
}

package redisstore

import (
	"strconv"
	"testing"
	"time"
)

func FuzzDecodeClaimed(f *testing.F) {
	f.Add("job-1", "1795430400000", "payload", int64(1), "42")
	f.Add("", "", "", int64(0), "")
	f.Add("x", "1e3", "\x00\xff", int64(-1), "t")
	f.Fuzz(func(t *testing.T, id, due, payload string, att int64, tok string) {
		j, err := decodeClaimed("q", []any{id, due, payload, att, tok})
		if err != nil {
			return
		}
		ms, _ := strconv.ParseFloat(due, 64)
		if j.ID != id || j.Token != tok || string(j.Payload) != payload || j.Attempts != int(att) || !j.Due.Equal(time.UnixMilli(int64(ms))) {
			t.Fatalf("decoded %+v from %q %q %q %d %q", j, id, due, payload, att, tok)
		}
		if id == "" || tok == "" {
			t.Fatalf("accepted empty id or token: %+v", j)
		}
	})
}

package mattermost

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/samla-sip/samla/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares v, as indented JSON, with testdata/name.json.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	testutil.GoldenJSON(t, filepath.Join("testdata", name+".json"), v, *update)
}

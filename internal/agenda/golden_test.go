package agenda

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/samla-sip/samla/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), got, *update)
}

package bboltstore_test

import (
	"path/filepath"
	"testing"

	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/bboltstore"
	"github.com/samla-sip/samla/internal/store/storetest"
)

func TestReclaim(t *testing.T) {
	storetest.RunReclaim(t, func(t *testing.T) storetest.Reopen {
		path := filepath.Join(t.TempDir(), "samla.db")
		return func(instance string) store.Store {
			return open(t, path, bboltstore.WithInstance(instance))
		}
	})
}

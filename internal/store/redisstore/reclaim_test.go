package redisstore_test

import (
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/samla-sip/samla/internal/store"
	"github.com/samla-sip/samla/internal/store/redisstore"
	"github.com/samla-sip/samla/internal/store/storetest"
)

func TestReclaimRealRedis(t *testing.T) {
	storetest.RunReclaim(t, func(t *testing.T) storetest.Reopen {
		_, prefix := storetest.Redis(t) // deletes the prefix's keys at the end
		return func(instance string) store.Store {
			return redisstore.New(storetest.NewClient(t), prefix, redisstore.WithInstance(instance))
		}
	})
}

func TestReclaimMiniredis(t *testing.T) {
	storetest.RunReclaim(t, func(t *testing.T) storetest.Reopen {
		mr := miniredis.RunT(t)
		return func(instance string) store.Store {
			rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
			return redisstore.New(rdb, "samla", redisstore.WithInstance(instance))
		}
	})
}

package main

import (
	"regexp"
	"testing"

	"github.com/samla-sip/samla/config"
)

func TestInstanceID(t *testing.T) {
	valid := regexp.MustCompile(`^[A-Za-z0-9._:-]+$`)
	a := instanceID(config.Config{Data: "/var/lib/samla-a"})
	if again := instanceID(config.Config{Data: "/var/lib/samla-a"}); again != a {
		t.Errorf("not stable across restarts: %q then %q", a, again)
	}
	if b := instanceID(config.Config{Data: "/var/lib/samla-b"}); b == a {
		t.Errorf("two data folders on one host share the id %q", a)
	}
	if !valid.MatchString(a) {
		t.Errorf("derived id %q has characters SAMLA_INSTANCE_ID refuses", a)
	}
	if got := instanceID(config.Config{InstanceID: "samla-1", Data: "/x"}); got != "samla-1" {
		t.Errorf("SAMLA_INSTANCE_ID ignored: %q", got)
	}
	if got := safeID("web 1/ä"); got != "web-1--" {
		t.Errorf("safeID = %q", got)
	}
}

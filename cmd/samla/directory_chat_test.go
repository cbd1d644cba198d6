package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/directory"
	"github.com/samla-sip/samla/examples"
	"github.com/samla-sip/samla/internal/chat"
	"github.com/samla-sip/samla/internal/sip"
	"github.com/samla-sip/samla/internal/store"
)

// TestDirectoryRouteChat: with --chat, route reads the absences reported
// in chat from the configured store and shows both sources.
func TestDirectoryRouteChat(t *testing.T) {
	vars := map[string]string{"SAMLA_STORE": "bbolt", "SAMLA_DATA": t.TempDir()}
	withStore(t, vars, func(st store.Store) {
		d, err := directory.LoadFS(examples.Directory(), ".")
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		svc := sip.New(sip.Deps{Store: st, Directory: directory.NewHolder(d), Now: func() time.Time { return now }})
		anna := "malmo-bistand-anna"
		out := svc.Command(context.Background(), chat.Actor{Platform: chat.Console, UserID: anna, ContactID: anna},
			"borta 2026-12-01 2026-12-31 ersättare=malmo-aldre-mottagning").Body().Plain()
		if !strings.Contains(out, "är anmäld") {
			t.Fatalf("absence not set: %s", out)
		}
	})
	args := []string{"route", "--care", "aldreomsorg", "--kommun", "Malmö", "--age", "82", "--date", "2026-12-10"}
	code, out, errOut := runDir(t, vars, append(args, "--chat")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := "Anna Lindqvist är borta till 31 dec (anmält i chatten; katalogfilen: till 18 dec) → ersättare Biståndsenheten mottagning"; !strings.Contains(out, want) {
		t.Errorf("with --chat:\n%s\nwant %q", out, want)
	}
	code, out, _ = runDir(t, vars, args...)
	if want := "Anna Lindqvist är borta till 18 dec → ersättare Omar Haddad"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("without --chat (exit %d):\n%s\nwant %q", code, out, want)
	}
}

func TestDirectoryImportFlags(t *testing.T) {
	for _, args := range [][]string{
		{"import"},
		{"import", "--ldap", "ldaps://ldap.example", "--base", "dc=x"},
		{"import", "--ldap", "ldaps://ldap.example", "--base", "dc=x", "--map", "m.yaml", "--diff"},
	} {
		if code, _, errOut := runDir(t, nil, args...); code != 2 || !strings.Contains(errOut, "--ldap, --base and --map") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

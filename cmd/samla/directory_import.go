package main

import (
	"context"
	"fmt"
	"os"

	"github.com/samla-sip/samla/internal/dirimport"
)

// directoryImport is "samla directory import --ldap URL --base DN --map
// FILE [--out DIR] [--diff]": the organisation's LDAP as directory YAML
// for review. The bind DN and password come from SAMLA_LDAP_BIND_DN and
// SAMLA_LDAP_BIND_PASSWORD (empty: anonymous).
func directoryImport(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "import")
	url := fs.String("ldap", "", "server, ldaps://host[:636] or ldap://host[:389] (StartTLS)")
	base := fs.String("base", "", "search base DN, e.g. ou=people,dc=lund,dc=se")
	mapFile := fs.String("map", "", "mapping file (YAML): organisation, units by ou, roles by title, attributes")
	out := fs.String("out", "", "folder to write ORG.yaml in (default: standard output)")
	showDiff := fs.Bool("diff", false, "show what changed against ORG.yaml in --out, write nothing")
	caFile := fs.String("ca", "", "PEM file of CA certificates to trust besides the system's")
	page := fs.Uint("page-size", 200, "entries per page of the paged search")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if *url == "" || *base == "" || *mapFile == "" || len(pos) > 0 || *showDiff && *out == "" {
		fmt.Fprintln(env.stderr, "samla directory import: give --ldap, --base and --map (and --out with --diff)")
		return exitCode(2)
	}
	m, err := dirimport.ReadMapping(*mapFile)
	if err != nil {
		fmt.Fprintf(env.stderr, "samla directory import: %v\n", err)
		return exitCode(1)
	}
	src := dirimport.Source{URL: *url, Base: *base, PageSize: uint32(*page),
		BindDN: env.getenv("SAMLA_LDAP_BIND_DN"), Password: env.getenv("SAMLA_LDAP_BIND_PASSWORD")}
	if *caFile != "" {
		if src.CAPEM, err = os.ReadFile(*caFile); err != nil {
			fmt.Fprintf(env.stderr, "samla directory import: %v\n", err)
			return exitCode(1)
		}
	}
	entries, err := dirimport.Read(ctx, src, m)
	if err != nil {
		fmt.Fprintf(env.stderr, "samla directory import: %v\n", err)
		return exitCode(1)
	}
	f, skipped := dirimport.Build(m, entries)
	for _, s := range skipped {
		fmt.Fprintf(env.stderr, "skipped %s: %s\n", s.DN, s.Reason)
	}
	b, err := dirimport.Marshal(f, *url)
	if err != nil {
		fmt.Fprintf(env.stderr, "samla directory import: %v\n", err)
		return exitCode(1)
	}
	fmt.Fprintf(env.stderr, "%d entries: %d contacts in %d units, %d skipped\n", len(entries), len(f.Contacts), len(f.Units), len(skipped))
	switch {
	case *showDiff:
		old, err := dirimport.ReadFile(dirimport.Path(*out, m.Organisation.ID))
		if err != nil {
			fmt.Fprintf(env.stderr, "samla directory import: %v\n", err)
			return exitCode(1)
		}
		changes := dirimport.Diff(old, f)
		for _, c := range changes {
			fmt.Fprintln(env.stdout, c)
		}
		if len(changes) == 0 {
			fmt.Fprintln(env.stdout, "no changes")
		}
		return nil
	case *out != "":
		path := dirimport.Path(*out, m.Organisation.ID)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			fmt.Fprintf(env.stderr, "samla directory import: %v\n", err)
			return exitCode(1)
		}
		fmt.Fprintf(env.stderr, "wrote %s: review it, then deploy it with the rest of the directory\n", path)
		return nil
	}
	_, err = env.stdout.Write(b)
	return err
}

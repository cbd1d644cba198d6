package dirimport

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// slapd is a real OpenLDAP server (Debian's slapd) on loopback ports,
// with its own config and mdb database in a temporary folder, loaded with
// testdata/kommun.ldif and extra people (enough for several pages).
type slapd struct {
	ldapURL, ldapsURL string
	caPEM             []byte
}

const (
	slapdBase     = "dc=lunda,dc=example"
	slapdReader   = "uid=reader,dc=lunda,dc=example"
	slapdPassword = "reader-secret"
	slapdPageSize = 10 // also the server's size limit: unpaged searches fail
	extraPeople   = 35
)

// findSlapd finds slapd; without it the test fails (scripts/test
// installs it), never skips.
func findSlapd(t *testing.T) (slapd, slapadd string) {
	t.Helper()
	for _, dir := range []string{"", "/usr/sbin/", "/usr/local/sbin/"} {
		p, err := exec.LookPath(dir + "slapd")
		if err != nil {
			continue
		}
		add := filepath.Join(filepath.Dir(p), "slapadd")
		if _, err := os.Stat(add); err == nil {
			return p, add
		}
	}
	t.Fatal("slapd is missing: the LDAP import is tested against a real OpenLDAP; install it with: DEBIAN_FRONTEND=noninteractive apt-get install -y slapd ldap-utils (scripts/test does)")
	return "", ""
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func startSlapd(t *testing.T) slapd {
	t.Helper()
	bin, add := findSlapd(t)
	dir := t.TempDir()
	ca, cert, key := selfSigned(t)
	for name, b := range map[string][]byte{"cert.pem": cert, "key.pem": key} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "db"), 0o700); err != nil {
		t.Fatal(err)
	}
	schema, err := filepath.Abs("testdata/hsa.schema")
	if err != nil {
		t.Fatal(err)
	}
	conf := fmt.Sprintf(`include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include %[2]s
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile %[1]s/slapd.pid
argsfile %[1]s/slapd.args
TLSCertificateFile %[1]s/cert.pem
TLSCertificateKeyFile %[1]s/key.pem
sizelimit size.soft=%[3]d size.hard=%[3]d size.prtotal=unlimited
database mdb
maxsize 10485760
suffix "%[4]s"
rootdn "cn=admin,%[4]s"
directory %[1]s/db
access to attrs=userPassword by anonymous auth by * none
access to * by dn.exact="%[5]s" read by * none
`, dir, schema, slapdPageSize, slapdBase, slapdReader)
	confPath := filepath.Join(dir, "slapd.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	ldif, err := os.ReadFile("testdata/kommun.ldif")
	if err != nil {
		t.Fatal(err)
	}
	var extra bytes.Buffer
	for i := range extraPeople {
		fmt.Fprintf(&extra, "\ndn: uid=hemtjanst%02d,ou=people,%s\nobjectClass: inetOrgPerson\ncn: Personal %02d\nsn: Personal\nuid: hemtjanst%02d\nou: Hemtjanst\nmail: hemtjanst%02d@lunda.example\n", i, slapdBase, i, i, i)
	}
	ldifPath := filepath.Join(dir, "kommun.ldif")
	if err := os.WriteFile(ldifPath, append(append(ldif, '\n'), extra.Bytes()...), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(add, "-f", confPath, "-l", ldifPath).CombinedOutput(); err != nil {
		t.Fatalf("slapadd: %v\n%s", err, out)
	}
	plain, tlsPort := freePort(t), freePort(t)
	s := slapd{ldapURL: fmt.Sprintf("ldap://127.0.0.1:%d", plain), ldapsURL: fmt.Sprintf("ldaps://127.0.0.1:%d", tlsPort), caPEM: ca}
	var logs bytes.Buffer
	cmd := exec.Command(bin, "-f", confPath, "-h", s.ldapURL+"/ "+s.ldapsURL+"/", "-d", "0")
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start slapd: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	for _, port := range []int{plain, tlsPort} {
		deadline := time.Now().Add(15 * time.Second)
		for {
			c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
			if err == nil {
				c.Close()
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("slapd did not listen on %d: %v\n%s", port, err, logs.String())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return s
}

// selfSigned makes a CA-signed-by-itself certificate for 127.0.0.1.
func selfSigned(t *testing.T) (caPEM, certPEM, keyPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "slapd test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return certPEM, certPEM, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})
}

func TestImportFromSlapd(t *testing.T) {
	s := startSlapd(t)
	m, err := ReadMapping("testdata/mapping.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	src := Source{URL: s.ldapURL, Base: slapdBase, BindDN: slapdReader, Password: slapdPassword, CAPEM: s.caPEM, PageSize: slapdPageSize}

	// The server refuses more than a page unpaged: the import must page.
	if _, err := readUnpaged(ctx, src, m); err == nil || !strings.Contains(err.Error(), "Size Limit Exceeded") {
		t.Fatalf("unpaged search: err %v, want the size limit", err)
	}
	for _, url := range []string{s.ldapURL, s.ldapsURL} {
		t.Run(url[:strings.Index(url, ":")], func(t *testing.T) {
			src.URL = url
			entries, err := Read(ctx, src, m)
			if err != nil {
				t.Fatal(err)
			}
			if want := 6 + extraPeople; len(entries) != want {
				t.Fatalf("%d entries, want %d", len(entries), want)
			}
			f, skipped := Build(m, entries)
			var why []string
			for _, s := range skipped {
				why = append(why, s.DN+": "+s.Reason)
			}
			wantSkipped := []string{"uid=no.reach", "uid=lost.unit", "uid=bad.mail"}
			if len(skipped) != len(wantSkipped) {
				t.Fatalf("skipped %q, want %v", why, wantSkipped)
			}
			for _, w := range wantSkipped {
				if !strings.Contains(strings.Join(why, "\n"), w) {
					t.Errorf("%s not skipped: %q", w, why)
				}
			}
			b, err := Marshal(f, url)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{
				"id: lunda-anna-lind", "hsa_id: SE2120001234-anna01", "roles: [bistandshandlaggare]",
				"name: Åsa Öberg", "roles: [enhetschef]",
				"id: lunda-bistand-mottagning\n    unit: lunda-bistand\n    kind: function",
				"entry: lunda-bistand-mottagning", "- email: hemtjanst34@lunda.example",
			} {
				if !bytes.Contains(b, []byte(want)) {
					t.Errorf("%q not in the import:\n%s", want, b)
				}
			}
		})
	}

	t.Run("wrong password", func(t *testing.T) {
		bad := src
		bad.Password = "nope"
		if _, err := Read(ctx, bad, m); err == nil || !strings.Contains(err.Error(), "Invalid Credentials") {
			t.Errorf("err %v, want invalid credentials", err)
		}
	})
	t.Run("untrusted certificate", func(t *testing.T) {
		bad := src
		bad.CAPEM = nil
		if _, err := Read(ctx, bad, m); err == nil || !strings.Contains(err.Error(), "certificate") {
			t.Errorf("err %v, want a certificate error", err)
		}
	})
}

func TestDiff(t *testing.T) {
	m, err := ReadMapping("testdata/mapping.yaml")
	if err != nil {
		t.Fatal(err)
	}
	entry := func(uid, ou, mail string) Entry {
		return Entry{DN: "uid=" + uid, Attrs: map[string][]string{"objectClass": {"inetOrgPerson"}, "uid": {uid}, "cn": {uid}, "ou": {ou}, "mail": {mail}}}
	}
	first, _ := Build(m, []Entry{entry("a", "Hemtjanst", "a@x.se"), entry("b", "Hemtjanst", "b@x.se"), entry("c", "Bistandsenheten", "c@x.se")})
	second, _ := Build(m, []Entry{entry("a", "Hemtjanst", "a@y.se"), entry("c", "Bistandsenheten", "c@x.se"), entry("d", "Hemtjanst", "d@x.se")})
	got := strings.Join(Diff(first, second), "\n")
	want := "~ contact lunda-a: reach\n- contact lunda-b\n+ contact lunda-d"
	if got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if d := Diff(second, second); len(d) != 0 {
		t.Errorf("diff of the same import: %q", d)
	}
}

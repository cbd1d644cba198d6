package sip_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samla-sip/samla/internal/sip"
)

// The case record is stored as the JSON of sip.Case, and stores keep
// records for years: renaming or dropping a JSON tag silently empties
// that field of every stored case (a renamed "plan" tag once stopped
// every follow-up reminder while every test passed). testdata/record
// holds one case record per version of the record's shape, each with
// every field set. They are never edited: when Case gains a field, add a
// new file (a copy of the newest with the new field set).

// TestStoredCaseRecordsStillDecode: every stored record decodes with no
// field unknown (a renamed or dropped tag fails here) and re-encodes with
// every value it had (a changed type or lost value fails here).
func TestStoredCaseRecordsStillDecode(t *testing.T) {
	for _, path := range recordFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			old, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var c sip.Case
			dec := json.NewDecoder(bytes.NewReader(old))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&c); err != nil {
				t.Fatalf("a stored case record no longer decodes: %v\n"+
					"Keep the JSON tags of sip.Case (and the types it holds) as stored, or migrate old records.", err)
			}
			again, err := json.Marshal(&c)
			if err != nil {
				t.Fatal(err)
			}
			var before, after any
			if err := json.Unmarshal(old, &before); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(again, &after); err != nil {
				t.Fatal(err)
			}
			for _, lost := range lostValues("", before, after) {
				t.Errorf("stored value lost in decode → encode: %s", lost)
			}
		})
	}
}

// TestNewestCaseRecordSetsEveryField: the newest record sets every field
// of sip.Case and of the types it holds (somewhere), so a rename of any
// of them fails the test above.
func TestNewestCaseRecordSetsEveryField(t *testing.T) {
	files := recordFiles(t)
	newest := files[len(files)-1]
	b, err := os.ReadFile(newest)
	if err != nil {
		t.Fatal(err)
	}
	var c sip.Case
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	setFields(reflect.ValueOf(c), set)
	for _, f := range typeFields(reflect.TypeFor[sip.Case](), map[reflect.Type]bool{}) {
		if !set[f] {
			t.Errorf("%s is not set in %s: add testdata/record/case-<date>.json, a copy of it with %s set "+
				"(never edit a stored record)", f, filepath.Base(newest), f)
		}
	}
}

// recordFiles lists the stored records, oldest first.
func recordFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "record", "case-*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no stored case records in testdata/record (%v)", err)
	}
	slices.Sort(files)
	return files
}

// lostValues lists the paths of before whose value after does not hold.
func lostValues(path string, before, after any) []string {
	switch b := before.(type) {
	case map[string]any:
		a, _ := after.(map[string]any)
		var out []string
		for k, v := range b {
			out = append(out, lostValues(path+"."+k, v, a[k])...)
		}
		return out
	case []any:
		a, _ := after.([]any)
		if len(a) != len(b) {
			return []string{fmt.Sprintf("%s: %d items, now %d", path, len(b), len(a))}
		}
		var out []string
		for i := range b {
			out = append(out, lostValues(fmt.Sprintf("%s[%d]", path, i), b[i], a[i])...)
		}
		return out
	default:
		if !sameScalar(before, after) {
			return []string{fmt.Sprintf("%s: %v, now %v", path, before, after)}
		}
		return nil
	}
}

// sameScalar compares JSON scalars; times compare as instants.
func sameScalar(before, after any) bool {
	if before == after {
		return true
	}
	bs, ok1 := before.(string)
	as, ok2 := after.(string)
	if !ok1 || !ok2 {
		return false
	}
	bt, err1 := time.Parse(time.RFC3339Nano, bs)
	at, err2 := time.Parse(time.RFC3339Nano, as)
	return err1 == nil && err2 == nil && bt.Equal(at)
}

// typeFields lists every JSON field of every struct type under t, as
// "chat.Address.User".
func typeFields(t reflect.Type, seen map[reflect.Type]bool) []string {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return typeFields(t.Elem(), seen)
	case reflect.Struct:
	default:
		return nil
	}
	if t == reflect.TypeFor[time.Time]() || seen[t] {
		return nil
	}
	seen[t] = true
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || strings.HasPrefix(f.Tag.Get("json"), "-") {
			continue
		}
		out = append(out, t.String()+"."+f.Name)
		out = append(out, typeFields(f.Type, seen)...)
	}
	return out
}

// setFields marks every field that is non-zero somewhere in v, as
// "chat.Address.User".
func setFields(v reflect.Value, set map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setFields(v.Elem(), set)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			setFields(v.Index(i), set)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			setFields(v.MapIndex(k), set)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			return
		}
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			if !v.Field(i).IsZero() {
				set[v.Type().String()+"."+v.Type().Field(i).Name] = true
			}
			setFields(v.Field(i), set)
		}
	}
}

//go:build !unix

package bboltstore

// takeOwner is a no-op where files have no Unix owner.
func takeOwner(path, like string) error { return nil }

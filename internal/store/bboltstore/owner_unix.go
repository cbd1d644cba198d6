//go:build unix

package bboltstore

import (
	"fmt"
	"os"
	"syscall"
)

// takeOwner gives path the owner of like when running as root, so a file
// root restores stays readable by the service's own user (systemd's
// DynamicUser, a container's uid). Otherwise the file is the caller's
// already.
func takeOwner(path, like string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	fi, err := os.Stat(like)
	if err != nil {
		return fmt.Errorf("bboltstore: %w", err)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	if err := os.Chown(path, int(st.Uid), int(st.Gid)); err != nil {
		return fmt.Errorf("bboltstore: %w", err)
	}
	return nil
}

package dirimport

import (
	"context"

	"github.com/go-ldap/ldap/v3"
)

// readUnpaged is Read without paging, to show the server's limit bites.
func readUnpaged(ctx context.Context, src Source, m Mapping) (int, error) {
	conn, err := dial(ctx, src)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if err := conn.Bind(src.BindDN, src.Password); err != nil {
		return 0, err
	}
	res, err := conn.Search(ldap.NewSearchRequest(src.Base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, m.Filter, m.attributes(), nil))
	if err != nil {
		return 0, err
	}
	return len(res.Entries), nil
}

// Package dirimport builds directory YAML from an organisation's LDAP or
// Active Directory for its maintainers to review: people and functional
// mailboxes are read with a paged search, mapped to Samla's model by a
// mapping file and written as one file per organisation. It never puts
// anything in service; a second run shows what changed.
package dirimport

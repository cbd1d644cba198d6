// Package examples embeds Samla's sample data: a fictional but realistic
// SIP directory for Region Skåne (Lund, Malmö, Eslöv), Region Stockholm
// (Huddinge) and state and private bodies. Samla serves it when no
// directory is configured.
package examples

import (
	"embed"
	"io/fs"
)

//go:embed directory/*.yaml
var files embed.FS

// Directory returns the sample directory files, rooted at the folder that
// holds them: directory.LoadFS(examples.Directory(), ".") loads them all.
func Directory() fs.FS {
	sub, err := fs.Sub(files, "directory")
	if err != nil { // cannot happen: "directory" is a valid, embedded path
		return files
	}
	return sub
}

// Command mattermost builds Mattermost Team Edition from the Go module proxy
// for Samla's end-to-end test. It equals upstream cmd/mattermost/main.go
// without the enterprise import.
package main

import (
	"os"

	"github.com/mattermost/mattermost/server/v8/cmd/mattermost/commands"
	// Import and register app layer slash commands.
	_ "github.com/mattermost/mattermost/server/v8/channels/app/slashcommands"
	// Plugins.
	_ "github.com/mattermost/mattermost/server/v8/channels/app/oauthproviders/gitlab"
)

func main() {
	if err := commands.Run(os.Args[1:]); err != nil {
		os.Exit(1)
	}
}

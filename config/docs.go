package config

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes the configuration reference as Markdown tables, one per
// group. The README's reference section is generated from it
// (`samla config docs`) and a test keeps the two in sync.
func Markdown(w io.Writer) error {
	group := ""
	for _, o := range options() {
		if o.Group != group {
			if group != "" {
				fmt.Fprintln(w)
			}
			group = o.Group
			fmt.Fprintf(w, "**%s**\n\n", group)
			fmt.Fprintln(w, "| Variable | Default | Description |")
			fmt.Fprintln(w, "|---|---|---|")
		}
		def := "—"
		if o.Default != "" {
			def = "`" + o.Default + "`"
		}
		doc := o.Doc
		if o.Secret {
			doc += " *Secret: masked by `samla config show`.*"
		}
		doc += " Example: `" + o.Example + "`."
		if _, err := fmt.Fprintf(w, "| `%s` | %s | %s |\n", o.Name, def, strings.ReplaceAll(doc, "|", `\|`)); err != nil {
			return err
		}
	}
	return nil
}

package directory

// parseFast is replaced below by the line-oriented parser.
func parseFast(data string) (*tree, bool) { return nil, false }

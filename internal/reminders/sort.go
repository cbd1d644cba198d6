package reminders

import (
	"slices"
	"strings"

	"github.com/samla-sip/samla/internal/store"
)

// sortJobs orders jobs and refs by id so plans are deterministic.
func sortJobs(jobs []store.Job, refs []store.JobRef) {
	slices.SortFunc(jobs, func(a, b store.Job) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(refs, func(a, b store.JobRef) int { return strings.Compare(a.ID, b.ID) })
}

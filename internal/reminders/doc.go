// Package reminders makes Samla the colleague who never forgets: nudges to
// invitees who have not answered, escalation to a unit's entry point (väg
// in), pre-meeting reminders, the post-meeting plan and registration-code
// prompt, follow-up reminders, a daily digest per convener and a sweep for
// cases that had their meeting but have no follow-up date.
//
// One-shot reminders are jobs in the store's "reminders" queue, keyed
// kind|case|recipient so re-scheduling replaces. A Planner derives them
// from each case change inside the case's own transaction; an Engine
// claims due jobs with a lease, re-checks the case, writes the message to
// the outbox exactly once per (job, due) and only then acks. Nothing is
// sent at night, on weekends or on Swedish public holidays.
//
// Reminders read the SIP core's own *sip.Case (the core does not import
// this package: it calls the Planner through sip.Planner), and reach
// contacts through the core's sip.AddressOf. Planner and engine errors
// are logged with ids only and counted in Metrics.
package reminders

// Package sip is the convening domain: cases, consent, routed invitations,
// RSVPs, meetings, the plan checklist, status and timeline, and the /sip
// command language. It knows no chat SDK: it implements chat.Handler and
// writes outgoing messages to the outbox in the same store transaction as
// the state change that caused them.
//
// # Typed API
//
// Every operation a form, a button or a web page needs is a method with a
// typed input (NewCase, RecordConsent, Invite, SetMeeting, ProposeMeeting,
// PickSlot, Answer, Vote, EditPlan, SetFollowUp, CloseCase,
// WithdrawConsent, View, Mine) returning a Result (the case reference, the
// case as the actor may see it as a CaseView with its timeline, and the
// chat reply) or a
// *Refusal whose InputErrors name the field each mistake is about
// (Field* constants), in the actor's language. Validation lives there
// once: the command language below is parsed into the same inputs, so
// every platform refuses exactly the same inputs.
//
// # Command language
//
// A command is a verb, positional words and key=value options; a value
// with spaces is quoted ("…", “…” or ”…”; \ escapes). Verbs and keys have
// Swedish and English spellings (with and without å/ä/ö):
//
//	ny|new kommun=K ålder|age=N parter|parties=a,b [behov|needs="…"]
//	samtycke|consent REF [skriftligt|muntligt] [av|by=individen|vårdnadshavare|
//	         vårdnadshavare2|god-man|förvaltare] [parter|parties=a,b]
//	återkalla|withdraw REF
//	möte|meeting REF 2026-12-10 13:00 [video] [plats|place="…"]
//	möte|meeting REF förslag|propose T1 [T2 [T3]]      (T = 2026-12-10T13:00)
//	möte|meeting REF välj|pick N
//	möte|meeting REF hållet|held [2026-12-10]
//	bjud|invite REF [PARTY|CONTACT-ID …] [kommun=K]
//	status REF · mina|mine · logg|log REF · agenda REF
//	plan REF [mål|goal "…" | behov|needs "…" | insats|effort PARTY "…" |
//	         åtgärd|measure [PARTY] "…" | åtgärd ingen|none | mål|behov|åtgärd -N |
//	         mottagen|received DATE [digitalt|papper]]
//	         [ansvar|responsible=UNIT|CONTACT|PARTY] [nästa|next=UNIT|CONTACT|PARTY]
//	plan REF klar|done
//	deltar|participates REF individen|närstående|vårdnadshavare|god-man [ja|nej]
//	uppföljning|followup REF 2027-03-01 · uppföljning|followup REF hållen|held [DATE]
//	avsluta|close REF orsak|reason=behov-tillgodosedda|samtycke-återkallat|flyttat|annat ["…"]
//	vem|who CARE KOMMUN [AGE] · sök|search TEXT · språk|lang sv|en
//	hjälp|help
//
// Any command or prompt answer holding a personnummer is refused before it
// is parsed; nothing of it is stored or logged.
//
// # Lifecycle
//
// A case goes convening → meeting booked → meeting held → plan
// established → followed up → ended (Case.Stage, docs/sip.md). Only
// avsluta ends it; an established plan stays open for its follow-ups.
//
// # Privacy and visibility
//
// A case is known only by a random reference (SIP- and six Crockford
// base32 characters). Invitations carry the reference, kommun, age band,
// parties, convener and time — never the needs text, which only the
// convener and invitees who accepted see. Anyone not involved in a case
// gets the same "not found" as for a reference that does not exist; only
// the convener may change it.
//
// # Storage
//
// A case is one JSON record in bucket "case", written with optimistic
// versioning (read, change, commit with the read version, retry on
// store.ErrConflict). Each commit also carries the index updates
// ("sip:open", "sip:member:<actor>"), the outbox jobs the change causes
// (with deterministic ids, so a retried command never sends twice), the
// convener's live status message (job "status|REF", key "status/REF",
// updated in place) and whatever the Planners schedule.
package sip

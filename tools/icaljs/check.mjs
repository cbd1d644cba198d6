// check.mjs reads iCalendar files with Mozilla's ical.js — a parser
// independent of the Go code that wrote them — and prints, as JSON, what
// a calendar client would see in each: method, time zones, and every
// event's properties with its start and end in UTC, plus the violations of
// the line rules (CRLF, at most 75 octets a line) it finds.
//
//   node check.mjs a.ics b.ics …
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function lineProblems(text) {
  const problems = [];
  if (!text.endsWith("\r\n")) problems.push("does not end in CRLF");
  const lines = text.split("\r\n").slice(0, -1);
  lines.forEach((line, i) => {
    const octets = Buffer.byteLength(line, "utf8");
    if (octets > 75) problems.push(`line ${i + 1} is ${octets} octets`);
    if (/[\r\n]/.test(line)) problems.push(`line ${i + 1} has a bare CR or LF`);
  });
  return { problems, folded: lines.filter((l) => l.startsWith(" ")).length };
}

function time(t) {
  return { local: t.toString(), tzid: t.zone ? t.zone.tzid : null, utc: t.toJSDate().toISOString() };
}

function event(v) {
  const e = new ICAL.Event(v);
  const org = v.getFirstProperty("organizer");
  return {
    uid: e.uid,
    sequence: e.sequence,
    summary: e.summary,
    location: e.location,
    description: e.description,
    url: v.getFirstPropertyValue("url"),
    status: v.getFirstPropertyValue("status"),
    dtstamp: v.getFirstPropertyValue("dtstamp").toString(),
    start: time(e.startDate),
    end: time(e.endDate),
    organizer: org ? { value: org.getFirstValue(), cn: org.getParameter("cn") } : null,
    attendees: v.getAllProperties("attendee").map((p) => ({
      value: p.getFirstValue(),
      rsvp: p.getParameter("rsvp"),
      partstat: p.getParameter("partstat"),
      role: p.getParameter("role"),
    })),
  };
}

const out = [];
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  out.push({
    file,
    method: cal.getFirstPropertyValue("method"),
    version: cal.getFirstPropertyValue("version"),
    prodid: cal.getFirstPropertyValue("prodid"),
    timezones: cal.getAllSubcomponents("vtimezone").map((t) => t.getFirstPropertyValue("tzid")),
    events: cal.getAllSubcomponents("vevent").map(event),
    ...lineProblems(text),
  });
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.remove(tz.getFirstPropertyValue("tzid"));
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");

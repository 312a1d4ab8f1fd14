// The words beside the numbers, as the server-rendered page says them (api/views/words.py).

// Reports of these states are history: a listing stays a listing, so an old source is not a stale one.
const SETTLED = new Set(["listed", "delisted"]);

export const showsStale = (entry) => Boolean(entry.stale) && !SETTLED.has(entry.stage);

export function reportedText(entry) {
  if (!entry.last_reported) return "no source public yet";
  const days = entry.days_since_reported;
  if (days !== null && days < 0) return `reported later, on ${entry.last_reported.text}`;
  if (days === 0) return `last reported ${entry.last_reported.text} (this day)`;
  return `last reported ${entry.last_reported.text} (${days} days before this day)`;
}

export function clocksText(state) {
  const known = state.known_at ? `as known at ${state.known_at}` : "as known now";
  const pub = state.published_by
    ? `as the recorded sources show the public could know it on ${state.published_by}`
    : "from every source recorded here, whenever published";
  const certainty = state.certain_only ? "certain facts only" : "certain and possible facts (≈)";
  return `Valid on ${state.as_of}, ${known}, ${pub}; ${certainty}.`;
}

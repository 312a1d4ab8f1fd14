// Who moved between two days (GET /changes), and what changed in what we knew (GET /revisions).
import { $, el, api, state, dayNumber, dayText, today, writeState } from "./common.js";
import { openCompany } from "./company.js";

const LAST_SEEN = "timeline:last-seen-position"; // the log head when this browser last opened the page
export const PREVIOUS_VISIT = localStorage.getItem(LAST_SEEN); // read before this visit overwrites it

export async function showChanges() {
  const params = new URLSearchParams({ from: $("changes_from").value, to: $("changes_to").value });
  if (state.venue) params.set("venue", state.venue);
  if (state.known_at) params.set("known_at", state.known_at);
  if (state.published_by) params.set("published_by", state.published_by);
  try {
    const body = await api("/changes", params);
    $("changes").replaceChildren(...body.changes.map((c) => el("li", {},
      el("button", { type: "button", class: "link", onclick: () => openCompany(c.company_id), text: c.company }),
      ` on ${c.venue}: ${c.from || "—"} → ${c.to || "—"}${c.since ? ` (since ${c.since.text})` : ""}` +
      (c.certain ? "" : " ≈ possibly"))));
    if (!body.changes.length) $("changes").replaceChildren(el("li", { text: "Nobody moved between these days." }));
  } catch (error) {
    $("changes").replaceChildren(el("li", { text: `Could not load changes: ${error.message}` }));
  }
}

// What a correction changed: the pipeline on the chosen day between two knowledge times, each change
// with the events that caused it (GET /revisions), kept in the URL so the view can be shared.
export async function showRevisions() {
  $("revisions_since").value = state.since;
  $("revisions_until").value = state.until;
  if (!state.since) return;
  const params = new URLSearchParams({ as_of: state.as_of, since: state.since });
  if (state.until) params.set("until", state.until);
  if (state.venue) params.set("venue", state.venue);
  if (state.published_by) params.set("published_by", state.published_by);
  let body;
  try {
    body = await api("/revisions", params);
  } catch (error) {
    $("revisions-status").textContent = `Could not load what changed: ${error.message}`;
    $("revisions").replaceChildren();
    return;
  }
  const point = (p) => `position ${p.position}` + (p.recorded_at ? ` (${p.recorded_at.slice(0, 19)}Z)` : "");
  $("revisions-status").textContent = `${body.changes.length} entries on ${body.as_of} changed between ` +
    `${point(body.since)} and ${point(body.until)}.`;
  const stateText = (s) => (s ? `${s.stage} since ${s.since.text}${s.certain ? "" : " ≈ possibly"}` : "—");
  $("revisions").replaceChildren(...body.changes.map((change) => el("li", { class: "revision" },
    el("button", { type: "button", class: "link", onclick: () => openCompany(change.company_id), text: change.company }),
    ` on ${change.venue}: `, el("del", { text: stateText(change.before) }), " → ",
    el("strong", { text: stateText(change.after) }),
    el("ul", { class: "causes" }, change.causes.map((cause) => el("li", {},
      `${cause.step} ${cause.kind} at position ${cause.position}`,
      cause.reason ? ` — ${cause.reason}` : "", " · ",
      el("a", { href: `/facts/${cause.fact_id}`, target: "_blank", rel: "noopener", text: "fact history" })))))));
}

export async function rememberVisit() {
  try {
    const head = (await api("/feed", new URLSearchParams({ after: "0", limit: "1" }))).head;
    localStorage.setItem(LAST_SEEN, String(head));
  } catch (error) {
    // Remembering the visit is a convenience: the page works without it.
  }
}

// "Who moved" follows the chosen day (the month around it) until the reader sets its days by hand.
let daysByHand = false;

export function followDay() {
  if (daysByHand) return;
  const day = dayNumber(state.as_of);
  $("changes_from").value = dayText(day - 15);
  const to = dayText(day + 15);
  $("changes_to").value = to < today() ? to : today() < state.as_of ? state.as_of : today();
  showChanges();
}

export function setUpChanges() {
  for (const id of ["changes_from", "changes_to"]) $(id).addEventListener("change", () => { daysByHand = true; });
  $("changes-form").addEventListener("submit", (event) => { event.preventDefault(); showChanges(); });
  $("revisions-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.since = $("revisions_since").value.trim();
    state.until = $("revisions_until").value.trim();
    writeState();
    showRevisions();
  });
  $("since-last-visit").addEventListener("click", () => {
    if (!PREVIOUS_VISIT) {
      $("revisions-status").textContent = "No earlier visit is remembered in this browser.";
      return;
    }
    $("revisions_since").value = PREVIOUS_VISIT;
    $("revisions_until").value = "";
    $("revisions-form").requestSubmit();
  });
}

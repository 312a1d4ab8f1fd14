// The board: who stood at which stage on each venue on the chosen day (GET /pipeline), its CSV downloads
// from the API's own endpoints, a PNG of it, and what the publication clock hides.
import { $, el, api, state, vocabulary, clockParams, stageColour, download } from "./common.js";
import { reportedText, showsStale, clocksText } from "./words.js";
import { openCompany } from "./company.js";

let shown = null; // the answer on the board, for the PNG

function filterParams() {
  const params = clockParams();
  for (const key of ["venue", "stage", "sector"]) if (state[key]) params.set(key, state[key]);
  return params;
}

export function setUpBoard() {
  $("bom").addEventListener("change", downloadLinks);
  $("board-png").addEventListener("click", () => { if (shown) boardPng(shown); });
  // The server renders cards as links (they work without the script); here they open the dialog in place.
  $("board").addEventListener("click", (event) => {
    const link = event.target.closest("a.open[data-company]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    openCompany(link.dataset.company);
  });
}

function downloadLinks() {
  const params = filterParams();
  if ($("bom").checked) params.set("bom", "true");
  $("board-csv").href = `/pipeline.csv?${params}`;
  const facts = new URLSearchParams({ from: "1900-01-01", to: state.as_of });
  for (const key of ["known_at", "published_by", "venue"]) if (state[key]) facts.set(key, state[key]);
  if (state.certain_only) facts.set("certain_only", "true");
  if ($("bom").checked) facts.set("bom", "true");
  $("facts-csv").href = `/timeline.csv?${facts}`;
}

export async function drawBoard() {
  $("board-day").textContent = state.as_of;
  downloadLinks();
  const params = filterParams();
  params.set("limit", "1000");
  let snapshot;
  try {
    snapshot = await api("/pipeline", params);
  } catch (error) {
    $("status").textContent = `Could not load the pipeline: ${error.message}`;
    return;
  }
  shown = snapshot;
  document.getElementById("problem")?.remove();
  // The share link pins what we knew: the answer's basis position, whatever is written afterwards.
  const shared = new URLSearchParams(location.search);
  shared.set("as_of", state.as_of);
  if (!shared.get("known_at")) shared.set("known_at", String(snapshot.basis.position));
  $("share").href = `${location.pathname}?${shared}`;
  const possible = snapshot.entries.filter((e) => !e.certain).length;
  $("status").textContent = `${snapshot.total} companies on ${state.as_of}` +
    (possible ? `, ${possible} only possibly (marked ≈)` : "") +
    (snapshot.held_back ? `; ${snapshot.held_back} facts recorded here were not yet public then` : "") + ".";
  $("board-clocks").textContent = clocksText(state);
  heldBack(snapshot);
  const byVenue = new Map();
  for (const entry of snapshot.entries) {
    if (!byVenue.has(entry.venue)) byVenue.set(entry.venue, new Map());
    const stages = byVenue.get(entry.venue);
    if (!stages.has(entry.stage)) stages.set(entry.stage, []);
    stages.get(entry.stage).push(entry);
  }
  const venues = [...byVenue.keys()].sort((a, b) => vocabulary.venues.indexOf(a) - vocabulary.venues.indexOf(b));
  $("board").replaceChildren(...venues.map((venue) => {
    const stages = byVenue.get(venue);
    const columns = vocabulary.stages.filter((stage) => stages.has(stage)).map((stage) => {
      const cards = stages.get(stage).map(card);
      return el("section", { class: "column", "data-stage": stage, "aria-label": `${venue} ${stage}` },
        el("h4", {}, el("span", { class: `swatch stage-${stage}` }), `${stage} `,
          el("span", { class: "count", text: `(${cards.length})` })),
        el("ul", { class: "cards" }, cards));
    });
    return el("section", { class: "venue", "data-venue": venue, "aria-label": venue },
      el("h3", { text: venue }), el("div", { class: "columns" }, columns));
  }));
  if (!snapshot.entries.length) $("board").append(el("p", { text: "No company in the pipeline on this day." }));
}

// What the publication clock hides: asked alongside when it is off, so the toggle says what it would do.
async function heldBack(snapshot) {
  const day = state.published_by || $("published_by").value || state.as_of;
  let count = snapshot.held_back;
  if (!state.published_by) {
    const params = filterParams();
    params.set("published_by", day);
    params.set("limit", "1");
    try {
      count = (await api("/pipeline", params)).held_back;
    } catch (error) {
      $("held-back").textContent = "";
      return;
    }
  }
  const facts = `${count} stage ${count === 1 ? "fact" : "facts"} recorded here but not yet public on ${day}`;
  $("held-back").textContent = state.published_by ? `Hiding ${facts}.` : `Ticking it hides ${facts}.`;
}

function card(entry) {
  const english = entry.name_en || null;
  const chinese = entry.short_name_zh || entry.name_zh || null;
  const stale = showsStale(entry);
  const classes = ["card", entry.certain ? "" : "possible", stale ? "stale" : ""].filter(Boolean).join(" ");
  const page = new URLSearchParams(location.search);
  page.set("company", entry.company_id);
  return el("li", { class: classes },
    el("a", { class: "open", href: `/?${page}`, "data-company": entry.company_id },
      english ? el("span", { class: "name", text: english }) : null,
      chinese ? el("span", { class: "name-zh", lang: "zh", text: chinese }) : null,
      el("span", { class: "since", text: `since ${entry.since.text}` }),
      el("span", { class: "reported", text: reportedText(entry) }),
      entry.certain ? null : el("span", { class: "badge", text: "≈ possibly" }),
      stale ? el("span", { class: "badge stale-badge", text: "stale" }) : null,
      entry.suspended ? el("span", { class: "badge", text: "suspended" }) : null));
}

// The board as a picture: a row per venue, a column per stage, names listed; titled with day and clocks.
function boardPng(snapshot) {
  const columnWidth = 230, line = 18, pad = 12;
  const rows = vocabulary.venues.map((venue) => ({
    venue,
    columns: vocabulary.stages.map((stage) => ({
      stage, names: snapshot.entries.filter((e) => e.venue === venue && e.stage === stage)
        .map((e) => `${e.name_en || e.company}${e.certain ? "" : " ≈"}`),
    })).filter((c) => c.names.length),
  })).filter((row) => row.columns.length);
  const widest = Math.max(1, ...rows.map((r) => r.columns.length));
  const heights = rows.map((r) => 2 * line + Math.max(...r.columns.map((c) => c.names.length)) * line + pad);
  const canvas = el("canvas", { width: pad * 2 + widest * columnWidth, height: 3 * line + heights.reduce((a, b) => a + b, 0) + pad });
  const g = canvas.getContext("2d");
  g.fillStyle = "white";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = "#1d2430";
  g.font = "600 16px system-ui, sans-serif";
  g.fillText(`Pipeline on ${state.as_of}: ${snapshot.total} companies`, pad, line + 2);
  g.font = "12px system-ui, sans-serif";
  g.fillStyle = "#4a5260";
  g.fillText(clocksText(state), pad, 2 * line + 2);
  let top = 3 * line + 4;
  rows.forEach((row, r) => {
    g.fillStyle = "#1d2430";
    g.font = "600 14px system-ui, sans-serif";
    g.fillText(row.venue, pad, top + line - 4);
    row.columns.forEach((column, c) => {
      const x = pad + c * columnWidth;
      g.fillStyle = stageColour(column.stage);
      g.fillRect(x, top + line + 2, 10, 10);
      g.fillStyle = "#1d2430";
      g.font = "600 12px system-ui, sans-serif";
      g.fillText(`${column.stage} (${column.names.length})`, x + 14, top + 2 * line - 4);
      g.font = "12px system-ui, sans-serif";
      column.names.forEach((name, n) => g.fillText(name.slice(0, 34), x + 14, top + (n + 3) * line - 4));
    });
    top += heights[r];
  });
  canvas.toBlob((blob) => download(blob, `pipeline-${state.as_of}.png`), "image/png");
}

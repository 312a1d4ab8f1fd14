// The timeline viewer. Every answer comes from the HTTP API; the page only lays it out.

// The vocabulary comes from the API (GET /vocabulary), so the page offers exactly the words the API reads.
let VENUES = [];
let STAGES = [];
let SECTORS = [];
const STAGE_COLOURS = ["#8e9aaf", "#6c8ebf", "#4a7fb5", "#2f6ea5", "#3f8f8a", "#4f9d5b", "#7aa83f", "#2e7d32",
  "#b08a3e", "#a85b3c", "#9c3d3d", "#7d6b8f", "#5f5f5f"];
const COHORT_COLOURS = ["#2f6ea5", "#d0021b", "#4f9d5b", "#b08a3e", "#7d6b8f", "#3f8f8a", "#a85b3c", "#5f5f5f"];
const FIRST_DAY = "2019-01-01";
const LAST_SEEN = "timeline:last-seen-position"; // the log head when this browser last opened the page
const PREVIOUS_VISIT = localStorage.getItem(LAST_SEEN); // read before this visit overwrites it
const CJK = /[\u3400-\u9fff]/;

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "style") Object.assign(node.style, value); // CSSOM: allowed by the page's strict CSP
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
};
const today = () => new Date().toISOString().slice(0, 10);
const dayNumber = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / 86400000);
const dayText = (number) => new Date(number * 86400000).toISOString().slice(0, 10);

const state = readState();
let chartData = null;
let chartKey = "";
let redrawTimer = null;

function readState() {
  const params = new URLSearchParams(location.search);
  return {
    as_of: params.get("as_of") || today(),
    venue: params.get("venue") || "",
    stage: params.get("stage") || "",
    sector: params.get("sector") || "",
    certain_only: params.get("certain_only") === "true",
    known_at: params.get("known_at") || "",
    published_by: params.get("published_by") || "",
    company: params.get("company") || "",
    since: params.get("since") || "",
    until: params.get("until") || "",
  };
}

function writeState() {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value) params.set(key, value === true ? "true" : value);
  history.replaceState(null, "", `${location.pathname}?${params}`);
}

function clockParams() {
  const params = new URLSearchParams({ as_of: state.as_of });
  if (state.known_at) params.set("known_at", state.known_at);
  if (state.published_by) params.set("published_by", state.published_by);
  if (state.certain_only) params.set("certain_only", "true");
  return params;
}

async function api(path, params) {
  const response = await fetch(params ? `${path}?${params}` : path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const detail = Array.isArray(body.detail) ? body.detail.map((d) => d.msg).join("; ") : body.detail;
    throw new Error(detail || `HTTP ${response.status}`);
  }
  return body;
}

function setUpControls() {
  for (const [select, values] of [[$("venue"), VENUES], [$("stage"), STAGES], [$("sector"), SECTORS]]) {
    for (const value of values) select.append(el("option", { value, text: value }));
  }
  const slider = $("slider");
  slider.max = String(dayNumber(today()) - dayNumber(FIRST_DAY));
  $("as_of").max = today();
  syncControls();
  $("as_of").addEventListener("change", () => { if ($("as_of").value) setDay($("as_of").value); });
  slider.addEventListener("input", () => setDay(dayText(dayNumber(FIRST_DAY) + Number(slider.value)), 120));
  for (const id of ["venue", "stage", "sector"]) {
    $(id).addEventListener("change", () => { state[id] = $(id).value; refresh(); });
  }
  $("certain_only").addEventListener("change", () => { state.certain_only = $("certain_only").checked; refresh(); });
  for (const [box, input, key, toValue] of [
    ["use_known_at", "known_at", "known_at", (v) => (v ? `${v.length === 16 ? v + ":00" : v}Z` : "")],
    ["use_published_by", "published_by", "published_by", (v) => v],
  ]) {
    const update = () => { state[key] = $(box).checked ? toValue($(input).value) : ""; refresh(); };
    $(box).addEventListener("change", update);
    $(input).addEventListener("change", () => { if ($(box).checked) update(); });
  }
  $("changes-form").addEventListener("submit", (event) => { event.preventDefault(); showChanges(); });
  $("revisions-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.since = $("revisions_since").value.trim();
    state.until = $("revisions_until").value.trim();
    writeState();
    showRevisions();
  });
  $("since-last-visit").addEventListener("click", () => {
    const seen = PREVIOUS_VISIT;
    if (!seen) {
      $("revisions-status").textContent = "No earlier visit is remembered in this browser.";
      return;
    }
    $("revisions_since").value = seen;
    $("revisions_until").value = "";
    $("revisions-form").requestSubmit();
  });
  $("listing_cohort").addEventListener("change", drawTimeToListing);
  setUpSearch();
}

// The search box: suggestions from /search as one types; Enter opens the best match.
let lastSuggestions = [];
function setUpSearch() {
  let timer = null;
  $("search").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  $("find").addEventListener("submit", async (event) => {
    event.preventDefault();
    const query = $("search").value.trim();
    if (!query) return;
    const picked = lastSuggestions.find((r) => r.name === query) || (await searchFor(query))[0];
    if (picked) {
      $("search-status").textContent = "";
      openCompany(picked.company_id);
    } else {
      $("search-status").textContent = `No company resembles “${query}”.`;
    }
  });
}

async function searchFor(query) {
  try {
    return (await api("/search", new URLSearchParams({ q: query, limit: "8" }))).results;
  } catch (error) {
    $("search-status").textContent = error.message;
    return [];
  }
}

async function suggest() {
  const query = $("search").value.trim();
  if (!query) return;
  lastSuggestions = await searchFor(query);
  $("search-suggestions").replaceChildren(...lastSuggestions.map((r) =>
    el("option", { value: r.name, label: r.matched === r.name ? r.why : `${r.matched} — ${r.why}` })));
}

function syncControls() {
  $("as_of").value = state.as_of;
  $("slider").value = String(dayNumber(state.as_of) - dayNumber(FIRST_DAY));
  $("slider-day").textContent = state.as_of;
  $("venue").value = state.venue;
  $("stage").value = state.stage;
  $("sector").value = state.sector;
  $("certain_only").checked = state.certain_only;
  $("use_known_at").checked = Boolean(state.known_at);
  if (state.known_at) $("known_at").value = state.known_at.replace(/Z$/, "").slice(0, 19);
  $("use_published_by").checked = Boolean(state.published_by);
  if (state.published_by) $("published_by").value = state.published_by;
  if (!$("changes_from").value) $("changes_from").value = "2025-06-01";
  if (!$("changes_to").value) $("changes_to").value = state.as_of;
}

function setDay(day, delay = 0) {
  state.as_of = day;
  syncControls();
  clearTimeout(redrawTimer);
  redrawTimer = setTimeout(() => { writeState(); drawBoard(); markChart(); }, delay);
}

async function refresh() {
  writeState();
  await Promise.all([drawBoard(), drawChart(), drawTimeToListing()]);
}

function displayNames(entry) {
  // The API labels each row (name_en, short_name_zh): the page no longer guesses which name is which.
  return { english: entry.name_en || null, chinese: entry.short_name_zh || entry.name_zh || null };
}

async function drawBoard() {
  $("board-day").textContent = state.as_of;
  const params = clockParams();
  for (const key of ["venue", "stage", "sector"]) if (state[key]) params.set(key, state[key]);
  params.set("limit", "1000");
  let snapshot;
  try {
    snapshot = await api("/pipeline", params);
  } catch (error) {
    $("status").textContent = `Could not load the pipeline: ${error.message}`;
    return;
  }
  // The share link pins what we knew: the answer's basis position, whatever is written afterwards.
  const shared = new URLSearchParams(location.search);
  shared.set("as_of", state.as_of);
  if (!shared.get("known_at")) shared.set("known_at", String(snapshot.basis.position));
  $("share").href = `${location.pathname}?${shared}`;
  const possible = snapshot.entries.filter((e) => !e.certain).length;
  $("status").textContent = `${snapshot.total} companies on ${state.as_of}` +
    (possible ? `, ${possible} only possibly (marked ≈)` : "") + (state.known_at ? `, as known at ${state.known_at}` : "") +
    (state.published_by
      ? `, as the sources recorded here show the public could know it on ${state.published_by}` +
        (snapshot.held_back ? ` (${snapshot.held_back} facts recorded here were not yet public then)` : "")
      : "");
  const board = $("board");
  board.replaceChildren();
  const byVenue = new Map();
  for (const entry of snapshot.entries) {
    if (!byVenue.has(entry.venue)) byVenue.set(entry.venue, new Map());
    const stages = byVenue.get(entry.venue);
    if (!stages.has(entry.stage)) stages.set(entry.stage, []);
    stages.get(entry.stage).push(entry);
  }
  for (const venue of [...byVenue.keys()].sort((a, b) => VENUES.indexOf(a) - VENUES.indexOf(b))) {
    const stages = byVenue.get(venue);
    const columns = STAGES.filter((stage) => stages.has(stage)).map((stage) => {
      const cards = stages.get(stage).map(card);
      return el("section", { class: "column", "data-stage": stage, "aria-label": `${venue} ${stage}` },
        el("h4", {}, el("span", { class: "swatch", style: { background: STAGE_COLOURS[STAGES.indexOf(stage)] } }),
          `${stage} `, el("span", { class: "count", text: `(${cards.length})` })),
        el("ul", { class: "cards" }, cards));
    });
    board.append(el("section", { class: "venue", "data-venue": venue, "aria-label": venue },
      el("h3", { text: venue }), el("div", { class: "columns" }, columns)));
  }
  if (!snapshot.entries.length) board.append(el("p", { text: "No company in the pipeline on this day." }));
}

function card(entry) {
  const { english, chinese } = displayNames(entry);
  const classes = ["card", entry.certain ? "" : "possible", entry.stale ? "stale" : ""].filter(Boolean).join(" ");
  return el("li", { class: classes },
    el("button", { type: "button", class: "open", onclick: () => openCompany(entry.company_id),
      "aria-label": `${entry.company}, ${entry.stage} since ${entry.since.text}${entry.certain ? "" : ", only possibly"}` +
        (entry.stale ? `, stale: newest source ${entry.last_reported ? entry.last_reported.text : "none"}` : "") },
      english ? el("span", { class: "name", text: english }) : null,
      chinese ? el("span", { class: "name-zh", lang: "zh", text: chinese }) : null,
      el("span", { class: "since", text: `since ${entry.since.text}` }),
      el("span", { class: "reported", text: reportedText(entry) }),
      entry.certain ? null : el("span", { class: "badge", text: "≈ possibly" }),
      entry.stale ? el("span", { class: "badge stale-badge", text: "stale" }) : null,
      entry.suspended ? el("span", { class: "badge", text: "suspended" }) : null));
}

function reportedText(entry) {
  if (!entry.last_reported) return "no source public yet";
  const days = entry.days_since_reported;
  const age = days >= 0 ? `${days} days before this day` : `${-days} days after this day`;
  return `last reported ${entry.last_reported.text} (${age})`;
}

async function drawChart() {
  const to = today();
  const params = new URLSearchParams({ from: FIRST_DAY, to });
  if (state.venue) params.set("venue", state.venue);
  if (state.known_at) params.set("known_at", state.known_at);
  if (state.published_by) params.set("published_by", state.published_by);
  if (state.certain_only) params.set("certain_only", "true");
  const key = params.toString();
  if (key !== chartKey) {
    try {
      chartData = await api("/stats/pipeline-counts", params);
      chartKey = key;
    } catch (error) {
      $("chart").textContent = `Could not load counts: ${error.message}`;
      return;
    }
  }
  const points = chartData.points;
  const totals = points.map((p) => Object.values(p.counts).reduce((a, b) => a + b, 0));
  const top = Math.max(1, ...totals);
  const width = 900, height = 180, bar = width / points.length;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height + 20}`);
  svg.setAttribute("preserveAspectRatio", "none");
  points.forEach((point, i) => {
    let y = height;
    STAGES.forEach((stage, s) => {
      const n = point.counts[stage] || 0;
      if (!n) return;
      const h = (n / top) * height;
      y -= h;
      const rect = document.createElementNS(svg.namespaceURI, "rect");
      rect.setAttribute("x", String(i * bar));
      rect.setAttribute("y", String(y));
      rect.setAttribute("width", String(Math.max(bar - 1, 1)));
      rect.setAttribute("height", String(h));
      rect.setAttribute("fill", STAGE_COLOURS[s]);
      const title = document.createElementNS(svg.namespaceURI, "title");
      title.textContent = `${point.date}: ${stage} ${n}`;
      rect.append(title);
      svg.append(rect);
    });
  });
  const marker = document.createElementNS(svg.namespaceURI, "line");
  marker.setAttribute("id", "chart-marker");
  marker.setAttribute("y1", "0");
  marker.setAttribute("y2", String(height + 20));
  svg.append(marker);
  $("chart").replaceChildren(svg);
  $("legend").replaceChildren(...STAGES.map((stage, s) => el("li", {},
    el("span", { class: "swatch", style: { background: STAGE_COLOURS[s] } }), stage)));
  markChart();
}

function markChart() {
  const marker = document.getElementById("chart-marker");
  if (!marker || !chartData) return;
  const points = chartData.points;
  const index = points.findIndex((p) => p.date >= state.as_of);
  const x = ((index < 0 ? points.length - 1 : index) + 0.5) * (900 / points.length);
  marker.setAttribute("x1", String(x));
  marker.setAttribute("x2", String(x));
}

// Time to listing: one Kaplan-Meier step curve per cohort, as /stats/time-to-listing computes it.
async function drawTimeToListing() {
  const venue = state.venue || VENUES[0]; // the vocabulary lists the STAR Market first
  const params = clockParams();
  params.set("venue", venue);
  params.set("cohort", $("listing_cohort").value);
  $("listing-venue").textContent = venue;
  let answer;
  try {
    answer = await api("/stats/time-to-listing", params);
  } catch (error) {
    $("listing-chart").textContent = `Could not load time to listing: ${error.message}`;
    return;
  }
  const cohorts = answer.cohorts.filter((c) => c.curve.length);
  const last = Math.max(30, ...cohorts.flatMap((c) => c.curve.map((p) => p.day)));
  const width = 900, height = 220, left = 34, bottom = 20;
  const x = (day) => left + (day / last) * (width - left - 10);
  const y = (share) => 6 + (1 - share) * (height - 6);
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const add = (tag, attrs, text) => {
    const node = document.createElementNS(svg.namespaceURI, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  svg.setAttribute("viewBox", `0 0 ${width} ${height + bottom}`);
  for (const share of [0, 0.5, 1]) {
    add("line", { x1: left, x2: width - 10, y1: y(share), y2: y(share), class: share === 0.5 ? "half" : "grid" });
    add("text", { x: 2, y: y(share) + 4, class: "axis" }, `${share * 100}%`);
  }
  for (const day of [0, Math.round(last / 2), last]) {
    add("text", { x: x(day), y: height + bottom - 4, class: "axis", "text-anchor": "middle" }, `${day} d`);
  }
  cohorts.forEach((cohort, i) => {
    // A step: the share holds until the next day an attempt lists, then drops.
    let d = `M ${x(0)} ${y(1)}`;
    for (const point of cohort.curve) d += ` H ${x(point.day)} V ${y(point.survival)}`;
    const path = add("path", { d, class: "km", stroke: COHORT_COLOURS[i % COHORT_COLOURS.length], "data-cohort": cohort.cohort });
    const title = document.createElementNS(svg.namespaceURI, "title");
    title.textContent = `${cohort.cohort}: ${describeCohort(cohort)}`;
    path.append(title);
  });
  $("listing-chart").replaceChildren(svg);
  $("listing-legend").replaceChildren(...cohorts.map((cohort, i) => el("li", { "data-cohort": cohort.cohort },
    el("span", { class: "swatch", style: { background: COHORT_COLOURS[i % COHORT_COLOURS.length] } }),
    `${cohort.cohort}: ${describeCohort(cohort)}`)));
  if (!cohorts.length) $("listing-legend").append(el("li", { text: "No attempt started on this venue by this day." }));
  $("listing-method").textContent = answer.method;
  $("listing-dates").textContent = answer.dates;
}

function describeCohort(cohort) {
  const ci = cohort.median_days_ci;
  const median = cohort.median_days === null
    ? "median not reached"
    : `median ${cohort.median_days} days (95% CI ${ci.lower ?? "?"}–${ci.upper ?? "not reached"})`;
  const exits = Object.entries(cohort.exits).map(([stage, n]) => `${n} ${stage}`).join(", ");
  return `${cohort.at_risk} attempts, ${cohort.listed} listed, ${cohort.censored} in review` +
    (cohort.exited ? `, ${cohort.exited} exited (${exits})` : "") + `; ${median}` +
    (cohort.fuzzy ? `; ${cohort.fuzzy} with fuzzy dates` : "");
}

function money(value) {
  if (value && typeof value === "object" && "currency" in value && "amount" in value) {
    return `${value.currency} ${Number(value.amount).toLocaleString("en")}`;
  }
  if (Array.isArray(value)) return value.map(money).join(", ");
  if (value && typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}: ${money(v)}`).join("; ");
  return String(value);
}

function precision(fact) {
  return fact.earliest === fact.latest ? "exact day" : `between ${fact.earliest} and ${fact.latest}`;
}

function factItem(fact, history, retracted) {
  const corrections = (history || []).filter((step) => step.step === "corrected");
  const recorded = (history || []).find((step) => step.step === "recorded");
  const dateLine = el("p", { class: "when" });
  let shownDate = recorded && recorded.date ? recorded.date.text : fact.date;
  for (const correction of corrections) {
    if (correction.date && correction.date.text !== shownDate) {
      dateLine.append(el("del", { text: shownDate }), " → ");
      shownDate = correction.date.text;
    }
  }
  dateLine.append(el("strong", { text: fact.date }), ` (${precision(fact)})`);
  const fields = Object.entries(fact.fields || {}).map(([name, value]) =>
    el("li", {}, el("span", { class: "field", text: `${name}: ` }), money(value)));
  const sources = (fact.sources || []).map(sourceItem);
  const notes = corrections.map((c) => el("p", { class: "note",
    text: `Corrected (recorded ${c.recorded_at}): ${c.reason}` }));
  if (retracted) notes.push(el("p", { class: "note", text: `Retracted (recorded ${retracted.recorded_at}): ${retracted.reason}` }));
  const body = [dateLine,
    el("p", { class: "what" }, el("span", { class: "kind", text: fact.kind }), fact.venue ? ` on ${fact.venue}` : "",
      fact.summary ? ` — ${fact.summary}` : ""),
    fields.length ? el("ul", { class: "fields" }, fields) : null, ...notes,
    el("details", {}, el("summary", { text: `Sources (${sources.length})` }), el("ul", { class: "sources" }, sources))];
  return el("li", { class: retracted ? "fact retracted" : fact.certain === false ? "fact possible" : "fact" },
    retracted ? el("del", {}, ...body.slice(0, 2)) : null, ...(retracted ? body.slice(2) : body));
}

function sourceItem(source) {
  const kind = source.kind || "article";
  const published = `published ${source.published.text}` + (source.date_text ? ` (says “${source.date_text}”)` : "");
  if (kind === "article") {
    return el("li", { class: "source article" },
      el("span", { class: "source-kind", text: "article · verbatim quote" }),
      el("blockquote", { lang: CJK.test(source.quote) ? "zh" : "en", text: source.quote }),
      el("p", { class: "cite", text: `— ${source.document}, ${published}` }));
  }
  // A disclosure or report is cited in our own words, with a link to the document itself.
  return el("li", { class: `source ${kind}` },
    el("span", { class: "source-kind", text: `${kind} · our summary` }),
    el("p", { class: "statement", text: source.statement }),
    el("p", { class: "cite" }, "— ",
      el("a", { href: source.url, rel: "noopener noreferrer", target: "_blank", lang: CJK.test(source.title) ? "zh" : "en",
        text: source.title }),
      `, ${source.publisher}, ${published}`));
}

async function openCompany(companyId) {
  state.company = companyId;
  writeState();
  let company;
  try {
    company = await api(`/companies/${encodeURIComponent(companyId)}`, clockParams());
  } catch (error) {
    $("status").textContent = `Could not load the company: ${error.message}`;
    return;
  }
  const known = state.known_at ? new URLSearchParams({ known_at: state.known_at }) : undefined;
  const everyFact = [...company.facts, ...(company.retracted || [])];
  const histories = await Promise.all(everyFact.map((f) => api(`/facts/${f.fact_id}`, known).catch(() => null)));
  $("company-name").textContent = company.name;
  $("company-aliases").textContent = company.aliases.length ? `Also: ${company.aliases.join(" · ")}` : "";
  $("company-venues").replaceChildren(...company.venues.map((v) => el("li", { class: v.stale ? "stale" : "" },
    `${v.venue}: `, el("strong", { text: v.stage }), ` since ${v.since.text}${v.certain ? "" : " (≈ possibly)"}; `,
    el("span", { class: "reported", text: reportedText(v) }), v.stale ? el("span", { class: "badge stale-badge", text: "stale" }) : null)));
  api(`/companies/${encodeURIComponent(company.company_id)}/history`,
    state.published_by ? new URLSearchParams({ published_by: state.published_by }) : undefined)
    .then(drawHistory)
    .catch((error) => $("company-history").replaceChildren(el("p", { class: "note", text: error.message })));
  $("company-facts").replaceChildren(...everyFact.map((fact, i) => {
    const history = histories[i] ? histories[i].history : [];
    const retracted = history.find((step) => step.step === "retracted");
    return factItem(fact, history, retracted);
  }));
  const dialog = $("company");
  if (!dialog.open) dialog.showModal();
}

async function showChanges() {
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
async function showRevisions() {
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

async function rememberVisit() {
  try {
    const head = (await api("/feed", new URLSearchParams({ after: "0", limit: "1" }))).head;
    localStorage.setItem(LAST_SEEN, String(head));
  } catch (error) {
    // Remembering the visit is a convenience: the page works without it.
  }
}

// A company's stage rows as rectangles: valid time across, knowledge time (log positions, in order) down.
function drawHistory(history) {
  const rects = history.rectangles;
  if (!rects.length) {
    $("company-history").replaceChildren(el("p", { class: "note", text: "No stage recorded." }));
    return;
  }
  const NS = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attrs, ...children) => {
    const node = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    node.append(...children);
    return node;
  };
  const end = dayNumber(today()) + 30;
  const start = Math.min(...rects.map((r) => dayNumber(r.valid_from)));
  const positions = [...new Set(rects.flatMap((r) => [r.known_from.position, ...(r.known_to ? [r.known_to.position] : [])]))]
    .sort((a, b) => a - b);
  const width = 860, rowHeight = 22, left = 110;
  const venues = [...new Set(rects.map((r) => r.venue))];
  const band = positions.length * rowHeight;
  const height = venues.length * (band + 24);
  const x = (day) => left + ((Math.min(day, end) - start) / Math.max(1, end - start)) * (width - left - 10);
  const y = (position) => positions.indexOf(position) * rowHeight;
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `Stage history of ${history.name}` });
  const hatch = svgEl("pattern", { id: "possible-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)" }, svgEl("rect", { width: 6, height: 6, fill: "white" }),
    svgEl("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#555", "stroke-width": 2 }));
  svg.append(svgEl("defs", {}, hatch));
  venues.forEach((venue, v) => {
    const top = v * (band + 24) + 18;
    svg.append(svgEl("text", { x: 0, y: top - 4, class: "history-venue" }, venue));
    positions.forEach((position) => svg.append(svgEl("text", { x: 0, y: top + y(position) + 15, class: "history-axis" },
      `known @${position}`)));
    // Possible rows first, certain ones on top: where both hold, the stage certainly held.
    for (const r of [...rects].sort((a, b) => a.certain - b.certain)) {
      if (r.venue !== venue) continue;
      const x1 = x(dayNumber(r.valid_from));
      const x2 = r.valid_to ? x(dayNumber(r.valid_to)) : x(end);
      const y1 = top + y(r.known_from.position);
      const y2 = r.known_to ? top + y(r.known_to.position) : top + band;
      const colour = STAGE_COLOURS[STAGES.indexOf(r.stage)] || "#999";
      const shape = svgEl("rect", { x: x1, y: y1, width: Math.max(1, x2 - x1), height: Math.max(2, y2 - y1 - 2),
        fill: r.certain ? colour : "url(#possible-hatch)", stroke: colour, "stroke-width": 2,
        class: r.certain ? "certain" : "possible", "data-venue": r.venue, "data-stage": r.stage },
      svgEl("title", {}, `${r.stage} on ${r.venue} from ${r.valid_from}${r.valid_to ? ` to ${r.valid_to}` : ""}` +
        `, believed from position ${r.known_from.position}` + (r.known_to ? ` to ${r.known_to.position}` : " on") +
        `, public from ${r.public_from}${r.certain ? "" : " (only possibly)"}`));
      svg.append(shape);
    }
  });
  $("company-history").replaceChildren(svg);
}

$("company").addEventListener("close", () => { state.company = ""; writeState(); });
async function loadVocabulary() {
  const vocabulary = await api("/vocabulary");
  VENUES = vocabulary.venues;
  STAGES = vocabulary.stages;
  SECTORS = vocabulary.sectors;
}

loadVocabulary().then(setUpControls).then(refresh).then(() => {
  if (state.company) openCompany(state.company);
  showRevisions().then(rememberVisit);
});

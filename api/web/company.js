// A company's page, in a dialog over the board: header (names, stock codes per venue, flags), its stage on
// each venue in honest words, the picture of what was believed about when, and every fact with its sources.
import { $, el, svgEl, api, state, vocabulary, clockParams, writeState, stageColour, today, dayNumber, CJK }
  from "./common.js";
import { reportedText, showsStale } from "./words.js";

const FLAG_WORDS = { blacklisted: "blacklisted (entity list)", growth_tier: "in the STAR growth tier",
  u_mark_removed: "U mark removed", profitable: "profitable" };

export function setUpCompany() {
  $("company").addEventListener("close", () => { state.company = ""; writeState(); });
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

// A source as title, publisher, date and link when the answer carries them (documents, and articles once
// their metadata is recorded); an article without them is named by its file and cited by its verbatim quote.
export function sourceItem(source) {
  const kind = source.kind || "article";
  const title = source.title || source.document;
  const lang = (text) => (CJK.test(text || "") ? "zh" : "en");
  const cite = el("p", { class: "cite" }, "— ",
    source.url
      ? el("a", { href: source.url, rel: "noopener noreferrer", target: "_blank", lang: lang(title), text: title })
      : el("cite", { lang: lang(title), text: title }),
    source.publisher ? `, ${source.publisher}` : "",
    `, published ${source.published.text}` + (source.date_text ? ` (says “${source.date_text}”)` : ""),
    source.grade ? ` · grade ${source.grade}` : "");
  return el("li", { class: `source ${kind}` },
    el("span", { class: "source-kind", text: `${kind} · ${source.quote ? "verbatim quote" : "our summary"}` }),
    source.quote ? el("blockquote", { lang: lang(source.quote), text: source.quote }) : null,
    source.statement ? el("p", { class: "statement", text: source.statement }) : null,
    cite);
}

function header(company) {
  $("company-name").textContent = company.name;
  $("company-aliases").textContent = company.aliases.length ? `Also: ${company.aliases.join(" · ")}` : "";
  const codes = new Map();
  for (const code of company.codes || []) codes.set(code.venue, [...(codes.get(code.venue) || []), code.code]);
  $("company-codes").replaceChildren(...[...codes].map(([venue, found]) => el("li", {},
    el("span", { class: "code-venue", text: venue }), ` ${found.join(", ")}`)));
  $("company-flags").replaceChildren(...Object.entries(FLAG_WORDS)
    .filter(([name]) => company.flags[name] && company.flags[name].value)
    .map(([name, word]) => {
      const flag = company.flags[name];
      return el("li", { class: "flag", text: `${word}${flag.since ? ` since ${flag.since}` : ""}${flag.certain ? "" : " (≈ possibly)"}` });
    }));
  $("company-venues").replaceChildren(...company.venues.map((v) => {
    const stale = showsStale(v);
    return el("li", { class: stale ? "stale" : "" },
      `${v.venue}: `, el("strong", { text: v.stage }), ` since ${v.since.text}${v.certain ? "" : " (≈ possibly)"}; `,
      el("span", { class: "reported", text: reportedText(v) }), stale ? el("span", { class: "badge stale-badge", text: "stale" }) : null);
  }));
}

export async function openCompany(companyId) {
  state.company = companyId;
  writeState();
  let company;
  try {
    company = await api(`/companies/${encodeURIComponent(companyId)}`, clockParams());
  } catch (error) {
    $("status").textContent = `Could not load the company: ${error.message}`;
    return;
  }
  document.getElementById("company-problem")?.remove();
  const known = state.known_at ? new URLSearchParams({ known_at: state.known_at }) : undefined;
  const everyFact = [...company.facts, ...(company.retracted || [])];
  const histories = await Promise.all(everyFact.map((f) => api(`/facts/${f.fact_id}`, known).catch(() => null)));
  header(company);
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
  // The server may have rendered it open (not modal): reopen it as a modal dialog, which traps focus.
  if (dialog.open && !dialog.matches(":modal")) dialog.close();
  if (!dialog.open) dialog.showModal();
}

// A company's stage rows as rectangles: valid time across, knowledge time (log positions, in order) down.
function drawHistory(history) {
  const rects = history.rectangles;
  if (!rects.length) {
    $("company-history").replaceChildren(el("p", { class: "note", text: "No stage recorded." }));
    return;
  }
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
      const colour = vocabulary.stages.includes(r.stage) ? stageColour(r.stage) : "#999";
      svg.append(svgEl("rect", { x: x1, y: y1, width: Math.max(1, x2 - x1), height: Math.max(2, y2 - y1 - 2),
        fill: r.certain ? colour : "url(#possible-hatch)", stroke: colour, "stroke-width": 2,
        class: r.certain ? "certain" : "possible", "data-venue": r.venue, "data-stage": r.stage },
      svgEl("title", {}, `${r.stage} on ${r.venue} from ${r.valid_from}${r.valid_to ? ` to ${r.valid_to}` : ""}` +
        `, believed from position ${r.known_from.position}` + (r.known_to ? ` to ${r.known_to.position}` : " on") +
        `, public from ${r.public_from}${r.certain ? "" : " (only possibly)"}`)));
    }
  });
  $("company-history").replaceChildren(svg);
}

// The search box. Suggestions from /search as one types, each with the name that matched and why. Enter
// opens a company only when the query names exactly one (GET /companies/{q} answers it) or only one company
// fits; otherwise the suggestions stay open with the API's "did you mean", and nothing is guessed.
import { $, el, api, clockParams, ApiError } from "./common.js";
import { openCompany } from "./company.js";

let asked = 0; // the newest question: an older answer arriving late must not replace a newer one
let timer = null;

export function setUpSearch() {
  $("search").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => suggest($("search").value.trim()), 150);
  });
  $("find").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer); // Enter answers for itself; a suggestion still waiting would only race it
    const query = $("search").value.trim();
    if (query) find(query);
  });
}

async function searchFor(query) {
  return (await api("/search", new URLSearchParams({ q: query, limit: "8" }))).results;
}

function show(results) {
  $("search-results").replaceChildren(...results.map((r) => el("li", {},
    el("button", { type: "button", class: "link suggestion", "data-company": r.company_id,
      onclick: () => open(r.company_id) }, r.name),
    el("span", { class: "why", text: ` — ${r.matched === r.name ? "" : `“${r.matched}”: `}${r.why}` }))));
}

function open(companyId) {
  $("search-results").replaceChildren();
  $("search-status").textContent = "";
  openCompany(companyId);
}

async function suggest(query) {
  const mine = ++asked;
  if (!query) {
    $("search-results").replaceChildren();
    return;
  }
  try {
    const results = await searchFor(query);
    if (mine === asked) show(results);
  } catch (error) {
    if (mine === asked) $("search-status").textContent = error.message;
  }
}

async function find(query) {
  const mine = ++asked;
  try {
    const company = await api(`/companies/${encodeURIComponent(query)}`, clockParams());
    if (mine === asked) open(company.company_id);
    return;
  } catch (error) {
    if (!(error instanceof ApiError) || ![404, 409].includes(error.status)) {
      $("search-status").textContent = error.message;
      return;
    }
    let results = [];
    try {
      results = await searchFor(query);
    } catch (searchError) {
      // The refusal below still says why; the list stays as it was.
    }
    if (mine !== asked) return;
    if (error.status === 404 && results.length === 1) {
      open(results[0].company_id); // only one company fits: that is no guess
      return;
    }
    show(results);
    $("search-status").textContent = results.length
      ? `Not opened: ${error.message}. ${results.length} companies fit; choose one below.`
      : `Not opened: ${error.message}.`;
  }
}

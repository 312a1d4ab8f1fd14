// The timeline viewer. The server renders the board (and a company asked for in the address) into the page;
// this script makes it live: every answer comes from the HTTP API, the page only lays it out. One module per
// job: chart.js, board.js, company.js, search.js, listing.js, changes.js; common.js and words.js are shared.
import { $, el, state, vocabulary, writeState, loadVocabulary, today, dayNumber, dayText, FIRST_DAY } from "./common.js";
import { setUpChart, drawChart } from "./chart.js";
import { setUpBoard, drawBoard } from "./board.js";
import { setUpCompany, openCompany } from "./company.js";
import { setUpSearch } from "./search.js";
import { drawTimeToListing } from "./listing.js";
import { setUpChanges, followDay, showRevisions, rememberVisit } from "./changes.js";

let redrawTimer = null;

function fillSelect(select, values) {
  const first = select.options[0];
  select.replaceChildren(first, ...values.map((value) => el("option", { value, text: value })));
}

function setUpControls() {
  fillSelect($("venue"), vocabulary.venues);
  fillSelect($("stage"), vocabulary.stages);
  fillSelect($("sector"), vocabulary.sectors);
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
  $("use_known_at").addEventListener("change", () => {
    const v = $("known_at").value;
    state.known_at = $("use_known_at").checked && v ? `${v.length === 16 ? v + ":00" : v}Z` : "";
    refresh();
  });
  $("known_at").addEventListener("change", () => { if ($("use_known_at").checked) $("use_known_at").dispatchEvent(new Event("change")); });
  // The publication clock's day is the chosen day unless the reader sets another.
  $("use_published_by").addEventListener("change", () => {
    state.published_by = $("use_published_by").checked ? $("published_by").value || state.as_of : "";
    refresh();
  });
  $("published_by").addEventListener("change", () => {
    $("published_by").dataset.byHand = "true";
    if ($("use_published_by").checked) { state.published_by = $("published_by").value || state.as_of; refresh(); }
  });
  setUpChart(() => drawChart());
  setUpBoard();
  setUpCompany();
  setUpSearch();
  setUpChanges();
  $("listing_cohort").addEventListener("change", drawTimeToListing);
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
  else if (!$("published_by").dataset.byHand) $("published_by").value = state.as_of;
}

function setDay(day, delay = 0) {
  const following = state.published_by && !$("published_by").dataset.byHand && state.published_by === state.as_of;
  state.as_of = day;
  if (following) state.published_by = day; // the publication day was the chosen day: it stays so
  syncControls();
  clearTimeout(redrawTimer);
  redrawTimer = setTimeout(() => { writeState(); drawBoard(); drawChart(); followDay(); }, delay);
}

async function refresh() {
  writeState();
  await Promise.all([drawBoard(), drawChart(), drawTimeToListing(), followDay()]);
}

loadVocabulary().then(setUpControls).then(refresh).then(() => {
  if (state.company) openCompany(state.company);
  showRevisions().then(rememberVisit);
});

// Time to listing: one Kaplan-Meier step curve per cohort, as /stats/time-to-listing computes it.
import { $, el, api, state, vocabulary, clockParams } from "./common.js";
import { clocksText } from "./words.js";

const COHORT_COLOURS = ["#2f6ea5", "#d0021b", "#4f9d5b", "#b08a3e", "#7d6b8f", "#3f8f8a", "#a85b3c", "#5f5f5f"];

export async function drawTimeToListing() {
  const venue = state.venue || vocabulary.venues[0]; // the vocabulary lists the STAR Market first
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
  $("listing-clocks").textContent = `Attempts censored at ${state.as_of}; ${clocksText(state).replace(/^Valid on [^,]+, /, "")}`;
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

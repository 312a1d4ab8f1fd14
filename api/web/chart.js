// The pipeline over time: stacked bars of companies by stage at each month end, with axes, value labels,
// a range (three years around the chosen day unless set), the chosen day marked, and PNG and CSV downloads.
import { $, el, svgEl, api, state, vocabulary, stageColour, download, csvText, svgToPng, today, FIRST_DAY, writeState }
  from "./common.js";
import { clocksText } from "./words.js";

const WIDTH = 960, PANEL = 250, LEFT = 46, RIGHT = 14, TOP = 34, BOTTOM = 44;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const answers = new Map(); // question -> answer, so scrubbing within a range asks nothing again
let drawn = null; // {panels, stages, from, to}: what the chart shows, for the CSV

const monthOf = (day) => day.slice(0, 7);
const shiftMonth = (month, by) => {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};
const lastDay = (month) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const clamp = (month, low, high) => (month < low ? low : month > high ? high : month);

// The range shown: the months chosen, or three years around the chosen day within what is known.
export function chartRange() {
  const first = monthOf(FIRST_DAY), last = monthOf(today());
  let from = state.chart_from || shiftMonth(monthOf(state.as_of), -18);
  let to = state.chart_to || shiftMonth(monthOf(state.as_of), 17);
  if (!state.chart_from && to > last) from = shiftMonth(from, -(monthsBetween(last, to)));
  if (!state.chart_to && from < first) to = shiftMonth(to, monthsBetween(from, first));
  from = clamp(from, first, last);
  to = clamp(to, from, last);
  return [from, to];
}
const monthsBetween = (a, b) => {
  const [ya, ma] = a.split("-").map(Number), [yb, mb] = b.split("-").map(Number);
  return (yb - ya) * 12 + (mb - ma);
};

export function setUpChart(redraw) {
  for (const id of ["chart_from", "chart_to"]) {
    $(id).addEventListener("change", () => { state[id] = $(id).value; writeState(); redraw(); });
  }
  $("range-3y").addEventListener("click", () => { state.chart_from = state.chart_to = ""; writeState(); redraw(); });
  $("range-all").addEventListener("click", () => {
    state.chart_from = monthOf(FIRST_DAY);
    state.chart_to = monthOf(today());
    writeState();
    redraw();
  });
  $("by_venue").addEventListener("change", redraw);
  $("chart-png").addEventListener("click", () => {
    const svg = $("chart").querySelector("svg");
    if (svg && drawn) svgToPng(svg, `pipeline-counts-${drawn.from}-${drawn.to}.png`);
  });
  $("chart-csv").addEventListener("click", () => {
    if (drawn) download(new Blob([chartCsv()], { type: "text/csv" }), `pipeline-counts-${drawn.from}-${drawn.to}.csv`);
  });
}

async function counts(venue, from, to) {
  const params = new URLSearchParams({ from: `${from}-01`, to: lastDay(to) < today() ? lastDay(to) : today() });
  if (venue) params.set("venue", venue);
  if (state.known_at) params.set("known_at", state.known_at);
  if (state.published_by) params.set("published_by", state.published_by);
  if (state.certain_only) params.set("certain_only", "true");
  const key = params.toString();
  if (!answers.has(key)) answers.set(key, await api("/stats/pipeline-counts", params));
  return answers.get(key);
}

export async function drawChart() {
  const [from, to] = chartRange();
  $("chart_from").value = from;
  $("chart_to").value = to;
  const byVenue = $("by_venue").checked && !state.venue;
  let panels;
  try {
    if (byVenue) {
      const all = await Promise.all(vocabulary.venues.map((venue) => counts(venue, from, to)));
      panels = all.map((answer, i) => ({ venue: vocabulary.venues[i], points: answer.points }))
        .filter((panel) => panel.points.some((p) => Object.values(p.counts).some(Boolean)));
    } else {
      panels = [{ venue: state.venue || "", points: (await counts(state.venue, from, to)).points }];
    }
  } catch (error) {
    $("chart").replaceChildren(el("p", { class: "problem", text: `Could not load counts: ${error.message}` }));
    return;
  }
  if (!panels.length) panels = [{ venue: "", points: [] }];
  const stages = vocabulary.stages.filter((stage) => panels.some((panel) => panel.points.some((p) => p.counts[stage])));
  drawn = { panels, stages, from, to };
  const clocks = clocksText(state).replace(/^Valid on [^,]+, /, "");
  $("chart-clocks").textContent = `${from} to ${to}, ${clocks} The red dashed line marks ${state.as_of}.`;
  const svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${panels.length * PANEL + 26}`, xmlns: "http://www.w3.org/2000/svg",
    "font-family": "system-ui, sans-serif", role: "presentation" });
  svg.append(svgEl("rect", { width: WIDTH, height: panels.length * PANEL + 26, fill: "white" }));
  svg.append(svgEl("text", { x: 4, y: 16, "font-size": 13, "font-weight": 600, fill: "#1d2430" },
    `Companies by stage at each month end, ${from} to ${to}${state.venue ? `, ${state.venue}` : ""}`));
  svg.append(svgEl("text", { x: 4, y: panels.length * PANEL + 20, "font-size": 10, fill: "#4a5260" },
    `${clocks} Source: hard-tech listing pipeline timeline.`));
  svg.append(patterns(stages));
  panels.forEach((panel, i) => drawPanel(svg, panel, stages, i * PANEL + 8));
  $("chart").replaceChildren(svg);
  $("chart").setAttribute("aria-label", `Companies by stage at each month end from ${from} to ${to}` +
    (panels.length > 1 ? `, one chart per venue: ${panels.map((p) => p.venue).join(", ")}` : ""));
  $("legend").replaceChildren(...stages.map((stage) => el("li", { "data-stage": stage },
    swatch(stage), stage)));
}

// Beyond colour: exits are hatched, every other progress stage dotted, so neighbours differ in print too.
function texture(stage) {
  const progress = vocabulary.progress.indexOf(stage);
  if (progress < 0) return "hatch";
  return progress % 2 ? "dots" : "solid";
}

function patterns(stages, prefix = "fill") {
  const defs = svgEl("defs");
  for (const stage of stages) {
    const kind = texture(stage);
    const pattern = svgEl("pattern", { id: `${prefix}-${stage}`, width: 6, height: 6, patternUnits: "userSpaceOnUse" },
      svgEl("rect", { width: 6, height: 6, fill: stageColour(stage) }));
    if (kind === "hatch") pattern.append(svgEl("path", { d: "M0 6 L6 0", stroke: "white", "stroke-width": 1.3 }));
    if (kind === "dots") pattern.append(svgEl("circle", { cx: 3, cy: 3, r: 1.1, fill: "white" }));
    defs.append(pattern);
  }
  return defs;
}

function swatch(stage) {
  const svg = svgEl("svg", { viewBox: "0 0 12 12", class: "swatch-svg", "aria-hidden": "true" });
  svg.append(patterns([stage], "swatch"), svgEl("rect", { width: 12, height: 12, fill: `url(#swatch-${stage})` }));
  return svg;
}

function niceStep(top) {
  const raw = top / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) || power * 10;
}

function drawPanel(svg, panel, stages, top) {
  const points = panel.points;
  const plotTop = top + TOP, height = PANEL - TOP - BOTTOM;
  const totals = points.map((p) => stages.reduce((sum, s) => sum + (p.counts[s] || 0), 0));
  const step = niceStep(Math.max(1, ...totals));
  const ceiling = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const band = (WIDTH - LEFT - RIGHT) / Math.max(points.length, 1);
  const y = (n) => plotTop + height - (n / ceiling) * height;
  if (panel.venue) svg.append(svgEl("text", { x: LEFT, y: top + 22, "font-size": 12, "font-weight": 600, fill: "#1d2430",
    class: "panel-title" }, panel.venue));
  for (let n = 0; n <= ceiling; n += step) {
    svg.append(svgEl("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: y(n), y2: y(n), stroke: n ? "#e3e7ec" : "#5b6472" }));
    svg.append(svgEl("text", { x: LEFT - 6, y: y(n) + 4, "text-anchor": "end", "font-size": 10, fill: "#4a5260",
      class: "y-tick" }, String(n)));
  }
  svg.append(svgEl("text", { x: 10, y: plotTop + height / 2, "font-size": 10, fill: "#4a5260",
    transform: `rotate(-90 10 ${plotTop + height / 2})`, "text-anchor": "middle" }, "companies"));
  const labelEvery = Math.ceil(12 / band); // a total above a bar only where it fits
  points.forEach((point, i) => {
    const x = LEFT + i * band;
    let base = 0;
    for (const stage of stages) {
      const n = point.counts[stage] || 0;
      if (!n) continue;
      svg.append(svgEl("rect", { x: x + 0.5, y: y(base + n), width: Math.max(band - 1.5, 1), height: y(base) - y(base + n),
        fill: `url(#fill-${stage})`, "data-stage": stage, "data-date": point.date },
      svgEl("title", {}, `${point.date}${panel.venue ? ` ${panel.venue}` : ""}: ${stage} ${n}`)));
      base += n;
    }
    if (totals[i] && i % labelEvery === 0) {
      svg.append(svgEl("text", { x: x + band / 2, y: y(totals[i]) - 3, "text-anchor": "middle", "font-size": 9,
        fill: "#1d2430", class: "value-label" }, String(totals[i])));
    }
    const month = Number(point.date.slice(5, 7));
    const bottom = plotTop + height;
    svg.append(svgEl("line", { x1: x + band / 2, x2: x + band / 2, y1: bottom, y2: bottom + (month === 12 ? 8 : 4),
      stroke: "#5b6472" }));
    const labelMonths = points.length <= 18 ? 1 : points.length <= 40 ? 3 : 0;
    if (labelMonths && (month - 1) % labelMonths === 0) {
      svg.append(svgEl("text", { x: x + band / 2, y: bottom + 15, "text-anchor": "middle", "font-size": 9, fill: "#4a5260",
        class: "month-tick" }, MONTHS[month - 1]));
    }
    // The first bar names its year too, unless a January follows too closely for both labels to fit.
    if (month === 1 || (i === 0 && (13 - month) * band > 40)) {
      svg.append(svgEl("text", { x: x + (month === 1 ? 0 : band / 2), y: bottom + 28, "font-size": 11, fill: "#1d2430",
        "font-weight": 600, class: "year-tick" }, point.date.slice(0, 4)));
    }
  });
  // The chosen day, between the month ends around it.
  const after = points.findIndex((p) => p.date >= state.as_of);
  if (after >= 0 && points.length && state.as_of >= `${points[0].date.slice(0, 8)}01`) {
    const x = LEFT + after * band + band / 2;
    svg.append(svgEl("line", { id: panel === drawn.panels[0] ? "chart-marker" : null, x1: x, x2: x, y1: plotTop - 6,
      y2: plotTop + height, stroke: "#d0021b", "stroke-width": 2, "stroke-dasharray": "6 3", "data-day": state.as_of }));
    svg.append(svgEl("text", { x: Math.min(x + 3, WIDTH - 70), y: plotTop - 8, "font-size": 10, fill: "#b0021b" },
      state.as_of));
  }
}

function chartCsv() {
  const byVenue = drawn.panels.length > 1 || drawn.panels[0].venue;
  const rows = [[...(byVenue ? ["venue"] : []), "month_end", ...drawn.stages, "total"]];
  for (const panel of drawn.panels) {
    for (const point of panel.points) {
      const values = drawn.stages.map((s) => point.counts[s] || 0);
      rows.push([...(byVenue ? [panel.venue] : []), point.date, ...values, values.reduce((a, b) => a + b, 0)]);
    }
  }
  return csvText(rows, $("bom").checked);
}

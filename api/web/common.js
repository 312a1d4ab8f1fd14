// What every part of the viewer shares: the state in the address, the vocabulary, the API, small DOM helpers.

// The vocabulary comes from the API (GET /vocabulary), so the page offers exactly the words the API reads.
export const vocabulary = { venues: [], stages: [], progress: [], sectors: [], kinds: [] };
export const FIRST_DAY = "2019-01-01";
export const CJK = /[\u3400-\u9fff]/;
export const SVG = "http://www.w3.org/2000/svg";

export const $ = (id) => document.getElementById(id);
export const el = (tag, attrs = {}, ...children) => {
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
export const svgEl = (tag, attrs = {}, ...children) => {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
};
export const today = () => new Date().toISOString().slice(0, 10);
export const dayNumber = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / 86400000);
export const dayText = (number) => new Date(number * 86400000).toISOString().slice(0, 10);

export const state = readState();

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
    chart_from: params.get("chart_from") || "",
    chart_to: params.get("chart_to") || "",
  };
}

export function writeState() {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value) params.set(key, value === true ? "true" : value);
  history.replaceState(null, "", `${location.pathname}?${params}`);
}

export function clockParams() {
  const params = new URLSearchParams({ as_of: state.as_of });
  if (state.known_at) params.set("known_at", state.known_at);
  if (state.published_by) params.set("published_by", state.published_by);
  if (state.certain_only) params.set("certain_only", "true");
  return params;
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(Array.isArray(detail) ? detail.map((d) => d.msg).join("; ") : detail || `HTTP ${status}`);
    this.status = status;
  }
}

export async function api(path, params) {
  const response = await fetch(params ? `${path}?${params}` : path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new ApiError(response.status, body.detail);
  return body;
}

export async function loadVocabulary() {
  const answer = await api("/vocabulary");
  vocabulary.venues = answer.venues;
  vocabulary.stages = answer.stages;
  vocabulary.progress = answer.progress_stages;
  vocabulary.sectors = answer.sectors;
  vocabulary.kinds = answer.kinds;
}

// One palette, in the stylesheet (--stage-NAME), for the board's swatches and the charts alike.
export function stageColour(stage) {
  return getComputedStyle(document.documentElement).getPropertyValue(`--stage-${stage}`).trim() || "#777";
}

export function download(blob, filename) {
  const link = el("a", { href: URL.createObjectURL(blob), download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export function csvText(rows, bom) {
  const cell = (value) => {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`; // as the API's CSVs: no formula runs in a spreadsheet
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (bom ? "\ufeff" : "") + rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

// An SVG drawing (self-contained: attributes, no stylesheet) as a PNG, twice its size for print.
export function svgToPng(svg, filename) {
  const box = svg.viewBox.baseVal;
  const source = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.onload = () => {
    const canvas = el("canvas", { width: box.width * 2, height: box.height * 2 });
    const context = canvas.getContext("2d");
    context.fillStyle = "white";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => download(blob, filename), "image/png");
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
}

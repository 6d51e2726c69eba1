// What the page shows right now, shared by its parts, and a small notice board for changes of it.
export const $ = id => document.getElementById(id);

export const COMMUNITIES = 'jurisdiction-communities';

/** Today's date where the browser is (a planner in Beijing at 07:00 sees today, not yesterday's UTC date). */
export function localDate(at = new Date()) {
  const pad = n => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export const state = {
  date: localDate(),
  descriptors: [],
  layers: {},          // id -> ol layer
  community: null,     // { name, geometry (EPSG:3857) }
  user: null,
  plugins: [],         // GET /api/plugins, re-read while the page is open
  renders: 0,
  dateLoads: 0,
  dateSettled: false,
  // The drawing under way: 'measure' or 'edit', with its OpenLayers interaction; clicks then belong to it.
  mode: null,
  draw: null,
  editing: null,       // { id?, feature } of a project site being edited
  drawEndedAt: -1,     // performance.now() when the last drawing ended (its finishing click opens no popup)
};

const listeners = {};

/** Calls `listener` whenever `what` changes: 'date', 'language', 'community', 'user', 'layers'. */
export function onChange(what, listener) {
  (listeners[what] ??= []).push(listener);
}

/** Tells every listener of `what`. */
export function changed(what) {
  for (const listener of listeners[what] ?? []) listener();
}

/** The status line under the map. */
export function setStatus(text, error) {
  $('status').textContent = text;
  $('status').className = error ? 'error' : 'muted';
}

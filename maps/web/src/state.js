// What the page shows right now, shared by its parts, and a small notice board for changes of it.
export const $ = id => document.getElementById(id);

export const COMMUNITIES = 'jurisdiction-communities';

export const state = {
  date: new Date().toISOString().slice(0, 10),
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

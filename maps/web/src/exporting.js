// Downloads (GET /api/maps/export) of a visible layer and printable maps (GET /api/maps/print) from the presets.
import { $, state } from './state.js';
import { title } from './i18n.js';

/** Refills the layer choices of export (visible layers) and statistics (every layer), keeping the choice. */
export function fillLayerSelects() {
  for (const id of ['export-layer', 'stats-layer']) {
    const select = $(id);
    const previous = select.value;
    select.replaceChildren(...state.descriptors.filter(d => id === 'stats-layer' || state.layers[d.id].getVisible()).map(d => new Option(title(d), d.id)));
    if ([...select.options].some(o => o.value === previous)) select.value = previous;
  }
  updateExportLink();
}

export function updateExportLink() {
  const params = new URLSearchParams({ layer: $('export-layer').value, format: $('export-format').value, date: state.date });
  if (state.community) params.set('community', state.community.name);
  $('export-link').href = `/api/maps/export?${params}`;
  $('export-link').setAttribute('download', '');
}

export async function loadPresets() {
  const response = await fetch('/api/maps/presets');
  state.presets = response.ok ? await response.json() : [];
  translatePresets();
}

export function translatePresets() {
  const select = $('print-preset');
  const previous = select.value;
  select.replaceChildren(...(state.presets ?? []).map(p => new Option(title(p), p.id)));
  if (previous) select.value = previous;
  updatePrintLink();
}

export function updatePrintLink() {
  const params = new URLSearchParams({ preset: $('print-preset').value, size: $('print-size').value, format: $('print-format').value, date: state.date });
  $('print-link').href = `/api/maps/print?${params}`;
}

export function setUpExporting() {
  $('export-layer').onchange = $('export-format').onchange = updateExportLink;
  $('print-preset').onchange = $('print-size').onchange = $('print-format').onchange = updatePrintLink;
}

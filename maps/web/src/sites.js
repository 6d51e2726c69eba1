// Editing project sites on the map (administrators; the registers API): draw a new site, reshape one, change its
// status. The statuses offered, and their names, are the legend of the sites layer, as the server states them.
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { fromLonLat } from 'ol/proj.js';
import { $, state, onChange } from './state.js';
import { t, title } from './i18n.js';
import { map, scratch } from './mapview.js';
import { stopDrawing } from './measuring.js';
import { onFeatureClick } from './popups.js';
import { problemDetail } from './auth.js';

export const SITES = 'registers-sites';
const geojson = new GeoJSON();
let pickingSite = false;
let modify = null;

const editMessage = (text, error) => { $('edit-message').textContent = text; $('edit-message').className = error ? 'error' : 'muted'; };

function endEdit() {
  stopDrawing();
  if (modify) map.removeInteraction(modify);
  modify = null;
  state.editing = null;
  pickingSite = false;
  $('edit-save').disabled = true;
}

function enableModify() {
  modify = new Modify({ source: scratch });
  map.addInteraction(modify);
}

async function pickSite(hits) {
  if (!pickingSite) return;
  const hit = hits.find(h => h.d.id === SITES);
  if (!hit) return;
  pickingSite = false;
  const id = hit.props.fid ?? hit.feature.getId();
  const response = await fetch(`/ogc/collections/${SITES}/items/${encodeURIComponent(id)}`);
  if (!response.ok) return editMessage(await problemText(response), true);
  const f = geojson.readFeature(await response.json(), { featureProjection: 'EPSG:3857' });
  scratch.clear();
  scratch.addFeature(f);
  state.editing = { id, feature: f };
  $('edit-name').value = f.get('name') ?? '';
  $('edit-save').disabled = false;
  enableModify();
}

const sitesGeometry = () =>
  geojson.writeGeometryObject(state.editing.feature.getGeometry(), { featureProjection: 'EPSG:3857', dataProjection: 'EPSG:4326', decimals: 8 });

const send = (method, url, body) => fetch(url, { method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const problemText = async response => `${t('rejected')} (${response.status}): ${await problemDetail(response)}`;

async function afterEdit(response) {
  if (response.ok) {
    editMessage(t('saved'));
    endEdit();
    scratch.clear();
    state.layers[SITES]?.getSource().refresh();
    return;
  }
  const p = await response.clone().json().catch(() => ({}));
  editMessage(await problemText(response), true);
  if (Array.isArray(p.location)) {
    scratch.addFeature(new Feature(new Point(fromLonLat(p.location))));
    map.getView().animate({ center: fromLonLat(p.location), duration: 300 });
  }
}

/** The status choices from the sites layer's legend (value and label as GET /api/layers gives them). */
export function fillStatuses() {
  const select = $('edit-status');
  const previous = select.value;
  const legend = state.descriptors.find(d => d.id === SITES)?.style.legend ?? [];
  select.replaceChildren(...legend.map(e => new Option(title(e), e.value)));
  if (previous) select.value = previous;
}

export function setUpSiteEditing() {
  onFeatureClick(pickSite);
  onChange('user', () => { $('edit-section').hidden = !(state.user?.roles || []).includes('administrator') });
  $('edit-cancel').onclick = () => { endEdit(); scratch.clear(); editMessage(''); };
  $('edit-draw').onclick = e => {
    endEdit();
    scratch.clear();
    state.mode = 'edit';
    e.currentTarget.classList.add('active');
    editMessage(t('drawHint'));
    const draw = new Draw({ source: scratch, type: 'Polygon' });
    draw.on('drawend', ev => {
      state.drawEndedAt = performance.now();
      state.editing = { feature: ev.feature };
      $('edit-save').disabled = false;
      setTimeout(() => { map.removeInteraction(draw); state.draw = null; state.mode = null; enableModify(); }, 0);
    });
    state.draw = draw;
    map.addInteraction(draw);
  };
  $('edit-pick').onclick = () => { endEdit(); pickingSite = true; editMessage(t('clickToPick')); };
  $('edit-save').onclick = async () => {
    if (!state.editing) return editMessage(t('pickFirst'), true);
    const name = $('edit-name').value.trim();
    let response;
    if (state.editing.id) {
      response = await send('PUT', `/api/sites/${encodeURIComponent(state.editing.id)}/geometry`, { geometry: sitesGeometry(), reason: $('edit-reason').value || undefined });
    } else {
      if (!name) return editMessage(t('needName'), true);
      response = await send('POST', '/api/sites', { name, geometry: sitesGeometry() });
    }
    await afterEdit(response);
  };
  $('edit-status-apply').onclick = async () => {
    if (!state.editing?.id) return editMessage(t('pickFirst'), true);
    await afterEdit(await send('POST', `/api/sites/${encodeURIComponent(state.editing.id)}/status`, { status: $('edit-status').value, reason: $('edit-reason').value || undefined }));
  };
}

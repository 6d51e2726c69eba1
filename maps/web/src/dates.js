// The date the map is drawn for (slider and date input) and the community filter, which follows the date.
import GeoJSON from 'ol/format/GeoJSON.js';
import { $, state, COMMUNITIES, changed } from './state.js';
import { t } from './i18n.js';
import { map } from './mapview.js';
import { followDate, restyle } from './layers.js';

export const FIRST_DAY = '2015-01-01';
const dayMs = 86400000;
const dayIndex = date => Math.round((Date.parse(date) - Date.parse(FIRST_DAY)) / dayMs);
const dateOf = index => new Date(Date.parse(FIRST_DAY) + index * dayMs).toISOString().slice(0, 10);
const geojson = new GeoJSON();

export function setDate(date) {
  state.date = date;
  state.dateLoads = 0;
  state.dateSettled = false;
  $('date-slider').value = dayIndex(date);
  $('date-input').value = date;
  showDate();
  followDate();
  loadCommunities();
  changed('date');
}

export const showDate = (date = state.date) => { $('date-note').textContent = `${t('asOf')} ${date}`; };

export function setUpDates() {
  const slider = $('date-slider');
  slider.max = dayIndex(state.date);
  slider.oninput = () => showDate(dateOf(+slider.value));
  slider.onchange = () => setDate(dateOf(+slider.value));
  $('date-input').min = FIRST_DAY;
  $('date-input').onchange = () => $('date-input').value && setDate($('date-input').value);
  $('community-filter').onchange = applyCommunity;
}

async function loadCommunities() {
  const select = $('community-filter');
  const previous = select.value;
  const response = await fetch(`/ogc/collections/${COMMUNITIES}/items?limit=1000&datetime=${state.date}`);
  const items = response.ok ? await response.json() : { features: [] };
  state.communityFeatures = items.features;
  select.replaceChildren(new Option(t('allCommunities'), ''), ...items.features.map(f => new Option(f.properties.name, f.properties.name)));
  select.value = items.features.some(f => f.properties.name === previous) ? previous : '';
  applyCommunity();
}

function applyCommunity() {
  const name = $('community-filter').value;
  const f = (state.communityFeatures || []).find(x => x.properties.name === name);
  state.community = f ? { name, geometry: geojson.readGeometry(f.geometry, { featureProjection: 'EPSG:3857' }) } : null;
  restyle();
  if (state.community) map.getView().fit(state.community.geometry.getExtent(), { padding: [40, 40, 40, 40], duration: 300 });
  changed('community');
}

/** Filters the map to a community by name, when the filter offers it. */
export function selectCommunity(name) {
  const select = $('community-filter');
  if ([...select.options].some(o => o.value === name)) { select.value = name; applyCommunity(); }
}

export function translateDates() {
  const first = $('community-filter').options[0];
  if (first) first.text = t('allCommunities');
  showDate();
}

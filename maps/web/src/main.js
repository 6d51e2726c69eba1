// The web map: wires the parts together and starts them. Each part is a module of its own concern.
import './style.css';
import { transformExtent } from 'ol/proj.js';
import { $, state, changed, onChange, setStatus, COMMUNITIES } from './state.js';
import { t, language, setLanguage } from './i18n.js';
import { map } from './mapview.js';
import { addLayer, renderLayerList } from './layers.js';
import { setDate, setUpDates, translateDates } from './dates.js';
import { setUpSearch } from './search.js';
import { setUpPopups } from './popups.js';
import { setUpMeasuring } from './measuring.js';
import { fillLayerSelects, loadPresets, setUpExporting, translatePresets, updateExportLink, updatePrintLink } from './exporting.js';
import { setUpStatistics } from './statistics.js';
import { refreshUser, setUpAuth } from './auth.js';
import { fillStatuses, setUpSiteEditing } from './sites.js';
import { setUpPanels } from './panels.js';
import { installHooks } from './hooks.js';

function applyLanguage() {
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  $('lang').textContent = language() === 'zh' ? 'English' : '中文';
  renderLayerList();
  fillLayerSelects();
  fillStatuses();
  translatePresets();
  translateDates();
  refreshUser();
  changed('language');
}

const switchLanguage = lang => { setLanguage(lang); applyLanguage(); };

async function start() {
  const response = await fetch('/api/layers');
  state.descriptors = (await response.json()).filter(d => d.id && d.fields);
  state.descriptors.forEach(addLayer);
  setUpDates();
  setUpSearch();
  setUpPopups();
  setUpMeasuring();
  setUpExporting();
  setUpStatistics();
  setUpAuth();
  setUpSiteEditing();
  onChange('layers', fillLayerSelects);
  onChange('date', () => { updateExportLink(); updatePrintLink(); });
  onChange('community', updateExportLink);
  $('lang').onclick = () => switchLanguage(language() === 'zh' ? 'en' : 'zh');

  const street = await fetch('/ogc/collections/jurisdiction-street');
  if (street.ok) {
    const bbox = (await street.json()).extent?.spatial?.bbox?.[0];
    if (bbox && bbox[0] > -180) map.getView().fit(transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [30, 30, 30, 30] });
  }
  await loadPresets();
  applyLanguage();
  $('stats-layer').value = state.descriptors.some(d => d.id === COMMUNITIES) ? COMMUNITIES : $('stats-layer').value;
  setDate(state.date);
  window.platformMap.ready = true;
  // The plugin list also names the scenes' layer groups: the layer list is redrawn when it changes.
  setUpPanels(renderLayerList);
}

installHooks({ setDate, setLanguage: switchLanguage });
start().catch(e => setStatus(String(e), true));

// Search by name (GET /api/maps/search): a list of hits; a click zooms to one and marks it.
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import { $, state } from './state.js';
import { t, language } from './i18n.js';
import { map, scratch } from './mapview.js';

export function setUpSearch() {
  $('search-form').onsubmit = async e => {
    e.preventDefault();
    const q = $('search-text').value.trim();
    const list = $('search-results');
    list.replaceChildren();
    if (!q) return;
    const response = await fetch(`/api/maps/search?q=${encodeURIComponent(q)}&date=${state.date}`);
    const hits = response.ok ? await response.json() : [];
    if (!hits.length) {
      const none = document.createElement('li');
      none.className = 'muted';
      none.textContent = t('noResults');
      list.append(none);
      return;
    }
    for (const hit of hits) {
      const li = document.createElement('li');
      li.textContent = `${hit.name} · ${language() === 'zh' ? hit.layerTitleZh : hit.layerTitleEn}`;
      li.onclick = () => {
        map.getView().fit(transformExtent(hit.bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [80, 80, 80, 80], maxZoom: 17, duration: 300 });
        scratch.clear();
        scratch.addFeature(new Feature(new Point(fromLonLat(hit.point))));
      };
      list.append(li);
    }
  };
}

// The complaint heat map (投诉热力图), the governance module's web panel: complaints of the chosen year and category as an
// OpenLayers heat map over the web map, with the year's figures per compound. Reads only public answers (no reporter).
import HeatmapLayer from 'ol/layer/Heatmap.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';

export const strings = {
  zh: { all: '全部类别', received: '收到', responded: '已回复', rate: '回复率', median: '回复用时中位数（小时）', compound: '小区', show: '显示热力图' },
  en: { all: 'All categories', received: 'Received', responded: 'Responded', rate: 'Response rate', median: 'Median hours to respond', compound: 'Compound', show: 'Show heat map' },
};

/** @param {object} panel what the web map offers a panel (docs/plugins.md, "Web panels") */
export default function heatmapPanel(panel) {
  const source = new VectorSource();
  const layer = new HeatmapLayer({ source, blur: 18, radius: 10, zIndex: 500, visible: true });
  panel.map.addLayer(layer);
  const toggle = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = true;
  box.onchange = () => layer.setVisible(box.checked);
  const caption = document.createElement('span');
  toggle.append(box, caption);
  const category = document.createElement('select');
  const table = document.createElement('table');
  table.id = 'governance-heat-table';
  panel.element.append(toggle, category, table);
  let complaints = [];
  let categories = [];
  let asked = 0;
  panel.expose('complaintHeat', () => source.getFeatures().length);

  function draw() {
    const year = panel.date().slice(0, 4);
    const chosen = category.value;
    source.clear();
    source.addFeatures(complaints
      .filter(c => c.filedAt.startsWith(year) && (!chosen || c.category === chosen))
      .map(c => new Feature({ geometry: new Point(fromLonLat(c.location)) })));
  }

  async function update() {
    const ask = ++asked;
    const year = panel.date().slice(0, 4);
    const [list, names, figures] = await Promise.all([
      fetch('/api/governance/complaints').then(r => r.json()),
      fetch('/api/governance/complaint-categories').then(r => r.json()),
      fetch(`/api/governance/complaints/figures?year=${year}`).then(r => r.json()),
    ]);
    if (ask !== asked) return;
    complaints = list;
    categories = names;
    const { t } = panel;
    caption.textContent = t('show');
    const current = category.value;
    category.replaceChildren(new Option(t('all'), ''), ...categories.map(c => new Option(panel.language() === 'zh' ? c.nameZh : c.nameEn || c.nameZh, c.code)));
    category.value = current;
    category.onchange = draw;
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const h of [t('compound'), t('received'), t('responded'), t('rate'), t('median')]) head.insertCell().textContent = h;
    const body = table.createTBody();
    for (const row of figures.byCompound) {
      const tr = body.insertRow();
      tr.insertCell().textContent = row.name;
      tr.insertCell().textContent = row.received;
      tr.insertCell().textContent = row.responded;
      tr.insertCell().textContent = `${Math.round(row.responseRate * 1000) / 10}%`;
      tr.insertCell().textContent = row.medianHoursToRespond ?? '—';
    }
    draw();
  }

  return { update, dispose: () => panel.map.removeLayer(layer) };
}

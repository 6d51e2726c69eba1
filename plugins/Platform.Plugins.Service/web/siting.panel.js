// Siting a new facility, a web panel of the service scene (SDK WebPanel): for a category the life-circle standard
// requires, the k places that newly bring the most households within walking distance, chosen among planning sites
// and vacant land. The choices are listed and drawn on the map, numbered by rank.
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { Fill, Stroke, Style, Circle as CircleStyle, Text } from 'ol/style.js';
import css from './siting.css?inline';

export const strings = {
  zh: {
    category: '设施类别', fromSites: '拟建/已批复规划点位', grid: '空地网格', spacing: '间距（米）', run: '计算选址', running: '计算中…',
    result: c => `${c.rank}. ${c.candidate}：新增覆盖 ${c.householdsGained.toLocaleString('en')} 户（${c.compoundsGained.join('、')}）`,
    none: '没有能新增覆盖的候选点', candidates: n => `共比较 ${n} 个候选点`,
    method: { 'road-network': '沿路网步行距离', 'straight-line': '直线距离×绕行系数', mixed: '沿路网，离路较远处按直线×绕行系数' },
  },
  en: {
    category: 'Facility category', fromSites: 'proposed/approved sites', grid: 'vacant-land grid', spacing: 'spacing (m)', run: 'Find sites', running: 'Computing…',
    result: c => `${c.rank}. ${c.candidate}: ${c.householdsGained.toLocaleString('en')} more households (${c.compoundsGained.join(', ')})`,
    none: 'No candidate brings more households within reach', candidates: n => `${n} candidates compared`,
    method: { 'road-network': 'walking along roads', 'straight-line': 'straight line × detour factor', mixed: 'along roads; straight line × detour factor away from them' },
  },
};

const html = `
  <div class="row"><select id="siting-category"></select> <label>k <input id="siting-k" class="siting-k" type="number" min="1" max="10" value="3" size="2"></label></div>
  <div class="row"><label><input id="siting-sites" type="checkbox" checked> <span data-text="fromSites"></span></label></div>
  <div class="row"><label><input id="siting-grid" type="checkbox" checked> <span data-text="grid"></span></label>
    <label><span data-text="spacing"></span> <input id="siting-spacing" class="siting-spacing" type="number" min="50" max="2000" step="50" value="200"></label></div>
  <button id="siting-run" type="button" data-text="run"></button>
  <div id="siting-note" class="muted"></div>
  <ul id="siting-results" class="siting-results"></ul>`;

/** @param {object} panel what the web map offers a panel (docs/plugins.md, "Web panels") */
export default function sitingPanel(panel) {
  panel.addStyle(css);
  panel.element.innerHTML = html;
  const $ = id => panel.element.querySelector(`#${id}`);
  const source = new VectorSource();
  const layer = new VectorLayer({
    source, zIndex: 1001,
    style: f => new Style({
      image: new CircleStyle({ radius: 11, fill: new Fill({ color: '#8e44ad' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: new Text({ text: String(f.get('rank')), fill: new Fill({ color: '#fff' }), font: 'bold 12px sans-serif' }),
    }),
  });
  panel.map.addLayer(layer);
  panel.expose('sitingChoices', () => source.getFeatures().map(f => ({ rank: f.get('rank'), lonLat: toLonLat(f.getGeometry().getCoordinates()) })));
  let standard = null;
  let categories = null;

  const show = choices => {
    source.clear();
    source.addFeatures(choices.map(c => new Feature({ geometry: new Point(fromLonLat([c.lon, c.lat])), rank: c.rank, name: c.candidate })));
  };

  async function run() {
    const { t } = panel;
    const list = $('siting-results');
    const note = $('siting-note');
    const button = $('siting-run');
    button.disabled = true;
    note.className = 'muted';
    note.textContent = t('running');
    list.replaceChildren();
    try {
      const body = { category: $('siting-category').value, k: Number($('siting-k').value), fromSites: $('siting-sites').checked };
      if ($('siting-grid').checked) body.gridMetres = Number($('siting-spacing').value);
      const response = await fetch('/api/scenes/service/siting', {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (!response.ok) {
        note.className = 'error';
        note.textContent = panel.language() === 'en' ? answer.detail : answer.detailZh ?? answer.detail;
        show([]);
        return;
      }
      note.textContent = `${t('candidates')(answer.candidates)} · ${t('method')[answer.method] ?? answer.method}`;
      if (!answer.choices.length) note.textContent += ` · ${t('none')}`;
      for (const c of answer.choices) {
        const li = document.createElement('li');
        li.textContent = t('result')(c);
        li.dataset.rank = c.rank;
        li.onclick = () => panel.focus(c.lon, c.lat);
        list.append(li);
      }
      show(answer.choices);
    } finally {
      button.disabled = false;
    }
  }
  $('siting-run').onclick = run;

  return {
    async update() {
      const en = panel.language() === 'en';
      panel.element.querySelectorAll('[data-text]').forEach(el => { el.textContent = panel.t(el.dataset.text); });
      $('siting-category').title = panel.t('category');
      if (!standard) {
        const [s, c] = await Promise.all([fetch('/api/scenes/service/standard'), fetch('/api/facilities/categories')]);
        if (!s.ok) throw new Error(`standard: ${s.status}`);
        standard = await s.json();
        categories = c.ok ? await c.json() : [];
      }
      const select = $('siting-category');
      const previous = select.value;
      select.replaceChildren(...standard.levels.flatMap(level => level.categories.map(code => {
        const category = categories.find(x => x.code === code);
        const name = category ? (en ? category.nameEn : category.nameZh) : code;
        return new Option(`${name} · ${en ? level.nameEn : level.nameZh}`, code);
      })));
      if ([...select.options].some(o => o.value === previous)) select.value = previous;
    },
    dispose() { panel.map.removeLayer(layer); },
  };
}

// Siting of a new facility (service scene): for a category the life-circle standard requires, the k places that
// newly bring the most households within walking distance, chosen among planning sites and vacant land.
// The choices are listed and drawn on the map (numbered by rank).

const TEXT = {
  zh: {
    fromSites: '拟建/已批复规划点位', grid: '空地网格', spacing: '间距（米）', run: '计算选址', running: '计算中…',
    result: c => `${c.rank}. ${c.candidate}：新增覆盖 ${c.householdsGained.toLocaleString('en')} 户（${c.compoundsGained.join('、')}）`,
    none: '没有能新增覆盖的候选点', candidates: n => `共比较 ${n} 个候选点`,
    method: { 'road-network': '沿路网步行距离', 'straight-line': '直线距离×绕行系数', mixed: '沿路网，离路较远处按直线×绕行系数' },
  },
  en: {
    fromSites: 'proposed/approved sites', grid: 'vacant-land grid', spacing: 'spacing (m)', run: 'Find sites', running: 'Computing…',
    result: c => `${c.rank}. ${c.candidate}: ${c.householdsGained.toLocaleString('en')} more households (${c.compoundsGained.join(', ')})`,
    none: 'No candidate brings more households within reach', candidates: n => `${n} candidates compared`,
    method: { 'road-network': 'walking along roads', 'straight-line': 'straight line × detour factor', mixed: 'along roads; straight line × detour factor away from them' },
  },
};

import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { Fill, Stroke, Style, Circle as CircleStyle, Text } from 'ol/style.js';

let categories = null;

/** A layer on `map` for the choices, numbered by rank: `show(choices)` draws them, `choices()` reads them back. */
export function createSitingLayer(map) {
  const source = new VectorSource();
  map.addLayer(new VectorLayer({
    source, zIndex: 1001,
    style: f => new Style({
      image: new CircleStyle({ radius: 11, fill: new Fill({ color: '#8e44ad' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: new Text({ text: String(f.get('rank')), fill: new Fill({ color: '#fff' }), font: 'bold 12px sans-serif' }),
    }),
  }));
  return {
    show(choices) {
      source.clear();
      source.addFeatures(choices.map(c => new Feature({ geometry: new Point(fromLonLat([c.lon, c.lat])), rank: c.rank, name: c.candidate })));
    },
    choices: () => source.getFeatures().map(f => ({ rank: f.get('rank'), lonLat: toLonLat(f.getGeometry().getCoordinates()) })),
  };
}

/**
 * Prepares the siting section (hidden when the service scene is not running).
 * @param {{ lang: string, coverage: object | null, showChoices: (choices: object[]) => void, focus: (lon: number, lat: number) => void }} options
 */
export async function setUpSiting({ lang, coverage, showChoices, focus }) {
  const section = document.getElementById('siting-section');
  if (!coverage) { section.hidden = true; return; }
  section.hidden = false;
  const text = TEXT[lang] ?? TEXT.zh;
  if (!categories) {
    const response = await fetch('/api/facilities/categories');
    categories = response.ok ? await response.json() : [];
  }
  const select = document.getElementById('siting-category');
  const previous = select.value;
  select.replaceChildren(...coverage.standard.flatMap(level => level.categories.map(code => {
    const c = categories.find(x => x.code === code);
    const name = c ? (lang === 'en' ? c.nameEn : c.nameZh) : code;
    return new Option(`${name} · ${lang === 'en' ? level.nameEn : level.nameZh}`, code);
  })));
  if ([...select.options].some(o => o.value === previous)) select.value = previous;
  document.getElementById('siting-sites-label').textContent = text.fromSites;
  document.getElementById('siting-grid-label').textContent = text.grid;
  document.getElementById('siting-spacing-label').textContent = text.spacing;
  const run = document.getElementById('siting-run');
  run.textContent = text.run;
  run.onclick = async () => {
    const list = document.getElementById('siting-results');
    const note = document.getElementById('siting-note');
    run.disabled = true;
    note.className = 'muted';
    note.textContent = text.running;
    list.replaceChildren();
    try {
      const body = {
        category: select.value,
        k: Number(document.getElementById('siting-k').value),
        fromSites: document.getElementById('siting-sites').checked,
      };
      if (document.getElementById('siting-grid').checked) body.gridMetres = Number(document.getElementById('siting-spacing').value);
      const response = await fetch('/api/scenes/service/siting', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await response.json();
      if (!response.ok) {
        note.className = 'error';
        note.textContent = lang === 'en' ? answer.detail : answer.detailZh ?? answer.detail;
        showChoices([]);
        return;
      }
      note.textContent = `${text.candidates(answer.candidates)} · ${text.method[answer.method] ?? answer.method}`;
      if (!answer.choices.length) note.textContent += ` · ${text.none}`;
      for (const c of answer.choices) {
        const li = document.createElement('li');
        li.textContent = text.result(c);
        li.dataset.rank = c.rank;
        li.onclick = () => focus(c.lon, c.lat);
        list.append(li);
      }
      showChoices(answer.choices);
    } finally {
      run.disabled = false;
    }
  };
}

// The service scene's life-circle coverage per community (GB 50180-2018): a table of the share of households
// whose compound reaches every required facility of a level, drawn as bars, with how distances were walked.
// Hidden when the service scene is not running. A click on a community filters the map to it.

const LEVELS = [
  { key: 'block', zh: '居住街坊', en: 'Block' },
  { key: '5min', zh: '5分钟', en: '5 min' },
  { key: '10min', zh: '10分钟', en: '10 min' },
  { key: '15min', zh: '15分钟', en: '15 min' },
];

const TEXT = {
  zh: {
    community: '社区', households: '户数', method: { 'road-network': '沿路网步行距离', 'straight-line': '直线距离×绕行系数', mixed: '沿路网，离路较远处按直线×绕行系数' },
    note: '表中为设施齐全的住户比例（各层级不相互替代）', network: n => `路网 ${n.edges} 段、${(n.lengthMetres / 1000).toFixed(1)} km${n.components > 1 ? `，${n.components} 个不连通部分` : ''}`,
  },
  en: {
    community: 'Community', households: 'Households', method: { 'road-network': 'walking distance along roads', 'straight-line': 'straight line × detour factor', mixed: 'along roads; straight line × detour factor away from them' },
    note: 'Share of households whose compound reaches every required facility (levels do not stand in for each other)',
    network: n => `road network ${n.edges} edges, ${(n.lengthMetres / 1000).toFixed(1)} km${n.components > 1 ? `, ${n.components} unconnected parts` : ''}`,
  },
};

/**
 * Fills the coverage section for a date. Returns the answer (or null when the scene is not running).
 * @param {{ date: string, lang: string, onCommunity: (name: string) => void }} options
 */
export async function loadCoverage({ date, lang, onCommunity }) {
  const section = document.getElementById('coverage-section');
  const response = await fetch(`/api/scenes/service/coverage?date=${encodeURIComponent(date)}`);
  if (!response.ok) { section.hidden = true; return null; }
  const coverage = await response.json();
  const text = TEXT[lang] ?? TEXT.zh;
  section.hidden = false;
  const method = text.method[coverage.method] ?? coverage.method;
  const [open, close] = lang === 'en' ? [' (', ')'] : ['（', '）'];
  document.getElementById('coverage-method').textContent =
    `${method}${coverage.network ? `${open}${text.network(coverage.network)}${close}` : ''}`;
  document.getElementById('coverage-method').dataset.method = coverage.method;
  document.getElementById('coverage-note').textContent = text.note;

  const table = document.getElementById('coverage-table');
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const h of [text.community, text.households, ...LEVELS.map(l => (lang === 'en' ? l.en : l.zh))]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const c of coverage.communities) {
    const tr = body.insertRow();
    tr.dataset.community = c.community;
    tr.title = c.community;
    tr.onclick = () => onCommunity(c.community);
    tr.insertCell().textContent = c.community;
    tr.insertCell().textContent = c.households.toLocaleString('en');
    for (const level of LEVELS) {
      const share = c.shareSatisfied[level.key] ?? 0;
      const cell = tr.insertCell();
      cell.className = 'share';
      cell.dataset.level = level.key;
      cell.textContent = `${Math.round(share * 100)}%`;
      cell.title = `${c.householdsSatisfied[level.key] ?? 0} / ${c.households}`;
      // The bar behind the figure: green where served, light red where not.
      const p = Math.round(share * 100);
      cell.style.background = `linear-gradient(to right, #a9dfbf ${p}%, #f5d5d0 ${p}%)`;
    }
  }
  return coverage;
}

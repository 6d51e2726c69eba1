// The life-circle coverage per community (GB 50180-2018), a web panel of the service scene (SDK WebPanel):
// the share of households whose compound reaches every required facility of a level, drawn as bars, with how
// distances were walked. A click on a community filters the map to it.
import css from './coverage.css?inline';

const LEVELS = ['block', '5min', '10min', '15min'];

export const strings = {
  zh: {
    community: '社区', households: '户数', block: '居住街坊', '5min': '5分钟', '10min': '10分钟', '15min': '15分钟',
    method: { 'road-network': '沿路网步行距离', 'straight-line': '直线距离×绕行系数', mixed: '沿路网，离路较远处按直线×绕行系数' },
    note: '表中为设施齐全的住户比例（各层级不相互替代）',
    network: n => `（路网 ${n.edges} 段、${(n.lengthMetres / 1000).toFixed(1)} km${n.components > 1 ? `，${n.components} 个不连通部分` : ''}）`,
  },
  en: {
    community: 'Community', households: 'Households', block: 'Block', '5min': '5 min', '10min': '10 min', '15min': '15 min',
    method: { 'road-network': 'walking distance along roads', 'straight-line': 'straight line × detour factor', mixed: 'along roads; straight line × detour factor away from them' },
    note: 'Share of households whose compound reaches every required facility (levels do not stand in for each other)',
    network: n => ` (road network ${n.edges} edges, ${(n.lengthMetres / 1000).toFixed(1)} km${n.components > 1 ? `, ${n.components} unconnected parts` : ''})`,
  },
};

/** @param {object} panel what the web map offers a panel (docs/plugins.md, "Web panels") */
export default function coveragePanel(panel) {
  panel.addStyle(css);
  const method = document.createElement('div');
  method.id = 'coverage-method';
  method.className = 'muted';
  const table = document.createElement('table');
  table.id = 'coverage-table';
  const note = document.createElement('div');
  note.className = 'muted';
  panel.element.append(method, table, note);
  let coverage = null;
  let asked = 0;
  panel.expose('coverage', () => coverage);

  function render() {
    const { t } = panel;
    method.textContent = `${t('method')[coverage.method] ?? coverage.method}${coverage.network ? t('network')(coverage.network) : ''}`;
    method.dataset.method = coverage.method;
    note.textContent = t('note');
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const h of [t('community'), t('households'), ...LEVELS.map(t)]) {
      const th = document.createElement('th');
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    for (const c of coverage.communities) {
      const tr = body.insertRow();
      tr.dataset.community = c.community;
      tr.title = c.community;
      tr.onclick = () => panel.selectCommunity(c.community);
      tr.insertCell().textContent = c.community;
      tr.insertCell().textContent = c.households.toLocaleString('en');
      for (const level of LEVELS) {
        const share = c.shareSatisfied[level] ?? 0;
        const cell = tr.insertCell();
        cell.className = 'share';
        cell.dataset.level = level;
        cell.textContent = `${Math.round(share * 100)}%`;
        cell.title = `${c.householdsSatisfied[level] ?? 0} / ${c.households}`;
        // The bar behind the figure: green where served, light red where not.
        const p = Math.round(share * 100);
        cell.style.background = `linear-gradient(to right, #a9dfbf ${p}%, #f5d5d0 ${p}%)`;
      }
    }
  }

  return {
    async update() {
      const ask = ++asked;
      const response = await fetch(`/api/scenes/service/coverage?date=${encodeURIComponent(panel.date())}`);
      if (!response.ok) throw new Error(`coverage: ${response.status}`);
      const answer = await response.json();
      // A later date or language may have been asked for meanwhile: only the latest answer is shown.
      if (ask !== asked) return;
      coverage = answer;
      render();
    },
    dispose() { asked++; },
  };
}

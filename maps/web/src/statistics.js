// Statistics of a layer per community (counts, areas or lengths) as a table and a bar chart.
import { $, state, onChange, setStatus } from './state.js';
import { t } from './i18n.js';

/** Shows the statistics of the chosen layer for the current date. */
export function loadStatistics() {
  return showStatistics({ layer: $('stats-layer').value, date: state.date, t }).catch(e => setStatus(String(e), true));
}

export function setUpStatistics() {
  $('stats-layer').onchange = loadStatistics;
  $('stats-toggle').onclick = () => $('stats').classList.toggle('collapsed');
  onChange('date', loadStatistics);
  onChange('language', loadStatistics);
}

/**
 * Fills the statistics panel for a layer on a date: a table and a bar chart per community.
 * @param {{ layer: string, date: string, t: (key: string) => string }} options
 */
export async function showStatistics({ layer, date, t }) {
  if (!layer) return;
  const response = await fetch(`/api/maps/statistics?layer=${encodeURIComponent(layer)}&date=${date}`);
  if (!response.ok) { $('stats-table').replaceChildren(); return; }
  const s = await response.json();
  const rows = [...s.communities, { ...s.outside, name: t('outside') }];
  const measureKey = s.geometryType.toLowerCase().includes('polygon') ? 'areaSquareMetres' : s.geometryType.toLowerCase().includes('line') ? 'lengthMetres' : null;
  const table = $('stats-table');
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const h of [t('community'), t('count'), ...(measureKey ? [measureKey === 'areaSquareMetres' ? t('areaM2') : t('lengthM')] : [])]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.insertCell().textContent = r.name;
    tr.insertCell().textContent = r.count;
    if (measureKey) tr.insertCell().textContent = Math.round(r[measureKey]).toLocaleString('en');
  }
  const total = body.insertRow();
  total.insertCell().textContent = t('total');
  total.insertCell().textContent = s.total;
  renderChart(rows, measureKey, t);
}

function renderChart(rows, measureKey, t) {
  const w = 400, bar = 14, gap = 4, labelW = 90;
  const max = Math.max(1, ...rows.map(r => r.count));
  const maxM = measureKey ? Math.max(1, ...rows.map(r => r[measureKey])) : 1;
  const h = rows.length * (bar + gap) + 4;
  const parts = rows.map((r, i) => {
    const y = i * (bar + gap) + 2;
    const cw = (w - labelW - 40) * r.count / max;
    const mw = measureKey ? (w - labelW - 40) * r[measureKey] / maxM : 0;
    return `<text x="${labelW - 4}" y="${y + bar - 3}" text-anchor="end" font-size="11">${escapeXml(r.name)}</text>` +
      (measureKey ? `<rect x="${labelW}" y="${y}" width="${mw}" height="${bar}" fill="#d6e4f0"/>` : '') +
      `<rect x="${labelW}" y="${y + 3}" width="${cw}" height="${bar - 6}" fill="#2e86c1"/>` +
      `<text x="${labelW + cw + 4}" y="${y + bar - 3}" font-size="11">${r.count}</text>`;
  });
  $('stats-chart').innerHTML = `<svg width="${w}" height="${h}" role="img">${parts.join('')}</svg>` +
    `<div class="muted">■ ${t('count')}${measureKey ? ` &nbsp; <span style="color:#9fb8cf">■</span> ${measureKey === 'areaSquareMetres' ? t('areaM2') : t('lengthM')}` : ''}</div>`;
}
const escapeXml = s => String(s).replace(/[<>&"]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' }[c]));

// The plugins and reports page: lists plugins with their state and lets administrators and module
// developers switch them on and off; offers the generated reports for download.
import './admin.css';
import './csrf.js';
import { t as translate, language, setLanguage } from './i18n.js';

const t = key => translate(`admin.${key}`);
let lang = language();

async function json(url, options) {
  const response = await fetch(url, { credentials: 'same-origin', ...options });
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error(body?.detailZh && lang === 'zh' ? body.detailZh : body?.detail ?? response.statusText);
  return body;
}

async function renderPlugins(me) {
  const plugins = await json('/api/plugins');
  const mayManage = me?.roles?.some(r => r === 'administrator' || r === 'developer');
  const body = document.querySelector('#plugins tbody');
  body.replaceChildren(...plugins.map(p => {
    const row = document.createElement('tr');
    row.className = p.state;
    for (const value of [p.id, lang === 'zh' ? p.nameZh : p.nameEn, p.version, t(p.state), p.reason ?? '']) {
      const cell = document.createElement('td');
      cell.textContent = value ?? '';
      row.append(cell);
    }
    const actions = document.createElement('td');
    if (mayManage && p.state !== 'failed') {
      const button = document.createElement('button');
      const action = p.state === 'disabled' ? 'enable' : 'disable';
      button.textContent = t(action);
      button.onclick = async () => {
        try { await json(`/api/plugins/${encodeURIComponent(p.id)}/${action}`, { method: 'POST' }); } catch (e) { alert(e.message); }
        await renderPlugins(me);
      };
      actions.append(button);
    }
    row.append(actions);
    return row;
  }));
}

async function renderReports() {
  const year = document.getElementById('year').value;
  const list = document.getElementById('reports');
  const link = (label, path) => {
    const item = document.createElement('li');
    item.append(`${label}: `);
    for (const format of ['docx', 'html', 'md']) {
      const a = document.createElement('a');
      a.href = `${path}${path.includes('?') ? '&' : '?'}year=${year}&format=${format}`;
      a.textContent = format.toUpperCase();
      item.append(a, ' ');
    }
    return item;
  };
  const items = [link(t('annual'), '/api/reports/annual'), link(t('overview'), '/api/reports/overview')];
  try {
    const units = await json('/api/jurisdiction/units?level=community');
    for (const f of units.features) items.push(link(`${t('community')} · ${f.properties.name}`, `/api/reports/community/${encodeURIComponent(f.properties.code)}`));
  } catch { /* the street's list of communities is optional here */ }
  list.replaceChildren(...items);
}

async function render() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.getElementById('lang').textContent = t('lang');
  let me = null;
  try { me = await json('/api/auth/me'); } catch { /* anonymous */ }
  document.getElementById('who').textContent = me ? `${me.displayName ?? me.username} (${me.roles.join(', ')})` : t('anonymous');
  await renderPlugins(me);
  await renderReports();
}

document.getElementById('year').value = new Date().getFullYear();
document.getElementById('year').onchange = renderReports;
document.getElementById('lang').onclick = () => {
  setLanguage(lang === 'zh' ? 'en' : 'zh');
  lang = language();
  render();
};
render();

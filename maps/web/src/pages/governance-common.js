// Shared by the governance pages (complaint form, worker queue, inspector checklist): sign-in, JSON calls, problems, dates, language.
import '../csrf.js';
export const $ = id => document.getElementById(id);

let lang = localStorage.getItem('platform.lang') === 'en' ? 'en' : 'zh';
export const language = () => lang;

export function makeT(strings) {
  return key => strings[lang]?.[key] ?? strings.zh[key] ?? key;
}

export function applyI18n(t) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const button = $('lang');
  if (button) button.textContent = lang === 'zh' ? 'English' : '中文';
}

export function setUpLanguage(t, rerender) {
  const button = $('lang');
  if (!button) return;
  button.onclick = () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('platform.lang', lang);
    applyI18n(t);
    rerender?.();
  };
  applyI18n(t);
}

/** The signed-in user, or null. */
export async function me() {
  const response = await fetch('/api/auth/me', { credentials: 'same-origin' });
  return response.ok ? response.json() : null;
}

export async function signIn(username, password) {
  const response = await fetch('/api/auth/login', {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.ok ? null : problem(response);
}

/** The message of a problem answer in the current language, with the field it names. */
export async function problem(response) {
  const p = await response.json().catch(() => ({}));
  const text = lang === 'zh' ? p.detailZh ?? p.detail : p.detail;
  return text ? `${text}${p.field ? `（${p.field}）` : ''}` : `HTTP ${response.status}`;
}

export async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(await problem(response));
  return response.json();
}

/** POSTs (or PUTs) JSON; answers [body, null] or [null, problem text]. */
export async function send(url, body, method = 'POST') {
  const response = await fetch(url, {
    method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}),
  });
  return response.ok ? [await response.json().catch(() => ({})), null] : [null, await problem(response)];
}

/** A date and time in China time, as people there read it. */
export function when(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** How long until (or since) a deadline: 剩余 3小时12分 / 超时 1天2小时. */
export function countdown(iso, now, t) {
  const ms = new Date(iso) - now;
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86400000), h = Math.floor(abs % 86400000 / 3600000), m = Math.floor(abs % 3600000 / 60000), s = Math.floor(abs % 60000 / 1000);
  const text = d > 0 ? `${d}${t('days')}${h}${t('hours')}` : h > 0 ? `${h}${t('hours')}${m}${t('minutes')}` : `${m}${t('minutes')}${s}${t('seconds')}`;
  return { overdue: ms < 0, text: `${ms < 0 ? t('overdueBy') : t('left')} ${text}` };
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node[k] = v;
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

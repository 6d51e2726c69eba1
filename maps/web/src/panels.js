// Plugins' and core modules' panels and menu entries (SDK WebPanel, WebMenuEntry): GET /api/plugins announces them
// for the running plugins, GET /api/web for the core modules (always on; their owner is "core"). The lists are re-read
// every few seconds and when the page regains focus: the panels of a plugin
// that stops running leave the page, and come back when it runs again, without reloading anything.
import { $, state, onChange, setStatus } from './state.js';
import { t, title, addStrings, language } from './i18n.js';
import { map, focus } from './mapview.js';
import { selectCommunity } from './dates.js';

const POLL_MS = 3000;
const mounted = new globalThis.Map();   // "plugin/panel" -> { announced, section, heading, instance, ready, hooks }
const broken = new Set();               // module URLs that failed to load, not retried until the page reloads
let queue = Promise.resolve();
let queued = null;
let onPlugins = () => {};
let lastSignature = '';

/** Re-reads the plugin list and brings the page's panels and menu in line with it. Calls never overlap. */
export function refreshPanels() {
  // One reading waits behind the one under way at most: polls while the host is slow fold into it.
  queued ??= queue.then(() => { queued = null; return reconcile(); }).catch(e => setStatus(String(e), true));
  queue = queued;
  return queued;
}

/** Starts loading the panels, re-reading the list from then on; `listener` hears when plugins or their states change. */
export function setUpPanels(listener) {
  onPlugins = listener ?? onPlugins;
  onChange('date', updateAll);
  onChange('language', () => {
    for (const m of mounted.values()) m.heading.textContent = title(m.announced);
    renderMenu();
    updateAll();
  });
  setInterval(refreshPanels, POLL_MS);
  window.addEventListener('focus', refreshPanels);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refreshPanels(); });
  return refreshPanels();
}

/** The panels on the page: `{ plugin, id, ready }`, in order. */
export const panelList = () => [...mounted.entries()].map(([, m]) => ({ plugin: m.plugin, id: m.announced.id, ready: m.ready }));

const CORE = 'core';
let core = { panels: [], menu: [] };

async function reconcile() {
  const [response, coreResponse] = await Promise.all(['/api/plugins', '/api/web']
    .map(url => fetch(url, { cache: 'no-store' }).catch(() => null)));
  if (!response?.ok) return;
  state.plugins = await response.json();
  if (coreResponse?.ok) core = await coreResponse.json();
  const wanted = [
    ...core.panels.map(panel => ({ plugin: CORE, panel })),
    ...state.plugins.filter(p => p.state === 'running').flatMap(p => (p.panels ?? []).map(panel => ({ plugin: p.id, panel }))),
  ].sort((a, b) => a.panel.order - b.panel.order);
  const keys = new Set(wanted.map(w => `${w.plugin}/${w.panel.id}`));
  for (const [key, m] of mounted) if (!keys.has(key)) unmount(key, m);
  for (const w of wanted) {
    const key = `${w.plugin}/${w.panel.id}`;
    if (!mounted.has(key) && !broken.has(w.panel.module)) await mount(key, w.plugin, w.panel);
  }
  // Keep the side bar in the announced order, whatever order the modules arrived in.
  const container = $('plugin-panels');
  for (const w of wanted) { const m = mounted.get(`${w.plugin}/${w.panel.id}`); if (m) container.append(m.section); }
  renderMenu();
  const signature = JSON.stringify(state.plugins.map(p => [p.id, p.nameZh, p.nameEn, p.state]));
  if (signature !== lastSignature) { lastSignature = signature; onPlugins(state.plugins); }
}

async function mount(key, plugin, announced) {
  let module;
  try {
    module = await import(/* @vite-ignore */ announced.module);
  } catch (e) {
    broken.add(announced.module);
    setStatus(`${t('panelFailed')}: ${announced.module}: ${e}`, true);
    return;
  }
  const namespace = `${plugin}.${announced.id}`;
  addStrings(namespace, module.strings);
  const section = document.createElement('section');
  section.id = `panel-${plugin}-${announced.id}`;
  section.className = 'plugin-panel';
  section.dataset.plugin = plugin;
  const heading = document.createElement('h2');
  heading.textContent = title(announced);
  const body = document.createElement('div');
  section.append(heading, body);
  const m = { plugin, announced, section, heading, instance: null, ready: false, hooks: [] };
  mounted.set(key, m);
  $('plugin-panels').append(section);
  m.instance = module.default({
    plugin,
    id: announced.id,
    element: body,
    t: k => t(`${namespace}.${k}`),
    language,
    date: () => state.date,
    map,
    focus,
    selectCommunity,
    setStatus,
    addStyle(css) {
      const style = document.createElement('style');
      style.textContent = css;
      section.append(style);
    },
    expose(name, fn) {
      window.platformMap[name] = fn;
      m.hooks.push(name);
    },
  }) ?? {};
  // Not awaited: a slow first answer must not hold up the next reading of the plugin list.
  update(m);
}

function unmount(key, m) {
  mounted.delete(key);
  try { m.instance?.dispose?.(); } catch (e) { setStatus(String(e), true); }
  for (const name of m.hooks) delete window.platformMap[name];
  m.section.remove();
}

async function update(m) {
  try {
    await m.instance?.update?.();
    m.ready = true;
  } catch (e) {
    setStatus(String(e), true);
  }
}

function updateAll() {
  for (const m of mounted.values()) update(m);
}

function renderMenu() {
  const menu = $('plugin-menu');
  const entries = [
    ...core.menu.map(e => ({ plugin: CORE, ...e })),
    ...state.plugins.filter(p => p.state === 'running').flatMap(p => (p.menu ?? []).map(e => ({ plugin: p.id, ...e }))),
  ].sort((a, b) => a.order - b.order);
  menu.replaceChildren(...entries.map(e => {
    const a = document.createElement('a');
    a.href = e.url;
    a.dataset.plugin = e.plugin;
    a.textContent = title(e);
    return a;
  }));
}

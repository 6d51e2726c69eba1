// Editing residential compounds on the map (小区编辑), the registers module's web panel (SDK WebPanel), for administrators:
// pick a compound on the map, revise its details in the form, move its boundary's vertices (snapping to the neighbouring
// compounds' edges and corners), retire it with a reason, and read its history. Every save sends the version the form was
// loaded at (If-Match); when someone else changed the compound meanwhile (412) the panel offers to reload. A refusal of the
// API is shown in the form and next to the geometry, in the page's language.
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import Overlay from 'ol/Overlay';
import GeoJSON from 'ol/format/GeoJSON';
import Modify from 'ol/interaction/Modify';
import Snap from 'ol/interaction/Snap';
import { fromLonLat, toLonLat } from 'ol/proj';
import { getCenter } from 'ol/extent';
import { Style, Stroke, Fill } from 'ol/style';

export const strings = {
  zh: {
    hint: '点击“选择小区”，再在地图上点击一个小区', pick: '选择小区', picking: '请在地图上点击要编辑的小区', none: '此处没有小区',
    name: '名称', kind: '类型', households: '户数', company: '物业公司', entrances: '出入口', buildings: '楼栋', reason: '修改原因（选填）',
    save: '保存', cancel: '取消', retire: '注销', retireReason: '注销原因（必填）', reload: '重新加载', saved: '已保存', retired: '已注销',
    unchanged: '没有修改', stale: '该小区已被他人修改，请重新加载后再修改。', needReason: '请填写注销原因', history: '修改记录', asOf: '查看某日状态',
    asOfText: (d, c) => `${d}：${c.name}，${c.kindZh}，${c.households} 户${c.retiredOn ? '（已注销）' : ''}`, asOfNone: d => `${d}：尚未登记`,
    vertices: '拖动边界顶点可调整范围（吸附相邻小区）', count: n => `${n} 个`, signIn: '请以管理员身份登录后编辑',
    types: {
      'registers.compound_registered': '登记', 'registers.compound_details_revised': '修改信息', 'registers.compound_reshaped': '调整范围',
      'registers.building_added': '新增楼栋', 'registers.compound_retired': '注销',
    },
  },
  en: {
    hint: 'Press "Pick a compound", then click a compound on the map', pick: 'Pick a compound', picking: 'Click the compound to edit on the map', none: 'No compound here',
    name: 'Name', kind: 'Kind', households: 'Households', company: 'Property company', entrances: 'Entrances', buildings: 'Buildings', reason: 'Reason (optional)',
    save: 'Save', cancel: 'Cancel', retire: 'Retire', retireReason: 'Reason for retiring (required)', reload: 'Reload', saved: 'Saved', retired: 'Retired',
    unchanged: 'Nothing changed', stale: 'Someone else changed this compound meanwhile: reload it, then make your change again.', needReason: 'Give a reason for retiring',
    history: 'History', asOf: 'As of a date',
    asOfText: (d, c) => `${d}: ${c.name}, ${c.kindZh}, ${c.households} households${c.retiredOn ? ' (retired)' : ''}`, asOfNone: d => `${d}: not registered yet`,
    vertices: 'Drag the boundary\'s vertices to move it (snaps to neighbouring compounds)', count: n => `${n}`, signIn: 'Sign in as an administrator to edit',
    types: {
      'registers.compound_registered': 'Registered', 'registers.compound_details_revised': 'Details revised', 'registers.compound_reshaped': 'Boundary moved',
      'registers.building_added': 'Building added', 'registers.compound_retired': 'Retired',
    },
  },
};

const COMPOUNDS = 'registers-compounds';
const geojson = new GeoJSON();
const onMap = { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' };

function element(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function field(id, label, input) {
  input.id = id;
  return element('label', { className: 'row' }, element('span', { textContent: label }), input);
}

/** @param {object} panel what the web map offers a panel (docs/plugins.md, "Web panels") */
export default function compoundsPanel(panel) {
  const { t, map } = panel;
  const edited = new VectorSource();
  const neighbours = new VectorSource();
  const layer = new VectorLayer({
    source: edited, zIndex: 950,
    style: new Style({ stroke: new Stroke({ color: '#c0392b', width: 3 }), fill: new Fill({ color: 'rgba(192,57,43,0.12)' }) }),
  });
  const neighbourLayer = new VectorLayer({ source: neighbours, zIndex: 940, style: new Style({ stroke: new Stroke({ color: '#7f8c8d', width: 1, lineDash: [4, 4] }) }) });
  map.addLayer(neighbourLayer);
  map.addLayer(layer);
  const bubble = element('div', { id: 'compound-refusal', className: 'popup error', hidden: true });
  const overlay = new Overlay({ element: bubble, positioning: 'bottom-center', offset: [0, -8] });
  map.addOverlay(overlay);

  const hint = element('div', { className: 'muted', id: 'compound-hint' });
  const pick = element('button', { type: 'button', id: 'compound-pick' });
  const name = element('input', { maxLength: 100 });
  const kind = element('select');
  const households = element('input', { type: 'number', min: 0, step: 1 });
  const company = element('input');
  const entrances = element('span', { id: 'compound-entrances' });
  const buildings = element('span', { id: 'compound-buildings' });
  const reason = element('input', { id: 'compound-reason' });
  const save = element('button', { type: 'submit', id: 'compound-save' });
  const cancel = element('button', { type: 'button', id: 'compound-cancel' });
  const retireReason = element('input', { id: 'compound-retire-reason' });
  const retire = element('button', { type: 'button', id: 'compound-retire' });
  const reload = element('button', { type: 'button', id: 'compound-reload', hidden: true });
  const message = element('div', { id: 'compound-message', className: 'muted', role: 'status' });
  message.setAttribute('aria-live', 'polite');
  const asOf = element('input', { type: 'date', id: 'compound-asof' });
  const asOfText = element('div', { id: 'compound-asof-text', className: 'muted' });
  const history = element('ol', { id: 'compound-history' });
  const labels = {};
  const label = (key, e) => { labels[key] = e; return e; };
  // noValidate: the API's rules decide (and explain, in Chinese); the browser's own bubbles would say less, in its own words.
  const form = element('form', { id: 'compound-form', hidden: true, noValidate: true },
    field('compound-name', '', name), field('compound-kind', '', kind), field('compound-households', '', households), field('compound-company', '', company),
    element('div', { className: 'row' }, label('entrances', element('span')), entrances, label('buildings', element('span')), buildings),
    label('vertices', element('div', { className: 'muted' })),
    field('compound-reason', '', reason),
    element('div', { className: 'row' }, save, cancel, reload),
    element('div', { className: 'row' }, retireReason, retire),
    label('history', element('h3')), history,
    element('div', { className: 'row' }, label('asOf', element('span')), asOf), asOfText);
  panel.element.append(hint, pick, message, form);

  let current = null;     // { id, version, view } of the compound in the form
  let picking = false;
  let moved = false;
  let modify = null;
  let snaps = [];

  function translate() {
    hint.textContent = t('hint');
    pick.textContent = t('pick');
    save.textContent = t('save');
    cancel.textContent = t('cancel');
    retire.textContent = t('retire');
    reload.textContent = t('reload');
    reason.placeholder = t('reason');
    retireReason.placeholder = t('retireReason');
    const texts = { 'compound-name': 'name', 'compound-kind': 'kind', 'compound-households': 'households', 'compound-company': 'company', 'compound-reason': 'reason' };
    form.querySelectorAll('label').forEach(l => { const key = texts[l.querySelector('input,select')?.id]; if (key) l.firstChild.textContent = t(key); });
    for (const [key, e] of Object.entries(labels)) e.textContent = t(key);
  }

  const say = (text, error = false) => { message.textContent = text; message.className = error ? 'error' : 'muted'; };
  const detail = p => (panel.language() === 'zh' ? p.detailZh ?? p.detail : p.detail ?? p.detailZh) ?? '';

  function clearBubble() { bubble.hidden = true; overlay.setPosition(undefined); }

  /** A refusal next to the geometry: at the place the API names, else over the compound. */
  function showRefusal(p, status) {
    const text = status === 412 ? t('stale') : `${detail(p)}${p.field ? `（${p.field}）` : ''}`;
    say(text, true);
    bubble.textContent = text;
    bubble.hidden = false;
    const at = Array.isArray(p.location) ? fromLonLat(p.location) : edited.getFeatures()[0] ? getCenter(edited.getFeatures()[0].getGeometry().getExtent()) : undefined;
    overlay.setPosition(at);
    reload.hidden = status !== 412;
  }

  async function kinds() {
    const response = await fetch('/api/compounds/kinds');
    if (!response.ok) return;
    const list = await response.json();
    const previous = kind.value;
    kind.replaceChildren(...list.map(k => new Option(panel.language() === 'zh' ? k.nameZh : k.nameEn, k.code)));
    if (previous) kind.value = previous;
  }

  function stopEditing() {
    if (modify) map.removeInteraction(modify);
    snaps.forEach(s => map.removeInteraction(s));
    modify = null;
    snaps = [];
    edited.clear();
    neighbours.clear();
    clearBubble();
  }

  async function loadNeighbours(extent) {
    const [w, s] = toLonLat([extent[0], extent[1]]);
    const [e, n] = toLonLat([extent[2], extent[3]]);
    const pad = 0.003;
    const response = await fetch(`/ogc/collections/${COMPOUNDS}/items?bbox=${w - pad},${s - pad},${e + pad},${n + pad}&limit=200`);
    if (!response.ok) return;
    const features = geojson.readFeatures(await response.json(), onMap).filter(f => String(f.getId() ?? f.get('fid')) !== current?.id);
    neighbours.addFeatures(features);
  }

  async function open(id) {
    stopEditing();
    say('');
    reload.hidden = true;
    const response = await fetch(`/api/compounds/${encodeURIComponent(id)}`, { cache: 'no-store' });
    if (!response.ok) return say(detail(await response.json().catch(() => ({}))), true);
    const view = await response.json();
    // A compressed answer carries its ETag as weak (W/"N"); If-Match compares strongly, so the page sends "N".
    const etag = (response.headers.get('ETag') ?? '').replace(/^W\//, '') || `"${view.version}"`;
    current = { id, etag, view };
    name.value = view.name;
    kind.value = view.kind;
    households.value = view.households;
    company.value = view.propertyCompany ?? '';
    entrances.textContent = t('count')(view.entrances?.coordinates?.length ?? 0);
    buildings.textContent = view.buildings.map(b => b.name).join('、') || t('count')(0);
    reason.value = '';
    retireReason.value = '';
    form.hidden = false;
    retire.disabled = save.disabled = !!view.retiredOn;
    if (view.retiredOn) say(`${t('retired')}：${view.retiredOn} ${view.retiredReason ?? ''}`);
    const feature = geojson.readFeature({ type: 'Feature', geometry: view.geometry, properties: {} }, onMap);
    edited.addFeature(feature);
    moved = false;
    if (!view.retiredOn) {
      modify = new Modify({ source: edited });
      modify.on('modifyend', () => { moved = true; });
      map.addInteraction(modify);
      // Snap after Modify: vertices snap to the neighbours' corners and edges, and to the compound's own.
      snaps = [new Snap({ source: neighbours, pixelTolerance: 12 }), new Snap({ source: edited, pixelTolerance: 8 })];
      snaps.forEach(s => map.addInteraction(s));
    }
    await loadNeighbours(feature.getGeometry().getExtent());
    await showHistory();
  }

  async function showHistory() {
    history.replaceChildren();
    if (!current) return;
    const response = await fetch(`/api/compounds/${encodeURIComponent(current.id)}/history`, { cache: 'no-store' });
    if (!response.ok) return;
    const locale = panel.language() === 'zh' ? 'zh-CN' : 'en';
    for (const e of (await response.json()).slice().reverse()) {
      const when = new Date(e.at).toLocaleString(locale, { timeZone: 'Asia/Shanghai' });
      const what = t('types')[e.type] ?? e.type;
      history.append(element('li', { textContent: `${when} · ${e.user ?? ''} · ${what}${e.reason ? `（${e.reason}）` : ''}` }));
    }
  }

  async function send(method, url, body) {
    return fetch(url, {
      method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'If-Match': current.etag }, body: JSON.stringify(body),
    });
  }

  /** Sends one change; on success the form holds the new version. Answers false when refused (and shows why). */
  async function apply(method, url, body) {
    const response = await send(method, url, body);
    if (response.ok) {
      const answer = await response.json();
      current.etag = `"${answer.version}"`;
      return true;
    }
    showRefusal(await response.json().catch(() => ({})), response.status);
    return false;
  }

  form.onsubmit = async e => {
    e.preventDefault();
    if (!current) return;
    clearBubble();
    const id = encodeURIComponent(current.id);
    const v = current.view;
    const details = {};
    if (name.value.trim() !== v.name) details.name = name.value.trim();
    if (kind.value !== v.kind) details.kind = kind.value;
    if (Number(households.value) !== v.households || households.value === '') details.households = households.value === '' ? null : Number(households.value);
    if (company.value.trim() !== (v.propertyCompany ?? '')) details.propertyCompany = company.value.trim();
    if (Object.keys(details).length === 0 && !moved) return say(t('unchanged'));
    const why = reason.value.trim() || undefined;
    if (Object.keys(details).length > 0 && !(await apply('PATCH', `/api/compounds/${id}`, { ...details, reason: why }))) return;
    if (moved) {
      const geometry = geojson.writeGeometryObject(edited.getFeatures()[0].getGeometry(), { ...onMap, decimals: 8 });
      if (!(await apply('PUT', `/api/compounds/${id}/geometry`, { geometry, reason: why }))) return;
    }
    await open(current.id);
    say(t('saved'));
    refreshLayer();
  };

  retire.onclick = async () => {
    if (!current) return;
    if (!retireReason.value.trim()) return showRefusal({ detailZh: t('needReason'), detail: t('needReason'), field: 'reason' }, 400);
    if (!(await apply('POST', `/api/compounds/${encodeURIComponent(current.id)}/retire`, { reason: retireReason.value.trim() }))) return;
    await open(current.id);
    say(t('retired'));
    refreshLayer();
  };

  reload.onclick = () => current && open(current.id);
  cancel.onclick = () => { stopEditing(); current = null; form.hidden = true; say(''); };

  asOf.onchange = async () => {
    if (!current || !asOf.value) return;
    const response = await fetch(`/api/compounds/${encodeURIComponent(current.id)}?asOf=${asOf.value}`);
    asOfText.textContent = response.ok ? t('asOfText')(asOf.value, await response.json()) : t('asOfNone')(asOf.value);
  };

  // The compounds' tiles are drawn again with the change (the page's layer, as the sites editor refreshes its own).
  const refreshLayer = () => window.platformMap?.state?.layers?.[COMPOUNDS]?.getSource().refresh();

  pick.onclick = async () => {
    const me = await fetch('/api/auth/me', { credentials: 'same-origin' });
    const roles = me.ok ? (await me.json()).roles ?? [] : [];
    if (!roles.includes('administrator')) return say(t('signIn'), true);
    picking = true;
    say(t('picking'));
  };

  async function onClick(e) {
    if (!picking) return;
    picking = false;
    const [lon, lat] = toLonLat(e.coordinate);
    const d = 0.00001;
    const response = await fetch(`/ogc/collections/${COMPOUNDS}/items?bbox=${lon - d},${lat - d},${lon + d},${lat + d}&limit=5`);
    const features = response.ok ? (await response.json()).features ?? [] : [];
    if (features.length === 0) return say(t('none'), true);
    await open(String(features[0].id));
  }
  map.on('singleclick', onClick);

  panel.expose('compoundEditor', () => ({
    id: current?.id ?? null, etag: current?.etag ?? null, moved,
    /** For tests and keyboard users: moves the boundary to `geometry` (GeoJSON, EPSG:4326) as a vertex drag would. */
    setGeometry(geometry) {
      edited.getFeatures()[0]?.setGeometry(geojson.readGeometry(geometry, onMap));
      moved = true;
    },
    open,
  }));

  translate();
  kinds();
  return {
    update() { translate(); kinds(); return current ? showHistory() : undefined; },
    dispose() { stopEditing(); map.removeLayer(layer); map.removeLayer(neighbourLayer); map.removeOverlay(overlay); map.un('singleclick', onClick); },
  };
}

// Editing facilities on the map (设施编辑), the registers module's second web panel, for administrators: pick a
// public-service or commercial facility (a hub's function spaces included), revise its name and category, drag its point,
// retire it with a reason, and read its history. As in the compound editor, every save sends the version the form was
// loaded at (If-Match), a stale one (412) offers to reload, and the API's refusal is shown in the form and at the point.
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import Overlay from 'ol/Overlay';
import GeoJSON from 'ol/format/GeoJSON';
import Modify from 'ol/interaction/Modify';
import { toLonLat } from 'ol/proj';
import { Style, Circle, Fill, Stroke } from 'ol/style';

export const strings = {
  zh: {
    hint: '点击“选择设施”，再在地图上点击一个设施点', pick: '选择设施', picking: '请在地图上点击要编辑的设施', none: '此处没有设施',
    name: '名称', category: '类别', reason: '修改原因（选填）', save: '保存', cancel: '取消', retire: '注销', retireReason: '注销原因（必填）',
    reload: '重新加载', saved: '已保存', retired: '已注销', unchanged: '没有修改', stale: '该设施已被他人修改，请重新加载后再修改。',
    needReason: '请填写注销原因', history: '修改记录', drag: '拖动设施点可移动位置', signIn: '请以管理员身份登录后编辑', hub: '所属综合体的功能空间',
    types: {
      'registers.facility_registered': '登记', 'registers.facility_details_revised': '修改信息', 'registers.facility_moved': '移动位置',
      'registers.facility_closed': '关闭', 'registers.facility_retired': '注销',
    },
  },
  en: {
    hint: 'Press "Pick a facility", then click a facility on the map', pick: 'Pick a facility', picking: 'Click the facility to edit on the map', none: 'No facility here',
    name: 'Name', category: 'Category', reason: 'Reason (optional)', save: 'Save', cancel: 'Cancel', retire: 'Retire', retireReason: 'Reason for retiring (required)',
    reload: 'Reload', saved: 'Saved', retired: 'Retired', unchanged: 'Nothing changed', stale: 'Someone else changed this facility meanwhile: reload it, then make your change again.',
    needReason: 'Give a reason for retiring', history: 'History', drag: 'Drag the point to move the facility', signIn: 'Sign in as an administrator to edit', hub: 'a function space of a hub',
    types: {
      'registers.facility_registered': 'Registered', 'registers.facility_details_revised': 'Details revised', 'registers.facility_moved': 'Moved',
      'registers.facility_closed': 'Closed', 'registers.facility_retired': 'Retired',
    },
  },
};

const LAYERS = ['registers-facilities', 'registers-commercial'];
const geojson = new GeoJSON();
const onMap = { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' };
const element = (tag, props = {}, ...children) => { const e = Object.assign(document.createElement(tag), props); e.append(...children); return e; };

/** @param {object} panel what the web map offers a panel (docs/plugins.md, "Web panels") */
export default function facilitiesPanel(panel) {
  const { t, map } = panel;
  const edited = new VectorSource();
  const layer = new VectorLayer({
    source: edited, zIndex: 960,
    style: new Style({ image: new Circle({ radius: 9, fill: new Fill({ color: 'rgba(192,57,43,0.5)' }), stroke: new Stroke({ color: '#c0392b', width: 3 }) }) }),
  });
  map.addLayer(layer);
  const bubble = element('div', { id: 'facility-refusal', className: 'popup error', hidden: true });
  const overlay = new Overlay({ element: bubble, positioning: 'bottom-center', offset: [0, -14] });
  map.addOverlay(overlay);

  const hint = element('div', { className: 'muted' });
  const pick = element('button', { type: 'button', id: 'facility-pick' });
  const message = element('div', { id: 'facility-message', className: 'muted', role: 'status' });
  message.setAttribute('aria-live', 'polite');
  const name = element('input', { id: 'facility-name', maxLength: 100 });
  const category = element('select', { id: 'facility-category' });
  const hub = element('div', { className: 'muted', id: 'facility-hub' });
  const drag = element('div', { className: 'muted' });
  const reason = element('input', { id: 'facility-reason' });
  const save = element('button', { type: 'submit', id: 'facility-save' });
  const cancel = element('button', { type: 'button', id: 'facility-cancel' });
  const reload = element('button', { type: 'button', id: 'facility-reload', hidden: true });
  const retireReason = element('input', { id: 'facility-retire-reason' });
  const retire = element('button', { type: 'button', id: 'facility-retire' });
  const historyTitle = element('h3');
  const history = element('ol', { id: 'facility-history' });
  const nameLabel = element('span');
  const categoryLabel = element('span');
  const form = element('form', { id: 'facility-form', hidden: true, noValidate: true },
    element('label', { className: 'row' }, nameLabel, name), element('label', { className: 'row' }, categoryLabel, category), hub, drag,
    element('label', { className: 'row' }, reason), element('div', { className: 'row' }, save, cancel, reload),
    element('div', { className: 'row' }, retireReason, retire), historyTitle, history);
  panel.element.append(hint, pick, message, form);

  let current = null;
  let picking = false;
  let moved = false;
  let modify = null;

  function translate() {
    hint.textContent = t('hint'); pick.textContent = t('pick'); save.textContent = t('save'); cancel.textContent = t('cancel');
    retire.textContent = t('retire'); reload.textContent = t('reload'); reason.placeholder = t('reason'); retireReason.placeholder = t('retireReason');
    nameLabel.textContent = t('name'); categoryLabel.textContent = t('category'); historyTitle.textContent = t('history'); drag.textContent = t('drag');
    hub.textContent = current?.view.hubId ? t('hub') : '';
  }

  const say = (text, error = false) => { message.textContent = text; message.className = error ? 'error' : 'muted'; };
  const detail = p => (panel.language() === 'zh' ? p.detailZh ?? p.detail : p.detail ?? p.detailZh) ?? '';
  const clearBubble = () => { bubble.hidden = true; overlay.setPosition(undefined); };

  function showRefusal(p, status) {
    const text = status === 412 ? t('stale') : `${detail(p)}${p.field ? `（${p.field}）` : ''}`;
    say(text, true);
    bubble.textContent = text;
    bubble.hidden = false;
    overlay.setPosition(edited.getFeatures()[0]?.getGeometry().getCoordinates());
    reload.hidden = status !== 412;
  }

  async function categories() {
    const response = await fetch('/api/facilities/categories');
    if (!response.ok) return;
    const previous = category.value;
    category.replaceChildren(...(await response.json()).map(c => new Option(panel.language() === 'zh' ? c.nameZh : c.nameEn, c.code)));
    if (previous) category.value = previous;
  }

  function stopEditing() {
    if (modify) map.removeInteraction(modify);
    modify = null;
    edited.clear();
    clearBubble();
  }

  async function open(id) {
    stopEditing();
    say('');
    reload.hidden = true;
    const response = await fetch(`/api/facilities/${encodeURIComponent(id)}`, { cache: 'no-store' });
    if (!response.ok) return say(detail(await response.json().catch(() => ({}))), true);
    const view = await response.json();
    // A compressed answer carries its ETag as weak (W/"N"); If-Match compares strongly, so the page sends "N".
    current = { id, etag: (response.headers.get('ETag') ?? '').replace(/^W\//, '') || `"${view.version}"`, view };
    name.value = view.name;
    category.value = view.category;
    reason.value = retireReason.value = '';
    form.hidden = false;
    translate();
    retire.disabled = save.disabled = !!view.retiredOn;
    if (view.retiredOn) say(`${t('retired')}：${view.retiredOn} ${view.retiredReason ?? ''}`);
    edited.addFeature(geojson.readFeature({ type: 'Feature', geometry: view.geometry, properties: {} }, onMap));
    moved = false;
    if (!view.retiredOn) {
      modify = new Modify({ source: edited });
      modify.on('modifyend', () => { moved = true; });
      map.addInteraction(modify);
    }
    await showHistory();
  }

  async function showHistory() {
    history.replaceChildren();
    if (!current) return;
    const response = await fetch(`/api/facilities/${encodeURIComponent(current.id)}/history`, { cache: 'no-store' });
    if (!response.ok) return;
    const locale = panel.language() === 'zh' ? 'zh-CN' : 'en';
    for (const e of (await response.json()).slice().reverse()) {
      const when = new Date(e.at).toLocaleString(locale, { timeZone: 'Asia/Shanghai' });
      history.append(element('li', { textContent: `${when} · ${e.user ?? ''} · ${t('types')[e.type] ?? e.type}${e.reason ? `（${e.reason}）` : ''}` }));
    }
  }

  async function apply(method, url, body) {
    const response = await fetch(url, {
      method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'If-Match': current.etag }, body: JSON.stringify(body),
    });
    if (response.ok) {
      current.etag = `"${(await response.json()).version}"`;
      return true;
    }
    showRefusal(await response.json().catch(() => ({})), response.status);
    return false;
  }

  const refreshLayers = () => LAYERS.forEach(id => window.platformMap?.state?.layers?.[id]?.getSource().refresh());

  form.onsubmit = async e => {
    e.preventDefault();
    if (!current) return;
    clearBubble();
    const id = encodeURIComponent(current.id);
    const details = {};
    if (name.value.trim() !== current.view.name) details.name = name.value.trim();
    if (category.value !== current.view.category) details.category = category.value;
    if (Object.keys(details).length === 0 && !moved) return say(t('unchanged'));
    const why = reason.value.trim() || undefined;
    if (Object.keys(details).length > 0 && !(await apply('PATCH', `/api/facilities/${id}`, { ...details, reason: why }))) return;
    if (moved) {
      const geometry = geojson.writeGeometryObject(edited.getFeatures()[0].getGeometry(), { ...onMap, decimals: 8 });
      if (!(await apply('PUT', `/api/facilities/${id}/geometry`, { geometry, reason: why }))) return;
    }
    await open(current.id);
    say(t('saved'));
    refreshLayers();
  };

  retire.onclick = async () => {
    if (!current) return;
    if (!retireReason.value.trim()) return showRefusal({ detailZh: t('needReason'), detail: t('needReason'), field: 'reason' }, 400);
    if (!(await apply('POST', `/api/facilities/${encodeURIComponent(current.id)}/retire`, { reason: retireReason.value.trim() }))) return;
    await open(current.id);
    say(t('retired'));
    refreshLayers();
  };

  reload.onclick = () => current && open(current.id);
  cancel.onclick = () => { stopEditing(); current = null; form.hidden = true; say(''); };

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
    // Points are small: anything within 8 pixels of the click.
    const [w, s] = toLonLat(map.getCoordinateFromPixel([e.pixel[0] - 8, e.pixel[1] + 8]));
    const [east, n] = toLonLat(map.getCoordinateFromPixel([e.pixel[0] + 8, e.pixel[1] - 8]));
    for (const collection of LAYERS) {
      const response = await fetch(`/ogc/collections/${collection}/items?bbox=${w},${s},${east},${n}&limit=5`);
      const features = response.ok ? (await response.json()).features ?? [] : [];
      if (features.length > 0) return open(String(features[0].id));
    }
    say(t('none'), true);
  }
  map.on('singleclick', onClick);

  panel.expose('facilityEditor', () => ({ id: current?.id ?? null, etag: current?.etag ?? null, moved, open }));

  translate();
  categories();
  return {
    update() { translate(); categories(); return current ? showHistory() : undefined; },
    dispose() { stopEditing(); map.removeLayer(layer); map.removeOverlay(overlay); map.un('singleclick', onClick); },
  };
}

// 智慧治理指挥中心 (command centre): the live map of the smart-compound devices (colour = status, or the severity of the
// worst open alarm), pushed over server-sent events; open alarms with acknowledge / clear / raise an incident; the
// incident board (reported → dispatched → on scene → resolved → closed) with dispatch; in-page notice of new alarms.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style, Circle as CircleStyle } from 'ol/style.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import 'ol/ol.css';
import { $, makeT, setUpLanguage, language, me, signIn, getJson, send, when, el } from './governance-common.js';

const api = '/api/scenes/smart';
const t = makeT({
  zh: {
    map: '← 地图', title: '智慧治理指挥中心', signIn: '登录', user: '用户名', password: '密码', devices: '设备', alarms: '告警', incidents: '事件看板',
    newIncident: '上报事件', kind: '事件类型', incidentTitle: '标题', description: '描述', clickMap: '在地图上点击选择位置', report: '上报',
    ack: '确认', clear: '清除', toIncident: '转为事件', dispatch: '派遣', advance: '推进', responder: '处置人员（队伍或姓名）', noAlarms: '暂无活动告警。',
    online: '在线', offline: '离线', maintenance: '维护中', alarm: '告警', newAlarm: '新告警', chooseWhere: '请先在地图上点击选择位置。', reported: '事件已上报。',
    closedCount: '已办结', where: '位置',
  },
  en: {
    map: '← Map', title: 'Command centre', signIn: 'Sign in', user: 'User name', password: 'Password', devices: 'Devices', alarms: 'Alarms', incidents: 'Incident board',
    newIncident: 'Report an incident', kind: 'Kind', incidentTitle: 'Title', description: 'Description', clickMap: 'Click the map to place it', report: 'Report',
    ack: 'Acknowledge', clear: 'Clear', toIncident: 'Raise incident', dispatch: 'Dispatch', advance: 'Move on', responder: 'Responder (team or name)', noAlarms: 'No active alarms.',
    online: 'Online', offline: 'Offline', maintenance: 'Maintenance', alarm: 'Alarm', newAlarm: 'New alarm', chooseWhere: 'Click the map to place the incident first.', reported: 'Incident reported.',
    closedCount: 'Closed', where: 'Where',
  },
});

const statuses = [['reported', '已上报', 'Reported'], ['dispatched', '已派遣', 'Dispatched'], ['on_scene', '已到场', 'On scene'], ['resolved', '已处置', 'Resolved'], ['closed', '已办结', 'Closed']];
const kinds = [['fire_lane', '消防通道堵塞', 'Fire lane blocked'], ['person_help', '人员求助', 'Person needing help'], ['security', '治安事件', 'Security'],
  ['facility_fault', '设施故障', 'Facility fault'], ['device_alarm', '设备告警', 'Device alarm'], ['other', '其他', 'Other']];
const name = pair => (language() === 'zh' ? pair[1] : pair[2]);

const devices = new globalThis.Map();
let alarms = [];
let picked = null;

const source = new VectorSource();
const styles = {};
const styleOf = color => (styles[color] ??= new Style({ image: new CircleStyle({ radius: 7, fill: new Fill({ color }), stroke: new Stroke({ color: '#fff', width: 2 }) }) }));
const pickSource = new VectorSource();
const liveMap = new Map({
  target: 'live-map',
  layers: [
    new VectorLayer({ source, style: f => styleOf(f.get('color')) }),
    new VectorLayer({ source: pickSource, style: new Style({ image: new CircleStyle({ radius: 6, fill: new Fill({ color: '#1565c0' }) }) }) }),
  ],
  view: new View({ center: fromLonLat([104.07, 30.40]), zoom: 13, maxZoom: 20 }),
});
liveMap.on('click', e => {
  const [lon, lat] = toLonLat(e.coordinate);
  picked = { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
  pickSource.clear();
  pickSource.addFeature(new Feature(new Point(e.coordinate)));
  $('incident-where').textContent = `${t('where')}: ${picked.lon}, ${picked.lat}`;
});

function statusName(code) {
  return t(code) ?? code;
}

function showDevice(d) {
  devices.set(d.id, d);
  let feature = source.getFeatureById(d.id);
  if (!feature) {
    feature = new Feature(new Point(fromLonLat([d.lon, d.lat])));
    feature.setId(d.id);
    source.addFeature(feature);
  }
  feature.set('color', d.color);
  const values = Object.entries(d.values ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
  const item = el('li', { 'data-device-id': d.id, 'data-color': d.color, 'data-status': d.status },
    el('span', { class: 'swatch', style: `background:${d.color}` }), `${d.name} · ${statusName(d.status)}`,
    d.alarmSeverity ? ` · ${t('alarm')}` : '', values ? el('span', { class: 'muted' }, ` ${values}`) : null);
  const old = document.querySelector(`#devices li[data-device-id="${d.id}"]`);
  if (old) old.replaceWith(item);
  else $('devices').append(item);
}

function renderLegend() {
  $('legend').replaceChildren(
    ...[['#2e7d32', 'online'], ['#c62828', 'offline'], ['#f9a825', 'maintenance'], ['#e65100', 'alarm']].map(([color, key]) =>
      el('span', {}, el('span', { class: 'swatch', style: `background:${color}` }), t(key))));
}

function renderAlarms() {
  const open = alarms.filter(a => a.status.startsWith('active'));
  $('alarms').replaceChildren(...(open.length === 0 ? [el('li', { class: 'muted' }, t('noAlarms'))] : open.map(a => el('li', { 'data-alarm-id': a.id },
    el('span', { class: 'swatch', style: `background:${a.severity === 'critical' ? '#b71c1c' : '#e65100'}` }),
    `${a.deviceName} · ${a.ruleName}（${a.severityZh ?? a.severity}）${a.value ?? ''} · ${when(a.raisedAt)}`,
    a.acknowledgedAt ? null : el('button', { type: 'button', onclick: () => act(`${api}/alarms/${a.id}/ack`) }, t('ack')),
    el('button', { type: 'button', onclick: () => act(`${api}/alarms/${a.id}/clear`) }, t('clear')),
    el('button', { type: 'button', onclick: () => act(`${api}/incidents`, { alarmId: a.id }) }, t('toIncident'))))));
}

async function act(url, body) {
  const [, error] = await send(url, body);
  if (error) toast(error);
  await Promise.all([loadAlarms(), loadIncidents()]);
}

function toast(text) {
  const node = el('div', { class: 'toast' }, text);
  $('toasts').prepend(node);
  setTimeout(() => node.remove(), 15000);
}

async function loadAlarms() {
  alarms = await getJson(`${api}/alarms?status=active`);
  renderAlarms();
}

async function loadIncidents() {
  const incidents = await getJson(`${api}/incidents`);
  const columns = statuses.slice(0, 4).map(s => el('div', { class: 'column', 'data-status': s[0] }, el('h3', {}, name(s)),
    ...incidents.filter(i => i.status === s[0]).map(i => incidentCard(i))));
  $('board').replaceChildren(...columns, el('p', { class: 'muted' }, `${t('closedCount')}: ${incidents.filter(i => i.status === 'closed').length}`));
}

function incidentCard(i) {
  const next = statuses[statuses.findIndex(s => s[0] === i.status) + 1];
  const responder = el('input', { placeholder: t('responder'), maxlength: 100 });
  return el('div', { class: 'card', 'data-incident-id': i.id },
    el('strong', {}, i.title), el('div', { class: 'muted' }, `${i.kindZh ?? i.kind} · ${when(i.reportedAt)}`),
    i.responders.length ? el('div', {}, i.responders.join('、')) : null,
    i.status === 'reported' || i.status === 'dispatched' ? el('div', {}, responder,
      el('button', { type: 'button', onclick: () => responder.value.trim() && act(`${api}/incidents/${i.id}/dispatch`, { responder: responder.value.trim() }) }, t('dispatch'))) : null,
    next && (i.status !== 'reported') ? el('button', { type: 'button', onclick: () => act(`${api}/incidents/${i.id}/status`, { status: next[0] }) }, `${t('advance')}：${name(next)}`) : null);
}

function connect() {
  const events = new EventSource(`${api}/live`);
  events.addEventListener('open', () => { $('feed').dataset.state = 'on'; });
  events.addEventListener('error', () => { $('feed').dataset.state = 'off'; });
  events.addEventListener('snapshot', e => {
    const snapshot = JSON.parse(e.data);
    for (const d of snapshot.devices) showDevice(d);
    alarms = snapshot.alarms;
    renderAlarms();
    document.body.dataset.ready = 'true';
  });
  events.addEventListener('device', e => showDevice(JSON.parse(e.data)));
  events.addEventListener('alarm', e => {
    const notice = JSON.parse(e.data);
    if (notice.change === 'raised') toast(`${t('newAlarm')}：${notice.alarm.deviceName} · ${notice.alarm.ruleName}`);
    alarms = [notice.alarm, ...alarms.filter(a => a.id !== notice.alarm.id)];
    renderAlarms();
  });
  events.addEventListener('incident', () => loadIncidents());
}

async function start() {
  renderLegend();
  const user = await me();
  if (!user) {
    $('signin').hidden = false;
    $('login-form').onsubmit = async e => {
      e.preventDefault();
      const error = await signIn($('login-user').value, $('login-password').value);
      if (error) $('login-status').textContent = error;
      else location.reload();
    };
    return;
  }
  $('who').textContent = user.userName ?? user.username ?? '';
  $('centre').hidden = false;
  $('incident-kind').replaceChildren(...kinds.filter(k => k[0] !== 'device_alarm').map(k => el('option', { value: k[0] }, name(k))));
  $('incident-form').onsubmit = async e => {
    e.preventDefault();
    if (!picked) { $('incident-status').textContent = t('chooseWhere'); return; }
    const [, error] = await send(`${api}/incidents`, { kind: $('incident-kind').value, title: $('incident-title').value, description: $('incident-description').value || null, lon: picked.lon, lat: picked.lat });
    $('incident-status').textContent = error ?? t('reported');
    if (!error) await loadIncidents();
  };
  liveMap.updateSize();
  await loadIncidents();
  connect();
}

setUpLanguage(t, () => { renderLegend(); renderAlarms(); loadIncidents(); });
start();

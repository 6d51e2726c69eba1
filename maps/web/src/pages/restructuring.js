// 行政区划调整 (the restructuring wizard): 村改居, 撤村并村, 范围调整, 更名, 托管 and the resident-group merge with its
// household vote. Each step names its decision (document number, effective date, reason, the decision paper uploaded), is
// previewed on the map before it is registered — the jurisdiction API runs the same checks with ?preview=true and answers the
// new boundaries — and shows the reduction ratio before and after. The rules that block a step are explained beside it, and
// the API's refusal is shown in the form and on the map, in the page's language.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Draw from 'ol/interaction/Draw.js';
import Snap from 'ol/interaction/Snap.js';
import { Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat } from 'ol/proj.js';
import { getCenter } from 'ol/extent.js';
import 'ol/ol.css';
import { $, makeT, setUpLanguage, applyI18n, language, me, signIn, getJson, problem, el } from './governance-common.js';

const api = '/api/jurisdiction';
const t = makeT({
  zh: {
    map: '← 地图', title: '行政区划调整', signIn: '登录', user: '用户名', password: '密码', step: '调整事项',
    convert: '村改居', merge: '撤村并村', transfer: '范围调整', rename: '更名', delegation: '托管', groups: '村民小组合并',
    decision: '决定', documentNumber: '决定文号', effectiveDate: '生效日期', reason: '调整原因', document: '决定文件（PDF、DOCX、PNG、JPEG，不超过 10 MB）',
    rulesTitle: '规则说明', preview: '预览', submit: '提交登记', previewTitle: '调整前后对比', noPreview: '尚未预览。',
    legendBefore: '调整前', legendChosen: '已选单位', legendAfter: '调整后（预览）', legendDrawn: '绘制范围',
    village: '村', newName: '新名称', newCode: '新编码', absorbed: '被撤并单位（可在地图上点选）', successorKind: '并入方式',
    intoExisting: '并入现有单位', intoNew: '新建单位（更名新建）', successor: '并入单位', code: '编码', name: '名称', level: '层级',
    community: '社区', fromUnit: '调出单位', toUnit: '调入单位', draw: '在地图上绘制范围', clearDrawn: '清除范围',
    geometryText: '或粘贴范围的 GeoJSON（EPSG:4490）', unit: '单位', areaName: '托管片区名称', ownerStreet: '所属街道',
    parent: '所属村(社区)', mergedGroups: '拟合并小组', successorGroup: '合并后小组', vote: '户代表会议表决', eligible: '总户数',
    adults: '十八周岁以上村民', present: '到会人数', adultsPresent: '到会成年村民', households: '到会户代表（户）', votesFor: '赞成票', votesAgainst: '反对票',
    chooseStep: '请先选择调整事项。', uploading: '正在上传决定文件……', uploaded: '决定文件已上传', previewing: '正在预览……',
    previewed: '预览完成，未写入任何记录。', saving: '正在提交……', saved: '已登记。', unitCol: '单位', changeCol: '变化', areaBefore: '调整前面积',
    areaAfter: '调整后面积', sqm: '平方米', ratioPreview: '预计', ratioDone: '登记后', clickHint: '在地图上点击单位以选择；绘制时双击结束。',
    drawHint: '在地图上点击绘制范围，双击结束（吸附到现有边界）。', established: '新建', absorbedChange: '并入并扩大辖区', adjusted: '边界调整',
    abolished: '撤销', reparented: '改隶', voteChange: '表决记录', renamed: '更名', converted: '村改社区', delegated: '托管', none: '—',
    where: '问题位置', reloadUnits: '已按生效日期重新读取区划。',
  },
  en: {
    map: '← Map', title: 'Administrative restructuring', signIn: 'Sign in', user: 'User name', password: 'Password', step: 'Change',
    convert: 'Village to community', merge: 'Abolish and merge', transfer: 'Boundary adjustment', rename: 'Rename', delegation: 'Delegation',
    groups: 'Resident-group merge', decision: 'Decision', documentNumber: 'Document number', effectiveDate: 'Effective date', reason: 'Reason',
    document: 'Decision paper (PDF, DOCX, PNG, JPEG, up to 10 MB)', rulesTitle: 'Rules', preview: 'Preview', submit: 'Register',
    previewTitle: 'Before and after', noPreview: 'Not previewed yet.', legendBefore: 'Before', legendChosen: 'Chosen', legendAfter: 'After (preview)',
    legendDrawn: 'Drawn area', village: 'Village', newName: 'New name', newCode: 'New code', absorbed: 'Units to abolish (click on the map)',
    successorKind: 'Merge into', intoExisting: 'An existing unit', intoNew: 'A new unit', successor: 'Successor', code: 'Code', name: 'Name',
    level: 'Level', community: 'Community', fromUnit: 'From', toUnit: 'To', draw: 'Draw the area on the map', clearDrawn: 'Clear the area',
    geometryText: 'or paste the area as GeoJSON (EPSG:4490)', unit: 'Unit', areaName: 'Name of the delegated area', ownerStreet: 'Owner street',
    parent: 'Village or community', mergedGroups: 'Groups to merge', successorGroup: 'Group after the merge', vote: 'Household representatives’ vote',
    eligible: 'Households', adults: 'Adult villagers', present: 'Present', adultsPresent: 'Adults present', households: 'Households represented',
    votesFor: 'For', votesAgainst: 'Against', chooseStep: 'Choose a change first.', uploading: 'Uploading the decision paper…',
    uploaded: 'Decision paper uploaded', previewing: 'Previewing…', previewed: 'Previewed; nothing was written.', saving: 'Registering…', saved: 'Registered.',
    unitCol: 'Unit', changeCol: 'Change', areaBefore: 'Area before', areaAfter: 'Area after', sqm: 'm²', ratioPreview: 'Expected',
    ratioDone: 'Registered', clickHint: 'Click a unit on the map to choose it.', drawHint: 'Click on the map to draw the area, double-click to finish (snaps to boundaries).',
    established: 'Established', absorbedChange: 'Takes in the others', adjusted: 'Boundary adjusted', abolished: 'Abolished', reparented: 'Moved to the successor',
    voteChange: 'Vote on record', renamed: 'Renamed', converted: 'Village becomes a community', delegated: 'Delegated', none: '—',
    where: 'Where', reloadUnits: 'Units reloaded as of the effective date.',
  },
});

const STEPS = ['convert', 'merge', 'transfer', 'rename', 'delegation', 'groups'];

// The rules each step must pass, as the register enforces them (JurisdictionGrain, GroupMergeNeedsQuorateMajorityRule).
const RULES = {
  zh: {
    common: ['决定须有文号、生效日期和原因；同一单位的决定须按生效日期先后登记。', '同一层级的社区、村辖区不得相互重叠（容差 10 平方米）。'],
    convert: ['只有村可以改为社区（村改居）；辖区不变，村数减一、社区数加一，调减比例不变。', '新编码不得与现有单位重复。'],
    merge: ['被撤并单位须为生效日有效的社区或村；并入单位不能同时被撤销。', '并入后的辖区为被撤并单位与并入单位辖区的并集，不得与其他社区、村重叠。',
      '被撤并单位的村(居)民小组随之划入并入单位。', '调减比例 = 调减的社区和村个数 ÷ 调整前社区和村个数。'],
    transfer: ['调整范围须位于调出单位之内（超出部分不得多于 10 平方米）。', '调整后调入单位不得与其他单位重叠；调出单位不得因此失去全部辖区（应改为撤并）。',
      '两个单位须为同一层级。'],
    rename: ['名称自生效日起变更；原名称保留在沿革中。'],
    delegation: ['托管区域属于其他街道，所属街道须填写且不能是本街道。', '托管区域不得与本街道自有辖区重叠；自生效日起由本街道管理，归属不变。', '仅管理员可登记托管。'],
    groups: ['拟合并小组须属于同一村(社区)。', '会议有效（法定人数）：到会成年村民过半数，或到会户代表达总户数三分之二以上。',
      '表决通过：赞成票过到会人数半数（《村民委员会组织法》第二十二条）。', '表决未通过的，会议记入档案，小组不合并。'],
  },
  en: {
    common: ['A decision needs a document number, an effective date and a reason; decisions on one unit are registered in date order.',
      'Communities and villages do not overlap (tolerance 10 m²).'],
    convert: ['Only a village becomes a community; the territory stays, one village fewer and one community more — the reduction ratio does not change.',
      'The new code must not be in use.'],
    merge: ['The units abolished are communities or villages in force on the effective date; the successor is not abolished too.',
      'The successor’s boundary becomes the union of its own and the abolished units’, and must not overlap any other community or village.',
      'The resident groups of the abolished units move to the successor.', 'Reduction ratio = units fewer ÷ communities and villages before.'],
    transfer: ['The area lies inside the unit it leaves (at most 10 m² outside).', 'The receiving unit must then overlap no other; the giving unit must keep some territory (otherwise merge it).',
      'Both units are of one tier.'],
    rename: ['The name changes from the effective date; the old one stays in the history.'],
    delegation: ['The area belongs to another street, named as owner.', 'It must not overlap this street’s own territory; this street manages it from the effective date, the owner stays.',
      'Only administrators register delegations.'],
    groups: ['The groups belong to one village or community.', 'Quorate: more than half of the adult villagers present, or representatives of at least two thirds of the households.',
      'Passed: more than half of those present vote for (Organic Law of the Villagers’ Committees, art. 22).', 'A vote that fails is on record and the groups do not merge.'],
  },
};

let units = [];
let step = null;
let lastPreview = null;
let lastResult = null;
const chosen = new Set();

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const unitSource = new VectorSource();
const afterSource = new VectorSource();
const drawnSource = new VectorSource();
const label = f => new Text({ text: f.get('name') ?? '', font: '12px system-ui, "Noto Sans CJK SC", sans-serif', fill: new Fill({ color: '#222' }), stroke: new Stroke({ color: '#fff', width: 3 }), overflow: true });
const unitStyle = f => {
  const on = chosen.has(f.get('id'));
  const group = f.get('level') === 'group';
  return new Style({
    stroke: new Stroke({ color: on ? '#e65100' : '#5b6b7a', width: on ? 3 : group ? 1 : 1.5, lineDash: group ? [4, 3] : undefined }),
    fill: new Fill({ color: on ? '#e6510044' : '#5b6b7a14' }),
    text: group && step !== 'groups' ? undefined : label(f),
  });
};
const unitLayer = new VectorLayer({ source: unitSource, style: unitStyle });
const afterLayer = new VectorLayer({ source: afterSource, style: f => new Style({ stroke: new Stroke({ color: '#1565c0', width: 3 }), fill: new Fill({ color: '#1565c055' }), text: label(f) }) });
const drawnLayer = new VectorLayer({ source: drawnSource, style: new Style({ stroke: new Stroke({ color: '#2e7d32', width: 2, lineDash: [6, 4] }), fill: new Fill({ color: '#2e7d3244' }) }) });
const map = new Map({
  target: 'r-map',
  layers: [unitLayer, afterLayer, drawnLayer],
  view: new View({ center: fromLonLat([104.07, 30.40]), zoom: 12, maxZoom: 20 }),
});
const bubble = el('div', { id: 'r-bubble', class: 'refusal', hidden: true });
const bubbleOverlay = new Overlay({ element: bubble, positioning: 'bottom-center', offset: [0, -8] });
map.addOverlay(bubbleOverlay);
let draw = null;
let snap = null;

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const tier1 = () => units.filter(u => u.level === 'community' || u.level === 'village');
const byId = id => units.find(u => u.id === id);
const optionsOf = (list, empty = true) => [...(empty ? [el('option', { value: '' }, t('none'))] : []), ...list.map(u => el('option', { value: u.id }, `${u.name}（${u.code}）`))];
const field = (key, input) => el('label', {}, el('span', { 'data-i18n': key }, t(key)), input);

function status(text, error) {
  $('r-status').textContent = text;
  $('r-status').className = error ? 'status error' : 'status';
}

function refuse(p) {
  const text = p ? `${(language() === 'zh' ? p.detailZh : p.detail) ?? p.detail ?? p.title ?? ''}${p.field ? `（${p.field}）` : ''}` : '';
  $('r-refusal').textContent = text;
  $('r-refusal').hidden = !p;
  bubble.textContent = text;
  bubble.hidden = !p;
  if (!p) return;
  // At the place the API names (an overlap, the part outside the unit), else over the units the step concerns.
  const near = drawnSource.getFeatures()[0] ?? [...chosen].map(id => unitSource.getFeatureById(id)).find(Boolean);
  const where = Array.isArray(p.location) ? fromLonLat(p.location) : near ? getCenter(near.getGeometry().getExtent()) : null;
  bubbleOverlay.setPosition(where ?? map.getView().getCenter());
}

async function loadUnits() {
  const date = $('d-date').value || today();
  const collection = await getJson(`${api}/units?asOf=${date}`);
  units = collection.features.map(f => ({ ...f.properties, geometry: f.geometry }));
  unitSource.clear();
  const features = geojson.readFeatures(collection);
  features.forEach(f => f.setId(f.get('id')));
  unitSource.addFeatures(features);
  for (const id of [...chosen]) if (!byId(id)) chosen.delete(id);
  if (!map.getView().get('fitted') && features.length) {
    map.getView().fit(unitSource.getExtent(), { padding: [20, 20, 20, 20] });
    map.getView().set('fitted', true);
  }
}

function renderRules() {
  const rules = RULES[language()] ?? RULES.zh;
  const list = el('ul', {}, ...(step ? rules[step] : []).concat(rules.common).map(r => el('li', {}, r)));
  const checks = step === 'groups' ? voteChecks() : [];
  $('rules-body').replaceChildren(list, ...checks);
}

// The quorum and majority of the vote as typed, worked out beside the rule (the register's verdict decides).
function voteChecks() {
  const n = id => Number($(id)?.value || 0);
  const [eligible, adults, present, adultsPresent, households, votesFor] = ['v-eligible', 'v-adults', 'v-present', 'v-adults-present', 'v-households', 'v-for'].map(n);
  if (!eligible && !adults) return [];
  const byAdults = adultsPresent * 2 > adults;
  const byHouseholds = households * 3 >= eligible * 2;
  const majority = votesFor * 2 > present;
  const zh = language() === 'zh';
  const line = (ok, text) => el('p', { class: `check ${ok ? 'pass' : 'fail'}` }, `${ok ? '✔' : '✘'} ${text}`);
  return [
    line(byAdults || byHouseholds, zh
      ? `法定人数：到会成年村民 ${adultsPresent}/${adults}（${byAdults ? '已' : '未'}过半数），到会户代表 ${households}/${eligible}（${byHouseholds ? '已' : '未'}达三分之二）`
      : `Quorum: adults ${adultsPresent}/${adults} (${byAdults ? '' : 'not '}over half), households ${households}/${eligible} (${byHouseholds ? '' : 'not '}two thirds)`),
    line(majority, zh ? `表决：赞成 ${votesFor} 票，到会 ${present} 人（${majority ? '已' : '未'}过半数）` : `Majority: ${votesFor} for of ${present} present (${majority ? '' : 'not '}over half)`),
  ];
}

function renderSteps() {
  $('steps').replaceChildren(el('legend', { 'data-i18n': 'step' }, t('step')), ...STEPS.map(s => el('label', {},
    el('input', { type: 'radio', name: 'step', id: `step-${s}`, value: s, checked: s === step, onchange: () => chooseStep(s) }),
    el('span', { 'data-i18n': s }, t(s)))));
}

function checkboxList(id, list) {
  return el('div', { id, class: 'choices', role: 'group' }, ...list.map(u => el('label', {},
    el('input', { type: 'checkbox', value: u.id, id: `${id}-${u.code}`, checked: chosen.has(u.id), onchange: e => { toggle(u.id, e.target.checked); } }),
    `${u.name}（${language() === 'zh' ? u.levelZh : u.level}）`)));
}

function geometryFields() {
  return [
    el('div', { class: 'row' },
      el('button', { type: 'button', id: 'g-draw', class: 'secondary', 'data-i18n': 'draw', onclick: startDrawing }, t('draw')),
      el('button', { type: 'button', id: 'g-clear', class: 'secondary', 'data-i18n': 'clearDrawn', onclick: () => setDrawn(null) }, t('clearDrawn'))),
    field('geometryText', el('textarea', { id: 'g-text', rows: 3, onchange: e => { if (e.target.value.trim()) setDrawn(JSON.parse(e.target.value)); } })),
  ];
}

function renderFields() {
  const f = [];
  if (step === 'convert') {
    f.push(field('village', el('select', { id: 'cv-unit', onchange: e => pickOne(e.target.value) }, ...optionsOf(units.filter(u => u.level === 'village')))),
      field('newName', el('input', { id: 'cv-name' })), field('newCode', el('input', { id: 'cv-code' })));
  } else if (step === 'merge') {
    f.push(el('fieldset', {}, el('legend', { 'data-i18n': 'absorbed' }, t('absorbed')), checkboxList('mg-absorbed', tier1())),
      el('fieldset', { class: 'row' }, el('legend', { 'data-i18n': 'successorKind' }, t('successorKind')),
        el('label', {}, el('input', { type: 'radio', name: 'mg-kind', id: 'mg-existing', value: 'existing', checked: true, onchange: renderSuccessor }), el('span', { 'data-i18n': 'intoExisting' }, t('intoExisting'))),
        el('label', {}, el('input', { type: 'radio', name: 'mg-kind', id: 'mg-new', value: 'new', onchange: renderSuccessor }), el('span', { 'data-i18n': 'intoNew' }, t('intoNew')))),
      el('div', { id: 'mg-successor-fields' }));
  } else if (step === 'transfer') {
    f.push(field('fromUnit', el('select', { id: 'tr-from', onchange: e => pickOne(e.target.value) }, ...optionsOf(tier1()))),
      field('toUnit', el('select', { id: 'tr-to' }, ...optionsOf(tier1()))), ...geometryFields());
  } else if (step === 'rename') {
    f.push(field('unit', el('select', { id: 'rn-unit', onchange: e => pickOne(e.target.value) }, ...optionsOf(units.filter(u => u.level !== 'street')))),
      field('newName', el('input', { id: 'rn-name' })));
  } else if (step === 'delegation') {
    f.push(field('areaName', el('input', { id: 'dl-name' })), field('ownerStreet', el('input', { id: 'dl-owner' })), ...geometryFields());
  } else if (step === 'groups') {
    const parents = tier1().filter(p => units.some(u => u.level === 'group' && u.parentId === p.id));
    f.push(field('parent', el('select', { id: 'gm-parent', onchange: renderGroups }, ...optionsOf(parents))), el('div', { id: 'gm-fields' }),
      el('fieldset', {}, el('legend', { 'data-i18n': 'vote' }, t('vote')), el('div', { class: 'vote' },
        ...[['eligible', 'v-eligible'], ['adults', 'v-adults'], ['present', 'v-present'], ['adultsPresent', 'v-adults-present'], ['households', 'v-households'], ['votesFor', 'v-for'], ['votesAgainst', 'v-against']]
          .map(([key, id]) => field(key, el('input', { id, type: 'number', min: 0, step: 1, inputmode: 'numeric', oninput: renderRules }))))));
  }
  $('step-fields').replaceChildren(...f);
  if (step === 'merge') renderSuccessor();
  $('map-hint').textContent = step === 'transfer' || step === 'delegation' ? t('drawHint') : t('clickHint');
}

function renderSuccessor() {
  const existing = $('mg-existing').checked;
  $('mg-successor-fields').replaceChildren(...(existing
    ? [field('successor', el('select', { id: 'mg-successor' }, ...optionsOf(tier1())))]
    : [field('code', el('input', { id: 'mg-new-code' })), field('name', el('input', { id: 'mg-new-name' })),
      field('level', el('select', { id: 'mg-new-level' }, el('option', { value: 'community' }, t('community')), el('option', { value: 'village' }, t('village'))))]));
}

function renderGroups() {
  const parent = $('gm-parent').value;
  const groups = units.filter(u => u.level === 'group' && u.parentId === parent);
  for (const id of [...chosen]) if (!groups.some(g => g.id === id)) chosen.delete(id);
  $('gm-fields').replaceChildren(el('fieldset', {}, el('legend', { 'data-i18n': 'mergedGroups' }, t('mergedGroups')), checkboxList('gm-groups', groups)),
    field('successorGroup', el('select', { id: 'gm-successor' }, ...optionsOf(groups))));
  unitLayer.changed();
}

function toggle(id, on) {
  if (on) chosen.add(id); else chosen.delete(id);
  const box = document.querySelector(`.choices input[value="${id}"]`);
  if (box) box.checked = on;
  unitLayer.changed();
}

function pickOne(id) {
  chosen.clear();
  if (id) chosen.add(id);
  unitLayer.changed();
}

function chooseStep(s) {
  step = s;
  chosen.clear();
  setDrawn(null);
  stopDrawing();
  afterSource.clear();
  lastPreview = null;
  refuse(null);
  $('preview-body').textContent = t('noPreview');
  $('ratio').textContent = '';
  renderFields();
  renderRules();
  unitLayer.changed();
}

function stopDrawing() {
  if (draw) map.removeInteraction(draw);
  if (snap) map.removeInteraction(snap);
  draw = snap = null;
}

function startDrawing() {
  stopDrawing();
  drawnSource.clear();
  draw = new Draw({ source: drawnSource, type: 'Polygon' });
  draw.on('drawend', () => setTimeout(stopDrawing));
  map.addInteraction(draw);
  // Snap after Draw, to the units' corners and edges, so a transferred area follows the boundary it leaves.
  snap = new Snap({ source: unitSource, pixelTolerance: 10 });
  map.addInteraction(snap);
}

/** The area of a 范围调整 or 托管 as GeoJSON (EPSG:4490), or null to clear it. */
function setDrawn(geometry) {
  drawnSource.clear();
  if (geometry) drawnSource.addFeature(geojson.readFeature({ type: 'Feature', geometry, properties: {} }));
}

function drawnGeometry() {
  const feature = drawnSource.getFeatures()[0];
  return feature ? geojson.writeGeometryObject(feature.getGeometry(), { decimals: 7 }) : null;
}

map.on('click', e => {
  if (draw || !step) return;
  const wanted = step === 'groups' ? u => u.level === 'group' && u.parentId === $('gm-parent').value
    : step === 'convert' ? u => u.level === 'village'
      : step === 'rename' ? u => u.level !== 'street' : u => u.level === 'community' || u.level === 'village';
  const hit = map.getFeaturesAtPixel(e.pixel, { layerFilter: l => l === unitLayer }).map(f => byId(f.get('id'))).filter(u => u && wanted(u))
    .sort((a, b) => a.areaSquareMetres - b.areaSquareMetres)[0];
  if (!hit) return;
  if (step === 'merge' || step === 'groups') {
    toggle(hit.id, !chosen.has(hit.id));
  } else {
    const select = { convert: 'cv-unit', rename: 'rn-unit', transfer: 'tr-from' }[step];
    if (select) { $(select).value = hit.id; pickOne(hit.id); }
  }
});

function decision(documentId) {
  return { documentNumber: $('d-number').value, effectiveDate: $('d-date').value || null, reason: $('d-reason').value, documentId: documentId ?? null };
}

/** The step's request: [url, body], from what the form holds. */
function request(documentId) {
  const d = decision(documentId);
  const value = id => $(id)?.value ?? '';
  const num = id => ($(id)?.value === '' ? null : Number($(id).value));
  switch (step) {
    case 'convert': return [`${api}/units/${value('cv-unit') || '00000000-0000-0000-0000-000000000000'}/convert-to-community`, { name: value('cv-name'), code: value('cv-code'), decision: d }];
    case 'rename': return [`${api}/units/${value('rn-unit') || '00000000-0000-0000-0000-000000000000'}/rename`, { name: value('rn-name'), decision: d }];
    case 'merge': {
      const existing = $('mg-existing').checked;
      return [`${api}/merges`, {
        absorbedIds: [...chosen],
        successorId: existing ? value('mg-successor') || null : null,
        newSuccessor: existing ? null : { code: value('mg-new-code'), name: value('mg-new-name'), level: value('mg-new-level') },
        decision: d,
      }];
    }
    case 'transfer': return [`${api}/transfers`, { fromId: value('tr-from') || null, toId: value('tr-to') || null, geometry: drawnGeometry(), decision: d }];
    case 'delegation': return [`${api}/delegations`, { name: value('dl-name'), ownerStreet: value('dl-owner'), geometry: drawnGeometry(), decision: d }];
    case 'groups': return [`${api}/group-merges`, {
      groupIds: [...chosen], successorId: value('gm-successor') || null,
      vote: { eligibleHouseholds: num('v-eligible'), adultVillagers: num('v-adults'), present: num('v-present'), adultsPresent: num('v-adults-present'),
        householdsRepresented: num('v-households'), votesFor: num('v-for'), votesAgainst: num('v-against') },
      decision: d,
    }];
    default: return [null, null];
  }
}

async function post(url, body) {
  const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  return response.ok ? [json, null] : [null, { status: response.status, ...json }];
}

// Communities and villages before the step and after it, counted from the units in force on the effective date.
function counts(after) {
  const list = tier1();
  const c = { communities: list.filter(u => u.level === 'community').length, villages: list.filter(u => u.level === 'village').length };
  if (!after) return c;
  const r = { ...c };
  if (step === 'convert' && $('cv-unit').value) { r.villages -= 1; r.communities += 1; }
  if (step === 'merge') {
    for (const id of chosen) { if (byId(id)?.level === 'village') r.villages -= 1; else r.communities -= 1; }
    if (!$('mg-existing').checked) { if ($('mg-new-level').value === 'village') r.villages += 1; else r.communities += 1; }
  }
  return r;
}

function ratioText(before, after, prefix) {
  const b = before.communities + before.villages;
  const a = after.communities + after.villages;
  const percent = b === 0 ? 0 : (100 * (b - a)) / b;
  const shown = percent.toFixed(2);
  return [language() === 'zh'
    ? `${prefix}：由原来${before.communities}个社区、${before.villages}个村调整为${after.communities}个社区、${after.villages}个村，调减 ${b - a} 个，调减比例达${shown}%`
    : `${prefix}: from ${before.communities} communities and ${before.villages} villages to ${after.communities} communities and ${after.villages} villages, ${b - a} fewer, a reduction of ${shown}%`, shown];
}

function showPreview(answer) {
  afterSource.clear();
  const changeName = c => ({ established: t('established'), absorbed: t('absorbedChange'), adjusted: t('adjusted'), abolished: t('abolished'),
    reparented: t('reparented'), vote: t('voteChange'), renamed: t('renamed'), converted: t('converted'), delegated: t('delegated') }[c] ?? c);
  for (const u of answer.units.filter(x => x.geometry)) {
    const feature = geojson.readFeature({ type: 'Feature', geometry: u.geometry, properties: { name: u.name, id: u.id } });
    afterSource.addFeature(feature);
  }
  const rows = answer.units.filter(u => u.change !== 'reparented').map(u => el('tr', { 'data-unit': u.id, 'data-change': u.change },
    el('td', {}, u.name ?? t('none')), el('td', {}, changeName(u.change)),
    el('td', {}, byId(u.id)?.areaSquareMetres != null ? `${Math.round(byId(u.id).areaSquareMetres).toLocaleString()} ${t('sqm')}` : t('none')),
    el('td', { class: 'area-after', 'data-area': u.areaSquareMetres ?? '' }, u.areaSquareMetres != null ? `${Math.round(u.areaSquareMetres).toLocaleString()} ${t('sqm')}` : t('none'))));
  const moved = answer.units.filter(u => u.change === 'reparented').length;
  $('preview-body').replaceChildren(el('table', { id: 'preview-table' },
    el('thead', {}, el('tr', {}, el('th', {}, t('unitCol')), el('th', {}, t('changeCol')), el('th', {}, t('areaBefore')), el('th', {}, t('areaAfter')))),
    el('tbody', {}, ...rows)), ...(moved ? [el('p', { class: 'muted' }, `${t('reparented')}：${moved}`)] : []), ...(answer.finding ? [el('p', {}, answer.finding)] : []));
  const [text, percent] = ratioText(counts(false), counts(true), t('ratioPreview'));
  $('ratio').textContent = text;
  $('ratio').dataset.percent = percent;
}

// Steps the API does not preview are shown from the form: the unit's new name or level, the drawn delegated area.
function localPreview() {
  const u = byId(chosen.values().next().value);
  if (step === 'rename') return { units: u ? [{ id: u.id, name: `${u.name} → ${$('rn-name').value}`, change: 'renamed' }] : [] };
  if (step === 'convert') return { units: u ? [{ id: u.id, name: `${u.name} → ${$('cv-name').value}`, change: 'converted' }] : [] };
  return { units: [{ id: 'drawn', name: $('dl-name').value, change: 'delegated', geometry: drawnGeometry() }] };
}

async function previewStep() {
  if (!step) return status(t('chooseStep'), true);
  refuse(null);
  status(t('previewing'));
  if (!['merge', 'transfer', 'groups'].includes(step)) {
    lastPreview = localPreview();
    showPreview(lastPreview);
    return status(t('previewed'));
  }
  const [url, body] = request(null);
  const [answer, failed] = await post(`${url}?preview=true`, body);
  if (failed) { refuse(failed); return status('', false); }
  lastPreview = answer;
  showPreview(answer);
  status(t('previewed'));
}

async function upload() {
  const file = $('d-file').files[0];
  if (!file) return [null, null];
  status(t('uploading'));
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(`${api}/decision-documents`, { method: 'POST', credentials: 'same-origin', body: form });
  const json = await response.json().catch(() => ({}));
  return response.ok ? [json, null] : [null, { status: response.status, ...json }];
}

async function submitStep(e) {
  e.preventDefault();
  if (!step) return status(t('chooseStep'), true);
  refuse(null);
  const before = counts(false);
  const [paper, uploadFailed] = await upload();
  if (uploadFailed) { refuse(uploadFailed); return status('', false); }
  status(t('saving'));
  const [url, body] = request(paper?.id);
  const [answer, failed] = await post(url, body);
  if (failed) { refuse(failed); return status('', false); }
  lastResult = { ...answer, document: paper };
  const date = $('d-date').value;
  const dayBefore = new Date(`${date}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const statistics = await getJson(`${api}/statistics?from=${dayBefore.toISOString().slice(0, 10)}&to=${date}`);
  await loadUnits();
  afterSource.clear();
  chosen.clear();
  if (answer.id && unitSource.getFeatureById(answer.id)) chosen.add(answer.id);
  unitLayer.changed();
  const after = { communities: statistics.after.communities, villages: statistics.after.villages };
  const [text] = ratioText({ communities: statistics.before.communities, villages: statistics.before.villages }, after, t('ratioDone'));
  $('ratio-result').textContent = text;
  $('ratio-result').dataset.percent = statistics.reductionPercent.toFixed(2);
  const changed = byId(answer.id);
  status(`${t('saved')}${paper ? ` ${t('uploaded')}（SHA-256 ${paper.sha256.slice(0, 12)}…）` : ''}${answer.finding ? ` ${answer.finding}` : ''}`);
  if (changed) $('r-status').append(el('span', { id: 'r-changed', 'data-unit': changed.id, 'data-area': changed.areaSquareMetres }, ` ${changed.name}：${Math.round(changed.areaSquareMetres).toLocaleString()} ${t('sqm')}`));
  renderFields();
}

window.restructuring = {
  ready: false,
  units: () => units,
  lastPreview: () => lastPreview,
  lastResult: () => lastResult,
  setDrawn,
  map,
};

async function start() {
  setUpLanguage(t, () => { renderRules(); renderSteps(); applyI18n(t); });
  const user = await me();
  $('signin').hidden = !!user;
  if (!user) {
    $('login-form').onsubmit = async e => {
      e.preventDefault();
      const failed = await signIn($('login-user').value, $('login-password').value);
      if (failed) $('login-status').textContent = failed; else await start();
    };
    return;
  }
  $('who').textContent = user.displayName ?? user.userName ?? '';
  $('wizard').hidden = false;
  map.updateSize();
  $('d-date').value = today();
  $('d-date').onchange = async () => { await loadUnits(); renderFields(); status(t('reloadUnits')); };
  $('r-preview').onclick = previewStep;
  $('r-form').onsubmit = submitStep;
  renderSteps();
  renderRules();
  await loadUnits();
  window.restructuring.ready = true;
  document.body.dataset.ready = 'true';
}

start().catch(e => status(String(e.message ?? e), true));

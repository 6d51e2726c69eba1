// The inspector's page (phone first): a checklist inspection of a compound or a business point with findings and their
// rectification deadlines, the overdue findings, and the entry of filings and property-service training.
import { $, makeT, setUpLanguage, me, signIn, getJson, send, el } from './governance-common.js';

const t = makeT({
  zh: {
    map: '← 地图', title: '检查、备案与培训', signIn: '工作人员登录', user: '用户名', password: '密码', inspection: '现场检查', template: '检查表', compound: '小区',
    targetKind: '对象类型', targetName: '对象名称', useLocation: '使用我的位置', heldOn: '检查日期', save: '保存', overdue: '逾期未整改', filing: '备案登记',
    kind: '备案类型', filedOn: '备案日期', parties: '当事方', documents: '材料（逗号分隔）', training: '物业服务培训', topic: '主题', trainedOn: '日期',
    compounds: '覆盖小区（可多选）', attendees: '参训人次', passed: '合格', finding: '问题描述', deadline: '整改期限', saved: '已保存。', noneOverdue: '没有逾期未整改的问题。',
  },
  en: {
    map: '← Map', title: 'Inspections, filings, training', signIn: 'Staff sign-in', user: 'User name', password: 'Password', inspection: 'Inspection', template: 'Checklist', compound: 'Compound',
    targetKind: 'Kind', targetName: 'Name', useLocation: 'Use my location', heldOn: 'Date', save: 'Save', overdue: 'Overdue findings', filing: 'Filing',
    kind: 'Kind', filedOn: 'Date', parties: 'Parties', documents: 'Documents (comma-separated)', training: 'Property training', topic: 'Topic', trainedOn: 'Date',
    compounds: 'Compounds covered', attendees: 'Attendees', passed: 'In order', finding: 'Finding', deadline: 'Deadline', saved: 'Saved.', noneOverdue: 'No overdue findings.',
  },
});

let templates = [];
let compounds = [];
let point = null;
const today = () => new Date().toISOString().slice(0, 10);
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);

function status(id, text, error) {
  $(id).textContent = text;
  $(id).className = error ? 'status error' : 'status';
}

function renderItems() {
  const template = templates.find(x => x.code === $('template').value);
  const business = template?.kind === 'reopening';
  $('business-fields').hidden = !business;
  $('compound-field').hidden = business;
  $('items').replaceChildren(...(template?.items ?? []).map((item, i) => {
    const box = el('input', { type: 'checkbox', checked: true, 'data-item': item });
    const finding = el('div', { hidden: true, 'data-finding': item },
      el('label', {}, el('span', {}, t('finding')), el('input', { 'data-description': item })),
      el('label', {}, el('span', {}, t('deadline')), el('input', { type: 'date', value: inAWeek(), 'data-deadline': item })));
    box.onchange = () => { finding.hidden = box.checked; };
    return el('div', { class: 'card' }, el('label', {}, box, `${item} · ${t('passed')}`), finding);
  }));
}

async function renderOverdue() {
  const overdue = await getJson('/api/governance/inspections/overdue');
  $('overdue').replaceChildren(...(overdue.length === 0 ? [el('p', {}, t('noneOverdue'))]
    : overdue.map(f => el('div', { class: 'card overdue' }, `${f.targetName} · ${f.item}：${f.description}（${t('deadline')} ${f.deadlineOn}）`))));
}

async function start() {
  setUpLanguage(t, renderItems);
  const user = await me();
  $('signin').hidden = !!user;
  $('work').hidden = !user;
  if (!user) {
    $('login-form').onsubmit = async e => {
      e.preventDefault();
      const failed = await signIn($('login-user').value, $('login-password').value);
      if (failed) alert(failed); else await start();
    };
    return;
  }
  templates = await getJson('/api/governance/checklists');
  compounds = await getJson('/api/compounds');
  $('template').replaceChildren(...templates.map(x => el('option', { value: x.code }, x.nameZh)));
  const options = () => compounds.map(c => el('option', { value: c.id }, c.name));
  $('compound').replaceChildren(...options());
  $('filing-compound').replaceChildren(...options());
  $('training-compounds').replaceChildren(...compounds.map(c => el('option', { value: c.name }, c.name)));
  for (const id of ['held-on', 'filed-on', 'trained-on']) $(id).value = today();
  $('template').onchange = renderItems;
  renderItems();
  $('locate').onclick = () => navigator.geolocation?.getCurrentPosition(p => {
    point = [p.coords.longitude, p.coords.latitude];
    $('where').textContent = `${point[0].toFixed(5)}, ${point[1].toFixed(5)}`;
  });

  $('inspection-form').onsubmit = async e => {
    e.preventDefault();
    const template = templates.find(x => x.code === $('template').value);
    const business = template.kind === 'reopening';
    const boxes = [...document.querySelectorAll('[data-item]')];
    const body = {
      template: template.code, heldOn: $('held-on').value, random: true,
      items: boxes.map(b => ({ item: b.dataset.item, passed: b.checked, note: null })),
      findings: boxes.filter(b => !b.checked).map(b => ({
        item: b.dataset.item,
        description: document.querySelector(`[data-description="${b.dataset.item}"]`).value,
        deadlineOn: document.querySelector(`[data-deadline="${b.dataset.item}"]`).value,
      })),
      ...(business ? { targetKind: $('target-kind').value, targetName: $('target-name').value, location: point } : { compoundId: $('compound').value }),
    };
    const [, failed] = await send('/api/governance/inspections', body);
    status('inspection-status', failed ?? t('saved'), !!failed);
    if (!failed) { renderItems(); renderOverdue(); }
  };
  $('filing-form').onsubmit = async e => {
    e.preventDefault();
    const [, failed] = await send('/api/governance/filings', {
      kind: $('filing-kind').value, compoundId: $('filing-compound').value, filedOn: $('filed-on').value, parties: $('parties').value,
      documents: $('documents').value.split(/[,，]/).map(s => s.trim()).filter(Boolean),
    });
    status('filing-status', failed ?? t('saved'), !!failed);
  };
  $('training-form').onsubmit = async e => {
    e.preventDefault();
    const [, failed] = await send('/api/governance/trainings', {
      topic: $('topic').value, heldOn: $('trained-on').value, compounds: [...$('training-compounds').selectedOptions].map(o => o.value), attendees: Number($('attendees').value),
    });
    status('training-status', failed ?? t('saved'), !!failed);
  };
  await renderOverdue();
  document.body.dataset.ready = 'true';
}

start();

// The inspector's page (phone first): a checklist inspection of a compound or a business point with findings and their
// rectification deadlines and photos, the open findings (rectified with proof and photos, then verified), the overdue findings,
// and the entry of filings and property-service training.
import { $, makeT, setUpLanguage, me, signIn, getJson, send, el, problem } from './governance-common.js';

const t = makeT({
  zh: {
    map: '← 地图', title: '检查、备案与培训', signIn: '工作人员登录', user: '用户名', password: '密码', inspection: '现场检查', template: '检查表', compound: '小区',
    targetKind: '对象类型', targetName: '对象名称', useLocation: '使用我的位置', heldOn: '检查日期', save: '保存', overdue: '逾期未整改', filing: '备案登记',
    kind: '备案类型', filedOn: '备案日期', parties: '当事方', documents: '材料（逗号分隔）', training: '物业服务培训', topic: '主题', trainedOn: '日期',
    compounds: '覆盖小区（可多选）', attendees: '参训人次', passed: '合格', finding: '问题描述', deadline: '整改期限', saved: '已保存。', noneOverdue: '没有逾期未整改的问题。',
    photo: '问题照片', openFindings: '待整改与待复查问题', proof: '整改情况', proofPhoto: '整改照片', rectify: '登记整改', verify: '复查销号',
    rectifiedOn: '整改日期', noneOpen: '没有待整改或待复查的问题。', rectified: '已整改，待复查', photoSaved: '照片已上传。',
  },
  en: {
    map: '← Map', title: 'Inspections, filings, training', signIn: 'Staff sign-in', user: 'User name', password: 'Password', inspection: 'Inspection', template: 'Checklist', compound: 'Compound',
    targetKind: 'Kind', targetName: 'Name', useLocation: 'Use my location', heldOn: 'Date', save: 'Save', overdue: 'Overdue findings', filing: 'Filing',
    kind: 'Kind', filedOn: 'Date', parties: 'Parties', documents: 'Documents (comma-separated)', training: 'Property training', topic: 'Topic', trainedOn: 'Date',
    compounds: 'Compounds covered', attendees: 'Attendees', passed: 'In order', finding: 'Finding', deadline: 'Deadline', saved: 'Saved.', noneOverdue: 'No overdue findings.',
    photo: 'Photo of the finding', openFindings: 'Findings to rectify or verify', proof: 'What was done', proofPhoto: 'Photo of the rectification', rectify: 'Record rectification', verify: 'Verify and close',
    rectifiedOn: 'Rectified on', noneOpen: 'Nothing to rectify or verify.', rectified: 'Rectified, to be verified', photoSaved: 'Photo uploaded.',
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
      el('label', {}, el('span', {}, t('deadline')), el('input', { type: 'date', value: inAWeek(), 'data-deadline': item })),
      el('label', {}, el('span', {}, t('photo')), el('input', { type: 'file', accept: 'image/jpeg,image/png', capture: 'environment', 'data-photo': item })));
    box.onchange = () => { finding.hidden = box.checked; };
    return el('div', { class: 'card' }, el('label', {}, box, `${item} · ${t('passed')}`), finding);
  }));
}

/** Uploads a photo of a finding (stage finding or rectification); answers the problem text or null. */
async function uploadPhoto(inspectionId, findingId, file, stage) {
  const form = new FormData();
  form.append('photo', file);
  form.append('stage', stage);
  const response = await fetch(`/api/governance/inspections/${inspectionId}/findings/${findingId}/photos`, { method: 'POST', credentials: 'same-origin', body: form });
  return response.ok ? null : problem(response);
}

async function renderOpenFindings() {
  const inspections = await getJson('/api/governance/inspections');
  const open = inspections.flatMap(i => i.findings.filter(f => !f.verifiedOn).map(f => ({ i, f })));
  $('open-findings').replaceChildren(...(open.length === 0 ? [el('p', {}, t('noneOpen'))] : open.map(({ i, f }) => {
    const overdue = !f.rectifiedOn && f.deadlineOn < today();
    const photos = el('div', { class: 'photos' }, ...f.photos.map(p => el('a', { href: p.url, target: '_blank' }, el('img', { src: p.url, alt: p.stage, class: `thumb ${p.stage}` }))));
    const card = el('div', { class: `card${overdue ? ' overdue' : ''}`, 'data-finding-id': f.id },
      el('div', {}, el('strong', {}, `${i.targetName} · ${f.item}`), ' ', f.rectifiedOn ? el('span', { class: 'badge' }, t('rectified')) : null),
      el('div', {}, f.description), el('div', { class: 'meta' }, `${i.heldOn} · ${t('deadline')} ${f.deadlineOn}`), photos);
    if (!f.rectifiedOn) {
      const proof = el('input', { class: 'proof', placeholder: t('proof') });
      const on = el('input', { type: 'date', value: today(), class: 'rectified-on' });
      const file = el('input', { type: 'file', accept: 'image/jpeg,image/png', capture: 'environment', class: 'proof-photo' });
      card.append(el('label', {}, el('span', {}, t('proof')), proof), el('label', {}, el('span', {}, t('rectifiedOn')), on),
        el('label', {}, el('span', {}, t('proofPhoto')), file),
        el('button', { type: 'button', class: 'rectify', onclick: async () => {
          let failed = file.files[0] ? await uploadPhoto(i.id, f.id, file.files[0], 'rectification') : null;
          if (!failed) [, failed] = await send(`/api/governance/inspections/${i.id}/findings/${f.id}/rectify`, { rectifiedOn: on.value, proof: proof.value || (file.files[0] ? '见整改照片' : '') });
          status('findings-status', failed ?? t('saved'), !!failed);
          if (!failed) { await renderOpenFindings(); await renderOverdue(); }
        } }, t('rectify')));
    } else {
      card.append(el('div', { class: 'meta' }, `${t('rectifiedOn')} ${f.rectifiedOn} · ${f.proof}`),
        el('button', { type: 'button', class: 'verify', onclick: async () => {
          const [, failed] = await send(`/api/governance/inspections/${i.id}/findings/${f.id}/verify`, { verifiedOn: today() });
          status('findings-status', failed ?? t('saved'), !!failed);
          if (!failed) await renderOpenFindings();
        } }, t('verify')));
    }
    return card;
  })));
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
    const [answer, failed] = await send('/api/governance/inspections', body);
    let photoFailed = null;
    // The answer gives the findings' ids in the order they were sent: each photo goes to its finding.
    if (!failed) {
      const unchecked = boxes.filter(b => !b.checked);
      for (const [n, b] of unchecked.entries()) {
        const file = document.querySelector(`[data-photo="${b.dataset.item}"]`).files[0];
        if (file) photoFailed ??= await uploadPhoto(answer.id, answer.findings[n], file, 'finding');
      }
    }
    status('inspection-status', failed ?? photoFailed ?? t('saved'), !!(failed ?? photoFailed));
    if (!failed) { renderItems(); renderOverdue(); renderOpenFindings(); }
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
  await renderOpenFindings();
  document.body.dataset.ready = 'true';
}

start();

// The resident's complaint form and "my complaints" (phone first): category with its extra questions, the compound or the
// phone's position, similar open complaints nearby, photos; then confirming (办结) or reopening a responded complaint.
import { $, makeT, setUpLanguage, language, me, signIn, getJson, send, problem, when, el } from './governance-common.js';

const t = makeT({
  zh: {
    map: '← 地图', title: '小区投诉', signIn: '登录', user: '用户名', password: '密码', newComplaint: '我要投诉', category: '投诉类别', compound: '所在小区',
    useLocation: '使用我的位置', description: '投诉内容', name: '姓名（仅工作人员可见）', phone: '联系电话（仅工作人员可见）',
    photos: '照片（JPEG/PNG，每张不超过 5 MB；定位信息会被删除）', submit: '提交投诉', myComplaints: '我的投诉', filed: '投诉已提交。',
    similar: '附近已有类似投诉（尚未办结）：', none: '暂无投诉。', confirm: '确认办结', reopen: '不满意，重新打开', response: '处置回复',
    routedTo: '承办单位', choose: '请选择', located: '已定位', at: '提交于', photoFailed: '照片未上传', required: '（必填）',
  },
  en: {
    map: '← Map', title: 'Complaints', signIn: 'Sign in', user: 'User name', password: 'Password', newComplaint: 'File a complaint', category: 'Category', compound: 'Compound',
    useLocation: 'Use my location', description: 'What is wrong', name: 'Name (staff only)', phone: 'Phone (staff only)',
    photos: 'Photos (JPEG/PNG, ≤ 5 MB each; location data is removed)', submit: 'Submit', myComplaints: 'My complaints', filed: 'Complaint filed.',
    similar: 'Similar open complaints nearby:', none: 'No complaints yet.', confirm: 'Confirm and close', reopen: 'Not resolved: reopen', response: 'Response',
    routedTo: 'Handled by', choose: 'Choose', located: 'Located', at: 'Filed', photoFailed: 'Photo not uploaded', required: ' (required)',
  },
});

let categories = [];
let compounds = [];
let point = null;

function setStatus(text, error = false) {
  $('status').textContent = text;
  $('status').className = error ? 'status error' : 'status';
}

function renderQuestions() {
  const category = categories.find(c => c.code === $('category').value);
  $('questions').replaceChildren(...(category?.questions ?? []).map(q => {
    const id = `q-${q.code}`;
    const label = (language() === 'zh' ? q.labelZh : q.labelEn || q.labelZh) + (q.required ? t('required') : '');
    const input = q.datatype === 'singlevaluelist'
      ? el('select', { id, 'data-question': q.code, required: q.required }, el('option', { value: '' }, t('choose')), ...q.values.map(v => el('option', { value: v.key }, v.nameZh)))
      : q.datatype === 'text' ? el('textarea', { id, 'data-question': q.code, required: q.required, rows: 2 })
      : el('input', { id, 'data-question': q.code, required: q.required, type: q.datatype === 'number' ? 'number' : q.datatype === 'datetime' ? 'datetime-local' : 'text' });
    return el('label', {}, el('span', {}, label), input);
  }));
}

async function showSimilar() {
  const here = point ?? compounds.find(c => c.id === $('compound').value)?.location;
  if (!here || !$('category').value) return;
  const near = await getJson(`/api/governance/complaints/similar?lon=${here[0]}&lat=${here[1]}&category=${encodeURIComponent($('category').value)}&radius=200`);
  $('similar').hidden = near.length === 0;
  $('similar').replaceChildren(el('strong', {}, t('similar')), ...near.slice(0, 3).map(s => el('div', {}, `${s.categoryZh}：${s.description}（${s.statusZh}，${Math.round(s.distanceMetres)} 米）`)));
}

async function renderMine() {
  const list = await getJson('/api/governance/complaints/mine');
  $('my-list').replaceChildren(...(list.length === 0 ? [el('p', {}, t('none'))] : list.map(c => {
    const actions = c.status === 'responded'
      ? el('div', { class: 'row' },
          el('button', { type: 'button', class: 'confirm', onclick: () => decide(c.id, 'confirm') }, t('confirm')),
          el('button', { type: 'button', class: 'secondary reopen', onclick: () => decide(c.id, 'reopen') }, t('reopen')))
      : null;
    return el('div', { class: 'card', 'data-id': c.id },
      el('div', {}, el('strong', {}, c.categoryZh), ' ', el('span', { class: 'badge status-badge' }, language() === 'zh' ? c.statusZh : c.status)),
      el('div', {}, c.description),
      el('div', { class: 'meta' }, `${t('at')} ${when(c.filedAt)} · ${c.compound ?? ''} · ${t('routedTo')}：${c.routedTo}`),
      c.response ? el('div', {}, `${t('response')}：${c.response}`) : null,
      actions);
  })));
}

async function decide(id, action) {
  const [, failed] = await send(`/api/governance/complaints/${id}/${action}`, { note: action === 'confirm' ? '居民确认' : '居民重新打开' });
  if (failed) setStatus(failed, true);
  await renderMine();
}

async function fileComplaint(e) {
  e.preventDefault();
  const compound = compounds.find(c => c.id === $('compound').value);
  const answers = Object.fromEntries([...document.querySelectorAll('[data-question]')].filter(i => i.value !== '').map(i => [i.dataset.question, i.value]));
  $('submit').disabled = true;
  const [created, failed] = await send('/api/governance/complaints', {
    category: $('category').value, description: $('description').value, location: point ?? compound?.location, address: compound?.name,
    answers, reporterName: $('reporter-name').value, reporterPhone: $('reporter-phone').value,
  });
  $('submit').disabled = false;
  if (failed) return setStatus(failed, true);
  const notes = [];
  for (const file of $('photos').files) {
    const form = new FormData();
    form.append('photo', file);
    const response = await fetch(`/api/governance/complaints/${created.id}/photos`, { method: 'POST', credentials: 'same-origin', body: form });
    if (!response.ok) notes.push(`${t('photoFailed')}：${file.name} ${await problem(response)}`);
  }
  setStatus([t('filed'), ...notes].join(' '), notes.length > 0);
  $('complaint-form').reset();
  point = null;
  $('where').textContent = '';
  renderQuestions();
  await renderMine();
}

async function start() {
  setUpLanguage(t, () => { renderQuestions(); renderMine(); });
  const user = await me();
  $('signin').hidden = !!user;
  $('file').hidden = $('mine').hidden = !user;
  if (!user) {
    $('login-form').onsubmit = async e => {
      e.preventDefault();
      const failed = await signIn($('login-user').value, $('login-password').value);
      if (failed) alert(failed); else await start();
    };
    return;
  }
  categories = await getJson('/api/governance/complaint-categories');
  compounds = await getJson('/api/compounds');
  $('category').replaceChildren(el('option', { value: '' }, t('choose')), ...categories.map(c => el('option', { value: c.code }, language() === 'zh' ? c.nameZh : c.nameEn || c.nameZh)));
  $('compound').replaceChildren(el('option', { value: '' }, t('choose')), ...compounds.map(c => el('option', { value: c.id }, c.name)));
  $('category').onchange = () => { renderQuestions(); showSimilar(); };
  $('compound').onchange = () => { point = null; $('where').textContent = ''; showSimilar(); };
  $('locate').onclick = () => navigator.geolocation?.getCurrentPosition(p => {
    point = [p.coords.longitude, p.coords.latitude];
    $('compound').required = false;
    $('where').textContent = `${t('located')} ${point[0].toFixed(5)}, ${point[1].toFixed(5)}`;
    showSimilar();
  });
  $('complaint-form').onsubmit = fileComplaint;
  await renderMine();
  document.body.dataset.ready = 'true';
}

start();

// The administrators' complaint settings: categories with their SLA, routing and extra questions; the response templates
// workers answer with; the Open311 clients and their keys (issued once, revoked with a reason).
import { $, makeT, setUpLanguage, me, signIn, getJson, send, el, when, language } from './governance-common.js';

const t = makeT({
  zh: {
    map: '← 地图', title: '投诉设置', signIn: '管理员登录', user: '用户名', password: '密码', categories: '投诉类别', categoryForm: '新增或修改类别',
    code: '代码（小写字母、数字、下划线）', nameZh: '中文名称', nameEn: '英文名称', description: '说明', route: '派单对象', property: '小区物业', community: '社区',
    department: '街道科室', departmentName: '科室名称', acceptHours: '受理时限（小时）', respondHours: '回复时限（小时）', questions: '附加问题', addQuestion: '添加问题',
    saveCategory: '保存类别', templates: '回复模板', templateForm: '新增或修改模板', templateTitle: '标题', templateText: '回复内容',
    templateCategories: '适用类别（不选为全部）', templateStatus: '回复后状态', noStatus: '由工作人员选择', accepted: '受理', in_progress: '处置中', responded: '处置回复',
    saveTemplate: '保存模板', newTemplate: '新模板', clients: 'Open311 接入密钥', clientName: '客户端名称', issue: '发放密钥',
    clientsNote: '城市系统和手机上报应用通过 Open311 GeoReport v2（/open311/v2/）提交投诉；密钥只在发放时显示一次。',
    edit: '修改', retire: '停用', revoke: '吊销', revoked: '已吊销', active: '有效', reason: '原因', saved: '已保存。', all: '全部类别',
    hours: '小时', keyOnce: '密钥（请立即复制，之后不再显示）：', qCode: '问题代码', qLabel: '题目', qType: '类型', qRequired: '必答', qValues: '选项（key=名称，分号分隔）',
    remove: '删除', needAdmin: '需以管理员身份登录。', string: '文本', text: '长文本', number: '数字', datetime: '日期时间', singlevaluelist: '单选',
  },
  en: {
    map: '← Map', title: 'Complaint settings', signIn: 'Administrator sign-in', user: 'User name', password: 'Password', categories: 'Categories', categoryForm: 'Add or revise a category',
    code: 'Code (a-z, 0-9, _)', nameZh: 'Chinese name', nameEn: 'English name', description: 'Description', route: 'Routed to', property: 'Property company', community: 'Community',
    department: 'Street department', departmentName: 'Department', acceptHours: 'Accept within (hours)', respondHours: 'Respond within (hours)', questions: 'Extra questions', addQuestion: 'Add a question',
    saveCategory: 'Save category', templates: 'Response templates', templateForm: 'Add or revise a template', templateTitle: 'Title', templateText: 'Reply text',
    templateCategories: 'Categories (none = all)', templateStatus: 'Status after the reply', noStatus: 'Worker chooses', accepted: 'Accepted', in_progress: 'In progress', responded: 'Responded',
    saveTemplate: 'Save template', newTemplate: 'New template', clients: 'Open311 keys', clientName: 'Client name', issue: 'Issue a key',
    clientsNote: 'City systems and reporting apps file complaints through Open311 GeoReport v2 (/open311/v2/); a key is shown once, when issued.',
    edit: 'Edit', retire: 'Retire', revoke: 'Revoke', revoked: 'Revoked', active: 'Active', reason: 'Reason', saved: 'Saved.', all: 'All categories',
    hours: 'h', keyOnce: 'Key (copy it now; it is not shown again): ', qCode: 'Code', qLabel: 'Label', qType: 'Type', qRequired: 'Required', qValues: 'Values (key=name; …)',
    remove: 'Remove', needAdmin: 'Sign in as an administrator.', string: 'Text', text: 'Long text', number: 'Number', datetime: 'Date and time', singlevaluelist: 'Choice',
  },
});

let categories = [];
let templates = [];
let clients = [];

function status(id, text, error) {
  $(id).textContent = text;
  $(id).className = error ? 'status error' : 'status';
}

function questionRow(q = {}) {
  const type = el('select', { class: 'q-type' }, ...['string', 'text', 'number', 'datetime', 'singlevaluelist'].map(d => el('option', { value: d }, t(d))));
  type.value = q.datatype ?? 'string';
  const required = el('input', { type: 'checkbox', class: 'q-required' });
  required.checked = !!q.required;
  const row = el('div', { class: 'card question' },
    el('label', {}, el('span', {}, t('qCode')), el('input', { class: 'q-code', value: q.code ?? '' })),
    el('label', {}, el('span', {}, t('qLabel')), el('input', { class: 'q-label', value: q.labelZh ?? '' })),
    el('label', {}, el('span', {}, t('qType')), type),
    el('label', {}, required, t('qRequired')),
    el('label', {}, el('span', {}, t('qValues')), el('input', { class: 'q-values', value: (q.values ?? []).map(v => `${v.key}=${v.nameZh}`).join('; ') })),
    el('button', { type: 'button', class: 'secondary', onclick: () => row.remove() }, t('remove')));
  return row;
}

function fillCategory(c) {
  $('c-code').value = c.code; $('c-name-zh').value = c.nameZh; $('c-name-en').value = c.nameEn; $('c-description').value = c.descriptionZh;
  $('c-route').value = c.route; $('c-department').value = c.department ?? ''; $('c-accept').value = c.acceptWithinHours; $('c-respond').value = c.respondWithinHours;
  $('questions').replaceChildren(...c.questions.map(questionRow));
  $('category-form').scrollIntoView();
}

function render() {
  $('category-list').replaceChildren(...categories.map(c => el('div', { class: 'card', 'data-code': c.code },
    el('strong', {}, language() === 'zh' ? c.nameZh : c.nameEn || c.nameZh), ` · ${t(c.route)}${c.department ? `（${c.department}）` : ''}`,
    el('div', { class: 'meta' }, `${t('acceptHours')} ${c.acceptWithinHours} · ${t('respondHours')} ${c.respondWithinHours} · ${t('questions')} ${c.questions.length}`),
    el('div', { class: 'row' },
      el('button', { type: 'button', class: 'secondary', onclick: () => fillCategory(c) }, t('edit')),
      el('button', { type: 'button', class: 'secondary retire', onclick: async () => {
        const [, failed] = await send(`/api/governance/complaint-categories/${c.code}/retire`, {});
        status('category-status', failed ?? t('saved'), !!failed);
        await load();
      } }, t('retire'))))));
  $('t-categories').replaceChildren(...categories.map(c => el('option', { value: c.code }, c.nameZh)));
  const names = Object.fromEntries(categories.map(c => [c.code, c.nameZh]));
  $('template-list').replaceChildren(...templates.map(x => el('div', { class: 'card', 'data-template': x.id },
    el('strong', {}, x.title), ` · ${x.categories.length ? x.categories.map(c => names[c] ?? c).join('、') : t('all')}${x.status ? ` · ${t(x.status)}` : ''}`,
    el('div', {}, x.text),
    el('div', { class: 'row' },
      el('button', { type: 'button', class: 'secondary', onclick: () => {
        $('t-id').value = x.id; $('t-title').value = x.title; $('t-text').value = x.text; $('t-status').value = x.status ?? '';
        for (const o of $('t-categories').options) o.selected = x.categories.includes(o.value);
      } }, t('edit')),
      el('button', { type: 'button', class: 'secondary', onclick: async () => {
        const [, failed] = await send(`/api/governance/response-templates/${x.id}/retire`, { reason: '管理员停用' });
        status('template-status', failed ?? t('saved'), !!failed);
        await load();
      } }, t('retire'))))));
  $('client-list').replaceChildren(...clients.map(c => {
    const reason = el('input', { class: 'reason', placeholder: t('reason') });
    return el('div', { class: 'card', 'data-client': c.id },
      el('strong', {}, c.name), ` · ${when(c.issuedAt)} · `, el('span', { class: c.revoked ? 'badge overdue' : 'badge' }, c.revoked ? `${t('revoked')}（${c.revokedReason}）` : t('active')),
      c.revoked ? null : el('div', { class: 'row' }, reason, el('button', { type: 'button', class: 'revoke', onclick: async () => {
        const [, failed] = await send(`/api/open311/clients/${c.id}/revoke`, { reason: reason.value });
        status('client-status', failed ?? t('saved'), !!failed);
        if (!failed) await load();
      } }, t('revoke'))));
  }));
}

async function load() {
  [categories, templates, clients] = await Promise.all([
    getJson('/api/governance/complaint-categories'), getJson('/api/governance/response-templates'), getJson('/api/open311/clients')]);
  render();
  document.body.dataset.ready = 'true';
}

async function start() {
  setUpLanguage(t, render);
  const user = await me();
  const admin = user?.roles?.includes('administrator');
  $('signin').hidden = admin;
  $('work').hidden = !admin;
  if (!admin) {
    $('login-form').onsubmit = async e => {
      e.preventDefault();
      const failed = await signIn($('login-user').value, $('login-password').value);
      if (failed) alert(failed); else await start();
    };
    if (user) alert(t('needAdmin'));
    return;
  }
  $('add-question').onclick = () => $('questions').append(questionRow());
  $('category-form').onsubmit = async e => {
    e.preventDefault();
    const questions = [...document.querySelectorAll('#questions .question')].map(row => {
      const values = row.querySelector('.q-values').value.split(/[;；]/).map(s => s.trim()).filter(Boolean)
        .map(s => { const [key, ...name] = s.split('='); return { key: key.trim(), nameZh: name.join('=').trim() || key.trim() }; });
      const datatype = row.querySelector('.q-type').value;
      return { code: row.querySelector('.q-code').value.trim(), labelZh: row.querySelector('.q-label').value.trim(), labelEn: '', datatype,
        required: row.querySelector('.q-required').checked, values: datatype === 'singlevaluelist' ? values : null };
    });
    const [, failed] = await send(`/api/governance/complaint-categories/${encodeURIComponent($('c-code').value.trim())}`, {
      nameZh: $('c-name-zh').value, nameEn: $('c-name-en').value, descriptionZh: $('c-description').value, route: $('c-route').value,
      department: $('c-department').value || null, acceptWithinHours: Number($('c-accept').value), respondWithinHours: Number($('c-respond').value), questions,
    }, 'PUT');
    status('category-status', failed ?? t('saved'), !!failed);
    if (!failed) await load();
  };
  $('t-new').onclick = () => { $('t-id').value = ''; $('template-form').reset(); };
  $('template-form').onsubmit = async e => {
    e.preventDefault();
    const id = $('t-id').value || crypto.randomUUID();
    const [, failed] = await send(`/api/governance/response-templates/${id}`, {
      title: $('t-title').value, text: $('t-text').value, categories: [...$('t-categories').selectedOptions].map(o => o.value), status: $('t-status').value || null,
    }, 'PUT');
    status('template-status', failed ?? t('saved'), !!failed);
    if (!failed) { $('t-id').value = id; await load(); }
  };
  $('client-form').onsubmit = async e => {
    e.preventDefault();
    const [issued, failed] = await send('/api/open311/clients', { name: $('client-name').value });
    status('client-status', failed ?? t('saved'), !!failed);
    $('issued-key').hidden = !!failed;
    if (!failed) { $('issued-key').textContent = `${t('keyOnce')}${issued.apiKey}`; await load(); }
  };
  await load();
}

start();

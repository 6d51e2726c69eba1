// Users and the audit log: every signed-in user changes their own password; administrators add users, revise their roles and
// community, disable and enable them, reset passwords (each with a reason), and read the audit log with filters and CSV export.
import { $, makeT, setUpLanguage, language, me, signIn, getJson, send, el, when } from './governance-common.js';

const t = makeT({
  zh: {
    map: '← 地图', title: '用户与操作日志', signIn: '登录', user: '用户名', password: '密码', ownPassword: '修改我的密码', currentPassword: '当前密码',
    newPassword: '新密码（至少 8 位）', change: '修改密码', users: '用户', usersCaption: '平台全部用户；停用后其已登录的会话立即失效。', userName: '用户名',
    displayName: '姓名', roles: '角色', community: '所属社区（社区工作者必选）', state: '状态', addUser: '添加用户', editUser: '修改用户', initialPassword: '初始密码（至少 8 位）',
    reason: '原因', save: '保存', newUser: '新用户', audit: '操作日志', from: '起', to: '止', byUser: '操作人', area: '业务', filter: '筛选', csv: '导出 CSV',
    at: '时间', event: '事件', enabled: '启用', disabled: '已停用', edit: '修改', disable: '停用', enable: '启用', resetPassword: '重置密码',
    askReason: '请填写原因（记入操作日志）：', askPassword: '新密码（至少 8 位）：', saved: '已保存。', changed: '密码已修改，请重新登录。', none: '—', allAreas: '全部业务',
    relogin: '修改后该用户需重新登录。',
  },
  en: {
    map: '← Map', title: 'Users and audit log', signIn: 'Sign in', user: 'User name', password: 'Password', ownPassword: 'Change my password', currentPassword: 'Current password',
    newPassword: 'New password (8+ characters)', change: 'Change password', users: 'Users', usersCaption: 'Every user; disabling one ends their sessions at once.', userName: 'User name',
    displayName: 'Name', roles: 'Roles', community: 'Community (required for workers)', state: 'State', addUser: 'Add a user', editUser: 'Revise the user', initialPassword: 'Initial password (8+ characters)',
    reason: 'Reason', save: 'Save', newUser: 'New user', audit: 'Audit log', from: 'From', to: 'To', byUser: 'By', area: 'Area', filter: 'Filter', csv: 'Export CSV',
    at: 'When', event: 'Event', enabled: 'Enabled', disabled: 'Disabled', edit: 'Edit', disable: 'Disable', enable: 'Enable', resetPassword: 'Reset password',
    askReason: 'Reason (goes into the audit log):', askPassword: 'New password (8+ characters):', saved: 'Saved.', changed: 'Password changed; sign in again.', none: '—', allAreas: 'All areas',
    relogin: 'The user signs in again to get the change.',
  },
});

const ROLES = [['administrator', '管理员', 'Administrator'], ['planner', '规划人员', 'Planner'], ['worker', '社区工作者', 'Community worker'],
  ['developer', '模块开发者', 'Module developer'], ['resident', '居民', 'Resident']];
const AREAS = [['', '全部业务', 'All areas'], ['platform', '用户管理', 'Users'], ['registers', '登记册', 'Registers'], ['jurisdiction', '行政区划', 'Jurisdiction'],
  ['governance', '小区治理', 'Compound governance'], ['linkage', '三社联动', 'Three-society linkage'], ['ecological', '生态场景', 'Ecological scene'],
  ['service', '服务场景', 'Service scene'], ['smart', '智慧场景', 'Smart scene'], ['vitality', '活力场景', 'Vitality scene']];
const name = ([, zh, en]) => (language() === 'zh' ? zh : en);

let users = [];
let communities = [];
let editing = null;

function status(id, text, error) {
  $(id).textContent = text;
  $(id).className = error ? 'status error' : 'status';
}

function renderUsers() {
  $('users').tBodies[0].replaceChildren(...users.map(u => el('tr', { 'data-user': u.userName },
    el('td', {}, u.userName), el('td', {}, u.displayName), el('td', {}, u.roles.map(r => (language() === 'zh' ? r.nameZh : r.nameEn)).join('、')),
    el('td', {}, u.communityName ?? u.community ?? t('none')), el('td', {}, u.disabled ? el('span', { class: 'badge overdue' }, t('disabled')) : t('enabled')),
    el('td', {},
      el('button', { type: 'button', class: 'secondary edit', onclick: () => edit(u) }, t('edit')),
      el('button', { type: 'button', class: `secondary ${u.disabled ? 'enable' : 'disable'}`, onclick: () => act(`/api/users/${u.userName}/${u.disabled ? 'enable' : 'disable'}`, {}) },
        u.disabled ? t('enable') : t('disable')),
      el('button', { type: 'button', class: 'secondary reset', onclick: () => {
        const password = prompt(t('askPassword'));
        if (password) act(`/api/users/${u.userName}/password`, { password });
      } }, t('resetPassword'))))));
}

async function act(url, body) {
  const reason = prompt(t('askReason'));
  if (!reason) return;
  const [, failed] = await send(url, { ...body, reason });
  status('users-status', failed ?? t('saved'), !!failed);
  await load();
}

function renderForm() {
  $('form-title').textContent = editing ? `${t('editUser')}：${editing.userName}` : t('addUser');
  $('u-name').disabled = !!editing;
  $('u-password-field').hidden = !!editing;
  $('u-reason-field').hidden = !editing;
  $('u-roles').replaceChildren(el('legend', {}, t('roles')), ...ROLES.map(r => el('label', {},
    el('input', { type: 'checkbox', value: r[0], checked: editing ? editing.roles.some(x => x.code === r[0]) : r[0] === 'worker' }), name(r))));
  $('u-community').replaceChildren(el('option', { value: '' }, t('none')), ...communities.map(c => el('option', { value: c.code }, c.name)));
  $('u-community').value = editing?.community ?? '';
}

function edit(u) {
  editing = u;
  $('u-name').value = u.userName;
  $('u-display').value = u.displayName;
  renderForm();
  $('user-form').scrollIntoView();
}

function auditQuery(format) {
  const q = new URLSearchParams();
  for (const [key, id] of [['from', 'a-from'], ['to', 'a-to'], ['user', 'a-user'], ['area', 'a-area']]) if ($(id).value) q.set(key, $(id).value);
  if (format) q.set('format', format);
  return `/api/audit?${q}`;
}

async function loadAudit() {
  const rows = await getJson(auditQuery());
  $('a-csv').href = auditQuery('csv');
  $('audit').tBodies[0].replaceChildren(...rows.map(r => el('tr', {}, el('td', {}, when(r.at)), el('td', {}, r.user ?? t('none')),
    el('td', {}, language() === 'zh' ? r.areaZh : r.area), el('td', {}, r.type), el('td', {}, r.reason ?? ''))));
}

async function load() {
  users = await getJson('/api/users');
  renderUsers();
  await loadAudit();
  document.body.dataset.ready = 'true';
}

function render() {
  renderUsers();
  renderForm();
  $('a-area').replaceChildren(...AREAS.map(a => el('option', { value: a[0] }, name(a))));
}

async function start() {
  setUpLanguage(t, render);
  const user = await me();
  $('signin').hidden = !!user;
  $('own').hidden = !user;
  if (!user) {
    $('login-form').onsubmit = async e => {
      e.preventDefault();
      const failed = await signIn($('login-user').value, $('login-password').value);
      if (failed) alert(failed); else await start();
    };
    return;
  }
  $('own-form').onsubmit = async e => {
    e.preventDefault();
    const [, failed] = await send('/api/auth/password', { currentPassword: $('own-current').value, newPassword: $('own-new').value });
    status('own-status', failed ?? t('changed'), !!failed);
  };
  if (!user.roles.includes('administrator')) {
    document.body.dataset.ready = 'true';
    return;
  }
  $('admin').hidden = false;
  const units = await getJson('/api/jurisdiction/units');
  communities = units.features.map(f => f.properties).filter(p => p.level === 'community' || p.level === 'village')
    .map(p => ({ code: p.code, name: p.name }));
  render();
  $('u-new').onclick = () => { editing = null; $('user-form').reset(); renderForm(); };
  $('user-form').onsubmit = async e => {
    e.preventDefault();
    const roles = [...document.querySelectorAll('#u-roles input:checked')].map(i => i.value);
    const body = { displayName: $('u-display').value, roles, community: $('u-community').value || null };
    const [, failed] = editing
      ? await send(`/api/users/${editing.userName}`, { ...body, reason: $('u-reason').value }, 'PATCH')
      : await send('/api/users', { ...body, userName: $('u-name').value, password: $('u-password').value });
    status('user-status', failed ?? `${t('saved')}${editing ? ` ${t('relogin')}` : ''}`, !!failed);
    if (!failed) { editing = null; $('user-form').reset(); renderForm(); await load(); }
  };
  $('audit-form').onsubmit = async e => { e.preventDefault(); await loadAudit(); };
  await load();
}

start();

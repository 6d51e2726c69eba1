// The three-society linkage page: the fund projects of a year on a board by stage, each project's documents and the
// rule of its next stage (explained when the stage refuses), the supervision check form, and the pools with search.
import './linkage.css';
import '../csrf.js';

const strings = {
  zh: {
    map: '← 地图', title: '三社联动与社区资金', user: '用户名', password: '密码', signIn: '登录', signOut: '退出', board: '项目看板',
    pools: '社会组织与社工', year: '年度', none: '未启动', amount: '金额', wan: '万元', next: '下一阶段', rule: '阶段规则',
    documents: '所需材料', uploaded: '已上传', missing: '未上传', upload: '上传', enter: '进入下一阶段', entered: '已进入',
    meeting: '议决会议记录', heldOn: '日期', entitled: '应到人数', attended: '到会人数', votesFor: '赞成', votesAgainst: '反对', save: '保存',
    notice: '公示期', from: '开始', to: '结束', review: '评审记录', reviewers: '评审人', approved: '评审通过', opinion: '评审意见',
    check: '督导检查', stage: '阶段', documentsComplete: '过程资料齐全', findings: '检查发现', support: '给予的支持', followUpNeeded: '需整改',
    followUpDone: '已整改', record: '登记', checks: '督导记录', lastStage: '项目已处于最后阶段', signedInAs: '已登录', needSignIn: '请以工作人员身份登录',
    searchHint: '名称、服务领域或技能', anyLevel: '全部证书等级', search: '搜索', organisations: '社会组织', workers: '社工人才库', name: '名称',
    status: '状态', fields: '服务领域', community: '社区', contacts: '联系人', level: '证书等级', skills: '技能', organisation: '所属组织',
    available: '可服务', yes: '是', no: '否', saved: '已保存', refused: '未通过', supervision: '督导状态', fileTypes: 'PDF、DOCX、PNG、JPEG，单个不超过10MB',
    guarantee: '保障资金', incentive: '激励资金', progress: '实施进度',
    newProject: '登记新项目', projectTitle: '项目名称', fundType: '资金类型', category: '项目类别', amountWan: '金额（万元，最多四位小数）',
    partner: '合作社会组织', noPartner: '（无）', register: '登记', registered: '项目已登记',
  },
  en: {
    map: '← Map', title: 'Three-society linkage and community funds', user: 'User', password: 'Password', signIn: 'Sign in', signOut: 'Sign out',
    board: 'Project board', pools: 'Organisations and social workers', year: 'Year', none: 'Not started', amount: 'Amount', wan: '10k yuan',
    next: 'Next stage', rule: 'Stage rule', documents: 'Documents needed', uploaded: 'uploaded', missing: 'missing', upload: 'Upload',
    enter: 'Enter next stage', entered: 'Entered', meeting: 'Meeting record', heldOn: 'Date', entitled: 'Entitled', attended: 'Attended',
    votesFor: 'For', votesAgainst: 'Against', save: 'Save', notice: 'Notice period', from: 'From', to: 'To', review: 'Review record',
    reviewers: 'Reviewers', approved: 'Approved', opinion: 'Opinion', check: 'Supervision check', stage: 'Stage', documentsComplete: 'Documents complete',
    findings: 'Findings', support: 'Support given', followUpNeeded: 'Follow-up needed', followUpDone: 'Follow-up done', record: 'Record',
    checks: 'Checks', lastStage: 'The project is in its last stage', signedInAs: 'Signed in', needSignIn: 'Sign in as staff',
    searchHint: 'Name, field or skill', anyLevel: 'Any certificate level', search: 'Search', organisations: 'Social organisations',
    workers: 'Social workers', name: 'Name', status: 'Status', fields: 'Fields', community: 'Community', contacts: 'Contacts', level: 'Level',
    skills: 'Skills', organisation: 'Organisation', available: 'Available', yes: 'yes', no: 'no', saved: 'Saved', refused: 'Refused',
    supervision: 'Supervision', fileTypes: 'PDF, DOCX, PNG, JPEG, at most 10 MB each', guarantee: 'Guarantee fund', incentive: 'Incentive fund', progress: 'Progress',
    newProject: 'Register a project', projectTitle: 'Title', fundType: 'Fund', category: 'Category', amountWan: 'Amount (10k yuan, at most 4 decimals)',
    partner: 'Partner organisation', noPartner: '(none)', register: 'Register', registered: 'Project registered',
  },
};
const LEVELS = { assistant: ['助理社会工作师', 'Assistant social worker'], intermediate: ['社会工作师', 'Social worker'], senior: ['高级社会工作师', 'Senior social worker'] };

let lang = localStorage.getItem('platform.language') === 'en' ? 'en' : 'zh';
const t = key => strings[lang][key] ?? strings.zh[key] ?? key;
const $ = id => document.getElementById(id);
// dataset is a getter of the element (a DOMStringMap), so it is filled key by key rather than assigned.
const el = (tag, { dataset, ...props } = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset ?? {});
  return node.appendChildren(children);
};
HTMLElement.prototype.appendChildren = function (children) { this.append(...children.filter(c => c != null)); return this; };

let me = null;
let stages = [];
let team = null;

async function call(url, options = {}) {
  const response = await fetch(url, { credentials: 'same-origin', ...options });
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(lang === 'zh' ? body?.detailZh ?? body?.detail ?? response.statusText : body?.detail ?? response.statusText);
    error.field = body?.field;
    throw error;
  }
  return body;
}
const post = (url, body) => call(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const status = (text, error = false) => { $('status').textContent = text; $('status').className = error ? 'problem' : 'muted'; };

function translate() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  for (const node of document.querySelectorAll('[data-tp]')) node.placeholder = t(node.dataset.tp);
  $('lang').textContent = lang === 'zh' ? 'English' : '中文';
}

async function refreshUser() {
  const response = await fetch('/api/auth/me', { credentials: 'same-origin' });
  me = response.ok ? await response.json() : null;
  $('login').hidden = !!me;
  $('who').textContent = me ? `${t('signedInAs')}：${me.displayName || me.username}` : '';
  if (!me) status(t('needSignIn'));
}

const isAdmin = () => me?.roles?.includes('administrator');

async function renderBoard() {
  if (!me) return;
  const year = $('year').value;
  const board = await call(`/api/linkage/board?year=${encodeURIComponent(year)}`);
  $('board').replaceChildren(...board.columns.map(column => el('div', { className: 'column', id: `column-${column.stage}` },
    el('h3', { textContent: `${lang === 'zh' ? column.stageZh : stages.find(s => s.code === column.stage)?.nameEn ?? t('none')}（${column.projects.length}）` }),
    ...column.projects.map(p => el('div', { className: 'card project', tabIndex: 0, onclick: () => openProject(p.id) },
      el('div', { textContent: p.title }),
      el('div', { className: 'meta', textContent: `${p.communityName} · ${t(p.fundType)} · ${p.amountWan} ${t('wan')}` }),
      el('span', { className: `badge ${p.supervisionStatus}`, textContent: lang === 'zh' ? p.supervisionStatusZh : p.supervisionStatus.replace('_', ' ') }))))));
  $('board').dataset.projects = String(board.columns.reduce((n, c) => n + c.projects.length, 0));
  $('supervision-summary').textContent = `${t('supervision')}：` + board.bySupervision.map(s => `${lang === 'zh' ? s.statusZh : s.status} ${s.count}`).join('，');
}

function form(legend, fields, onSubmit) {
  const f = el('form', { className: 'card' }, el('strong', { textContent: legend }), el('br'),
    ...fields.map(([name, type, value]) => el('label', {}, el('span', { textContent: `${t(name)} ` }),
      type === 'checkbox' ? el('input', { name, type, checked: !!value }) : el('input', { name, type, value: value ?? '', required: type !== 'text' }))),
    el('button', { type: 'submit', textContent: t('save') }));
  f.onsubmit = async e => {
    e.preventDefault();
    const data = Object.fromEntries(fields.map(([name, type]) => [name, type === 'checkbox' ? f.elements[name].checked
      : type === 'number' ? Number(f.elements[name].value) : f.elements[name].value || null]));
    await act(() => onSubmit(data));
  };
  return f;
}

let current = null;
async function act(action) {
  try {
    await action();
    status(t('saved'));
    await openProject(current);
    await renderBoard();
  } catch (e) {
    $('stage-problem')?.replaceChildren(el('div', { className: 'problem', textContent: `${t('refused')}：${e.message}` }));
    status(e.message, true);
  }
}

async function openProject(id) {
  current = id;
  const p = await call(`/api/linkage/projects/${id}`);
  const next = stages.find(s => s.code === p.nextStage);
  const stageName = s => (lang === 'zh' ? s.nameZh : s.nameEn);
  const body = $('project-body');
  body.replaceChildren(
    el('h2', { textContent: p.title }),
    el('div', { className: 'muted', textContent: `${p.year} · ${p.communityName} · ${t(p.fundType)} · ${p.category} · ${p.amountWan} ${t('wan')}${p.partnerName ? ` · ${p.partnerName}` : ''}` }),
    el('ol', { className: 'stages' }, ...stages.map(s => el('li', {
      textContent: `${stageName(s)}${p.stages?.find?.(x => x.stage === s.code) ? '' : ''}`,
      className: s.order <= (stages.find(x => x.code === p.stage)?.order ?? 0) ? 'done' : '',
    }))),
    el('div', { id: 'current-stage', dataset: { stage: p.stage ?? 'none' }, textContent: `${t('stage')}：${p.stage ? stageName(stages.find(s => s.code === p.stage)) : t('none')}` }),
  );
  if (!next) {
    body.append(el('p', { textContent: t('lastStage') }));
  } else {
    body.append(
      el('h3', { textContent: `${t('next')}：${stageName(next)}` }),
      el('div', { className: 'rule', id: 'stage-rule', textContent: `${t('rule')}：${lang === 'zh' ? next.ruleZh : next.ruleEn}` }),
      el('h4', { textContent: t('documents') }), el('div', { className: 'muted', textContent: t('fileTypes') }),
      ...p.nextStageDocuments.map(d => {
        const input = el('input', { type: 'file', id: `upload-${d.kind}`, accept: '.pdf,.docx,.png,.jpg,.jpeg' });
        input.onchange = () => act(async () => {
          const data = new FormData();
          data.append('stage', next.code);
          data.append('kind', d.kind);
          data.append('file', input.files[0]);
          await call(`/api/linkage/projects/${id}/documents`, { method: 'POST', body: data });
        });
        return el('div', { className: 'card', dataset: { kind: d.kind, uploaded: String(d.uploaded) } },
          el('span', { textContent: `${lang === 'zh' ? d.nameZh : d.nameEn}：${d.uploaded ? t('uploaded') : t('missing')} ` }), input);
      }));
    if (next.code === 'decision')
      body.append(form(t('meeting'), [['heldOn', 'date', p.meeting?.heldOn], ['entitled', 'number', p.meeting?.entitled], ['attended', 'number', p.meeting?.attended],
        ['votesFor', 'number', p.meeting?.votesFor], ['votesAgainst', 'number', p.meeting?.votesAgainst]], d => post(`/api/linkage/projects/${id}/meeting`, d)));
    if (next.code === 'notice')
      body.append(form(t('notice'), [['from', 'date', p.notice?.from], ['to', 'date', p.notice?.to]], d => post(`/api/linkage/projects/${id}/notice`, d)));
    if (next.code === 'review')
      body.append(form(t('review'), [['heldOn', 'date', p.review?.heldOn], ['reviewers', 'text', p.review?.reviewers], ['approved', 'checkbox', p.review?.approved],
        ['opinion', 'text', p.review?.opinion]], d => post(`/api/linkage/projects/${id}/review`, d)));
    const enter = el('button', { id: 'enter-stage', type: 'button', textContent: `${t('enter')}：${stageName(next)}` });
    enter.onclick = () => act(() => post(`/api/linkage/projects/${id}/stage`, { stage: next.code }));
    body.append(enter, el('div', { id: 'stage-problem' }));
  }
  if (p.checks.length > 0)
    body.append(el('h3', { textContent: t('checks') }), el('ul', {}, ...p.checks.map(c =>
      el('li', { textContent: `${c.on} ${lang === 'zh' ? c.stageZh : c.stage}：${c.findings}${c.support ? `（${c.support}）` : ''}${c.followUpNeeded ? ` · ${t('followUpNeeded')}${c.followUpDone ? `/${t('followUpDone')}` : ''}` : ''}` }))));
  if (isAdmin() && team) {
    const select = el('select', { name: 'stage' }, ...stages.map(s => el('option', { value: s.code, textContent: stageName(s), selected: s.code === p.stage })));
    const check = form(t('check'), [['on', 'date', new Date().toISOString().slice(0, 10)], ['documentsComplete', 'checkbox', true], ['findings', 'text'],
      ['support', 'text'], ['followUpNeeded', 'checkbox'], ['followUpDone', 'checkbox']],
      d => post(`/api/linkage/projects/${id}/checks`, { ...d, stage: select.value, teamId: team.id }));
    check.id = 'check-form';
    check.insertBefore(el('label', {}, el('span', { textContent: `${t('stage')} ` }), select), check.querySelector('button'));
    body.append(check);
  }
  if (!$('project').open) $('project').showModal();
}

// The registration form: the category, community and partner lists come from the platform; a refusal is shown next
// to the field its problem+json names (the whole form's status otherwise).
async function fillRegistration() {
  const f = $('new-project-form');
  if (!f.elements.year.value) f.elements.year.value = $('year').value;
  const [categories, communities, villages, organisations] = await Promise.all([
    call('/api/linkage/categories'),
    call('/api/jurisdiction/units?level=community'),
    call('/api/jurisdiction/units?level=village'),
    call('/api/linkage/organisations').catch(() => []),
  ]);
  f.elements.category.replaceChildren(...categories.map(c => el('option', { value: c.name, textContent: c.name })));
  const units = [...communities.features, ...villages.features].map(u => u.properties);
  f.elements.communityCode.replaceChildren(...units.map(u => el('option', { value: u.code, textContent: u.name, selected: u.code === me.community })));
  f.elements.partnerId.replaceChildren(el('option', { value: '', textContent: t('noPartner') }),
    ...organisations.map(o => el('option', { value: o.id, textContent: o.name })));
}

async function register(e) {
  e.preventDefault();
  const f = $('new-project-form');
  for (const span of f.querySelectorAll('.field-problem')) span.textContent = '';
  const amount = f.elements.amountWan.value.trim();
  const body = {
    title: f.elements.title.value.trim() || null,
    year: f.elements.year.value ? Number(f.elements.year.value) : null,
    fundType: f.elements.fundType.value,
    category: f.elements.category.value || null,
    // The amount goes as the number typed, so that a fifth decimal reaches the server's rule rather than being rounded here.
    amountWan: amount === '' ? null : Number(amount),
    communityCode: f.elements.communityCode.value || null,
    partnerId: f.elements.partnerId.value || null,
  };
  if (amount !== '' && !Number.isFinite(body.amountWan)) {
    f.querySelector('[data-for=amountWan]').textContent = lang === 'zh' ? '金额须为数字。' : 'The amount must be a number.';
    return;
  }
  try {
    const created = await post('/api/linkage/projects', body);
    f.reset();
    f.elements.year.value = $('year').value;
    f.dataset.created = created.id;
    status(t('registered'));
    await renderBoard();
    await fillRegistration();
  } catch (error) {
    const span = error.field && f.querySelector(`[data-for="${error.field}"]`);
    if (span) span.textContent = error.message;
    status(error.message, true);
  }
}

async function renderPools(e) {
  e?.preventDefault();
  if (!me) return;
  const q = $('pool-q').value.trim();
  const level = $('pool-level').value;
  const [organisations, workers] = await Promise.all([
    call(`/api/linkage/organisations${q ? `?q=${encodeURIComponent(q)}` : ''}`),
    call(`/api/linkage/social-workers?${new URLSearchParams({ ...(q ? { q } : {}), ...(level ? { level } : {}) })}`),
  ]);
  const row = cells => el('tr', {}, ...cells.map(c => el('td', { textContent: c ?? '—' })));
  $('organisations').tBodies[0].replaceChildren(...organisations.map(o => row([o.name, lang === 'zh' ? o.statusZh : o.status, o.fields.join('、'), o.communityName,
    o.contacts.map(c => `${c.name} ${c.phone}`).join('；')])));
  $('workers').tBodies[0].replaceChildren(...workers.map(w => row([w.name, LEVELS[w.level]?.[lang === 'zh' ? 0 : 1] ?? w.level, w.skills.join('、'), w.organisationName, w.available ? t('yes') : t('no')])));
}

async function start() {
  translate();
  $('year').value = new URLSearchParams(location.search).get('year') ?? new Date().getFullYear();
  for (const [code, names] of Object.entries(LEVELS)) $('pool-level').append(el('option', { value: code, textContent: names[lang === 'zh' ? 0 : 1] }));
  $('lang').onclick = () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('platform.language', lang);
    translate();
    renderBoard();
  };
  for (const button of document.querySelectorAll('[data-tab]'))
    button.onclick = () => {
      for (const section of document.querySelectorAll('main > section')) section.hidden = section.id !== `tab-${button.dataset.tab}`;
      if (button.dataset.tab === 'pools') renderPools();
    };
  $('login').onsubmit = async e => {
    e.preventDefault();
    try {
      await post('/api/auth/login', { username: $('login-user').value, password: $('login-password').value });
      status('');
    } catch (error) {
      status(error.message, true);
    }
    $('login-password').value = '';
    await load();
  };
  $('year').onchange = renderBoard;
  $('pool-search').onsubmit = renderPools;
  $('new-project-form').onsubmit = register;
  await load();
}

async function load() {
  await refreshUser();
  if (!me) return;
  stages = await call('/api/linkage/stages');
  team = (await call(`/api/linkage/supervision-teams?year=${encodeURIComponent($('year').value)}`).catch(() => []))[0] ?? null;
  await renderBoard();
  await fillRegistration();
  document.body.dataset.ready = 'true';
}

start();

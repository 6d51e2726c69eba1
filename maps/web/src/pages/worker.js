// The worker's queue: open complaints by deadline with live SLA timers (受理 / 处置回复时限), escalations, reporter contact
// (staff see it), and the next step of each complaint with its note (the reply text for 处置回复), which a response
// template (回复模板) of the complaint's category can fill.
import { $, makeT, setUpLanguage, language, me, signIn, getJson, send, when, countdown, el } from './governance-common.js';

const t = makeT({
  zh: {
    map: '← 地图', title: '投诉工单', signIn: '工作人员登录', user: '用户名', password: '密码', queue: '待办投诉（按时限排序）',
    accepted: '受理', in_progress: '开始处置', responded: '处置回复', closed: '代投诉人确认办结', reopened: '重新打开',
    acceptBy: '受理时限', respondBy: '回复时限', left: '剩余', overdueBy: '超时', days: '天', hours: '小时', minutes: '分', seconds: '秒',
    escalated: '已升级', note: '处置说明 / 回复内容', reporter: '投诉人', empty: '没有待办投诉。', routedTo: '承办', done: '已更新。', template: '选用回复模板…',
  },
  en: {
    map: '← Map', title: 'Complaint queue', signIn: 'Staff sign-in', user: 'User name', password: 'Password', queue: 'Open complaints (by deadline)',
    accepted: 'Accept', in_progress: 'Start work', responded: 'Respond', closed: 'Close for the reporter', reopened: 'Reopen',
    acceptBy: 'Accept by', respondBy: 'Respond by', left: 'left', overdueBy: 'overdue', days: 'd ', hours: 'h ', minutes: 'm ', seconds: 's',
    escalated: 'Escalated', note: 'Note / reply', reporter: 'Reporter', empty: 'Nothing to do.', routedTo: 'Handled by', done: 'Updated.', template: 'Use a response template…',
  },
});

let items = [];
let templates = [];
let offset = 0;

function timer(c) {
  const accepting = !c.acceptedAt;
  const due = accepting ? c.acceptDueAt : c.respondDueAt;
  if (c.respondedAt) return el('span', { class: 'timer' }, '');
  const { overdue, text } = countdown(due, new Date(Date.now() + offset), t);
  return el('span', { class: `timer${overdue ? ' overdue' : ''}`, 'data-due': due }, `${accepting ? t('acceptBy') : t('respondBy')} ${when(due)} · ${text}`);
}

function render() {
  $('list').replaceChildren(...(items.length === 0 ? [el('p', {}, t('empty'))] : items.map(c => {
    const note = el('input', { class: 'note', placeholder: t('note') });
    const offered = templates.filter(x => x.categories.length === 0 || x.categories.includes(c.category));
    const picker = offered.length === 0 ? null : el('select', {
      class: 'template',
      onchange: () => {
        const chosen = offered.find(x => x.id === picker.value);
        if (!chosen) return;
        note.value = chosen.text;
        for (const b of document.querySelectorAll(`[data-id="${c.id}"] .step`)) b.classList.toggle('suggested', b.dataset.status === chosen.status);
      },
    }, el('option', { value: '' }, t('template')), ...offered.map(x => el('option', { value: x.id }, x.title)));
    const buttons = c.nextStatuses.map(s => el('button', {
      type: 'button', class: `step step-${s}${s === 'closed' || s === 'reopened' ? ' secondary' : ''}`, 'data-status': s,
      onclick: async () => {
        const [, failed] = await send(`/api/governance/complaints/${c.id}/status`, { status: s, note: note.value || null });
        $('status').textContent = failed ?? t('done');
        $('status').className = failed ? 'status error' : 'status';
        await load();
      },
    }, t(s)));
    return el('div', { class: 'card', 'data-id': c.id },
      el('div', {}, el('strong', {}, c.categoryZh), ' ', el('span', { class: 'badge' }, language() === 'zh' ? c.statusZh : c.status), ' ', timer(c)),
      el('div', {}, c.description),
      el('div', { class: 'meta' }, `${when(c.filedAt)} · ${c.compound ?? c.community ?? ''} · ${t('routedTo')}：${c.routedTo}`),
      c.reporterName || c.reporterPhone ? el('div', { class: 'meta' }, `${t('reporter')}：${c.reporterName ?? ''} ${c.reporterPhone ?? ''}`) : null,
      ...c.escalations.map(e => el('div', { class: 'overdue' }, `${t('escalated')} ${e.level}：${e.to}（${when(e.at)}）`)),
      buttons.length && picker ? el('div', { class: 'row' }, picker) : null,
      buttons.length ? el('div', { class: 'row' }, note, ...buttons) : null);
  })));
}

async function load() {
  const [answer, offered] = await Promise.all([getJson('/api/governance/complaints/queue'), getJson('/api/governance/response-templates')]);
  templates = offered;
  offset = new Date(answer.now) - Date.now();
  items = answer.complaints;
  render();
  document.body.dataset.ready = 'true';
}

async function start() {
  setUpLanguage(t, render);
  const user = await me();
  $('signin').hidden = !!user;
  $('queue').hidden = !user;
  if (!user) {
    $('login-form').onsubmit = async e => {
      e.preventDefault();
      const failed = await signIn($('login-user').value, $('login-password').value);
      if (failed) alert(failed); else await start();
    };
    return;
  }
  await load();
  // The timers count down every second; the list is read again every minute (escalations come from the server).
  setInterval(() => {
    for (const span of document.querySelectorAll('.timer[data-due]')) {
      const { overdue, text } = countdown(span.dataset.due, new Date(Date.now() + offset), t);
      span.textContent = span.textContent.replace(/ · .*$/, ` · ${text}`);
      span.classList.toggle('overdue', overdue);
    }
  }, 1000);
  setInterval(load, 60000);
}

start();

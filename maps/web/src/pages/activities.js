// Residents browse the scheduled activities on a phone and sign up (a place, or the waiting list when full); "my sign-ups"
// with cancellation; opened from the door's QR code (?checkin=<activity>&token=…) the page checks the signed-in resident in.
import { $, makeT, setUpLanguage, me, signIn, getJson, send, when, el } from './governance-common.js';

const scene = '/api/scenes/vitality';
const t = makeT({
  zh: {
    map: '← 地图', title: '社区活动报名', calendar: '日历', signIn: '登录后报名', user: '用户名', password: '密码', signInButton: '登录',
    checkIn: '现场签到', checkInButton: '确认签到', checkedIn: '签到成功，欢迎参加！', upcoming: '近期活动', community: '社区', all: '全部社区',
    mine: '我的报名', none: '暂无活动。', noneMine: '尚未报名。', signUp: '报名', cancel: '取消报名', places: '名额', left: '剩余', waiting: '候补',
    confirmed: '已报名', onWaiting: '候补第', position: '位', full: '已满（可候补）', signedUp: '报名成功。', wait: '名额已满，已加入候补名单，第', cancelled: '已取消报名。',
    organiser: '主办', theCommunity: '社区', attended: '已签到',
  },
  en: {
    map: '← Map', title: 'Community activities', calendar: 'Calendar', signIn: 'Sign in to sign up', user: 'User name', password: 'Password', signInButton: 'Sign in',
    checkIn: 'Check in at the door', checkInButton: 'Check in', checkedIn: 'Checked in, welcome!', upcoming: 'Upcoming activities', community: 'Community', all: 'All communities',
    mine: 'My sign-ups', none: 'No activities.', noneMine: 'No sign-ups yet.', signUp: 'Sign up', cancel: 'Cancel', places: 'Places', left: 'left', waiting: 'waiting',
    confirmed: 'Signed up', onWaiting: 'Waiting list #', position: '', full: 'Full (waiting list)', signedUp: 'Signed up.', wait: 'Full: you are on the waiting list, #', cancelled: 'Sign-up cancelled.',
    organiser: 'By', theCommunity: 'the community', attended: 'Checked in',
  },
});

let user = null;
let activities = [];
let mine = [];

function setStatus(text, error = false) {
  $('status').textContent = text;
  $('status').className = error ? 'status error' : 'status';
}

async function load() {
  const all = await getJson(`${scene}/activities`);
  const now = Date.now();
  activities = all.filter(a => a.scheduled && new Date(a.start) > now).sort((a, b) => new Date(a.start) - new Date(b.start));
  mine = user ? await getJson(`${scene}/activities/mine`) : [];
  const communities = [...new Map(activities.filter(a => a.communityCode).map(a => [a.communityCode, a.communityName])).entries()];
  const chosen = $('community').value;
  $('community').replaceChildren(el('option', { value: '' }, t('all')), ...communities.map(([code, name]) => el('option', { value: code }, name)));
  $('community').value = communities.some(([c]) => c === chosen) ? chosen : '';
  render();
}

function render() {
  const code = $('community').value;
  const shown = activities.filter(a => !code || a.communityCode === code);
  $('list').replaceChildren(...(shown.length === 0 ? [el('p', {}, t('none'))] : shown.map(card)));
  $('mine').hidden = !user;
  $('my-list').replaceChildren(...(mine.length === 0 ? [el('p', {}, t('noneMine'))] : mine.map(m =>
    el('div', { class: 'card', 'data-id': m.activityId },
      el('strong', {}, m.title), ' ',
      el('span', { class: 'badge my-status' }, m.checkedIn ? t('attended') : m.status === 'confirmed' ? t('confirmed') : `${t('onWaiting')}${m.position}${t('position')}`),
      el('div', { class: 'meta' }, `${when(m.start)} · ${m.spaceName}`),
      m.checkedIn ? null : el('button', { type: 'button', class: 'secondary cancel', onclick: () => cancel(m.activityId) }, t('cancel'))))));
}

function card(a) {
  const left = Math.max(0, (a.capacity ?? 0) - a.signedUp);
  const my = mine.find(m => m.activityId === a.id);
  const state = my ? (my.status === 'confirmed' ? t('confirmed') : `${t('onWaiting')}${my.position}${t('position')}`) : null;
  return el('div', { class: 'card activity', 'data-id': a.id },
    el('div', {}, el('strong', {}, a.title), ' ', a.series ? el('span', { class: 'badge' }, a.series) : null),
    el('div', { class: 'meta' }, `${when(a.start)}–${when(a.end).slice(-5)} · ${a.spaceName}${a.communityName ? ` · ${a.communityName}` : ''}`),
    el('div', { class: 'meta' }, `${t('organiser')}：${a.groupName ?? t('theCommunity')} · ${t('places')} ${a.capacity}，${left > 0 ? `${t('left')} ${left}` : t('full')}${a.waiting > 0 ? ` · ${t('waiting')} ${a.waiting}` : ''}`),
    state ? el('span', { class: 'badge my-status' }, state)
      : el('button', { type: 'button', class: 'sign-up', onclick: () => signUp(a.id) }, t('signUp')));
}

async function signUp(id) {
  if (!user) {
    $('signin').hidden = false;
    $('login-user').focus();
    return;
  }
  const [answer, failed] = await send(`${scene}/activities/${id}/signups`, {});
  if (failed) setStatus(failed, true);
  else setStatus(answer.status === 'confirmed' ? t('signedUp') : `${t('wait')}${answer.position}${t('position')}`);
  await load();
}

async function cancel(id) {
  const [, failed] = await send(`${scene}/activities/${id}/signups/cancel`, {});
  setStatus(failed ?? t('cancelled'), Boolean(failed));
  await load();
}

async function checkIn(id, token) {
  const [, failed] = await send(`${scene}/activities/${id}/checkins`, { token });
  setStatus(failed ?? t('checkedIn'), Boolean(failed));
  if (!failed) $('checkin').hidden = true;
  await load();
}

async function start() {
  setUpLanguage(t, render);
  user = await me();
  $('signin').hidden = Boolean(user);
  $('login-form').onsubmit = async e => {
    e.preventDefault();
    const failed = await signIn($('login-user').value, $('login-password').value);
    if (failed) return setStatus(failed, true);
    user = await me();
    $('signin').hidden = true;
    setStatus('');
    await start();
  };
  $('community').onchange = render;
  const query = new URLSearchParams(location.search);
  if (query.get('checkin') && query.get('token')) {
    $('checkin').hidden = !user;
    const a = (await getJson(`${scene}/activities/${query.get('checkin')}`).catch(() => null));
    $('checkin-title').textContent = a ? `${a.title} · ${when(a.start)}` : '';
    $('checkin-button').onclick = () => checkIn(query.get('checkin'), query.get('token'));
  }
  await load().catch(e => setStatus(e.message, true));
}

start();

// The activity calendar of a community or a venue, by week or month (Asia/Shanghai), with its iCalendar feed; staff
// sign in to book venues (optionally weekly) and to record check-ins at the door, where the page shows the QR code.
import { $, makeT, setUpLanguage, me, signIn, getJson, send, when, el } from './governance-common.js';

const scene = '/api/scenes/vitality';
const t = makeT({
  zh: {
    map: '← 地图', title: '活动日历与场地预约', signUps: '活动报名', community: '社区', venue: '场地', view: '视图', week: '周', month: '月',
    subscribe: '订阅日历（iCalendar）', staffSignIn: '工作人员登录（预约场地、记录签到）', signIn: '登录', bookVenue: '预约场地', start: '开始（北京时间）',
    end: '结束（北京时间）', purpose: '用途', weeks: '每周重复次数（1 为不重复）', bookButton: '预约', door: '现场签到', activity: '活动', record: '记录签到',
    booked: '预约成功', pending: '已提交，待审批', recorded: '已记录签到', allVenues: '全部场地', choose: '请选择', days: ['一', '二', '三', '四', '五', '六', '日'],
  },
  en: {
    map: '← Map', title: 'Activity calendar and venue booking', signUps: 'Sign up', community: 'Community', venue: 'Venue', view: 'View', week: 'Week', month: 'Month',
    subscribe: 'Subscribe (iCalendar)', staffSignIn: 'Staff sign-in (book venues, record check-ins)', signIn: 'Sign in', bookVenue: 'Book a venue', start: 'Start (China time)',
    end: 'End (China time)', purpose: 'Purpose', weeks: 'Weekly occurrences (1: once)', bookButton: 'Book', door: 'Check-in at the door', activity: 'Activity', record: 'Record check-in',
    booked: 'Booked', pending: 'Submitted, awaiting approval', recorded: 'Check-in recorded', allVenues: 'All venues', choose: 'Choose', days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
});

const DAY = 86400000;
let venues = [];
let activities = [];
let bookings = [];
let anchor = shanghaiDate(new Date());

function setStatus(text, error = false) {
  $('status').textContent = text;
  $('status').className = error ? 'status error' : 'status';
}

/** The Shanghai calendar date (yyyy-mm-dd) of an instant. */
function shanghaiDate(d) {
  return new Date(d.getTime() + 8 * 3600000).toISOString().slice(0, 10);
}

function addDays(iso, n) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

function range() {
  const weekday = (new Date(`${anchor}T00:00:00Z`).getUTCDay() + 6) % 7;
  if ($('view').value === 'week') {
    const first = addDays(anchor, -weekday);
    return [first, addDays(first, 6)];
  }
  const start = `${anchor.slice(0, 8)}01`;
  const startWeekday = (new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7;
  const last = addDays(`${addDays(start, 32).slice(0, 8)}01`, -1);
  const lastWeekday = (new Date(`${last}T00:00:00Z`).getUTCDay() + 6) % 7;
  return [addDays(start, -startWeekday), addDays(last, 6 - lastWeekday)];
}

async function load() {
  const venue = $('venue').value;
  const community = $('community').value;
  const [from, to] = range();
  const query = venue ? `venueId=${venue}` : community ? `community=${community}` : '';
  activities = (await getJson(`${scene}/activities?from=${from}&to=${to}&${query}`)).filter(a => a.scheduled);
  bookings = venue ? (await getJson(`${scene}/venues/${venue}?from=${from}&to=${to}`)).bookings.filter(b => b.status !== 'cancelled' && !activities.some(a => a.start === b.start)) : [];
  $('ics').href = venue ? `${scene}/calendar.ics?venue=${venue}` : `${scene}/calendar.ics?community=${community || venues[0]?.communityCode || ''}`;
  render();
}

function render() {
  const [from, to] = range();
  $('range').textContent = `${from} – ${to}`;
  const today = shanghaiDate(new Date());
  const days = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const head = t('days').map(n => el('div', { class: 'day head' }, n));
  $('grid').replaceChildren(...head, ...days.map(d => el('div', { class: d === today ? 'day today' : 'day', 'data-date': d },
    el('div', { class: 'date' }, d.slice(5)),
    ...activities.filter(a => shanghaiDate(new Date(a.start)) === d).map(a =>
      el('a', { class: 'entry', href: `/activities.html#${a.id}`, title: `${a.spaceName} · ${a.series ?? ''}` }, `${when(a.start).slice(-5)} ${a.title}`)),
    ...bookings.filter(b => shanghaiDate(new Date(b.start)) === d).map(b =>
      el('span', { class: 'entry booking' }, `${when(b.start).slice(-5)} ${b.purpose}（${b.statusZh}）`)))));
  $('door-activity').replaceChildren(el('option', { value: '' }, t('choose')), ...activities.map(a => el('option', { value: a.id }, `${when(a.start)} ${a.title}`)));
}

/** A datetime-local value read as China time, with its offset: the API refuses times without one. */
const withOffset = local => `${local.length === 16 ? `${local}:00` : local}+08:00`;

async function book(e) {
  e.preventDefault();
  const weeks = Number($('book-weeks').value || 1);
  const body = { start: withOffset($('book-start').value), end: withOffset($('book-end').value), purpose: $('book-purpose').value };
  if (weeks > 1) body.repeat = { frequency: 'weekly', count: weeks };
  const [answer, failed] = await send(`${scene}/venues/${$('book-venue').value}/bookings`, body);
  setStatus(failed ?? (answer.status === 'pending' ? t('pending') : t('booked')), Boolean(failed));
  if (!failed) await load();
}

async function record(e) {
  e.preventDefault();
  const [, failed] = await send(`${scene}/activities/${$('door-activity').value}/checkins`, { person: $('door-person').value });
  setStatus(failed ?? t('recorded'), Boolean(failed));
}

async function showStaff(user) {
  const staff = user && (user.roles.includes('administrator') || user.roles.includes('worker'));
  $('signin').hidden = Boolean(staff);
  $('book').hidden = !staff;
  $('door').hidden = !staff;
  $('book-venue').replaceChildren(...venues.filter(v => !user?.community || v.communityCode === user.community || user.roles.includes('administrator'))
    .map(v => el('option', { value: v.id }, `${v.name}（${v.opens}–${v.closes}${v.approvalRequired ? '，需审批' : ''}）`)));
}

async function start() {
  setUpLanguage(t, render);
  venues = await getJson(`${scene}/venues`);
  const communities = [...new Map(venues.filter(v => v.communityCode).map(v => [v.communityCode, v.communityName])).entries()];
  $('community').replaceChildren(...communities.map(([code, name]) => el('option', { value: code }, name)));
  const fillVenues = () => $('venue').replaceChildren(el('option', { value: '' }, t('allVenues')),
    ...venues.filter(v => v.communityCode === $('community').value).map(v => el('option', { value: v.id }, v.name)));
  fillVenues();
  $('community').onchange = () => { fillVenues(); load(); };
  $('venue').onchange = load;
  $('view').onchange = load;
  $('prev').onclick = () => { anchor = $('view').value === 'week' ? addDays(anchor, -7) : addDays(`${anchor.slice(0, 8)}01`, -1); load(); };
  $('next').onclick = () => { anchor = $('view').value === 'week' ? addDays(anchor, 7) : addDays(`${anchor.slice(0, 8)}01`, 32); load(); };
  $('book-form').onsubmit = book;
  $('door-form').onsubmit = record;
  $('door-activity').onchange = () => {
    const id = $('door-activity').value;
    $('door-qr').hidden = !id;
    if (id) $('door-qr').src = `${scene}/activities/${id}/checkin.png`;
  };
  $('login-form').onsubmit = async e => {
    e.preventDefault();
    const failed = await signIn($('login-user').value, $('login-password').value);
    if (failed) return setStatus(failed, true);
    await showStaff(await me());
  };
  await showStaff(await me());
  await load().catch(err => setStatus(err.message, true));
}

start();

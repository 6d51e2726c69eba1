// The activity calendar of a community or a venue, by week or month (Asia/Shanghai), with its iCalendar feed; staff
// sign in to book venues (optionally weekly), to set a venue's weekly hours and photo, and to record check-ins at the
// door, where the page shows the QR code.
import { $, makeT, setUpLanguage, me, signIn, getJson, send, when, el, problem, language } from './governance-common.js';

const scene = '/api/scenes/vitality';
const t = makeT({
  zh: {
    map: '← 地图', title: '活动日历与场地预约', signUps: '活动报名', community: '社区', venue: '场地', view: '视图', week: '周', month: '月',
    subscribe: '订阅日历（iCalendar）', staffSignIn: '工作人员登录（预约场地、记录签到）', signIn: '登录', bookVenue: '预约场地', start: '开始（北京时间）',
    end: '结束（北京时间）', purpose: '用途', weeks: '每周重复次数（1 为不重复）', bookButton: '预约', door: '现场签到', activity: '活动', record: '记录签到',
    booked: '预约成功', pending: '已提交，待审批', recorded: '已记录签到', allVenues: '全部场地', choose: '请选择', days: ['一', '二', '三', '四', '五', '六', '日'],
    venueSettings: '场地设置（开放时间、照片）', settingsHint: '为上方所选场地设置每周开放时间（未勾选的日子不开放）或上传照片；照片的拍摄位置等元数据在保存前去除。',
    saveHours: '保存开放时间', uploadPhoto: '上传照片', hoursSaved: '开放时间已保存', photoSaved: '照片已上传', open: '开放', hours: '开放时间',
    capacity: '容纳', people: '人', needsApproval: '需审批', closedAll: '至少勾选一天', weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  },
  en: {
    map: '← Map', title: 'Activity calendar and venue booking', signUps: 'Sign up', community: 'Community', venue: 'Venue', view: 'View', week: 'Week', month: 'Month',
    subscribe: 'Subscribe (iCalendar)', staffSignIn: 'Staff sign-in (book venues, record check-ins)', signIn: 'Sign in', bookVenue: 'Book a venue', start: 'Start (China time)',
    end: 'End (China time)', purpose: 'Purpose', weeks: 'Weekly occurrences (1: once)', bookButton: 'Book', door: 'Check-in at the door', activity: 'Activity', record: 'Record check-in',
    booked: 'Booked', pending: 'Submitted, awaiting approval', recorded: 'Check-in recorded', allVenues: 'All venues', choose: 'Choose', days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    venueSettings: 'Venue settings (opening hours, photo)', settingsHint: 'Set the weekly opening hours of the venue chosen above (unticked days are closed) or upload a photo; its location and other metadata are removed before it is stored.',
    saveHours: 'Save opening hours', uploadPhoto: 'Upload photo', hoursSaved: 'Opening hours saved', photoSaved: 'Photo uploaded', open: 'Open', hours: 'Opening hours',
    capacity: 'Capacity', people: '', needsApproval: 'approval needed', closedAll: 'Tick at least one day', weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
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

const chosenVenue = () => venues.find(v => v.id === $('book-venue').value);

/** The chosen venue's photo, hours, capacity and equipment, and its week in the settings form. */
function showVenue() {
  const v = chosenVenue();
  if (!v) { $('venue-card').replaceChildren(); return; }
  $('venue-card').replaceChildren(
    ...(v.photoUrl ? [el('img', { src: v.photoUrl, alt: v.name })] : []),
    el('div', {}, el('div', {}, el('strong', {}, v.name), v.approvalRequired ? `（${t('needsApproval')}）` : ''),
      el('div', { class: 'hours-text' }, `${t('hours')}：${language() === 'zh' ? v.openingHoursZh : v.openingHours}`),
      el('div', {}, `${t('capacity')} ${v.capacity}${t('people')}${v.equipment.length ? ` · ${v.equipment.join('、')}` : ''}`)));
  const dayHours = day => v.week.length === 0 ? { opens: v.opens, closes: v.closes } : v.week.find(w => w.days.includes(day)) ?? null;
  $('hours-days').replaceChildren(...t('weekdays').flatMap((name, i) => {
    const hours = dayHours(i + 1);
    return [
      el('label', {}, el('input', { type: 'checkbox', 'data-day': i + 1, ...(hours ? { checked: '' } : {}) }), ` ${name}`),
      el('input', { type: 'time', 'data-opens': i + 1, value: hours?.opens ?? v.opens }),
      el('input', { type: 'time', 'data-closes': i + 1, value: hours?.closes ?? v.closes }),
    ];
  }));
}

/** The ticked days grouped by equal hours into the API's windows. */
function weekFromForm() {
  const windows = new Map();
  for (let day = 1; day <= 7; day++) {
    if (!document.querySelector(`[data-day="${day}"]`).checked) continue;
    const opens = document.querySelector(`[data-opens="${day}"]`).value;
    const closes = document.querySelector(`[data-closes="${day}"]`).value;
    const key = `${opens}-${closes}`;
    if (!windows.has(key)) windows.set(key, { days: [], opens, closes });
    windows.get(key).days.push(day);
  }
  return [...windows.values()];
}

async function reloadVenues() {
  const chosen = $('book-venue').value;
  venues = await getJson(`${scene}/venues`);
  await showStaff(await me());
  $('book-venue').value = chosen;
  showVenue();
}

async function saveHours(e) {
  e.preventDefault();
  const week = weekFromForm();
  if (week.length === 0) return setStatus(t('closedAll'), true);
  const [, failed] = await send(`${scene}/venues/${$('book-venue').value}/opening-hours`, { week }, 'PUT');
  setStatus(failed ?? t('hoursSaved'), Boolean(failed));
  if (!failed) await reloadVenues();
}

async function uploadPhoto(e) {
  e.preventDefault();
  const form = new FormData();
  form.append('photo', $('venue-photo').files[0]);
  const response = await fetch(`${scene}/venues/${$('book-venue').value}/photos`, { method: 'POST', credentials: 'same-origin', body: form });
  const failed = response.ok ? null : await problem(response);
  setStatus(failed ?? t('photoSaved'), Boolean(failed));
  if (!failed) await reloadVenues();
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
  $('settings').hidden = !staff;
  $('book-venue').replaceChildren(...venues.filter(v => !user?.community || v.communityCode === user.community || user.roles.includes('administrator'))
    .map(v => el('option', { value: v.id }, `${v.name}（${v.openingHoursZh}${v.approvalRequired ? '，需审批' : ''}）`)));
  showVenue();
}

async function start() {
  setUpLanguage(t, () => { render(); showVenue(); });
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
  $('book-venue').onchange = showVenue;
  $('hours-form').onsubmit = saveHours;
  $('photo-form').onsubmit = uploadPhoto;
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

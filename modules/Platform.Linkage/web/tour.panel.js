// The demonstration tour planner (竞进拉练参观动线), a core module's web panel (SDK WebPanel): tick the sites, the first
// ticked is the start; the platform orders them along the road network (exact up to 10 stops) and answers walking
// distance and time. The route is drawn on the map along the roads with numbered stops; the printable map (PDF or
// PNG) comes from the print service, drawing the same route and stops.
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import LineString from 'ol/geom/LineString';
import { fromLonLat } from 'ol/proj';
import { Style, Stroke, Circle, Fill, Text } from 'ol/style';

export const strings = {
  zh: {
    hint: '勾选示范点位，第一个勾选的为起点', plan: '规划动线', signIn: '请以工作人员身份登录后使用', total: (m, min) => `全程约 ${(m / 1000).toFixed(2)} 公里，步行约 ${Math.round(min)} 分钟`,
    print: '打印路线图（PDF）', printPng: '图片（PNG）', leg: (m, min) => `${Math.round(m)} 米 · ${Math.round(min)} 分钟`, drawn: '路线沿路网绘制',
    guide: g => (g ? `讲解员${g.trained ? '（已培训）' : '（未培训）'}` : '未配讲解员'),
  },
  en: {
    hint: 'Tick the sites; the first ticked is the start', plan: 'Plan the route', signIn: 'Sign in as staff to plan tours', total: (m, min) => `About ${(m / 1000).toFixed(2)} km, ${Math.round(min)} min on foot`,
    print: 'Print the route map (PDF)', printPng: 'image (PNG)', leg: (m, min) => `${Math.round(m)} m · ${Math.round(min)} min`, drawn: 'the route is drawn along the roads',
    guide: g => (g ? `guide${g.trained ? ' (trained)' : ' (not trained)'}` : 'no guide'),
  },
};

/** @param {object} panel what the web map offers a panel (docs/plugins.md, "Web panels") */
export default function tourPanel(panel) {
  const source = new VectorSource();
  const layer = new VectorLayer({
    source, zIndex: 900,
    style: f => new Style({
      stroke: new Stroke({ color: '#e6007e', width: 4 }),
      image: new Circle({ radius: 10, fill: new Fill({ color: '#e6007e' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: f.get('order') ? new Text({ text: String(f.get('order')), fill: new Fill({ color: '#fff' }), font: 'bold 12px sans-serif' }) : undefined,
    }),
  });
  panel.map.addLayer(layer);
  const hint = document.createElement('div');
  hint.className = 'muted';
  const list = document.createElement('div');
  list.id = 'tour-sites';
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'tour-plan';
  const result = document.createElement('div');
  result.id = 'tour-result';
  panel.element.append(hint, list, button, result);
  const ticked = [];
  let sites = [];
  let tour = null;
  let asked = 0;
  panel.expose('linkageTour', () => tour);

  async function plan() {
    const response = await fetch('/api/linkage/tours', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ siteIds: ticked }),
    });
    const body = await response.json();
    if (!response.ok) {
      panel.setStatus(panel.language() === 'zh' ? body.detailZh ?? body.detail : body.detail, true);
      return;
    }
    tour = body;
    const { t } = panel;
    source.clear();
    source.addFeature(new Feature(new LineString(tour.route.map(p => fromLonLat(p)))));
    for (const s of tour.sites) source.addFeature(new Feature({ geometry: new Point(fromLonLat(s.location)), order: s.order }));
    const ol = document.createElement('ol');
    tour.sites.forEach((s, i) => {
      const li = document.createElement('li');
      const leg = i > 0 ? tour.legs[i - 1] : null;
      li.textContent = `${s.name}（${t('guide')(s.guide)}）${leg ? ` ← ${t('leg')(leg.metres, leg.minutes)}` : ''}`;
      ol.append(li);
    });
    const total = document.createElement('div');
    total.textContent = t('total')(tour.metres, tour.minutes);
    const method = document.createElement('div');
    method.className = 'muted';
    method.textContent = `${panel.language() === 'zh' ? tour.methodZh : tour.methodEn}；${t('drawn')}`;
    const print = document.createElement('a');
    print.href = tour.printUrl;
    print.target = '_blank';
    print.textContent = t('print');
    const png = document.createElement('a');
    png.href = tour.printPngUrl;
    png.target = '_blank';
    png.textContent = t('printPng');
    result.replaceChildren(ol, total, method, print, ' · ', png);
    panel.focus(...tour.sites[0].location);
  }

  function render() {
    const { t } = panel;
    hint.textContent = sites.length ? t('hint') : t('signIn');
    button.textContent = t('plan');
    button.hidden = sites.length === 0;
    button.onclick = plan;
    list.replaceChildren(...sites.map(s => {
      const label = document.createElement('label');
      label.style.display = 'block';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = s.id;
      box.checked = ticked.includes(s.id);
      box.onchange = () => {
        if (box.checked) ticked.push(s.id);
        else ticked.splice(ticked.indexOf(s.id), 1);
      };
      label.append(box, ` ${s.name}`);
      return label;
    }));
  }

  return {
    async update() {
      const ask = ++asked;
      const response = await fetch(`/api/linkage/demonstration-sites?year=${panel.date().slice(0, 4)}`, { credentials: 'same-origin' });
      const answer = response.ok ? await response.json() : [];
      if (ask !== asked) return;
      sites = answer;
      render();
    },
    dispose() {
      panel.map.removeLayer(layer);
    },
  };
}

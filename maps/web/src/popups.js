// A click on the map: a popup with the attributes of the features under it, unless a drawing owns the click.
import { $, state, onChange } from './state.js';
import { title, language } from './i18n.js';
import { map, popup, closePopup } from './mapview.js';

const clickListeners = [];
let shown = null; // { coordinate, hits } of the open popup, redrawn when the language changes

/** The label of a coded value: the legend's for the themed attribute, the field's own code labels otherwise. */
function valueText(d, field, v) {
  const coded = (field.name === d.style.themeField ? d.style.legend : null)?.find(e => String(e.value) === String(v))
    ?? field.values?.find(e => String(e.value) === String(v));
  if (coded) return title(coded);
  return typeof v === 'number' ? v.toLocaleString(language() === 'zh' ? 'zh-CN' : 'en') : v;
}

/** Calls `listener(hits)` after each click that is not part of a drawing; hits are `{ d, props, feature }`. */
export const onFeatureClick = listener => clickListeners.push(listener);

function showPopup(coordinate, hits) {
  const box = $('popup-content');
  box.replaceChildren();
  for (const { d, props } of hits.slice(0, 8)) {
    const h = document.createElement('h3');
    h.textContent = title(d);
    const table = document.createElement('table');
    for (const field of d.fields) {
      const v = props[field.name];
      if (v === undefined || v === null || v === '') continue;
      const tr = table.insertRow();
      tr.insertCell().textContent = title(field);
      // A coded attribute shows its label (支路, not local; 儿童活动场地, not children_playground), never the code.
      tr.insertCell().textContent = valueText(d, field, v);
    }
    box.append(h, table);
  }
  $('popup').hidden = false;
  popup.setPosition(coordinate);
  shown = { coordinate, hits };
}

export function setUpPopups() {
  onChange('language', () => { if (shown && !$('popup').hidden) showPopup(shown.coordinate, shown.hits); });
  map.on('singleclick', event => {
    // No popups while a shape is being drawn or an edited site awaits saving: clicks there belong to the editing.
    if (state.mode || state.draw || state.editing) return;
    // Nor for the click that finished a drawing: the map reports it as a single click 250 ms later (later still on a busy
    // page), when the drawing is over and a successful save may already have cleared the edit. Its pointer event is older
    // than the end of the drawing; a new click's is not.
    if (event.originalEvent?.timeStamp <= (state.drawEndedAt ?? -1)) return;
    const hits = [];
    map.forEachFeatureAtPixel(event.pixel, (feature, layer) => {
      const id = layer?.get('layerId');
      const d = state.descriptors.find(x => x.id === id);
      if (d && !hits.some(h => h.d.id === id)) hits.push({ d, props: feature.getProperties(), feature });
    }, { hitTolerance: 3 });
    if (hits.length) showPopup(event.coordinate, hits);
    else closePopup();
    clickListeners.forEach(l => l(hits));
  });
}

export const popupText = () => ($('popup').hidden ? '' : $('popup-content').textContent);

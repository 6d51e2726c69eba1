// Lengths and areas of drawn shapes, measured like the server: in the CGCS2000 3° Gauss–Krüger zone of the shape.
import proj4 from 'proj4';
import { toLonLat } from 'ol/proj.js';

function gaussKruger(lon) {
  const cm = 3 * Math.round(lon / 3);
  return `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}
/** The length (lines) or area (polygons) of an OpenLayers geometry in EPSG:3857, as text with its unit. */
export function measure(geometry) {
  const ring = geometry.getType() === 'Polygon' ? geometry.getCoordinates()[0] : geometry.getCoordinates();
  const lonLat = ring.map(c => toLonLat(c));
  const gk = proj4('EPSG:4326', gaussKruger(lonLat[0][0]));
  const xy = lonLat.map(p => gk.forward(p));
  if (geometry.getType() === 'Polygon') {
    let twice = 0;
    for (let i = 0; i < xy.length - 1; i++) twice += xy[i][0] * xy[i + 1][1] - xy[i + 1][0] * xy[i][1];
    return `${Math.abs(twice / 2).toLocaleString('en', { maximumFractionDigits: 1 })} m²`;
  }
  let length = 0;
  for (let i = 0; i < xy.length - 1; i++) length += Math.hypot(xy[i + 1][0] - xy[i][0], xy[i + 1][1] - xy[i][1]);
  return `${length.toLocaleString('en', { maximumFractionDigits: 1 })} m`;
}

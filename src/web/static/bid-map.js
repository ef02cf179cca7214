// A BID's area on a map: progressive enhancement of /localities/:code/bids/:id/area. The page
// already holds the same facts as tables; this draws the area's outline and the hereditaments
// that have a location with Leaflet (served by the app from its package, no CDN). Base tiles
// only when the deployment configures them (data-tiles); otherwise a plain ground. No inline
// script or style: Leaflet sets element styles through the DOM, which the CSP allows.
const L = window.L;
const app = document.getElementById('bid-map-app');
if (app && L) {
  init(app).catch(() => {
    app.hidden = true;
  });
}

async function init(app) {
  const response = await fetch(app.dataset.features, { headers: { accept: 'application/geo+json' } });
  if (!response.ok) throw new Error(`The map data could not be loaded (${response.status})`);
  const data = await response.json();
  app.hidden = false;
  const fallback = document.getElementById('bid-map-no-script');
  if (fallback) fallback.hidden = true;
  const map = L.map('bid-map', { keyboard: true, scrollWheelZoom: false, zoomSnap: 0.25 });
  if (app.dataset.tiles)
    L.tileLayer(app.dataset.tiles, { maxZoom: 19, attribution: app.dataset.attribution || '' }).addTo(map);
  // The style applies to every shape, points too: inside filled green, outside hollow grey.
  const style = (feature) =>
    feature.properties.kind === 'area'
      ? { color: '#1d70b8', weight: 3, fillColor: '#1d70b8', fillOpacity: 0.12 }
      : {
          radius: 5,
          weight: 2,
          color: feature.properties.inside ? '#00703c' : '#505a5f',
          fillColor: feature.properties.inside ? '#00703c' : '#ffffff',
          fillOpacity: 1,
        };
  const layer = L.geoJSON(data, {
    style,
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, style(feature)),
    onEachFeature: (feature, featureLayer) => {
      const p = feature.properties;
      if (p.kind === 'hereditament')
        featureLayer.bindTooltip(`${p.reference}, ${p.address}: ${p.inside ? 'inside' : 'outside'} the area`);
    },
  }).addTo(map);
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20] });
  else map.setView([54, -2], 5);
}

#include "layers/webmap/map_page.hpp"

namespace depmap::layers {

std::string_view map_page_script() {
    return R"JS((function () {
  'use strict';
  var data = JSON.parse(document.getElementById('depmap-data').textContent);
  var map = L.map('map', {attributionControl: false, zoomSnap: 0.25});
  // The prefix as plain text: Leaflet's own link would lead an off-line reader nowhere.
  var credits = L.control.attribution({prefix: 'Leaflet'}).addTo(map);

  function escaped(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function colour(c) { return c === null ? 'none' : c; }

  // A marker's shape as inline SVG, sized and outlined as in the QGIS style.
  function marker_svg(s, d) {
    var w = s.stroke_px, t = Math.ceil(d + 2 * w), c = t / 2, r = d / 2, shape;
    if (s.shape === 'square') shape = '<rect x="' + (c - r) + '" y="' + (c - r) + '" width="' + d + '" height="' + d + '"';
    else if (s.shape === 'triangle')
      shape = '<polygon points="' + c + ',' + (c - r) + ' ' + (c + r) + ',' + (c + r) + ' ' + (c - r) + ',' + (c + r) + '"';
    else if (s.shape === 'diamond')
      shape = '<polygon points="' + c + ',' + (c - r) + ' ' + (c + r) + ',' + c + ' ' + c + ',' + (c + r) + ' ' + (c - r) + ',' + c + '"';
    else shape = '<circle cx="' + c + '" cy="' + c + '" r="' + r + '"';
    return {size: t, html: '<svg width="' + t + '" height="' + t + '" viewBox="0 0 ' + t + ' ' + t + '">' + shape +
      ' fill="' + colour(s.fill) + '" fill-opacity="' + s.fill_opacity + '" stroke="' + colour(s.stroke) +
      '" stroke-width="' + w + '"/></svg>'};
  }
  // The base map's places: small white dots with their names.
  var place_style = {radius: 3, color: '#333333', weight: 1, fillColor: '#ffffff', fillOpacity: 1};
  function path_style(s) {
    return {fill: s.fill !== null, fillColor: s.fill || undefined, fillOpacity: s.fill_opacity,
            stroke: s.stroke !== null, color: s.stroke || undefined, weight: s.stroke_px, opacity: 1};
  }

  // A feature's attributes, every one given, as text (never read as HTML).
  function popup(title, properties) {
    var box = document.createElement('div');
    box.className = 'depmap-popup';
    var head = document.createElement('div');
    head.className = 'depmap-popup-layer';
    head.textContent = title;
    box.appendChild(head);
    var table = document.createElement('table');
    Object.keys(properties).forEach(function (key) {
      var value = properties[key];
      if (value === null || value === '') return;
      var row = table.insertRow(), name = document.createElement('th');
      name.textContent = key;
      row.appendChild(name);
      row.insertCell().textContent = String(value);
    });
    box.appendChild(table);
    return box;
  }
  function feature_name(p) { return p.name || p.name_zh || p.hub || p.region || ''; }

  function draw(layer) {
    var features = layer.features.features;
    for (var i = 0; i < features.length; ++i) {
      features[i].depmap_symbol = layer.symbols[layer.symbol[i]];
      features[i].depmap_size = layer.sizes ? layer.sizes[i] : features[i].depmap_symbol.size_px;
    }
    return L.geoJSON(layer.features, {
      pointToLayer: function (feature, at) {
        var s = feature.depmap_symbol, name = feature_name(feature.properties);
        if (layer.base) {
          var city = L.circleMarker(at, place_style);
          if (name) city.bindTooltip(name, {permanent: true, direction: 'right', className: 'depmap-place'});
          return city;
        }
        // Sized markers as in QGIS: the large under the small.
        var svg = marker_svg(s, feature.depmap_size);
        return L.marker(at, {
          icon: L.divIcon({className: 'depmap-marker', html: svg.html, iconSize: [svg.size, svg.size]}),
          title: name, alt: name, riseOnHover: true,
          zIndexOffset: 1000 * s.pass + (layer.sizes ? 100000 * s.pass - Math.round(1000 * feature.depmap_size) : 0)});
      },
      style: function (feature) {
        return layer.base && layer.kind === 'points' ? place_style : path_style(feature.depmap_symbol);
      },
      onEachFeature: function (feature, drawn) {
        drawn.bindPopup(function () { return popup(layer.name, feature.properties); }, {maxWidth: 420, maxHeight: 320});
        if (layer.base && layer.kind !== 'points' && feature_name(feature.properties))
          drawn.bindTooltip(feature_name(feature.properties), {sticky: true});
      }
    });
  }

  if (data.tiles) L.tileLayer(data.tiles.url, {attribution: escaped(data.tiles.attribution), maxZoom: 19}).addTo(map);
  if (data.attribution) credits.addAttribution(escaped(data.attribution));

  // Polygons under outlines under lines under points; the layers control lists them as given.
  var rank = {grid: 0, areas: 0, outlines: 1, lines: 2, points: 3};
  var order = data.layers.map(function (layer, i) { return i; });
  order.sort(function (a, b) { return rank[data.layers[a].kind] - rank[data.layers[b].kind] || a - b; });
  var drawn = [], bounds = L.latLngBounds([]), base_bounds = L.latLngBounds([]);
  order.forEach(function (i) {
    var layer = data.layers[i], group = draw(layer).addTo(map);
    drawn[i] = group;
    if (layer.features.features.length === 0) return;
    (layer.base ? base_bounds : bounds).extend(group.getBounds());
  });
  var overlays = {};
  data.layers.forEach(function (layer, i) { overlays[escaped(layer.name)] = drawn[i]; });
  var extent = bounds.isValid() ? bounds : base_bounds;
  if (extent.isValid()) {
    if (extent.getNorthEast().equals(extent.getSouthWest())) map.setView(extent.getCenter(), 10);
    else map.fitBounds(extent.pad(0.05));
  } else map.setView([0, 0], 2);

  var title = L.control({position: 'topright'});
  title.onAdd = function () {
    var box = L.DomUtil.create('div', 'depmap-title');
    box.textContent = data.title;
    return box;
  };
  title.addTo(map);
  L.control.layers(null, overlays, {collapsed: false, position: 'topright'}).addTo(map);
  L.control.scale({imperial: false}).addTo(map);

  // The legend: each drawn layer's symbols, with how many features each draws.
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function () {
    var box = L.DomUtil.create('div', 'depmap-legend');
    data.layers.forEach(function (layer) {
      if (layer.base) return;
      var head = document.createElement('div');
      head.className = 'depmap-legend-layer';
      head.textContent = layer.name;
      box.appendChild(head);
      layer.symbols.forEach(function (s) {
        var row = document.createElement('div'), swatch = document.createElement('span'), text = document.createElement('span');
        row.className = 'depmap-legend-entry';
        swatch.className = 'depmap-swatch';
        if (layer.kind === 'points') swatch.innerHTML = marker_svg(s, s.size_px).html;
        else {
          swatch.style.border = s.stroke ? Math.max(1, s.stroke_px) + 'px solid ' + s.stroke : 'none';
          if (s.fill) swatch.style.background = 'rgba(' + parseInt(s.fill.substr(1, 2), 16) + ',' +
            parseInt(s.fill.substr(3, 2), 16) + ',' + parseInt(s.fill.substr(5, 2), 16) + ',' + s.fill_opacity + ')';
        }
        text.textContent = s.label + ' (' + s.count + ')';
        row.appendChild(swatch);
        row.appendChild(text);
        box.appendChild(row);
      });
    });
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  legend.addTo(map);
})();
)JS";
}

std::string_view map_page_style() {
    return R"CSS(html, body, #map { height: 100%; margin: 0; }
body { font: 13px/1.4 sans-serif; }
.depmap-marker { background: none; border: none; }
.depmap-marker svg { display: block; }
.depmap-title { background: #fff; padding: 4px 8px; border-radius: 4px; box-shadow: 0 1px 5px rgba(0,0,0,0.4); font-weight: bold; }
.depmap-legend { background: #fff; padding: 6px 10px; border-radius: 4px; box-shadow: 0 1px 5px rgba(0,0,0,0.4); max-height: 60vh; overflow-y: auto; }
.depmap-legend-layer { font-weight: bold; margin-top: 4px; }
.depmap-legend-entry { display: flex; align-items: center; gap: 6px; }
.depmap-swatch { display: inline-flex; align-items: center; justify-content: center; width: 14px; height: 14px; box-sizing: border-box; }
.depmap-popup table { border-collapse: collapse; }
.depmap-popup th { text-align: left; padding-right: 8px; vertical-align: top; font-weight: normal; color: #555; }
.depmap-popup td { word-break: break-word; }
.depmap-popup-layer { font-weight: bold; margin-bottom: 4px; }
.depmap-place { background: none; border: none; box-shadow: none; padding: 0 0 0 2px; font-size: 11px; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
.depmap-place::before { display: none; }
)CSS";
}

} // namespace depmap::layers

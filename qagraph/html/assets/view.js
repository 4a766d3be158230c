/* qagraph view: draws the graph embedded in #qagraph-data with vis-network.
 *
 * Positions are computed when the page is written (no physics), so the view is
 * ready as soon as vis-network has drawn it once. Every text from the articles is set
 * with textContent; the only markup is the answer excerpt, rendered from Markdown and
 * sanitised (nh3) when the page was written. Links are only followed when they are
 * http(s) or views beside this one.
 *
 * window.qagraph is the page's interface (the atlas has the same):
 *   ready, nodeCount, edgeCount, search(text) -> node ids, select(id), clear()
 * and, for tests and the curious: showKind(kind, on), showAllLinks(on), exportPng(), data, network.
 * Keyboard: "/" searches, Escape clears. "#article=<url>" in the address selects an article.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("qagraph-data").textContent);
  var container = document.getElementById("network");
  var statusBox = document.getElementById("status");
  var details = document.getElementById("details");
  var searchBox = document.getElementById("search");
  var result = document.getElementById("search-result");
  var DIM = "rgba(190,190,190,0.35)";
  var DIM_FONT = "rgba(60,60,60,0.25)";
  var SAFE_URL = /^https?:\/\/[^\s]+$/i;
  var SAFE_VIEW = /^[A-Za-z0-9][A-Za-z0-9._-]*\.html$/;
  var CORE = data.kind === "overview" ? { subject: true } : { article: true, stub: true };
  var state = { ready: false, highlighted: [], selected: null, shownKinds: {}, allLinks: false, visible: {} };

  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function status(text) { statusBox.textContent = text; }
  function plural(n, word, words) { return n.toLocaleString("en") + " " + (n === 1 ? word : (words || word + "s")); }
  function kindName(kind) { return (data.nodeKinds[kind] || { label: kind }).label; }

  // -- the data, unpacked and indexed ------------------------------------------------------
  // edges come as [from, to, kind index, more, weight, count, width, shared]; keys that
  // start with the view's common prefix as "~" and the rest; a site path equal to the
  // article's own url as 1
  var FIELDS = ["more", "weight", "count", "width", "shared"];
  data.edges = data.edges.map(function (row) {
    var e = { from: row[0], to: row[1], kind: data.edgeKinds[row[2]].kind };
    for (var i = 0; i < FIELDS.length; i++) if (row[i + 3] !== undefined && row[i + 3] !== null) e[FIELDS[i]] = row[i + 3];
    return e;
  });
  function unpack(key) { return key.charAt(0) === "~" ? data.keyPrefix + key.slice(1) : key; }
  data.nodes.forEach(function (n) {
    n.key = unpack(n.key);
    if (n.info && n.info.path === 1) n.info.path = n.key.slice(8);
  });
  data.listed.forEach(function (row) { row[1] = unpack(row[1]); });
  var byId = {}, byKey = {}, adjacent = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; byKey[n.key] = n.id; adjacent[n.id] = []; });
  data.edges.forEach(function (e, i) { adjacent[e.from].push(i); adjacent[e.to].push(i); });
  var kinds = {};
  data.edgeKinds.forEach(function (k) { kinds[k.kind] = k; state.shownKinds[k.kind] = !!k.shown; });

  // the same title in two places (the same question in two subjects) is told apart by subject
  var titleCount = {};
  function titleOf(n) { return String((n.info && n.info.title) || n.label); }
  data.nodes.forEach(function (n) { var t = titleOf(n); titleCount[t] = (titleCount[t] || 0) + 1; });
  data.listed.forEach(function (row) { titleCount[row[0]] = (titleCount[row[0]] || 0) + 1; });
  // a title that opens an embedding or override (U+202A-202E, U+2066-2068) reverses what follows it up to
  // the line's end: "(Biology)" drawn ")ygoloiB(": such a title (or subject) is isolated (FSI ... PDI) before anything joins it
  var BIDI = /[\u202a-\u202e\u2066-\u2069]/;
  function isolated(text) { return BIDI.test(text) ? "\u2068" + text + "\u2069" : text; }
  function display(title, subject, kind) {
    if (titleCount[title] > 1 && subject) return isolated(title) + " (" + isolated(subject) + ")";
    if (titleCount[title] > 1 && kind && kind !== "article") return isolated(title) + " (" + kindName(kind) + ")";
    return isolated(title);
  }
  function nameOf(n) { return display(titleOf(n), n.info && n.info.subject, n.kind); }

  function urlOf(key) { return key.indexOf("article:") === 0 ? key.slice(8) : null; }
  function hashFor(key) {
    var url = urlOf(key);
    return url !== null ? "#article=" + encodeURIComponent(url) : "#node=" + encodeURIComponent(key);
  }
  function command(key) {
    var url = urlOf(key) || key;
    return "qagraph view " + (/^[\w\/.:%-]+$/.test(url) ? url : "'" + url.replace(/'/g, "'\\''") + "'") + " -o article.html";
  }

  // -- cards: the hover tooltip and the details panel show the same facts ------------------
  function card(node, full) {
    var info = node.info || {};
    var box = make("div", "card card-" + node.kind);
    box.appendChild(make("div", "card-kind", kindName(node.kind)));
    box.appendChild(make("div", "card-title", info.title || node.label));
    var facts = [];
    if (info.subject) facts.push("Subject: " + info.subject);
    if (info.articles !== undefined) facts.push(plural(info.articles, "article"));
    if (info.links !== undefined) facts.push(plural(info.links, "link") + " from this view");
    if (info.df !== undefined) facts.push("in " + plural(info.df, "article"));
    if (info.degree !== undefined) facts.push(plural(info.degree, "link") + " in all");
    if (info.date) facts.push(info.date);
    if (info.note) facts.push(info.note);
    if (facts.length) box.appendChild(make("div", "card-facts", facts.join(" \u00b7 ")));
    if (info.labels && info.labels.length) box.appendChild(make("div", "card-facts", "Spellings: " + info.labels.join(", ")));
    if (info.keywords && info.keywords.length) {
      var more = info.moreKeywords ? " \u2026 and " + info.moreKeywords.toLocaleString("en") + " more" : "";
      box.appendChild(make("div", "card-keywords", (node.kind === "subject" ? "Top keywords: " : "Keywords: ") + info.keywords.join(", ") + more));
    }
    if (info.excerpt) {
      var excerpt = make("div", "card-excerpt");
      excerpt.innerHTML = info.excerpt; // Markdown rendered without raw HTML, then sanitised by nh3
      box.appendChild(excerpt);
    }
    if (info.url && SAFE_URL.test(info.url)) {
      var link = make("a", "card-link", full ? "Open the article: " + info.url : info.url);
      link.href = info.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      box.appendChild(link);
    } else if (info.path) {
      box.appendChild(make("div", "card-path", "Page: " + info.path + (full ? " (not a link: this view was written without a site address; qagraph build --site-url makes it one)" : "")));
    }
    if (info.view && SAFE_VIEW.test(info.view)) {
      var view = make("a", "card-link", "Open the view of " + (info.title || node.label));
      view.href = info.view;
      box.appendChild(view);
    }
    return box;
  }

  // -- what is drawn: edge kinds ticked, strongest links (or all), nodes that have an edge ---
  function edgeShown(e) { return state.shownKinds[e.kind] === true && (!e.more || state.allLinks); }
  function computeVisible() {
    var visible = {};
    data.nodes.forEach(function (n) { if (CORE[n.kind]) visible[n.id] = true; });
    if (data.centre !== null && data.centre !== undefined) visible[data.centre] = true;
    data.edges.forEach(function (e) { if (edgeShown(e)) { visible[e.from] = true; visible[e.to] = true; } });
    state.visible = visible;
  }
  computeVisible();

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var item = { id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, shape: n.shape, color: n.color, title: card(n, false) };
    if (n.font) item.font = n.font;
    if (n.borderWidth) item.borderWidth = n.borderWidth;
    if (n.shapeProperties) item.shapeProperties = n.shapeProperties;
    return item;
  }));

  function edgeTitle(e) {
    var k = kinds[e.kind] || { label: e.kind };
    var text = k.label;
    if (e.weight !== undefined) text += " \u00b7 score " + e.weight;
    if (e.count !== undefined) text += " \u00b7 " + e.count.toLocaleString("en");
    if (e.shared && e.shared.length) text += " \u00b7 shared: " + e.shared.join(", ");
    return text; // vis-network shows a string title as text
  }
  var edgeColours = {};
  data.edgeKinds.forEach(function (k) {
    edgeColours[k.kind] = { color: k.color, highlight: k.color, hover: k.color, opacity: k.link ? 0.75 : 0.5 };
  });
  var DIM_EDGE = { color: "#c8c8c8", highlight: "#c8c8c8", hover: "#c8c8c8", opacity: 0.12 };
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var k = kinds[e.kind] || {};
    return {
      id: i, from: e.from, to: e.to, kind: e.kind,
      width: e.width || k.width || 1, color: edgeColours[e.kind], dashes: k.dashes || false,
      arrows: k.arrows ? { to: { enabled: true, scaleFactor: 0.45 } } : undefined,
      title: edgeTitle(e)
    };
  }));
  var shownNodes = new vis.DataView(nodes, { filter: function (n) { return state.visible[n.id] === true; } });
  var shownEdges = new vis.DataView(edges, { filter: function (e) { return edgeShown(data.edges[e.id]); } });
  var network = new vis.Network(container, { nodes: shownNodes, edges: shownEdges }, data.options);

  // -- community names, drawn on the map at a constant screen size ------------------------------
  var GROUP_PX = 13, GROUP_NAMED = 18, GROUP_FONT = "600 100px system-ui, sans-serif";
  if (data.groups && data.groups.length) {
    network.on("afterDrawing", function (ctx) {
      var scale = network.getScale();
      var size = GROUP_PX / scale;
      ctx.save();
      ctx.font = "600 " + size + "px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.lineJoin = "round";
      var taken = []; // label boxes already drawn: a name that would overlap one is skipped
      data.groups.forEach(function (g) {
        if (g.r * scale < GROUP_NAMED) return; // only groups big enough on screen to carry a name
        var w = ctx.measureText(g.label).width / 2 + 4 / scale, h = size * 0.75;
        for (var j = 0; j < taken.length; j++) {
          var b = taken[j];
          if (Math.abs(b.x - g.x) < b.w + w && Math.abs(b.y - g.y) < b.h + h) return;
        }
        taken.push({ x: g.x, y: g.y, w: w, h: h });
        ctx.lineWidth = 4 / scale;
        ctx.strokeStyle = "rgba(255,255,255,0.9)";
        ctx.strokeText(g.label, g.x, g.y);
        ctx.fillStyle = "#1f2328";
        ctx.fillText(g.label, g.x, g.y);
      });
      ctx.restore();
    });
  }

  // -- node labels: the most important placed first; one that would cover a label already placed
  // is left out until one zooms in far enough for it to fit. Placed again when the scale, the
  // nodes drawn or the highlight change, in the screen's units (vis-network draws each label at
  // its font size times the scale, none under its draw threshold less 1)
  var FONT = data.options.nodes.font.size, THRESHOLD = data.options.nodes.scaling.label.drawThreshold;
  // a label drawn smaller than READABLE px takes the room it would take at that size: the view fitted
  // to the page shows fewer labels, spaced apart, and zooming in shows more. A small view laid out
  // with room for its labels (data.labelRoom) names every node at any scale
  var CELL = 32, READABLE = data.labelRoom ? 0 : 11, measured = {}, labelShown = {}, placedAt = null, labelTimer = null;
  var measure = document.createElement("canvas").getContext("2d");
  data.nodes.forEach(function (n) { labelShown[n.id] = true; });
  function labelWidth(text, font) {
    var key = font + "\u0000" + text;
    if (measured[key] === undefined) { measure.font = font; measured[key] = measure.measureText(text).width / 100; }
    return measured[key];
  }
  var byImportance = data.nodes.map(function (n) { return n.id; }).sort(function (a, b) {
    return (byId[b].font ? byId[b].font.size : FONT) - (byId[a].font ? byId[a].font.size : FONT) || byId[b].size - byId[a].size || a - b;
  });
  function labelOrder() {
    var first = {}, order = [];
    if (state.selected !== null) { order.push(state.selected); first[state.selected] = true; }
    state.highlighted.forEach(function (id) { if (!first[id]) { order.push(id); first[id] = true; } });
    if (data.centre !== null && data.centre !== undefined && !first[data.centre]) { order.push(data.centre); first[data.centre] = true; }
    return order.concat(byImportance.filter(function (id) { return !first[id]; }));
  }
  function placeLabels() {
    labelTimer = null;
    var scale = network.getScale(), ids = shownNodes.getIds(), at = network.getPositions(ids);
    var taken = {}, updates = [];
    function free(x0, y0, x1, y1, mark) {
      for (var i = Math.floor(x0 / CELL); i <= Math.floor(x1 / CELL); i++) {
        for (var j = Math.floor(y0 / CELL); j <= Math.floor(y1 / CELL); j++) {
          var boxes = taken[i + "," + j];
          if (mark) { (taken[i + "," + j] = boxes || []).push([x0, y0, x1, y1]); continue; }
          if (!boxes) continue;
          for (var k = 0; k < boxes.length; k++) {
            var b = boxes[k];
            if (x0 < b[2] && b[0] < x1 && y0 < b[3] && b[1] < y1) return false;
          }
        }
      }
      return true;
    }
    (data.groups || []).forEach(function (g) { // the communities' names (drawn below) first
      if (g.r * scale < GROUP_NAMED) return;
      var w = labelWidth(g.label, GROUP_FONT) * GROUP_PX / 2 + 4, x = g.x * scale, y = g.y * scale;
      free(x - w, y - GROUP_PX * 0.75, x + w, y + GROUP_PX * 0.75, true);
    });
    labelOrder().forEach(function (id) {
      var n = byId[id], p = at[id];
      if (!p || !n.label) return;
      var font = n.font && n.font.size ? n.font.size : FONT, px = font * scale, want = true;
      if (px >= THRESHOLD - 1) { // where vis-network draws it
        // vis-network draws a label from 4 + half its size below the node, in a box as tall as its size
        px = Math.max(px, READABLE);
        var w = labelWidth(n.label, "100px arial") * px / 2, top = (p.y + n.size + 4 + font / 2) * scale, x = p.x * scale;
        want = free(x - w, top, x + w, top + px, false);
        if (want) free(x - w, top, x + w, top + px, true);
      }
      if (labelShown[id] !== want) { labelShown[id] = want; updates.push({ id: id, label: want ? n.label : "" }); }
    });
    placedAt = scale;
    if (updates.length) nodes.update(updates);
  }
  function labelsLater() { if (labelTimer === null) labelTimer = window.setTimeout(placeLabels, 60); }
  network.on("afterDrawing", function () {
    var scale = network.getScale();
    if (placedAt === null || Math.abs(scale / placedAt - 1) > 0.02) labelsLater();
  });
  network.on("dragEnd", function (params) { if (params.nodes.length) labelsLater(); });

  // -- highlight a node and its drawn neighbours --------------------------------------------
  function colourEdges(keep) {
    var updates = [];
    shownEdges.forEach(function (e) {
      var on = !keep || (keep[e.from] === true && keep[e.to] === true);
      updates.push({ id: e.id, color: on ? edgeColours[e.kind] : DIM_EDGE });
    });
    edges.update(updates);
  }

  function undim() {
    if (!state.highlighted.length) return;
    var updates = [];
    nodes.forEach(function (n) { updates.push({ id: n.id, color: byId[n.id].color, font: byId[n.id].font || { color: "#343434" } }); });
    nodes.update(updates);
    colourEdges(null);
    state.highlighted = [];
    labelsLater();
  }

  function clearHighlight() {
    undim();
    network.unselectAll();
    state.selected = null;
    details.hidden = true;
  }

  function neighboursShown(id) {
    var keep = {};
    keep[id] = true;
    adjacent[id].forEach(function (i) {
      var e = data.edges[i];
      if (edgeShown(e)) { keep[e.from] = true; keep[e.to] = true; }
    });
    return keep;
  }

  function highlight(id) {
    var keep = neighboursShown(id);
    var updates = [];
    nodes.forEach(function (n) {
      var on = keep[n.id] === true;
      updates.push({ id: n.id, color: on ? byId[n.id].color : DIM, font: { color: on ? "#343434" : DIM_FONT } });
    });
    nodes.update(updates);
    colourEdges(keep);
    network.selectNodes([id], false);
    state.highlighted = Object.keys(keep).map(Number);
    state.selected = id;
    labelsLater();
  }

  // the details panel lists every neighbour the page knows, drawn or not, by kind of link
  function neighbourGroups(id) {
    var groups = {}, order = [];
    adjacent[id].forEach(function (i) {
      var e = data.edges[i];
      var other = e.from === id ? e.to : e.from;
      var k = kinds[e.kind] || { label: e.kind, plural: e.kind };
      var name;
      if (k.link && !k.symmetric) name = e.from === id ? k.plural + " from here" : k.plural + " to here";
      else if (k.link) name = k.plural;
      else name = (data.nodeKinds[byId[other].kind] || { plural: byId[other].kind }).plural;
      if (!groups[name]) { groups[name] = { kind: e.kind, items: [] }; order.push(name); }
      groups[name].items.push({ id: other, edge: e });
    });
    return order.map(function (name) {
      var g = groups[name];
      g.items.sort(function (a, b) {
        var wa = a.edge.weight !== undefined ? a.edge.weight : (a.edge.count || 0);
        var wb = b.edge.weight !== undefined ? b.edge.weight : (b.edge.count || 0);
        return wb - wa || nameOf(byId[a.id]).localeCompare(nameOf(byId[b.id]));
      });
      return { name: name, kind: g.kind, items: g.items };
    });
  }

  function showDetails(id) {
    var node = byId[id];
    details.textContent = "";
    var close = make("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close (Esc)");
    close.addEventListener("click", clear);
    details.appendChild(close);
    details.appendChild(card(node, true));
    var url = urlOf(node.key);
    if (url !== null && node.kind === "article") {
      if (data.atlas) {
        var atlas = make("a", "card-link", "Show it in the atlas");
        atlas.href = data.atlas + "#article=" + encodeURIComponent(url);
        details.appendChild(atlas);
      }
      if (data.kind !== "neighbourhood") details.appendChild(make("div", "card-command", "Its neighbourhood: " + command(node.key)));
    }
    var total = 0;
    neighbourGroups(id).forEach(function (g) {
      total += g.items.length;
      var colour = kinds[g.kind] ? kinds[g.kind].color : "#999";
      var h = make("h3", null, g.name.charAt(0).toUpperCase() + g.name.slice(1) + " (" + g.items.length + ")");
      var swatch = make("span", "swatch" + (kinds[g.kind] && kinds[g.kind].dashes ? " dashed" : ""));
      swatch.style.borderTopColor = colour;
      h.insertBefore(swatch, h.firstChild);
      details.appendChild(h);
      var list = make("ul", "neighbours");
      g.items.slice(0, 100).forEach(function (item) {
        var other = byId[item.id];
        var li = make("li");
        var a = make("a", state.visible[item.id] ? null : "not-drawn", nameOf(other));
        a.href = hashFor(other.key);
        li.appendChild(a);
        var extra = [];
        if (item.edge.weight !== undefined) extra.push("score " + item.edge.weight);
        if (item.edge.count !== undefined) extra.push(item.edge.count.toLocaleString("en"));
        if (!edgeShown(item.edge)) extra.push("not drawn");
        if (extra.length) li.appendChild(make("span", "muted", " " + extra.join(", ")));
        list.appendChild(li);
      });
      if (g.items.length > 100) list.appendChild(make("li", "muted", "\u2026 and " + (g.items.length - 100) + " more"));
      details.appendChild(list);
    });
    if (node.info && node.info.degree !== undefined && data.kind !== "neighbourhood") {
      var inView = 0;
      adjacent[id].forEach(function (i) { if (kinds[data.edges[i].kind] && kinds[data.edges[i].kind].link && data.edges[i].count === undefined) inView++; });
      if (node.info.degree > inView) {
        details.appendChild(make("p", "muted", plural(node.info.degree - inView, "more link") + " to articles not in this view: see its neighbourhood" + (data.atlas ? " or the atlas." : ".")));
      }
    }
    if (!total) details.appendChild(make("p", "muted", "No neighbour in this view."));
    details.hidden = false;
  }

  // reveal a node hidden by the edge filter: tick a kind of edge it has
  function reveal(id) {
    if (state.visible[id]) return;
    var chosen = null;
    adjacent[id].forEach(function (i) { if (chosen === null) chosen = data.edges[i]; });
    if (chosen === null) return;
    if (!state.shownKinds[chosen.kind]) showKind(chosen.kind, true);
    if (!state.visible[id] && chosen.more) showAllLinks(true);
  }

  function toId(ref) {
    if (typeof ref === "number") return byId[ref] ? ref : null;
    ref = String(ref);
    if (byKey[ref] !== undefined) return byKey[ref];
    if (byKey["article:" + ref] !== undefined) return byKey["article:" + ref];
    return null;
  }

  function setHash(hash) {
    try { history.replaceState(null, "", hash || window.location.pathname + window.location.search); } catch (err) { /* file:// in some browsers */ }
  }

  function select(ref) {
    var id = toId(ref);
    if (id === null) return false;
    reveal(id);
    showResult(null);
    highlight(id);
    showDetails(id);
    resized();
    network.fit({ nodes: state.highlighted, maxZoomLevel: 1.2, animation: false });
    setHash(hashFor(byId[id].key));
    return true;
  }

  function clear() {
    clearHighlight();
    showResult(null);
    searchBox.value = "";
    setHash("");
    resized();
    fitAll();
  }
  // the details panel takes width from the canvas: let vis-network see it now, or it would
  // rescale the view later (when it notices), after the fit
  function resized() { network.setSize("100%", "100%"); }
  // the whole view, never zoomed in past 1:1 (as when the page opened)
  function fitAll() { network.fit({ maxZoomLevel: 1, animation: false }); }

  // the first click of a double-click selects the node, which zooms onto its neighbours and opens the
  // details panel: the node is no longer under the pointer, and the second click fell on the background
  // (clearing the selection) and the double-click on nothing. A click where the last one selected a
  // node, just before, is that second click: the double-click acts on the node the first one selected
  var firstClick = { id: null, at: 0, x: 0, y: 0 };
  function secondClick(params) {
    var p = params.pointer.DOM, since = Date.now() - firstClick.at;
    return firstClick.id !== null && since < 600 && Math.abs(p.x - firstClick.x) < 8 && Math.abs(p.y - firstClick.y) < 8;
  }

  network.on("click", function (params) {
    if (secondClick(params)) return;
    if (params.nodes.length) {
      select(params.nodes[0]);
      firstClick = { id: params.nodes[0], at: Date.now(), x: params.pointer.DOM.x, y: params.pointer.DOM.y };
    } else if (!params.edges.length) clearHighlight();
  });
  network.on("doubleClick", function (params) {
    var id = secondClick(params) ? firstClick.id : params.nodes.length ? params.nodes[0] : null;
    firstClick.id = null;
    var node = id !== null ? byId[id] : null;
    if (node && node.info && node.info.view && SAFE_VIEW.test(node.info.view)) window.location.href = node.info.view;
  });

  // -- search: drawn nodes first, then articles listed but not drawn ----------------------------
  var names = [];
  data.nodes.forEach(function (n) { names.push({ key: n.key, id: n.id, name: nameOf(n), low: nameOf(n).toLowerCase() }); });
  data.listed.forEach(function (row) {
    var name = display(row[0], row[2]);
    names.push({ key: row[1], id: null, name: name, low: name.toLowerCase(), title: row[0], subject: row[2] });
  });
  var listedByKey = {};
  data.listed.forEach(function (row) { listedByKey[row[1]] = row; });
  (function fillDatalist() {
    var list = document.getElementById("search-labels");
    var frag = document.createDocumentFragment();
    names.slice(0, 20000).forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry.name;
      frag.appendChild(option);
    });
    list.appendChild(frag);
  })();

  function rank(entry, q) {
    if (entry.low === q) return 0;
    if (entry.low.lastIndexOf(q, 0) === 0) return 1;
    var at = entry.low.indexOf(q);
    if (at < 0) return -1;
    return /[\s(\-]/.test(entry.low.charAt(at - 1)) ? 2 : 3;
  }

  function matches(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) return [];
    var found = [];
    names.forEach(function (entry, i) {
      var r = rank(entry, q);
      if (r >= 0) found.push([r, entry.id === null ? 1 : 0, i, entry]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return found.map(function (f) { return f[3]; });
  }

  function showResult(build) {
    result.textContent = "";
    result.hidden = !build;
    if (build) build(result);
  }

  function showListed(key, title) {
    clearHighlight();
    showResult(function (box) {
      box.appendChild(make("strong", null, title));
      box.appendChild(document.createTextNode(" is in this " + (data.kind === "keyword" ? "keyword" : "subject") + " but not drawn here (a view draws its most connected articles). "));
      var url = urlOf(key);
      if (data.atlas && url !== null) {
        var a = make("a", null, "Show it in the atlas");
        a.href = data.atlas + "#article=" + encodeURIComponent(url);
        box.appendChild(a);
        box.appendChild(document.createTextNode(" or see its neighbourhood: "));
      } else {
        box.appendChild(document.createTextNode("See its neighbourhood: "));
      }
      box.appendChild(make("code", null, command(key)));
    });
    setHash(hashFor(key));
  }

  function search(query) {
    return matches(query).map(function (entry) { return entry.key; });
  }

  function go(query) {
    var found = matches(query);
    if (!found.length) {
      clearHighlight();
      setHash("");
      var text = String(query).trim();
      showResult(text ? function (box) { box.textContent = "Nothing in this view matches \u201c" + text + "\u201d."; } : null);
      return null;
    }
    var best = found[0];
    if (best.id !== null) select(best.id);
    else showListed(best.key, best.name);
    return best.key;
  }

  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); go(searchBox.value); }
    else if (ev.key === "Escape") { ev.preventDefault(); clear(); searchBox.blur(); }
  });
  searchBox.addEventListener("change", function () { if (searchBox.value) go(searchBox.value); });
  document.getElementById("search-clear").addEventListener("click", clear);
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (ev.key === "Escape" && !typing) { clear(); }
    else if (ev.key === "/" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) { ev.preventDefault(); searchBox.focus(); searchBox.select(); }
  });

  // -- the address: #article=<url> or #node=<id> selects ----------------------------------------
  function fromHash() {
    var m = /^#(article|node)=(.*)$/.exec(window.location.hash || "");
    if (!m) return false;
    var value;
    try { value = decodeURIComponent(m[2]); } catch (err) { return false; }
    var key = m[1] === "article" ? "article:" + value : value;
    if (byKey[key] !== undefined) { if (state.selected !== byKey[key]) select(byKey[key]); return true; }
    if (listedByKey[key]) { showListed(key, display(listedByKey[key][0], listedByKey[key][2])); return true; }
    showResult(function (box) { box.textContent = "No " + (m[1] === "article" ? "article " : "node ") + value + " in this view."; });
    return true;
  }
  window.addEventListener("hashchange", fromHash);

  // -- filter by edge kind, and all links or the strongest ---------------------------------------
  function refresh() {
    computeVisible();
    shownNodes.refresh();
    shownEdges.refresh();
    labelsLater();
    if (state.selected !== null) {
      if (state.visible[state.selected]) { highlight(state.selected); showDetails(state.selected); }
      else clearHighlight();
    } else if (state.highlighted.length) undim();
  }
  function showKind(kind, on) {
    state.shownKinds[kind] = !!on;
    var box = document.querySelector("#edge-filter input[value='" + kind.replace(/[^\w-]/g, "") + "']");
    if (box) box.checked = !!on;
    refresh();
  }
  function showAllLinks(on) {
    state.allLinks = !!on;
    var box = document.getElementById("all-links");
    if (box) box.checked = !!on;
    refresh();
  }
  Array.prototype.forEach.call(document.querySelectorAll("#edge-filter input[type=checkbox]"), function (box) {
    box.addEventListener("change", function () {
      if (box.id === "all-links") showAllLinks(box.checked); else showKind(box.value, box.checked);
    });
  });

  // -- export what is drawn as a PNG -------------------------------------------------------------
  function exportPng() {
    var source = container.querySelector("canvas");
    if (!source) return null;
    var canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    var name = (document.title.replace(/ - qagraph$/, "").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "view") + ".png";
    canvas.toBlob(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }, "image/png");
    return name;
  }
  document.getElementById("export-png").addEventListener("click", exportPng);

  // -- ready once drawn ---------------------------------------------------------------------
  function drawnCount(view) { return view.length; }
  var api = {
    ready: false, data: data, network: network, nodes: nodes, edges: edges, shownNodes: shownNodes,
    shownEdges: shownEdges, state: state, search: search, select: select, clear: clear, go: go,
    showKind: showKind, showAllLinks: showAllLinks, exportPng: exportPng, card: card
  };
  Object.defineProperty(api, "nodeCount", { get: function () { return drawnCount(shownNodes); } });
  Object.defineProperty(api, "edgeCount", { get: function () { return drawnCount(shownEdges); } });
  window.qagraph = api;

  network.once("afterDrawing", function () {
    fitAll();
    placeLabels();
    state.ready = api.ready = true;
    document.body.setAttribute("data-stable", "true");
    status(plural(shownNodes.length, "node") + ", " + plural(shownEdges.length, "edge") +
      " drawn. Drag to move, scroll to zoom, click a node for its details; / searches, Esc clears.");
    if (!fromHash() && data.centre !== null && data.centre !== undefined) select(data.centre);
  });
  if (!data.nodes.length) {
    state.ready = api.ready = true;
    document.body.setAttribute("data-stable", "true");
    status("This view is empty.");
  }
})();

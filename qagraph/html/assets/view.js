/* qagraph view: draws the graph embedded in #qagraph-data with vis-network.
 *
 * Every text from the articles is set with textContent; the only markup is the
 * answer excerpt, rendered from Markdown and sanitised (nh3) when the page was
 * written. Links are only followed when they are http(s), site paths or views.
 * State for tests and curious users is on window.qagraph.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("qagraph-data").textContent);
  var container = document.getElementById("network");
  var statusBox = document.getElementById("status");
  var details = document.getElementById("details");
  var searchBox = document.getElementById("search");
  var searchMiss = document.getElementById("search-miss");
  var DIM = "rgba(190,190,190,0.35)";
  var DIM_FONT = "rgba(60,60,60,0.25)";
  var SAFE_URL = /^(?:https?:\/\/[^\s]+|\/(?!\/)[^\s]*)$/i;
  var SAFE_VIEW = /^[A-Za-z0-9][A-Za-z0-9._-]*\.html$/;
  var KIND_NAMES = { article: "Article", stub: "Article outside the corpus", subject: "Subject", keyword: "Keyword" };
  var state = { stable: false, highlighted: [], selected: null, shownKinds: {} };

  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function status(text) { statusBox.textContent = text; }

  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }

  // -- cards: the hover tooltip and the details panel show the same facts ----------
  function card(node, full) {
    var info = node.info || {};
    var box = make("div", "card card-" + node.kind);
    box.appendChild(make("div", "card-kind", KIND_NAMES[node.kind] || node.kind));
    box.appendChild(make("div", "card-title", info.title || node.label));
    var facts = [];
    if (info.subject) facts.push("Subject: " + info.subject);
    if (info.articles !== undefined) facts.push(plural(info.articles, "article"));
    if (info.df !== undefined) facts.push("in " + plural(info.df, "article"));
    if (info.degree !== undefined) facts.push(plural(info.degree, "link") + " and similar articles");
    if (info.date) facts.push(info.date);
    if (info.note) facts.push(info.note);
    if (facts.length) box.appendChild(make("div", "card-facts", facts.join(" \u00b7 ")));
    if (info.labels && info.labels.length) box.appendChild(make("div", "card-facts", "Spellings: " + info.labels.join(", ")));
    if (info.keywords && info.keywords.length) {
      box.appendChild(make("div", "card-keywords", (node.kind === "subject" ? "Top keywords: " : "Keywords: ") + info.keywords.join(", ")));
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
    }
    if (info.view && SAFE_VIEW.test(info.view)) {
      var view = make("a", "card-link", "Open the view of " + (info.title || node.label));
      view.href = info.view;
      box.appendChild(view);
    } else if (info.command) {
      box.appendChild(make("div", "card-facts", "Its own view: " + info.command));
    }
    return box;
  }

  // -- data ----------------------------------------------------------------------------
  var kinds = {};
  data.edgeKinds.forEach(function (k) { kinds[k.kind] = k; state.shownKinds[k.kind] = true; });

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    n.baseColor = n.color;
    n.title = card(n, false);
    return n;
  }));

  function edgeTitle(e) {
    var k = kinds[e.kind] || { label: e.kind };
    var text = k.label;
    if (e.weight !== undefined) text += " \u00b7 score " + e.weight;
    if (e.count !== undefined) text += " \u00b7 " + e.count.toLocaleString("en") + (e.kind === "keyword" ? " articles" : "");
    if (e.shared && e.shared.length) text += " \u00b7 shared: " + e.shared.join(", ");
    return text; // vis-network shows a string title as text
  }

  var edgeColours = {};
  data.edgeKinds.forEach(function (k) {
    edgeColours[k.kind] = { color: k.color, highlight: k.color, hover: k.color, opacity: 0.85 };
  });
  var DIM_EDGE = { color: "#c8c8c8", highlight: "#c8c8c8", hover: "#c8c8c8", opacity: 0.15 };

  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var k = kinds[e.kind] || {};
    return {
      id: i, from: e.from, to: e.to, kind: e.kind, weight: e.weight, count: e.count,
      width: e.width || k.width || 1,
      color: edgeColours[e.kind],
      dashes: k.dashes || false,
      arrows: k.arrows ? { to: { enabled: true, scaleFactor: 0.45 } } : undefined,
      title: edgeTitle(e)
    };
  }));
  var shownEdges = new vis.DataView(edges, { filter: function (e) { return state.shownKinds[e.kind]; } });

  var network = new vis.Network(container, { nodes: nodes, edges: shownEdges }, data.options);

  // -- layout: physics runs until stable, then stops -------------------------------------
  function settled() {
    if (state.stable) return;
    network.setOptions({ physics: { enabled: false } });
    state.stable = true;
    document.body.setAttribute("data-stable", "true");
    status(plural(data.nodes.length, "node") + ", " + plural(data.edges.length, "edge") +
      ". Drag to move, scroll to zoom, click a node for its details.");
    if (data.centre !== null && data.centre !== undefined) select(data.centre);
  }
  network.on("stabilizationProgress", function (p) {
    status("Laying out " + plural(data.nodes.length, "node") + ": " + Math.round(100 * p.iterations / p.total) + "%");
  });
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  if (!data.nodes.length || !data.options.physics || data.options.physics.enabled === false) settled();
  window.setTimeout(settled, 30000); // whatever happens, physics stops

  // -- highlight a node and its neighbours --------------------------------------------
  function colourEdges(keep) {
    var updates = [];
    edges.forEach(function (e) {
      var on = !keep || (keep[e.from] === true && keep[e.to] === true);
      updates.push({ id: e.id, color: on ? edgeColours[e.kind] : DIM_EDGE });
    });
    edges.update(updates);
  }

  function clearHighlight() {
    var updates = [];
    nodes.forEach(function (n) { updates.push({ id: n.id, color: n.baseColor, font: { color: "#343434" } }); });
    nodes.update(updates);
    if (state.highlighted.length) colourEdges(null);
    network.unselectAll();
    state.highlighted = [];
    state.selected = null;
    details.hidden = true;
  }

  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    var updates = [];
    nodes.forEach(function (n) {
      var on = keep[n.id] === true;
      updates.push({ id: n.id, color: on ? n.baseColor : DIM, font: { color: on ? "#343434" : DIM_FONT } });
    });
    nodes.update(updates);
    colourEdges(keep);
    network.selectNodes([id], true);
    state.highlighted = Object.keys(keep).map(Number);
    state.selected = id;
  }

  function showDetails(id) {
    var node = nodes.get(id);
    details.textContent = "";
    var close = make("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", clearHighlight);
    details.appendChild(close);
    details.appendChild(card(node, true));
    var neighbours = network.getConnectedNodes(id).map(function (n) { return nodes.get(n); });
    neighbours.sort(function (a, b) { return String(a.label).localeCompare(String(b.label)); });
    details.appendChild(make("h3", null, "Neighbours (" + neighbours.length + ")"));
    var list = make("ul");
    neighbours.slice(0, 200).forEach(function (n) {
      var item = make("li");
      var jump = make("button", null, (n.info && n.info.title) || n.label);
      jump.type = "button";
      jump.addEventListener("click", function () { select(n.id); });
      item.appendChild(jump);
      item.appendChild(document.createTextNode(" (" + (KIND_NAMES[n.kind] || n.kind).toLowerCase() + ")"));
      list.appendChild(item);
    });
    if (neighbours.length > 200) list.appendChild(make("li", null, "... and " + (neighbours.length - 200) + " more"));
    details.appendChild(list);
    details.hidden = false;
  }

  function select(id) {
    if (nodes.get(id) === null) return;
    highlight(id);
    showDetails(id);
    network.fit({ nodes: state.highlighted, maxZoomLevel: 1.2, animation: false });
  }

  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0]);
    else if (!params.edges.length) clearHighlight();
  });
  network.on("doubleClick", function (params) {
    var node = params.nodes.length ? nodes.get(params.nodes[0]) : null;
    if (node && node.info && node.info.view && SAFE_VIEW.test(node.info.view)) window.location.href = node.info.view;
  });

  // -- search --------------------------------------------------------------------------
  var names = [];
  var datalist = document.getElementById("search-labels");
  data.nodes.forEach(function (n) {
    var name = String((n.info && n.info.title) || n.label);
    names.push([n.id, name.toLowerCase()]);
    var option = document.createElement("option");
    option.value = name;
    datalist.appendChild(option);
  });

  function find(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) return null;
    var prefix = null, part = null;
    for (var i = 0; i < names.length; i++) {
      var name = names[i][1];
      if (name === q) return names[i][0];
      if (prefix === null && name.lastIndexOf(q, 0) === 0) prefix = names[i][0];
      if (part === null && name.indexOf(q) >= 0) part = names[i][0];
    }
    return prefix !== null ? prefix : part;
  }

  function search(query) {
    var id = find(query);
    searchMiss.textContent = id === null && String(query).trim() ? "No node matches." : "";
    if (id === null) return null;
    select(id);
    return id;
  }

  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); search(searchBox.value); }
  });
  searchBox.addEventListener("change", function () { if (searchBox.value) search(searchBox.value); });
  document.getElementById("search-clear").addEventListener("click", function () {
    searchBox.value = "";
    searchMiss.textContent = "";
    clearHighlight();
  });

  // -- filter by edge kind -------------------------------------------------------------
  function showKind(kind, on) {
    state.shownKinds[kind] = !!on;
    shownEdges.refresh();
    if (state.selected !== null) highlight(state.selected);
  }
  Array.prototype.forEach.call(document.querySelectorAll("#edge-filter input[type=checkbox]"), function (box) {
    box.addEventListener("change", function () { showKind(box.value, box.checked); });
  });

  window.qagraph = {
    data: data, network: network, nodes: nodes, edges: edges, shownEdges: shownEdges, state: state,
    search: search, select: select, clear: clearHighlight, showKind: showKind, card: card
  };
})();

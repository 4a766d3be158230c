/* The atlas of qagraph: every article on one WebGL canvas (drawn by atlas-gl.js).
 *
 * Data arrive as scripts calling qagraphAtlas.add(part): "meta" (counts, kinds,
 * communities), "nodes" chunks (positions, titles, outgoing links by short id) and,
 * when an article is opened, "text" chunks (keywords, sanitised answer excerpt).
 * Text from the content reaches the DOM through textContent only; the excerpt is the
 * one exception, sanitised by qagraph (nh3) before it was written.
 */
(function () {
  "use strict";

  var parts = { meta: null, nodes: [], text: {} };
  var textWaiters = {};

  window.qagraphAtlas = {
    add: function (part) {
      if (part.part === "meta") parts.meta = part;
      else if (part.part === "nodes") parts.nodes.push(part);
      else if (part.part === "text") {
        parts.text[part.chunk] = part;
        (textWaiters[part.chunk] || []).forEach(function (fn) { fn(); });
        delete textWaiters[part.chunk];
      }
    },
  };

  var api = (window.qagraph = {
    ready: false,
    nodeCount: 0,
    articleCount: 0,
    edgeCount: 0,
    search: function () { return []; },
    select: function () { return false; },
  });

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function fmt(n) { return Number(n).toLocaleString("en"); }

  // ---------------------------------------------------------------- the graph

  var meta, N = 0, E = 0;
  var keys = [], titles = [], subjects = [], sids = [];
  var targets = new Map();  // node index -> its link's target, where that is not its key
  var kindOf, community, linkType, chunkOf, xs, ys, degree;
  var eSrc, eTgt, eKind, eWeight;
  var adjStart, adjEdge; // CSR: edges touching each node
  var byKey = new Map(), bySid = new Map(), titleCount = new Map();
  var folded = null;
  var view, rank;
  var edgeKindNames = [], nodeKindNames = [];

  var state = {
    selected: -1,
    local: 0,
    localSet: null, // Uint8Array or null
    near: null, // Uint8Array: the selection and its neighbours
    edgeOn: [], // per edge kind
    nodeOn: [], // per node kind
    nodeVisible: null, // Uint8Array
  };

  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var B64_VALUE = {}, B64_CODE = new Int8Array(128).fill(-1);
  for (var b = 0; b < 64; b++) { B64_VALUE[B64[b]] = b; B64_CODE[B64.charCodeAt(b)] = b; }
  var SID = 8;

  /** A short id (8 base64 characters, 48 bits) as a number: exact, and a cheap Map key. */
  function sidNumber(text, from) {
    var n = 0;
    for (var k = 0; k < SID; k++) n = n * 64 + B64_CODE[text.charCodeAt(from + k)];
    return n;
  }

  function b64(text, from, width) {
    var n = 0;
    for (var k = 0; k < width; k++) n = n * 64 + B64_VALUE[text[from + k]];
    return n;
  }

  function load() {
    meta = parts.meta;
    if (!meta) throw new Error("atlas data missing: atlas/meta.js was not loaded");
    if (parts.nodes.length !== meta.chunks) throw new Error("atlas data incomplete: " + parts.nodes.length + " of " + meta.chunks + " chunks");
    parts.nodes.sort(function (a, b) { return a.chunk - b.chunk; });
    edgeKindNames = meta.edgeKinds.map(function (k) { return k.name; });
    nodeKindNames = meta.nodeKinds.map(function (k) { return k.name; });
    parts.nodes.forEach(function (c) { N += c.title.length; });
    kindOf = new Uint8Array(N); community = new Int32Array(N); linkType = new Uint8Array(N);
    chunkOf = new Uint16Array(N); xs = new Float32Array(N); ys = new Float32Array(N);
    var i = 0;
    var base = [];
    parts.nodes.forEach(function (c) {
      base[c.chunk] = i;
      for (var j = 0; j < c.title.length; j++, i++) {
        var sid = c.ids.substr(j * SID, SID), key = c.prefixes[c.keyPrefix[j]] + c.key[j];
        sids.push(sid); keys.push(key); titles.push(c.title[j]);
        if (Object.prototype.hasOwnProperty.call(c.href, j)) targets.set(i, c.href[j]);
        subjects.push(c.subject[j] >= 0 ? c.subjects[c.subject[j]] : "");
        kindOf[i] = c.kind[j]; community[i] = c.community[j]; linkType[i] = c.link[j]; chunkOf[i] = c.chunk;
        xs[i] = c.xy[2 * j]; ys[i] = c.xy[2 * j + 1];
        bySid.set(sidNumber(c.ids, j * SID), i); byKey.set(key, i);
        titleCount.set(c.title[j], (titleCount.get(c.title[j]) || 0) + 1);
      }
    });
    // links: count, then fill typed arrays
    parts.nodes.forEach(function (c) {
      meta.edgeKinds.forEach(function (kind) {
        E += (c.links[kind.name] || "").length / (c.width + SID + (kind.weighted ? 1 : 0));
      });
    });
    eSrc = new Int32Array(E); eTgt = new Int32Array(E); eKind = new Uint8Array(E); eWeight = new Uint8Array(E);
    degree = new Int32Array(N);
    var e = 0;
    parts.nodes.forEach(function (c) {
      meta.edgeKinds.forEach(function (kind, k) {
        var row = c.links[kind.name] || "";
        var w = c.width, step = w + SID + (kind.weighted ? 1 : 0);
        for (var j = 0; j < row.length; j += step) {
          var t = bySid.get(sidNumber(row, j + w));
          if (t === undefined) continue; // a target the data do not hold
          eSrc[e] = base[c.chunk] + b64(row, j, w); eTgt[e] = t; eKind[e] = k;
          eWeight[e] = kind.weighted ? B64_VALUE[row[j + w + SID]] : 64;
          degree[eSrc[e]]++; degree[t]++;
          e++;
        }
      });
    });
    E = e;
    adjStart = new Int32Array(N + 1);
    for (i = 0; i < N; i++) adjStart[i + 1] = adjStart[i] + degree[i];
    adjEdge = new Int32Array(adjStart[N]);
    var fill = adjStart.slice(0, N);
    for (e = 0; e < E; e++) { adjEdge[fill[eSrc[e]]++] = e; adjEdge[fill[eTgt[e]]++] = e; }
    state.edgeOn = edgeKindNames.map(function () { return true; });
    state.nodeOn = nodeKindNames.map(function () { return true; });
    computeVisible();
  }

  function colourOf(i) {
    var c = community[i];
    if (c < 0) return meta.nodeKinds[kindOf[i]].colour;
    return meta.communities[c] ? meta.communities[c].colour : meta.otherColour;
  }

  function rgb(hex) {
    var h = hex.replace("#", "");
    if (h.length === 3) h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
    var n = parseInt(h, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }

  var nodeRgb, edgeKindRgb;
  var SOFTWARE_EDGE_BUDGET = 30000;

  function buildView() {
    var sizes = new Float32Array(N);
    nodeRgb = new Uint8Array(N * 3);
    var cache = {};
    for (var i = 0; i < N; i++) {
      sizes[i] = Math.min((N < 2000 ? 6 : 2.4) + Math.sqrt(degree[i]) * 0.9, 14);
      var c = colourOf(i), v = cache[c] || (cache[c] = rgb(c));
      nodeRgb[3 * i] = v[0]; nodeRgb[3 * i + 1] = v[1]; nodeRgb[3 * i + 2] = v[2];
    }
    view = new AtlasGL($("graph"), { xs: xs, ys: ys, sizes: sizes, eSrc: eSrc, eTgt: eTgt });
    edgeKindRgb = meta.edgeKinds.map(function (k) { return rgb(k.colour); });
    var col = new Uint8Array(E * 8);
    for (var e = 0; e < E; e++) {
      var k = edgeKindRgb[eKind[e]];
      col[8 * e] = col[8 * e + 4] = k[0]; col[8 * e + 1] = col[8 * e + 5] = k[1]; col[8 * e + 2] = col[8 * e + 6] = k[2];
      col[8 * e + 3] = col[8 * e + 7] = E > 50000 ? 22 : 90;
    }
    view.setEdgeColours(col);
    // labels by rank: the most linked first
    rank = new Int32Array(N);
    for (i = 0; i < N; i++) rank[i] = i;
    rank.sort(function (a, b) { return degree[b] - degree[a] || a - b; });
    view.labelsFor = labelsFor;
    // links by how much they tell: related and same-question first, then similar pairs by weight
    // (a counting sort on small integer keys: sorting 360k links with a comparator takes ~0.3 s)
    var key = new Uint16Array(E), counts = new Int32Array(3 * 65 + 1);
    var group = meta.edgeKinds.map(function (k) { return k.weighted ? 2 : 0; });
    for (e = 0; e < E; e++) { key[e] = group[eKind[e]] * 65 + (64 - Math.min(eWeight[e], 64)); counts[key[e] + 1]++; }
    for (var b = 1; b < counts.length; b++) counts[b] += counts[b - 1];
    priority = new Int32Array(E);
    for (e = 0; e < E; e++) priority[counts[key[e]]++] = e;
    if (view.software) edgeBudget = SOFTWARE_EDGE_BUDGET;
    view.on("settle", function () { if (budgetHit) pickEdges(); });
  }

  function labelsFor(zoom) {
    var forced = [], rings = [];
    if (state.selected >= 0) {
      rings.push(state.selected);
      forced.push(state.selected);
      if (state.local > 0 || shownAround <= 40 || zoom > 3) {
        for (var p = adjStart[state.selected]; p < adjStart[state.selected + 1] && forced.length < 60; p++) {
          var e = adjEdge[p];
          if (!edgeShown(e)) continue;
          forced.push(eSrc[e] === state.selected ? eTgt[e] : eSrc[e]);
        }
      }
    }
    var local = state.localSet !== null;
    return {
      forced: forced, rings: rings, text: displayTitle,
      ranked: zoom > 2.5 || local || N < 300 ? rank : [],
      limit: local ? 60 : N < 300 ? 60 : 50,
    };
  }

  /** Colours and link lists for the current state: the one place that decides what is drawn. */
  function refresh() {
    var col = new Uint8Array(N * 4), sel = state.selected, near = state.near, localSet = state.localSet;
    for (var i = 0; i < N; i++) {
      var shown = state.nodeVisible[i] && (!localSet || localSet[i]);
      if (!shown) continue;
      if (sel >= 0 && !near[i] && !localSet) {
        col[4 * i] = 44; col[4 * i + 1] = 50; col[4 * i + 2] = 62; col[4 * i + 3] = 255;
      } else {
        col[4 * i] = nodeRgb[3 * i]; col[4 * i + 1] = nodeRgb[3 * i + 1]; col[4 * i + 2] = nodeRgb[3 * i + 2]; col[4 * i + 3] = 255;
      }
    }
    view.setNodeColours(col);
    var hi = [];
    if (sel >= 0) {
      for (var p = adjStart[sel]; p < adjStart[sel + 1]; p++) {
        var e = adjEdge[p];
        if (!edgeShown(e)) continue;
        var k = edgeKindRgb[eKind[e]];
        hi.push([eSrc[e], eTgt[e], [k[0], k[1], k[2], 255]]);
      }
    }
    pickEdges();
    view.setHighlight(hi);
  }

  var edgeBudget = Infinity, priority = null, budgetHit = false;

  /** The faint links to draw: all of them on a GPU; in software WebGL (about 10 us a line) the
   * most telling ones that touch the view, up to edgeBudget, picked again when the camera stops. */
  function pickEdges() {
    var sel = state.selected, localSet = state.localSet;
    var list = new Uint32Array(Math.min(E, edgeBudget === Infinity ? E : edgeBudget)), count = 0;
    budgetHit = false;
    if (sel < 0 || localSet) {
      var box = view.box(0.1);
      for (var n = 0; n < E; n++) {
        var e = priority[n];
        if (!edgeShown(e)) continue;
        var s = eSrc[e], t = eTgt[e];
        if (sel >= 0 && (s === sel || t === sel)) continue; // drawn bright above
        if (localSet && !(localSet[s] && localSet[t])) continue;
        if (edgeBudget !== Infinity && !(inBox(box, s) || inBox(box, t))) continue;
        if (count === list.length) { budgetHit = true; break; }
        list[count++] = e;
      }
    }
    view.setEdges(list, count);
    var drawnLinks = count + (sel >= 0 ? adjStart[sel + 1] - adjStart[sel] : 0);
    api.drawnEdges = drawnLinks;
    var note = $("edge-note");
    if (note) note.textContent = budgetHit ? fmt(count) + " of " + fmt(E) + " links drawn here: zoom in for the rest." : "";
  }

  function inBox(box, i) { return xs[i] >= box[0] && xs[i] <= box[2] && ys[i] >= box[1] && ys[i] <= box[3]; }

  // ---------------------------------------------------------------- visibility

  function computeVisible() {
    var vis = new Uint8Array(N), links = new Int32Array(N), shown = new Int32Array(N);
    for (var e = 0; e < E; e++) {
      links[eSrc[e]]++; links[eTgt[e]]++;
      if (state.edgeOn[eKind[e]] && state.nodeOn[kindOf[eSrc[e]]] && state.nodeOn[kindOf[eTgt[e]]]) {
        shown[eSrc[e]]++; shown[eTgt[e]]++;
      }
    }
    // a node whose every link is filtered out is hidden too: no orphan clutter
    for (var i = 0; i < N; i++) vis[i] = state.nodeOn[kindOf[i]] && (links[i] === 0 || shown[i] > 0) ? 1 : 0;
    state.nodeVisible = vis;
  }

  function edgeShown(e) {
    return state.edgeOn[eKind[e]] && state.nodeVisible[eSrc[e]] && state.nodeVisible[eTgt[e]];
  }

  function around(start, depth) {
    var seen = new Uint8Array(N);
    seen[start] = 1;
    var frontier = [start];
    for (var d = 0; d < depth; d++) {
      var next = [];
      frontier.forEach(function (n) {
        for (var p = adjStart[n]; p < adjStart[n + 1]; p++) {
          var e = adjEdge[p];
          if (!edgeShown(e)) continue;
          var m = eSrc[e] === n ? eTgt[e] : eSrc[e];
          if (!seen[m]) { seen[m] = 1; next.push(m); }
        }
      });
      frontier = next;
    }
    return seen;
  }


  var shownAround = 0;

  // ---------------------------------------------------------------- camera

  function fitTo(indices, padding) {
    if (!indices.length) return;
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    indices.forEach(function (i) {
      if (xs[i] < minX) minX = xs[i]; if (xs[i] > maxX) maxX = xs[i];
      if (ys[i] < minY) minY = ys[i]; if (ys[i] > maxY) maxY = ys[i];
    });
    fitBox(minX, minY, maxX, maxY, padding);
  }

  function fitBox(minX, minY, maxX, maxY, padding) {
    view.fitBox(minX, minY, maxX, maxY, padding || 1.3);
  }

  // ---------------------------------------------------------------- selection and card

  function nodeId(i) { return "article:" + keys[i]; }

  function resolve(ref) {
    if (typeof ref === "number") return ref >= 0 && ref < N ? ref : -1;
    ref = String(ref);
    if (ref.indexOf("article:") === 0) ref = ref.slice(8);
    if (byKey.has(ref)) return byKey.get(ref);
    if (/^[A-Za-z0-9_-]{8}$/.test(ref) && bySid.has(sidNumber(ref, 0))) return bySid.get(sidNumber(ref, 0));
    return -1;
  }

  // a title that opens an embedding or override (U+202A-202E, U+2066-2068) reverses what follows it up to
  // the line's end: " \u2014 Biology" drawn "ygoloiB \u2014 ": such a title is isolated (FSI ... PDI)
  var BIDI = /[\u202a-\u202e\u2066-\u2069]/;
  function isolated(text) { return BIDI.test(text) ? "\u2068" + text + "\u2069" : text; }

  function displayTitle(i) {
    var t = isolated(titles[i]);
    if ((titleCount.get(titles[i]) || 0) > 1) {
      var s = meta.subjects[subjects[i]] || subjects[i] || (kindOf[i] ? meta.nodeKinds[kindOf[i]].label : "");
      if (s) t += " \u2014 " + isolated(s);
    }
    return t;
  }

  // an absolute url (the RDF's schema:url), or a site path from "/" that the site url goes before
  function targetOf(i) { return targets.has(i) ? targets.get(i) : keys[i]; }

  function hrefOf(i) {
    if (linkType[i] === 2) return targetOf(i);
    if (linkType[i] === 1 && meta.siteUrl) return meta.siteUrl + targetOf(i);
    return null;
  }

  function select(ref, opts) {
    opts = opts || {};
    var i = resolve(ref);
    if (i < 0) return false;
    state.selected = i;
    var near = new Uint8Array(N), count = 0;
    near[i] = 1;
    for (var p = adjStart[i]; p < adjStart[i + 1]; p++) {
      var e = adjEdge[p];
      if (!edgeShown(e)) continue;
      var m = eSrc[e] === i ? eTgt[e] : eSrc[e];
      if (!near[m]) { near[m] = 1; count++; }
    }
    state.near = near;
    shownAround = count;
    state.localSet = state.local > 0 ? around(i, state.local) : null;
    if (!state.nodeVisible[i]) { state.nodeOn[kindOf[i]] = true; syncFilters(); computeVisible(); }
    renderCard(i);
    refresh();
    if (opts.camera !== false) {
      if (state.localSet) {
        var members = [];
        for (var n = 0; n < N; n++) if (state.localSet[n]) members.push(n);
        fitTo(members, 1.4);
      } else {
        var around1 = [];
        for (var k = 0; k < N; k++) if (near[k]) around1.push(k);
        fitTo(around1, 1.5);
      }
    }
    if (opts.hash !== false) setHash("article=" + encodeURIComponent(keys[i]));
    return true;
  }

  function clearSelection() {
    state.selected = -1;
    state.near = null;
    state.localSet = null;
    $("card").hidden = true;
    $("card").replaceChildren();
    setHash("");
    refresh();
  }

  function setHash(value) {
    var url = location.href.split("#")[0] + (value ? "#" + value : "");
    try { history.replaceState(null, "", url); } catch (err) { /* some file:// contexts refuse; the selection still works */ }
  }

  function neighbourGroups(i) {
    var groups = meta.edgeKinds.map(function (k) { return { kind: k, out: [], into: [] }; });
    var seen = {};
    for (var p = adjStart[i]; p < adjStart[i + 1]; p++) {
      var e = adjEdge[p];
      if (!edgeShown(e)) continue;
      var out = eSrc[e] === i, m = out ? eTgt[e] : eSrc[e];
      var tag = eKind[e] + ":" + m;
      if (seen[tag]) continue;
      seen[tag] = true;
      var g = groups[eKind[e]];
      (g.kind.symmetric || out ? g.out : g.into).push({ node: m, weight: eWeight[e] });
    }
    groups.forEach(function (g) {
      if (g.kind.weighted) g.out.sort(function (a, b) { return b.weight - a.weight || a.node - b.node; });
    });
    return groups;
  }

  function renderCard(i) {
    var card = $("card");
    card.replaceChildren();
    card.hidden = false;
    var head = el("div", { class: "card-head" });
    head.appendChild(el("h2", { id: "card-title" }, titles[i]));
    var close = el("button", { type: "button", class: "close", "aria-label": "Close the card (Escape)", title: "Close (Escape)" }, "\u00d7");
    close.addEventListener("click", function () { clearSelection(); });
    head.appendChild(close);
    card.appendChild(head);
    var facts = el("p", { class: "facts" });
    if (kindOf[i] !== 0) facts.appendChild(el("span", { class: "badge" }, meta.nodeKinds[kindOf[i]].label));
    if (subjects[i]) facts.appendChild(el("span", { class: "subject" }, meta.subjects[subjects[i]] || subjects[i]));
    var c = community[i];
    if (c >= 0 && meta.communities[c]) {
      var chip = el("button", { type: "button", class: "community", title: "Show this community" });
      chip.appendChild(el("i", { class: "swatch", style: "background:" + meta.communities[c].colour }));
      chip.appendChild(document.createTextNode(meta.communities[c].label));
      chip.addEventListener("click", function () { focusCommunity(c); });
      facts.appendChild(chip);
    }
    card.appendChild(facts);

    var href = hrefOf(i);
    var link;
    if (href) {
      link = el("a", { href: href, class: "live", rel: "noopener noreferrer", target: "_blank" }, "Open the article \u2197");
    } else {
      link = el("a", { class: "live disabled", "aria-disabled": "true", role: "link",
        title: linkType[i] === 1 ? "No site URL was given to the build (--site-url), so site paths are not links" : "This article has no url" },
        linkType[i] === 1 ? targetOf(i) + " (not linked: no site URL)" : "no link");
    }
    card.appendChild(el("p", { class: "link" })).appendChild(link);

    var text = el("div", { class: "text" });
    card.appendChild(text);
    if (kindOf[i] === 0) fillText(i, text);

    neighbourGroups(i).forEach(function (g) {
      var total = g.out.length + g.into.length;
      if (!total) return;
      var section = el("section", { class: "neighbours", "data-kind": g.kind.name });
      var h = el("h3");
      h.appendChild(el("i", { class: "swatch line", style: "background:" + g.kind.colour }));
      h.appendChild(document.createTextNode(g.kind.plural + " (" + total + ")"));
      section.appendChild(h);
      var list = el("ul");
      var shown = 0;
      [["", g.out], [" (links here)", g.into]].forEach(function (pair) {
        pair[1].forEach(function (item) {
          if (shown >= 60) return;
          shown++;
          var li = el("li");
          var b = el("button", { type: "button", "data-node": nodeId(item.node) }, displayTitle(item.node) + pair[0]);
          b.addEventListener("click", function () { select(item.node); });
          li.appendChild(b);
          list.appendChild(li);
        });
      });
      section.appendChild(list);
      if (total > shown) section.appendChild(el("p", { class: "muted" }, "\u2026 and " + (total - shown) + " more"));
      card.appendChild(section);
    });
  }

  function fillText(i, box) {
    var chunk = chunkOf[i];
    var part = parts.text[chunk];
    if (!part) {
      box.appendChild(el("p", { class: "muted" }, "Loading the answer\u2026"));
      (textWaiters[chunk] = textWaiters[chunk] || []).push(function () {
        if (state.selected === i) { box.replaceChildren(); fillText(i, box); }
      });
      if (textWaiters[chunk].length === 1) {
        var s = document.createElement("script");
        s.src = "atlas/text-" + String(chunk).padStart(Math.max(2, String(meta.chunks - 1).length), "0") + ".js";
        s.onerror = function () { box.replaceChildren(el("p", { class: "muted" }, "The answer text could not be loaded.")); };
        document.head.appendChild(s);
      }
      return;
    }
    var at = part.id.indexOf(sids[i]);
    if (at < 0) return;
    var words = part.keywords[at];
    if (words.length) {
      var kw = el("p", { class: "keywords" });
      words.forEach(function (w) { kw.appendChild(el("span", { class: "kw" }, w)); });
      box.appendChild(kw);
    }
    var excerpt = el("div", { class: "excerpt" });
    excerpt.innerHTML = part.excerpt[at]; // sanitised by qagraph (excerpt_html) when the atlas was written
    box.appendChild(excerpt);
  }

  function focusCommunity(c) {
    var g = meta.communities[c];
    fitBox(g.x - g.r, g.y - g.r, g.x + g.r, g.y + g.r, 1.3);
  }

  // ---------------------------------------------------------------- search

  function search(text) {
    var words = fold(text || "").split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    if (!folded) folded = titles.map(fold);
    var q = words.join(" ");
    var hits = [];
    for (var i = 0; i < N; i++) {
      var t = folded[i], ok = true;
      for (var w = 0; w < words.length; w++) if (t.indexOf(words[w]) < 0) { ok = false; break; }
      if (!ok) continue;
      var rank = t.indexOf(q) === 0 ? 0 : t.indexOf(" " + words[0]) >= 0 || t.indexOf(words[0]) === 0 ? 1 : 2;
      hits.push([rank, t.length, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.map(function (h) { return h[2]; });
  }

  var suggestion = { items: [], active: -1 };

  function showSuggestions(hits) {
    var list = $("suggestions");
    list.replaceChildren();
    suggestion.items = hits.slice(0, 12);
    suggestion.active = -1;
    suggestion.items.forEach(function (i, n) {
      var li = el("li", { role: "option", id: "sugg-" + n, "data-node": nodeId(i) });
      li.appendChild(el("span", { class: "t" }, displayTitle(i)));
      if (subjects[i]) li.appendChild(el("span", { class: "s" }, meta.subjects[subjects[i]] || subjects[i]));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
      list.appendChild(li);
    });
    list.hidden = !suggestion.items.length;
  }

  function moveActive(step) {
    if (!suggestion.items.length) return;
    suggestion.active = (suggestion.active + step + suggestion.items.length) % suggestion.items.length;
    Array.prototype.forEach.call($("suggestions").children, function (li, n) {
      li.classList.toggle("active", n === suggestion.active);
    });
    $("search").setAttribute("aria-activedescendant", "sugg-" + suggestion.active);
  }

  function pick(i) {
    $("suggestions").hidden = true;
    $("search").value = titles[i];
    status("");
    select(i);
  }

  function status(text) { $("status").textContent = text; }

  function submitSearch() {
    var text = $("search").value.trim();
    if (!text) return;
    var hits = search(text);
    if (suggestion.active >= 0 && suggestion.items[suggestion.active] !== undefined) { pick(suggestion.items[suggestion.active]); return; }
    if (!hits.length) {
      if (state.selected >= 0) clearSelection();
      $("suggestions").hidden = true;
      status("No article title matches \u201c" + text + "\u201d.");
      return;
    }
    status(hits.length === 1 ? "1 article matches." : fmt(hits.length) + " articles match; showing the first.");
    $("suggestions").hidden = true;
    select(hits[0]);
  }

  function clearAll() {
    $("search").value = "";
    $("suggestions").hidden = true;
    status("");
    clearSelection();
  }

  // ---------------------------------------------------------------- filters and legend

  function syncFilters() {
    state.edgeOn.forEach(function (on, k) { var box = $("edge-" + edgeKindNames[k]); if (box) box.checked = on; });
    state.nodeOn.forEach(function (on, k) { var box = $("node-" + nodeKindNames[k]); if (box) box.checked = on; });
  }

  function filtersChanged() {
    computeVisible();
    if (state.selected >= 0) select(state.selected, { camera: false, hash: false });
    else refresh();
  }

  function buildControls() {
    var edgeBox = $("edge-kinds");
    meta.edgeKinds.forEach(function (k, n) {
      var label = el("label", { class: "toggle" });
      var box = el("input", { type: "checkbox", id: "edge-" + k.name });
      box.checked = true;
      box.addEventListener("change", function () { state.edgeOn[n] = box.checked; filtersChanged(); });
      label.appendChild(box);
      label.appendChild(el("i", { class: "swatch line", style: "background:" + k.colour }));
      label.appendChild(document.createTextNode(k.plural + " "));
      label.appendChild(el("span", { class: "muted" }, fmt(meta.edgeCounts[k.name] || 0)));
      edgeBox.appendChild(label);
    });
    var nodeBox = $("node-kinds");
    meta.nodeKinds.forEach(function (k, n) {
      var label = el("label", { class: "toggle" });
      var box = el("input", { type: "checkbox", id: "node-" + k.name });
      box.checked = true;
      box.addEventListener("change", function () { state.nodeOn[n] = box.checked; filtersChanged(); });
      label.appendChild(box);
      label.appendChild(el("i", { class: "swatch", style: "background:" + k.colour }));
      label.appendChild(document.createTextNode(k.plural + " "));
      label.appendChild(el("span", { class: "muted" }, fmt(meta.counts[k.name] || 0)));
      nodeBox.appendChild(label);
    });
    var legend = $("communities");
    var others = 0;
    meta.communities.forEach(function (g, c) {
      if (meta.island && g.size < 3) return;  // in the island's line
      if (g.colour === meta.otherColour) { others += g.size; return; }
      var li = el("li");
      var b = el("button", { type: "button", title: "Show this community" });
      b.appendChild(el("i", { class: "swatch", style: "background:" + g.colour }));
      b.appendChild(el("span", { class: "label" }, g.label));
      b.appendChild(el("span", { class: "muted" }, fmt(g.size)));
      b.addEventListener("click", function () { focusCommunity(c); });
      li.appendChild(b);
      legend.appendChild(li);
    });
    if (others) {
      var li = el("li", { class: "others" });
      li.appendChild(el("i", { class: "swatch", style: "background:" + meta.otherColour }));
      li.appendChild(document.createTextNode("smaller communities "));
      li.appendChild(el("span", { class: "muted" }, fmt(others)));
      legend.appendChild(li);
    }
    if (meta.island) {  // the articles with no link, or linked only in a pair: one disc at the edge
      var isl = el("li", { id: "island-legend" });
      var ib = el("button", { type: "button", title: "Show the isolated articles" });
      ib.appendChild(el("i", { class: "swatch", style: "background:" + meta.otherColour }));
      ib.appendChild(el("span", { class: "label" }, ISLAND_LABEL + " (no link, or a pair)"));
      ib.appendChild(el("span", { class: "muted" }, fmt(meta.island.size)));
      ib.addEventListener("click", function () {
        var g = meta.island;
        fitBox(g.x - g.r, g.y - g.r, g.x + g.r, g.y + g.r, 1.3);
      });
      isl.appendChild(ib);
      legend.appendChild(isl);
    }

    var input = $("search");
    input.addEventListener("input", function () {
      var text = input.value.trim();
      status("");
      if (!text) { $("suggestions").hidden = true; return; }
      var hits = search(text);
      showSuggestions(hits);
      if (!hits.length) status("No article title matches \u201c" + text + "\u201d.");
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); moveActive(1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); moveActive(-1); }
      else if (ev.key === "Enter") { ev.preventDefault(); submitSearch(); }
    });
    input.addEventListener("blur", function () { $("suggestions").hidden = true; });
    document.addEventListener("keydown", function (ev) {
      var typing = ev.target && /^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName);
      if (ev.key === "/" && !typing) { ev.preventDefault(); input.focus(); input.select(); }
      else if (ev.key === "Escape") { clearAll(); }
    });
    $("local").addEventListener("change", function () {
      state.local = +$("local").value;
      if (state.selected >= 0) select(state.selected, { hash: false });
      else status(state.local ? "Select an article to see its local graph." : "");
    });
    $("reset").addEventListener("click", reset);
    $("png").addEventListener("click", function () {
      png().then(function (blob) {
        var a = el("a", { download: "atlas.png" });
        a.href = URL.createObjectURL(blob);
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
      });
    });
    window.addEventListener("hashchange", fromHash);
  }

  function reset() {
    state.local = 0;
    $("local").value = "0";
    state.edgeOn = state.edgeOn.map(function () { return true; });
    state.nodeOn = state.nodeOn.map(function () { return true; });
    syncFilters();
    computeVisible();
    clearAll();
    view.reset(400);
  }

  function fromHash() {
    var m = /^#article=(.*)$/.exec(location.hash);
    if (!m) return false;
    var key;
    try { key = decodeURIComponent(m[1]); } catch (err) { key = m[1]; }
    if (!select(key, { hash: false })) { status("No article has the url \u201c" + key + "\u201d."); return false; }
    $("search").value = titles[state.selected];
    return true;
  }

  // ---------------------------------------------------------------- community labels and PNG

  var labelEls = [];
  var ISLAND_LABEL = "isolated articles";

  function buildCommunityLabels() {
    var layer = $("community-labels");
    meta.communities.forEach(function (g, c) {
      if (g.colour === meta.otherColour || g.size < 3) { labelEls.push(null); return; }
      var d = el("div", { class: "clabel" }, g.label.split(" \u00b7 ")[0]);
      d.style.borderBottomColor = g.colour;
      layer.appendChild(d);
      labelEls.push(d);
    });
    if (meta.island) {  // the island's name, after the communities': labelEls[communities.length]
      var d = el("div", { class: "clabel", id: "island-label" }, ISLAND_LABEL);
      d.style.borderBottomColor = meta.otherColour;
      layer.appendChild(d);
      labelEls.push(d);
    }
  }

  function labelAt(c) { return c < meta.communities.length ? meta.communities[c] : meta.island; }

  function placeCommunityLabels() {
    var show = view.zoom() < 3 && state.selected < 0 && state.localSet === null;
    labelEls.forEach(function (d, c) {
      if (!d) return;
      if (!show) { d.style.display = "none"; return; }
      var g = labelAt(c);
      var p = view.toScreen(g.x, g.y);
      d.style.display = "";
      d.style.transform = "translate(" + Math.round(p[0]) + "px," + Math.round(p[1]) + "px) translate(-50%,-50%)";
    });
  }

  function png() {
    return view.png(function (ctx) {
      ctx.font = "700 14px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      labelEls.forEach(function (d, c) {
        if (!d || d.style.display === "none") return;
        var g = labelAt(c), p = view.toScreen(g.x, g.y);
        ctx.fillStyle = "#15181e";
        ctx.fillText(d.textContent, p[0] + 1, p[1] + 1);
        ctx.fillStyle = "#ffffff";
        ctx.fillText(d.textContent, p[0], p[1]);
      });
      ctx.textAlign = "left"; ctx.font = "12px system-ui, sans-serif"; ctx.fillStyle = "#9aa3b2";
      ctx.fillText(meta.title + " · qagraph " + meta.version, 10, view.height - 12);
    });
  }

  // ---------------------------------------------------------------- start

  var timings = {};
  function mark(name, since) { var now = performance.now(); timings[name] = Math.round(now - since); return now; }

  function init() {
    var t = performance.now();
    timings.start = Math.round(t);
    load();
    t = mark("load", t);
    buildView();
    t = mark("view", t);
    view.on("click", function (i) { status(""); if (i >= 0) select(i, { camera: false }); else if (state.selected >= 0) clearSelection(); });
    view.on("view", placeCommunityLabels);
    buildControls();
    buildCommunityLabels();
    refresh();
    view.render();
    placeCommunityLabels();
    t = mark("render", t);

    api.nodeCount = N;
    api.articleCount = meta.counts.article;
    api.edgeCount = E;
    api.search = function (text) { return search(text).map(nodeId); };
    api.select = function (id) { return select(id); };
    api.clear = clearAll;
    api.reset = reset;
    api.png = png;
    api.view = view;
    api.selected = function () { return state.selected >= 0 ? nodeId(state.selected) : null; };
    api.visibleNodes = function () {
      var n = 0;
      for (var i = 0; i < N; i++) if (state.nodeVisible[i] && (!state.localSet || state.localSet[i])) n++;
      return n;
    };
    api.highlighted = function () {
      var out = [];
      if (state.near) for (var i = 0; i < N; i++) if (state.near[i] && i !== state.selected) out.push(nodeId(i));
      return out;
    };
    api.screenPosition = function (id) { var i = resolve(id); return i < 0 ? null : view.toScreen(xs[i], ys[i]); };
    api.setEdgeKind = function (name, on) { var k = edgeKindNames.indexOf(name); state.edgeOn[k] = !!on; syncFilters(); filtersChanged(); };
    api.setNodeKind = function (name, on) { var k = nodeKindNames.indexOf(name); state.nodeOn[k] = !!on; syncFilters(); filtersChanged(); };
    api.setLocal = function (depth) { $("local").value = String(depth); $("local").dispatchEvent(new Event("change")); };

    fromHash();
    mark("controls", t);
    api.timings = timings;
    api.ready = true;
    api.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
    // fold the titles for search while the user looks
    setTimeout(function () { if (!folded) folded = titles.map(fold); }, 0);
  }

  document.addEventListener("DOMContentLoaded", function () {
    try {
      init();
    } catch (err) {
      var box = $("fatal");
      if (box) { box.hidden = false; box.textContent = "The atlas could not start: " + err.message; }
      throw err;
    }
  });
})();

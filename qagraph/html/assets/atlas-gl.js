/* A small WebGL renderer for the atlas: points for nodes, one-pixel lines for links.
 *
 * Why not sigma.js (tried first): at 36k nodes and 360k links, building graphology's
 * graph took 9 s and sigma's first render 4.7 s in headless Chromium, and each click
 * re-ran sigma's reducers over every link (1.4-2.5 s). This draws straight from typed
 * arrays: positions are uploaded once, a click rewrites a colour buffer and an index
 * list (milliseconds). In software WebGL (SwiftShader) a line costs about 10 us to
 * draw, so the caller draws a budget of links there (see atlas.js, pickEdges).
 *
 * AtlasGL(container, {xs, ys, sizes, eSrc, eTgt}) draws into a WebGL canvas plus a 2-D
 * canvas for labels; the caller sets colours (setNodeColours), which links to draw
 * (setEdges, setHighlight) and gets clicks and hovers back (onClick, onHover, onView).
 */
(function () {
  "use strict";

  var EDGE_VS = [
    "attribute vec2 a_pos;",
    "attribute vec4 a_col;",
    "uniform vec2 u_centre;",
    "uniform vec2 u_half;",
    "uniform float u_scale;",
    "varying vec4 v_col;",
    "void main() {",
    "  vec2 p = (a_pos - u_centre) * u_scale / u_half;",
    "  gl_Position = vec4(p, 0.0, 1.0);",
    "  v_col = a_col;",
    "}",
  ].join("\n");
  var EDGE_FS = [
    "precision mediump float;",
    "varying vec4 v_col;",
    "void main() { gl_FragColor = v_col; }",
  ].join("\n");
  var NODE_VS = [
    "attribute vec2 a_pos;",
    "attribute vec4 a_col;",
    "attribute float a_size;",
    "uniform vec2 u_centre;",
    "uniform vec2 u_half;",
    "uniform float u_scale;",
    "uniform float u_grow;",
    "uniform float u_dpr;",
    "varying vec4 v_col;",
    "void main() {",
    "  vec2 p = (a_pos - u_centre) * u_scale / u_half;",
    "  gl_Position = vec4(p, 0.0, 1.0);",
    "  gl_PointSize = a_col.a == 0.0 ? 0.0 : max(a_size * u_grow, 1.5) * u_dpr;",
    "  v_col = a_col;",
    "}",
  ].join("\n");
  var NODE_FS = [
    "precision mediump float;",
    "varying vec4 v_col;",
    "void main() {",
    "  float d = length(gl_PointCoord - vec2(0.5));",
    "  if (d > 0.5) discard;",
    "  gl_FragColor = vec4(v_col.rgb, v_col.a * smoothstep(0.5, 0.38, d));",
    "}",
  ].join("\n");

  function compile(gl, vs, fs) {
    function shader(type, source) {
      var s = gl.createShader(type);
      gl.shaderSource(s, source);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error("atlas shader: " + gl.getShaderInfoLog(s));
      return s;
    }
    var p = gl.createProgram();
    gl.attachShader(p, shader(gl.VERTEX_SHADER, vs));
    gl.attachShader(p, shader(gl.FRAGMENT_SHADER, fs));
    gl.linkProgram(p);
    if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error("atlas program: " + gl.getProgramInfoLog(p));
    var info = { program: p, attr: {}, uni: {} };
    ["a_pos", "a_col", "a_size"].forEach(function (n) { info.attr[n] = gl.getAttribLocation(p, n); });
    ["u_centre", "u_half", "u_scale", "u_grow", "u_dpr"].forEach(function (n) { info.uni[n] = gl.getUniformLocation(p, n); });
    return info;
  }

  /** Is WebGL drawn by the CPU (SwiftShader, llvmpipe)? Every line costs there, so callers draw fewer. */
  function isSoftware() {
    var gl = document.createElement("canvas").getContext("webgl");
    if (!gl) return false;
    var info = gl.getExtension("WEBGL_debug_renderer_info");
    var name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    var lose = gl.getExtension("WEBGL_lose_context");
    if (lose) lose.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(name);
  }

  function AtlasGL(container, data) {
    var self = this;
    this.container = container;
    this.N = data.xs.length;
    this.E = data.eSrc.length;
    this.xs = data.xs; this.ys = data.ys; this.sizes = data.sizes;
    this.canvas = document.createElement("canvas");
    this.labels = document.createElement("canvas");
    this.canvas.className = "atlas-gl";
    this.labels.className = "atlas-labels";
    container.appendChild(this.canvas);
    container.appendChild(this.labels);
    this.software = isSoftware();
    // no anti-aliasing in software: it multiplies the cost of every line
    var gl = this.canvas.getContext("webgl", { antialias: !this.software, alpha: false, preserveDrawingBuffer: false });
    if (!gl) throw new Error("this browser cannot draw WebGL");
    if (!gl.getExtension("OES_element_index_uint")) throw new Error("this browser's WebGL lacks 32-bit indices");
    this.gl = gl;
    this.edgeProgram = compile(gl, EDGE_VS, EDGE_FS);
    this.nodeProgram = compile(gl, NODE_VS, NODE_FS);

    // links: two vertices each, positions fixed, colours per link
    var E = this.E, pos = new Float32Array(E * 4);
    for (var e = 0; e < E; e++) {
      var s = data.eSrc[e], t = data.eTgt[e];
      pos[4 * e] = data.xs[s]; pos[4 * e + 1] = data.ys[s]; pos[4 * e + 2] = data.xs[t]; pos[4 * e + 3] = data.ys[t];
    }
    this.edgePos = this.buffer(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
    this.edgeCol = this.buffer(gl.ARRAY_BUFFER, new Uint8Array(E * 8), gl.STATIC_DRAW);
    this.edgeIndex = gl.createBuffer();
    this.edgeCount = 0;
    this.hiPos = gl.createBuffer(); this.hiCol = gl.createBuffer(); this.hiCount = 0;

    var N = this.N, npos = new Float32Array(N * 2);
    for (var i = 0; i < N; i++) { npos[2 * i] = data.xs[i]; npos[2 * i + 1] = data.ys[i]; }
    this.nodePos = this.buffer(gl.ARRAY_BUFFER, npos, gl.STATIC_DRAW);
    this.nodeSize = this.buffer(gl.ARRAY_BUFFER, new Float32Array(data.sizes), gl.STATIC_DRAW);
    this.nodeCol = this.buffer(gl.ARRAY_BUFFER, new Uint8Array(N * 4), gl.DYNAMIC_DRAW);
    this.nodeColours = new Uint8Array(N * 4);

    // extent and camera
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (i = 0; i < N; i++) {
      if (data.xs[i] < minX) minX = data.xs[i]; if (data.xs[i] > maxX) maxX = data.xs[i];
      if (data.ys[i] < minY) minY = data.ys[i]; if (data.ys[i] > maxY) maxY = data.ys[i];
    }
    if (!N) { minX = minY = -1; maxX = maxY = 1; }
    this.extent = [minX, minY, maxX, maxY];
    this.camera = { x: 0, y: 0, scale: 1 };
    this.fitScale = 1;
    this.moving = false;
    this.handlers = { click: [], hover: [], view: [], render: [], settle: [] };
    this.hovered = -1;
    this.labelsFor = function () { return { forced: [], ranked: [] }; };
    this.resize();
    this.camera = this.fitCamera(minX, minY, maxX, maxY, 1.05);
    this.fitScale = this.camera.scale;
    this.home = { x: this.camera.x, y: this.camera.y, scale: this.camera.scale };
    this.listen();
    if (window.ResizeObserver) new ResizeObserver(function () { self.resize(); self.render(); }).observe(container);
  }

  AtlasGL.prototype.buffer = function (target, data, usage) {
    var gl = this.gl, b = gl.createBuffer();
    gl.bindBuffer(target, b);
    gl.bufferData(target, data, usage);
    return b;
  };

  AtlasGL.prototype.on = function (name, fn) { this.handlers[name].push(fn); };
  AtlasGL.prototype.emit = function (name, arg) { this.handlers[name].forEach(function (fn) { fn(arg); }); };

  AtlasGL.prototype.resize = function () {
    var dpr = window.devicePixelRatio || 1;
    var w = Math.max(this.container.clientWidth, 1), h = Math.max(this.container.clientHeight, 1);
    this.width = w; this.height = h; this.dpr = dpr;
    [this.canvas, this.labels].forEach(function (c) {
      c.width = Math.round(w * dpr); c.height = Math.round(h * dpr);
      c.style.width = w + "px"; c.style.height = h + "px";
    });
  };

  // -- camera: graph units to css pixels: screen = centre + (p - camera) * scale, y up

  AtlasGL.prototype.toScreen = function (x, y) {
    return [this.width / 2 + (x - this.camera.x) * this.camera.scale, this.height / 2 - (y - this.camera.y) * this.camera.scale];
  };

  AtlasGL.prototype.toGraph = function (sx, sy) {
    return [this.camera.x + (sx - this.width / 2) / this.camera.scale, this.camera.y - (sy - this.height / 2) / this.camera.scale];
  };

  AtlasGL.prototype.fitCamera = function (minX, minY, maxX, maxY, padding) {
    var dx = Math.max(maxX - minX, 1e-3), dy = Math.max(maxY - minY, 1e-3);
    var scale = Math.min(this.width / (dx * padding), this.height / (dy * padding));
    return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, scale: this.clampScale(scale) };
  };

  AtlasGL.prototype.clampScale = function (scale) {
    var base = this.fitScale || scale;
    return Math.min(Math.max(scale, base * 0.3), base * 400);
  };

  /** How far in the camera is, 1 = the whole atlas. */
  AtlasGL.prototype.zoom = function () { return this.camera.scale / this.fitScale; };

  AtlasGL.prototype.animateTo = function (target, duration) {
    var self = this, from = { x: this.camera.x, y: this.camera.y, scale: this.camera.scale };
    target.scale = this.clampScale(target.scale);
    duration = duration === undefined ? 350 : duration;
    var start = performance.now();
    if (this.animation) cancelAnimationFrame(this.animation);
    if (!duration) { this.camera = target; this.changed(); this.emit("settle"); return; }
    function step(now) {
      var t = Math.min((now - start) / duration, 1), k = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
      var ls = Math.log(from.scale) + (Math.log(target.scale) - Math.log(from.scale)) * k;
      self.camera = { x: from.x + (target.x - from.x) * k, y: from.y + (target.y - from.y) * k, scale: Math.exp(ls) };
      self.moving = t < 1;
      self.changed();
      self.animation = t < 1 ? requestAnimationFrame(step) : null;
      if (t >= 1) self.emit("settle");
    }
    this.animation = requestAnimationFrame(step);
  };

  /** The graph-unit rectangle [minX, minY, maxX, maxY] on screen, grown by ``margin`` of its size. */
  AtlasGL.prototype.box = function (margin) {
    var a = this.toGraph(0, this.height), b = this.toGraph(this.width, 0);
    var mx = (b[0] - a[0]) * (margin || 0), my = (b[1] - a[1]) * (margin || 0);
    return [a[0] - mx, a[1] - my, b[0] + mx, b[1] + my];
  };

  AtlasGL.prototype.fitBox = function (minX, minY, maxX, maxY, padding, duration) {
    this.animateTo(this.fitCamera(minX, minY, maxX, maxY, padding || 1.2), duration);
  };

  AtlasGL.prototype.reset = function (duration) {
    this.animateTo({ x: this.home.x, y: this.home.y, scale: this.home.scale }, duration);
  };

  AtlasGL.prototype.changed = function () { this.emit("view"); this.requestRender(); };

  // -- what to draw

  AtlasGL.prototype.setNodeColours = function (rgba) {
    var gl = this.gl;
    this.nodeColours = rgba;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.nodeCol);
    gl.bufferData(gl.ARRAY_BUFFER, rgba, gl.DYNAMIC_DRAW);
    this.requestRender();
  };

  AtlasGL.prototype.setEdgeColours = function (rgba) {
    var gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.edgeCol);
    gl.bufferData(gl.ARRAY_BUFFER, rgba, gl.STATIC_DRAW);
  };

  /** Draw the links whose indices are in ``list`` (a Uint32Array of link indices, ``count`` long). */
  AtlasGL.prototype.setEdges = function (list, count) {
    var gl = this.gl, idx = new Uint32Array(count * 2);
    for (var k = 0; k < count; k++) { idx[2 * k] = 2 * list[k]; idx[2 * k + 1] = 2 * list[k] + 1; }
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.edgeIndex);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, idx, gl.DYNAMIC_DRAW);
    this.edgeCount = count * 2;
    this.requestRender();
  };

  /** Links drawn above the others: ``items`` are [source, target, rgba array]. */
  AtlasGL.prototype.setHighlight = function (items) {
    var gl = this.gl, pos = new Float32Array(items.length * 4), col = new Uint8Array(items.length * 8);
    items.forEach(function (it, k) {
      pos[4 * k] = this.xs[it[0]]; pos[4 * k + 1] = this.ys[it[0]]; pos[4 * k + 2] = this.xs[it[1]]; pos[4 * k + 3] = this.ys[it[1]];
      col.set(it[2], 8 * k); col.set(it[2], 8 * k + 4);
    }, this);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.hiPos); gl.bufferData(gl.ARRAY_BUFFER, pos, gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.hiCol); gl.bufferData(gl.ARRAY_BUFFER, col, gl.DYNAMIC_DRAW);
    this.hiCount = items.length * 2;
    this.requestRender();
  };

  // -- drawing

  AtlasGL.prototype.requestRender = function () {
    var self = this;
    if (this.frame) return;
    this.frame = requestAnimationFrame(function () { self.frame = null; self.render(); });
  };

  AtlasGL.prototype.uniforms = function (info) {
    var gl = this.gl;
    gl.uniform2f(info.uni.u_centre, this.camera.x, this.camera.y);
    gl.uniform2f(info.uni.u_half, this.width / 2, this.height / 2);
    gl.uniform1f(info.uni.u_scale, this.camera.scale);
    if (info.uni.u_grow) gl.uniform1f(info.uni.u_grow, Math.min(Math.max(Math.sqrt(this.zoom()), 1), 6));
    if (info.uni.u_dpr) gl.uniform1f(info.uni.u_dpr, this.dpr);
  };

  AtlasGL.prototype.attrib = function (loc, buffer, size, type, normalised) {
    var gl = this.gl;
    if (loc < 0) return;
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, size, type, normalised, 0, 0);
  };

  AtlasGL.prototype.render = function () {
    if (this.frame) { cancelAnimationFrame(this.frame); this.frame = null; }
    var gl = this.gl;
    gl.viewport(0, 0, this.canvas.width, this.canvas.height);
    gl.clearColor(0.082, 0.094, 0.118, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
    var ep = this.edgeProgram;
    gl.useProgram(ep.program);
    this.uniforms(ep);
    // while the camera moves, the many faint links are left out: panning stays smooth in software WebGL
    if (this.edgeCount && !(this.moving && (this.software || this.edgeCount > 200000))) {
      this.attrib(ep.attr.a_pos, this.edgePos, 2, gl.FLOAT, false);
      this.attrib(ep.attr.a_col, this.edgeCol, 4, gl.UNSIGNED_BYTE, true);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.edgeIndex);
      gl.drawElements(gl.LINES, this.edgeCount, gl.UNSIGNED_INT, 0);
    }
    if (this.hiCount) {
      this.attrib(ep.attr.a_pos, this.hiPos, 2, gl.FLOAT, false);
      this.attrib(ep.attr.a_col, this.hiCol, 4, gl.UNSIGNED_BYTE, true);
      gl.drawArrays(gl.LINES, 0, this.hiCount);
    }
    var np = this.nodeProgram;
    gl.useProgram(np.program);
    this.uniforms(np);
    this.attrib(np.attr.a_pos, this.nodePos, 2, gl.FLOAT, false);
    this.attrib(np.attr.a_col, this.nodeCol, 4, gl.UNSIGNED_BYTE, true);
    this.attrib(np.attr.a_size, this.nodeSize, 1, gl.FLOAT, false);
    gl.drawArrays(gl.POINTS, 0, this.N);
    this.drawLabels();
    this.emit("render");
  };

  AtlasGL.prototype.radius = function (i) {
    return Math.max(this.sizes[i] * Math.min(Math.max(Math.sqrt(this.zoom()), 1), 6), 1.5) / 2;
  };

  /** Labels on the 2-D canvas: the forced ones, then by rank while they fit on a grid of free cells. */
  AtlasGL.prototype.drawLabels = function () {
    var ctx = this.labels.getContext("2d"), dpr = this.dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    var which = this.labelsFor(this.zoom());
    ctx.font = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
    ctx.textBaseline = "middle";
    // a label takes the grid cells it covers; a label that would cover a taken cell is left out
    var cellW = 24, cellH = 18, used = new Uint8Array((Math.ceil(this.width / cellW) + 2) * (Math.ceil(this.height / cellH) + 2));
    var cols = Math.ceil(this.width / cellW) + 2;
    var self = this, drawn = 0;
    function put(i, strong, ring) {
      if (self.nodeColours[4 * i + 3] === 0) return;
      var p = self.toScreen(self.xs[i], self.ys[i]), r = self.radius(i);
      if (ring) {
        ctx.strokeStyle = strong ? "#ffffff" : "rgba(255,255,255,0.75)"; ctx.lineWidth = strong ? 2 : 1;
        ctx.beginPath(); ctx.arc(p[0], p[1], r + (strong ? 4 : 2.5), 0, 2 * Math.PI); ctx.stroke();
      }
      if (p[0] < -200 || p[1] < 0 || p[0] > self.width || p[1] > self.height) return;
      var text = which.text(i);
      if (text.length > 60) text = text.slice(0, 58) + "\u2026";
      var x = p[0] + r + 4, w = ctx.measureText(text).width;
      var row = Math.floor(p[1] / cellH) + 1, c0 = Math.max(Math.floor((x - 3) / cellW) + 1, 0);
      var c1 = Math.min(Math.floor((x + w + 3) / cellW) + 1, cols - 1);
      if (!strong) for (var c = c0; c <= c1; c++) if (used[row * cols + c]) return;
      for (c = c0; c <= c1; c++) used[row * cols + c] = 1;
      ctx.fillStyle = strong ? "rgba(13,15,19,0.92)" : "rgba(13,15,19,0.7)";
      ctx.fillRect(x - 3, p[1] - 8, w + 6, 16);
      ctx.fillStyle = strong ? "#ffffff" : "#d5dae3";
      ctx.fillText(text, x, p[1]);
      drawn++;
    }
    which.forced.forEach(function (i, n) { var sel = n === 0 && which.rings.length > 0; put(i, sel, which.rings.length > 0); });
    var ranked = which.ranked;
    for (var k = 0; k < ranked.length && drawn < which.limit; k++) put(ranked[k], false);
    if (this.hovered >= 0) put(this.hovered, true, true);
  };

  // -- picking and pointer

  AtlasGL.prototype.pick = function (sx, sy) {
    var best = -1, bestD = Infinity, g = this.toGraph(sx, sy), scale = this.camera.scale;
    for (var i = 0; i < this.N; i++) {
      if (this.nodeColours[4 * i + 3] === 0) continue;
      var dx = (this.xs[i] - g[0]) * scale, dy = (this.ys[i] - g[1]) * scale, d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = i; }
    }
    if (best < 0) return -1;
    var reach = this.radius(best) + 4;
    return bestD <= reach * reach ? best : -1;
  };

  AtlasGL.prototype.listen = function () {
    var self = this, c = this.labels, drag = null;
    c.style.touchAction = "none";
    function local(ev) { var r = c.getBoundingClientRect(); return [ev.clientX - r.left, ev.clientY - r.top]; }
    c.addEventListener("pointerdown", function (ev) {
      var p = local(ev);
      drag = { x: p[0], y: p[1], cx: self.camera.x, cy: self.camera.y, moved: false, id: ev.pointerId };
      c.setPointerCapture(ev.pointerId);
    });
    c.addEventListener("pointermove", function (ev) {
      var p = local(ev);
      if (drag) {
        var dx = p[0] - drag.x, dy = p[1] - drag.y;
        if (!drag.moved && dx * dx + dy * dy < 16) return;
        drag.moved = true;
        self.moving = true;
        self.camera = { x: drag.cx - dx / self.camera.scale, y: drag.cy + dy / self.camera.scale, scale: self.camera.scale };
        self.changed();
        return;
      }
      var hit = self.pick(p[0], p[1]);
      if (hit !== self.hovered) {
        self.hovered = hit;
        c.style.cursor = hit >= 0 ? "pointer" : "";
        self.emit("hover", hit);
        self.requestRender();
      }
    });
    function end(ev) {
      if (!drag) return;
      var was = drag;
      drag = null;
      if (c.hasPointerCapture(ev.pointerId)) c.releasePointerCapture(ev.pointerId);
      if (was.moved) { self.moving = false; self.requestRender(); self.emit("settle"); return; }
      var p = local(ev);
      self.emit("click", self.pick(p[0], p[1]));
    }
    c.addEventListener("pointerup", end);
    c.addEventListener("pointercancel", function () { drag = null; self.moving = false; self.requestRender(); });
    c.addEventListener("pointerleave", function () { if (self.hovered >= 0) { self.hovered = -1; self.requestRender(); } });
    var settle = null;
    c.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var p = local(ev), before = self.toGraph(p[0], p[1]);
      var factor = Math.exp(-Math.max(Math.min(ev.deltaY, 120), -120) * 0.0025);
      var scale = self.clampScale(self.camera.scale * factor);
      self.camera = { x: before[0] - (p[0] - self.width / 2) / scale, y: before[1] + (p[1] - self.height / 2) / scale, scale: scale };
      self.moving = true;
      self.changed();
      clearTimeout(settle);
      settle = setTimeout(function () { self.moving = false; self.requestRender(); self.emit("settle"); }, 160);
    }, { passive: false });
    c.addEventListener("dblclick", function (ev) {
      var p = local(ev), g = self.toGraph(p[0], p[1]);
      self.animateTo({ x: g[0], y: g[1], scale: self.camera.scale * 2.5 });
    });
  };

  /** The current view as a PNG blob, with ``extra(ctx)`` drawn on top (css pixels). */
  AtlasGL.prototype.png = function (extra) {
    var self = this;
    return new Promise(function (resolve) {
      var out = document.createElement("canvas");
      out.width = self.canvas.width; out.height = self.canvas.height;
      var ctx = out.getContext("2d");
      self.render(); // the WebGL buffer is read in the same task it was drawn in
      ctx.drawImage(self.canvas, 0, 0);
      ctx.drawImage(self.labels, 0, 0);
      ctx.setTransform(self.dpr, 0, 0, self.dpr, 0, 0);
      if (extra) extra(ctx);
      out.toBlob(resolve, "image/png");
    });
  };

  window.AtlasGL = AtlasGL;
})();

// kb serve: progressive enhancement only; every page works without this file.
"use strict";
(function () {
  // Live updates: the server says when the notes changed on disk.
  if (window.EventSource) {
    var events = new EventSource("/events");
    events.addEventListener("change", function () {
      var typing = document.activeElement && /INPUT|SELECT|TEXTAREA/.test(document.activeElement.tagName);
      var banner = document.getElementById("changed");
      if (typing && banner) banner.hidden = false;
      else location.reload();
    });
  }
  var box = document.getElementById("graph");
  if (box) explore(box);

  function explore(box) {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    var edgeLayer = document.createElementNS(NS, "g"), nodeLayer = document.createElementNS(NS, "g");
    svg.appendChild(edgeLayer); svg.appendChild(nodeLayer); box.appendChild(svg);
    var nodes = {}, edges = {}, W = box.clientWidth || 800, H = box.clientHeight || 540;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);

    function add(data, at) {
      var fresh = data.nodes.filter(function (n) { return !nodes[n.key]; });
      fresh.forEach(function (n, i) {
        var a = 2 * Math.PI * i / Math.max(1, fresh.length), r = at ? 90 : 0;
        nodes[n.key] = { n: n, x: (at ? at.x : W / 2) + r * Math.cos(a) + Math.random(), y: (at ? at.y : H / 2) + r * Math.sin(a) + Math.random() };
      });
      data.edges.forEach(function (e) { edges[e.source + "\u0000" + e.target + "\u0000" + e.type] = e; });
      layout(); draw();
    }
    function layout() {
      var list = Object.keys(nodes).map(function (k) { return nodes[k]; });
      for (var step = 0; step < 200; step++) {
        list.forEach(function (p) { p.fx = (W / 2 - p.x) * 0.002; p.fy = (H / 2 - p.y) * 0.002; });
        for (var i = 0; i < list.length; i++) for (var j = i + 1; j < list.length; j++) {
          var a = list[i], b = list[j], dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01, f = 1200 / d2;
          a.fx += dx * f; a.fy += dy * f; b.fx -= dx * f; b.fy -= dy * f;
        }
        Object.keys(edges).forEach(function (k) {
          var e = edges[k], a = nodes[e.source], b = nodes[e.target]; if (!a || !b) return;
          var dx = b.x - a.x, dy = b.y - a.y; a.fx += dx * 0.02; a.fy += dy * 0.02; b.fx -= dx * 0.02; b.fy -= dy * 0.02;
        });
        list.forEach(function (p) {
          p.x = Math.max(20, Math.min(W - 20, p.x + Math.max(-10, Math.min(10, p.fx))));
          p.y = Math.max(20, Math.min(H - 20, p.y + Math.max(-10, Math.min(10, p.fy))));
        });
      }
    }
    function draw() {
      edgeLayer.textContent = ""; nodeLayer.textContent = "";
      Object.keys(edges).forEach(function (k) {
        var e = edges[k], a = nodes[e.source], b = nodes[e.target]; if (!a || !b) return;
        var l = document.createElementNS(NS, "line");
        l.setAttribute("x1", a.x); l.setAttribute("y1", a.y); l.setAttribute("x2", b.x); l.setAttribute("y2", b.y);
        edgeLayer.appendChild(l);
      });
      Object.keys(nodes).forEach(function (k) {
        var p = nodes[k], g = document.createElementNS(NS, "g"), c = document.createElementNS(NS, "circle"), t = document.createElementNS(NS, "text");
        g.setAttribute("class", "node " + p.n.type + (p.n.id === box.dataset.around ? " center" : ""));
        g.setAttribute("data-key", p.n.key);
        c.setAttribute("cx", p.x); c.setAttribute("cy", p.y); c.setAttribute("r", p.n.type === "meeting" ? 6 : 8);
        t.setAttribute("x", p.x + 10); t.setAttribute("y", p.y + 4);
        t.textContent = p.n.name.length > 40 ? p.n.name.slice(0, 39) + "…" : p.n.name;
        var title = document.createElementNS(NS, "title"); title.textContent = p.n.name; c.appendChild(title);
        g.appendChild(c); g.appendChild(t); nodeLayer.appendChild(g);
        if (p.n.id) {
          c.addEventListener("click", function () { load("/api/graph?around=" + encodeURIComponent(p.n.id), p); });
          c.addEventListener("dblclick", function () { location.href = "/r/" + p.n.id.split("/").map(encodeURIComponent).join("/"); });
        }
      });
      box.setAttribute("data-nodes", Object.keys(nodes).length);
    }
    function load(url, at) {
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) add(data, at); });
    }
    load(box.dataset.api, null);
  }
})();

// Shared helpers for every page: navigation, JSON fetches, live change events, formatting, ANSI colours.
"use strict";

const Dash = (() => {
  const pages = [
    ["/resources", "Resources"], ["/consolelogs", "Console logs"], ["/structuredlogs", "Structured logs"],
    ["/traces", "Traces"], ["/metrics", "Metrics"],
  ];

  function renderNav() {
    const nav = document.getElementById("nav");
    if (!nav) return;
    const current = location.pathname;
    nav.innerHTML = `<div class="brand">AspireMicro</div>` +
      pages.map(([href, label]) =>
        `<a href="${href}" data-testid="nav-${href.slice(1)}" class="${current.startsWith(href) ? "active" : ""}">${label}</a>`).join("") +
      `<div class="spacer"></div><div class="muted" style="padding:0 1rem .5rem" data-testid="live-status"><span class="live-dot off" id="live-dot"></span><span id="live-text">connecting</span></div>` +
      `<button class="danger" data-testid="clear-telemetry" id="clear-telemetry">Clear telemetry</button>` +
      `<a href="/logout" class="muted">Log out</a>`;
    if (liveState !== null) setLive(liveState);
    document.getElementById("clear-telemetry").addEventListener("click", async () => {
      if (!confirm("Remove all stored traces, logs and metrics?")) return;
      const response = await fetch("/api/telemetry", { method: "DELETE" });
      toast(response.ok ? "Telemetry cleared" : `Clear failed (${response.status})`);
    });
  }

  async function json(url, options) {
    const response = await fetch(url, options);
    if (response.status === 401) { location.href = "/login?returnUrl=" + encodeURIComponent(location.pathname + location.search); throw new Error("unauthorised"); }
    if (!response.ok) {
      const error = new Error(`HTTP ${response.status}`);
      error.status = response.status;
      try { error.problem = await response.json(); } catch { /* body is optional */ }
      throw error;
    }
    return response.status === 204 ? null : response.json();
  }

  // The data the server inlined into the page (see InitialData.cs), handed out once: later refreshes fetch.
  let initialData, initialTaken = false;
  function readInitial() {
    if (initialData === undefined) {
      const el = document.getElementById("initial-data");
      initialData = el ? JSON.parse(el.textContent) : null;
    }
    return initialData;
  }
  function takeInitial() {
    if (initialTaken) return null;
    initialTaken = true;
    return readInitial();
  }

  // Calls refresh() now and whenever telemetry changes; refreshes never overlap. A "changed" event carrying the
  // version the inlined data was read at is skipped: the page already shows that state.
  function live(refresh) {
    let running = false, again = false, shownVersion = null;
    const run = async () => {
      if (running) { again = true; return; }
      running = true;
      try { await refresh(); } catch (e) { console.warn(e); }
      running = false;
      if (again) { again = false; run(); }
    };
    const source = new EventSource("/api/telemetry/changes");
    source.addEventListener("changed", e => {
      const skip = shownVersion !== null && String(shownVersion) === e.data;
      shownVersion = null;
      if (!skip) run();
    });
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    shownVersion = readInitial()?.version ?? null;
    run();
    return run;
  }

  let liveState = null;
  function setLive(on) {
    liveState = on;
    const dot = document.getElementById("live-dot"), text = document.getElementById("live-text");
    if (dot) dot.className = "live-dot" + (on ? "" : " off");
    if (text) text.textContent = on ? "live" : "reconnecting";
  }

  function esc(value) {
    return String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function time(value) {
    const d = typeof value === "number" ? new Date(value) : new Date(value);
    return d.toLocaleTimeString(undefined, { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
  }

  function nanosToDate(nanos) { return new Date(nanos / 1e6); }

  function duration(ms) {
    if (ms < 1) return `${(ms * 1000).toFixed(0)}μs`;
    if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)}ms`;
    return `${(ms / 1000).toFixed(2)}s`;
  }

  const palette = ["#8f7bff", "#4ec98a", "#f2c14e", "#5db0ff", "#ff8fa3", "#6ee0d5", "#ffb26b", "#c3a6ff", "#9be564", "#f78fb3"];
  function colour(name) {
    let h = 0;
    for (const c of String(name)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return palette[h % palette.length];
  }

  function chip(service) { return `<span class="chip" style="background:${colour(service)}">${esc(service)}</span>`; }

  function kv(attributes) {
    if (!attributes || attributes.length === 0) return `<div class="muted">none</div>`;
    return `<div class="kv">` + attributes.map(a => `<div class="muted">${esc(a.key)}</div><div class="mono">${esc(a.value)}</div>`).join("") + `</div>`;
  }

  function toast(message) {
    const el = document.createElement("div");
    el.className = "toast";
    el.dataset.testid = "toast";
    el.textContent = message;
    document.body.appendChild(el);
    setTimeout(() => el.remove(), 3000);
  }

  // ANSI SGR (colours, bold, underline) to HTML; other escape sequences are dropped.
  const ansiColours = ["#4d4d4d", "#ff6b6b", "#4ec98a", "#f2c14e", "#5db0ff", "#d18cff", "#56d6d6", "#e4e4ef"];
  const ansiBright = ["#808080", "#ff8f8f", "#7fe3ad", "#ffd97a", "#8cc8ff", "#e3b3ff", "#8ff0f0", "#ffffff"];
  function ansiToHtml(text) {
    let out = "", style = {}, last = 0;
    const re = /\x1b\[([0-9;]*)([A-Za-z])/g;
    let m;
    const open = () => {
      const css = [];
      if (style.fg) css.push(`color:${style.fg}`);
      if (style.bg) css.push(`background:${style.bg}`);
      if (style.bold) css.push("font-weight:bold");
      if (style.underline) css.push("text-decoration:underline");
      return css.length ? `<span style="${css.join(";")}">` : "<span>";
    };
    out += open();
    while ((m = re.exec(text)) !== null) {
      out += esc(text.slice(last, m.index)) + "</span>";
      last = re.lastIndex;
      if (m[2] === "m") {
        const codes = m[1] === "" ? [0] : m[1].split(";").map(Number);
        for (let i = 0; i < codes.length; i++) {
          const c = codes[i];
          if (c === 0) style = {};
          else if (c === 1) style.bold = true;
          else if (c === 4) style.underline = true;
          else if (c === 22) style.bold = false;
          else if (c === 24) style.underline = false;
          else if (c >= 30 && c <= 37) style.fg = ansiColours[c - 30];
          else if (c >= 90 && c <= 97) style.fg = ansiBright[c - 90];
          else if (c === 39) style.fg = undefined;
          else if (c >= 40 && c <= 47) style.bg = ansiColours[c - 40];
          else if (c >= 100 && c <= 107) style.bg = ansiBright[c - 100];
          else if (c === 49) style.bg = undefined;
          else if ((c === 38 || c === 48) && codes[i + 1] === 2) { const rgb = `rgb(${codes[i + 2]},${codes[i + 3]},${codes[i + 4]})`; if (c === 38) style.fg = rgb; else style.bg = rgb; i += 4; }
          else if ((c === 38 || c === 48) && codes[i + 1] === 5) { const n = codes[i + 2]; const col = n < 8 ? ansiColours[n] : n < 16 ? ansiBright[n - 8] : undefined; if (c === 38) style.fg = col; else style.bg = col; i += 2; }
        }
      }
      out += open();
    }
    return out + esc(text.slice(last)) + "</span>";
  }

  function param(name) { return new URLSearchParams(location.search).get(name) || ""; }

  function setParams(values) {
    const params = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(values)) { if (v) params.set(k, v); else params.delete(k); }
    const query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  async function fillServices(select, selected, known) {
    const resources = known ?? await json("/api/telemetry/resources");
    const services = [...new Set(resources.map(r => r.service))].sort();
    const current = selected ?? select.value;
    select.innerHTML = `<option value="">All resources</option>` + services.map(s => `<option ${s === current ? "selected" : ""}>${esc(s)}</option>`).join("");
    return services;
  }

  document.addEventListener("DOMContentLoaded", renderNav);
  return { json, live, takeInitial, esc, time, nanosToDate, duration, colour, chip, kv, toast, ansiToHtml, param, setParams, fillServices, setLive };
})();

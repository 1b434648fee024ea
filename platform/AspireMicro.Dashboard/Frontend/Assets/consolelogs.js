"use strict";
(() => {
  const maxLines = 10000;
  const select = document.getElementById("resource"), search = document.getElementById("search"), follow = document.getElementById("follow");
  const timestamps = document.getElementById("timestamps"), consoleEl = document.getElementById("console"), status = document.getElementById("status");
  let source = null, lines = [];

  function lineHtml(l) {
    let html = Dash.ansiToHtml(l.text);
    const term = search.value.trim();
    if (term) {
      // Highlight outside tags only.
      const re = new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
      html = html.replace(/(^|>)([^<]*)/g, (m, a, t) => a + t.replace(re, x => `<mark>${x}</mark>`));
    }
    return `<div class="line ${l.stream}" data-testid="console-line"><span class="n">${l.lineNumber}</span>${timestamps.checked ? `<span class="ts">${Dash.time(l.timestamp)}</span>` : ""}<span class="txt">${html}</span></div>`;
  }

  function visible(l) { const term = search.value.trim().toLowerCase(); return !term || l.text.toLowerCase().includes(term); }

  function renderAll() {
    consoleEl.innerHTML = lines.filter(visible).map(lineHtml).join("");
    if (follow.checked) consoleEl.scrollTop = consoleEl.scrollHeight;
  }

  function connect(name) {
    if (source) source.close();
    lines = [];
    consoleEl.innerHTML = "";
    if (!name) return;
    Dash.setParams({ resource: name });
    source = new EventSource(`/api/resources/${encodeURIComponent(name)}/logs`);
    source.addEventListener("log", e => {
      const l = JSON.parse(e.data);
      // A reconnect replays the backlog; skip lines we already have.
      if (lines.length && l.lineNumber <= lines[lines.length - 1].lineNumber) return;
      lines.push(l);
      if (lines.length > maxLines) { lines.splice(0, lines.length - maxLines); consoleEl.firstChild?.remove(); }
      if (visible(l)) consoleEl.insertAdjacentHTML("beforeend", lineHtml(l));
      if (follow.checked) consoleEl.scrollTop = consoleEl.scrollHeight;
    });
    source.onopen = () => { status.textContent = "Streaming"; Dash.setLive(true); };
    source.onerror = () => { status.textContent = "Disconnected, retrying…"; Dash.setLive(false); };
  }

  async function start() {
    const info = await Dash.json("/api/resources/status");
    if (!info.configured) {
      consoleEl.innerHTML = `<div class="notice" data-testid="no-resource-service">No resource service is configured: console logs come from the AppHost.</div>`;
      return;
    }
    const list = await Dash.json("/api/resources");
    const wanted = Dash.param("resource") || list[0]?.name || "";
    select.innerHTML = list.map(r => `<option value="${Dash.esc(r.name)}" ${r.name === wanted ? "selected" : ""}>${Dash.esc(r.name)}</option>`).join("");
    connect(select.value);
  }

  select.addEventListener("change", () => connect(select.value));
  search.addEventListener("input", renderAll);
  timestamps.addEventListener("change", renderAll);
  consoleEl.addEventListener("scroll", () => {
    // Scrolling up pauses follow mode, like a terminal.
    const atBottom = consoleEl.scrollHeight - consoleEl.scrollTop - consoleEl.clientHeight < 20;
    if (!atBottom && follow.checked) follow.checked = false;
  });
  follow.addEventListener("change", () => { if (follow.checked) consoleEl.scrollTop = consoleEl.scrollHeight; });
  start();
})();

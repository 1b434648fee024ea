"use strict";
(() => {
  const traceId = location.pathname.split("/").pop();
  let spans = [], selected = Dash.param("span");
  const kindIcon = { Server: "⇥", Client: "↦", Producer: "✉→", Consumer: "→✉", Internal: "·" };

  // Depth-first order so children sit under their parent; spans whose parent is missing become roots.
  function ordered(list) {
    const byParent = new Map(), ids = new Set(list.map(s => s.spanId));
    for (const s of list) {
      const key = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : "";
      if (!byParent.has(key)) byParent.set(key, []);
      byParent.get(key).push(s);
    }
    const out = [];
    const visit = (parent, depth) => {
      for (const s of (byParent.get(parent) || []).sort((a, b) => a.startTimeUnixNano - b.startTimeUnixNano)) {
        out.push({ span: s, depth });
        visit(s.spanId, depth + 1);
      }
    };
    visit("", 0);
    return out;
  }

  async function refresh() {
    // First render: the server inlined this trace (TracePages.cs); live refreshes fetch it again.
    let detail = Dash.takeInitial()?.trace;
    try { detail ??= await Dash.json(`/api/telemetry/traces/${traceId}`); }
    catch (e) { document.getElementById("title").textContent = e.status === 404 ? "Trace not found (it may have been evicted or cleared)" : "Trace could not be loaded"; return; }
    spans = detail.spans;
    const start = Math.min(...spans.map(s => s.startTimeUnixNano)), end = Math.max(...spans.map(s => s.endTimeUnixNano));
    const total = Math.max(1, end - start);
    const services = [...new Set(spans.map(s => s.service))];
    const rows = ordered(spans);
    const root = rows[0]?.span;
    document.getElementById("title").textContent = root ? `${root.service}: ${root.name}` : traceId;
    document.getElementById("summary").innerHTML =
      `<span class="mono">${traceId}</span> · started ${Dash.time(start / 1e6)} · duration ${Dash.duration(total / 1e6)} · ` +
      `<span data-testid="trace-span-total">${spans.length}</span> spans · ${services.map(Dash.chip).join("")}` +
      ` · <a href="/structuredlogs?traceId=${traceId}" data-testid="trace-logs-link">View logs</a>`;
    document.getElementById("scale").textContent = `0 — ${Dash.duration(total / 1e6)}`;
    document.getElementById("rows").innerHTML = rows.map(({ span: s, depth }) => {
      const left = 100 * (s.startTimeUnixNano - start) / total, width = Math.max(0.3, 100 * (s.endTimeUnixNano - s.startTimeUnixNano) / total);
      const ms = (s.endTimeUnixNano - s.startTimeUnixNano) / 1e6;
      const error = s.status === "Error";
      return `<tr class="clickable ${s.spanId === selected ? "selected" : ""}" data-testid="span-row" data-span-id="${s.spanId}" data-service="${Dash.esc(s.service)}">
        <td class="name-cell" style="padding-left:${0.5 + depth * 1.1}rem" title="${Dash.esc(s.name)}">
          <span class="chip" style="background:${Dash.colour(s.service)}">${Dash.esc(s.service)}</span>
          <span class="muted">${kindIcon[s.kind] || ""}</span> <span class="${error ? "error" : ""}">${Dash.esc(s.name)}</span>${error ? " ⚠" : ""}</td>
        <td class="bar-cell"><div class="bar" style="left:${left}%;width:${width}%;background:${error ? "var(--err)" : Dash.colour(s.service)}"></div>
          <span class="bar-label" style="left:${Math.min(left + width, 88)}%;padding-left:4px">${Dash.duration(ms)}</span></td></tr>`;
    }).join("");
    if (selected) select(selected);
  }

  // One listener for every row (rows are rebuilt on each refresh; 500 listeners each time cost more than the rows).
  document.getElementById("rows").addEventListener("click", e => {
    const tr = e.target.closest("tr[data-span-id]");
    if (tr) select(tr.dataset.spanId);
  });

  function select(spanId) {
    selected = spanId;
    Dash.setParams({ span: spanId });
    for (const tr of document.querySelectorAll("#rows tr")) tr.classList.toggle("selected", tr.dataset.spanId === spanId);
    const s = spans.find(x => x.spanId === spanId);
    if (!s) return;
    const exceptions = s.events.filter(e => e.name === "exception");
    const others = s.events.filter(e => e.name !== "exception");
    const attr = (e, k) => (e.attributes.find(a => a.key === k) || {}).value || "";
    document.getElementById("detail").innerHTML = `
      <h3 style="margin-top:0">${Dash.esc(s.name)}</h3>
      <div class="kv">
        <div class="muted">Resource</div><div>${Dash.chip(s.service)} <span class="muted">${Dash.esc(s.instance)}</span></div>
        <div class="muted">Kind</div><div>${s.kind}</div>
        <div class="muted">Status</div><div class="${s.status === "Error" ? "error" : ""}" data-testid="span-status">${s.status}${s.statusMessage ? ": " + Dash.esc(s.statusMessage) : ""}</div>
        <div class="muted">Duration</div><div>${Dash.duration((s.endTimeUnixNano - s.startTimeUnixNano) / 1e6)}</div>
        <div class="muted">Span id</div><div class="mono">${s.spanId}</div>
        <div class="muted">Parent</div><div class="mono">${s.parentSpanId || "—"}</div>
        <div class="muted">Scope</div><div>${Dash.esc(s.scope)}</div>
      </div>
      <h4>Attributes</h4>${Dash.kv(s.attributes)}
      ${exceptions.length ? `<h4 class="error">Exceptions</h4>` + exceptions.map(e => `<div class="details" data-testid="span-exception">
        <div class="error">${Dash.esc(attr(e, "exception.type"))}: ${Dash.esc(attr(e, "exception.message"))}</div>
        <pre class="mono" style="white-space:pre-wrap">${Dash.esc(attr(e, "exception.stacktrace"))}</pre></div>`).join("") : ""}
      <h4>Events (${others.length})</h4>${others.map(e => `<div class="details"><div>${Dash.time(e.timeUnixNano / 1e6)} <b>${Dash.esc(e.name)}</b></div>${Dash.kv(e.attributes)}</div>`).join("") || `<div class="muted">none</div>`}
      <h4>Links (${s.links.length})</h4>${s.links.map(l => `<div><a class="mono" href="/traces/${l.traceId}?span=${l.spanId}">${l.traceId.slice(0, 12)}…/${l.spanId}</a></div>`).join("") || `<div class="muted">none</div>`}`;
  }

  Dash.live(refresh);
})();

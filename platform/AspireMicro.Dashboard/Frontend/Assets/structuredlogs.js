"use strict";
(() => {
  const pageSize = 100;
  let skip = 0, items = [], selectedSeq = null, traceId = Dash.param("traceId");
  const service = document.getElementById("service"), level = document.getElementById("level");
  const search = document.getElementById("search"), attribute = document.getElementById("attribute");
  level.value = Dash.param("level");
  search.value = Dash.param("search");
  attribute.value = Dash.param("attribute");

  function renderTraceFilter() {
    document.getElementById("trace-filter").innerHTML = traceId
      ? `<span class="badge">trace ${traceId.slice(0, 8)}… <a href="#" id="clear-trace" data-testid="logs-clear-trace">×</a></span>` : "";
    const clear = document.getElementById("clear-trace");
    if (clear) clear.addEventListener("click", e => { e.preventDefault(); traceId = ""; changed(); });
  }

  async function refresh() {
    await Dash.fillServices(service, service.value || Dash.param("resource"));
    const query = new URLSearchParams({ skip, take: pageSize, service: service.value, level: level.value, search: search.value, attribute: attribute.value, traceId });
    let page;
    try { page = await Dash.json("/api/telemetry/logs?" + query); }
    catch (e) {
      const errors = e.problem?.errors ? Object.entries(e.problem.errors).map(([k, v]) => `${k}: ${v.join(" ")}`).join("; ") : e.message;
      document.getElementById("rows").innerHTML = `<tr><td colspan="5" class="error">${Dash.esc(errors)}</td></tr>`;
      return;
    }
    items = page.items;
    document.getElementById("rows").innerHTML = items.map(l => `
      <tr class="clickable ${l.seq === selectedSeq ? "selected" : ""}" data-testid="log-row" data-seq="${l.seq}">
        <td class="mono">${Dash.time(l.timeUnixNano / 1e6)}</td>
        <td><span class="badge level-${l.level}">${l.level}</span></td>
        <td>${Dash.chip(l.service)}</td>
        <td class="mono" data-testid="log-message">${Dash.esc(l.message)}</td>
        <td>${l.traceId ? `<a class="mono" data-testid="log-trace-link" href="/traces/${l.traceId}${l.spanId ? "?span=" + l.spanId : ""}">${l.traceId.slice(0, 7)}</a>` : ""}</td>
      </tr>`).join("") || `<tr><td colspan="5" class="muted">No log records match.</td></tr>`;
    for (const tr of document.querySelectorAll("#rows tr[data-seq]")) {
      tr.addEventListener("click", e => { if (e.target.tagName !== "A") select(Number(tr.dataset.seq)); });
    }
    document.getElementById("total").textContent = `${page.total} records`;
    document.getElementById("page").textContent = page.total ? `${skip + 1}–${Math.min(skip + pageSize, page.total)} of ${page.total}` : "";
    document.getElementById("prev").disabled = skip === 0;
    document.getElementById("next").disabled = skip + pageSize >= page.total;
  }

  function select(seq) {
    selectedSeq = seq;
    const l = items.find(x => x.seq === seq);
    for (const tr of document.querySelectorAll("#rows tr")) tr.classList.toggle("selected", Number(tr.dataset.seq) === seq);
    const panel = document.getElementById("detail");
    if (!l) { panel.hidden = true; return; }
    panel.hidden = false;
    panel.innerHTML = `<h3 style="margin-top:0">Log entry</h3>
      <div class="kv">
        <div class="muted">Time</div><div>${Dash.nanosToDate(l.timeUnixNano).toISOString()}</div>
        <div class="muted">Level</div><div class="level-${l.level}">${l.level}</div>
        <div class="muted">Resource</div><div>${Dash.esc(l.service)} <span class="muted">${Dash.esc(l.instance)}</span></div>
        <div class="muted">Category</div><div>${Dash.esc(l.scope)}</div>
        <div class="muted">Trace</div><div class="mono">${l.traceId ? `<a href="/traces/${l.traceId}">${l.traceId}</a>` : "—"}</div>
        <div class="muted">Span</div><div class="mono">${l.spanId || "—"}</div>
      </div>
      <h4>Message</h4><div class="mono" style="white-space:pre-wrap">${Dash.esc(l.message)}</div>
      <h4>Attributes</h4>${Dash.kv(l.attributes)}`;
  }

  const run = Dash.live(refresh);
  function changed() {
    skip = 0;
    Dash.setParams({ resource: service.value, level: level.value, search: search.value, attribute: attribute.value, traceId });
    renderTraceFilter();
    run();
  }
  renderTraceFilter();
  service.addEventListener("change", changed);
  level.addEventListener("change", changed);
  let timer;
  for (const input of [search, attribute]) input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(changed, 250); });
  document.getElementById("prev").addEventListener("click", () => { skip = Math.max(0, skip - pageSize); run(); });
  document.getElementById("next").addEventListener("click", () => { skip += pageSize; run(); });
})();

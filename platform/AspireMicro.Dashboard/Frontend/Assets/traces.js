"use strict";
(() => {
  const pageSize = 50;
  let skip = 0;
  const service = document.getElementById("service"), search = document.getElementById("search"), errors = document.getElementById("errors");
  service.value = Dash.param("resource");
  search.value = Dash.param("search");

  async function refresh() {
    // First render: the server inlined the resources and the first page for this URL's filters (TracePages.cs).
    const initial = Dash.takeInitial();
    await Dash.fillServices(service, service.value || Dash.param("resource"), initial?.resources);
    const query = new URLSearchParams({ skip, take: pageSize, service: service.value, search: search.value, errorsOnly: errors.checked });
    const page = initial?.traces ?? await Dash.json("/api/telemetry/traces?" + query);
    const longest = Math.max(1, ...page.items.map(t => t.durationMs));
    document.getElementById("rows").innerHTML = page.items.map(t => `
      <tr class="clickable" data-testid="trace-row" data-trace-id="${t.traceId}" onclick="location.href='/traces/${t.traceId}'">
        <td class="mono">${Dash.time(t.start)}</td>
        <td><a href="/traces/${t.traceId}" data-testid="trace-link">${Dash.esc(t.rootService)}: ${Dash.esc(t.name)}</a> <span class="muted mono">${t.traceId.slice(0, 7)}</span></td>
        <td data-testid="trace-span-count">${t.spanCount}</td>
        <td>${t.services.map(Dash.chip).join("")}</td>
        <td><div style="background:${Dash.colour(t.rootService)};height:6px;width:${Math.max(2, 120 * t.durationMs / longest)}px;border-radius:2px"></div>${Dash.duration(t.durationMs)}</td>
        <td class="${t.errorCount ? "error" : "muted"}">${t.errorCount || ""}</td>
      </tr>`).join("") || `<tr><td colspan="6" class="muted">No traces yet.</td></tr>`;
    document.getElementById("total").textContent = `${page.total} traces`;
    document.getElementById("page").textContent = page.total ? `${skip + 1}–${Math.min(skip + pageSize, page.total)} of ${page.total}` : "";
    document.getElementById("prev").disabled = skip === 0;
    document.getElementById("next").disabled = skip + pageSize >= page.total;
  }

  const run = Dash.live(refresh);
  const changed = () => { skip = 0; Dash.setParams({ resource: service.value, search: search.value }); run(); };
  service.addEventListener("change", changed);
  errors.addEventListener("change", changed);
  let timer;
  search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(changed, 250); });
  document.getElementById("prev").addEventListener("click", () => { skip = Math.max(0, skip - pageSize); run(); });
  document.getElementById("next").addEventListener("click", () => { skip += pageSize; run(); });
})();

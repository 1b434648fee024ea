"use strict";
(() => {
  const resources = new Map(), expanded = new Set(), revealed = new Set();
  const filter = document.getElementById("filter"), status = document.getElementById("status");
  const transitional = ["Starting", "Stopping", "Waiting"];

  function canStart(r) { return ["Exited", "FailedToStart", "NotStarted"].includes(r.state); }
  function canStop(r) { return ["Running", "Starting", "Waiting"].includes(r.state); }

  function render() {
    const text = filter.value.toLowerCase();
    const list = [...resources.values()].filter(r => !text || r.name.toLowerCase().includes(text) || (r.displayName || "").toLowerCase().includes(text))
      .sort((a, b) => (a.displayName || a.name).localeCompare(b.displayName || b.name) || (a.replicaIndex ?? 0) - (b.replicaIndex ?? 0));
    document.getElementById("rows").innerHTML = list.map(r => {
      const id = Dash.esc(r.name);
      const replica = r.replicaCount > 1 ? ` <span class="muted">replica ${r.replicaIndex + 1}/${r.replicaCount}</span>` : "";
      const exit = r.exitCode !== null && r.exitCode !== undefined ? ` <span class="muted">(exit ${r.exitCode})</span>` : "";
      const endpoints = (r.endpoints || []).map(e => `<a href="${Dash.esc(e.url)}" target="_blank" rel="noopener" data-testid="resource-endpoint-${id}">${Dash.esc(e.url)}</a>`).join("<br>") || `<span class="muted">—</span>`;
      const env = expanded.has(r.name) ? `<tr data-testid="resource-env-${id}"><td colspan="7" class="details">
          <b>Environment</b>${r.waitsFor?.length ? ` <span class="muted">· waits for ${r.waitsFor.map(Dash.esc).join(", ")}</span>` : ""}${r.pid ? ` <span class="muted">· pid ${r.pid}</span>` : ""}
          <div class="kv" style="margin-top:.4rem">${(r.environment || []).map(v => {
            const key = r.name + "|" + v.name, show = !v.isSecret || revealed.has(key);
            return `<div class="muted">${Dash.esc(v.name)}</div><div class="mono">${show ? Dash.esc(v.value) : "••••••••"} ${v.isSecret ? `<button data-reveal="${Dash.esc(key)}" data-testid="reveal-${id}-${Dash.esc(v.name)}">${show ? "Hide" : "Show"}</button>` : ""}</div>`;
          }).join("")}</div></td></tr>` : "";
      return `<tr data-testid="resource-row-${id}" data-name="${id}">
        <td><b>${Dash.esc(r.displayName || r.name)}</b>${replica}<div class="muted mono">${id}</div></td>
        <td>${Dash.esc(r.resourceType)}</td>
        <td><span class="badge state-${r.state}" data-testid="resource-state-${id}">${r.state}</span>${exit}</td>
        <td><span class="badge health-${r.health}" data-testid="resource-health-${id}" title="${Dash.esc(r.healthDescription || "")}">${r.health}</span></td>
        <td class="mono">${r.startedAt ? Dash.time(r.startedAt) : "—"}</td>
        <td>${endpoints}</td>
        <td style="white-space:nowrap">
          <button data-cmd="stop" data-name="${id}" data-testid="resource-stop-${id}" ${canStop(r) ? "" : "disabled"}>Stop</button>
          <button data-cmd="start" data-name="${id}" data-testid="resource-start-${id}" ${canStart(r) ? "" : "disabled"}>Start</button>
          <button data-cmd="restart" data-name="${id}" data-testid="resource-restart-${id}" ${transitional.includes(r.state) ? "disabled" : ""}>Restart</button>
          <a href="/consolelogs?resource=${encodeURIComponent(r.name)}" data-testid="resource-logs-${id}">Logs</a>
          <button data-env="${id}" data-testid="resource-env-toggle-${id}">Env</button>
        </td></tr>${env}`;
    }).join("") || `<tr><td colspan="7" class="muted">No resources.</td></tr>`;
  }

  document.getElementById("rows").addEventListener("click", async e => {
    const button = e.target.closest("button");
    if (!button) return;
    if (button.dataset.env) { expanded.has(button.dataset.env) ? expanded.delete(button.dataset.env) : expanded.add(button.dataset.env); render(); return; }
    if (button.dataset.reveal) { revealed.has(button.dataset.reveal) ? revealed.delete(button.dataset.reveal) : revealed.add(button.dataset.reveal); render(); return; }
    if (button.dataset.cmd) {
      button.disabled = true;
      const response = await fetch(`/api/resources/${encodeURIComponent(button.dataset.name)}/commands/${button.dataset.cmd}`, { method: "POST" });
      Dash.toast(response.status === 202 ? `${button.dataset.cmd} sent to ${button.dataset.name}` :
        response.status === 409 ? `${button.dataset.cmd} does not apply to ${button.dataset.name} right now` : `${button.dataset.cmd} failed (${response.status})`);
    }
  });
  filter.addEventListener("input", render);

  async function start() {
    const info = await Dash.json("/api/resources/status");
    if (!info.configured) {
      document.getElementById("content").innerHTML = `<div class="notice" data-testid="no-resource-service">
        No resource service is configured: this dashboard runs standalone, so it only shows telemetry.
        Start it from the AppHost (or set DOTNET_RESOURCE_SERVICE_ENDPOINT_URL) to manage resources here.</div>`;
      status.textContent = "";
      Dash.setLive(true);
      return;
    }
    const source = new EventSource("/api/resources/watch");
    source.addEventListener("snapshot", e => {
      const r = JSON.parse(e.data);
      const known = resources.get(r.name);
      if (!known || (r.version ?? 0) >= (known.version ?? 0)) resources.set(r.name, r);
      render();
    });
    // This page's only stream is the resource watch (browsers allow few connections per host, so no second one).
    source.onopen = () => { status.textContent = "Connected to the AppHost"; Dash.setLive(true); };
    source.onerror = () => { status.textContent = "Resource service unavailable, retrying…"; Dash.setLive(false); };
  }
  start();
})();

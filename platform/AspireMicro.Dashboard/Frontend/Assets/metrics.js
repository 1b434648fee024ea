"use strict";
(() => {
  const service = document.getElementById("service"), windowSelect = document.getElementById("window"), seriesSelect = document.getElementById("series");
  let instrument = Dash.param("instrument");

  async function refresh() {
    const resources = await Dash.json("/api/telemetry/resources");
    const services = [...new Set(resources.map(r => r.service))].sort();
    const current = service.value || Dash.param("resource") || services[0] || "";
    service.innerHTML = services.map(s => `<option ${s === current ? "selected" : ""}>${Dash.esc(s)}</option>`).join("") || `<option value="">No resources yet</option>`;
    if (!service.value) { document.getElementById("instruments").innerHTML = `<div class="muted">No metrics received yet.</div>`; return; }
    const instruments = await Dash.json("/api/telemetry/metrics/instruments?service=" + encodeURIComponent(service.value));
    if (!instruments.some(i => i.name === instrument)) instrument = instruments[0]?.name || "";
    let meter = null;
    document.getElementById("instruments").innerHTML = instruments.map(i => {
      const header = i.meter !== meter ? `<div class="muted" style="cursor:default;font-size:12px">${Dash.esc(i.meter || "(no meter)")}</div>` : "";
      meter = i.meter;
      return header + `<div data-testid="metrics-instrument" data-name="${Dash.esc(i.name)}" class="${i.name === instrument ? "selected" : ""}">${Dash.esc(i.name)} <span class="muted">${i.type}</span></div>`;
    }).join("");
    for (const el of document.querySelectorAll("#instruments div[data-name]")) el.addEventListener("click", () => { instrument = el.dataset.name; seriesSelect.value = ""; Dash.setParams({ resource: service.value, instrument }); refresh(); });
    if (instrument) await drawChart();
  }

  async function drawChart() {
    const query = new URLSearchParams({ service: service.value, instrument, minutes: windowSelect.value, series: seriesSelect.value });
    let chart;
    try { chart = await Dash.json("/api/telemetry/metrics/chart?" + query); } catch { return; }
    const i = chart.instrument;
    document.getElementById("chart-title").textContent = `${i.name}${i.unit ? ` (${i.unit})` : ""}`;
    document.getElementById("chart-description").textContent = `${i.type}${i.description ? " · " + i.description : ""}${i.type === "histogram" ? " · percentiles per interval" : ""}`;
    const keep = seriesSelect.value;
    seriesSelect.innerHTML = `<option value="">All series</option>` + chart.seriesKeys.filter(k => k).map(k => `<option ${k === keep ? "selected" : ""}>${Dash.esc(k)}</option>`).join("");
    render(chart.series, i.unit);
  }

  function render(series, unit) {
    const W = 900, H = 360, L = 70, R = 20, T = 15, B = 30;
    const now = Date.now(), from = now - Number(windowSelect.value) * 60000;
    const all = series.flatMap(s => s.points);
    const chartEl = document.getElementById("chart");
    if (all.length === 0) { chartEl.innerHTML = `<div class="notice">No data points in this window yet.</div>`; document.getElementById("legend").innerHTML = ""; return; }
    let min = Math.min(0, ...all.map(p => p[1])), max = Math.max(...all.map(p => p[1]));
    if (max === min) max = min + 1;
    const x = t => L + (W - L - R) * (t - from) / (now - from), y = v => H - B - (H - T - B) * (v - min) / (max - min);
    const fmt = v => Math.abs(v) >= 1000 ? v.toExponential(2) : +v.toFixed(3);
    let svg = `<svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none">`;
    for (let k = 0; k <= 4; k++) {
      const v = min + (max - min) * k / 4;
      svg += `<line class="axis" x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${fmt(v)}</text>`;
    }
    for (let k = 0; k <= 4; k++) {
      const t = from + (now - from) * k / 4;
      svg += `<text x="${x(t)}" y="${H - 8}" text-anchor="middle">${new Date(t).toLocaleTimeString(undefined, { hour12: false })}</text>`;
    }
    const legend = [];
    series.slice(0, 12).forEach((s, index) => {
      const colour = ["#8f7bff", "#4ec98a", "#f2c14e", "#5db0ff", "#ff8fa3", "#6ee0d5"][index % 6];
      const pts = s.points.filter(p => p[0] >= from).map(p => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`);
      if (pts.length === 1) svg += `<circle cx="${pts[0].split(",")[0]}" cy="${pts[0].split(",")[1]}" r="3" fill="${colour}"/>`;
      svg += `<polyline data-testid="metrics-line" fill="none" stroke="${colour}" stroke-width="2" points="${pts.join(" ")}"/>`;
      const lastValue = s.points.length ? s.points[s.points.length - 1][1] : 0;
      legend.push(`<span><span style="color:${colour}">■</span> ${Dash.esc(s.name || "value")}: <b data-testid="metrics-last-value">${fmt(lastValue)}</b>${unit ? " " + Dash.esc(unit) : ""}</span>`);
    });
    chartEl.innerHTML = svg + `</svg>`;
    document.getElementById("legend").innerHTML = legend.join("");
  }

  const run = Dash.live(refresh);
  // The time axis slides even when nothing new arrives.
  setInterval(() => { if (instrument) drawChart(); }, 5000);
  service.addEventListener("change", () => { instrument = ""; Dash.setParams({ resource: service.value }); run(); });
  windowSelect.addEventListener("change", () => drawChart());
  seriesSelect.addEventListener("change", () => drawChart());
})();

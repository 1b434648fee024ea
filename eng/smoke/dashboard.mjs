// The Aspire dashboard in Debian's chromium (never a downloaded browser): log in with the AppHost's login URL,
// read the resources page and the order's trace, save a screenshot of each. Prints what it saw; exit 1 when a
// resource is not Running and Healthy, or the trace spans fewer than 6 services.
// Usage: node dashboard.mjs LOGIN_URL TRACE_ID OUT_DIR   (playwright-core is installed by smoke.sh)
import { execSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const [login, traceId, out] = process.argv.slice(2);
const require = createRequire(process.env.PLAYWRIGHT_CORE_DIR + "/");
const { chromium } = require("playwright-core");
const executablePath = execSync("command -v chromium", { shell: "/bin/sh" }).toString().trim();
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(login);
  const base = new URL(login).origin;
  await page.goto(base + "/");
  await page.waitForSelector("text=postgres", { timeout: 60000 });
  // The grid renders over SignalR: wait until no row is still starting.
  await page.waitForFunction(() => !/Starting|Waiting|Not started/.test(document.body.innerText), null, { timeout: 60000 });
  await page.screenshot({ path: path.join(out, "dashboard-resources.png"), fullPage: true });
  const rows = await page.$$eval("[role=row]", rs => rs.map(r => r.innerText.replace(/\s+/g, " ").trim()).filter(t => t));
  const resources = rows.slice(1);
  const running = resources.filter(r => /Running/.test(r));
  const unhealthy = resources.filter(r => /Unhealthy|Degraded|Exited|Failed/.test(r));
  console.log(`dashboard resources page: ${resources.length} rows, ${running.length} Running, ${unhealthy.length} unhealthy or stopped`);
  for (const r of resources) console.log(`  ${r.slice(0, 140)}`);
  failed ||= unhealthy.length > 0 || running.length < resources.length;

  await page.goto(`${base}/traces/detail/${traceId}`);
  await page.waitForSelector("text=gateway", { timeout: 60000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(out, "dashboard-trace.png"), fullPage: true });
  const text = await page.evaluate(() => document.body.innerText);
  const services = ["gateway", "basket", "catalog", "ordering", "payment", "analytics"].filter(s => text.includes(s));
  console.log(`dashboard trace ${traceId}: services shown ${services.length} (${services.join(", ")})`);
  failed ||= services.length < 6;
  console.log(`screenshots: ${path.join(out, "dashboard-resources.png")}, ${path.join(out, "dashboard-trace.png")}`);
} catch (error) {
  console.log(`dashboard check failed: ${error.message.split("\n")[0]}`);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

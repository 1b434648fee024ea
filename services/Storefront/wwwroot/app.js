// Storefront: plain JS against the same-origin /api proxy (which forwards to the gateway).
// The storefront's server signs the shopper in (OpenID Connect) and keeps the tokens in its HttpOnly session cookie;
// this script never sees one. The basket and orders are the signed-in shopper's own.
// Every panel fails on its own: a dead catalog or analytics shows a message, the rest keeps working.
"use strict";

const pageSize = 12;
const state = { pageIndex: 0, query: "", count: 0, orderStream: null, signedIn: false };
const $ = (id) => document.getElementById(id);
const money = (value) => Number(value).toFixed(2);

// Turns any failure (network error, ProblemDetails, empty 5xx) into one readable sentence.
async function api(path, options = {}) {
  let response;
  try {
    // X-Storefront: the proxy puts the session's token only on unsafe calls this page's own script makes.
    response = await fetch(path, { headers: { "Content-Type": "application/json", "X-Storefront": "1" }, ...options });
  } catch {
    throw new Error("network");
  }
  const text = await response.text();
  const body = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = new Error(response.status === 401 ? "please sign in" : describeProblem(body) || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return null; }
}

function describeProblem(problem) {
  if (!problem) return null;
  if (problem.errors) return Object.values(problem.errors).flat().join(" ");
  return problem.detail || problem.title || null;
}

function show(element, message) {
  element.textContent = message;
  element.hidden = !message;
}

// ---- catalog -------------------------------------------------------------------------------
async function loadCatalog() {
  const params = new URLSearchParams({ pageIndex: state.pageIndex, pageSize });
  if (state.query) params.set("q", state.query);
  const list = $("product-list");
  try {
    const page = await api(`/api/catalog/items?${params}`);
    show($("catalog-error"), "");
    state.count = page.count;
    list.replaceChildren(...page.data.map(renderProduct));
    $("catalog-empty").hidden = page.data.length > 0;
  } catch (error) {
    list.replaceChildren();
    state.count = 0;
    $("catalog-empty").hidden = true;
    show($("catalog-error"), error.status === 400
      ? `Search problem: ${error.message}`
      : "The catalog is unavailable right now. Please try again in a moment.");
  }
  renderPager();
}

function renderProduct(item) {
  const li = document.createElement("li");
  li.dataset.testid = "product-card";
  li.dataset.productId = item.id;
  li.innerHTML = `
    <span class="name" data-testid="product-name"></span>
    <span class="meta"></span>
    <span>Price: <strong data-testid="product-price"></strong></span>
    <span class="meta" data-testid="product-stock"></span>
    <button type="button" data-testid="add-to-basket">Add to basket</button>`;
  li.querySelector(".name").textContent = item.name;
  li.querySelector(".meta").textContent = `${item.brand} · ${item.category}`;
  li.querySelector("[data-testid=product-price]").textContent = money(item.price);
  li.querySelector("[data-testid=product-stock]").textContent = `${item.availableStock} in stock`;
  li.querySelector("button").addEventListener("click", () => addToBasket(item.id));
  return li;
}

function renderPager() {
  const pages = Math.max(1, Math.ceil(state.count / pageSize));
  $("page-info").textContent = `Page ${state.pageIndex + 1} of ${pages}`;
  $("prev-page").disabled = state.pageIndex === 0;
  $("next-page").disabled = state.pageIndex + 1 >= pages;
}

// ---- basket --------------------------------------------------------------------------------
async function loadBasket() {
  if (!state.signedIn) {
    renderBasket({ items: [] });
    show($("basket-error"), "Sign in to use the basket.");
    return;
  }
  try {
    renderBasket(await api("/api/basket"));
    show($("basket-error"), "");
  } catch (error) {
    show($("basket-error"), `The basket is unavailable right now (${error.message}).`);
  }
}

async function addToBasket(productId) {
  try {
    renderBasket(await api("/api/basket/items", {
      method: "POST",
      body: JSON.stringify({ productId, quantity: 1 }),
    }));
    show($("basket-error"), "");
  } catch (error) {
    show($("basket-error"), `Could not add the product: ${error.message}`);
  }
}

async function removeFromBasket(productId) {
  try {
    renderBasket(await api(`/api/basket/items/${productId}`, { method: "DELETE" }));
  } catch (error) {
    show($("basket-error"), `Could not remove the product: ${error.message}`);
  }
}

function renderBasket(basket) {
  const lines = basket?.items ?? [];
  $("basket-lines").replaceChildren(...lines.map((line) => {
    const li = document.createElement("li");
    li.dataset.testid = "basket-line";
    li.dataset.productId = line.productId;
    li.textContent = `${line.quantity} × ${line.productName} @ ${money(line.unitPrice)}`;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.dataset.testid = "remove-from-basket";
    remove.textContent = "Remove";
    remove.addEventListener("click", () => removeFromBasket(line.productId));
    li.append(remove);
    return li;
  }));
  $("basket-total").textContent = money(lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0));
  $("checkout-button").disabled = lines.length === 0;
}

async function checkout() {
  const button = $("checkout-button");
  button.disabled = true;
  try {
    const result = await api("/api/basket/checkout", { method: "POST" });
    show($("basket-error"), "");
    renderBasket({ items: [] });
    followOrder(result.orderId);
    loadCatalog();
  } catch (error) {
    show($("basket-error"), `Checkout failed: ${error.message}`);
    button.disabled = false;
  }
}

// ---- order status (SSE) --------------------------------------------------------------------
function followOrder(orderId) {
  $("order-panel").hidden = false;
  $("order-id").textContent = orderId;
  setOrderStatus({ status: "Submitted" });
  state.orderStream?.close();
  const stream = new EventSource(`/api/orders/${orderId}/events`);
  state.orderStream = stream;
  stream.addEventListener("status", (event) => {
    const update = safeJson(event.data);
    if (!update) return;
    setOrderStatus(update);
    if (update.status === "Paid" || update.status === "Cancelled") {
      stream.close();
      loadCatalog();
      loadMyOrders();
    }
  });
  // On error EventSource reconnects by itself; fall back to one poll so the status is never stale for long.
  stream.onerror = () => api(`/api/orders/${orderId}`).then(setOrderStatus).catch(() => {});
}

function setOrderStatus(update) {
  $("order-status").textContent = update.status;
  $("order-panel").dataset.status = update.status;
  show($("order-reason"), update.cancellationReason || "");
}

// ---- who is signed in, and their orders ---------------------------------------------------------
async function loadAccount() {
  try {
    const me = await api("/account/me");
    state.signedIn = !!me?.signedIn;
    $("sign-in").hidden = state.signedIn;
    $("signed-in").hidden = !state.signedIn;
    $("signed-in-user").textContent = me?.name ?? "";
  } catch {
    state.signedIn = false;
  }
}

async function loadMyOrders() {
  if (!state.signedIn) return;
  try {
    const orders = await api("/api/orders");
    $("my-orders-list").replaceChildren(...orders.map((order) => {
      const li = document.createElement("li");
      li.dataset.testid = "my-order";
      li.dataset.orderId = order.id;
      li.textContent = `${order.id}: ${order.status}, ${money(order.total)}`;
      return li;
    }));
    show($("my-orders-empty"), orders.length === 0 ? "No orders yet." : "");
  } catch (error) {
    show($("my-orders-empty"), `Your orders are unavailable right now (${error.message}).`);
  }
}

// ---- live sales (SSE) ----------------------------------------------------------------------
// EventSource gives up for good on a non-200 answer (e.g. the gateway's 503), and a hung analytics
// sends nothing at all, so the panel reconnects itself and treats a long silence as an outage.
const salesSilenceMs = 20000;
let salesWatchdog = null;

function followSales() {
  const stream = new EventSource("/api/analytics/stream");
  armSalesWatchdog(stream);
  stream.addEventListener("summary", (event) => {
    const summary = safeJson(event.data);
    if (!summary) return;
    armSalesWatchdog(stream);
    $("sales-error").hidden = true;
    $("sales-orders").textContent = summary.totalOrders;
    $("sales-revenue").textContent = money(summary.revenue);
    $("sales-last-minute").textContent = summary.ordersLastMinute;
    $("sales-top").replaceChildren(...(summary.topProducts ?? []).slice(0, 5).map((p) => {
      const li = document.createElement("li");
      li.textContent = `${p.productName}: ${p.quantity}`;
      return li;
    }));
  });
  stream.onerror = () => salesUnavailable(stream);
}

function armSalesWatchdog(stream) {
  clearTimeout(salesWatchdog);
  salesWatchdog = setTimeout(() => salesUnavailable(stream), salesSilenceMs);
}

function salesUnavailable(stream) {
  clearTimeout(salesWatchdog);
  stream.close();
  $("sales-error").hidden = false;
  setTimeout(followSales, 5000);
}

// ---- wiring --------------------------------------------------------------------------------
$("sign-in").href = `/account/login?returnUrl=${encodeURIComponent(location.pathname)}`;
$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  state.query = $("search-input").value.trim();
  state.pageIndex = 0;
  loadCatalog();
});
$("prev-page").addEventListener("click", () => { state.pageIndex--; loadCatalog(); });
$("next-page").addEventListener("click", () => { state.pageIndex++; loadCatalog(); });
$("checkout-button").addEventListener("click", checkout);
loadCatalog();
loadAccount().then(() => { loadBasket(); loadMyOrders(); });
followSales();

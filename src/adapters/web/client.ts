/**
 * The page's script, served from /web/app.js (a TS module so `npm run build` ships it). Plain browser
 * JavaScript with no dependencies. It never builds markup from data: answers arrive as HTML fragments
 * the server escaped (render-html.ts), and the asker's own text is set with textContent.
 */
export const CLIENT_JS = `"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const log = $("log"), form = $("ask"), input = $("question"), send = $("send"), status = $("status");
  const admin = $("admin"), toggle = $("admin-toggle"), tokenForm = $("token-form"), tokenInput = $("token");
  const adminBody = $("admin-body"), adminMessage = $("admin-message"), adminStatus = $("admin-status");
  const reloadButton = $("admin-reload"), reloadReport = $("reload-report");
  const TIMEOUT_MS = 15000;
  let token = "";
  let busy = false;

  async function call(method, path, body) {
    const headers = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token) headers.authorization = "Bearer " + token;
    try {
      const res = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const json = await res.json().catch(() => ({}));
      return { status: res.status, json };
    } catch (e) {
      const timedOut = e && e.name === "TimeoutError";
      return { status: 0, json: { error: timedOut ? "The bot did not answer in time." : "The bot could not be reached." } };
    }
  }

  function add(kind, build) {
    const div = document.createElement("div");
    div.className = "msg " + kind;
    build(div);
    log.appendChild(div);
    div.scrollIntoView({ block: "nearest", behavior: "smooth" });
    return div;
  }
  const addUser = (text) => add("user", (d) => { const p = document.createElement("p"); p.textContent = text; d.appendChild(p); });
  const addBot = (html) => add("bot", (d) => { d.innerHTML = html; });
  const addError = (text) => add("bot error", (d) => { const p = document.createElement("p"); p.className = "note"; p.textContent = text; d.appendChild(p); });

  async function exchange(shown, path, body) {
    if (busy) return;
    busy = true;
    send.disabled = true;
    log.setAttribute("aria-busy", "true");
    status.textContent = "Looking that up…";
    addUser(shown);
    const r = await call("POST", path, body);
    if (r.json.html) addBot(r.json.html); else addError(r.json.error || "Something went wrong.");
    status.textContent = "";
    log.removeAttribute("aria-busy");
    send.disabled = false;
    busy = false;
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) { status.textContent = "Type a question first."; input.focus(); return; }
    input.value = "";
    input.focus();
    exchange(q, "/api/web/ask", { question: q });
  });

  log.addEventListener("click", async (e) => {
    const b = e.target.closest("button");
    if (!b || b.disabled) return;
    const d = b.dataset;
    if (d.ask) return exchange(d.ask, "/api/web/ask", { question: d.ask });
    if (d.factId && b.classList.contains("chip")) return exchange(d.question || "", "/api/web/suggestion", { factId: d.factId, question: d.question || "" });
    if (d.vote) {
      const group = b.closest(".feedback");
      for (const v of group.querySelectorAll("button")) v.disabled = true;
      b.setAttribute("aria-pressed", "true");
      const body = { vote: d.vote, version: d.version, status: d.status, question: d.question };
      if (d.factId) body.factId = d.factId;
      if (d.answerId) body.answerId = d.answerId;
      const r = await call("POST", "/api/web/feedback", body);
      const note = document.createElement("p");
      note.className = "note";
      note.setAttribute("role", "status");
      note.textContent = r.json.text || r.json.error || "";
      group.after(note);
    }
  });

  function showAdmin(r) {
    if (r.status === 401) {
      tokenForm.hidden = false;
      adminBody.hidden = true;
      adminMessage.textContent = token ? "That admin token is not right." : "This admin view needs the admin token (ADMIN_TOKEN).";
      tokenInput.focus();
      return false;
    }
    tokenForm.hidden = true;
    adminMessage.textContent = r.json.html ? "" : (r.json.error || "Something went wrong.");
    adminBody.hidden = false;
    return true;
  }

  async function refreshStatus() {
    const r = await call("GET", "/api/web/admin/status");
    if (showAdmin(r) && r.json.html) {
      adminStatus.innerHTML = r.json.html;
      if (r.json.report) $("admin-report").innerHTML = r.json.report;
      if (r.json.status && r.json.status.version) $("version").textContent = r.json.status.version;
    }
  }

  function openAdmin(open) {
    admin.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) { refreshStatus(); admin.querySelector("h2").setAttribute("tabindex", "-1"); admin.querySelector("h2").focus(); }
  }
  toggle.addEventListener("click", () => openAdmin(admin.hidden));
  $("admin-refresh").addEventListener("click", refreshStatus);
  tokenForm.addEventListener("submit", (e) => { e.preventDefault(); token = tokenInput.value.trim(); refreshStatus(); });
  reloadButton.addEventListener("click", async () => {
    reloadButton.disabled = true;
    reloadReport.textContent = "Reloading…";
    const r = await call("POST", "/api/web/admin/reload", {});
    reloadButton.disabled = false;
    if (!showAdmin(r)) { reloadReport.textContent = ""; return; }
    reloadReport.innerHTML = r.json.html || "";
    if (!r.json.html) reloadReport.textContent = r.json.error || "Something went wrong.";
    refreshStatus();
  });
  // The admin URL serve prints: #token=… (a fragment, so the token never reaches a server log).
  const given = /^#token=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (given) { token = given[1]; history.replaceState(null, "", location.pathname); openAdmin(true); }
  if (location.hash === "#admin") openAdmin(true);
})();
`;

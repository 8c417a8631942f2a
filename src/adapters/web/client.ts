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
  // One conversation per open tab: the bot reads follow-ups ("tell me more") against this tab's questions.
  const SESSION = Math.random().toString(36).slice(2) + Date.now().toString(36);

  async function call(method, path, body) {
    const headers = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token) headers.authorization = "Bearer " + token;
    if (body !== undefined) body = Object.assign({ session: SESSION }, body);
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

  // The question bar is fixed to the bottom: the page keeps room below the log for it, and anything
  // new is scrolled to sit fully above it (its top first when it is taller than the space).
  const main = document.querySelector("main");
  const GAP = 12;
  function fitBar() { main.style.paddingBottom = (form.offsetHeight + 2 * GAP) + "px"; }
  fitBar();
  addEventListener("resize", fitBar);
  function reveal(el) {
    const room = form.getBoundingClientRect().top - GAP;
    const r = el.getBoundingClientRect();
    if (r.height > room - GAP || r.top < GAP) window.scrollBy(0, r.top - GAP);
    else if (r.bottom > room) window.scrollBy(0, r.bottom - room);
  }

  function add(kind, build) {
    const div = document.createElement("div");
    div.className = "msg " + kind;
    build(div);
    log.appendChild(div);
    reveal(div);
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
      const reply = document.createElement("div");
      reply.className = "voted";
      reply.setAttribute("role", "status");
      // The thanks and, after "Not helpful", the optional comment box: HTML the server escaped.
      if (r.json.html) reply.innerHTML = r.json.html; else reply.textContent = r.json.error || "";
      group.after(reply);
      reveal(reply.closest(".msg") || reply);
    }
  });

  log.addEventListener("submit", async (e) => {
    const f = e.target.closest("form.comment");
    if (!f) return;
    e.preventDefault();
    const box = f.querySelector("textarea"), button = f.querySelector("button");
    const comment = box.value.trim();
    if (!comment) { box.focus(); return; }
    button.disabled = true;
    const body = { comment };
    for (const k of ["answerId", "factId", "version"]) if (f.dataset[k]) body[k] = f.dataset[k];
    const r = await call("POST", "/api/web/comment", body);
    button.disabled = false;
    if (!r.json.ok) { box.setCustomValidity(r.json.error || "Something went wrong."); box.reportValidity(); box.setCustomValidity(""); return; }
    const done = document.createElement("p");
    done.className = "note";
    done.textContent = r.json.text;
    f.replaceWith(done);
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
      if (r.json.facts) $("admin-facts").innerHTML = r.json.facts;
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
  // A fact id in the report opens the facts table at that fact.
  admin.addEventListener("click", (e) => {
    const a = e.target.closest("a.fact-link");
    const row = a && document.getElementById(a.getAttribute("href").slice(1));
    if (!row) return;
    e.preventDefault();
    row.closest("details").open = true;
    row.scrollIntoView({ block: "center" });
    row.classList.add("target");
    setTimeout(() => row.classList.remove("target"), 2000);
  });

  // The one-click admin link the server prints (…/#admin&token=… or ?token=…): the token is kept in
  // memory only and taken out of the address bar, so it is not left in history or bookmarks.
  // (#token=… is what serve prints: a fragment never reaches a server log.)
  const params = new URLSearchParams(location.hash.slice(1).replace(/^admin&?/, ""));
  const given = params.get("token") || new URLSearchParams(location.search).get("token");
  if (given) {
    token = given;
    history.replaceState(null, "", location.pathname);
    openAdmin(true);
  } else if (location.hash === "#admin") openAdmin(true);
})();
`;

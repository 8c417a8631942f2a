import { escapeHtml as esc } from "./escape.js";
import { examplesHtml } from "./render-html.js";
import { WORDING } from "./wording.js";

/**
 * The chat page's HTML. Scripts and styles come from /web/app.js and /web/app.css, so the
 * Content-Security-Policy needs no 'unsafe-inline' and no nonce; nothing loads from another origin.
 */

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export interface PageInfo {
  title: string;
  version: string;
  examples: string[];
  /** The admin view asks for the token before anything else. */
  adminNeedsToken: boolean;
}

export function renderPage(p: PageInfo): string {
  const title = esc(p.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · strategy-bot</title>
<link rel="icon" href="/web/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/web/app.css">
<script src="/web/app.js" defer></script>
</head>
<body data-admin-token="${p.adminNeedsToken ? "required" : "open"}">
<a class="skip" href="#question">Skip to the question box</a>
<header class="top"><div class="top-inner">
  <div class="brand"><span class="logo" aria-hidden="true">S</span><div>
    <h1>${title}</h1>
    <p class="sub">Answers quote the exact source sentences · knowledge <code id="version">${esc(p.version)}</code></p>
  </div></div>
  <button type="button" id="admin-toggle" aria-expanded="false" aria-controls="admin">Admin</button>
</div></header>
<main>
<section id="admin" class="admin" hidden aria-labelledby="admin-title">
  <h2 id="admin-title">Admin</h2>
  <form id="token-form" class="admin-row" hidden>
    <label for="token">Admin token</label>
    <input id="token" name="token" type="password" autocomplete="current-password" required>
    <button type="submit">Unlock</button>
  </form>
  <p id="admin-message" class="note" role="alert"></p>
  <div id="admin-body" hidden>
    <div id="admin-status" aria-live="polite"></div>
    <div class="admin-row">
      <button type="button" id="admin-refresh">Refresh status</button>
      <button type="button" id="admin-reload" class="primary">Reload knowledge</button>
    </div>
    <div id="reload-report" aria-live="polite"></div>
    <h3>Unanswered questions and “not helpful” votes</h3>
    <!-- Filled from /api/web/admin/status: the analytics report (src/analytics) of the last 7 days. -->
    <div id="admin-report"><p class="hook">${esc(WORDING.reportOff)}</p></div>
    <div id="admin-facts"></div>
  </div>
</section>
<section aria-label="Conversation">
  <div id="log" class="log" role="log" aria-live="polite" aria-relevant="additions">
    <div class="msg bot intro"><p class="note">${esc(WORDING.help)}</p>${p.examples.length ? examplesHtml(WORDING.examples, p.examples) : ""}</div>
  </div>
</section>
</main>
<form id="ask" class="ask" autocomplete="off"><div class="ask-inner">
  <div class="ask-row">
    <label for="question" class="visually-hidden">Your question</label>
    <input id="question" name="question" type="text" maxlength="1000" placeholder="Ask a strategy question…" enterkeyhint="send">
    <button type="submit" id="send">Ask</button>
  </div>
  <p id="status" class="status" role="status"></p>
</div></form>
</body>
</html>
`;
}

export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0b5cad"/><text x="16" y="22" font-family="sans-serif" font-size="18" font-weight="700" fill="#fff" text-anchor="middle">S</text></svg>';

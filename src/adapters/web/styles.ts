/**
 * The page's stylesheet, served from /web/app.css (a TS module so `npm run build` ships it; tsc copies
 * no other files). System fonts only: the page works offline. Colours meet WCAG AA contrast in both
 * the light and the dark scheme.
 */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --panel: #ffffff; --text: #1b1f24; --muted: #57606a; --line: #d8dee4;
  --accent: #0b5cad; --accent-text: #ffffff; --accent-soft: #e7f0fb; --quote: #f3f5f8;
  --ok: #1a7f37; --ok-soft: #e9f7ee; --err: #b3261e; --err-soft: #fdecea; --focus: #d97706;
  --radius: 12px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px; line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419; --panel: #182028; --text: #e6edf3; --muted: #a6b1bd; --line: #2f3b47;
    --accent: #6cb6ff; --accent-text: #0b1220; --accent-soft: #1c2d40; --quote: #1f2933;
    --ok: #56d364; --ok-soft: #15301d; --err: #ff7b72; --err-soft: #3a1a19; --focus: #f0a33a;
  }
}
* { box-sizing: border-box; }
html, body { margin: 0; }
body { background: var(--bg); color: var(--text); min-height: 100vh; display: flex; flex-direction: column; }
a { color: var(--accent); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: .5rem; top: -3rem; background: var(--panel); padding: .5rem .75rem; border-radius: 8px; z-index: 10; }
.skip:focus { top: .5rem; }
.top { background: var(--panel); border-bottom: 1px solid var(--line); }
.top-inner, main, .ask-inner { width: 100%; max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
.top-inner { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding-top: .75rem; padding-bottom: .75rem; }
.brand { display: flex; align-items: center; gap: .75rem; min-width: 0; }
.logo { display: grid; place-items: center; width: 2.25rem; height: 2.25rem; flex: none; border-radius: 10px; background: var(--accent); color: var(--accent-text); font-weight: 700; }
h1 { font-size: 1.1rem; margin: 0; line-height: 1.3; }
.sub { margin: 0; color: var(--muted); font-size: .85rem; }
main { flex: 1; padding-top: 1rem; padding-bottom: 7rem; }
button { font: inherit; cursor: pointer; border-radius: 999px; border: 1px solid var(--line); background: var(--panel); color: var(--text); padding: .4rem .9rem; min-height: 2.5rem; }
button:hover { border-color: var(--accent); }
button:disabled { opacity: .6; cursor: default; }
button.primary, .ask button { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 600; }
.log { display: flex; flex-direction: column; gap: .9rem; }
.msg { max-width: 100%; border-radius: var(--radius); padding: .8rem 1rem; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; max-width: 85%; background: var(--accent); color: var(--accent-text); border-bottom-right-radius: 4px; }
.msg.user p { margin: 0; }
.msg.bot { align-self: stretch; background: var(--panel); border: 1px solid var(--line); border-bottom-left-radius: 4px; }
.msg.bot > :first-child, .answer > :first-child { margin-top: 0; }
.msg.bot > :last-child, .answer > :last-child { margin-bottom: 0; }
.lead { font-size: 1.05rem; margin: 0 0 .6rem; }
.hedge { color: var(--muted); font-style: italic; margin: 0 0 .3rem; }
.mark { color: var(--accent); font-weight: 600; font-size: .75em; margin-left: .15em; }
blockquote .mark { vertical-align: super; }
.quotes { list-style: none; margin: .5rem 0; padding: 0; display: grid; gap: .5rem; }
.quote blockquote { margin: 0; padding: .55rem .8rem; background: var(--quote); border-left: 4px solid var(--accent); border-radius: 6px; }
.source { margin: .25rem 0 0 .9rem; font-size: .85rem; color: var(--muted); }
.source cite { font-style: normal; font-weight: 600; color: var(--text); }
.source cite a { color: var(--accent); }
.meta { font-size: .8rem; color: var(--muted); margin: .5rem 0; }
.chips { display: flex; flex-wrap: wrap; gap: .4rem; margin: .6rem 0; }
.chips-label { flex-basis: 100%; margin: 0; font-size: .85rem; color: var(--muted); }
.chip { background: var(--accent-soft); border-color: transparent; color: var(--text); text-align: left; }
.feedback { display: flex; gap: .4rem; margin-top: .6rem; flex-wrap: wrap; }
.vote { font-size: .85rem; min-height: 2.25rem; display: inline-flex; align-items: center; gap: .4rem; }
.thumb { flex: none; }
.vote[data-vote="down"] .thumb { transform: scale(1, -1); }
.vote[aria-pressed="true"] { background: var(--accent-soft); border-color: var(--accent); }
.note { margin: 0; }
.msg.error { border-color: var(--err); background: var(--err-soft); }
.ask { position: fixed; left: 0; right: 0; bottom: 0; background: var(--panel); border-top: 1px solid var(--line); padding: .75rem 0 calc(.75rem + env(safe-area-inset-bottom)); }
.ask-row { display: flex; gap: .5rem; }
.ask input { flex: 1; min-width: 0; font: inherit; padding: .6rem .9rem; border-radius: 999px; border: 1px solid var(--muted); background: var(--bg); color: var(--text); min-height: 2.75rem; }
.status { margin: .3rem .9rem 0; font-size: .8rem; color: var(--muted); min-height: 1.2em; }
.admin { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; margin-bottom: 1rem; }
.admin h2 { font-size: 1rem; margin: 0 0 .5rem; }
.admin h3 { font-size: .95rem; margin: 1rem 0 .4rem; }
.admin-row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
.admin input { font: inherit; padding: .45rem .7rem; border-radius: 8px; border: 1px solid var(--muted); background: var(--bg); color: var(--text); }
.report { border-radius: 8px; padding: .6rem .8rem; margin: .5rem 0; border: 1px solid var(--line); }
.report-title { margin: 0 0 .3rem; font-weight: 600; }
.report pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.report-ok { border-color: var(--ok); background: var(--ok-soft); }
.report-error { border-color: var(--err); background: var(--err-soft); }
.report-error .report-title { color: var(--err); }
.report-info { background: var(--panel); }
.admin-table { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; }
.admin-table caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
.admin-table th, .admin-table td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
.admin-table thead th { color: var(--muted); font-weight: 600; font-size: .8rem; white-space: nowrap; }
.admin-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; width: 1%; }
.admin-table tr.total th, .admin-table tr.total td { font-weight: 700; }
.admin-table .none { color: var(--muted); font-style: italic; }
.status-table { margin: 0; }
.status-table th[scope="row"] { width: 9rem; color: var(--muted); font-weight: 600; }
.admin-table tr.target { background: var(--accent-soft); }
.problems { margin: .3rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.variants, .muted { color: var(--muted); font-size: .8rem; }
.fixed { color: var(--ok); font-size: .8rem; }
.comments { list-style: none; margin: .3rem 0 0; padding: 0; color: var(--muted); font-size: .85rem; }
.comments li { margin: .15rem 0; }
.quote-cell { color: var(--muted); font-size: .85rem; }
.report-period, .outcome { margin: .2rem 0; font-size: .9rem; }
.facts summary { cursor: pointer; font-weight: 600; margin: .5rem 0; }
.icon { vertical-align: -3px; }
.icon-ok { color: var(--ok); }
.icon-warn { color: var(--err); }
.thumb-down { transform: scale(1, -1); }
.voted { margin-top: .5rem; }
.comment { display: grid; gap: .4rem; margin-top: .4rem; }
.comment label { display: grid; gap: .3rem; font-size: .9rem; }
.comment textarea { font: inherit; width: 100%; padding: .5rem .7rem; border-radius: 8px; border: 1px solid var(--muted); background: var(--bg); color: var(--text); resize: vertical; }
.comment button { justify-self: start; }
@media (max-width: 30rem) {
  .admin-table { font-size: .8rem; }
  .admin-table th, .admin-table td { padding: .3rem .3rem; }
  .status-table th[scope="row"] { width: 6rem; }
  .quote-cell { display: none; }
}
.hook { color: var(--muted); font-size: .85rem; border: 1px dashed var(--line); border-radius: 8px; padding: .5rem .75rem; margin: 0; }
[hidden] { display: none !important; }
@media (max-width: 30rem) {
  .msg.user { max-width: 92%; }
  .sub { display: none; }
}
@media (prefers-reduced-motion: no-preference) {
  .msg { animation: rise .18s ease-out; }
  @keyframes rise { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
}
`;

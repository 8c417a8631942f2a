import type { CurationReport, Knowledge, QuestionGroupReport, StoreStatus } from "../../bot/types.js";
import { escapeHtml as esc, truncate } from "./escape.js";
import { ICON_COMMENT, ICON_OK, ICON_WARN, THUMB_DOWN, THUMB_UP } from "./icons.js";
import { ADMIN } from "./wording-admin.js";

/**
 * The admin view's status and curator's report as HTML tables (they were a monospace text dump that
 * wrapped mid-phrase): counts in their own columns, fact ids linking to the fact in the facts table,
 * 👎 comments listed under their fact. Pure; every piece of data is escaped here.
 */

const factLink = (id: string) =>
  `<a class="fact-link" href="#fact-${esc(id)}"><code>${esc(truncate(id, 200))}</code></a>`;
const num = (n: number) => `<td class="num">${n}</td>`;
const th = (label: string, cls = "") => `<th scope="col"${cls ? ` class="${cls}"` : ""}>${label}</th>`;
/** A column header that is only an icon: the label stays for screen readers and as a tooltip. */
const iconTh = (icon: string, label: string) =>
  `<th scope="col" class="num" title="${esc(label)}">${icon}<span class="visually-hidden">${esc(label)}</span></th>`;

function table(caption: string, head: string[], rows: string[], empty: string): string {
  const body = rows.length
    ? rows.join("")
    : `<tr><td class="none" colspan="${head.length}">${esc(empty)}</td></tr>`;
  return `<table class="admin-table"><caption>${esc(caption)}</caption><thead><tr>${head.join("")}</tr></thead><tbody>${body}</tbody></table>`;
}

export function statusTableHtml(s: StoreStatus): string {
  const row = (label: string, value: string) =>
    `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>`;
  const rows = [
    row(ADMIN.version, `<code>${esc(s.version ?? ADMIN.none)}</code>`),
    row(ADMIN.title, esc(s.title ?? "")),
    row(ADMIN.facts, `${s.facts} (${s.curatedFacts} ${ADMIN.curated})`),
    row(ADMIN.sentences, String(s.sentences)),
    row(ADMIN.sources, String(s.sources)),
    row(ADMIN.loadedAt, esc(s.loadedAt ?? ADMIN.never)),
    row(ADMIN.file, `<code>${esc(s.file)}</code>`),
    row(
      ADMIN.lastError,
      s.lastError
        ? `${ICON_WARN} ${esc(s.lastError.at)}<pre class="problems">${esc(s.lastError.message)}</pre>`
        : `${ICON_OK} ${esc(ADMIN.noErrors)}`,
    ),
  ];
  if (s.overdue?.length) {
    rows.push(
      row(
        ADMIN.overdue,
        s.overdue
          .map((f) => `${factLink(f.factId)} (${esc(f.reviewBy)}${f.owner ? `, ${esc(f.owner)}` : ""})`)
          .join(", "),
      ),
    );
  }
  for (const c of s.changedSources ?? []) {
    rows.push(row(ADMIN.changedSource(c.source), c.facts.map(factLink).join(", ") || esc(ADMIN.none)));
  }
  const kind = s.lastError ? "report-error" : "report-info";
  return `<div class="report ${kind}"><table class="admin-table status-table"><caption>${esc(ADMIN.status)}</caption><tbody>${rows.join("")}</tbody></table></div>`;
}

function groupRows(groups: QuestionGroupReport[]): string[] {
  return groups.map((g, i) => {
    const also = g.variants.length
      ? `<div class="variants">${esc(ADMIN.alsoAsked)} ${g.variants.map((v) => `“${esc(truncate(v, 200))}”`).join(", ")}</div>`
      : "";
    const closest = g.closest
      ? `${factLink(g.closest.factId)}${g.nowAnswered ? ` <span class="fixed">${ICON_OK} ${esc(ADMIN.fixed)}</span>` : ` <span class="muted">${g.closest.confidence.toFixed(2)}</span>`}`
      : `<span class="muted">${esc(ADMIN.noCloseFact)}</span>`;
    return `<tr><td class="num">${i + 1}</td><td>“${esc(truncate(g.question, 300))}”${also}</td>${num(g.count)}${num(g.askers)}<td>${closest}</td></tr>`;
  });
}

export function reportTablesHtml(r: CurationReport): string {
  const t = r.totals;
  const groupHead = [
    th("#", "num"),
    th(ADMIN.question),
    th(ADMIN.times, "num"),
    th(ADMIN.people, "num"),
    th(ADMIN.closestFact),
  ];
  const platformRows = r.platforms.map(
    (p) => `<tr><th scope="row">${esc(p.platform)}</th>${num(p.questions)}${num(p.up)}${num(p.down)}</tr>`,
  );
  const totals = `<tr class="total"><th scope="row">${esc(ADMIN.all)}</th>${num(t.questions)}${num(t.up)}${num(t.down)}</tr>`;
  const outcome = `<p class="outcome">${esc(ADMIN.outcome(t.answered, t.suggested, t.unknown))}</p>`;
  const disliked = r.disliked.map((f) => {
    const comments = f.comments.length
      ? `<ul class="comments">${f.comments
          .slice(0, 5)
          .map((c) => `<li>${ICON_COMMENT} “${esc(truncate(c, 500))}”</li>`)
          .join("")}</ul>`
      : "";
    return `<tr><td>${factLink(f.factId)}${comments}</td>${num(f.down)}${num(f.up)}</tr>`;
  });
  return [
    `<p class="report-period">${esc(ADMIN.period(r.since.slice(0, 10), r.until.slice(0, 10)))} · ${esc(ADMIN.version)} <code>${esc(r.version)}</code></p>`,
    outcome,
    table(
      ADMIN.byPlatform,
      [
        th(ADMIN.platform),
        th(ADMIN.questions, "num"),
        iconTh(THUMB_UP, ADMIN.helpful),
        iconTh(THUMB_DOWN, ADMIN.notHelpful),
      ],
      [...platformRows, totals],
      ADMIN.nothing,
    ),
    table(ADMIN.unanswered, groupHead, groupRows(r.unanswered), ADMIN.nothing),
    table(ADMIN.unsure, groupHead, groupRows(r.lowConfidence), ADMIN.nothing),
    table(
      ADMIN.disliked,
      [th(ADMIN.fact), iconTh(THUMB_DOWN, ADMIN.notHelpful), iconTh(THUMB_UP, ADMIN.helpful)],
      disliked,
      ADMIN.nothing,
    ),
    table(
      ADMIN.mostAsked,
      [th(ADMIN.fact), th(ADMIN.times, "num")],
      r.mostAsked.map((f) => `<tr><td>${factLink(f.factId)}</td>${num(f.count)}</tr>`),
      ADMIN.nothing,
    ),
    table(
      ADMIN.overdue,
      [th(ADMIN.fact), th(ADMIN.reviewBy), th(ADMIN.owner)],
      r.overdue.map(
        (f) =>
          `<tr><td>${factLink(f.factId)}</td><td>${esc(f.reviewBy)}</td><td>${esc(f.owner ?? "")}</td></tr>`,
      ),
      ADMIN.nothing,
    ),
  ].join("");
}

/** Every curated fact, each row the target of the report's fact links (#fact-<id>). */
export function factsTableHtml(k: Knowledge): string {
  const facts = k.facts.filter((f) => f.curated);
  const rows = facts.map(
    (f) =>
      `<tr id="fact-${esc(f.id)}"><td><code>${esc(f.id)}</code></td><td>${esc(truncate(f.questions[0] ?? "", 200))}</td>` +
      `<td class="quote-cell">“${esc(truncate(f.citations.map((c) => c.quote).join(" "), 400))}”</td></tr>`,
  );
  return (
    `<details class="facts"><summary>${esc(ADMIN.allFacts(facts.length))}</summary>` +
    table(
      ADMIN.factsCaption,
      [th(ADMIN.fact), th(ADMIN.exampleQuestion), th(ADMIN.quote)],
      rows,
      ADMIN.nothing,
    ) +
    "</details>"
  );
}

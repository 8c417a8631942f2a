import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORDING } from "../../../src/adapters/web/wording.js";
import { ADMIN } from "../../../src/adapters/web/wording-admin.js";
import { get, postJson, startWebBot, type WebBot } from "./helpers.js";

/**
 * Issue 13's web gaps over real HTTP: a 👎 offers a comment box whose text is recorded and shows in
 * the admin report; a clicked suggestion chip counts as a question; status and report arrive as
 * tables with fact links and SVG icons (no emoji a font may lack).
 */

let web: WebBot;
beforeAll(async () => {
  web = await startWebBot();
});
afterAll(async () => {
  await web?.stop();
});

interface AdminStatus {
  html: string;
  report?: string;
  facts?: string;
}

// The admin view always needs the token (the one generated for this run when ADMIN_TOKEN is unset).
const admin = () => ({ authorization: `Bearer ${web.bot.config.ADMIN_TOKEN}` });
const status = async () =>
  (await (await get(web.base, "/api/web/admin/status", admin())).json()) as AdminStatus;

describe("the comment after a 👎", () => {
  it("is offered by the vote's reply, recorded against that answer, and listed under its fact", async () => {
    const asked = (await (
      await postJson(web.base, "/api/web/ask", { question: "What is CANN?" })
    ).json()) as {
      html: string;
    };
    const answerId = /data-answer-id="([\w-]+)"/.exec(asked.html)?.[1] as string;
    const vote = (await (
      await postJson(web.base, "/api/web/feedback", { vote: "down", answerId, factId: "cann", version: "v" })
    ).json()) as { html: string };
    expect(vote.html).toContain(`<form class="comment" data-answer-id="${answerId}" data-fact-id="cann"`);

    const sent = await postJson(web.base, "/api/web/comment", {
      comment: "  Out of date <b>since</b> 2024  ",
      answerId,
      factId: "cann",
    });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as { text: string }).text).toBe(WORDING.comment.thanks);

    const report = (await status()).report as string;
    expect(report).toContain(ADMIN.disliked);
    expect(report).toContain("“Out of date &lt;b&gt;since&lt;/b&gt; 2024”");
    // One 👎 with its comment attached, not a second vote.
    expect(report).toMatch(
      /href="#fact-cann"><code>cann<\/code><\/a><ul class="comments">.*?<\/ul><\/td><td class="num">1<\/td>/,
    );
  });

  it("refuses an empty comment with words a person can act on", async () => {
    const r = await postJson(web.base, "/api/web/comment", { comment: "   ", answerId: "x" });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toBe(WORDING.comment.empty);
  });
});

describe("a clicked suggestion chip", () => {
  it("counts as a question in the report and carries an answer id for its votes", async () => {
    const before = (await status()).report as string;
    const count = (html: string) =>
      Number(/<th scope="row">web<\/th><td class="num">(\d+)<\/td>/.exec(html)?.[1] ?? 0);
    const r = (await (
      await postJson(web.base, "/api/web/suggestion", { factId: "ict-revenue", question: "ict revenue" })
    ).json()) as { html: string };
    expect(r.html).toMatch(/data-answer-id="[\w-]+"/);
    expect(count((await status()).report as string)).toBe(count(before) + 1);
  });
});

describe("the admin status and report", () => {
  it("are tables: counts in number columns, fact ids linking into the facts table, SVG icons", async () => {
    const s = await status();
    expect(s.html).toContain(`<table class="admin-table status-table"><caption>${ADMIN.status}</caption>`);
    expect(s.html).toMatch(/<th scope="row">Facts<\/th><td>5 \(3 curated\)<\/td>/);
    expect(s.html).not.toContain("<pre>");
    const report = s.report as string;
    expect(report).toContain(`<caption>${ADMIN.byPlatform}</caption>`);
    expect(report).toContain('<svg class="thumb thumb-down"');
    expect(report).not.toMatch(/👍|👎/u);
    for (const link of report.match(/href="#fact-[\w.-]+"/g) ?? []) {
      expect(s.facts).toContain(`<tr id="${link.slice(7, -1)}">`);
    }
    expect(s.facts).toContain(ADMIN.allFacts(3));
  });
});

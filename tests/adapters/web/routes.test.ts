import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../../../src/adapters/web/escape.js";
import { CSP } from "../../../src/adapters/web/page.js";
import { WORDING } from "../../../src/adapters/web/wording.js";
import { answer } from "../../../src/core/answer.js";
import type { Answer } from "../../../src/core/types.js";
import { BROKEN_YAML, get, postJson, raw, SMALL, startWebBot, type WebBot } from "./helpers.js";

/** The web routes over HTTP on loopback: the real bot (startBot, PORT=0), the small knowledge file. */

let web: WebBot;
beforeAll(async () => {
  web = await startWebBot();
});
afterAll(async () => {
  await web?.stop();
});
const admin = () => ({ authorization: `Bearer ${web.bot.config.ADMIN_TOKEN}` });

describe("the page and its assets", () => {
  it("serves the page with a strict CSP and the knowledge's title", async () => {
    const res = await get(web.base, "/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await res.text();
    expect(html).toContain("<h1>Small strategy memo</h1>");
    expect(html).toContain('data-admin-token="required"');
  });

  it.each([
    ["/web/app.js", "text/javascript; charset=utf-8"],
    ["/web/app.css", "text/css; charset=utf-8"],
    ["/web/icon.svg", "image/svg+xml"],
  ])("serves %s with an ETag and answers a match with 304", async (path, type) => {
    const res = await get(web.base, path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    const etag = res.headers.get("etag") as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get(web.base, path, { "if-none-match": etag })).status).toBe(304);
  });
});

describe("asking", () => {
  const expected = (q: string): Answer => answer(q, web.bot.store.current());

  it("answers with the same Answer the adapters get, rendered", async () => {
    const res = await postJson(web.base, "/api/web/ask", { question: "What is CANN?" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { kind: string; html: string; answer: Answer };
    expect(body.kind).toBe("answer");
    expect(body.answer).toEqual(expected("What is CANN?"));
    expect(body.html).toContain("Huawei created CANN to support AI development within its ecosystem.");
    expect(body.html).toContain('<a href="https://example.com/memo"');
  });

  it("answers a clicked suggestion with that fact", async () => {
    // The fixture knows CANN but not how many developers use it: unknown, with CANN offered.
    const unknown = expected("how many developers use cann");
    expect(unknown.status).toBe("unknown");
    const s = unknown.suggestions[0];
    if (!s) throw new Error("the fixture should offer a suggestion for this near miss");
    const res = await postJson(web.base, "/api/web/suggestion", { factId: s.factId, question: s.question });
    const body = (await res.json()) as { html: string; answer: Answer };
    expect(body.answer.factId).toBe(s.factId);
    expect(body.answer.status).not.toBe("unknown");
  });

  it("shows examples for an empty question and refuses admin words typed in the chat", async () => {
    const empty = (await (await postJson(web.base, "/api/web/ask", { question: "  " })).json()) as {
      kind: string;
    };
    expect(empty.kind).toBe("empty");
    const typed = (await (await postJson(web.base, "/api/web/ask", { question: "reload" })).json()) as {
      kind: string;
      html: string;
    };
    expect(typed.kind).toBe("refused");
  });

  it("refuses a question over the limit, a body that is not JSON, and a huge body", async () => {
    const long = await postJson(web.base, "/api/web/ask", { question: "x".repeat(1001) });
    expect(long.status).toBe(400);
    expect(await long.json()).toEqual({ error: WORDING.tooLong(1000) });
    expect((await postJson(web.base, "/api/web/ask", "not json")).status).toBe(400);
    expect((await postJson(web.base, "/api/web/ask", "[1]")).status).toBe(400);
    expect((await postJson(web.base, "/api/web/ask", { question: "y".repeat(20_000) })).status).toBe(413);
  });

  it("logs feedback with what it is about", async () => {
    const res = await postJson(web.base, "/api/web/feedback", {
      vote: "down",
      version: "v1",
      status: "answered",
      factId: "cann",
      question: "What is CANN?",
    });
    expect(await res.json()).toMatchObject({ ok: true, text: WORDING.thanks.down });
    expect(web.logs).toContainEqual(
      expect.objectContaining({ msg: "feedback", vote: "down", factId: "cann", platform: "web" }),
    );
    expect((await postJson(web.base, "/api/web/feedback", { vote: "sideways" })).status).toBe(400);
  });
});

describe("analytics (src/analytics): the same recording as Slack and Teams", () => {
  it("records an answer, carries its id on the vote buttons, records the vote, and reports it", async () => {
    const asked = (await (
      await postJson(web.base, "/api/web/ask", { question: "What is the weather?" })
    ).json()) as {
      html: string;
    };
    const answerId = /data-answer-id="([\w-]+)"/.exec(asked.html)?.[1];
    expect(answerId).toBeDefined();
    const vote = await postJson(web.base, "/api/web/feedback", { vote: "down", answerId, version: "v" });
    expect(vote.status).toBe(200);
    const status = (await (await get(web.base, "/api/web/admin/status", admin())).json()) as {
      report?: string;
    };
    expect(status.report).toContain("Curation report");
    expect(status.report).toContain("“What is the weather?”");
  });
});

describe("what a browser on another site cannot do", () => {
  const port = () => new URL(web.base).port;

  it("refuses a Host that is not loopback (DNS rebinding)", async () => {
    const r = await raw(web.base, { method: "GET", path: "/", headers: { host: `evil.example:${port()}` } });
    expect(r.status).toBe(403);
    const ok = await raw(web.base, { method: "GET", path: "/", headers: { host: `localhost:${port()}` } });
    expect(ok.status).toBe(200);
  });

  it("refuses a cross-origin POST and a form-encoded one", async () => {
    const body = JSON.stringify({ question: "What is CANN?" });
    const host = `127.0.0.1:${port()}`;
    const cross = await raw(web.base, {
      method: "POST",
      path: "/api/web/admin/reload",
      headers: { host, origin: "https://evil.example", "content-type": "application/json" },
      body: "{}",
    });
    expect(cross.status).toBe(403);
    const form = await raw(web.base, {
      method: "POST",
      path: "/api/web/ask",
      headers: { host, "content-type": "text/plain" },
      body,
    });
    expect(form.status).toBe(415);
    const same = await raw(web.base, {
      method: "POST",
      path: "/api/web/ask",
      headers: { host, origin: `http://${host}`, "content-type": "application/json" },
      body,
    });
    expect(same.status).toBe(200);
  });
});

describe("the admin view on loopback (no ADMIN_TOKEN: the token made for this run)", () => {
  it("refuses the admin routes without the token, even with a loopback Host (a same-host proxy)", async () => {
    expect(web.bot.adminTokenGenerated).toBe(true);
    const host = `127.0.0.1:${new URL(web.base).port}`;
    const status = await raw(web.base, { method: "GET", path: "/api/web/admin/status", headers: { host } });
    expect(status.status).toBe(401);
    const reload = await raw(web.base, {
      method: "POST",
      path: "/api/web/admin/reload",
      headers: { host, "content-type": "application/json" },
      body: "{}",
    });
    expect(reload.status).toBe(401);
  });

  it("shows the knowledge status", async () => {
    const res = await get(web.base, "/api/web/admin/status", admin());
    const body = (await res.json()) as { status: { facts: number; version: string }; html: string };
    expect(body.status.facts).toBe(web.bot.store.status().facts);
    expect(body.html).toContain(escapeHtml(WORDING.status));
  });

  it("reloads, and a broken file is refused with its problem while answers continue", async () => {
    const ok = (await (await postJson(web.base, "/api/web/admin/reload", {}, admin())).json()) as {
      ok: boolean;
      html: string;
    };
    expect(ok.ok).toBe(true);
    expect(ok.html).toContain("report-ok");

    writeFileSync(web.knowledgeFile, BROKEN_YAML);
    try {
      const bad = (await (await postJson(web.base, "/api/web/admin/reload", {}, admin())).json()) as {
        ok: boolean;
        text: string;
        html: string;
      };
      expect(bad.ok).toBe(false);
      expect(bad.text).toContain('quote not found in source "memo"');
      expect(bad.html).toContain("report-error");
      const status = (await (await get(web.base, "/api/web/admin/status", admin())).json()) as {
        text: string;
      };
      expect(status.text).toContain("Last reload error");
      const still = (await (
        await postJson(web.base, "/api/web/ask", { question: "What is CANN?" })
      ).json()) as {
        answer: Answer;
      };
      expect(still.answer.status).toBe("answered");
    } finally {
      writeFileSync(web.knowledgeFile, readFileSync(SMALL, "utf8"));
    }
  });
});

describe("with ADMIN_TOKEN and with WEB_CHAT=off", () => {
  const TOKEN = "a-long-admin-token-for-tests";

  it("locks the admin routes behind the token, leaves the chat open", async () => {
    const locked = await startWebBot({ ADMIN_TOKEN: TOKEN });
    try {
      expect((await get(locked.base, "/api/web/admin/status")).status).toBe(401);
      expect(
        (await get(locked.base, "/api/web/admin/status", { authorization: "Bearer wrong-token" })).status,
      ).toBe(401);
      expect((await postJson(locked.base, "/api/web/admin/reload", {})).status).toBe(401);
      const ok = await get(locked.base, "/api/web/admin/status", { authorization: `Bearer ${TOKEN}` });
      expect(ok.status).toBe(200);
      expect(await (await get(locked.base, "/")).text()).toContain('data-admin-token="required"');
      expect((await postJson(locked.base, "/api/web/ask", { question: "What is CANN?" })).status).toBe(200);
    } finally {
      await locked.stop();
    }
  });

  it("serves no page when WEB_CHAT=off", async () => {
    const off = await startWebBot({ WEB_CHAT: "off" });
    try {
      expect((await get(off.base, "/")).status).toBe(404);
      expect((await postJson(off.base, "/api/web/ask", { question: "x" })).status).toBe(404);
    } finally {
      await off.stop();
    }
  });
});

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { answer, answerFact } from "../../src/core/answer.js";
import { hitRank } from "../../src/core/evaluate.js";
import { type FollowUpDeps, MAX_TURNS, resolveFollowUp } from "../../src/core/follow-up.js";
import type { SearchIndex } from "../../src/core/index-build.js";
import type { Answer, ConversationContext } from "../../src/core/types.js";
import { indexOf, loadShipped, QUESTIONS } from "../knowledge/fixtures.js";

/**
 * Follow-ups in one conversation. Earlier turns are built with answerFact(), so these tests pin the
 * follow-up logic, not the scorer: "tell me more" must quote the next sentence whatever ranks first.
 */

let index: SearchIndex;
beforeAll(async () => {
  index = await loadShipped();
});

const noRanking: FollowUpDeps = { ranked: () => [] };

function fact(id: string): Answer {
  const a = answerFact(id, index);
  if (!a) throw new Error(`no fact ${id} in the shipped knowledge`);
  return a;
}

function convo(...turns: [string, Answer][]): ConversationContext {
  return { turns: turns.map(([question, a]) => ({ question, answer: a })) };
}

function rewritten(question: string, context: ConversationContext): string {
  const r = resolveFollowUp(question, index, context, noRanking);
  if (r.kind !== "question")
    throw new Error(`expected a rewritten question, got an answer: ${r.answer.text}`);
  return r.question;
}

describe("follow-ups that the scorer answers, rewritten with the earlier topic", () => {
  it('"and its chips?" keeps the earlier topic and adds the new words', () => {
    const q = rewritten("and its chips?", convo(["what is cloudmatrix 384?", fact("cloudmatrix-384")]));
    expect(q).toMatch(/cloudmatrix 384/);
    expect(q).toMatch(/chips/);
  });

  it('"what about pangu?" asks the earlier question about the new name', () => {
    const ctx = convo(["when was huawei cloud launched?", fact("huawei-cloud-launch")]);
    expect(rewritten("what about pangu?", ctx)).toBe("when was pangu launched?");
  });

  it('"and nvidia?" is a connector too, not a standalone "nvidia"', () => {
    const ctx = convo(["who does huawei compete with", fact("competes-with-nvidia")]);
    expect(rewritten("and nvidia?", ctx)).toBe("who does nvidia compete with");
  });

  it("opening a conversation, a follow-up that points at nothing asks nothing", () => {
    for (const q of ["tell me more", "the other one", "why?", "who said that?", "when was that?"]) {
      expect(rewritten(q, { turns: [] })).toBe("");
      const a = answer(q, index, { turns: [] });
      expect(a.status).toBe("unknown");
      expect(a.suggestions).toEqual([]);
    }
  });

  it('"why?" asks why about the earlier question, through a chain of follow-ups', () => {
    const opened = convo(["when did huawei open source pangu", fact("pangu-open-sourced")]);
    expect(rewritten("why?", opened)).toBe("why did huawei open source pangu?");
    const chain = convo(
      ["when was huawei cloud launched?", fact("huawei-cloud-launch")],
      ["what about pangu?", fact("pangu-open-sourced")],
    );
    expect(rewritten("why?", chain)).toBe("why was pangu launched?");
  });

  it('"what did he say?" reads the person the previous answer quoted', () => {
    const ctx = convo(["who's jeffrey towson", fact("towson-chip-clusters")]);
    expect(rewritten("what did he say?", ctx)).toMatch(/Jeffrey Towson/);
  });

  it("stands for an unnamed topic by the earlier question's rarest words, not all of them", () => {
    const ctx = convo([
      "how large is the fleet of robot haulers in the mines?",
      fact("autonomous-mining-trucks"),
    ]);
    expect(rewritten("what do they run on?", ctx)).toBe("what do robot haulers run on?");
  });

  it("leaves a question that names its own topic, or finds its referent inside, exactly as asked", () => {
    const ctx = convo(["what is cloudmatrix 384?", fact("cloudmatrix-384")]);
    for (const q of [
      "what is CANN?",
      "which countries is huawei targeting with its ai platforms?",
      "is it true that the company open-sourced pangu?",
      "Is it going to rain today?",
    ]) {
      expect(rewritten(q, ctx)).toBe(q);
    }
  });

  it("reads a bare line ('how many?') about the earlier topic, but not a short question of its own", () => {
    const trucks = convo(["minig trucks?", fact("autonomous-mining-trucks")]);
    expect(answer("how many?", index, trucks).citations[0]?.quote).toContain(
      "100 self-driving mining trucks",
    );
    const cann = convo(["what is CANN?", fact("cann-cuda-alternative")]);
    expect(answer("huwaei ascent chip", index, cann)).toEqual(answer("huwaei ascent chip", index));
  });

  it("reads 'he' as the person the last answer quoted, even when the line names the company", () => {
    const triolo = convo(["Who is Paul Triolo?", fact("triolo-no-choice")]);
    expect(rewritten("what did he say about huawei?", triolo)).toContain("Paul Triolo");
    expect(answer("what did he say about huawei?", index, triolo).factId).toBe("triolo-no-choice");
  });

  it("reads 'it' against the earlier topic when the only name is what it is compared with", () => {
    const cm = convo(["What is CloudMatrix 384?", fact("cloudmatrix-384")]);
    expect(rewritten("how does it compare to nvidia?", cm).toLowerCase()).toContain("cloudmatrix");
    expect(answer("how does it compare to nvidia?", index, cm).citations[0]?.quote).toContain("GB200 NVL72");
    // A name before the comparison is the line's own subject: nothing to fill in.
    expect(rewritten("how does pangu compare to gpt-4?", cm)).toBe("how does pangu compare to gpt-4?");
  });

  it("reads 'those'/'these' as pointing back, and 'launch year?' as a bare line about the earlier topic", () => {
    const trucks = convo([
      "Tell me about the driverless haulers at excavation sites",
      fact("autonomous-mining-trucks"),
    ]);
    // Alone, "what do those actually run on?" was answered with Huawei Cloud "runs" data centers.
    expect(rewritten("what do those actually run on?", trucks)).toContain("haulers");
    expect(answer("what do those actually run on?", index, trucks).factId).not.toBe("huawei-cloud-role");
    const cloud = convo(["What is Huawei Cloud?", fact("huawei-cloud-launch")]);
    const year = answer("launch year?", index, cloud);
    expect(year.citations[0]?.quote).toContain("Huawei Cloud, launched in 2017");
  });

  it("reads 'why was that such a big deal?' and 'why those ones?' about the earlier question", () => {
    const phone = convo(["When did Huawei release its 5G phone?", fact("5g-smartphone-2023")]);
    expect(rewritten("why was that such a big deal?", phone).toLowerCase()).toContain("5g");
    // "that handset" says what it means: left as asked.
    expect(rewritten("why was that handset such a surprise?", phone)).toBe(
      "why was that handset such a surprise?",
    );
    const markets = convo([
      "Which countries is Huawei targeting with its AI platforms?",
      fact("belt-and-road-targets"),
    ]);
    expect(rewritten("why those ones?", markets).toLowerCase()).toMatch(/^why .*countr/);
  });

  it("gives every standalone question of the dev set the same answer with or without context", () => {
    const ctx = convo(["what is CANN?", fact("cann-cuda-alternative")]);
    const questions = readFileSync(QUESTIONS, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { question: string }).question);
    expect(questions.length).toBeGreaterThan(100);
    for (const q of questions) expect(answer(q, index, ctx)).toEqual(answer(q, index));
  });

  it(`reads only the last ${MAX_TURNS} turns`, () => {
    const old: [string, Answer][] = Array.from({ length: 50 }, () => [
      "what is CANN?",
      fact("cann-cuda-alternative"),
    ]);
    const recent: [string, Answer][] = [["when did huawei open source pangu", fact("pangu-open-sourced")]];
    expect(rewritten("why?", convo(...old, ...recent))).toBe(rewritten("why?", convo(...recent)));
  });
});

describe('"tell me more"', () => {
  it("quotes the next sentence of the cited paragraph as an answered, cited Answer", () => {
    const a = answer(
      "tell me more",
      index,
      convo(["when did huawei launch the ascend 910", fact("ascend-910-launch")]),
    );
    expect(a.status).toBe("answered");
    expect(a.question).toBe("tell me more");
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]?.locator).toBe("paragraph 4, sentence 3");
    expect(a.citations[0]?.quote).toMatch(/^Huawei followed with improved versions, including the 910B/);
    expect(a.text).toBe(a.citations[0]?.quote);
  });

  it("says the paragraph has ended (unknown) and offers where the article goes on", () => {
    const first = fact("ascend-910-launch");
    const more = answer("tell me more", index, convo(["ascend 910?", first]));
    const end = answer("go on", index, convo(["ascend 910?", first], ["tell me more", more]));
    expect(end.status).toBe("unknown");
    expect(end.citations).toEqual([]);
    // Not a bare "I don't know": the passage is done, and the reply says so about the topic.
    expect(end.gap).toEqual({ topic: "Ascend 910", missing: "anything more than that" });
    expect(end.suggestions[0]?.citations[0]?.locator).toBe("paragraph 5, sentence 1");
    expect(end.suggestions[0]?.answer).toMatch(/^In April 2024, Huawei introduced AI CloudMatrix 384/);
  });

  it("after an unknown answer has nothing to continue: the question is answered as asked", () => {
    const unknown = answer("how many vacation days do I get", index);
    expect(unknown.status).toBe("unknown");
    const a = answer("tell me more", index, convo(["how many vacation days do I get", unknown]));
    expect(a).toEqual(answer("tell me more", index));
  });
});

describe('"who said that?" and "when was that?"', () => {
  const MEMO = `version: 1
title: Memo
sources:
  - id: memo
    title: Memo
    text: |
      Paul Triolo of DGA said the company had no choice. “Huawei had to change,” he explained. The memo ends.

      Huawei deployed 100 trucks. They run on Pangu.
facts:
  - id: quote
    answer: Huawei had to change.
    questions: [what did the analyst say]
    keywords: [change]
    cite:
      - source: memo
        quote: "“Huawei had to change,” he explained."
`;

  it("finds the speaker of a quote in the sentence before it", () => {
    const memo = indexOf(MEMO);
    const prev = answerFact("quote", memo) as Answer;
    const a = answer("who said that?", memo, convo(["what did the analyst say", prev]));
    expect(a.status).toBe("answered");
    expect(a.citations[0]?.locator).toBe("paragraph 1, sentences 1-2");
    expect(a.text).toMatch(/^Paul Triolo of DGA said/);
  });

  it("answers a plain statement's speaker as unknown, naming the source in the gap", () => {
    const a = answer("who said that?", index, convo(["mining trucks", fact("autonomous-mining-trucks")]));
    expect(a.status).toBe("unknown");
    expect(a.gap).toEqual({
      topic: "Huawei AI Strategy: From Sanctions to Global AI Expansion",
      missing: "who said it, beyond the source itself",
    });
  });

  it("reads the date in, or next to, the cited sentence", () => {
    const a = answer("when was that?", index, convo(["mining trucks", fact("autonomous-mining-trucks")]));
    expect(a.status).toBe("answered");
    expect(a.text).toMatch(/In May 2024/);
    const ascend = answer("when was that?", index, convo(["910b", fact("ascend-910b-910c")]));
    expect(ascend.citations[0]?.quote).toMatch(/2019/);
  });

  it("answers unknown with a gap, not an undated quote, when the paragraph gives no date", () => {
    const a = answer("when was that?", index, convo(["what did paul triolo say", fact("triolo-no-choice")]));
    expect(a.status).toBe("unknown");
    expect(a.citations).toEqual([]);
    expect(a.gap).toEqual({ topic: "Paul Triolo", missing: "when that was" });
  });
});

describe('"the other one"', () => {
  it("does not rank a follow-up's own words when its topic has left the window", () => {
    const never: FollowUpDeps = {
      ranked: (q) => {
        throw new Error(`ranked "${q}"`);
      },
    };
    const onlyFollowUps = convo(
      ...Array.from({ length: MAX_TURNS }, (): [string, Answer] => ["why?", fact("tsmc-cut-off")]),
    );
    const r = resolveFollowUp("the other one", index, onlyFollowUps, never);
    expect(r).toEqual({ kind: "question", question: "the other one" });
  });

  it("gives the previous answer's first suggestion", () => {
    const prev: Answer = { ...fact("cloudmatrix-384"), status: "suggested" };
    prev.suggestions = [
      { ...fact("cann-cuda-alternative"), factId: "cann-cuda-alternative", answer: "", question: "" },
    ];
    const a = answer("the other one", index, convo(["cloudmatrix", prev]));
    expect(a.factId).toBe("cann-cuda-alternative");
    expect(a.status).toBe("answered");
  });

  it("otherwise the runner-up of the earlier question, skipping facts already shown and weak ones", () => {
    const deps: FollowUpDeps = {
      ranked: (q) => {
        expect(q).toBe("what is cloudmatrix");
        return [
          { factId: "cloudmatrix-384", confidence: 0.9 },
          { factId: "not-yet-ai-leader", confidence: 0.01 },
          { factId: "cloudmatrix-vs-gb200", confidence: 0.6 },
          { factId: "cann-cuda-alternative", confidence: 0.5 },
        ];
      },
    };
    const first = convo(["what is cloudmatrix", fact("cloudmatrix-384")]);
    const r = resolveFollowUp("the other one", index, first, deps);
    expect(r.kind === "answer" && r.answer.factId).toBe("cloudmatrix-vs-gb200");
    const second = convo(
      ["what is cloudmatrix", fact("cloudmatrix-384")],
      ["the other one", fact("cloudmatrix-vs-gb200")],
    );
    const r2 = resolveFollowUp("no, the other one", index, second, deps);
    expect(r2.kind === "answer" && r2.answer.factId).toBe("cann-cuda-alternative");
  });
});

describe("follow-up pairs of the blind tune set", () => {
  interface Row {
    id: string;
    question: string;
    expect: string[];
    kind: string;
    follows?: string;
  }
  const TUNE = new URL("../fixtures/blind/tune.jsonl", import.meta.url);

  it("rank the gold sentence first with the conversation far more often than alone", () => {
    const rows = readFileSync(TUNE, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const pairs = rows.filter((r) => r.follows && r.kind === "answerable");
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    let withContext = 0;
    let alone = 0;
    for (const r of pairs) {
      const prev = byId.get(r.follows as string) as Row;
      const context = convo([prev.question, answer(prev.question, index)]);
      if (hitRank(answer(r.question, index, context), r.expect) === 1) withContext++;
      if (hitRank(answer(r.question, index), r.expect) === 1) alone++;
    }
    // Measured: 6 of 6 with the conversation, 3 of 6 alone (ranking, whatever the status).
    expect(withContext).toBeGreaterThanOrEqual(pairs.length - 1);
    expect(withContext).toBeGreaterThan(alone);
  });
});

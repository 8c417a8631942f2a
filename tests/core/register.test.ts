import { beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import type { SearchIndex } from "../../src/core/index-build.js";
import { classifySmallTalk, MAX_CHAT_CHARS, normalizeQuestion } from "../../src/core/register.js";
import { foldText, terms } from "../../src/core/text.js";
import { loadShipped } from "../knowledge/fixtures.js";

/** Chat register: what people type around a question must not change which answer they get. */

describe("normalizeQuestion()", () => {
  it.each([
    ["@strategybot what is pangu?", "what is pangu?"],
    ["@strategy-bot tell me about smic", "tell me about smic"],
    ["@bot what is pangu?", "what is pangu?"],
    ["<@U123ABC> what is pangu?", "what is pangu?"],
    ["hey bot, what is pangu?", "what is pangu?"],
    ["yo bot whats cloudmatrix", "what is cloudmatrix"],
    ["wher does huawei make the trucks", "where does huawei make the trucks"],
    ["wen did hauwei launch pangu", "when did hauwei launch pangu"],
    ["ok bot what is CANN lol", "what is CANN"],
    ["hi! quick one pls: who runs huawei cloud??? thx", "who runs huawei cloud?"],
    ["how much $$ did huawei make last yr", "how much money did huawei make last year"],
    ["what is pangu?!?!", "what is pangu?"],
    ["@strategybot how many ppl use pangu", "how many people use pangu"],
    ["Good morning 👋 what is CANN :wave:", "what is CANN"],
    ["wat r the mining trucks powered by", "what are the mining trucks powered by"],
    ["how meny sectors use pangoo", "how many sectors use pangoo"],
    ["what biz did huwaei move away from", "what business did huwaei move away from"],
    ["pls remind me what pangu is again", "what is pangu"],
    ["define pangu", "what is pangu"],
    ["describe cloudmatrix 384", "what is cloudmatrix 384"],
    ["can you tell me who runs huawei cloud?", "who runs huawei cloud?"],
    ["do you know when huawei cloud launched?", "when huawei cloud launched?"],
    ["yo is huawei going global with ai or nah", "is huawei going global with ai"],
    ["is pangu open source or not?", "is pangu open source?"],
  ])("%j -> %j", (typed, expected) => {
    expect(normalizeQuestion(typed)).toBe(expected);
  });

  it("keeps words that only look like register: U.S., a bot at the end, an email address", () => {
    expect(normalizeQuestion("what did the U.S. do to huawei")).toBe("what did the U.S. do to huawei");
    expect(normalizeQuestion("what is a bot?")).toBe("what is a bot?");
    expect(normalizeQuestion("is ceo@huawei.com real")).toBe("is ceo@huawei.com real");
    expect(normalizeQuestion("did it cost $5bn")).toBe("did it cost $5bn");
    expect(normalizeQuestion("how much does huawei spend on r&d")).toBe("how much does huawei spend on r&d");
    expect(normalizeQuestion("is R used for ai")).toBe("is R used for ai");
    // Only an indirect question is reordered, and "tell me about" is no indirect question.
    expect(normalizeQuestion("what pangu is")).toBe("what pangu is");
    expect(normalizeQuestion("tell me about smic")).toBe("tell me about smic");
  });

  it("removes zero-width, soft-hyphen and bidi characters inside words", () => {
    for (const ch of ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e"]) {
      expect(normalizeQuestion(`what is CA${ch}NN`)).toBe("what is CANN");
      expect(terms(`CA${ch}NN`)).toEqual(terms("CANN"));
    }
    expect(foldText("Hua\u00adwei")).toBe("Huawei");
  });

  it("reads at most MAX_CHAT_CHARS characters", () => {
    const long = `what is pangu ${"x ".repeat(20_000)}`;
    expect(normalizeQuestion(long).length).toBeLessThanOrEqual(MAX_CHAT_CHARS);
    expect(classifySmallTalk(`hi ${"x".repeat(40_000)}`)).toBeUndefined();
  });
});

describe("classifySmallTalk()", () => {
  it.each([
    ["hi", "greeting"],
    ["Hello!", "greeting"],
    ["hey bot", "greeting"],
    ["@strategybot hi there", "greeting"],
    ["good morning team 👋", "greeting"],
    ["thanks!", "thanks"],
    ["thank you so much", "thanks"],
    ["ok thanks bot", "thanks"],
    ["great, thx", "thanks"],
    ["cheers", "thanks"],
    ["help", "help"],
    ["what can you do?", "help"],
    ["<@U123> help", "help"],
  ])("%j is %s", (typed, kind) => {
    expect(classifySmallTalk(typed)).toBe(kind);
  });

  it.each([
    "hi, what is pangu?",
    "thanks, and what about CANN?",
    "help me understand CANN",
    "what is huawei's ai strategy",
    "@strategybot",
    "",
  ])("%j is not small talk", (typed) => {
    expect(classifySmallTalk(typed)).toBeUndefined();
  });
});

describe("register around a question on the shipped knowledge", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await loadShipped();
  });

  it("quotes no fact for small talk: greetings, thanks and help are the bot layer's to answer", () => {
    for (const q of ["help", "hi", "thanks!", "what can you do?"]) {
      const a = answer(q, index);
      expect(a.status).toBe("unknown");
      expect(a.suggestions).toEqual([]);
    }
  });

  it.each([
    ["@bot what is pangu?", "what is pangu?"],
    ["@strategy-bot tell me about smic", "tell me about smic"],
    ["hey bot what is CA\u200bNN??", "what is CANN?"],
    ["yo bot whats cloudmatrix", "what is cloudmatrix"],
  ])("%j gets the answer %j gets", (typed, plain) => {
    const a = answer(typed, index);
    const b = answer(plain, index);
    expect(a.status).toBe(b.status);
    expect(a.factId).toBe(b.factId);
    expect(a.confidence).toBe(b.confidence);
    // The answer shows what was typed; only the matching reads the normalised text.
    expect(a.question).toBe(typed);
  });
});

import { createHash } from "node:crypto";
import {
  citationFor,
  type Fact,
  type Knowledge,
  type KnowledgeSentence,
  type SourceInfo,
} from "../core/knowledge.js";
import { CHUNK, runNow, type Steps } from "../core/steps.js";
import { DEFAULT_LIMITS, type KnowledgeLimits } from "./limits.js";
import type { Locate } from "./parse.js";
import { type KnowledgeProblem, messages } from "./problems.js";
import type { KnowledgeFile } from "./schema.js";
import { splitSentenceSteps } from "./sentences.js";
import { QuoteIndex } from "./verify-quotes.js";
import { looksLikeGarbage } from "./warnings.js";

/**
 * Turns a schema-valid file into Knowledge: splits sources, verifies every quote, checks ids, and
 * makes every uncited sentence an implicit fact so nothing in a source is unreachable.
 */

export type CompileResult = { ok: true; knowledge: Knowledge } | { ok: false; problems: KnowledgeProblem[] };

export function versionOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

export function compileKnowledge(
  file: KnowledgeFile,
  locate: Locate,
  fileName: string,
  version: string,
  limits: KnowledgeLimits = DEFAULT_LIMITS,
): CompileResult {
  return runNow(compileSteps(file, locate, fileName, version, limits));
}

// Finding the sentence closest to a misquote is a fuzzy search over the source: for the first few only.
const CLOSEST_FOR = 5;

/** compileKnowledge in slices that yield to the event loop (see src/core/steps.ts). */
export function* compileSteps(
  file: KnowledgeFile,
  locate: Locate,
  fileName: string,
  version: string,
  limits: KnowledgeLimits = DEFAULT_LIMITS,
): Steps<CompileResult> {
  const problems: KnowledgeProblem[] = [];
  const at = (path: (string | number)[], factId?: string) => ({
    file: fileName,
    ...locate(path),
    ...(factId ? { factId } : {}),
  });

  const sources = new Map<string, SourceInfo>();
  const split = new Map<string, { quotes: QuoteIndex; offset: number }>();
  const sentences: KnowledgeSentence[] = [];
  for (const [i, src] of file.sources.entries()) {
    yield;
    if (sources.has(src.id)) {
      problems.push({
        code: "duplicate-id",
        ...at(["sources", i, "id"]),
        ...messages.duplicateId("source", src.id),
      });
      continue;
    }
    const { text: _text, ...info } = src;
    sources.set(src.id, info);
    const parts = yield* splitSentenceSteps(src.text, limits.maxSentences - sentences.length);
    if (!parts) {
      const problem = messages.limit("sentences", `over ${limits.maxSentences}`, "maxSentences");
      return { ok: false, problems: [{ code: "limit", ...at(["sources", i, "text"]), ...problem }] };
    }
    split.set(src.id, { quotes: yield* QuoteIndex.build(parts), offset: sentences.length });
    for (const s of parts) {
      sentences.push({
        index: sentences.length,
        source: src.id,
        paragraph: s.paragraph,
        sentence: s.sentence,
        text: s.text,
        ...(looksLikeGarbage(s.text) ? { noisy: true as const } : {}),
      });
    }
  }

  const facts: Fact[] = [];
  const factIds = new Set<string>();
  const cited = new Set<number>();
  let misquotes = 0;
  for (const [i, f] of file.facts.entries()) {
    if (i % CHUNK === CHUNK - 1) yield;
    if (factIds.has(f.id)) {
      problems.push({
        code: "duplicate-id",
        ...at(["facts", i, "id"], f.id),
        ...messages.duplicateId("fact", f.id),
      });
      continue;
    }
    factIds.add(f.id);
    const fact: Fact = {
      id: f.id,
      curated: true,
      ...(f.answer ? { answer: f.answer } : {}),
      questions: f.questions,
      keywords: f.keywords,
      sentences: [],
      citations: [],
      ...(f.as_of ? { asOf: f.as_of } : {}),
      ...(f.review_by ? { reviewBy: f.review_by } : {}),
      ...(f.owner ? { owner: f.owner } : {}),
    };
    f.cite.forEach((c, j) => {
      // Positions are computed only for problems: for JSON files they need a slow YAML parse.
      const where = () => at(["facts", i, "cite", j, "quote"], f.id);
      const source = sources.get(c.source);
      const parts = split.get(c.source);
      if (!source || !parts) {
        problems.push({
          code: "unknown-source",
          ...at(["facts", i, "cite", j, "source"], f.id),
          ...messages.unknownSource(c.source, [...sources.keys()]),
        });
        return;
      }
      const m = parts.quotes.match(c.quote, misquotes < CLOSEST_FOR);
      if (m.kind === "partial") {
        problems.push({
          code: "partial-quote",
          ...where(),
          ...messages.partialQuote(c.source, m.sentence.text),
        });
        return;
      }
      if (m.kind === "missing") {
        misquotes++;
        problems.push({ code: "misquote", ...where(), ...messages.misquote(c.source, m.closest?.text) });
        return;
      }
      const run = sentences.slice(parts.offset + m.first, parts.offset + m.last + 1);
      for (const s of run) {
        fact.sentences.push(s.index);
        cited.add(s.index);
      }
      fact.citations.push(citationFor(run, source));
    });
    facts.push(fact);
  }

  file.tests.forEach((t, i) => {
    if (t.expect !== "unknown" && !factIds.has(t.expect)) {
      problems.push({
        code: "unknown-test-fact",
        ...at(["tests", i, "expect"]),
        ...messages.unknownTestFact(t.expect),
      });
    }
  });

  if (problems.length > 0) return { ok: false, problems };

  for (const s of sentences) {
    if (s.index % CHUNK === CHUNK - 1) yield;
    if (cited.has(s.index)) continue;
    const source = sources.get(s.source) as SourceInfo;
    facts.push(implicitFact(s, source, sentences));
  }

  return {
    ok: true,
    knowledge: {
      title: file.title,
      version,
      sources: [...sources.values()],
      sentences,
      facts,
      synonyms: file.synonyms,
      tests: file.tests.map((t, i) => ({ ...t, ...locate(["tests", i, "question"]) })),
    },
  };
}

// A sentence that opens by pointing back ("It", "That year", "These trucks") means little alone:
// its citation carries the previous sentence of the same paragraph too.
const ANAPHORA =
  /^["“‘']?(It|Its|It's|It’s|This|That|These|Those|They|Their|Them|He|She|His|Her|Such|There)\b/;

function implicitFact(s: KnowledgeSentence, source: SourceInfo, all: KnowledgeSentence[]): Fact {
  const prev = all[s.index - 1];
  const withPrev =
    prev && prev.source === s.source && prev.paragraph === s.paragraph && ANAPHORA.test(s.text);
  const run = withPrev ? [prev, s] : [s];
  return {
    id: `${s.source}#p${s.paragraph}.s${s.sentence}`,
    curated: false,
    questions: [],
    keywords: [],
    sentences: run.map((r) => r.index),
    citations: [citationFor(run, source)],
  };
}

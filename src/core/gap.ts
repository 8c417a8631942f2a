import type { Fact } from "./knowledge.js";
import type { AnswerType } from "./question.js";
import type { Candidate, Ranked } from "./scorer.js";
import { termOf } from "./text.js";

/**
 * The gap of a near-miss: what the knowledge knows about (the topic, as the knowledge spells the
 * question's names: "Huawei Cloud", "CloudMatrix 384") and what it does not say (the attribute or the
 * kind of answer asked for). The bot words it "I know about Huawei Cloud, but not who runs it."
 */

/** What a failed type check says is missing, as the asker would put it. */
const MISSING_TYPE: Record<AnswerType, string> = {
  entity: "who",
  date: "when",
  place: "where",
  number: "how many",
  amount: "how much",
  reason: "why",
};

const TOKEN = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu;
/** Small words a name may hold between its capitalised words ("Belt and Road"). */
const JOINERS = new Set(["and", "of"]);

export interface Gap {
  gap: { topic: string; missing: string };
  /** The candidates whose quote names the topic: the closest facts to offer as suggestions. */
  about: Candidate[];
}

function quoteOf(fact: Fact | undefined): string {
  return fact?.citations.map((c) => c.quote).join(" ") ?? "";
}

/**
 * The question's topic words the quote writes as a name (capitalised or with a digit), as runs in the
 * quote's own order: "who runs huawei cloud" on "Huawei Cloud, launched in 2017…" -> ["Huawei Cloud"].
 */
export function namesIn(quote: string, topic: ReadonlySet<string>): string[] {
  const runs: string[][] = [];
  let run: string[] = [];
  let pending: string[] = [];
  for (const m of quote.matchAll(TOKEN)) {
    const surface = m[0].replace(/['’]s$/, "");
    const isName = /[\p{Lu}\d]/u.test(surface) && topic.has(termOf(surface.toLowerCase()));
    if (isName) {
      run.push(...pending, surface);
      pending = [];
    } else if (run.length > 0 && JOINERS.has(surface) && pending.length === 0) pending.push(surface);
    else {
      if (run.length > 0) runs.push(run);
      run = [];
      pending = [];
    }
  }
  if (run.length > 0) runs.push(run);
  // Longest first, so a run inside an earlier one ("384" in "CloudMatrix 384") is dropped.
  const out = runs.sort((a, b) => b.length - a.length).map((r) => r.join(" "));
  return out.filter((r, i) => !out.slice(0, i).some((o) => ` ${o} `.includes(` ${r} `)));
}

/** Share of the question's idf mass (the attribute left out) a fact must cover to be "about" its topic. */
const MIN_TOPIC_COVERAGE = 0.6;

export function gapOf(
  ranked: Ranked,
  facts: readonly Fact[],
  has: (term: string, doc: number) => boolean,
): Gap | undefined {
  const { analysis, concepts, candidates, unknownNames } = ranked;
  const best = candidates[0];
  if (!best || (best.focusCovered && best.typeMatch && unknownNames.length === 0)) return undefined;
  const unknown = new Set(unknownNames.map((n) => termOf(n.toLowerCase())));
  const missing =
    unknownNames.length > 0
      ? `anything about ${unknownNames.join(" or ")}`
      : !best.focusCovered && analysis.focus
        ? analysis.focus.name === "headcount"
          ? `how many ${analysis.focus.words[0]}`
          : analysis.focus.name
        : analysis.expects
          ? MISSING_TYPE[analysis.expects]
          : analysis.defines
            ? "what it is"
            : "";
  if (!missing) return undefined;
  const focus = new Set([...(analysis.focus?.words ?? []).map(termOf), ...unknown]);
  // The topic's words and what the query read them as ("cloudmatirx" -> cloudmatrix), minus the focus.
  const topic = new Set<string>(analysis.topic.map(termOf));
  // Typo corrections only: a synonym ("CUDA" for CANN) is not what the asker named.
  for (const c of concepts) for (const a of c.alternatives) if (a.fuzzy) topic.add(a.term);
  for (const f of focus) topic.delete(f);
  // The best quote that names the topic (the top one first): a near-miss may rank a fact about
  // something else first ("What is Pangu's market share?" ranks a Nvidia warning with "market").
  const about = candidates.filter((c) => namesIn(quoteOf(facts[c.doc]), topic).length > 0);
  const first = about[0];
  if (!first) return undefined;
  // The fact must cover most of what the question asks about besides the attribute (idf-weighted):
  // "nvidia stock price" is about Nvidia's stock, which the knowledge never covers.
  let asked = 0;
  let covered = 0;
  for (const c of concepts) {
    if (focus.has(termOf(c.word))) continue;
    asked += c.idf;
    if (c.alternatives.some((a) => has(a.term, first.doc))) covered += c.idf;
  }
  if (asked > 0 && covered / asked < MIN_TOPIC_COVERAGE) return undefined;
  const names = namesIn(quoteOf(facts[first.doc]), topic);
  // Every name the question typed must be known: "Tesla Model 3" is not about a "Model" we know.
  const known = new Set(
    about.flatMap((c) => namesIn(quoteOf(facts[c.doc]), topic)).flatMap((n) => n.split(" ")),
  );
  const knownTerms = new Set([...known].map((w) => termOf(w.toLowerCase())));
  if (analysis.names.some((n) => !knownTerms.has(termOf(n)) && !focus.has(termOf(n)))) return undefined;
  return { gap: { topic: names.join(" and "), missing }, about };
}

import type { SearchIndex } from "../core/index-build.js";
import type { Ranked } from "../core/scorer.js";
import { SIGNAL_NAMES } from "../core/signals.js";
import type { Answer } from "../core/types.js";

/**
 * `--explain`: the question analysis and, for the best candidates, each named signal's value, its
 * calibrated weight and contribution (weight x value) to the logit, then the checks and the status.
 */

export interface Explanation {
  intent: string;
  expects?: string;
  focus?: string;
  topic: string[];
  profile: string;
  calibrated: boolean;
  thresholds: { answered: number; suggested: number };
  candidates: {
    factId: string;
    confidence: number;
    bias: number;
    signals: { name: string; value: number; weight: number; contribution: number }[];
    focusCovered: boolean;
    typeMatch: boolean;
    /** States every name the question is about (FactChecks.namesAll). */
    namesCovered: boolean;
    /** Restates a curated example question: answered below the threshold (see statusOf). */
    restates: boolean;
  }[];
  status: Answer["status"];
  gap?: Answer["gap"];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function explanationOf(a: Answer, ranked: Ranked, index: SearchIndex, top = 2): Explanation {
  const { scorer } = index;
  const w = scorer.weights;
  return {
    intent: ranked.analysis.intent,
    ...(ranked.analysis.expects ? { expects: ranked.analysis.expects } : {}),
    ...(ranked.analysis.focus ? { focus: ranked.analysis.focus.name } : {}),
    topic: ranked.analysis.topic,
    profile: scorer.profile,
    calibrated: w !== undefined,
    thresholds: scorer.thresholds,
    candidates: ranked.candidates.slice(0, top).map((c) => ({
      factId: index.knowledge.facts[c.doc]?.id ?? String(c.doc),
      confidence: r3(c.confidence),
      bias: r3(w?.bias ?? 0),
      signals: SIGNAL_NAMES.map((name) => {
        // Without a calibration the confidence is the hand-set signal itself: weight 1 on it.
        const weight = w ? w.weights[name] : name === "handSet" ? 1 : 0;
        return {
          name,
          value: r3(c.signals[name]),
          weight: r3(weight),
          contribution: r3(weight * c.signals[name]),
        };
      }),
      focusCovered: c.focusCovered,
      typeMatch: c.typeMatch,
      namesCovered: c.namesCovered,
      restates: c.signals.exampleExact === 1,
    })),
    status: a.status,
    ...(a.gap ? { gap: a.gap } : {}),
  };
}

export function renderExplanation(e: Explanation): string {
  const lines = [
    `analysis   intent ${e.intent}${e.expects ? `, expects ${e.expects}` : ""}${e.focus ? `, focus "${e.focus}"` : ""}, topic [${e.topic.join(", ")}]`,
    `calibration ${e.calibrated ? "learned" : "hand-set fallback"} (profile ${e.profile}): answered >= ${e.thresholds.answered}, suggested >= ${e.thresholds.suggested}`,
  ];
  e.candidates.forEach((c, i) => {
    lines.push(
      `candidate ${i + 1}  ${c.factId}  confidence ${c.confidence.toFixed(3)}  (bias ${c.bias})`,
      "  signal          value    weight   contribution",
    );
    for (const s of c.signals) {
      if (s.weight === 0 && s.value === 0) continue;
      lines.push(
        `  ${s.name.padEnd(14)} ${s.value.toFixed(3).padStart(7)} ${s.weight.toFixed(3).padStart(9)} ${s.contribution.toFixed(3).padStart(10)}`,
      );
    }
    lines.push(
      `  checks: focus ${c.focusCovered ? "covered" : "MISSING"}, answer type ${c.typeMatch ? "ok" : "MISSING"}, names ${c.namesCovered ? "stated" : "MISSING"}${c.restates ? "; restates a curated example question" : ""}`,
    );
  });
  lines.push(`status     ${e.status}${e.gap ? ` (gap: knows "${e.gap.topic}", not ${e.gap.missing})` : ""}`);
  return lines.join("\n");
}

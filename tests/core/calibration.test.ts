import { describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import {
  type Calibration,
  CalibrationError,
  calibrationFromText,
  DEFAULT_CALIBRATION,
  FALLBACK_THRESHOLDS,
  parseCalibration,
} from "../../src/core/calibration.js";
import { buildIndex } from "../../src/core/index-build.js";
import { SIGNAL_NAMES } from "../../src/core/signals.js";
import { TUNABLES } from "../../src/core/tunables.js";
import { fixtureText, knowledgeOf, loadShipped } from "../knowledge/fixtures.js";

/** Loading the learned calibration: bad files fail with a coded error, a missing profile falls back. */

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof CalibrationError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return undefined;
}

describe("calibration loading", () => {
  it("the committed calibration has both profiles, a weight for every signal and ordered thresholds", () => {
    for (const profile of ["curated", "sources"] as const) {
      const p = DEFAULT_CALIBRATION.profiles[profile];
      expect(p).toBeDefined();
      expect(Object.keys(p?.weights ?? {}).sort()).toEqual([...SIGNAL_NAMES].sort());
      expect(p?.thresholds.suggested).toBeLessThanOrEqual(p?.thresholds.answered ?? 0);
    }
  });

  it("refuses bad JSON and bad fields with CALIBRATION_INVALID and a way out", () => {
    expect(codeOf(() => calibrationFromText("{not json"))).toMatch(
      /^CALIBRATION_INVALID: calibration file is invalid: not JSON \(.*\)\. Regenerate it with `npm run calibrate`\.$/,
    );
    expect(codeOf(() => parseCalibration([]))).toMatch(/missing "profiles" object/);
    expect(codeOf(() => parseCalibration({ profiles: { other: {} } }))).toMatch(/unknown profile "other"/);
    const good = JSON.parse(JSON.stringify(DEFAULT_CALIBRATION)) as Calibration;
    const curated = good.profiles.curated as NonNullable<Calibration["profiles"]["curated"]>;
    expect(codeOf(() => parseCalibration({ profiles: { curated: { ...curated, bias: "x" } } }))).toMatch(
      /profiles\.curated\.bias must be a finite number/,
    );
    expect(
      codeOf(() =>
        parseCalibration({ profiles: { curated: { ...curated, weights: { ...curated.weights, nope: 1 } } } }),
      ),
    ).toMatch(/unknown signal "nope"/);
    expect(
      codeOf(() =>
        parseCalibration({
          profiles: { curated: { ...curated, thresholds: { answered: 0.2, suggested: 0.5 } } },
        }),
      ),
    ).toMatch(/suggested threshold above answered/);
    expect(codeOf(() => parseCalibration(good))).toBeUndefined();
  });

  it("falls back to the hand-set confidence when the profile is missing or calibration is null", async () => {
    const shipped = await loadShipped();
    const fallback = buildIndex(shipped.knowledge, { calibration: { profiles: {} } });
    expect(fallback.scorer.weights).toBeUndefined();
    expect(fallback.scorer.thresholds).toEqual(FALLBACK_THRESHOLDS);
    const none = buildIndex(shipped.knowledge, { calibration: null });
    const a = answer("what is CANN?", none);
    expect(a.factId).toBe("cann-cuda-alternative");
    // Without weights the confidence is the hand-set signal itself.
    const best = none.scorer.rank("what is CANN?").candidates[0];
    expect(a.confidence).toBeCloseTo(best?.signals.handSet ?? -1, 3);
  });

  it("picks the profile from the knowledge: curated facts or sources only", async () => {
    expect((await loadShipped()).scorer.profile).toBe("curated");
    expect(buildIndex(knowledgeOf(fixtureText("sources-only.yaml"))).scorer.profile).toBe("sources");
  });

  it("keeps every tunable in one frozen object", () => {
    expect(Object.isFrozen(TUNABLES)).toBe(true);
    expect(Object.isFrozen(TUNABLES.bm25.b)).toBe(true);
  });
});

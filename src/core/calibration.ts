import committed from "./calibration.json" with { type: "json" };
import { SIGNAL_NAMES, type SignalName } from "./signals.js";

/**
 * Learned calibration: a logistic regression over the named signals, trained by `npm run calibrate`
 * (scripts/calibrate.ts) and committed as src/core/calibration.json. One weight set per profile:
 * `curated` for knowledge with curated facts, `sources` for sources-only knowledge, whose signals
 * mean different things (no example questions, no keywords).
 *
 * Fallback (documented in the README): a profile missing from the file, or `buildIndex` given
 * `calibration: null`, uses the hand-set formula of earlier versions (`handSet` signal) with the
 * thresholds in FALLBACK_THRESHOLDS.
 */

export type Profile = "curated" | "sources";

export interface Thresholds {
  /** Confidence from which the top fact is `answered`. */
  answered: number;
  /** Confidence from which it is offered as `suggested` ("this may answer it"). */
  suggested: number;
}

export interface ProfileWeights {
  bias: number;
  weights: Record<SignalName, number>;
  thresholds: Thresholds;
}

export interface Calibration {
  /** What it was trained on, for people reading the file. */
  trainedOn?: string[];
  profiles: Partial<Record<Profile, ProfileWeights>>;
}

export const FALLBACK_THRESHOLDS: Thresholds = Object.freeze({ answered: 0.5, suggested: 0.3 });

/** An expected failure with a stable code (the file crosses a boundary: a person may edit it). */
export class CalibrationError extends Error {
  constructor(
    readonly code: "CALIBRATION_INVALID",
    message: string,
  ) {
    super(message);
    this.name = "CalibrationError";
  }
}

function bad(why: string): never {
  throw new CalibrationError(
    "CALIBRATION_INVALID",
    `calibration file is invalid: ${why}. Regenerate it with \`npm run calibrate\`.`,
  );
}

function num(x: unknown, where: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) bad(`${where} must be a finite number`);
  return x;
}

/** Validates parsed calibration JSON; throws CalibrationError (code CALIBRATION_INVALID) naming the bad field. */
export function parseCalibration(data: unknown): Calibration {
  if (typeof data !== "object" || data === null) bad("not a JSON object");
  const profiles = (data as { profiles?: unknown }).profiles;
  if (typeof profiles !== "object" || profiles === null) bad('missing "profiles" object');
  const out: Calibration["profiles"] = {};
  for (const [name, p] of Object.entries(profiles)) {
    if (name !== "curated" && name !== "sources") bad(`unknown profile "${name}" (curated or sources)`);
    if (typeof p !== "object" || p === null) bad(`profiles.${name} must be an object`);
    const w = (p as { weights?: unknown }).weights;
    if (typeof w !== "object" || w === null) bad(`profiles.${name}.weights must be an object`);
    const weights = {} as Record<SignalName, number>;
    for (const s of SIGNAL_NAMES)
      weights[s] = num((w as Record<string, unknown>)[s] ?? 0, `profiles.${name}.weights.${s}`);
    for (const k of Object.keys(w))
      if (!(SIGNAL_NAMES as readonly string[]).includes(k))
        bad(`profiles.${name}.weights has unknown signal "${k}"`);
    const t = (p as { thresholds?: Record<string, unknown> }).thresholds;
    if (typeof t !== "object" || t === null) bad(`profiles.${name}.thresholds must be an object`);
    const thresholds = {
      answered: num(t.answered, `profiles.${name}.thresholds.answered`),
      suggested: num(t.suggested, `profiles.${name}.thresholds.suggested`),
    };
    if (thresholds.suggested > thresholds.answered)
      bad(`profiles.${name}: suggested threshold above answered`);
    out[name] = { bias: num((p as { bias?: unknown }).bias, `profiles.${name}.bias`), weights, thresholds };
  }
  const trainedOn = (data as { trainedOn?: unknown }).trainedOn;
  return { ...(Array.isArray(trainedOn) ? { trainedOn: trainedOn.map(String) } : {}), profiles: out };
}

/** Parses calibration JSON text (for `--calibration FILE`): bad JSON is a CalibrationError too. */
export function calibrationFromText(text: string): Calibration {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    bad(`not JSON (${(e as Error).message})`);
  }
  return parseCalibration(data);
}

/** The committed calibration, validated once when the module loads. */
export const DEFAULT_CALIBRATION: Calibration = parseCalibration(committed);

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

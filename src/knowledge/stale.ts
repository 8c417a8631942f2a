import { createHash } from "node:crypto";
import type { Knowledge } from "../core/knowledge.js";

/**
 * Facts that may no longer be true: past their `review_by` date, or citing a source whose text
 * changed since the knowledge that was serving before, or since the last load before a restart (a
 * quote can still match a sentence that now says something else around it).
 */

export interface OverdueFact {
  factId: string;
  reviewBy: string;
  owner?: string;
}

export interface ChangedSource {
  source: string;
  /** Curated facts that cite the source. */
  facts: string[];
}

/**
 * review_by is YYYY, YYYY-MM or YYYY-MM-DD; a fact is overdue once today (cut to the same precision)
 * is later, so "2025-06" is overdue from July 2025 on.
 */
export function overdueFacts(k: Knowledge, now: Date): OverdueFact[] {
  const today = now.toISOString().slice(0, 10);
  return k.facts
    .filter((f) => f.reviewBy && today.slice(0, f.reviewBy.length) > f.reviewBy)
    .map((f) => ({ factId: f.id, reviewBy: f.reviewBy as string, ...(f.owner ? { owner: f.owner } : {}) }))
    .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy));
}

export function sourceHashes(k: Knowledge): Map<string, string> {
  const texts = new Map<string, string[]>();
  for (const s of k.sentences) texts.set(s.source, [...(texts.get(s.source) ?? []), s.text]);
  return new Map(
    [...texts].map(([id, t]) => [id, createHash("sha256").update(t.join("\n")).digest("hex").slice(0, 16)]),
  );
}

/** Sources present in both versions whose text differs, with the new version's facts that cite them. */
export function changedSources(before: Knowledge | undefined, after: Knowledge): ChangedSource[] {
  return before ? changedSince(sourceHashes(before), after) : [];
}

/**
 * Sources whose text hash differs from `old` (hashes kept from an earlier load, e.g. before a restart),
 * with the facts citing them. A source absent from `old` is new, not changed.
 */
export function changedSince(old: ReadonlyMap<string, string>, after: Knowledge): ChangedSource[] {
  const now = sourceHashes(after);
  const out: ChangedSource[] = [];
  for (const [id, hash] of now) {
    const was = old.get(id);
    if (was === undefined || was === hash) continue;
    const facts = after.facts
      .filter((f) => f.curated && f.citations.some((c) => c.source === id))
      .map((f) => f.id);
    out.push({ source: id, facts });
  }
  return out;
}

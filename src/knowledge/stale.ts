import { createHash } from "node:crypto";
import type { Knowledge } from "../core/knowledge.js";
import { CHUNK, runNow, type Steps } from "../core/steps.js";

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

/** Where a fact's own hash is kept in the same map as the sources' (ids never contain ":"). */
const FACT_KEY = "fact:";

/** Two 32-bit FNV-1a hashes of the UTF-16 code units (different offsets), as one 53-bit number. */
function fingerprint(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const digest = (h: ReturnType<typeof createHash>) => h.digest("hex").slice(0, 16);

// Hashes per Knowledge object: a reload needs them for the old version, the new one, and the keeper.
const cache = new WeakMap<Knowledge, Map<string, string>>();

/**
 * Content hashes, linear in the text (plus a numeric sort): per source, a hash of its sentences'
 * fingerprints sorted (so moving sentences changes nothing), and per curated fact (`fact:<id>`), the hash of the text it quotes.
 */
export function sourceHashes(k: Knowledge): Map<string, string> {
  return cache.get(k) ?? runNow(sourceHashSteps(k));
}

/** sourceHashes in slices (src/core/steps.ts), for reloads while serving; remembered per Knowledge. */
export function* sourceHashSteps(k: Knowledge): Steps<Map<string, string>> {
  const known = cache.get(k);
  if (known) return known;
  // Per sentence a 53-bit fingerprint (two 32-bit FNV-1a variants), computed in chunks; per source
  // the fingerprints sorted as numbers (so order does not count) and hashed with SHA-256 in one go.
  const perSource = new Map<string, number[]>();
  for (const s of k.sentences) {
    const list = perSource.get(s.source);
    if (list) list.push(fingerprint(s.text));
    else perSource.set(s.source, [fingerprint(s.text)]);
    if (s.index % CHUNK === CHUNK - 1) yield;
  }
  const out = new Map<string, string>();
  for (const [id, list] of perSource) {
    const sorted = Float64Array.from(list).sort();
    out.set(id, digest(createHash("sha256").update(new Uint8Array(sorted.buffer))));
    yield;
  }
  for (const f of k.facts) {
    if (!f.curated) continue;
    const h = createHash("sha256");
    for (const c of f.citations) h.update(`${c.source}\n${c.quote}\n`);
    out.set(`${FACT_KEY}${f.id}`, digest(h));
  }
  cache.set(k, out);
  return out;
}

/** Sources present in both versions whose text differs, with the new version's facts that cite them. */
export function changedSources(before: Knowledge | undefined, after: Knowledge): ChangedSource[] {
  return before ? changedSince(sourceHashes(before), after) : [];
}

/**
 * Sources whose content hash differs from `old` (hashes kept from an earlier load, e.g. before a
 * restart). A source absent from `old` is new, not changed. The facts listed are exactly those whose
 * quoted text changed when there are any (an edited quoted sentence); otherwise, as the change is
 * around the quotes, every curated fact citing the source (a quote can now stand in another context).
 */
export function changedSince(old: ReadonlyMap<string, string>, after: Knowledge): ChangedSource[] {
  const now = sourceHashes(after);
  const citing = new Map<string, string[]>();
  for (const f of after.facts) {
    if (!f.curated) continue;
    for (const source of new Set(f.citations.map((c) => c.source))) {
      push(citing, source, f.id);
    }
  }
  const out: ChangedSource[] = [];
  for (const [id, hash] of now) {
    if (id.startsWith(FACT_KEY)) continue;
    const was = old.get(id);
    if (was === undefined || was === hash) continue;
    const facts = citing.get(id) ?? [];
    const edited = facts.filter((f) => {
      const before = old.get(`${FACT_KEY}${f}`);
      return before !== undefined && before !== now.get(`${FACT_KEY}${f}`);
    });
    out.push({ source: id, facts: edited.length > 0 ? edited : facts });
  }
  return out;
}

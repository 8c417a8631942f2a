import type { Fact, Knowledge } from "../core/knowledge.js";

/** Which curated facts a new knowledge version adds, removes and changes. */
export interface KnowledgeDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

const curated = (k: Knowledge | undefined) =>
  new Map((k?.facts ?? []).filter((f) => f.curated).map((f) => [f.id, f]));

function same(a: Fact, b: Fact): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffKnowledge(before: Knowledge | undefined, after: Knowledge): KnowledgeDiff {
  const old = curated(before);
  const now = curated(after);
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: [...now].filter(([id, f]) => old.has(id) && !same(old.get(id) as Fact, f)).map(([id]) => id),
  };
}

import type { Fact, Knowledge } from "../core/knowledge.js";

/** Which curated facts a new knowledge version adds, removes and changes. */
export interface KnowledgeDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

const curated = (k: Knowledge | undefined) =>
  new Map((k?.facts ?? []).filter((f) => f.curated).map((f) => [f.id, f]));

/**
 * A fact's content: what it says and the text it quotes, without sentence indexes or locators, so a
 * sentence added or moved elsewhere in a source does not make every later fact "changed".
 */
function content(f: Fact): string {
  const { sentences: _indexes, citations, ...rest } = f;
  return JSON.stringify({ ...rest, cites: citations.map((c) => [c.source, c.quote]) });
}

function same(a: Fact, b: Fact): boolean {
  return content(a) === content(b);
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

/**
 * Limits that refuse an absurd knowledge file before it is expanded or split, so a hostile or
 * mistaken file costs milliseconds, not minutes. Each is an environment variable (src/config.ts) and
 * each refusal names its variable, so the person who hits it knows what to raise.
 */

export interface KnowledgeLimits {
  /** KNOWLEDGE_MAX_BYTES: the file's size, and the text of all strings once YAML aliases are expanded. */
  maxBytes: number;
  /** KNOWLEDGE_MAX_ALIASES: YAML alias uses (`*name`), as the yaml parser's maxAliasCount. */
  maxAliases: number;
  /** KNOWLEDGE_MAX_SENTENCES: sentences over all sources. */
  maxSentences: number;
}

export const DEFAULT_LIMITS: Readonly<KnowledgeLimits> = Object.freeze({
  // 32 MB holds ~250k sentences of prose: well past the 100k the bench measures.
  maxBytes: 32 * 1024 * 1024,
  maxAliases: 100,
  maxSentences: 200_000,
});

export const LIMIT_VARIABLES: Record<keyof KnowledgeLimits, string> = {
  maxBytes: "KNOWLEDGE_MAX_BYTES",
  maxAliases: "KNOWLEDGE_MAX_ALIASES",
  maxSentences: "KNOWLEDGE_MAX_SENTENCES",
};

/**
 * Total length of every string in a parsed value: what YAML aliases expanded it to. Each object
 * counts 1 as well, so a cyclic alias (`&a [*a]`) ends too. Stops as soon as it passes `max`.
 */
export function expandedLength(value: unknown, max: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= max) {
    const v = stack.pop();
    if (typeof v === "string") total += v.length;
    else if (v && typeof v === "object") {
      total += 1;
      for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push(x);
    }
  }
  return total;
}

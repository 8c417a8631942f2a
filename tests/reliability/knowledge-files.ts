import { readFileSync } from "node:fs";
import { fixturePath } from "../knowledge/fixtures.js";

/** Knowledge files the hostile-input probe used (issue 12), built from the small test file. */

export const SMALL_TEXT = readFileSync(fixturePath("small.yaml"), "utf8");

/** One anchor used `uses` times: the yaml parser's alias limit throws inside toJS. */
export function aliasYaml(uses: number): string {
  const facts = Array.from(
    { length: uses },
    (_, i) => `  - id: f${i}
    cite:
      - source: *src
        quote: "Huawei designs the Ascend 910 chip for AI training."`,
  ).join("\n");
  return `version: 1
title: Alias test
sources:
  - id: &src memo
    title: Memo
    text: "Huawei designs the Ascend 910 chip for AI training."
facts:
${facts}
`;
}

/** A few aliases of one big text: small on disk, large once expanded. */
export function expandingYaml(copies: number, textChars: number): string {
  const sentence = "Huawei designs the Ascend 910 chip for AI training. ";
  const text = sentence.repeat(Math.ceil(textChars / sentence.length));
  const sources = Array.from(
    { length: copies },
    (_, i) => `  - id: s${i}
    title: Copy ${i}
    text: *big`,
  ).join("\n");
  return `version: 1
title: Expanding
sources:
  - id: base
    title: Base
    text: &big "${text}"
${sources}
`;
}

/** Strict JSON with a key written twice inside fact 0 (JSON.parse keeps the last silently). */
export const DUPLICATE_KEY_JSON = `{
  "version": 1,
  "title": "Duplicate keys",
  "sources": [
    { "id": "memo", "title": "Memo", "text": "Huawei designs the Ascend 910 chip for AI training." }
  ],
  "facts": [
    {
      "id": "ascend",
      "answer": "First answer.",
      "answer": "Second answer.",
      "cite": [{ "source": "memo", "quote": "Huawei designs the Ascend 910 chip for AI training." }]
    }
  ]
}
`;

/** A source of `n` sentences in paragraphs of five. */
export function manySentencesYaml(n: number): string {
  const paras: string[] = [];
  for (let i = 0; i < n; i += 5) {
    const sentences = Array.from(
      { length: Math.min(5, n - i) },
      (_, k) => `Sentence number ${i + k} is here.`,
    );
    paras.push(`      ${sentences.join(" ")}`);
  }
  return `version: 1
title: Many sentences
sources:
  - id: long
    title: Long
    text: |
${paras.join("\n\n")}
`;
}

/** Bytes that are no YAML at all, with control characters: what /healthz must not echo back. */
export function binaryBytes(size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 7919) % 256;
  return b;
}

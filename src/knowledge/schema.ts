import { z } from "zod";

/**
 * The knowledge file format. This zod schema is the single source of truth: the TypeScript types are
 * inferred from it and `knowledge/schema.json` is generated from it (`npm run schema`).
 */

const id = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    "ids use letters, digits, '.', '_' and '-' and start with a letter or digit",
  );

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "dates are written YYYY, YYYY-MM or YYYY-MM-DD")
  .describe("An ISO date: YYYY, YYYY-MM or YYYY-MM-DD");

// YAML turns unquoted 2024-05-01 into a Date and 2024 into a number; accept both and keep the text.
const dateField = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "number" ? String(v) : v),
  isoDate,
);

export const citeSchema = z
  .object({
    source: id.describe("The id of a source in `sources`"),
    quote: z
      .string()
      .min(1)
      .describe("One or more whole consecutive sentences of that source, copied verbatim"),
  })
  .strict();

export const sourceSchema = z
  .object({
    id,
    title: z.string().min(1),
    url: z.url().optional(),
    published: dateField.optional(),
    text: z.string().min(1).describe("The verbatim source text; paragraphs separated by blank lines"),
  })
  .strict();

export const factSchema = z
  .object({
    id,
    answer: z.string().min(1).optional().describe("A short curated answer, faithful to the cited sentences"),
    questions: z
      .array(z.string().min(1))
      .default([])
      .describe("Example phrasings of questions this fact answers"),
    keywords: z.array(z.string().min(1)).default([]),
    cite: z.array(citeSchema).min(1).describe("The source sentences this fact relies on"),
    as_of: dateField.optional().describe("When the fact was true"),
    review_by: dateField.optional().describe("When a curator should review the fact again"),
    owner: z.string().min(1).optional().describe("Who curates this fact"),
  })
  .strict();

export const testSchema = z
  .object({
    question: z.string().min(1),
    expect: z.string().min(1).describe('A fact id, or "unknown" when the bot must not answer'),
  })
  .strict();

export const knowledgeFileSchema = z
  .object({
    version: z.literal(1),
    title: z.string().min(1),
    sources: z.array(sourceSchema).min(1),
    facts: z.array(factSchema).default([]),
    synonyms: z
      .array(z.array(z.string().min(1)).min(2))
      .default([])
      .describe("Groups of interchangeable terms, e.g. [CANN, CUDA alternative]"),
    tests: z.array(testSchema).default([]).describe("Questions a reload must still answer as expected"),
  })
  .strict();

export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
export type FactInput = z.infer<typeof factSchema>;
export type SourceInput = z.infer<typeof sourceSchema>;

/** The keys allowed in the object at a path of the file ([] top level, ["facts", 3], …), for typo hints. */
export function keysAt(path: (string | number)[]): string[] {
  const named = path.filter((p): p is string => typeof p === "string").join(".");
  const shape = {
    "": knowledgeFileSchema.shape,
    sources: sourceSchema.shape,
    facts: factSchema.shape,
    "facts.cite": citeSchema.shape,
    tests: testSchema.shape,
  }[named];
  return shape ? Object.keys(shape) : [];
}

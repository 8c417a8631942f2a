import { staleLines } from "../bot/curation.js";
import { loadConfig } from "../config.js";
import { buildIndex } from "../core/index-build.js";
import { runKnowledgeTests } from "../core/knowledge-tests.js";
import { loadKnowledgeFile, testProblems } from "../knowledge/load.js";
import { formatProblems } from "../knowledge/problems.js";
import { overdueFacts } from "../knowledge/stale.js";
import { formatWarning, knowledgeWarnings } from "../knowledge/warnings.js";
import { parseCommandArgs } from "./args.js";
import { checkDiffCommand } from "./check-diff.js";
import { type CliIO, EXIT, knowledgePath } from "./io.js";

export async function checkCommand(
  argv: string[],
  io: CliIO,
  now: () => Date = () => new Date(),
): Promise<number> {
  const args = parseCommandArgs(argv, {
    knowledge: { type: "string" },
    diff: { type: "boolean" },
    json: { type: "boolean" },
  });
  if ("error" in args) {
    io.err(`${args.error}\nusage: strategy-bot check [FILE]`);
    return EXIT.usage;
  }
  if (args.flags.diff) {
    const [oldPath, newPath] = args.positionals;
    if (!oldPath || !newPath || args.positionals.length > 2) {
      const n = args.positionals.length;
      const why =
        n === 0
          ? "check --diff needs two knowledge files: the one serving now (OLD) and the new one (NEW)"
          : n === 1
            ? `check --diff needs two knowledge files; got only ${oldPath}: add the new file after it`
            : `check --diff compares two files; got ${n}`;
      io.err(`${why}\nusage: strategy-bot check --diff OLD NEW [--json]`);
      return EXIT.usage;
    }
    return checkDiffCommand(oldPath, newPath, io, args.flags.json === true);
  }
  const path = knowledgePath(args.positionals[0] ?? args.flags.knowledge, io);
  if (!path) return EXIT.config;
  // The same KNOWLEDGE_MAX_* limits the server applies (defaults when the environment is unusable).
  const cfg = loadConfig(io.env);
  const r = await loadKnowledgeFile(path, cfg.ok ? { limits: cfg.config.knowledgeLimits } : {});
  if (!r.ok) {
    io.err(formatProblems(r.problems));
    io.err(
      `\n${path}: ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"}; the file was not loaded.`,
    );
    return EXIT.badKnowledge;
  }
  const k = r.knowledge;
  const failed = testProblems(runKnowledgeTests(buildIndex(k)), path);
  if (failed.length > 0) {
    io.err(formatProblems(failed));
    io.err(
      `\n${path}: ${failed.length} of ${k.tests.length} test questions failed; a reload of this file would be refused.`,
    );
    return EXIT.badKnowledge;
  }
  const curated = k.facts.filter((f) => f.curated);
  const implicit = k.facts.length - curated.length;
  const questions = curated.reduce((n, f) => n + f.questions.length, 0);
  io.out(
    `${path}: OK, version ${k.version}\n` +
      `  "${k.title}": ${k.sources.length} source(s), ${k.sentences.length} sentences, ` +
      `${curated.length} curated facts (${questions} example questions), ${implicit} uncited sentences ` +
      `answerable as implicit facts, ${k.synonyms.length} synonym groups, ${k.tests.length} test questions passed`,
  );
  for (const line of staleLines(overdueFacts(k, now()))) io.out(`  ${line}`);
  // Not prose (binary bytes, tables, run-on text): loaded, but worth a look (src/knowledge/warnings.ts).
  for (const w of knowledgeWarnings(k, path)) io.err(formatWarning(w));
  return EXIT.ok;
}

import { compareKnowledge, describeComparison } from "../knowledge/compare.js";
import { type CliIO, EXIT, loadIndex } from "./io.js";

/**
 * `check --diff OLD NEW`: what replacing OLD with NEW would change. Exit 0 when NEW's test questions
 * all pass (a reload would go live), 3 when one fails or NEW is refused.
 */
export async function checkDiffCommand(
  oldPath: string,
  newPath: string,
  io: CliIO,
  json = false,
): Promise<number> {
  const before = await loadIndex(oldPath, io);
  const after = await loadIndex(newPath, io);
  if (!before || !after) return EXIT.badKnowledge;
  const c = compareKnowledge(before, after);
  io.out(json ? JSON.stringify(c, null, 2) : describeComparison(c));
  return c.failures.length ? EXIT.badKnowledge : EXIT.ok;
}

import type { SearchIndex } from "../core/index-build.js";
import type { Flags } from "./args.js";
import { calibrationFlag } from "./calibration-flag.js";
import { type CliIO, EXIT, knowledgePath, loadIndex } from "./io.js";

/**
 * The index `ask` and `eval` answer from: --knowledge (else KNOWLEDGE_FILE, else the shipped file) with
 * --calibration's weights. One place, so both commands refuse the same things with the same exit codes:
 * bad configuration 78, an unreadable calibration file 1, refused knowledge 3. Each step prints its own
 * error before the command returns.
 */
export type FlagIndex = { ok: true; path: string; index: SearchIndex } | { ok: false; exit: number };

export async function indexFromFlags(flags: Flags, io: CliIO): Promise<FlagIndex> {
  const path = knowledgePath(flags.knowledge, io);
  if (!path) return { ok: false, exit: EXIT.config };
  const calibration = await calibrationFlag(flags.calibration, io);
  if (calibration === false) return { ok: false, exit: EXIT.failure };
  const index = await loadIndex(path, io, calibration === undefined ? {} : { calibration });
  if (!index) return { ok: false, exit: EXIT.badKnowledge };
  return { ok: true, path, index };
}

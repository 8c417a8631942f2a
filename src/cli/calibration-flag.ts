import { readFile } from "node:fs/promises";
import { type Calibration, CalibrationError, calibrationFromText } from "../core/calibration.js";
import type { CliIO } from "./io.js";

/**
 * `--calibration FILE` for ask and eval: another weights file (e.g. a fresh `npm run calibrate
 * -- --out F`), or `none` for the hand-set fallback. Without the flag the committed one is used.
 * Returns undefined (default), null (fallback) or the parsed file; false after printing an error.
 */
export async function calibrationFlag(
  flag: unknown,
  io: CliIO,
): Promise<Calibration | null | undefined | false> {
  if (typeof flag !== "string" || !flag) return undefined;
  if (flag === "none") return null;
  let text: string;
  try {
    text = await readFile(flag, "utf8");
  } catch (e) {
    io.err(`cannot read calibration file ${flag} (${(e as NodeJS.ErrnoException).code ?? e})`);
    return false;
  }
  try {
    return calibrationFromText(text);
  } catch (e) {
    if (!(e instanceof CalibrationError)) throw e;
    io.err(`${flag}: ${e.code}: ${e.message}`);
    return false;
  }
}

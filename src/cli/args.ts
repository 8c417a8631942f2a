import { parseArgs } from "node:util";

/** Shared flag parsing for CLI commands: unknown flags are errors, not silently ignored. */
export type Flags = Record<string, string | boolean | undefined>;

export interface ParsedArgs {
  positionals: string[];
  flags: Flags;
}

export function parseCommandArgs(
  argv: string[],
  options: Record<string, { type: "string" | "boolean"; short?: string }>,
): ParsedArgs | { error: string } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { positionals, flags: values as Flags };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

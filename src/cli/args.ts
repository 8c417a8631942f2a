import { parseArgs } from "node:util";
import { closest } from "../knowledge/closest.js";

/** Shared flag parsing for CLI commands: unknown flags are errors, not silently ignored. */
export type Flags = Record<string, string | boolean | undefined>;

export interface ParsedArgs {
  positionals: string[];
  flags: Flags;
}

type Options = Record<string, { type: "string" | "boolean"; short?: string }>;

export function parseCommandArgs(argv: string[], options: Options): ParsedArgs | { error: string } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { positionals, flags: values as Flags };
  } catch (e) {
    return { error: argsError(e as Error & { code?: string }, options) };
  }
}

/** node:util's messages, in plain words and with the flag the person probably meant. */
function argsError(e: Error & { code?: string }, options: Options): string {
  const flag = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) {
    const known = Object.keys(options).map((o) => `--${o}`);
    const guess = closest(flag.replace(/=.*$/, ""), known);
    return `unknown option ${flag}${guess ? ` (did you mean ${guess}?)` : ""}`;
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
    return options[flag.replace(/^-+/, "")]?.type === "string"
      ? `${flag} needs a value`
      : `${flag} takes no value`;
  }
  return e.message;
}

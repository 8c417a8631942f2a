import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The CLI as a child process (from source through tsx, as serve-process.test.ts runs it). */

const ENTRY = fileURLToPath(new URL("./serve-entry.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

export function startCli(args: string[], env: Record<string, string>): Cli {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ANALYTICS: "off", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs a command to its end. */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = startCli(args, env);
  cli.child.stdin?.end();
  const code = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;

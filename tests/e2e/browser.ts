import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/**
 * Debian's chromium driven by playwright-core. Never a browser a tool downloads: CI installs the
 * distribution package in .ci/run, and a developer without it gets a skip with the command to run.
 */

export const CHROMIUM = "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why the browser tests cannot run here, or undefined when they can. In CI a missing browser fails. */
export function missingBrowser(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `${CHROMIUM} not found: install it with \`apt-get install -y chromium\` (.ci/run does this in CI)`;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile every launch, so no state leaks between runs. */
export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "strategy-bot-chromium-"));
  // launchPersistentContext is how playwright takes --user-data-dir (it refuses the flag in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    timeout: 20_000,
    viewport: { width: 1000, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import { buildIndexSliced, type SearchIndex } from "../core/index-build.js";
import type { Knowledge } from "../core/knowledge.js";
import { runKnowledgeTests } from "../core/knowledge-tests.js";
import { runSliced } from "../core/steps.js";
import { asCodedError, shortMessage } from "../errors.js";
import type { Logger } from "../log.js";
import { diffKnowledge, type KnowledgeDiff } from "./diff.js";
import { DEFAULT_LIMITS, type KnowledgeLimits } from "./limits.js";
import { loadKnowledgeFile, testProblems } from "./load.js";
import { formatProblems, type KnowledgeProblem, messages } from "./problems.js";
import {
  type ChangedSource,
  changedSince,
  type OverdueFact,
  overdueFacts,
  sourceHashes,
  sourceHashSteps,
} from "./stale.js";
import { type KnowledgeWarning, knowledgeWarningSteps } from "./warnings.js";

/**
 * Holds the knowledge that is serving. A reload loads, verifies and indexes the new file off to the
 * side and swaps one reference when it is complete, so a question is always answered from exactly one
 * whole version; a broken file leaves the old knowledge serving and is reported.
 */

export interface ReloadReport extends KnowledgeDiff {
  ok: true;
  version: string;
  previousVersion?: string;
  facts: number;
  sentences: number;
  ms: number;
  /** Sources whose text changed since the knowledge that served before, with the facts citing them. */
  changedSources?: ChangedSource[];
  /** Text that loaded but is not prose (src/knowledge/warnings.ts); absent when there is none. */
  warnings?: KnowledgeWarning[];
}

export interface ReloadFailure {
  ok: false;
  problems: KnowledgeProblem[];
  /** The problems as text: file:line:column, fact id, what to do. */
  message: string;
  /** The version still serving. */
  serving?: string;
  ms: number;
}

export type ReloadResult = ReloadReport | ReloadFailure;

export interface StoreStatus {
  file: string;
  version?: string;
  title?: string;
  facts: number;
  curatedFacts: number;
  sentences: number;
  sources: number;
  loadedAt?: string;
  lastError?: { at: string; message: string };
  /** Facts past their review_by date. */
  overdue?: OverdueFact[];
  /** From the last successful load: sources whose text changed (since the previous load, across restarts too), and the facts citing them. */
  changedSources?: ChangedSource[];
}

/** Where each source's text hash is kept between runs (the analytics store), so a restart can flag changes. */
export interface SourceHashKeeper {
  loadSourceHashes(): Promise<Map<string, string>>;
  saveSourceHashes(hashes: ReadonlyMap<string, string>): Promise<void>;
}

export interface StoreOptions {
  file: string;
  now?: () => Date;
  /** Without it, changed sources are only found between reloads of one run. */
  hashes?: SourceHashKeeper;
  /** Size limits for the file (KNOWLEDGE_MAX_*); the defaults otherwise. */
  limits?: KnowledgeLimits;
  /** Where a reload that threw (a bug, not a bad file) is logged with its stack. */
  log?: Logger;
}

async function warningsOf(k: Knowledge, file: string): Promise<{ warnings?: KnowledgeWarning[] }> {
  const warnings = await runSliced(knowledgeWarningSteps(k, file));
  return warnings.length > 0 ? { warnings } : {};
}

export class KnowledgeStore {
  readonly file: string;
  readonly limits: KnowledgeLimits;
  private readonly log: Logger | undefined;
  private index: SearchIndex | undefined;
  private loadedAt: Date | undefined;
  private lastError: { at: Date; message: string } | undefined;
  private lastChangedSources: ChangedSource[] = [];
  private readonly now: () => Date;
  private readonly hashes: SourceHashKeeper | undefined;
  /** Reloads run one at a time; a reload asked for during one waits for it and then runs. */
  private pending: Promise<unknown> = Promise.resolve();
  private watcher: FSWatcher | undefined;
  private watchTimer: NodeJS.Timeout | undefined;

  constructor(opts: StoreOptions) {
    this.file = opts.file;
    this.now = opts.now ?? (() => new Date());
    this.hashes = opts.hashes;
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.log = opts.log;
  }

  /** The serving index. Take it once per question: the reference never changes under a caller. */
  current(): SearchIndex {
    if (!this.index) throw new Error("KnowledgeStore.current() before a successful load");
    return this.index;
  }

  get loaded(): boolean {
    return this.index !== undefined;
  }

  /**
   * Never rejects: whatever goes wrong, even a bug, resolves to a refused reload (ok: false) with the
   * old knowledge still serving, so no caller (SIGHUP, watch, chat, web) can crash the process.
   */
  reload(): Promise<ReloadResult> {
    const started = performance.now();
    const run = this.pending
      .then(() => this.reloadNow())
      .catch((e: unknown) => {
        const error = asCodedError(e, "knowledge_load_failed");
        this.log?.error("knowledge reload failed", { error });
        const problem = { code: "load-failed" as const, file: this.file, line: 1, column: 1 };
        return this.refuse([{ ...problem, ...messages.loadFailed(shortMessage(e)) }], started);
      });
    this.pending = run;
    return run;
  }

  private async reloadNow(): Promise<ReloadResult> {
    const started = performance.now();
    // Sliced: the old knowledge keeps answering while the new one is verified and indexed.
    const result = await loadKnowledgeFile(this.file, { sliced: true, limits: this.limits });
    const previous = this.index?.knowledge;
    if (!result.ok) return this.refuse(result.problems, started);
    const next = await buildIndexSliced(result.knowledge);
    // The file's own test questions gate the swap: a reload that makes answers worse is refused.
    const failed = testProblems(runKnowledgeTests(next), this.file);
    if (failed.length > 0) return this.refuse(failed, started);
    // Changed sources: against the knowledge that served before; on the first load, the last run's hashes.
    const before = previous ? await runSliced(sourceHashSteps(previous)) : await this.storedHashes();
    await runSliced(sourceHashSteps(next.knowledge)); // remembered: changedSince and the keeper use it
    this.index = next; // the atomic swap
    this.loadedAt = this.now();
    this.lastError = undefined;
    this.lastChangedSources = changedSince(before, next.knowledge);
    // The swap has happened: a keeper that fails (even by throwing at once) must not turn it into a refusal.
    try {
      await this.hashes?.saveSourceHashes(sourceHashes(next.knowledge));
    } catch (error) {
      this.log?.warn("knowledge source hashes not saved", { error });
    }
    return {
      ok: true,
      version: next.knowledge.version,
      ...(previous ? { previousVersion: previous.version } : {}),
      ...diffKnowledge(previous, next.knowledge),
      facts: next.knowledge.facts.length,
      sentences: next.knowledge.sentences.length,
      ms: Math.round(performance.now() - started),
      changedSources: this.lastChangedSources,
      ...(await warningsOf(next.knowledge, this.file)),
    };
  }

  private async storedHashes(): Promise<Map<string, string>> {
    try {
      return (await this.hashes?.loadSourceHashes()) ?? new Map();
    } catch {
      return new Map(); // the keeper logs its own failures; loading goes on
    }
  }

  private refuse(problems: KnowledgeProblem[], started: number): ReloadFailure {
    const serving = this.index?.knowledge.version;
    const message = formatProblems(problems);
    this.lastError = { at: this.now(), message };
    const ms = Math.round(performance.now() - started);
    return { ok: false, problems, message, ms, ...(serving ? { serving } : {}) };
  }

  status(): StoreStatus {
    const k = this.index?.knowledge;
    return {
      file: this.file,
      ...(k ? { version: k.version, title: k.title } : {}),
      facts: k?.facts.length ?? 0,
      curatedFacts: k?.facts.filter((f) => f.curated).length ?? 0,
      sentences: k?.sentences.length ?? 0,
      sources: k?.sources.length ?? 0,
      ...(this.loadedAt ? { loadedAt: this.loadedAt.toISOString() } : {}),
      ...(this.lastError
        ? { lastError: { at: this.lastError.at.toISOString(), message: this.lastError.message } }
        : {}),
      overdue: k ? overdueFacts(k, this.now()) : [],
      changedSources: this.lastChangedSources,
    };
  }

  /**
   * Reload when the file changes. Editors save in bursts (write temp, rename, write again), so wait
   * for `debounceMs` of quiet before reloading; the callback sees each reload's result.
   */
  watch(onReload: (r: ReloadResult) => void, debounceMs = 300): void {
    if (this.watcher) return;
    // Watch the folder, not the file: a save by rename replaces the file's inode and ends a file watch.
    const name = basename(this.file);
    this.watcher = watch(dirname(this.file), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(this.watchTimer);
      // reload() never rejects; a callback that throws is the caller's bug, logged, not a crash.
      this.watchTimer = setTimeout(
        () =>
          void this.reload()
            .then(onReload)
            .catch((error: unknown) => this.log?.error("knowledge watch callback failed", { error })),
        debounceMs,
      );
    });
    // An FSWatcher without an error listener throws (the folder removed, too many watches).
    this.watcher.on("error", (error) => this.log?.warn("knowledge watch failed", { error }));
  }

  close(): void {
    clearTimeout(this.watchTimer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}

import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import { buildIndexSliced, type SearchIndex } from "../core/index-build.js";
import type { Knowledge } from "../core/knowledge.js";
import { runKnowledgeTests } from "../core/knowledge-tests.js";
import { diffKnowledge, type KnowledgeDiff } from "./diff.js";
import { loadKnowledgeFile, testProblems } from "./load.js";
import type { KnowledgeProblem } from "./problems.js";
import { formatProblems } from "./problems.js";
import { type ChangedSource, changedSince, type OverdueFact, overdueFacts, sourceHashes } from "./stale.js";
import { type KnowledgeWarning, knowledgeWarnings } from "./warnings.js";

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
}

function warningsOf(k: Knowledge, file: string): { warnings?: KnowledgeWarning[] } {
  const warnings = knowledgeWarnings(k, file);
  return warnings.length > 0 ? { warnings } : {};
}

export class KnowledgeStore {
  readonly file: string;
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
  }

  /** The serving index. Take it once per question: the reference never changes under a caller. */
  current(): SearchIndex {
    if (!this.index) throw new Error("KnowledgeStore.current() before a successful load");
    return this.index;
  }

  get loaded(): boolean {
    return this.index !== undefined;
  }

  reload(): Promise<ReloadResult> {
    const run = this.pending.then(() => this.reloadNow());
    this.pending = run.catch(() => undefined);
    return run;
  }

  private async reloadNow(): Promise<ReloadResult> {
    const started = performance.now();
    // Sliced: the old knowledge keeps answering while the new one is verified and indexed.
    const result = await loadKnowledgeFile(this.file, { sliced: true });
    const previous = this.index?.knowledge;
    if (!result.ok) return this.refuse(result.problems, started, previous?.version);
    const next = await buildIndexSliced(result.knowledge);
    // The file's own test questions gate the swap: a reload that makes answers worse is refused.
    const failed = testProblems(runKnowledgeTests(next), this.file);
    if (failed.length > 0) return this.refuse(failed, started, previous?.version);
    // Changed sources: against the knowledge that served before; on the first load, the last run's hashes.
    const before = previous ? sourceHashes(previous) : await this.storedHashes();
    this.index = next; // the atomic swap
    this.loadedAt = this.now();
    this.lastError = undefined;
    this.lastChangedSources = changedSince(before, next.knowledge);
    await this.hashes?.saveSourceHashes(sourceHashes(next.knowledge)).catch(() => undefined);
    return {
      ok: true,
      version: next.knowledge.version,
      ...(previous ? { previousVersion: previous.version } : {}),
      ...diffKnowledge(previous, next.knowledge),
      facts: next.knowledge.facts.length,
      sentences: next.knowledge.sentences.length,
      ms: Math.round(performance.now() - started),
      changedSources: this.lastChangedSources,
      ...warningsOf(next.knowledge, this.file),
    };
  }

  private async storedHashes(): Promise<Map<string, string>> {
    try {
      return (await this.hashes?.loadSourceHashes()) ?? new Map();
    } catch {
      return new Map(); // the keeper logs its own failures; loading goes on
    }
  }

  private refuse(problems: KnowledgeProblem[], started: number, serving: string | undefined): ReloadFailure {
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
      this.watchTimer = setTimeout(() => void this.reload().then(onReload), debounceMs);
    });
  }

  close(): void {
    clearTimeout(this.watchTimer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}

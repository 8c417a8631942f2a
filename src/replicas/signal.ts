import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";
import { CONNECT_TIMEOUT_MS, inTransaction, safeError } from "../analytics/postgres-pool.js";
import type { ReloadResult } from "../knowledge/store.js";
import type { Logger } from "../log.js";
import type { SharedKnowledgeStore } from "./store.js";
import { firstProblem, type ReplicaAck, type ReplicaSummary, summarize, unreachable } from "./summary.js";

/**
 * Reload everywhere. A reload on one replica sends NOTIFY on CHANNEL with the new version hash; every
 * replica LISTENs, reloads the shared knowledge file and writes its outcome to the `replicas` table,
 * where each replica also beats its heart. The replica that sent the reload waits (briefly) for the
 * others' rows to name its reload, and sums them up for the admin. A replica that was disconnected
 * when a reload went out catches up from `settings.last_reload` when it reconnects.
 */

export const CHANNEL = "strategy_bot_reload";

export interface SignalOptions {
  url: string;
  pool: pg.Pool;
  store: SharedKnowledgeStore;
  log: Logger;
  heartbeatMs?: number;
  /** A replica whose heartbeat is older than this is gone: not counted, not waited for. */
  staleMs?: number;
  /** How long a reload waits for the other replicas' answers. */
  waitMs?: number;
}

export interface ReplicaRow extends ReplicaAck {
  reloadId: string | null;
  heartbeatAgeMs: number;
}

interface Notice {
  id: string;
  from: string;
  version: string | null;
}

export class ReplicaSignal {
  readonly id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 6)}`;
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastReloadId: string | null | undefined;
  private lastReloadIdHere: string | null = null;
  private known: ReplicaRow[] = [];
  private reachable = false;
  private readonly heartbeatMs: number;
  private readonly staleMs: number;
  private readonly waitMs: number;

  constructor(private readonly opts: SignalOptions) {
    this.heartbeatMs = opts.heartbeatMs ?? 2_000;
    this.staleMs = opts.staleMs ?? 10_000;
    this.waitMs = opts.waitMs ?? 3_000;
  }

  async start(): Promise<void> {
    await this.listen();
    await this.beat();
    this.timer = setInterval(() => void this.beat(), this.heartbeatMs);
    this.timer.unref();
  }

  /** For /healthz: this replica's id and every live replica's version and refusal (as of the last heartbeat). */
  health(): Record<string, unknown> {
    return {
      replica: this.id,
      database: this.reachable ? "ok" : "unavailable",
      replicas: this.known.map((r) => ({ id: r.id, version: r.version, refused: r.refused })),
    };
  }

  async broadcast(result: ReloadResult): Promise<ReplicaSummary> {
    const notice: Notice = { id: randomUUID(), from: this.id, version: result.ok ? result.version : null };
    this.lastReloadIdHere = notice.id;
    try {
      await this.announce(notice);
    } catch {
      // Once more: after a database restart the first pooled connection used may be a dead one.
      try {
        await this.announce(notice);
      } catch (e) {
        return unreachable(safeError(e).message);
      }
    }
    return this.collect(notice.id);
  }

  /** This replica's row, `settings.last_reload` and the NOTIFY, in one transaction (sent on commit). */
  private async announce(notice: Notice): Promise<void> {
    await inTransaction(this.opts.pool, async (client) => {
      await this.writeRow(client, notice.id);
      await client.query(
        `INSERT INTO settings (key, value) VALUES ('last_reload', $1)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [JSON.stringify(notice)],
      );
      await client.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(notice)]);
    });
  }

  /** Polls the replicas table until every live replica has answered `reloadId`, or the wait ends. */
  private async collect(reloadId: string): Promise<ReplicaSummary> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const rows = await this.live().catch(() => undefined);
      if (!rows) return unreachable("PostgreSQL stopped answering");
      const silent = rows.filter((r) => r.reloadId !== reloadId);
      if (silent.length === 0 || Date.now() >= deadline) {
        this.known = rows;
        const acks = rows.filter((r) => r.reloadId === reloadId);
        return summarize(
          rows.length,
          acks,
          silent.map((r) => r.id),
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async live(): Promise<ReplicaRow[]> {
    const r = await this.opts.pool.query(
      `SELECT id, version, refused, reload_id, (extract(epoch FROM now() - heartbeat_at) * 1000)::int AS age
         FROM replicas WHERE heartbeat_at > now() - $1 * interval '1 millisecond' ORDER BY id`,
      [this.staleMs],
    );
    return r.rows.map((row) => ({
      id: row.id,
      version: row.version,
      refused: row.refused,
      reloadId: row.reload_id,
      heartbeatAgeMs: row.age,
    }));
  }

  private async writeRow(q: pg.Pool | pg.PoolClient, reloadId: string | null): Promise<void> {
    const s = this.opts.store.status();
    await q.query(
      `INSERT INTO replicas (id, version, refused, reload_id, heartbeat_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (id) DO UPDATE SET version = $2, refused = $3, reload_id = $4, heartbeat_at = now()`,
      [this.id, s.version ?? null, s.lastError ? firstProblem(s.lastError.message) : null, reloadId],
    );
  }

  private async beat(): Promise<void> {
    try {
      await this.writeRow(this.opts.pool, this.lastReloadIdHere);
      this.known = await this.live();
      if (!this.reachable) this.reachable = true;
    } catch {
      this.reachable = false; // the analytics queue and dedupe log outages; health shows it
    }
    if (!this.listener && !this.reconnect && !this.stopped) this.scheduleListen(0);
  }

  private async onNotice(notice: Notice): Promise<void> {
    this.lastReloadId = notice.id;
    if (notice.from === this.id) return;
    const serving = this.opts.store.status().version;
    const r = notice.version && notice.version === serving ? undefined : await this.opts.store.reloadHere();
    if (r && !r.ok)
      this.opts.log.warn("knowledge reload refused (asked by another replica)", { error: r.message });
    else if (r) this.opts.log.info("knowledge reloaded (asked by another replica)", { version: r.version });
    this.lastReloadIdHere = notice.id;
    await this.writeRow(this.opts.pool, notice.id).catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.opts.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    client.on("error", () => this.drop(client));
    client.on("end", () => this.drop(client));
    client.on("notification", (m) => {
      if (m.channel !== CHANNEL || !m.payload) return;
      const notice = parseNotice(m.payload);
      if (notice) void this.onNotice(notice);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
      await this.catchUp();
    } catch (error) {
      this.drop(client);
      this.opts.log.debug("replicas: cannot listen for reloads yet", { error: safeError(error) });
    }
  }

  /** A reload sent while this replica was not listening: run it now. The first check only records. */
  private async catchUp(): Promise<void> {
    const r = await this.opts.pool.query<{ value: string }>(
      "SELECT value FROM settings WHERE key = 'last_reload'",
    );
    const last = r.rows[0] ? parseNotice(r.rows[0].value) : undefined;
    const first = this.lastReloadId === undefined;
    if (first || !last || last.id === this.lastReloadId) {
      this.lastReloadId = last?.id ?? null;
      return;
    }
    this.opts.log.info("replicas: catching up on a reload sent while disconnected", { reload: last.id });
    await this.onNotice(last);
  }

  private drop(client: pg.Client): void {
    if (this.listener === client) this.listener = undefined;
    client.removeAllListeners("notification");
    client.end().catch(() => undefined);
    if (!this.stopped) this.scheduleListen(1_000);
  }

  private scheduleListen(ms: number): void {
    if (this.reconnect || this.listener || this.stopped) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      if (!this.listener) void this.listen();
    }, ms);
    this.reconnect.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.reconnect);
    const l = this.listener;
    this.listener = undefined;
    await l?.end().catch(() => undefined);
    await this.opts.pool.query("DELETE FROM replicas WHERE id = $1", [this.id]).catch(() => undefined);
  }
}

/** A notice from the channel; anything else sent there (by hand, by another program) is ignored. */
function parseNotice(text: string): Notice | undefined {
  try {
    const n = JSON.parse(text) as Partial<Notice>;
    return typeof n.id === "string" && typeof n.from === "string"
      ? { id: n.id, from: n.from, version: typeof n.version === "string" ? n.version : null }
      : undefined;
  } catch {
    return undefined;
  }
}

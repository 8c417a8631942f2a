/**
 * What the admin reads after a reload when several replicas share one database: how many replicas now
 * serve which version, which refused and why, which did not answer. All of that wording lives here.
 */

export interface ReplicaAck {
  id: string;
  version: string | null;
  /** The first problem of a refused reload ("file:line:col …"); null when it reloaded. */
  refused: string | null;
}

export interface ReplicaSummary {
  /** Replicas alive when the reload went out (this one included). */
  total: number;
  acks: ReplicaAck[];
  /** Alive replicas that had not answered when the wait ended. */
  silent: string[];
  /** Set when the other replicas could not be told (the database is unavailable). */
  unreachable?: string;
  text: string;
}

export function summarize(total: number, acks: ReplicaAck[], silent: string[]): ReplicaSummary {
  const byVersion = new Map<string, number>();
  for (const a of acks) {
    if (a.refused === null && a.version) byVersion.set(a.version, (byVersion.get(a.version) ?? 0) + 1);
  }
  const refused = acks.filter((a) => a.refused !== null);
  const versions = [...byVersion].sort((a, b) => b[1] - a[1]);
  const parts = versions.map(([v, n], i) => (i === 0 ? `${n} of ${total} replicas on ${v}` : `${n} on ${v}`));
  if (parts.length === 0) parts.push(`0 of ${total} replicas reloaded`);
  if (refused.length) parts.push(`${refused.length} refused: ${refused[0]?.refused}`);
  if (silent.length) parts.push(`${silent.length} did not answer (${silent.join(", ")})`);
  return { total, acks, silent, text: `${parts.join(", ")}.` };
}

export function unreachable(reason: string): ReplicaSummary {
  return {
    total: 1,
    acks: [],
    silent: [],
    unreachable: reason,
    text: `Only this replica reloaded: the other replicas could not be told (${reason}).`,
  };
}

/** The first line of a refusal, short enough for a reply and a table column. */
export function firstProblem(message: string): string {
  const line = message.split("\n").find((l) => l.trim()) ?? message;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line.trim();
}

/** The line describeReload adds for a reload that went to every replica. */
export function replicaLines(r: object): string[] {
  const s = (r as { replicas?: ReplicaSummary }).replicas;
  return s ? [`Replicas: ${s.text}`] : [];
}

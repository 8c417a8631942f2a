/**
 * A bound on requests being handled at once. Past it the server sheds load (503 + Retry-After) rather
 * than queueing without limit, and shutdown waits for the count to reach zero (bounded).
 */
export class InFlight {
  private count = 0;
  private idle: (() => void)[] = [];

  constructor(readonly max: number) {}

  /** Takes a slot; false when all `max` are taken (0 means unbounded). */
  tryEnter(): boolean {
    if (this.max > 0 && this.count >= this.max) return false;
    this.count++;
    return true;
  }

  leave(): void {
    this.count = Math.max(0, this.count - 1);
    if (this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  get size(): number {
    return this.count;
  }

  /** Resolves true when nothing is in flight, or false after `timeoutMs`. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { InFlight } from "../../src/reliability/in-flight.js";
import { RateLimiter } from "../../src/reliability/rate-limit.js";

describe("RateLimiter", () => {
  it("allows a burst of perMinute, then one per 60/perMinute seconds, per key", () => {
    let now = 0;
    const rl = new RateLimiter({ perMinute: 3, now: () => now });
    expect([1, 2, 3].map(() => rl.take("a").ok)).toEqual([true, true, true]);
    expect(rl.take("a")).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(rl.take("b").ok).toBe(true);
    now = 19_000;
    expect(rl.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 20_001;
    expect(rl.take("a").ok).toBe(true);
    expect(rl.take("a").ok).toBe(false);
  });

  it("is off at 0 and bounded in memory", () => {
    const off = new RateLimiter({ perMinute: 0 });
    expect(Array.from({ length: 100 }, () => off.take("a").ok).every(Boolean)).toBe(true);
    const rl = new RateLimiter({ perMinute: 5, maxKeys: 10 });
    for (let i = 0; i < 100; i++) rl.take(`user-${i}`);
    expect(rl.size).toBe(10);
  });
});

describe("InFlight", () => {
  it("bounds entries and resolves drained when the last leaves, or false after the timeout", async () => {
    const f = new InFlight(2);
    expect([f.tryEnter(), f.tryEnter(), f.tryEnter()]).toEqual([true, true, false]);
    expect(await f.drained(10)).toBe(false);
    const drained = f.drained(1_000);
    f.leave();
    f.leave();
    expect(await drained).toBe(true);
    expect(new InFlight(0).tryEnter()).toBe(true);
  });
});

describe("reliability configuration", () => {
  it("has defaults and validates by name", () => {
    const ok = loadConfig({});
    expect(
      ok.ok && [ok.config.RATE_LIMIT_PER_MINUTE, ok.config.MAX_IN_FLIGHT, ok.config.SHUTDOWN_GRACE_SECONDS],
    ).toEqual([20, 64, 10]);
    const set = loadConfig({ RATE_LIMIT_PER_MINUTE: "5", MAX_IN_FLIGHT: "", SHUTDOWN_GRACE_SECONDS: "0" });
    expect(
      set.ok && [
        set.config.RATE_LIMIT_PER_MINUTE,
        set.config.MAX_IN_FLIGHT,
        set.config.SHUTDOWN_GRACE_SECONDS,
      ],
    ).toEqual([5, 64, 0]);
    const bad = loadConfig({ RATE_LIMIT_PER_MINUTE: "fast", MAX_IN_FLIGHT: "-1" });
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems.some((p) => p.startsWith("RATE_LIMIT_PER_MINUTE:") && p.includes("per minute"))).toBe(
      true,
    );
    expect(problems.some((p) => p.startsWith("MAX_IN_FLIGHT:"))).toBe(true);
  });
});

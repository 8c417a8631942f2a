import { describe, expect, it } from "vitest";
import { SeenEvents } from "../../../src/reliability/dedupe.js";

describe("SeenEvents", () => {
  it("says first time once per id within the TTL, and again after it", () => {
    let now = 0;
    const seen = new SeenEvents({ ttlMs: 1000, now: () => now });
    expect(seen.firstTime("Ev1")).toBe(true);
    expect(seen.firstTime("Ev1")).toBe(false);
    expect(seen.firstTime("Ev2")).toBe(true);
    now = 999;
    expect(seen.firstTime("Ev1")).toBe(false);
    now = 2000;
    expect(seen.firstTime("Ev1")).toBe(true);
  });

  it("stays bounded: expired ids go, and past the cap the oldest go first", () => {
    let now = 0;
    const seen = new SeenEvents({ ttlMs: 1000, max: 3, now: () => now });
    for (const id of ["a", "b", "c", "d"]) seen.firstTime(id);
    expect(seen.size).toBe(3);
    expect(seen.firstTime("d")).toBe(false);
    expect(seen.firstTime("a")).toBe(true);
    now = 5000;
    seen.firstTime("e");
    expect(seen.size).toBe(1);
  });
});

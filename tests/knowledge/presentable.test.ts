import { describe, expect, it } from "vitest";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import {
  exampleCommands,
  presentExample,
  presentQuestion,
  tidyQuestion,
} from "../../src/knowledge/presentable.js";
import { SHIPPED } from "./fixtures.js";

/** Questions on buttons: the fact's well-formed question, or the raw phrasing tidied (issue 13). */

const shipped = async () => {
  const r = await loadKnowledgeFile(SHIPPED);
  if (!r.ok) throw new Error("the shipped knowledge was refused");
  return r.knowledge;
};

describe("tidyQuestion", () => {
  it("trims, single-spaces, capitalises and adds a question mark", () => {
    expect(tidyQuestion("  huawei   cuda alternative ")).toBe("Huawei cuda alternative?");
    expect(tidyQuestion("What is CANN?")).toBe("What is CANN?");
    expect(tidyQuestion("Tell me about Pangu.")).toBe("Tell me about Pangu.");
    expect(tidyQuestion("   ")).toBe("");
  });
});

describe("presenting the shipped knowledge's questions", () => {
  it("shows a fact's well-formed question instead of the raw phrasing that matched", async () => {
    const k = await shipped();
    const raw = "which firm makes chips for huawei now that tsmc is gone";
    expect(presentQuestion(k, "smic-advanced-chips", raw)).toBe(
      "How did Huawei build advanced chips without TSMC?",
    );
    expect(presentExample(k, raw)).toBe("How did Huawei build advanced chips without TSMC?");
    // Not one of the fact's questions (e.g. the asker's own words): only tidied.
    expect(presentQuestion(k, "smic-advanced-chips", "who makes the chips")).toBe("Who makes the chips?");
  });

  it("picks well-formed example commands within Teams' 32 characters, from different facts", async () => {
    const titles = exampleCommands(await shipped(), 3, 32);
    expect(titles).toHaveLength(3);
    expect(new Set(titles).size).toBe(3);
    for (const t of titles) expect(t).toMatch(/^[A-Z].{0,30}\?$/);
  });
});

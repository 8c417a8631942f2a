/** Writes knowledge/schema.json from the zod schema, so editors complete and check knowledge files. */
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { knowledgeFileSchema } from "../src/knowledge/schema.js";

const schema = z.toJSONSchema(knowledgeFileSchema, { io: "input", unrepresentable: "any" });
const out = { ...schema, title: "strategy-bot knowledge file" };
writeFileSync(new URL("../knowledge/schema.json", import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log("wrote knowledge/schema.json");

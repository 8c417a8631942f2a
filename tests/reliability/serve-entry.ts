// The CLI as `strategy-bot` runs it, from source: what the process tests spawn (node --import tsx).
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));

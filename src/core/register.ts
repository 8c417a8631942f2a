import { foldText, stripMarkup } from "./text.js";

/**
 * Chat register: what people type around a question in Slack, Teams or a terminal, removed before the
 * question is analysed. "@strategy-bot quick one pls, whats cloudmatrix??" asks "what is cloudmatrix?".
 * Pure; every regex runs on text already capped at MAX_CHAT_CHARS, so a pasted novel costs nothing.
 */

/** Longest text read; beyond this is pasted text, not a chat message (same cap as answer()). */
export const MAX_CHAT_CHARS = 2000;

// A mention typed as text ("@strategybot", "@strategy-bot", "@bot"): the platform did not turn it into
// markup (typed in a DM, pasted, or the web chat). Only at a word start, so "a@b.com" stays whole.
const TYPED_MENTION = /(^|\s)@[\p{L}\p{N}._-]+/gu;
// Slack emoji codes (":wave:") and pictographs carry no question.
const EMOJI = /:[a-z0-9_+-]+:|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F/gu;
// Addressing the bot: "hey bot", "yo bot,", "ok bot", "strategy bot:" at the start or the end.
const BOT_NAME = String.raw`(?:strategy[\s-]?bot|bot)`;
const ADDRESS_START = new RegExp(
  String.raw`^(?:(?:hey|hi|hello|yo|ok|okay|oi|dear|so)\s+)?${BOT_NAME}\b[\s,:;!.-]*`,
  "i",
);
const BOT_WORD = new RegExp(String.raw`\b${BOT_NAME}\b`, "gi");
// At the end only after a comma or thanks ("..., bot?"), so "what is a bot?" keeps its last word.
const ADDRESS_END = new RegExp(String.raw`(?:\s*,\s*|\s+(?:thanks|thx)\s+)${BOT_NAME}\s*([?!.]*)$`, "i");
// Openers and closers that are not part of the question: only at the edges, so "quick" or "so" inside
// a question keep their meaning.
const OPENERS =
  /^(?:(?:hey|hi|hello|hiya|yo|ok|okay|so|good (?:morning|afternoon|evening)|morning|um+|uh+|hm+|well|btw|fyi|quick one|quick q|quick question|question|q|random question|dumb question|sorry|pls|plz|please)\b[\s,:;!.-]*)+/i;
// "... or nah?", "... or not?" close a yes/no question without adding to it; "again" closes a reminder.
const CLOSERS =
  /(?:[\s,;:-]+(?:thanks|thank you|thx|thnx|ty|tia|cheers|lol|lmao|haha|pls|plz|please|anyone|thanks in advance|or nah|or not|or no|again)\b)+\s*([?!.]*)$/i;
// A question asked indirectly: "remind me what pangu is", "do you know who runs it", "can you tell me
// when it launched" ask what the question inside them asks.
const INDIRECT =
  /^(?:(?:can|could|would) you\s+)?(?:remind me|tell me|explain|do you know|any idea|i wonder|i'?m wondering|wondering)\s+(?=(?:what|who|when|where|why|how|which|whether|if)\b)/i;
// "what pangu is" in an indirect question is "what is pangu".
const EMBEDDED_ORDER =
  /^(what|who|where)\s+((?:[\p{L}\p{N}-]+\s+){0,3}?[\p{L}\p{N}-]+)\s+(is|are|was|were)\s*([?!.]*)$/iu;
// "define pangu", "describe cloudmatrix": a definition asked as a command.
const DEFINE_COMMAND = /^(?:define|describe)\s+(?=\S)/i;
// Fillers dropped wherever they stand: they never carry a topic.
const FILLERS = /(^|[\s,])(?:pls|plz|please|lol|lmao|thx|thnx|tia)(?=$|[\s,;:?!.])/gi;
// Chat spellings of words the question analysis reads: "whats" is "what is", "yr" is "year".
const SPELLINGS: readonly [RegExp, string][] = [
  [/\bwhats\b|\bwats\b|\bwhat's\b/gi, "what is"],
  [/\bwhos\b|\bwho's\b/gi, "who is"],
  [/\bwheres\b|\bwhere's\b/gi, "where is"],
  [/\bhows\b|\bhow's\b/gi, "how is"],
  [/\bwhen's\b/gi, "when is"],
  [/\bwat\b|\bwut\b|\bwht\b|\bwaht\b|\bwhta\b/gi, "what"],
  // Question words typed in a hurry: the intent must survive "wher does…", "wen did…".
  [/\bwher\b|\bwhre\b|\bwehre\b/gi, "where"],
  [/\bwen\b|\bwhn\b/gi, "when"],
  [/\bwhcih\b|\bwich\b|\bhwich\b/gi, "which"],
  [/\bhwo\b/gi, "how"],
  [/\bmeny\b|\bmnay\b|\bmanny\b/gi, "many"],
  [/\bmcuh\b|\bmuhc\b/gi, "much"],
  [/\bbiz\b/gi, "business"],
  [/\bbout\b/gi, "about"],
  [/\byrs\b/gi, "years"],
  [/\byr\b/gi, "year"],
  [/\babt\b/gi, "about"],
  [/\bppl\b/gi, "people"],
  [/\bthru\b/gi, "through"],
  // Lower-case only and never next to a dot: "U.S." is the country.
  [/(?<![\w.])u(?![\w.'])/g, "you"],
  [/(?<![\w.])ur(?![\w.'])/g, "your"],
  // "wat r the trucks": a lone lower-case r is "are"; "r&d", "r/ml" and "R" the language are not.
  [/(?<![\w.&/-])r(?![\w.'&/-])/g, "are"],
  [/\bw\/o\b/gi, "without"],
  [/\bw\/(?=\s)/gi, "with"],
  [/\bbc\b|\bcuz\b/g, "because"],
  [/\bgovt\b/gi, "government"],
  // "$$" is slang for money; "$5bn" (a dollar sign before a number) is left as it stands.
  [/\${2,}/g, " money "],
  [/\$(?!\s*\d)/g, " money "],
];

function collapsePunctuation(s: string): string {
  return (
    s
      // One separator for a run of them (", - ; ,"): the edge patterns below then never rescan a run.
      .replace(/[\s,;:-]*[,;:][\s,;:-]*/g, (run) => `${run.trim()[0] ?? ","} `)
      .replace(/([?!])[?!]+/g, "$1")
      .replace(/\.{4,}/g, "...")
      .replace(/([,;:])\1+/g, "$1")
  );
}

/** Removes what surrounds the words: markup, typed mentions, emoji and invisible characters. */
function bareText(text: string): string {
  const capped = text.slice(0, MAX_CHAT_CHARS);
  return foldText(stripMarkup(capped).replace(TYPED_MENTION, "$1").replace(EMOJI, " "));
}

/**
 * The question as the analysis should read it: mentions, greetings, fillers and chat spellings gone,
 * repeated punctuation collapsed. Returns "" when nothing but register was typed ("hey bot!").
 */
export function normalizeQuestion(text: string): string {
  let s = collapsePunctuation(bareText(text));
  // Edges first, repeatedly: "hey bot, quick one pls: ..." peels one layer at a time.
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(ADDRESS_START, "").replace(OPENERS, "").replace(ADDRESS_END, "$1").replace(CLOSERS, "$1");
    s = s.trim();
    if (s === before) break;
  }
  s = s.replace(FILLERS, "$1").trim();
  s = s.replace(DEFINE_COMMAND, "what is ");
  const indirect = s.replace(INDIRECT, "");
  if (indirect !== s) s = indirect.replace(EMBEDDED_ORDER, "$1 $3 $2$4");
  for (const [re, to] of SPELLINGS) s = s.replace(re, to);
  return s
    .replace(/\s+([?!.,;:])/g, "$1")
    .replace(/^[\s,;:.-]+|[,;:]+(?=[?!.]|$)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export type SmallTalk = "greeting" | "thanks" | "help";

const GREETING =
  /^(?:hi|hello|hey|hiya|heya|yo|howdy|sup|wassup|what's up|whats up|greetings|hey there|hi there|hello there|good (?:morning|afternoon|evening|day)|morning|afternoon|evening|gm)(?: (?:bot|there|all|everyone|team|folks|again))*$/;
const THANKS =
  /^(?:(?:ok|okay|great|perfect|awesome|cool|nice|brilliant|super|got it|thanks|that helps|that helped|helpful)[ ,]*)*(?:thanks|thank you|thank u|thankyou|thx|thnx|ty|tysm|tyvm|cheers|much appreciated|appreciated|many thanks|great|perfect|awesome|cool|nice|got it|that helps|that helped|helpful|very helpful)(?: (?:a lot|so much|very much|again|bot|mate|a ton|man))*$/;
const HELP =
  /^(?:help|help me|\?|what can you do|what can i ask|what can i ask you|what do you know|what do you know about|what are you|who are you|how does this work|how do you work|how do i use (?:this|you|it)|commands|usage|menu|options|examples)$/;

/**
 * Greetings, thanks and help requests typed alone ("hi", "thanks!", "what can you do?"), for the bot
 * layer to answer in kind. A greeting followed by a question ("hi, what is pangu?") is a question: undefined.
 */
export function classifySmallTalk(text: string): SmallTalk | undefined {
  const s = bareText(text)
    .toLowerCase()
    .replace(BOT_WORD, " ")
    .replace(/[^\p{L}\p{N}'? ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const t = s === "?" ? s : s.replace(/\?+/g, "").trim();
  if (t === "") return undefined;
  if (HELP.test(t)) return "help";
  if (GREETING.test(t)) return "greeting";
  if (THANKS.test(t)) return "thanks";
  return undefined;
}

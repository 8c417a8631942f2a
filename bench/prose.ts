/**
 * Prose out of documentation markdown: code blocks, tables, headings, HTML, link targets and list
 * markers go; what remains is paragraphs of running text, and `proseOf` keeps the sentences that read
 * like English (8-40 words, no code).
 */

// A common English stopword list: the bench's own, so neither the questions nor MiniSearch lean on the bot's.
export const ENGLISH_STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves`.split(/\s+/),
);

const FENCE = /^\s*(```|~~~)/;
/** Lines that are not prose: headings, tables, HTML, link definitions, rules, admonitions. */
const NOT_PROSE_LINE = /^\s*(#|\||<|\[[^\]]*\]:|[-=*_~^]{3,}\s*$|:::|!\[|\.\. )/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;

function inline(p: string): string {
  return p
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/`([A-Za-z][\w.-]*)`/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|\s)[*_]([^*_\s][^*_]*?)[*_](?=[\s.,;:!?]|$)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

export function markdownParagraphs(md: string): string[] {
  const text = md.replace(/<!--[\s\S]*?-->/g, " ").replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (current.length > 0) paragraphs.push(inline(current.join(" ")));
    current = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (f === fence) fence = undefined;
      continue;
    }
    if (f) {
      flush();
      fence = f;
      continue;
    }
    if (!line.trim() || NOT_PROSE_LINE.test(line)) {
      flush();
      continue;
    }
    // Indented code: four spaces or a tab where no paragraph is open.
    if (current.length === 0 && /^(\s{4,}|\t)/.test(line)) continue;
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      current.push(item[1] ?? "");
      continue;
    }
    current.push(line.trim().replace(/^>\s?/, ""));
  }
  flush();
  return paragraphs;
}

const CODE_LIKE = /[`{}[\]<>|\\=#@$^~*_]|\/\/|https?:|\w\.\w+\(|\(\)|\.{3}|\s-\s*$/;
const NOT_ASCII = /[^\x20-\x7E‘’“”–—]/;
const WORD = /^[("'“]?(?:[A-Za-z][a-z'’-]*|[A-Z]{2,6}s?)[)"'”,.;:!?]*$/;

/**
 * True for a sentence of plain English: capitalised, ends with a stop, 8-40 words, no code, and as many
 * function words as English has (translated READMEs have few of them, and accents).
 */
export function proseOf(s: string): boolean {
  if (!/^[A-Z]/.test(s) || !/[a-z][.!?]$/.test(s) || CODE_LIKE.test(s) || NOT_ASCII.test(s)) return false;
  const tokens = s.split(/\s+/);
  if (tokens.length < 8 || tokens.length > 40) return false;
  const words = tokens.filter((t) => WORD.test(t)).length;
  const common = tokens.filter((t) => ENGLISH_STOPWORDS.has(t.toLowerCase())).length;
  return words / tokens.length >= 0.85 && common / tokens.length >= 0.2;
}

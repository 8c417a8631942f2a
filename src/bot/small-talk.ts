import type { SmallTalk } from "./types.js";

/**
 * Greetings and thanks said on their own ("hi", "thanks!", "hey there 👋"), so the bot answers them
 * politely instead of searching the knowledge for "hi". Deliberately narrow: any message with more
 * than a few words, or with a question in it, is a question.
 */

const GREETING =
  /^(?:hi|hii+|hello|hey|heya|hiya|yo|howdy|good (?:morning|afternoon|evening)|greetings|hallo|bonjour)(?: (?:there|all|everyone|bot|team))?$/;
const THANKS =
  /^(?:thanks?|thank you|thx|ty|tysm|cheers|much appreciated|thanks a lot|thank you so much|many thanks|great,? thanks|ok,? thanks|thanks,? bot)(?: (?:bot|a lot|so much))?$/;

export function smallTalkOf(text: string): SmallTalk | undefined {
  const t = text
    .normalize("NFKC")
    .toLowerCase()
    // Emoji, punctuation and invisible characters carry no words.
    .replace(/[^\p{L}\p{N}\s,]/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,]+|[\s,]+$/g, "");
  if (t === "" || t.length > 40) return undefined;
  if (GREETING.test(t)) return "greeting";
  if (THANKS.test(t)) return "thanks";
  return undefined;
}

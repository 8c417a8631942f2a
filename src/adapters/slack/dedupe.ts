/** Slack's event_id dedupe is the platform-free one in src/reliability (Teams uses it too). */
export { SeenEvents, type SeenEventsOptions } from "../../reliability/dedupe.js";

/**
 * Errors that cross a boundary (a reload, an HTTP handler, the CLI) carry a stable `code` that logs,
 * tests and operators can rely on, and keep what caused them, as bolt-js's `asCodedError` does.
 * Expected failures are still values (a refused reload); this is for what escaped anyway.
 */

export type ErrorCode =
  /** Something threw while loading, verifying or indexing knowledge (a bug or an exhausted limit). */
  | "knowledge_load_failed"
  /** The analytics database could not be opened or read. */
  | "analytics_unavailable"
  /** A request handler threw. */
  | "request_failed"
  /** Anything else that reached a boundary without a code. */
  | "unexpected";

export class CodedError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CodedError";
    this.code = code;
  }
}

/** `e` if it already has a code, else a CodedError with `code` and `e` as its cause. */
export function asCodedError(e: unknown, code: ErrorCode = "unexpected"): CodedError {
  if (e instanceof CodedError) return e;
  return new CodedError(code, e instanceof Error ? e.message : String(e), { cause: e });
}

/** One line for a person: the message without a stack, the first line only. */
export function shortMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (text.split("\n")[0] ?? text).slice(0, 300);
}

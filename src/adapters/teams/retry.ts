/**
 * How replies to the Bot connector are retried. botbuilder 4.23's ConnectorClient builds an Azure
 * core-client pipeline whose default retry policy (3 retries, 1 s doubling, up to 64 s) cannot be set
 * through its options (botbuilder-stdlib's ServiceClientContext drops `retryOptions`). This swaps
 * that policy on each client for one with the same rules and our own timings: network errors, 408,
 * 429 and 5xx are retried, Retry-After is honoured up to `maxDelayMs`. Tests use short timings.
 */

export interface RetryTimings {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const CONNECTOR_RETRIES: RetryTimings = { retries: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };

interface Headers {
  get(name: string): string | undefined;
}
interface Policy {
  name: string;
  sendRequest(
    request: unknown,
    next: (r: unknown) => Promise<{ status: number; headers: Headers }>,
  ): Promise<unknown>;
}
interface Pipeline {
  removePolicy(o: { name: string }): unknown;
  addPolicy(p: Policy, o: { phase: "Retry" }): void;
}

const RETRYABLE = (status: number) =>
  status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);

function retryPolicy(t: RetryTimings): Policy {
  return {
    name: "strategyBotConnectorRetry",
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt++) {
        let response: { status: number; headers: Headers } | undefined;
        let error: unknown;
        try {
          response = await next(request);
        } catch (e) {
          error = e;
        }
        if ((response && !RETRYABLE(response.status)) || attempt >= t.retries) {
          if (response) return response;
          throw error;
        }
        const after = Number(response?.headers.get("retry-after"));
        const wait = Number.isFinite(after) && after >= 0 ? after * 1000 : t.baseDelayMs * 2 ** attempt;
        await new Promise((r) => setTimeout(r, Math.min(wait, t.maxDelayMs)));
      }
    },
  };
}

/** Swaps the retry policy of a ConnectorClient; false when its shape is not the one known. */
export function useRetryTimings(connectorClient: unknown, t: RetryTimings): boolean {
  const pipeline = (connectorClient as { client?: { pipeline?: Partial<Pipeline> } })?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== "function" || typeof pipeline.addPolicy !== "function") return false;
  pipeline.removePolicy({ name: "defaultRetryPolicy" });
  pipeline.addPolicy(retryPolicy(t), { phase: "Retry" });
  return true;
}

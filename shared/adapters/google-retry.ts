// Retry policy for the Google clients (gaxios), shared by the Sheets and Forms adapters.
// Reads may be retried on any 429/5xx. A write answered 5xx may have been applied, so
// writes are retried by the client only on 429 (refused, never applied); the caller checks
// and decides instead of repeating blindly.
export function retryConfig(retries: number, delay: number, idempotent: boolean) {
  return {
    retry: true,
    retryConfig: {
      retry: retries,
      retryDelay: delay,
      retryDelayMultiplier: 2,
      maxRetryDelay: 20_000,
      httpMethodsToRetry: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE'],
      statusCodesToRetry: idempotent ? [[429, 429], [500, 599]] : [[429, 429]],
      noResponseRetries: idempotent ? retries : 0,
    },
  };
}

/** The admin commands' policy: the functions' retries for reads and writes, and a rewrite. */
export interface RetryPolicy {
  read: ReturnType<typeof retryConfig>;
  write: ReturnType<typeof retryConfig>;
  /** A write that sets the same cells to the same values: safe to repeat on a 5xx. */
  rewrite: ReturnType<typeof retryConfig>;
}

export const retryPolicy = (retries: number, delay: number): RetryPolicy => ({
  read: retryConfig(retries, delay, true),
  write: retryConfig(retries, delay, false),
  rewrite: retryConfig(retries, delay, true),
});

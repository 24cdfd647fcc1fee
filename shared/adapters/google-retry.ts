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

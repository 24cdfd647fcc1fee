// Fault injection and Google's per-minute write quota, so callers' retry and idempotency
// paths can be exercised locally. Random draws happen only for switches that are on, so a
// test injecting `random` knows exactly which draw decides what:
//   faultRate > 0         → one draw per request (< faultRate fails it), then one more to
//                           pick 429 / 500 / 503;
//   failAfterApplyRate > 0 → one draw per successfully applied write (< rate answers 503).
import { ApiError, internalError, quotaExceeded, unavailable } from './errors';

export interface SheetsFaults {
  faultRate: number;
  latencyMs: number;
  writeQuotaPerMinute: number;
  failAfterApplyRate: number;
}

export const NO_FAULTS: SheetsFaults = { faultRate: 0, latencyMs: 0, writeQuotaPerMinute: 0, failAfterApplyRate: 0 };

const WINDOW_MS = 60_000;

export class FaultInjector {
  private faults: SheetsFaults;
  private readonly writes = new Map<string, number[]>();

  constructor(
    initial: Partial<SheetsFaults>,
    private readonly random: () => number,
    private readonly now: () => number,
  ) {
    this.faults = { ...NO_FAULTS };
    this.set(initial);
  }

  set(f: Partial<SheetsFaults>): void {
    for (const [k, v] of Object.entries(f) as [keyof SheetsFaults, number | undefined][]) {
      if (v !== undefined) this.faults[k] = v;
    }
  }

  async delay(): Promise<void> {
    if (this.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
  }

  /** A random failure decided before the request does anything, or undefined. */
  beforeRequest(): ApiError | undefined {
    if (this.faults.faultRate <= 0 || this.random() >= this.faults.faultRate) return undefined;
    const pick = Math.floor(this.random() * 3);
    return pick === 0 ? quotaExceeded() : pick === 1 ? internalError() : unavailable();
  }

  /**
   * Sliding 60-second window of accepted write requests per spreadsheet. A rejected request
   * does not use up quota, so a client that backs off recovers once the window slides.
   */
  writeQuota(spreadsheetId: string): ApiError | undefined {
    const limit = this.faults.writeQuotaPerMinute;
    if (limit <= 0) return undefined;
    const now = this.now();
    const recent = (this.writes.get(spreadsheetId) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= limit) {
      this.writes.set(spreadsheetId, recent);
      return quotaExceeded();
    }
    recent.push(now);
    this.writes.set(spreadsheetId, recent);
    return undefined;
  }

  /** After a write was applied and persisted: answer 503 anyway (a lost response). */
  afterApply(): ApiError | undefined {
    if (this.faults.failAfterApplyRate <= 0 || this.random() >= this.faults.failAfterApplyRate) return undefined;
    return unavailable();
  }

  resetQuota(): void {
    this.writes.clear();
  }
}

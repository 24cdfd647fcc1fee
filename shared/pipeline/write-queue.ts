// Coalesces concurrent submissions into one batch: while a flush is running, new items
// wait, and the next flush takes all of them. Under a burst the number of Sheets calls
// stays per flush, not per submission (Sheets allows 60 writes a minute).

export class WriteQueue<I, O> {
  private pending: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly flush: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 200,
  ) {}

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      void this.drain();
    });
  }

  /** Several items that must share one flush (e.g. the responses of one notification). */
  pushAll(items: readonly I[]): Promise<O[]> {
    return Promise.all(items.map((i) => this.push(i)));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Let everything that arrives in the same turn of the event loop join the first flush.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          const out = await this.flush(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(out[i]!));
        } catch (e) {
          batch.forEach((b) => b.reject(e));
        }
      }
    } finally {
      this.running = false;
    }
  }
}

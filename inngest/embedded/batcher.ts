/**
 * Group commit: items submitted in the same event-loop turn, or while a flush is running, are
 * written together by the next flush. PGlite runs queries synchronously on this thread, so a
 * flush started in the same turn as the first push would always carry that one item alone;
 * starting it on the next turn (setImmediate) costs well under a millisecond when idle.
 */
export class Batcher<T> {
  private queue: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private flushing = false;

  constructor(private flush: (items: T[]) => Promise<void>) {}

  push(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.run());
      }
    });
  }

  private async run(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.flush(batch.map((b) => b.item));
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
        // More came in meanwhile: give the event loop one turn so they can be joined by others.
        if (this.queue.length) await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.flushing = false;
    }
  }
}

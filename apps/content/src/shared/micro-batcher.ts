/**
 * Gathers calls and runs them as batches (at most `maxSize` each): many attempts finishing together then
 * cost one transaction instead of one each. At most `maxInFlight` batches run at once; calls made meanwhile
 * wait for the next batch, so batches grow with the load (group commit) while a lone call still goes at the
 * next turn of the event loop. Each caller gets its own item's outcome (`run` answers one settled result per
 * item, in order); a batch that throws rejects all of its callers.
 */
export class MicroBatcher<I, O> {
  private pending: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<readonly PromiseSettledResult<O>[]>,
    private readonly maxSize: number,
    private readonly maxInFlight = 2,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxSize) {
        this.drain();
      } else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.drain();
        });
      }
    });
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.pending.length > 0) {
      this.runBatch(this.pending.splice(0, this.maxSize));
    }
  }

  private runBatch(batch: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[]): void {
    this.inFlight += 1;
    // A run that throws before its promise (a bug) still rejects its callers rather than hanging them.
    Promise.resolve()
      .then(() => this.run(batch.map((entry) => entry.item)))
      .then(
        (outcomes) => {
          batch.forEach((entry, index) => {
            const outcome = outcomes[index];
            if (outcome?.status === 'fulfilled') {
              entry.resolve(outcome.value);
            } else {
              entry.reject(
                outcome === undefined ? new Error('the batch gave no outcome for this item') : outcome.reason,
              );
            }
          });
        },
        (error: unknown) => {
          for (const entry of batch) {
            entry.reject(error);
          }
        },
      )
      .finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
  }
}

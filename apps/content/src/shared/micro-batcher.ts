/**
 * Gathers the calls made within one turn of the event loop and runs them as one batch (at most `maxSize`
 * each): many attempts finishing together then cost one transaction instead of one each. Each caller gets
 * its own item's outcome (`run` answers one settled result per item, in order); a batch that throws rejects
 * all of its callers.
 */
export class MicroBatcher<I, O> {
  private pending: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<readonly PromiseSettledResult<O>[]>,
    private readonly maxSize: number,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxSize) {
        this.flush();
      } else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const batch = this.pending.splice(0, this.maxSize);
    if (batch.length === 0) {
      return;
    }
    this.run(batch.map((entry) => entry.item)).then(
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
    );
  }
}

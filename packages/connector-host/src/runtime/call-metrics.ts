export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Plain in-memory counters, read by whoever exposes metrics (a /metrics endpoint, a test). */
export class CallMetrics {
  private readonly counters = new Map<string, MetricSample>();

  add(name: string, labels: Record<string, string>, amount = 1): void {
    // Counted on every request: a plain string key, not JSON (labels are short names and values).
    let key = name;
    for (const label of Object.keys(labels).sort()) {
      key += `\u0000${label}\u0001${labels[label]}`;
    }
    const current = this.counters.get(key);
    this.counters.set(key, { name, labels, value: (current?.value ?? 0) + amount });
  }

  snapshot(): MetricSample[] {
    return [...this.counters.values()].map((sample) => ({ ...sample, labels: { ...sample.labels } }));
  }

  /** The value of one counter, 0 when it never moved. */
  value(name: string, labels: Record<string, string>): number {
    return this.snapshot()
      .filter(
        (sample) =>
          sample.name === name &&
          Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
      )
      .reduce((sum, sample) => sum + sample.value, 0);
  }
}

const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

function pacificParts(instant: Date): { day: string; hour: number; y: number; m: number; d: number } {
  const parts = Object.fromEntries(PACIFIC.formatToParts(instant).map((part) => [part.type, part.value]));
  const [y, m, d] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), y, m, d };
}

/** The quota day an instant belongs to: the calendar date in Pacific time (quota resets at midnight PT, 8.5). */
export function pacificDay(instant: Date): string {
  return pacificParts(instant).day;
}

/** The next midnight in Pacific time (PST is UTC-8, PDT UTC-7), when YouTube's daily quota resets. */
export function nextPacificMidnight(instant: Date): Date {
  const { y, m, d } = pacificParts(instant);
  for (const offsetHours of [7, 8]) {
    const candidate = new Date(Date.UTC(y, m - 1, d + 1, offsetHours));
    const parts = pacificParts(candidate);
    if (parts.hour === 0) {
      return candidate;
    }
  }
  // Unreachable with the tz database; a day from now keeps callers safe.
  return new Date(instant.getTime() + 86_400_000);
}

/** Whole seconds until the quota resets. */
export function secondsUntilQuotaReset(instant: Date): number {
  return Math.max(1, Math.ceil((nextPacificMidnight(instant).getTime() - instant.getTime()) / 1000));
}

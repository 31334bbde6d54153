/** Calendar arithmetic on plain YYYY-MM-DD days (no time zone: the API places posts in the viewer's zone). */

export function todayIn(timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function addMonths(day: string, months: number): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** The days from firstDay (inclusive) to endDay (exclusive). */
export function daysBetween(firstDay: string, endDay: string): string[] {
  const days: string[] = [];
  for (let day = firstDay; day < endDay; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}

/** Monday-first weeks covering the month of `day`, padded with the neighbouring months' days. */
export function monthGrid(day: string): string[][] {
  const first = `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  let cursor = addDays(first, -weekday);
  const next = addMonths(first, 1);
  const weeks: string[][] = [];
  while (cursor < next) {
    const week: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(cursor);
      cursor = addDays(cursor, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

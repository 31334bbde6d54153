/** How much of a Meta rate-limit budget is used, from the usage headers every Graph response may carry. */
export interface GraphUsage {
  /** The highest percentage over call count, CPU time and total time of every bucket reported. */
  readonly highestPercent: number;
  /** Seconds until access is regained, from X-Business-Use-Case-Usage (reported in minutes); 0 when not blocked. */
  readonly regainSeconds: number;
}

const PERCENT_FIELDS = ['call_count', 'total_cputime', 'total_time', 'acc_id_util_pct'] as const;
const PLATFORM_HEADERS = ['x-app-usage', 'x-page-usage', 'x-ad-account-usage'] as const;

/**
 * Reads X-App-Usage, X-Page-Usage and X-Business-Use-Case-Usage (network-apis.md 1.3). Values are JSON in a
 * header; one that does not parse is ignored rather than failing a response that otherwise worked.
 */
export function readUsage(headers: Headers): GraphUsage | undefined {
  let highest: number | undefined;
  let regainMinutes = 0;
  const consider = (bucket: unknown) => {
    if (typeof bucket !== 'object' || bucket === null) {
      return;
    }
    const record = bucket as Record<string, unknown>;
    for (const field of PERCENT_FIELDS) {
      const value = record[field];
      if (typeof value === 'number' && Number.isFinite(value)) {
        highest = Math.max(highest ?? 0, value);
      }
    }
    const regain = record.estimated_time_to_regain_access;
    if (typeof regain === 'number' && Number.isFinite(regain)) {
      regainMinutes = Math.max(regainMinutes, regain);
    }
  };
  for (const name of PLATFORM_HEADERS) {
    consider(parseJson(headers.get(name)));
  }
  const business = parseJson(headers.get('x-business-use-case-usage'));
  if (typeof business === 'object' && business !== null) {
    for (const buckets of Object.values(business as Record<string, unknown>)) {
      for (const bucket of Array.isArray(buckets) ? buckets : []) {
        consider(bucket);
      }
    }
  }
  if (highest === undefined && regainMinutes === 0) {
    return undefined;
  }
  return { highestPercent: highest ?? 0, regainSeconds: regainMinutes * 60 };
}

function parseJson(value: string | null): unknown {
  if (!value) {
    return undefined;
  }
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

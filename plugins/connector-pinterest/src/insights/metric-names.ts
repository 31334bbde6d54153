import type { MetricValues } from '@chorus/connector-sdk';

/**
 * Pinterest metric names (network-apis.md 9.4) in the SDK vocabulary. Pins answer with the v5 names; the
 * pre-v5 names CLICKTHROUGH (now OUTBOUND_CLICK) and CLOSEUP (now PIN_CLICK) still appear in older answers and
 * are read when the current name is absent.
 */
const CURRENT_OR_LEGACY: Readonly<Record<string, readonly string[]>> = {
  IMPRESSION: ['IMPRESSION'],
  SAVE: ['SAVE'],
  PIN_CLICK: ['PIN_CLICK', 'CLOSEUP'],
  OUTBOUND_CLICK: ['OUTBOUND_CLICK', 'CLICKTHROUGH'],
  TOTAL_COMMENTS: ['TOTAL_COMMENTS'],
  TOTAL_REACTIONS: ['TOTAL_REACTIONS'],
  VIDEO_MRC_VIEW: ['VIDEO_MRC_VIEW'],
};

export const PIN_METRICS = [
  'IMPRESSION',
  'SAVE',
  'PIN_CLICK',
  'OUTBOUND_CLICK',
  'TOTAL_COMMENTS',
  'TOTAL_REACTIONS',
];
export const VIDEO_PIN_METRICS = ['VIDEO_MRC_VIEW'];
export const ACCOUNT_METRICS = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK'];

type Raw = Readonly<Record<string, number | null>>;

function read(raw: Raw, name: string): number | undefined {
  for (const candidate of CURRENT_OR_LEGACY[name] ?? [name]) {
    const value = raw[candidate];
    if (typeof value === 'number') {
      return value;
    }
  }
  return undefined;
}

const sum = (...values: (number | undefined)[]) =>
  values.every((value) => value === undefined)
    ? undefined
    : values.reduce<number>((total, value) => total + (value ?? 0), 0);

/** Clicks are every click on the pin: to its close-up (PIN_CLICK) and to its link (OUTBOUND_CLICK). */
export function toMetricValues(raw: Raw): MetricValues {
  const values: MetricValues = {
    impressions: read(raw, 'IMPRESSION'),
    saves: read(raw, 'SAVE'),
    clicks: sum(read(raw, 'PIN_CLICK'), read(raw, 'OUTBOUND_CLICK')),
    likes: read(raw, 'TOTAL_REACTIONS'),
    comments: read(raw, 'TOTAL_COMMENTS'),
    video_views: read(raw, 'VIDEO_MRC_VIEW'),
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

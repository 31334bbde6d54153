/** A KPI reading or target with its unit; money in minor units with its currency. */
export type KpiValue =
  | { readonly unit: 'count'; readonly value: number }
  | { readonly unit: 'percent'; readonly value: number }
  | { readonly unit: 'ratio'; readonly value: number }
  | { readonly unit: 'money'; readonly amountMinor: number; readonly currency: string };

export function sameUnit(a: KpiValue, b: KpiValue): boolean {
  if (a.unit !== b.unit) {
    return false;
  }
  return a.unit !== 'money' || (b.unit === 'money' && a.currency === b.currency);
}

export function sameReading(a: KpiValue, b: KpiValue): boolean {
  if (!sameUnit(a, b)) {
    return false;
  }
  if (a.unit === 'money' && b.unit === 'money') {
    return a.amountMinor === b.amountMinor;
  }
  return (a as { value: number }).value === (b as { value: number }).value;
}

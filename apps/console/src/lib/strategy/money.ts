/** How many minor units a currency's major unit has (EUR 2, JPY 0), from the browser's ISO 4217 data. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2; // not a currency code (yet): the API names the field when it refuses it
  }
}

/**
 * What a person types ("1200", "1200.5", "1 200,50") as minor units, or null when it is not an amount.
 * The budget API stores minor units; people think in euros.
 */
export function toMinor(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s\u00a0']/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) {
    return null;
  }
  return Math.round(Number(cleaned) * 10 ** minorDigits(currency));
}

/** Minor units as the amount a form shows ("1200.50"). */
export function fromMinor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** Minor units as money in the reader's language ("€1,200.50", "1.200,50 €"). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

export { KpiValueSchema, type KpiValue } from './kpi-value.js';
export { MoneySchema, type Money } from './money.js';
export { CurrencyCode, HumanText, Id, Instant, NetworkId, Slug, TimeZone } from './primitives.js';
export { UtmSchema, type Utm } from './utm.js';

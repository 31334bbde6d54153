import { z } from 'zod';

// Building blocks of payloads. Every published version that uses one is frozen by schemas/published.lock.json,
// so changing any of these fails the lock check: add a new building block instead.

export const Id = z.uuid();

/** ISO-8601 UTC instant, e.g. '2025-05-01T09:30:00.000Z'. */
export const Instant = z.iso.datetime();

/** IANA time zone chosen by a person, e.g. 'Europe/Rome'. */
export const TimeZone = z.string().regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/, 'must be an IANA time zone');

/**
 * A lower-case identifier from an open set (network ids, metric keys, content types). Open on purpose: a new
 * network or metric must not force a new version of every event; consumers ignore values they do not know.
 */
export const Slug = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case');

/** The connector's network id, e.g. 'bluesky'. */
export const NetworkId = Slug.describe("The connector's network id, e.g. 'bluesky'");

/** ISO 4217 code, e.g. 'EUR'. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code');

/** A short human-readable text for people (reasons, actions). */
export const HumanText = z.string().min(1).max(1000);

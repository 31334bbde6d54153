import { SERVICE_NAMES } from '../services.js';

export const USAGE = `Chorus: the open-source platform for social media teams.

Usage:
  chorus start                  Run everything in one process: the gateway, the five services and the
                                console, on the embedded database (CHORUS_DATA_DIR, default ./.chorus-data).
                                Gateway on PORT (default 3000).
  chorus serve <service>        Run one service against PostgreSQL (DATABASE_URL) and Kafka (KAFKA_BROKERS).
                                Services: ${SERVICE_NAMES.join(', ')}
  chorus migrate [service|all]  Apply database migrations (DATABASE_URL, or the embedded database).
  chorus openapi [service|all]  Write apps/<service>/openapi.json from the code (--check: fail if stale).
  chorus mail [--to <address>] [--limit <n>]
                                Print the embedded install's mail (password resets, invitations) from
                                CHORUS_DATA_DIR/mail, newest first: for whoever is locked out of the console.
  chorus keygen                 Print a new Ed25519 key pair for CHORUS_IDENTITY_PRIVATE_KEY / _PUBLIC_KEY.
  chorus --help                 This text.

Configuration reference: docs/configuration.md`;

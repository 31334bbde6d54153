// Role, schema and table names are interpolated into SQL (DDL takes no parameters), so they are validated first.

const SERVICE_NAME = /^[a-z][a-z0-9_]{1,30}$/;
const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A service name is also its schema name and part of its role names. */
export function assertServiceName(service: string): void {
  if (!SERVICE_NAME.test(service)) {
    throw new Error(
      `Invalid service name "${service}": use 2 to 31 lower-case letters, digits or underscores, starting with a letter ` +
        '(it becomes the schema name and part of the role names).',
    );
  }
}

/** Lower-case unquoted-style identifiers only, so that quoting can never change what the name means. */
export function quoteIdentifier(name: string): string {
  if (!SQL_IDENTIFIER.test(name)) {
    throw new Error(
      `Invalid SQL identifier "${name}": use up to 63 lower-case letters, digits or underscores, not starting with a digit.`,
    );
  }
  return `"${name}"`;
}

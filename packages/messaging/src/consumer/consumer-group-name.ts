// Kafka topic names allow [a-zA-Z0-9._-]; a group name becomes part of its dead-letter topic's name.
const GROUP_NAME = /^[a-z0-9][a-z0-9._-]{0,199}$/;

export function assertConsumerGroupName(group: string): void {
  if (!GROUP_NAME.test(group)) {
    throw new Error(
      `Invalid consumer group "${group}": use lower-case letters, digits, '.', '_' or '-' (it names the ` +
        'dead-letter topic chorus.dead-letter.<group>).',
    );
  }
}

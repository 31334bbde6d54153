export function deadLetterTopic(group: string): string {
  return `chorus.dead-letter.${group}`;
}

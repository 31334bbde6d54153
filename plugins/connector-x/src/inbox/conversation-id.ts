/** X names a 1:1 DM conversation by both user ids, the smaller first (as `dm_conversation_id` shows it). */
export function conversationOf(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`;
}

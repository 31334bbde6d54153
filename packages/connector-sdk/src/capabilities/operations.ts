/** Every call the host can make on a connector; the name is used for logs, counters and error classification. */
export type ConnectorOperation =
  | 'auth.start'
  | 'auth.exchange'
  | 'auth.login'
  | 'auth.refresh'
  | 'auth.revoke'
  | 'auth.verify'
  | 'limits'
  | 'validate'
  | 'publish'
  | 'findPublished'
  | 'delete'
  | 'inbox.pull'
  | 'inbox.verifyWebhook'
  | 'inbox.parseWebhook'
  | 'inbox.reply'
  | 'inbox.hide'
  | 'inbox.like'
  | 'inbox.delete'
  | 'insights.post'
  | 'insights.account';

// Operations that change something on the network (or consume a one-time code or refresh token):
// an unexplained failure of one of them may have been applied.
const WRITES: ReadonlySet<ConnectorOperation> = new Set<ConnectorOperation>([
  'auth.exchange',
  'auth.refresh',
  'auth.revoke',
  'publish',
  'delete',
  'inbox.reply',
  'inbox.hide',
  'inbox.like',
  'inbox.delete',
]);

export function isWriteOperation(operation: ConnectorOperation): boolean {
  return WRITES.has(operation);
}

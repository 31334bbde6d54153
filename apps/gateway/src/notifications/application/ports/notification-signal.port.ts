/**
 * Wakes this process's live streams and delivery worker when it has just raised notifications, so that they do
 * not wait for their next poll. Other instances find the rows on their own poll.
 */
export interface NotificationSignal {
  raised(): void;
  onRaised(listener: () => void): () => void;
}

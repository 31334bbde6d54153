// A killed consumer's partitions move after sessionTimeout; 6 s is the broker's minimum by default.
export const crashKafkaTuning = { topicPartitions: 6, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500 };

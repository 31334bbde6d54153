export { kafkaBrokersForTests } from './brokers.js';
export { createTopics, testKafkaClient, uniqueTopic } from './topics.js';
export { readAllMessages, type ReadAllOptions, type ReadMessage } from './read-all-messages.js';
export { startKafkaBroker, type KafkaBrokerOptions, type KafkaBrokerProcess } from './broker-process.js';

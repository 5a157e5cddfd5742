// Independent Kafka producer for the ingest tests: kafkajs (pure JavaScript Kafka protocol client).
// Usage: node kafka-produce.mjs BOOTSTRAP TOPIC COUNT
// Produces COUNT JSON messages {"event_id": i, "source": "kafkajs", "tags": [...]} keyed "k<i % 5>", each with
// a header "producer: kafkajs", in batches, then prints {"produced": COUNT} on stdout.
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic, countText] = process.argv.slice(2);
const count = Number(countText);
const kafka = new Kafka({ clientId: 'lakehouse-interop', brokers: bootstrap.split(','), logLevel: logLevel.ERROR });
const producer = kafka.producer({ allowAutoTopicCreation: true });
await producer.connect();
const batchSize = 100;
for (let first = 0; first < count; first += batchSize) {
  const messages = [];
  for (let i = first; i < Math.min(count, first + batchSize); i++) {
    messages.push({
      key: `k${i % 5}`,
      value: JSON.stringify({ event_id: i, source: 'kafkajs', tags: [`t${i % 3}`], ts: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() }),
      headers: { producer: 'kafkajs' },
    });
  }
  await producer.send({ topic, messages, acks: -1 });
}
await producer.disconnect();
process.stdout.write(JSON.stringify({ produced: count }) + '\n');

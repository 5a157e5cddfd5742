// Runs s3rver (an independent S3-compatible server) on 127.0.0.1 for the S3 FileIO tests.
// Usage: node s3-server.mjs DATA_DIR BUCKET...  Prints {"port":N} once listening; stops when stdin closes.
// Credentials: S3RVER / S3RVER (s3rver checks request signatures).
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
if (!directory) {
  console.error('usage: node s3-server.mjs DATA_DIR BUCKET...');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: !process.env.S3RVER_VERBOSE,
  directory,
  vhostBuckets: false,
  configureBuckets: buckets.map((name) => ({ name })),
});
const { port } = await server.run();
process.stdout.write(JSON.stringify({ port }) + '\n');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);

// Starts s3rver (an S3-compatible server) for the tests on 127.0.0.1 with a port the OS picks.
// Usage: node --openssl-legacy-provider s3rver-start.mjs <data directory> <bucket> [<bucket> ...]
// (s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has in its legacy provider.)
// Prints one line "listening <port>" once the server accepts connections, then serves until it is killed or
// its standard input closes (so a crashed test process never leaves it running).
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
if (!directory || buckets.length === 0) {
  process.stderr.write('usage: node s3rver-start.mjs <data directory> <bucket> [<bucket> ...]\n');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
});

const address = await server.run();
process.stdout.write(`listening ${address.port}\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);

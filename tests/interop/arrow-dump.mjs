// Usage: node arrow-dump.mjs FILE [--cli-codecs] — decodes an Arrow IPC stream or file with apache-arrow
// and prints the dump of arrow-dump-lib.mjs as JSON (the C# interop tests compare it with what they wrote).
// apache-arrow ships no compression codecs; with --cli-codecs it decodes LZ4_FRAME and ZSTD bodies through
// the reference command-line tools (lz4, zstd), registered in apache-arrow's compressionRegistry.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tableFromIPC, compressionRegistry, CompressionType } from 'apache-arrow';
import { dumpTable } from './arrow-dump-lib.mjs';

if (process.argv.includes('--cli-codecs')) {
  const tool = (cmd) => ({
    decode: (bytes) => new Uint8Array(execFileSync(cmd, ['-d', '-c', '-q'], { input: bytes, maxBuffer: 1 << 30 })),
  });
  compressionRegistry.set(CompressionType.LZ4_FRAME, tool('lz4'));
  compressionRegistry.set(CompressionType.ZSTD, tool('zstd'));
}

const table = tableFromIPC(readFileSync(process.argv[2]));
process.stdout.write(JSON.stringify(dumpTable(table)));

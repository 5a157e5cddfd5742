// Usage: node arrow-dump.mjs FILE — decodes an Arrow IPC stream or file with apache-arrow and prints the
// dump of arrow-dump-lib.mjs as JSON (the C# interop tests compare it with what they wrote).
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { dumpTable } from './arrow-dump-lib.mjs';

const table = tableFromIPC(readFileSync(process.argv[2]));
process.stdout.write(JSON.stringify(dumpTable(table)));

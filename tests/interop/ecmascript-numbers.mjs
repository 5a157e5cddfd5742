// Oracle for the CLI's float formatting (spec/cli.md): reads one IEEE-754 float64 bit pattern per line
// (16 hex digits, big-endian) on stdin and prints ECMAScript's Number.prototype.toString of each value,
// which our jsonl contract follows (except that -0 keeps its sign).
import { readFileSync } from 'node:fs';

const view = new DataView(new ArrayBuffer(8));
const out = [];
for (const line of readFileSync(0, 'utf8').split('\n')) {
  const hex = line.trim();
  if (hex === '') continue;
  view.setBigUint64(0, BigInt('0x' + hex));
  const x = view.getFloat64(0);
  out.push(Object.is(x, -0) ? '-0' : String(x));
}
process.stdout.write(out.join('\n') + '\n');

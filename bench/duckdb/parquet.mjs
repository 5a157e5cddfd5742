// DuckDB baseline for `Lakehouse.Bench parquet`. Prints one JSON object on stdout; timings are measured inside
// node around each statement (node and DuckDB start-up excluded), best of RUNS.
//
//   node bench/duckdb/parquet.mjs OURS.parquet DUCK_OUT.parquet RUNS THREADS
//
// 1. CREATE TABLE t AS SELECT * FROM read_parquet(OURS)                      (not timed)
// 2. COPY t TO DUCK_OUT (FORMAT parquet, COMPRESSION zstd)                   copy_seconds
// 3. full scan of DUCK_OUT and of OURS: one aggregate per column             scan_duck_seconds, scan_ours_seconds
// 4. single-column scans of DUCK_OUT                                         single.<name>
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(new URL('../../tests/interop/package.json', import.meta.url));
const { DuckDBInstance } = require('@duckdb/node-api');

const [ours, duckOut, runsText, threadsText] = process.argv.slice(2);
const runs = Number(runsText ?? 3);
const threads = Number(threadsText ?? 2);
const q = (path) => `'${path.replaceAll("'", "''")}'`;

// Every column is aggregated, so DuckDB must decode every value of every leaf; the aggregates are the
// cheapest that force it (integer sums, string byte lengths, list lengths, double sums). The C# side
// computes the same figures from the decoded Arrow arrays.
const fullScan = (file) => `SELECT count(*) AS n, sum(event_id) AS event_id, sum(epoch_us(ts)) AS ts,
  sum(strlen(platform)) AS platform, sum(user_id) AS user_id, sum(post_id) AS post_id, sum(strlen(kind)) AS kind,
  sum(len(hashtags)) AS hashtags, sum(strlen(text)) AS text, sum(likes) AS likes, sum(sentiment) AS sentiment,
  sum(strlen(campaign_id)) AS campaign_id FROM read_parquet(${q(file)})`;

// Single-column scans, keyed by column; the C# side computes the same aggregate (ColumnChecksum).
const singles = {
  likes: 'sum(likes)',
  event_id: 'sum(event_id)',
  sentiment: 'sum(sentiment)',
  text: 'sum(strlen(text))',
  campaign_id: 'sum(strlen(campaign_id))',
  hashtags: 'sum(len(hashtags))',
};

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const conn = await instance.connect();

async function best(sql) {
  let bestSeconds = Infinity;
  let rows;
  for (let i = 0; i < runs + 1; i++) { // first run warms the OS cache and DuckDB
    const start = performance.now();
    const reader = await conn.runAndReadAll(sql);
    const seconds = (performance.now() - start) / 1000;
    rows = reader.getRowsJson();
    if (i > 0) bestSeconds = Math.min(bestSeconds, seconds);
  }
  return { seconds: bestSeconds, rows };
}

await conn.run(`CREATE TABLE t AS SELECT * FROM read_parquet(${q(ours)})`);
const copy = await best(`COPY t TO ${q(duckOut)} (FORMAT parquet, COMPRESSION zstd)`);
await conn.run('DROP TABLE t');
const scanDuck = await best(fullScan(duckOut));
const scanOurs = await best(fullScan(ours));
const single = {};
for (const [column, expr] of Object.entries(singles)) {
  single[column] = { expr, seconds: (await best(`SELECT ${expr} FROM read_parquet(${q(duckOut)})`)).seconds };
}

const version = (await conn.runAndReadAll('SELECT version()')).getRows()[0][0];
console.log(JSON.stringify({
  duckdb: version, threads, runs,
  copy_seconds: copy.seconds, scan_duck_seconds: scanDuck.seconds, scan_ours_seconds: scanOurs.seconds,
  scan_result: scanDuck.rows[0], scan_ours_result: scanOurs.rows[0], single,
}));

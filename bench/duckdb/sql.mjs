// DuckDB baseline for `Lakehouse.Bench sql`. Reads a JSON array of {name, sql} (DuckDB texts of
// bench/Lakehouse.Bench/SqlBenchQueries.cs with the file paths filled in) and prints one JSON object on stdout:
// per query the best wall time of RUNS after one warm-up (measured in node around the statement, fully
// materialized), the peak node RSS sampled every 5 ms, and a checksum computed by DuckDB (not timed): row count
// and one double per column (numbers summed, timestamps as epoch microseconds, dates as days, strings as byte
// lengths) — the figures ResultChecksum computes on our side — of check_sql (an exact text for approximate queries).
//
//   node bench/duckdb/sql.mjs QUERIES.json RUNS THREADS
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const require = createRequire(new URL('../../tests/interop/package.json', import.meta.url));
const { DuckDBInstance } = require('@duckdb/node-api');

const [queryFile, runsText, threadsText] = process.argv.slice(2);
const runs = Number(runsText ?? 3);
const threads = Number(threadsText ?? 2);
const queries = JSON.parse(readFileSync(queryFile, 'utf8'));

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const conn = await instance.connect();
await conn.run("SET TimeZone = 'UTC'");
const version = (await (await conn.runAndReadAll('SELECT version()')).getRows())[0][0];

const quoteId = (n) => `"${n.replaceAll('"', '""')}"`;
function checksumExpr(name, type) {
  const c = quoteId(name);
  if (type === 'VARCHAR') return `sum(strlen(${c}))::DOUBLE`;
  if (type.startsWith('TIMESTAMP')) return `sum(epoch_us(${c}))::DOUBLE`;
  if (type === 'DATE') return `sum(${c} - DATE '1970-01-01')::DOUBLE`;
  return `sum(${c}::DOUBLE)`;
}

const out = { duckdb: version, queries: {} };
for (const { name, sql, check_sql: checkSql = sql } of queries) {
  const entry = {};
  out.queries[name] = entry;
  try {
    await (await conn.runAndReadAll(sql)).getRows(); // warm-up
    let best = Infinity;
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const reader = await conn.runAndReadAll(sql);
      reader.getRows();
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    entry.seconds = best;
    entry.peak_rss_mb = peak / 1e6;
    const described = (await (await conn.runAndReadAll(`DESCRIBE ${checkSql}`)).getRows());
    const exprs = described.map(([n, t]) => checksumExpr(String(n), String(t)));
    const row = (await (await conn.runAndReadAll(`SELECT count(*)::DOUBLE, ${exprs.join(', ')} FROM (${checkSql}) q`)).getRows())[0];
    entry.rows = Number(row[0]);
    entry.sums = row.slice(1).map((v) => (v === null ? null : Number(v)));
    entry.types = described.map(([, t]) => String(t));
  } catch (e) {
    entry.error = String(e.message ?? e);
  }
}
console.log(JSON.stringify(out));

// Times DuckDB writing the `trajectories` shape (10,000,000 rows, SNAPPY) for comparison with
// ResistanceSim.Parquet (benchmarks/ResistanceSim.Benchmarks/ParquetBenchmarks.cs, same formulas).
// Usage: node bench-write.mjs [runs=5] [outDir=/tmp]
// The table is first materialized in memory, so the timing covers the Parquet write (COPY) only.
import { statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const runs = Number(process.argv[2] ?? 5);
const out = join(process.argv[3] ?? '/tmp', 'duckdb-trajectories.parquet');
const rows = 10_000_000;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const threads = (await connection.runAndReadAll("SELECT current_setting('threads')::INTEGER AS t")).getRowObjectsJson()[0].t;
await connection.run(`CREATE TABLE trajectories AS SELECT
    (i // 5000000)::INTEGER AS arm,
    ((i // 1000000) % 5)::INTEGER AS point,
    ((i // 10000) % 100)::INTEGER AS replicate,
    (((i % 10000) // 100) * 0.5)::DOUBLE AS time_days,
    ((i // 10000) * 100 + i % 100)::BIGINT AS clone_id,
    ((i * 2654435761) % 1000000007)::BIGINT AS count
  FROM range(${rows}) t(i) ORDER BY i`);

const times = [];
for (let run = 0; run < runs; run++) {
  rmSync(out, { force: true });
  const start = process.hrtime.bigint();
  await connection.run(`COPY trajectories TO '${out}' (FORMAT parquet, COMPRESSION snappy)`);
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const bytes = statSync(out).size;
const rawMb = rows * 36 / 1e6; // 3×int32 + double + 2×int64 per row
console.log(JSON.stringify({
  duckdb: (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0].v,
  threads, rows, runs, times_s: times.map((t) => Number(t.toFixed(3))),
  median_s: Number(median.toFixed(3)),
  rows_per_s: Math.round(rows / median),
  raw_mb_per_s: Number((rawMb / median).toFixed(1)),
  file_bytes: bytes,
}, null, 2));

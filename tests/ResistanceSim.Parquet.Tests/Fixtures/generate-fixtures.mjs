// Regenerates the DuckDB-written fixtures read by DuckDbFixtureTests.cs.
// Run from the repository root after `npm ci` in tests/duckdb:
//   node tests/ResistanceSim.Parquet.Tests/Fixtures/generate-fixtures.mjs
// The table (1000 rows, i = 0..999) is defined by formulas that the C# test recomputes.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../../duckdb/package.json'));
const { DuckDBInstance } = await import(pathToFileURL(require.resolve('@duckdb/node-api')).href);

const table = `
  SELECT
    i::BIGINT AS id,
    (i % 200 - 100)::TINYINT AS small,
    ((i * 7) % 30000 - 15000)::SMALLINT AS medium,
    CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 1000 - 400000)::INTEGER END AS int32,
    (i * 9007199254740)::BIGINT AS big,
    (i / 8.0)::DOUBLE AS dbl,
    ((i % 64) / 4.0)::FLOAT AS flt,
    (i % 3 = 0) AS flag,
    (['red', 'green', 'blue', 'ünïcødé'])[i % 4 + 1] AS category,
    CASE WHEN i % 7 = 0 THEN NULL ELSE 'name-' || i END AS name,
    CASE WHEN i % 5 = 0 THEN NULL WHEN i % 5 = 1 THEN []::VARCHAR[] ELSE ['t' || (i % 3), 'u' || (i % 2)] END AS tags,
    CASE WHEN i % 4 = 0 THEN [i::INTEGER, NULL, (i + 1)::INTEGER] ELSE [i::INTEGER] END AS nums
  FROM range(1000) t(i)`;

const variants = [
  ['duckdb-snappy.parquet', "COMPRESSION snappy"],
  ['duckdb-gzip.parquet', "COMPRESSION gzip"],
  ['duckdb-uncompressed.parquet', "COMPRESSION uncompressed, ROW_GROUP_SIZE 400"],
  ['duckdb-v2-snappy.parquet', "COMPRESSION snappy, PARQUET_VERSION V2"],
];

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const [file, options] of variants) {
  const path = join(here, file).replaceAll("'", "''");
  await connection.run(`COPY (${table} ORDER BY i) TO '${path}' (FORMAT parquet, ${options})`);
  const meta = await connection.runAndReadAll(
    `SELECT count(DISTINCT row_group_id)::INTEGER AS groups, string_agg(DISTINCT encodings, ' | ') AS encodings FROM parquet_metadata('${path}')`);
  console.log(file, JSON.stringify(meta.getRowObjectsJson()));
}

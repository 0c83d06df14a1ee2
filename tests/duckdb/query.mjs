// Runs one SQL query with DuckDB and prints the result as an aligned table: the documented queries of
// docs/trials.md and docs/output-schema.md can be checked for real without the duckdb CLI.
// Usage (from the directory the query's relative paths start from):
//   node tests/duckdb/query.mjs <file.sql>     or     node tests/duckdb/query.mjs -e "SELECT …"
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
if (args.length !== 1 && !(args.length === 2 && args[0] === '-e')) {
  console.error('usage: node query.mjs <file.sql> | -e "<sql>"');
  process.exit(2);
}
const sql = args.length === 2 ? args[1] : readFileSync(args[0], 'utf8');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const names = reader.columnNames();
const rows = reader.getRowsJson().map((row) => row.map((v) => (v === null ? 'NULL' : String(v))));
const widths = names.map((n, c) => Math.max(n.length, ...rows.map((r) => r[c].length)));
const line = (cells) => cells.map((s, c) => s.padStart(widths[c])).join('  ');
console.log(line(names));
for (const row of rows) console.log(line(row));

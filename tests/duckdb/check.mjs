// Independent check of Parquet files with DuckDB: compares what DuckDB reads (row counts, column
// types, sums, min/max, null counts, key/value metadata, footer statistics via parquet_metadata())
// with the expectations written by ResistanceSim.Parquet.Conformance (our reader).
// Usage: node check.mjs <expectations.json>...   Prints one line per check and "N passed, N failed".
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

if (process.argv.length < 3) {
  console.error('usage: node check.mjs <expectations.json>...');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
let passed = 0;
let failed = 0;

function report(ok, what, detail) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what}${ok ? '' : ` — ${detail}`}`);
}

async function rows(sql) {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const ident = (s) => `"${s.replaceAll('"', '""')}"`;

// DuckDB prints inf/-inf/nan; expectations use .NET's Infinity/-Infinity/NaN.
function toNumber(text) {
  if (text === null || text === undefined) return null;
  const t = String(text).trim().toLowerCase();
  if (t === 'inf' || t === 'infinity' || t === '+inf') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  if (t === 'nan' || t === '-nan') return NaN;
  return Number(t);
}

function sameBound(kind, expected, actual, { tolerance = 0, isFloat = false } = {}) {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  switch (kind) {
    case 'int':
      return BigInt(String(actual)) === BigInt(expected);
    case 'bool': {
      const a = String(actual).toLowerCase();
      return (a === 'true' || a === '1') === (expected === 'true');
    }
    case 'float':
    case 'double': {
      let e = toNumber(expected);
      let a = toNumber(actual);
      if (isFloat) { e = Math.fround(e); a = Math.fround(a); }
      if (!Number.isFinite(e) || !Number.isFinite(a)) return Object.is(e, a) || e === a;
      return Math.abs(e - a) <= tolerance * Math.max(1, Math.abs(e));
    }
    default:
      return String(actual) === String(expected);
  }
}

const utf8Compare = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

for (const path of process.argv.slice(2)) {
  const expectations = JSON.parse(readFileSync(path, 'utf8'));
  for (const file of expectations.files) {
    const name = file.path;
    const source = `read_parquet(${quote(name)})`;
    try {
      const [{ n }] = await rows(`SELECT count(*)::VARCHAR AS n FROM ${source}`);
      report(n === String(file.rows), `${name}: row count`, `DuckDB ${n}, expected ${file.rows}`);

      const described = await rows(`DESCRIBE SELECT * FROM ${source}`);
      const types = new Map(described.map((r) => [r.column_name, r.column_type]));
      for (const column of file.columns) {
        const actual = types.get(column.name);
        report(actual === column.duckdb_type, `${name}: ${column.name} type`, `DuckDB ${actual}, expected ${column.duckdb_type}`);
      }

      const kv = await rows(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${quote(name)})`);
      const kvMap = new Map(kv.map((r) => [r.key, r.value]));
      for (const [key, value] of Object.entries(file.key_value_metadata)) {
        report(kvMap.get(key) === value, `${name}: metadata ${key}`, `DuckDB ${JSON.stringify(kvMap.get(key))}, expected ${JSON.stringify(value)}`);
      }

      for (const column of file.columns) {
        try {
          await checkColumn(name, source, column);
        } catch (error) {
          report(false, `${name}: ${column.name} values`, String(error?.message ?? error));
        }
      }

      try {
        await checkFooterStatistics(name, file);
      } catch (error) {
        report(false, `${name}: footer statistics`, String(error?.message ?? error));
      }
    } catch (error) {
      report(false, `${name}: readable by DuckDB`, String(error?.message ?? error));
    }
  }
}

async function checkColumn(name, source, column) {
  const c = ident(column.name);
  const what = `${name}: ${column.name}`;
  const kind = column.kind;
  if (kind === 'int' || kind === 'bool') {
    const value = kind === 'bool' ? `${c}::INTEGER` : c;
    const [r] = await rows(`SELECT coalesce(sum(${value}), 0)::VARCHAR AS s, min(${c})::VARCHAR AS lo, max(${c})::VARCHAR AS hi,
      (count(*) - count(${c}))::VARCHAR AS nulls FROM ${source}`);
    report(BigInt(r.s) === BigInt(column.sum), `${what} sum`, `DuckDB ${r.s}, expected ${column.sum}`);
    report(sameBound(kind, column.min, r.lo), `${what} min`, `DuckDB ${r.lo}, expected ${column.min}`);
    report(sameBound(kind, column.max, r.hi), `${what} max`, `DuckDB ${r.hi}, expected ${column.max}`);
    report(r.nulls === String(column.null_count), `${what} null count`, `DuckDB ${r.nulls}, expected ${column.null_count}`);
  } else if (kind === 'float' || kind === 'double') {
    const isFloat = kind === 'float';
    const [r] = await rows(`SELECT coalesce(sum(${c}::DOUBLE) FILTER (WHERE isfinite(${c})), 0)::VARCHAR AS s,
      (min(${c}) FILTER (WHERE NOT isnan(${c})))::VARCHAR AS lo, (max(${c}) FILTER (WHERE NOT isnan(${c})))::VARCHAR AS hi,
      (count(*) - count(${c}))::VARCHAR AS nulls FROM ${source}`);
    report(sameBound(kind, column.sum, r.s, { tolerance: 1e-9 }), `${what} sum`, `DuckDB ${r.s}, expected ${column.sum}`);
    report(sameBound(kind, column.min, r.lo, { isFloat }), `${what} min`, `DuckDB ${r.lo}, expected ${column.min}`);
    report(sameBound(kind, column.max, r.hi, { isFloat }), `${what} max`, `DuckDB ${r.hi}, expected ${column.max}`);
    report(r.nulls === String(column.null_count), `${what} null count`, `DuckDB ${r.nulls}, expected ${column.null_count}`);
  } else if (kind === 'string') {
    const [r] = await rows(`SELECT count(DISTINCT ${c})::VARCHAR AS d, min(${c}) AS lo, max(${c}) AS hi,
      (count(*) - count(${c}))::VARCHAR AS nulls FROM ${source}`);
    report(r.d === String(column.distinct), `${what} distinct`, `DuckDB ${r.d}, expected ${column.distinct}`);
    report((r.lo ?? null) === column.min, `${what} min`, `DuckDB ${JSON.stringify(r.lo)}, expected ${JSON.stringify(column.min)}`);
    report((r.hi ?? null) === column.max, `${what} max`, `DuckDB ${JSON.stringify(r.hi)}, expected ${JSON.stringify(column.max)}`);
    report(r.nulls === String(column.null_count), `${what} null count`, `DuckDB ${r.nulls}, expected ${column.null_count}`);
  } else if (kind === 'list') {
    const [r] = await rows(`SELECT coalesce(sum(len(${c})), 0)::VARCHAR AS e, (count(*) - count(${c}))::VARCHAR AS nulls FROM ${source}`);
    report(r.e === String(column.elements), `${what} element count`, `DuckDB ${r.e}, expected ${column.elements}`);
    report(r.nulls === String(column.null_count), `${what} null count`, `DuckDB ${r.nulls}, expected ${column.null_count}`);
    const [b] = await rows(`SELECT min(e)::VARCHAR AS lo, max(e)::VARCHAR AS hi FROM (SELECT unnest(${c}) AS e FROM ${source})`);
    report((b.lo ?? null) === column.min, `${what} element min`, `DuckDB ${JSON.stringify(b.lo)}, expected ${JSON.stringify(column.min)}`);
    report((b.hi ?? null) === column.max, `${what} element max`, `DuckDB ${JSON.stringify(b.hi)}, expected ${JSON.stringify(column.max)}`);
  }
}

// Footer statistics as DuckDB decodes them, against min/max/null counts computed from the data.
async function checkFooterStatistics(name, file) {
  const meta = await rows(`SELECT row_group_id::INTEGER AS g, column_id::INTEGER AS c, stats_min_value AS lo, stats_max_value AS hi,
    stats_null_count::VARCHAR AS nulls FROM parquet_metadata(${quote(name)}) ORDER BY 1, 2`);
  const leafCount = file.columns.length;
  if (meta.length !== file.row_groups.length * leafCount) {
    report(false, `${name}: footer has one chunk per column and row group`, `${meta.length} chunks for ${file.row_groups.length} row groups × ${leafCount} columns`);
    return;
  }

  file.row_groups.forEach((group, g) => {
    group.columns.forEach((expected, c) => {
      const kind = file.columns[c].kind;
      const m = meta[g * leafCount + c];
      const what = `${name}: row group ${g} ${expected.name} statistics`;
      report(m.nulls === String(expected.null_count), `${what} null_count`, `footer ${m.nulls}, expected ${expected.null_count}`);
      if (kind === 'string' || kind === 'list') {
        const ok = expected.min === null
          ? m.lo === null && m.hi === null
          : expected.exact
            ? m.lo === expected.min && m.hi === expected.max
            : m.lo !== null && m.hi !== null && utf8Compare(m.lo, expected.min) <= 0 && utf8Compare(m.hi, expected.max) >= 0;
        report(ok, `${what} min/max`, `footer [${JSON.stringify(m.lo)}, ${JSON.stringify(m.hi)}], data [${JSON.stringify(expected.min)}, ${JSON.stringify(expected.max)}]`);
      } else {
        const options = { isFloat: kind === 'float' };
        report(sameBound(kind, expected.min, m.lo, options), `${what} min`, `footer ${m.lo}, expected ${expected.min}`);
        report(sameBound(kind, expected.max, m.hi, options), `${what} max`, `footer ${m.hi}, expected ${expected.max}`);
      }
    });
  });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// DuckDB oracle for Engine's differential tests (driven by Engine.Tests/Support/DuckDbOracle.cs).
//
// stdin:  { "tables": [{ "name", "csv", "columns": [{ "name", "type" }] }], "statements": ["sql", ...], "queries": ["sql", ...] }
//         (statements run after loading and before the queries, without results: e.g. COPY … TO parquet)
// stdout: one JSON array, per query { "columns": [...], "types": [...], "rows": [[...], ...] } or { "error": "message" }
//
// Every table is loaded once from its CSV (header row, explicit column types, empty unquoted field = NULL,
// quoted empty field = empty string), then every query runs on the same in-memory database.
// Values are lossless: integers as decimal strings, DOUBLE as JSON numbers (shortest round-trip text) or
// "Infinity" / "-Infinity" / "NaN", TIMESTAMP as ISO-8601 UTC text with six fraction digits, NULL as null.
import { DuckDBInstance } from '@duckdb/node-api';

const MICROS_PER_SECOND = 1000000n;
const INT64_MAX = 9223372036854775807n;

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function quoteIdentifier(name) {
  return '"' + String(name).replaceAll('"', '""') + '"';
}

function quoteLiteral(text) {
  return "'" + String(text).replaceAll("'", "''") + "'";
}

function formatMicros(micros) {
  if (micros >= INT64_MAX) {
    return 'infinity';
  }
  if (micros <= -INT64_MAX) {
    return '-infinity';
  }
  let seconds = micros / MICROS_PER_SECOND;
  let fraction = micros % MICROS_PER_SECOND;
  if (fraction < 0n) {
    fraction += MICROS_PER_SECOND;
    seconds -= 1n;
  }
  const whole = new Date(Number(seconds) * 1000).toISOString();
  return whole.slice(0, 19) + '.' + fraction.toString().padStart(6, '0') + 'Z';
}

function convertValue(value) {
  if (value === null || value === undefined) {
    return null;
  }
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      if (Number.isNaN(value)) {
        return 'NaN';
      }
      if (!Number.isFinite(value)) {
        return value > 0 ? 'Infinity' : '-Infinity';
      }
      return value;
    case 'boolean':
    case 'string':
      return value;
    default:
      break;
  }
  const kind = value.constructor ? value.constructor.name : '';
  switch (kind) {
    case 'DuckDBTimestampValue':
    case 'DuckDBTimestampTZValue':
      return formatMicros(value.micros);
    case 'DuckDBTimestampSecondsValue':
      return formatMicros(value.seconds * MICROS_PER_SECOND);
    case 'DuckDBTimestampMillisecondsValue':
      return formatMicros(value.millis * 1000n);
    case 'DuckDBTimestampNanosecondsValue':
      return formatMicros(value.nanos / 1000n);
    case 'DuckDBDateValue':
      return formatMicros(BigInt(value.days) * 86400n * MICROS_PER_SECOND).slice(0, 10);
    default:
      return value.toString();
  }
}

async function loadTable(connection, table) {
  const columns = table.columns
    .map((column) => `${quoteLiteral(column.name)}: ${quoteLiteral(column.type)}`)
    .join(', ');
  const sql =
    `CREATE TABLE ${quoteIdentifier(table.name)} AS SELECT * FROM read_csv(${quoteLiteral(table.csv)}, ` +
    `header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, ` +
    `allow_quoted_nulls = false, columns = {${columns}})`;
  await connection.run(sql);
}

async function runQuery(connection, sql) {
  try {
    const reader = await connection.runAndReadAll(sql);
    const rows = reader.getRows().map((row) => row.map(convertValue));
    return {
      columns: reader.columnNames(),
      types: reader.columnTypes().map((type) => type.toString()),
      rows,
    };
  } catch (error) {
    return { error: String(error && error.message ? error.message : error) };
  }
}

const request = JSON.parse(await readStdin());
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const table of request.tables ?? []) {
  await loadTable(connection, table);
}

for (const sql of request.statements ?? []) {
  await connection.run(sql);
}

const results = [];
for (const sql of request.queries ?? []) {
  results.push(await runQuery(connection, sql));
}

connection.closeSync();
process.stdout.write(JSON.stringify(results));

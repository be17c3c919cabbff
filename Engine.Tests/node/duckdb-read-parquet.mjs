// Oracle for Engine's Parquet writer: DuckDB reads the files Engine wrote and reports what it sees.
// stdin: JSON array of absolute Parquet file paths. stdout: one JSON object per file, as an array:
//   columns      [{ name, type }] as DuckDB types them
//   rows         [[value, ...]] in file order; BIGINT as a decimal string, TIMESTAMPTZ as ISO-8601 UTC with
//                microseconds ("yyyy-MM-ddTHH:mm:ss.ffffffZ"), DOUBLE as the decimal string of its IEEE 754 bits
//                (signed int64) or "NaN", BOOLEAN and VARCHAR as JSON values, NULL as null
//   counts       { rows, [column]: non-NULL count } as decimal strings
//   schema       rows of parquet_schema()
//   metadata     rows of parquet_metadata() (row group and column chunk statistics, encodings, codecs)
//   file         the row of parquet_file_metadata()
//   keyValues    rows of parquet_kv_metadata() with key and value decoded as text
import { DuckDBInstance } from '@duckdb/node-api';

const input = await new Promise((resolve, reject) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
  process.stdin.on('error', reject);
});
const files = JSON.parse(input);

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();

const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;

function doubleBits(value) {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return view.getBigInt64(0, true).toString();
}

async function objectsJson(sql) {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

const results = [];
for (const path of files) {
  const source = `read_parquet(${quote(path)}, file_row_number = true)`;
  const described = await objectsJson(`DESCRIBE SELECT * FROM read_parquet(${quote(path)})`);
  const columns = described.map((row) => ({ name: row.column_name, type: row.column_type }));

  const projection = columns.map((column) => {
    const name = ident(column.name);
    switch (column.type) {
      case 'BIGINT':
        return `CAST(${name} AS VARCHAR)`;
      case 'TIMESTAMP WITH TIME ZONE':
        return `strftime(timezone('UTC', ${name}), '%Y-%m-%dT%H:%M:%S.%fZ')`;
      default:
        return name;
    }
  });
  const rowsReader = await connection.runAndReadAll(
    `SELECT ${projection.join(', ')} FROM ${source} ORDER BY file_row_number`);
  const rows = rowsReader.getRows().map((row) => row.map((value, i) => {
    if (value === null) {
      return null;
    }
    return columns[i].type === 'DOUBLE' ? doubleBits(value) : value;
  }));

  const countSql = ['CAST(count(*) AS VARCHAR) AS rows',
    ...columns.map((column, i) => `CAST(count(${ident(column.name)}) AS VARCHAR) AS c${i}`)];
  const [countRow] = await objectsJson(`SELECT ${countSql.join(', ')} FROM read_parquet(${quote(path)})`);
  const counts = { rows: countRow.rows };
  columns.forEach((column, i) => { counts[column.name] = countRow[`c${i}`]; });

  const schema = await objectsJson(
    `SELECT name, type, repetition_type, num_children, converted_type, logical_type FROM parquet_schema(${quote(path)})`);
  const metadata = await objectsJson(
    `SELECT row_group_id, row_group_num_rows, column_id, path_in_schema, type, num_values, stats_min_value, stats_max_value, `
    + `stats_null_count, compression, encodings, dictionary_page_offset, data_page_offset, total_compressed_size, total_uncompressed_size `
    + `FROM parquet_metadata(${quote(path)}) ORDER BY row_group_id, column_id`);
  const [file] = await objectsJson(
    `SELECT created_by, num_rows, num_row_groups, format_version FROM parquet_file_metadata(${quote(path)})`);
  const keyValues = await objectsJson(
    `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${quote(path)})`);

  results.push({ path, columns, rows, counts, schema, metadata, file, keyValues });
}

process.stdout.write(JSON.stringify(results));

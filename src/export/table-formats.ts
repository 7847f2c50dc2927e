/**
 * Writes an analyst table (tables.ts) to a byte stream as CSV (csv-stringify:
 * RFC 4180 quoting, a header row, empty cells for missing values), JSON Lines
 * (one object per row, null for missing values) or Parquet (hyparquet-writer:
 * typed, nullable columns, a row group per ROWS_PER_GROUP rows). Rows are read
 * and written a few at a time with the stream's backpressure respected, so
 * memory does not grow with the table.
 */
import { once } from "node:events";
import { Readable } from "node:stream";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { BoundTable, Cell, CellType } from "./tables.js";

export const TABLE_FORMATS = ["csv", "parquet", "jsonl"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
  csv: "text/csv; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
  jsonl: "application/jsonl; charset=utf-8",
};

/** Rows per Parquet row group (and per batch read from the table). */
export const ROWS_PER_GROUP = 10_000;

export async function writeTable(table: BoundTable, format: TableFormat, sink: Writable): Promise<void> {
  switch (format) {
    case "csv":
      return pipeline(Readable.from(table.rows, { objectMode: true }), stringify({ header: true, columns: table.columns.map((c) => c.name), cast: { boolean: (b) => String(b) } }), sink, { end: false });
    case "jsonl":
      return pipeline(Readable.from(jsonLines(table), { objectMode: false }), sink, { end: false });
    case "parquet":
      return writeParquet(table, sink);
  }
}

function* jsonLines(table: BoundTable): Generator<string> {
  const names = table.columns.map((c) => c.name);
  for (const row of table.rows) yield `${JSON.stringify(Object.fromEntries(names.map((name, i) => [name, row[i]])))}\n`;
}

const PARQUET_TYPES: Record<CellType, { type: "BYTE_ARRAY" | "INT32" | "DOUBLE" | "BOOLEAN"; converted_type?: "UTF8" }> = {
  STRING: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  INT32: { type: "INT32" },
  DOUBLE: { type: "DOUBLE" },
  BOOLEAN: { type: "BOOLEAN" },
};

/** A hyparquet writer that hands each finished row group to the stream and waits while the stream is full. */
class StreamWriter extends ByteWriter {
  constructor(private readonly sink: Writable) {
    super(1 << 16);
  }

  async flush(): Promise<void> {
    const chunk = Buffer.from(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
    if (!this.sink.write(chunk)) await once(this.sink, "drain");
  }

  override async finish(): Promise<void> {
    await this.flush();
  }
}

async function writeParquet(table: BoundTable, sink: Writable): Promise<void> {
  const writer = new StreamWriter(sink);
  const schema = [
    { name: "root", num_children: table.columns.length },
    ...table.columns.map((c) => ({ name: c.name, repetition_type: "OPTIONAL" as const, ...PARQUET_TYPES[c.type] })),
  ];
  const parquet = new ParquetWriter({ writer, schema, createdBy: "conflict-graph" });
  let batch: Cell[][] = [];
  const writeBatch = async () => {
    const columnData = table.columns.map((column, i) => ({ name: column.name, data: batch.map((row) => row[i] ?? null) }));
    await parquet.write({ columnData, rowGroupSize: batch.length });
    batch = [];
  };
  for (const row of table.rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_GROUP) await writeBatch();
  }
  if (batch.length > 0) await writeBatch();
  await parquet.finish();
}

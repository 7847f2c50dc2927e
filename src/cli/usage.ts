/**
 * What every command shares: where it writes, and the error for bad usage (exit code 2).
 */

export interface Output {
  log(line: string): void;
  error(line: string): void;
  /** Standard output as a byte stream, for tables (Parquet) written as they are made; absent, tables go through `log`. */
  readonly stdout?: NodeJS.WritableStream & import("node:stream").Writable;
}

export const consoleOutput: Output = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  stdout: process.stdout,
};

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT = { OK: 0, NOT_FOUND_OR_INVALID: 1, USAGE: 2 } as const;

/**
 * The text to draft from, read and checked before anything else runs: it
 * must exist, be a file, be at most MAX_TEXT_BYTES, hold no NUL byte (a
 * binary file), be UTF-8 and not be empty. Each failure is a DraftInputError
 * with a message a person can act on.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";

/** The largest text drafted in one run (a 10 MB text is drafted; beyond this, split it). */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export class DraftInputError extends Error {
  override readonly name = "DraftInputError";
  /** 1: the input cannot be drafted; 2: the command was given wrongly (no such file). */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export interface SourceText {
  readonly path: string;
  readonly text: string;
  /** SHA-256 of the file's bytes, as data/sources.yaml records it. */
  readonly sha256: string;
  readonly bytes: number;
}

/** The offset of the first byte that is not valid UTF-8 (for the message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** Checks decoded bytes; `path` names the text in messages. */
export function decodeText(bytes: Uint8Array, path: string): SourceText {
  if (bytes.length === 0) throw new DraftInputError(`${path} is empty: there is nothing to draft`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DraftInputError(`${path} is a binary file (a NUL byte at byte ${nul}), not text: give a plain-text (UTF-8) file`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new DraftInputError(`${path} is not UTF-8 text (an invalid byte sequence at byte ${at}): convert it to UTF-8, e.g. \`iconv -f latin1 -t utf-8\``);
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new DraftInputError(`${path} holds only white space: there is nothing to draft`);
  return { path, text, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

export function readSourceText(path: string): SourceText {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new DraftInputError(`${path} is not a file`, 2);
    size = stat.size;
  } catch (error) {
    if (error instanceof DraftInputError) throw error;
    throw new DraftInputError(`no such file "${path}"`, 2);
  }
  if (size > MAX_TEXT_BYTES) {
    throw new DraftInputError(`${path} is ${(size / 1024 / 1024).toFixed(1)} MB; the drafter takes at most ${MAX_TEXT_BYTES / 1024 / 1024} MB at once: split the text`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DraftInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return decodeText(bytes, path);
}

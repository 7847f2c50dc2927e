/**
 * Writes several files all or nothing: each new text goes to a temporary file
 * beside its target (so that the rename is atomic), and only when every one
 * is written and synced are they renamed into place. A file that changed
 * since it was read stops the write before anything is renamed; a rename
 * that fails puts back the files already renamed (their old texts are held
 * in memory) and removes the new ones.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { FileChange } from "./edit-files.js";

export class ConcurrentChangeError extends Error {
  override readonly name = "ConcurrentChangeError";
}

const temporaryPath = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);

function writeWhole(path: string, text: string): void {
  const fd = openSync(path, "wx", 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes every change under `dataDir`, or none. */
export function writeAllOrNothing(dataDir: string, changes: readonly FileChange[]): void {
  const targets = changes.map((change) => ({ change, path: join(dataDir, change.file), temporary: "" }));
  for (const { change, path } of targets) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : null;
    if (current !== change.before) throw new ConcurrentChangeError(`${change.file} changed while the merge was prepared (or was ${change.before === null ? "created" : "removed"}): nothing was written; run the merge again`);
  }
  try {
    for (const target of targets) {
      mkdirSync(dirname(target.path), { recursive: true });
      target.temporary = temporaryPath(target.path);
      writeWhole(target.temporary, target.change.after);
    }
  } catch (error) {
    for (const { temporary } of targets) if (temporary !== "") rmSync(temporary, { force: true });
    throw error;
  }
  const renamed: typeof targets = [];
  try {
    for (const target of targets) {
      renameSync(target.temporary, target.path);
      renamed.push(target);
    }
  } catch (error) {
    for (const { change, path } of renamed.reverse()) {
      if (change.before === null) rmSync(path, { force: true });
      else {
        const back = temporaryPath(path);
        writeWhole(back, change.before);
        renameSync(back, path);
      }
    }
    for (const { temporary } of targets) rmSync(temporary, { force: true });
    throw error;
  }
}

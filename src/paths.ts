/**
 * Where the package's own files are, whether the code runs from src/ (tsx,
 * vitest) or compiled from dist/src/: found by walking up to package.json.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The data bundled with the product: `data/` at the package root. */
export const BUNDLED_DATA_DIR = join(PACKAGE_ROOT, "data");

/** The built workbench (the IDE and the explorer): dist/web, written by scripts/build-web.ts. */
export const WORKBENCH_DIR = join(PACKAGE_ROOT, "dist", "web");

/** The database's migrations (node-pg-migrate, SQL): schema/postgres/migrations. */
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, "schema", "postgres", "migrations");

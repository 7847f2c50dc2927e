/**
 * Vitest global setup: builds the workbench into dist/web unless the build
 * there was made from the current inputs, so the server tests and the
 * browser tests serve what `npm start` serves.
 */
import { join } from "node:path";
import { buildWorkbench, currentBuild } from "../../scripts/build-web.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

export default async function setup(): Promise<void> {
  const outDir = join(PACKAGE_ROOT, "dist", "web");
  if (!currentBuild(outDir)) await buildWorkbench(outDir);
}

/**
 * Builds the workbench (web/: the GraphiQL IDE and the graph explorer) with
 * esbuild into dist/web: content-hashed assets under assets/, one HTML page
 * per app, gzip and brotli copies, and manifest.json, which the server reads
 * (src/http/workbench.ts). Everything the pages load is in dist/web: no CDN,
 * no fonts from elsewhere. Writes into a staging folder and swaps it in whole.
 *
 *   tsx scripts/build-web.ts [--out DIR] [--dev] [--force]
 *
 * --dev: no minification; --force: build even when the last build in DIR was
 * made from the same inputs (otherwise it is kept, so `npm start` stays quick).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { BuildOptions, Metafile } from "esbuild";
import { readExampleTabs } from "./workbench-examples.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The apps: each a page at a path, built from web/<name>/main.tsx. */
export const WORKBENCH_PAGES = [
  { name: "graphiql", title: "Conflict knowledge graph — GraphiQL", path: "/" },
  { name: "explorer", title: "Conflict knowledge graph — explorer", path: "/explorer" },
] as const;

/** What the build reads besides node_modules (whose versions package-lock.json pins). */
const INPUTS = ["web", "operations", "scripts/build-web.ts", "scripts/workbench-examples.ts", "package-lock.json"];

/** A digest of every input file, to skip a build whose inputs have not changed. */
export function inputsDigest(): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(relative(ROOT, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  for (const input of INPUTS) visit(join(ROOT, input));
  return hash.digest("hex");
}

export interface WorkbenchManifest {
  /** The inputsDigest() the build was made from. */
  readonly inputs: string;
  /** Page name -> HTML file in dist/web. */
  readonly pages: Record<string, { readonly path: string; readonly file: string }>;
  /** Every asset under assets/, with its size and gzip size in bytes. */
  readonly assets: ReadonlyArray<{ readonly file: string; readonly bytes: number; readonly gzipBytes: number }>;
}

const COMPRESSIBLE = /\.(js|css|html|json|svg)$/;

const common: BuildOptions = {
  bundle: true,
  platform: "browser",
  target: ["chrome110", "firefox110", "safari16"],
  legalComments: "linked",
  logLevel: "warning",
  metafile: true,
  write: true,
};

function outputsOf(metafile: Metafile, outdir: string) {
  return Object.entries(metafile.outputs).map(([file, output]) => ({ file: relative(outdir, file), output }));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function pageHtml(title: string, script: string, css: string | undefined): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="data:,">
  ${css ? `<link rel="stylesheet" href="/${css}">` : ""}
  <script type="module" src="/${script}"></script>
</head>
<body>
  <div id="root"></div>
  <noscript>The workbench needs JavaScript. The GraphQL endpoint is <code>/graphql</code>.</noscript>
</body>
</html>
`;
}

function compressAll(dir: string) {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name);
    if (!statSync(file).isFile() || !COMPRESSIBLE.test(name)) continue;
    const content = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

/** The manifest of a build in outDir made from the current inputs, or null when there is none. */
export function currentBuild(outDir: string, minify = true): WorkbenchManifest | null {
  const file = join(outDir, "manifest.json");
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, "utf8")) as WorkbenchManifest & { minify?: boolean };
  const complete = [...Object.values(manifest.pages).map((page) => page.file), ...manifest.assets.map((asset) => asset.file)].every((name) => existsSync(join(outDir, name)));
  return complete && manifest.inputs === inputsDigest() && manifest.minify === minify ? manifest : null;
}

export async function buildWorkbench(outDir: string, options: { minify?: boolean } = {}): Promise<WorkbenchManifest> {
  const minify = options.minify ?? true;
  const inputs = inputsDigest();
  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const assetsDir = join(staging, "assets");
  mkdirSync(assetsDir, { recursive: true });
  try {
    const entryPoints = Object.fromEntries(WORKBENCH_PAGES.map((page) => [page.name, join(ROOT, "web", page.name, "main.tsx")]));
    const apps = await build({
      ...common,
      entryPoints,
      outdir: assetsDir,
      entryNames: "[name]-[hash]",
      assetNames: "[name]-[hash]",
      format: "esm",
      // One script per page: code split at GraphiQL's dynamic imports would load in a second round trip.
      splitting: false,
      minify,
      sourcemap: "linked",
      jsx: "automatic",
      loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file", ".png": "file" },
      define: {
        "process.env.NODE_ENV": JSON.stringify(minify ? "production" : "development"),
        __WORKBENCH_EXAMPLES__: JSON.stringify(readExampleTabs(join(ROOT, "operations"))),
      },
    });

    const pages: Record<string, { path: string; file: string }> = {};
    for (const page of WORKBENCH_PAGES) {
      const entry = outputsOf(apps.metafile!, staging).find(({ output }) => output.entryPoint !== undefined && basename(dirname(output.entryPoint)) === page.name);
      if (!entry) throw new Error(`esbuild wrote no bundle for web/${page.name}`);
      writeFileSync(join(staging, `${page.name}.html`), pageHtml(page.title, entry.file, entry.output.cssBundle && relative(staging, join(ROOT, entry.output.cssBundle))));
      pages[page.name] = { path: page.path, file: `${page.name}.html` };
    }
    compressAll(staging);
    const assets = (readdirSync(assetsDir) as string[])
      .filter((name) => !name.endsWith(".gz") && !name.endsWith(".br"))
      .sort()
      .map((name) => ({
        file: `assets/${name}`,
        bytes: statSync(join(assetsDir, name)).size,
        gzipBytes: existsSync(join(assetsDir, `${name}.gz`)) ? statSync(join(assetsDir, `${name}.gz`)).size : statSync(join(assetsDir, name)).size,
      }));
    const manifest: WorkbenchManifest & { minify: boolean } = { inputs, minify, pages, assets };
    writeFileSync(join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(staging, outDir);
    return manifest;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const outDir = outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : join(ROOT, "dist", "web");
  const minify = !args.includes("--dev");
  const kept = args.includes("--force") ? null : currentBuild(outDir, minify);
  (kept ? Promise.resolve(kept) : buildWorkbench(outDir, { minify })).then(
    (manifest) => {
      const js = manifest.assets.filter((asset) => asset.file.endsWith(".js"));
      const gzip = js.reduce((sum, asset) => sum + asset.gzipBytes, 0);
      console.log(`workbench ${kept ? "up to date" : "built"} in ${relative(process.cwd(), outDir) || "."}: ${js.length} scripts, ${(gzip / 1e6).toFixed(2)} MB gzipped`);
    },
    (error: unknown) => {
      console.error(`workbench build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

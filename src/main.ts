/**
 * Process entry point for `npm start`, `npm run validate` and the CLI.
 * NODE_ENV defaults to production before graphql loads: graphql-js otherwise
 * runs development-mode checks on every type test (tests set NODE_ENV=test).
 */
import "reflect-metadata";

process.env["NODE_ENV"] ??= "production";
// A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { runCli } = await import("./cli/run.js");
const { consoleOutput } = await import("./cli/usage.js");

process.exitCode = await runCli(process.argv.slice(2), consoleOutput);

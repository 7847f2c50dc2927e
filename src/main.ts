/**
 * Process entry point for `npm start`, `npm run validate` and the CLI.
 * NODE_ENV defaults to production before graphql loads: graphql-js otherwise
 * runs development-mode checks on every type test (tests set NODE_ENV=test).
 */
import "reflect-metadata";

process.env["NODE_ENV"] ??= "production";
const { runCli } = await import("./cli/run.js");
const { consoleOutput } = await import("./cli/usage.js");

process.exitCode = await runCli(process.argv.slice(2), consoleOutput);

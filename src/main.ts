/**
 * Process entry point for `npm start`, `npm run validate` and the CLI.
 */
import "reflect-metadata";
import { runCli } from "./cli/run.js";
import { consoleOutput } from "./cli/usage.js";

const code = await runCli(process.argv.slice(2), consoleOutput);
process.exitCode = code;

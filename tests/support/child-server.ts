/**
 * The server as `npm start` runs it, in a child process: node with tsx's
 * loader (no tsx parent process between the test and the server, so signals
 * reach it directly), NODE_ENV unset, on a free port. Resolves once it prints its URL.
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface ChildServer {
  readonly child: ChildProcessWithoutNullStreams;
  /** The GraphQL endpoint it printed. */
  readonly url: string;
  /** Everything it has printed so far. */
  output(): string;
  /** Resolves with the exit code when it exits. */
  readonly exit: Promise<number | null>;
}

export async function startChildServer(extraArgs: readonly string[] = [], env: Record<string, string | undefined> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve", "--port", "0", ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: undefined, ...env },
  });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; output so far:\n${output}`)), 15_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL endpoint: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { child, url, output: () => output, exit };
}

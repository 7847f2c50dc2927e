/**
 * Faults as the process meets them: SIGTERM while a request is in flight lets
 * it finish, refuses new connections, then exits 0; connections that are idle
 * are closed at once, and half-sent ones when the grace period ends. (Broken
 * data at startup is in tests/cli/serve-command.test.ts; a resolver that
 * throws, in transport.test.ts.)
 */
import { connect } from "node:net";
import type { Socket } from "node:net";
import { expect, it } from "vitest";
import { startChildServer } from "../support/child-server.js";

it("SIGTERM lets an in-flight request finish, refuses new ones, then exits 0", async () => {
  const server = await startChildServer();
  const url = new URL(server.url);

  // Start a request and send only half of its body.
  const body = JSON.stringify({ query: '{ entity(id: "kataib-hezbollah") { name } }' });
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  let response = "";
  socket.on("data", (chunk: Buffer) => (response += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once("close", resolve));
  socket.write(`POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
  socket.write(body.slice(0, 10));
  await new Promise((resolve) => setTimeout(resolve, 200));

  server.child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300));
  // The server has stopped listening: a new connection is refused.
  await expect(fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).rejects.toThrow();

  // The request in flight still gets its answer.
  socket.write(body.slice(10));
  await closed;
  expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
  expect(response).toContain('{"data":{"entity":{"name":"Kataib Hezbollah"}}}');
  expect(await server.exit).toBe(0);
});

/** Opens a raw connection and writes `text` (nothing when empty); resolves when connected and written. */
async function rawConnection(url: URL, text: string): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.once("close", resolve));
  if (text) socket.write(text);
  return { socket, closed };
}

it("SIGTERM closes a connection that has sent nothing at once, and exits 0 without waiting out the grace period", async () => {
  const server = await startChildServer(["--shutdown-grace", "30"]);
  const idle = await rawConnection(new URL(server.url), "");
  const started = Date.now();
  server.child.kill("SIGTERM");
  await idle.closed;
  expect(await server.exit).toBe(0);
  expect(Date.now() - started).toBeLessThan(5_000);
});

it("SIGTERM closes a half-sent request when the grace period ends, then exits 0", async () => {
  const server = await startChildServer(["--shutdown-grace", "1"]);
  const url = new URL(server.url);
  const idle = await rawConnection(url, "");
  const halfHeaders = await rawConnection(url, `POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: appl`);
  const halfBody = await rawConnection(url, `POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const started = Date.now();
  server.child.kill("SIGTERM");
  await Promise.all([idle.closed, halfHeaders.closed, halfBody.closed]);
  expect(await server.exit).toBe(0);
  const took = Date.now() - started;
  expect(took).toBeGreaterThanOrEqual(900);
  expect(took).toBeLessThan(6_000);
  expect(server.output()).not.toMatch(/error|aborted/i);
});

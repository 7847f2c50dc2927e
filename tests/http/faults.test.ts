/**
 * Faults as the process meets them: SIGTERM while a request is in flight lets
 * it finish, refuses new connections, then exits 0. (Broken data at startup is
 * in tests/cli/serve-command.test.ts; a resolver that throws, in transport.test.ts.)
 */
import { connect } from "node:net";
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

/**
 * Serves a generated graph, for the benchmark's HTTP figures: the benchmark
 * runs this as a child process so the server has a core of its own and the
 * load generator's work is not counted against it. Prints the GraphQL URL.
 *
 *   node dist/bench/serve-generated.js SIZE SEED      (SIZE 0: the bundled data)
 */
import "reflect-metadata";
import { loadService, startApp } from "../src/app.js";
import { LIMITS } from "../src/service/limits.js";
import { createKnowledge } from "../src/service/knowledge.js";
import { KnowledgeService } from "../src/service/knowledge-service.js";
import { generate } from "./generate.js";

process.env["NODE_ENV"] ??= "production";
const [size = "0", seed = "42"] = process.argv.slice(2);
const service =
  Number(size) === 0
    ? loadService()
    : new KnowledgeService(createKnowledge(generate(Number(size), Number(seed)).knowledgeBase), { traversalBudget: LIMITS.traversalBudget });
const app = await startApp({ service, port: 0, host: "127.0.0.1" });
console.log(`GraphQL endpoint: ${app.graphqlUrl}`);
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));

import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships index.js and index.mjs. Node (and so type-graphql and
    // Apollo Server) loads index.js; Vite would pick index.mjs for our own code,
    // giving two copies of graphql ("from another module or realm"). Use the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    // The workbench (dist/web) the server serves at / and /explorer.
    globalSetup: ["tests/support/build-workbench.ts"],
    testTimeout: 20_000,
  },
});

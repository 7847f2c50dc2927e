import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 20_000,
  },
});

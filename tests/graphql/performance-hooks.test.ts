/**
 * The performance hooks (src/graphql/execution, and the graph builder's
 * dictionary-mode adjacency) lean on library internals; a dependency upgrade
 * could switch one off without any answer changing. Each reports at start-up
 * whether it applied, and this test fails when one did not.
 */
import { describe, expect, it } from "vitest";
import { describeHooks } from "../../src/graphql/execution/hooks.js";
import { schemaPerformanceHooks } from "../../src/graphql/schema.js";

describe("performance hooks", () => {
  const hooks = schemaPerformanceHooks();

  it.each(hooks.map((hook) => [hook.name, hook] as const))("%s is active", (_name, hook) => {
    expect(hook, hook.detail).toMatchObject({ active: true });
  });

  it("are all reported, in one line for the log", () => {
    expect(hooks.map((hook) => hook.name)).toEqual(["synchronous resolvers", "default resolvers", "compiled execution", "dictionary-mode adjacency"]);
    expect(describeHooks(hooks)).toMatch(/^Performance hooks: synchronous resolvers on \(\d+ of \d+ root fields, 1 of 1 interfaces\); default resolvers on \(\d+ plain fields\); compiled execution on/);
    expect(describeHooks(hooks)).not.toContain("OFF");
  });

  it("name one that is off", () => {
    expect(describeHooks([{ name: "compiled execution", active: false, detail: "probe failed" }])).toBe("Performance hooks: compiled execution OFF (probe failed)");
  });
});

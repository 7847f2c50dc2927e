/** The schema as SDL, exactly as committed in schema/schema.graphql. */
import { join } from "node:path";
import { printSchema } from "graphql";
import { PACKAGE_ROOT } from "../paths.js";
import { buildGraphQLSchema } from "./schema.js";

export const SCHEMA_FILE = join(PACKAGE_ROOT, "schema", "schema.graphql");

export function schemaSDL(): string {
  return `# Generated from the type-graphql classes in src/graphql by \`npm run schema\`. Do not edit.\n\n${printSchema(buildGraphQLSchema())}\n`;
}

/** The schema as SDL, exactly as committed in schema/schema.graphql. */
import { printSchema } from "graphql";
import { buildGraphQLSchema } from "./schema.js";

export const SCHEMA_FILE = new URL("../../schema/schema.graphql", import.meta.url);

export function schemaSDL(): string {
  return `# Generated from the type-graphql classes in src/graphql by \`npm run schema\`. Do not edit.\n\n${printSchema(buildGraphQLSchema())}\n`;
}

/** Writes schema/schema.graphql from the code (`npm run schema`). */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { SCHEMA_FILE, schemaSDL } from "../src/graphql/print-schema.js";

writeFileSync(SCHEMA_FILE, schemaSDL());
console.log(`wrote ${SCHEMA_FILE}`);

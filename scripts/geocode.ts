/** `npm run geocode [-- --check] [--data DIR]`: resolves places against the gazetteer (see src/curation/geocode-files.ts). */
import { parseArgs } from "node:util";
import { loadGazetteer } from "../src/curation/gazetteer.js";
import { runGeocode } from "../src/curation/geocode-files.js";
import { BUNDLED_DATA_DIR } from "../src/loading/load.js";

const { values } = parseArgs({ options: { check: { type: "boolean", default: false }, data: { type: "string" } } });
process.exitCode = runGeocode({ dataDir: values.data ?? BUNDLED_DATA_DIR, check: values.check ?? false }, loadGazetteer(), console);

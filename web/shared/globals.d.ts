/** Constants esbuild defines at build time (scripts/build-web.ts). */
declare const __WORKBENCH_EXAMPLES__: ReadonlyArray<{ readonly operationName: string; readonly query: string; readonly variables: string }>;
declare module "*.css";

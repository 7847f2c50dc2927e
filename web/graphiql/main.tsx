/**
 * The GraphiQL IDE at `/`: autocompletion and validation from the schema, the
 * docs explorer, variables and headers, history, and every operation in
 * operations/ opened as an example tab with its example variables. A link
 * like `/?query=...&variables=...` (GraphiQL's convention) opens that query.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/style.css";
import "./graphiql.css";

const fetcher = createGraphiQLFetcher({ url: "/graphql" });

const defaultTabs = __WORKBENCH_EXAMPLES__.map((example) => ({ query: example.query, variables: example.variables }));

const params = new URLSearchParams(window.location.search);
const linked: Record<string, string> = Object.fromEntries(["query", "variables", "operationName"].flatMap((name) => (params.has(name) ? [[name, params.get(name)!]] : [])));

/** The tab GraphiQL stored as active on the last visit, if any. */
function storedActiveTab(): { query: string | null; variables: string | null } | undefined {
  try {
    const state = JSON.parse(window.localStorage.getItem("graphiql:tabState") ?? "null") as { activeTabIndex: number; tabs: Array<{ query: string | null; variables: string | null }> } | null;
    return state?.tabs[state.activeTabIndex];
  } catch {
    return undefined;
  }
}

// GraphiQL 4 opens the active tab with an empty variables editor; hand it the tab's variables (stored, or the first example's).
if (Object.keys(linked).length === 0) {
  const stored = storedActiveTab();
  if (stored) Object.assign(linked, { query: stored.query ?? "", variables: stored.variables ?? "" });
  else if (defaultTabs[0]) linked.variables = defaultTabs[0].variables;
}

function Workbench() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      {...linked}
      defaultEditorToolsVisibility="variables"
    >
      <GraphiQL.Logo>
        <span className="workbench-logo">
          Conflict graph · <a href="/explorer">Explorer</a>
        </span>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Workbench />
  </StrictMode>,
);

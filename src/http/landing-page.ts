/**
 * The page served at `/`: what the endpoint is, example queries, and a small
 * query runner. Self-contained (no CDN), so it works on an offline machine.
 */

export const EXAMPLE_QUERIES: ReadonlyArray<{ title: string; query: string }> = [
  {
    title: "Which militias does Iran back?",
    query: `{
  entity(id: "iran-government") {
    name
    ... on Government { backs { id name kind } }
  }
}`,
  },
  {
    title: "How is Kataib Hezbollah connected to Joe Biden?",
    query: `{
  shortestPath(from: "kataib-hezbollah", to: "joe-biden") {
    length
    steps { from { name } relation { type } direction to { name } }
  }
}`,
  },
  {
    title: "The death-toll claims for the June 27, 2021 strikes",
    query: `{
  entity(id: "us-strike-2021-06-27") {
    ... on Event {
      date { value precision }
      casualtyClaims { measure qualifier count subject evidence { attribution excerpt } }
    }
  }
}`,
  },
  {
    title: "The retaliation chain around the Soleimani strike",
    query: `{
  retaliationChain(eventId: "us-strike-2020-01-03") {
    events { id name date { value yearInferred } }
  }
}`,
  },
  {
    title: "Timeline of airstrikes",
    query: `{
  events(types: [AIRSTRIKE]) { id date { value precision } name }
}`,
  },
];

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function landingPage(): string {
  const examples = EXAMPLE_QUERIES.map(
    (e, i) => `<li><button type="button" data-example="${i}">${escapeHtml(e.title)}</button></li>`,
  ).join("\n      ");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Conflict knowledge graph — GraphQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <style>
    body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #1d1d1f; }
    h1 { font-size: 1.4rem; margin-bottom: .2rem; }
    .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
    textarea, pre { width: 100%; box-sizing: border-box; min-height: 24rem; font: 13px/1.4 ui-monospace, monospace; padding: .6rem; border: 1px solid #ccc; border-radius: 4px; }
    pre { background: #f6f8fa; overflow: auto; margin: 0; white-space: pre-wrap; }
    ul { padding-left: 1.2rem; } li { margin: .2rem 0; }
    button { font: inherit; cursor: pointer; }
    li button { background: none; border: none; color: #0b57d0; padding: 0; text-align: left; }
    #run { margin: .5rem 0; padding: .3rem 1rem; }
    code { background: #f1f1f1; padding: 0 .2rem; }
  </style>
</head>
<body>
  <h1>Conflict knowledge graph</h1>
  <p>US airstrikes on Iran-backed militias in Iraq and Syria (December 2019 – July 2021), the attacks that provoked them and the reactions,
  with the evidence for every fact. POST GraphQL to <code>/graphql</code>; the schema is introspectable. Health: <a href="/health"><code>/health</code></a>.</p>
  <h2>Examples</h2>
  <ul>
      ${examples}
  </ul>
  <div class="cols">
    <div><textarea id="query" spellcheck="false" aria-label="GraphQL query"></textarea>
      <button id="run" type="button">Run (Ctrl+Enter)</button></div>
    <pre id="result" aria-live="polite"></pre>
  </div>
  <script>
    const examples = ${JSON.stringify(EXAMPLE_QUERIES.map((e) => e.query)).replace(/</g, "\\u003c")};
    const query = document.getElementById("query");
    const result = document.getElementById("result");
    query.value = examples[0];
    async function run() {
      result.textContent = "…";
      try {
        const response = await fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: query.value }),
        });
        result.textContent = "HTTP " + response.status + "\\n" + JSON.stringify(await response.json(), null, 2);
      } catch (error) {
        result.textContent = String(error);
      }
    }
    document.getElementById("run").addEventListener("click", run);
    run();
    query.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
    for (const button of document.querySelectorAll("[data-example]")) {
      button.addEventListener("click", () => { query.value = examples[Number(button.dataset.example)]; run(); });
    }
  </script>
</body>
</html>
`;
}

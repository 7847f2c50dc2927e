/**
 * The side panel for what was clicked. A node: the entity's kind, name,
 * description, aliases and date, its evidence (excerpt, attribution, source
 * document), its claims and, for events, the accounts behind each estimate,
 * with buttons to expand it in place, centre a neighbourhood on it or show its
 * retaliation chain. An edge: the relation's type, ends, role, date, rank and
 * evidence. Everything is fetched from the API when the panel opens.
 */
import { useEffect, useState } from "react";
import { ApiError, fetchEntityDetails, fetchRelationDetails } from "./api.js";
import type { Claim, EntityDetails, Estimate, Evidence, PartialDate, RelationDetails } from "./api.js";
import { kindColor } from "./graph-model.js";

export type Selection = { readonly node: string; readonly edge?: undefined } | { readonly edge: string; readonly node?: undefined };

export interface PanelActions {
  onExpand(id: string): void;
  onCentre(id: string): void;
  onChain(id: string): void;
  onSelectNode(id: string): void;
  onClose(): void;
  onError(message: string): void;
}

function KindChip({ kind }: { kind: string }) {
  return (
    <span className="kind-chip" style={{ borderColor: kindColor(kind) }}>
      <span className="swatch" style={{ background: kindColor(kind) }} />
      {kind.replace(/_/g, " ").toLowerCase()}
    </span>
  );
}

function formatDate(date: PartialDate): string {
  const written = date.asWritten && date.asWritten !== date.value ? ` (“${date.asWritten}”)` : "";
  const inferred = date.yearInferred ? `; year inferred${date.yearInference ? `: ${date.yearInference}` : ""}` : "";
  return `${date.value}${written}${inferred}`;
}

function EvidenceList({ evidence, title = "Evidence" }: { evidence: readonly Evidence[]; title?: string }) {
  if (evidence.length === 0) return null;
  return (
    <section>
      <h3>
        {title} <small>({evidence.length})</small>
      </h3>
      <ul className="evidence-list">
        {evidence.map((item, index) => (
          <EvidenceItem key={index} evidence={item} />
        ))}
      </ul>
    </section>
  );
}

function EvidenceItem({ evidence }: { evidence: Evidence }) {
  return (
    <li className="evidence" data-testid="evidence">
      <blockquote data-testid="evidence-excerpt">“{evidence.excerpt}”</blockquote>
      <div className="attribution" data-testid="evidence-attribution">
        — {evidence.attribution}
      </div>
      <div className="document" data-testid="evidence-document">
        Source:{" "}
        {evidence.document.url ? (
          <a href={evidence.document.url} target="_blank" rel="noreferrer noopener">
            {evidence.document.title}
          </a>
        ) : (
          evidence.document.title
        )}
      </div>
    </li>
  );
}

function figure(claim: Claim): string {
  const count = claim.count ?? "";
  switch (claim.qualifier) {
    case "EXACT":
      return `${count}`;
    case "AT_LEAST":
      return `at least ${count}`;
    case "MORE_THAN":
      return `more than ${count}`;
    case "SEVERAL":
      return "several";
    case "NONE_REPORTED":
      return "none reported";
    default:
      return "unspecified";
  }
}

function Claims({ claims }: { claims: readonly Claim[] }) {
  if (claims.length === 0) return null;
  return (
    <section>
      <h3>
        Claims <small>({claims.length})</small>
      </h3>
      <ul className="claims">
        {claims.map((claim, index) => (
          <li key={index} data-testid="claim">
            <div>
              <strong>{claim.measure.toLowerCase()}</strong>: {figure(claim)} {claim.subject}
              {claim.rank !== "NORMAL" && <span className={`rank rank-${claim.rank.toLowerCase()}`}>{claim.rank.toLowerCase()}</span>}
            </div>
            <div className="muted">
              account <code>{claim.account}</code>
              {claim.scope ? `, scope: ${claim.scope}` : ""}
            </div>
            {claim.note && <div className="note">{claim.note}</div>}
            <ul className="evidence-list">
              <EvidenceItem evidence={claim.evidence} />
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

const range = (low: number | null, best: number | null, high: number | null) => (best === null && low === null && high === null ? "no figure" : `${low ?? "?"} / ${best ?? "?"} / ${high ?? "?"}`);

function Accounts({ estimates }: { estimates: readonly Estimate[] }) {
  if (estimates.length === 0) return null;
  return (
    <section>
      <h3>Estimates and accounts</h3>
      {estimates.map((estimate) => (
        <div key={estimate.measure} className="estimate" data-testid="estimate">
          <div>
            <strong>{estimate.measure.toLowerCase()}</strong> (low / best / high): {range(estimate.low, estimate.best, estimate.high)}
            {estimate.disputed && <span className="rank rank-deprecated">disputed</span>}
          </div>
          <ul className="accounts">
            {estimate.accounts.map((account) => (
              <li key={account.id} data-testid="account">
                <div>
                  <code>{account.label}</code>: {account.attribution} — {range(account.low, account.best, account.high)}
                  {account.rank !== "NORMAL" && <span className={`rank rank-${account.rank.toLowerCase()}`}>{account.rank.toLowerCase()}</span>}
                  {account.disputed && <span className="rank rank-deprecated">disputed</span>}
                  {account.scope && <span className="muted"> (scope: {account.scope})</span>}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function EntityView({ details, actions, inGraph }: { details: EntityDetails; actions: PanelActions; inGraph: boolean }) {
  return (
    <>
      <header>
        <KindChip kind={details.kind} />
        <h2 data-testid="details-title">{details.name}</h2>
        <code className="muted">{details.id}</code>
      </header>
      <div className="actions">
        <button type="button" data-testid="expand" disabled={!inGraph} onClick={() => actions.onExpand(details.id)} title="Add its neighbours (depth 1) to this view">
          Expand here
        </button>
        <button type="button" data-testid="centre" onClick={() => actions.onCentre(details.id)} title="Show its neighbourhood">
          Centre on it
        </button>
        {details.kind === "EVENT" && (
          <button type="button" data-testid="chain" onClick={() => actions.onChain(details.id)}>
            Retaliation chain
          </button>
        )}
      </div>
      {details.shortName && <p className="muted">{details.shortName}</p>}
      {details.date && (
        <p>
          <strong>Date:</strong> {formatDate(details.date)}
        </p>
      )}
      {details.eventType && (
        <p>
          <strong>Event type:</strong> {details.eventType.replace(/_/g, " ").toLowerCase()}
        </p>
      )}
      <p data-testid="details-description">{details.description}</p>
      {details.aliases.length > 0 && (
        <p>
          <strong>Also:</strong> {details.aliases.join("; ")}
        </p>
      )}
      <p className="muted">{details.degree} relations in the whole graph.</p>
      <EvidenceList evidence={details.provenance} />
      <Claims claims={details.claims} />
      {details.estimates && <Accounts estimates={details.estimates} />}
    </>
  );
}

function RelationView({ details, actions }: { details: RelationDetails; actions: PanelActions }) {
  const end = (entity: RelationDetails["source"]) => (
    <button type="button" className="link-button" onClick={() => actions.onSelectNode(entity.id)}>
      <span className="swatch" style={{ background: kindColor(entity.kind) }} /> {entity.name}
    </button>
  );
  return (
    <>
      <header>
        <span className="kind-chip">relation</span>
        <h2 data-testid="details-title">{details.type}</h2>
        <code className="muted">{details.id}</code>
      </header>
      <p className="relation-ends" data-testid="relation-ends">
        {end(details.source)} <span aria-label="to">→</span> {end(details.target)}
      </p>
      {details.role && (
        <p>
          <strong>Role:</strong> {details.role}
        </p>
      )}
      {details.date && (
        <p>
          <strong>Date:</strong> {formatDate(details.date)}
        </p>
      )}
      {details.account && (
        <p>
          <strong>Disputes account:</strong> <code>{details.account}</code>
        </p>
      )}
      {details.rank !== "NORMAL" && (
        <p>
          <span className={`rank rank-${details.rank.toLowerCase()}`}>{details.rank.toLowerCase()}</span> {details.rankReason}
        </p>
      )}
      {details.note && <p className="note">{details.note}</p>}
      <EvidenceList evidence={details.evidence} />
    </>
  );
}

type Loaded = { readonly key: string; readonly entity?: EntityDetails; readonly relation?: RelationDetails };

/** The panel; `inGraph` says whether the selected node is drawn (so it can be expanded). */
export function DetailsPanel({ selection, actions, inGraph }: { selection: Selection; actions: PanelActions; inGraph: boolean }) {
  const key = selection.node !== undefined ? `node:${selection.node}` : `edge:${selection.edge}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setFailed(null);
    const request = selection.node !== undefined ? fetchEntityDetails(selection.node).then((entity) => ({ key, entity })) : fetchRelationDetails(selection.edge).then((relation) => ({ key, relation }));
    request.then(
      (result) => live && setLoaded(result),
      (error: unknown) => {
        if (!live) return;
        const message = error instanceof ApiError ? error.message : String(error);
        setFailed(message);
        actions.onError(`Could not load the details: ${message}`);
      },
    );
    return () => {
      live = false;
    };
    // Reload only when the selection changes (`actions` is a new object on every render).
  }, [key]);

  const current = loaded?.key === key ? loaded : null;
  return (
    <aside className="details" data-testid="details" data-kind={selection.node !== undefined ? "node" : "edge"} data-loaded={current ? "true" : "false"} aria-live="polite">
      <button type="button" className="close" aria-label="Close the panel" data-testid="details-close" onClick={actions.onClose}>
        ×
      </button>
      {current?.entity && <EntityView details={current.entity} actions={actions} inGraph={inGraph} />}
      {current?.relation && <RelationView details={current.relation} actions={actions} />}
      {!current && !failed && <p className="muted">Loading…</p>}
      {!current && failed && <p className="muted">The details could not be loaded.</p>}
    </aside>
  );
}

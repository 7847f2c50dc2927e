/**
 * The explorer's inputs: a typeahead that finds an entity with the API's
 * `search` (by name, alias, spelling variant, id or description), and the
 * form that says what to show (mode, the entities, depth, relation types,
 * direction, limit, which paths) and runs it.
 */
import { useEffect, useId, useRef, useState } from "react";
import type { FormEvent, KeyboardEvent } from "react";
import { ApiError, BOUNDS, DIRECTIONS, searchEntities } from "./api.js";
import type { Direction, SearchHit } from "./api.js";
import { kindColor } from "./graph-model.js";
import { MODES, PATH_KINDS } from "./url-state.js";
import type { Mode, PathKind, ViewState } from "./url-state.js";

export interface PickedEntity {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** A text box that searches as one types and offers the hits; choosing one (click, or arrows and Enter) picks it. */
export function EntityPicker(props: {
  readonly label: string;
  /** Prefix of the data-testid attributes: `${testId}-input`, `${testId}-result`. */
  readonly testId: string;
  readonly selected: PickedEntity | null;
  readonly kind?: string;
  readonly onSelect: (entity: PickedEntity | null) => void;
  readonly onError: (message: string) => void;
}) {
  const { selected, kind, onSelect, onError } = props;
  const [text, setText] = useState(selected?.name ?? "");
  const [hits, setHits] = useState<readonly SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState("");
  const listId = useId();
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  // A pick from elsewhere (the URL, "centre here") shows its name; clearing the pick while typing keeps the text.
  useEffect(() => {
    if (selected) setText(selected.name);
  }, [selected?.id, selected?.name]);

  useEffect(() => {
    const query = text.replace(CONTROL_CHARACTERS, " ").trim();
    if (!open || query === "" || query === selected?.name) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchEntities(query, kind ?? null, controller.signal).then(
        (result) => {
          setHits(result.hits);
          setSearched(query);
          setActive(0);
        },
        (error: unknown) => {
          if (error instanceof ApiError) onErrorRef.current(`Search failed: ${error.message}`);
        },
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open, kind, selected?.name]);

  const choose = (hit: SearchHit) => {
    onSelect({ id: hit.entity.id, name: hit.entity.name, kind: hit.entity.kind });
    setText(hit.entity.name);
    setHits([]);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index - 1 + hits.length) % hits.length);
    } else if (event.key === "Enter" && open && hits[active]) {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  const showList = open && hits.length > 0;
  const noHits = open && hits.length === 0 && searched !== "" && searched === text.trim();
  return (
    <div className="picker">
      <label>
        <span className="field-label">{props.label}</span>
        <input
          type="search"
          value={text}
          maxLength={200}
          placeholder="Name, alias or id…"
          autoComplete="off"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          data-testid={`${props.testId}-input`}
          data-selected-id={selected?.id ?? ""}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            if (selected && event.target.value !== selected.name) onSelect(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
      </label>
      {selected && (
        <div className="picked" data-testid={`${props.testId}-picked`}>
          <span className="swatch" style={{ background: kindColor(selected.kind) }} /> <code>{selected.id}</code>
        </div>
      )}
      {showList && (
        <ul className="typeahead" role="listbox" id={listId}>
          {hits.map((hit, index) => (
            <li
              key={hit.entity.id}
              role="option"
              aria-selected={index === active}
              className={index === active ? "active" : undefined}
              data-testid={`${props.testId}-result`}
              data-id={hit.entity.id}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(hit);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="swatch" style={{ background: kindColor(hit.entity.kind) }} />
              <span className="hit-name">{hit.entity.name}</span>
              <span className="hit-kind">{hit.entity.kind.replace(/_/g, " ").toLowerCase()}</span>
            </li>
          ))}
        </ul>
      )}
      {noHits && <div className="typeahead-empty">No entity matches “{searched}”.</div>}
    </div>
  );
}

export interface Draft {
  readonly state: ViewState;
  readonly from: PickedEntity | null;
  readonly to: PickedEntity | null;
}

const MODE_LABELS: Record<Mode, string> = { neighborhood: "Neighbourhood", path: "Paths between two entities", chain: "Retaliation chain of an event" };
const PATH_LABELS: Record<PathKind, string> = { shortest: "Shortest path", all: "All shortest paths", k: "k shortest paths" };
const DIRECTION_LABELS: Record<Direction, string> = { EITHER: "Either way", FORWARD: "Outgoing (FORWARD)", BACKWARD: "Incoming (BACKWARD)" };

function NumberField(props: { label: string; testId: string; bounds: { min: number; max: number }; value: number; onChange: (value: number) => void }) {
  return (
    <label className="number-field">
      <span className="field-label">{props.label}</span>
      <input
        type="number"
        min={props.bounds.min}
        max={props.bounds.max}
        step={1}
        required
        value={Number.isNaN(props.value) ? "" : props.value}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.value === "" ? Number.NaN : Number(event.target.value))}
      />
    </label>
  );
}

/** What to show, and the Run button. */
export function QueryForm(props: {
  readonly draft: Draft;
  readonly relationTypes: ReadonlyArray<{ readonly name: string; readonly description: string | null }>;
  readonly busy: boolean;
  readonly onChange: (draft: Draft) => void;
  readonly onRun: (draft: Draft) => void;
  readonly onError: (message: string) => void;
}) {
  const { draft, onChange } = props;
  const { state } = draft;
  const set = (patch: Partial<ViewState>) => onChange({ ...draft, state: { ...state, ...patch } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onRun(draft);
  };
  return (
    <form className="query-form" onSubmit={submit} data-testid="query-form">
      <label>
        <span className="field-label">Show</span>
        <select value={state.mode} data-testid="mode" onChange={(event) => set({ mode: event.target.value as Mode })}>
          {MODES.map((mode) => (
            <option key={mode} value={mode}>
              {MODE_LABELS[mode]}
            </option>
          ))}
        </select>
      </label>
      <EntityPicker
        label={state.mode === "path" ? "From" : state.mode === "chain" ? "Event" : "Entity"}
        testId="search"
        selected={draft.from}
        kind={state.mode === "chain" ? "EVENT" : undefined}
        onSelect={(from) => onChange({ ...draft, from, state: { ...state, id: from?.id ?? "" } })}
        onError={props.onError}
      />
      {state.mode === "path" && (
        <EntityPicker label="To" testId="search-to" selected={draft.to} onSelect={(to) => onChange({ ...draft, to, state: { ...state, to: to?.id ?? "" } })} onError={props.onError} />
      )}
      {state.mode === "neighborhood" && (
        <div className="row">
          <NumberField label="Depth" testId="depth" bounds={BOUNDS.depth} value={state.depth} onChange={(depth) => set({ depth })} />
          <NumberField label="Limit" testId="limit" bounds={BOUNDS.limit} value={state.limit} onChange={(limit) => set({ limit })} />
        </div>
      )}
      {state.mode === "path" && (
        <div className="row">
          <label>
            <span className="field-label">Paths</span>
            <select value={state.paths} data-testid="path-kind" onChange={(event) => set({ paths: event.target.value as PathKind })}>
              {PATH_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {PATH_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          {state.paths !== "shortest" && <NumberField label={state.paths === "k" ? "k" : "At most"} testId="k" bounds={BOUNDS.k} value={state.k} onChange={(k) => set({ k })} />}
          {state.paths === "k" && <NumberField label="Max steps" testId="max-length" bounds={BOUNDS.maxLength} value={state.maxLength} onChange={(maxLength) => set({ maxLength })} />}
        </div>
      )}
      {state.mode !== "chain" && (
        <>
          <label>
            <span className="field-label">Direction</span>
            <select value={state.direction} data-testid="direction" onChange={(event) => set({ direction: event.target.value as Direction })}>
              {DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {DIRECTION_LABELS[direction]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">
              Relation types <small>({state.types.length === 0 ? "all" : `${state.types.length} chosen`}; Ctrl/⌘-click for several)</small>
            </span>
            <select
              multiple
              size={6}
              value={[...state.types]}
              data-testid="relation-types"
              onChange={(event) => set({ types: [...event.target.selectedOptions].map((option) => option.value) })}
            >
              {props.relationTypes.map((type) => (
                <option key={type.name} value={type.name} title={type.description ?? undefined}>
                  {type.name}
                </option>
              ))}
            </select>
          </label>
          {state.types.length > 0 && (
            <button type="button" className="link-button" onClick={() => set({ types: [] })}>
              Clear relation types (follow all)
            </button>
          )}
        </>
      )}
      <button type="submit" className="run" data-testid="run" disabled={props.busy}>
        {props.busy ? "Loading…" : "Run"}
      </button>
    </form>
  );
}

-- The knowledge graph's store (docs/operations.md): source documents,
-- entities with their aliases, variants, claims and accounts, relations,
-- evidence with its offsets, and the locations of places and bases. Each
-- table keeps where its record lives in a data directory (`file`, and
-- `position` in that file's list), so `conflict-graph db export` writes the
-- same files back and a load reads records in the order the files give.
--
-- The constraints repeat the loader's rules (src/loading/validate.ts) that a
-- database can hold: ids, kinds, the kinds each relation type may join
-- (relation_signature, from src/model/ontology.ts), evidence on every entity,
-- relation and claim, ranks with their reasons, no proposed records. The
-- loader still validates everything it reads.

-- Up Migration

CREATE DOMAIN record_id AS text CHECK (VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
CREATE DOMAIN nonempty_text AS text CHECK (btrim(VALUE) <> '');
-- Curated by hand (absent) or accepted in review; a proposed record never enters the store.
CREATE DOMAIN review_status AS text CHECK (VALUE = 'accepted');
CREATE DOMAIN record_rank AS text CHECK (VALUE IN ('PREFERRED', 'NORMAL', 'DEPRECATED'));

CREATE TABLE entity_kind (name text PRIMARY KEY);
CREATE TABLE entity_subtype (
  kind text NOT NULL REFERENCES entity_kind,
  name text NOT NULL,
  PRIMARY KEY (kind, name)
);
CREATE TABLE relation_type (name text PRIMARY KEY);
-- Which kinds of entity each relation type may join.
CREATE TABLE relation_signature (
  type text NOT NULL REFERENCES relation_type,
  source_kind text NOT NULL REFERENCES entity_kind,
  target_kind text NOT NULL REFERENCES entity_kind,
  PRIMARY KEY (type, source_kind, target_kind)
);
CREATE TABLE claim_measure (name text PRIMARY KEY);
CREATE TABLE claim_qualifier (name text PRIMARY KEY, counted boolean NOT NULL);

INSERT INTO entity_kind (name) VALUES
  ('Militia'),
  ('UmbrellaGroup'),
  ('PoliticalBloc'),
  ('Government'),
  ('Organization'),
  ('Official'),
  ('Base'),
  ('Place'),
  ('MediaSource'),
  ('LegalInstrument'),
  ('Event'),
  ('Statement');

INSERT INTO entity_subtype (kind, name) VALUES
  ('Organization', 'GOVERNMENT_BODY'),
  ('Organization', 'ARMED_FORCE'),
  ('Organization', 'INTELLIGENCE_AGENCY'),
  ('Organization', 'LEGISLATIVE_BODY'),
  ('Organization', 'MILITARY_COALITION'),
  ('Organization', 'NETWORK'),
  ('Base', 'AIR_BASE'),
  ('Base', 'MILITARY_BASE'),
  ('Base', 'AIRPORT'),
  ('Base', 'DIPLOMATIC_FACILITY'),
  ('Base', 'MILITIA_FACILITY'),
  ('Base', 'OTHER_FACILITY'),
  ('Place', 'COUNTRY'),
  ('Place', 'TRANSNATIONAL_REGION'),
  ('Place', 'REGION'),
  ('Place', 'CITY'),
  ('Place', 'DISTRICT'),
  ('Place', 'BORDER_CROSSING'),
  ('Place', 'OIL_FIELD'),
  ('MediaSource', 'NEWS_AGENCY'),
  ('MediaSource', 'MONITOR'),
  ('MediaSource', 'MEDIA_OUTLETS'),
  ('MediaSource', 'SOCIAL_MEDIA_CHANNELS'),
  ('MediaSource', 'UNNAMED_SOURCES'),
  ('LegalInstrument', 'CONSTITUTION'),
  ('LegalInstrument', 'CONSTITUTIONAL_PROVISION'),
  ('LegalInstrument', 'STATUTE'),
  ('LegalInstrument', 'AUTHORIZATION'),
  ('LegalInstrument', 'INTERNATIONAL_AGREEMENT'),
  ('LegalInstrument', 'LEGAL_PRINCIPLE'),
  ('Event', 'AIRSTRIKE'),
  ('Event', 'DRONE_ATTACK'),
  ('Event', 'ROCKET_ATTACK'),
  ('Event', 'ATTACK_SERIES'),
  ('Event', 'STORMING'),
  ('Event', 'EXCHANGE_OF_FIRE'),
  ('Event', 'TERRITORIAL_CAPTURE'),
  ('Event', 'FOUNDING'),
  ('Event', 'INSTITUTIONAL_CHANGE'),
  ('Statement', 'STATEMENT'),
  ('Statement', 'REMARKS'),
  ('Statement', 'BRIEFING'),
  ('Statement', 'SOCIAL_MEDIA_POST');

INSERT INTO relation_type (name) VALUES
  ('BACKS'),
  ('CARRIED_OUT'),
  ('ATTACKS'),
  ('RETALIATES_FOR'),
  ('RESPONDS_TO'),
  ('INVOLVES'),
  ('CONDEMNS'),
  ('JUSTIFIES'),
  ('QUESTIONS'),
  ('PLEDGES_RETALIATION'),
  ('WARNS'),
  ('DIRECTED'),
  ('INTERCEPTED'),
  ('KILLED_IN'),
  ('MEMBER_OF'),
  ('PART_OF'),
  ('LEADS'),
  ('HOLDS_OFFICE_IN'),
  ('SPEAKS_FOR'),
  ('NEAR'),
  ('STRUCK_NEAR'),
  ('DISPUTES'),
  ('LOCATED_IN'),
  ('OCCURRED_AT'),
  ('USES'),
  ('BUILT'),
  ('AFFILIATED_WITH'),
  ('REPORTED_BY'),
  ('ISSUED'),
  ('ABOUT'),
  ('CITES');

INSERT INTO relation_signature (type, source_kind, target_kind) VALUES
  ('BACKS', 'Government', 'Militia'),
  ('BACKS', 'Government', 'UmbrellaGroup'),
  ('BACKS', 'Government', 'Organization'),
  ('BACKS', 'Government', 'PoliticalBloc'),
  ('BACKS', 'Organization', 'Militia'),
  ('BACKS', 'Organization', 'UmbrellaGroup'),
  ('BACKS', 'Organization', 'Organization'),
  ('BACKS', 'Organization', 'PoliticalBloc'),
  ('CARRIED_OUT', 'Government', 'Event'),
  ('CARRIED_OUT', 'Organization', 'Event'),
  ('CARRIED_OUT', 'Militia', 'Event'),
  ('CARRIED_OUT', 'UmbrellaGroup', 'Event'),
  ('CARRIED_OUT', 'PoliticalBloc', 'Event'),
  ('CARRIED_OUT', 'Official', 'Event'),
  ('ATTACKS', 'Event', 'Militia'),
  ('ATTACKS', 'Event', 'UmbrellaGroup'),
  ('ATTACKS', 'Event', 'Organization'),
  ('ATTACKS', 'Event', 'Government'),
  ('ATTACKS', 'Event', 'Official'),
  ('ATTACKS', 'Event', 'Base'),
  ('ATTACKS', 'Event', 'Place'),
  ('RETALIATES_FOR', 'Event', 'Event'),
  ('RESPONDS_TO', 'Event', 'Event'),
  ('INVOLVES', 'Event', 'Government'),
  ('INVOLVES', 'Event', 'Organization'),
  ('INVOLVES', 'Event', 'Militia'),
  ('INVOLVES', 'Event', 'UmbrellaGroup'),
  ('INVOLVES', 'Event', 'PoliticalBloc'),
  ('INVOLVES', 'Event', 'Official'),
  ('CONDEMNS', 'Government', 'Event'),
  ('CONDEMNS', 'Organization', 'Event'),
  ('CONDEMNS', 'Militia', 'Event'),
  ('CONDEMNS', 'UmbrellaGroup', 'Event'),
  ('CONDEMNS', 'PoliticalBloc', 'Event'),
  ('CONDEMNS', 'Official', 'Event'),
  ('JUSTIFIES', 'Government', 'Event'),
  ('JUSTIFIES', 'Organization', 'Event'),
  ('JUSTIFIES', 'Militia', 'Event'),
  ('JUSTIFIES', 'UmbrellaGroup', 'Event'),
  ('JUSTIFIES', 'PoliticalBloc', 'Event'),
  ('JUSTIFIES', 'Official', 'Event'),
  ('QUESTIONS', 'Government', 'Event'),
  ('QUESTIONS', 'Organization', 'Event'),
  ('QUESTIONS', 'Militia', 'Event'),
  ('QUESTIONS', 'UmbrellaGroup', 'Event'),
  ('QUESTIONS', 'PoliticalBloc', 'Event'),
  ('QUESTIONS', 'Official', 'Event'),
  ('PLEDGES_RETALIATION', 'Government', 'Event'),
  ('PLEDGES_RETALIATION', 'Organization', 'Event'),
  ('PLEDGES_RETALIATION', 'Militia', 'Event'),
  ('PLEDGES_RETALIATION', 'UmbrellaGroup', 'Event'),
  ('PLEDGES_RETALIATION', 'PoliticalBloc', 'Event'),
  ('PLEDGES_RETALIATION', 'Official', 'Event'),
  ('WARNS', 'Government', 'Government'),
  ('WARNS', 'Government', 'Organization'),
  ('WARNS', 'Government', 'Militia'),
  ('WARNS', 'Government', 'UmbrellaGroup'),
  ('WARNS', 'Organization', 'Government'),
  ('WARNS', 'Organization', 'Organization'),
  ('WARNS', 'Organization', 'Militia'),
  ('WARNS', 'Organization', 'UmbrellaGroup'),
  ('WARNS', 'Militia', 'Government'),
  ('WARNS', 'Militia', 'Organization'),
  ('WARNS', 'Militia', 'Militia'),
  ('WARNS', 'Militia', 'UmbrellaGroup'),
  ('WARNS', 'UmbrellaGroup', 'Government'),
  ('WARNS', 'UmbrellaGroup', 'Organization'),
  ('WARNS', 'UmbrellaGroup', 'Militia'),
  ('WARNS', 'UmbrellaGroup', 'UmbrellaGroup'),
  ('WARNS', 'PoliticalBloc', 'Government'),
  ('WARNS', 'PoliticalBloc', 'Organization'),
  ('WARNS', 'PoliticalBloc', 'Militia'),
  ('WARNS', 'PoliticalBloc', 'UmbrellaGroup'),
  ('WARNS', 'Official', 'Government'),
  ('WARNS', 'Official', 'Organization'),
  ('WARNS', 'Official', 'Militia'),
  ('WARNS', 'Official', 'UmbrellaGroup'),
  ('DIRECTED', 'Official', 'Event'),
  ('DIRECTED', 'Government', 'Event'),
  ('DIRECTED', 'Organization', 'Event'),
  ('INTERCEPTED', 'Government', 'Event'),
  ('INTERCEPTED', 'Organization', 'Event'),
  ('INTERCEPTED', 'Militia', 'Event'),
  ('INTERCEPTED', 'UmbrellaGroup', 'Event'),
  ('INTERCEPTED', 'PoliticalBloc', 'Event'),
  ('INTERCEPTED', 'Official', 'Event'),
  ('KILLED_IN', 'Official', 'Event'),
  ('MEMBER_OF', 'Militia', 'UmbrellaGroup'),
  ('MEMBER_OF', 'Militia', 'PoliticalBloc'),
  ('MEMBER_OF', 'Militia', 'Organization'),
  ('MEMBER_OF', 'UmbrellaGroup', 'UmbrellaGroup'),
  ('MEMBER_OF', 'UmbrellaGroup', 'PoliticalBloc'),
  ('MEMBER_OF', 'UmbrellaGroup', 'Organization'),
  ('MEMBER_OF', 'Organization', 'UmbrellaGroup'),
  ('MEMBER_OF', 'Organization', 'PoliticalBloc'),
  ('MEMBER_OF', 'Organization', 'Organization'),
  ('MEMBER_OF', 'Militia', 'Militia'),
  ('PART_OF', 'Organization', 'Organization'),
  ('PART_OF', 'Organization', 'Government'),
  ('PART_OF', 'UmbrellaGroup', 'Organization'),
  ('PART_OF', 'UmbrellaGroup', 'Government'),
  ('PART_OF', 'PoliticalBloc', 'Organization'),
  ('PART_OF', 'PoliticalBloc', 'Government'),
  ('PART_OF', 'LegalInstrument', 'LegalInstrument'),
  ('PART_OF', 'Event', 'Event'),
  ('LEADS', 'Government', 'Organization'),
  ('LEADS', 'Government', 'Militia'),
  ('LEADS', 'Government', 'UmbrellaGroup'),
  ('LEADS', 'Organization', 'Organization'),
  ('LEADS', 'Organization', 'Militia'),
  ('LEADS', 'Organization', 'UmbrellaGroup'),
  ('LEADS', 'Official', 'Organization'),
  ('LEADS', 'Official', 'Militia'),
  ('LEADS', 'Official', 'UmbrellaGroup'),
  ('HOLDS_OFFICE_IN', 'Official', 'Government'),
  ('HOLDS_OFFICE_IN', 'Official', 'Organization'),
  ('HOLDS_OFFICE_IN', 'Official', 'Militia'),
  ('HOLDS_OFFICE_IN', 'Official', 'UmbrellaGroup'),
  ('SPEAKS_FOR', 'Official', 'Official'),
  ('SPEAKS_FOR', 'Official', 'Government'),
  ('SPEAKS_FOR', 'Official', 'Organization'),
  ('SPEAKS_FOR', 'Official', 'Militia'),
  ('SPEAKS_FOR', 'Official', 'UmbrellaGroup'),
  ('NEAR', 'Base', 'Base'),
  ('NEAR', 'Base', 'Place'),
  ('NEAR', 'Place', 'Base'),
  ('NEAR', 'Place', 'Place'),
  ('STRUCK_NEAR', 'Event', 'Base'),
  ('STRUCK_NEAR', 'Event', 'Place'),
  ('DISPUTES', 'Government', 'Event'),
  ('DISPUTES', 'Organization', 'Event'),
  ('DISPUTES', 'Militia', 'Event'),
  ('DISPUTES', 'UmbrellaGroup', 'Event'),
  ('DISPUTES', 'PoliticalBloc', 'Event'),
  ('DISPUTES', 'Official', 'Event'),
  ('DISPUTES', 'MediaSource', 'Event'),
  ('LOCATED_IN', 'Base', 'Base'),
  ('LOCATED_IN', 'Base', 'Place'),
  ('LOCATED_IN', 'Place', 'Base'),
  ('LOCATED_IN', 'Place', 'Place'),
  ('LOCATED_IN', 'MediaSource', 'Place'),
  ('LOCATED_IN', 'Organization', 'Place'),
  ('OCCURRED_AT', 'Event', 'Base'),
  ('OCCURRED_AT', 'Event', 'Place'),
  ('USES', 'Government', 'Base'),
  ('USES', 'Government', 'Place'),
  ('USES', 'Organization', 'Base'),
  ('USES', 'Organization', 'Place'),
  ('USES', 'Militia', 'Base'),
  ('USES', 'Militia', 'Place'),
  ('USES', 'UmbrellaGroup', 'Base'),
  ('USES', 'UmbrellaGroup', 'Place'),
  ('BUILT', 'Government', 'Base'),
  ('BUILT', 'Organization', 'Base'),
  ('BUILT', 'Militia', 'Base'),
  ('AFFILIATED_WITH', 'MediaSource', 'Militia'),
  ('AFFILIATED_WITH', 'MediaSource', 'UmbrellaGroup'),
  ('AFFILIATED_WITH', 'MediaSource', 'PoliticalBloc'),
  ('AFFILIATED_WITH', 'MediaSource', 'Government'),
  ('AFFILIATED_WITH', 'MediaSource', 'Organization'),
  ('AFFILIATED_WITH', 'Militia', 'Militia'),
  ('AFFILIATED_WITH', 'Militia', 'UmbrellaGroup'),
  ('AFFILIATED_WITH', 'PoliticalBloc', 'Government'),
  ('REPORTED_BY', 'Event', 'MediaSource'),
  ('REPORTED_BY', 'Event', 'Organization'),
  ('REPORTED_BY', 'Event', 'Official'),
  ('REPORTED_BY', 'Event', 'Government'),
  ('REPORTED_BY', 'Event', 'Militia'),
  ('REPORTED_BY', 'Event', 'UmbrellaGroup'),
  ('REPORTED_BY', 'Statement', 'MediaSource'),
  ('REPORTED_BY', 'Statement', 'Organization'),
  ('REPORTED_BY', 'Statement', 'Official'),
  ('REPORTED_BY', 'Statement', 'Government'),
  ('REPORTED_BY', 'Statement', 'Militia'),
  ('REPORTED_BY', 'Statement', 'UmbrellaGroup'),
  ('ISSUED', 'Government', 'Statement'),
  ('ISSUED', 'Organization', 'Statement'),
  ('ISSUED', 'Militia', 'Statement'),
  ('ISSUED', 'UmbrellaGroup', 'Statement'),
  ('ISSUED', 'PoliticalBloc', 'Statement'),
  ('ISSUED', 'Official', 'Statement'),
  ('ABOUT', 'Statement', 'Event'),
  ('CITES', 'Statement', 'LegalInstrument');

INSERT INTO claim_measure (name) VALUES
  ('KILLED'),
  ('WOUNDED'),
  ('CASUALTIES'),
  ('DAMAGED'),
  ('RESPONSIBILITY_CLAIMS'),
  ('ROCKETS'),
  ('DRONES'),
  ('ATTACKS'),
  ('TARGETS'),
  ('SEATS'),
  ('SIZE_RANK'),
  ('MEMBER_GROUPS');

INSERT INTO claim_qualifier (name, counted) VALUES
  ('EXACT', true),
  ('AT_LEAST', true),
  ('MORE_THAN', true),
  ('SEVERAL', false),
  ('UNSPECIFIED', false),
  ('NONE_REPORTED', false);


-- The files of a data directory, with the comment that opens each (kept for export).
CREATE TABLE data_file (
  path text PRIMARY KEY CHECK (path ~ '^(sources\.yaml|(entities|relations|geography)/[^/]+\.ya?ml)$'),
  comment text
);

CREATE TABLE source_document (
  id record_id PRIMARY KEY,
  kind text CHECK (kind IN ('ARTICLE', 'GAZETTEER')),
  title nonempty_text NOT NULL,
  publisher nonempty_text,
  version nonempty_text,
  licence nonempty_text,
  url text,
  covers_value text,
  covers_as_written nonempty_text,
  covers_year_inferred nonempty_text,
  published_value text,
  published_as_written nonempty_text,
  published_year_inferred nonempty_text,
  publication_notes text[],
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  status review_status,
  file text NOT NULL REFERENCES data_file DEFERRABLE INITIALLY DEFERRED,
  position integer NOT NULL CHECK (position >= 0),
  UNIQUE (file, position),
  CONSTRAINT gazetteer_names_its_publisher CHECK (kind IS DISTINCT FROM 'GAZETTEER' OR (publisher IS NOT NULL AND version IS NOT NULL AND licence IS NOT NULL)),
  CONSTRAINT article_covers_a_span CHECK (kind = 'GAZETTEER' OR covers_value IS NOT NULL),
  CHECK (covers_value IS NOT NULL OR (covers_as_written IS NULL AND covers_year_inferred IS NULL)),
  CHECK (published_value IS NOT NULL OR (published_as_written IS NULL AND published_year_inferred IS NULL))
);

CREATE TABLE entity (
  id record_id PRIMARY KEY,
  kind text NOT NULL REFERENCES entity_kind,
  name nonempty_text NOT NULL,
  description nonempty_text NOT NULL,
  -- organizationType, facilityType, placeType, mediaType, instrumentType, eventType or statementType.
  subtype text,
  date_value text,
  date_as_written nonempty_text,
  date_year_inferred nonempty_text,
  status review_status,
  file text NOT NULL REFERENCES data_file DEFERRABLE INITIALLY DEFERRED,
  position integer NOT NULL CHECK (position >= 0),
  UNIQUE (file, position),
  UNIQUE (id, kind),
  FOREIGN KEY (kind, subtype) REFERENCES entity_subtype,
  CONSTRAINT subtype_where_the_kind_has_one CHECK ((subtype IS NOT NULL) = (kind IN ('Organization', 'Base', 'Place', 'MediaSource', 'LegalInstrument', 'Event', 'Statement'))),
  CONSTRAINT events_and_statements_are_dated CHECK ((date_value IS NOT NULL) = (kind IN ('Event', 'Statement'))),
  CHECK (date_value IS NOT NULL OR (date_as_written IS NULL AND date_year_inferred IS NULL))
);

-- Names the sources use for an entity.
CREATE TABLE entity_alias (
  entity record_id NOT NULL REFERENCES entity ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position integer NOT NULL CHECK (position >= 0),
  name nonempty_text NOT NULL,
  PRIMARY KEY (entity, position)
);

-- Other spellings and names, for search; never evidence.
CREATE TABLE entity_variant (
  entity record_id NOT NULL REFERENCES entity ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position integer NOT NULL CHECK (position >= 0),
  name nonempty_text NOT NULL,
  type text NOT NULL CHECK (type IN ('TRANSLITERATION', 'SPELLING', 'ACRONYM', 'FULL_NAME', 'ARABIC_SCRIPT', 'PERSIAN_SCRIPT')),
  note nonempty_text,
  PRIMARY KEY (entity, position)
);

-- One source's version of one measure about an entity: its claims add up.
CREATE TABLE account (
  entity record_id NOT NULL REFERENCES entity ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  id record_id NOT NULL,
  PRIMARY KEY (entity, id)
);

CREATE TABLE claim (
  entity record_id NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  measure text NOT NULL REFERENCES claim_measure,
  qualifier text NOT NULL REFERENCES claim_qualifier,
  count integer CHECK (count >= 0),
  subject nonempty_text NOT NULL,
  account record_id NOT NULL,
  scope nonempty_text,
  note nonempty_text,
  rank record_rank,
  rank_reason nonempty_text,
  status review_status,
  PRIMARY KEY (entity, position),
  FOREIGN KEY (entity) REFERENCES entity ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (entity, account) REFERENCES account ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT ranked_with_a_reason CHECK ((rank IS NOT NULL AND rank <> 'NORMAL') = (rank_reason IS NOT NULL)),
  CONSTRAINT none_reported_has_no_count CHECK (NOT (qualifier = 'EXACT' AND count = 0))
);

CREATE TABLE relation (
  id record_id PRIMARY KEY,
  type text NOT NULL REFERENCES relation_type,
  source record_id NOT NULL,
  source_kind text NOT NULL,
  target record_id NOT NULL,
  target_kind text NOT NULL,
  date_value text,
  date_as_written nonempty_text,
  date_year_inferred nonempty_text,
  role nonempty_text,
  account record_id,
  note nonempty_text,
  rank record_rank,
  rank_reason nonempty_text,
  status review_status,
  file text NOT NULL REFERENCES data_file DEFERRABLE INITIALLY DEFERRED,
  position integer NOT NULL CHECK (position >= 0),
  UNIQUE (file, position),
  -- The endpoints' kinds are repeated here so that the signature can be a foreign key.
  FOREIGN KEY (source, source_kind) REFERENCES entity (id, kind) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (target, target_kind) REFERENCES entity (id, kind) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT relation_joins_allowed_kinds FOREIGN KEY (type, source_kind, target_kind) REFERENCES relation_signature,
  FOREIGN KEY (target, account) REFERENCES account (entity, id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT relation_joins_two_entities CHECK (source <> target),
  CONSTRAINT near_says_how CHECK (type <> 'NEAR' OR role IS NOT NULL),
  CONSTRAINT disputes_name_an_account CHECK ((type = 'DISPUTES') = (account IS NOT NULL)),
  CONSTRAINT ranked_with_a_reason CHECK ((rank IS NOT NULL AND rank <> 'NORMAL') = (rank_reason IS NOT NULL)),
  CHECK (date_value IS NOT NULL OR (date_as_written IS NULL AND date_year_inferred IS NULL))
);
-- Frontier expansion (WHERE source = ANY($1), WHERE target = ANY($1)) reads these alone.
CREATE INDEX relation_by_source ON relation (source) INCLUDE (target, type, rank);
CREATE INDEX relation_by_target ON relation (target) INCLUDE (source, type, rank);

-- Where a place or base is (written by `npm run geocode`).
CREATE TABLE location (
  entity record_id PRIMARY KEY,
  entity_kind text NOT NULL CHECK (entity_kind IN ('Place', 'Base')),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  precision text CHECK (precision IN ('SITE', 'CITY', 'REGION', 'COUNTRY')),
  via record_id REFERENCES entity DEFERRABLE INITIALLY DEFERRED,
  note nonempty_text,
  unresolved nonempty_text,
  file text NOT NULL REFERENCES data_file DEFERRABLE INITIALLY DEFERRED,
  position integer NOT NULL CHECK (position >= 0),
  UNIQUE (file, position),
  FOREIGN KEY (entity, entity_kind) REFERENCES entity (id, kind) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT coordinates_or_why_not CHECK ((latitude IS NULL) = (unresolved IS NOT NULL)),
  CHECK ((latitude IS NULL) = (longitude IS NULL) AND (latitude IS NULL) = (precision IS NULL)),
  CHECK (latitude IS NOT NULL OR (via IS NULL AND note IS NULL))
);

-- Every evidence entry: of an entity or relation (`record`), of a claim
-- (`claim`, exactly one, and `corroboration`), or of coordinates.
CREATE TABLE evidence (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('record', 'claim', 'corroboration', 'coordinates')),
  entity record_id REFERENCES entity ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  relation record_id REFERENCES relation ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  claim_position integer,
  location record_id REFERENCES location ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  -- Place in its list (evidence.N, corroboration.N).
  position integer NOT NULL CHECK (position >= 0),
  document record_id NOT NULL REFERENCES source_document DEFERRABLE INITIALLY DEFERRED,
  excerpt nonempty_text NOT NULL CHECK (char_length(excerpt) <= 400),
  attribution nonempty_text NOT NULL,
  attributed_to text[],
  -- Unicode code points, end exclusive (W3C TextPositionSelector).
  start_offset integer CHECK (start_offset >= 0),
  end_offset integer,
  FOREIGN KEY (entity, claim_position) REFERENCES claim ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT offsets_together CHECK ((start_offset IS NULL) = (end_offset IS NULL) AND end_offset > start_offset),
  CONSTRAINT one_owner CHECK (
    CASE role
      WHEN 'record' THEN num_nonnulls(entity, relation) = 1 AND claim_position IS NULL AND location IS NULL
      WHEN 'coordinates' THEN location IS NOT NULL AND entity IS NULL AND relation IS NULL AND claim_position IS NULL
      ELSE entity IS NOT NULL AND claim_position IS NOT NULL AND relation IS NULL AND location IS NULL
    END
  )
);
CREATE UNIQUE INDEX evidence_of_an_entity ON evidence (entity, position) WHERE role = 'record' AND entity IS NOT NULL;
CREATE UNIQUE INDEX evidence_of_a_relation ON evidence (relation, position) WHERE role = 'record';
CREATE UNIQUE INDEX evidence_of_a_claim ON evidence (entity, claim_position) WHERE role = 'claim';
CREATE UNIQUE INDEX corroboration_of_a_claim ON evidence (entity, claim_position, position) WHERE role = 'corroboration';
CREATE UNIQUE INDEX evidence_of_coordinates ON evidence (location) WHERE role = 'coordinates';
CREATE INDEX evidence_by_document ON evidence (document);

-- Evidence is required: checked when the transaction commits, so a record and its evidence can be written in either order.
CREATE FUNCTION require_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'entity' THEN
    IF EXISTS (SELECT 1 FROM entity WHERE id = NEW.id) AND NOT EXISTS (SELECT 1 FROM evidence WHERE entity = NEW.id AND role = 'record') THEN
      RAISE EXCEPTION 'entity "%" has no evidence: at least one evidence entry is required', NEW.id USING ERRCODE = 'check_violation';
    END IF;
    -- Every place and base has a location (coordinates from a gazetteer, or why there are none).
    IF NEW.kind IN ('Place', 'Base') AND EXISTS (SELECT 1 FROM entity WHERE id = NEW.id) AND NOT EXISTS (SELECT 1 FROM location WHERE entity = NEW.id) THEN
      RAISE EXCEPTION '% "%" has no location: every place and base needs one (npm run geocode writes it)', lower(NEW.kind), NEW.id USING ERRCODE = 'check_violation';
    END IF;
  ELSIF TG_TABLE_NAME = 'relation' THEN
    IF EXISTS (SELECT 1 FROM relation WHERE id = NEW.id) AND NOT EXISTS (SELECT 1 FROM evidence WHERE relation = NEW.id AND role = 'record') THEN
      RAISE EXCEPTION 'relation "%" has no evidence: at least one evidence entry is required', NEW.id USING ERRCODE = 'check_violation';
    END IF;
  ELSIF TG_TABLE_NAME = 'claim' THEN
    IF EXISTS (SELECT 1 FROM claim WHERE entity = NEW.entity AND position = NEW.position)
       AND NOT EXISTS (SELECT 1 FROM evidence WHERE entity = NEW.entity AND claim_position = NEW.position AND role = 'claim') THEN
      RAISE EXCEPTION 'claim % of entity "%" has no evidence: a claim needs its source', NEW.position, NEW.entity USING ERRCODE = 'check_violation';
    END IF;
  ELSIF TG_TABLE_NAME = 'location' THEN
    IF NEW.latitude IS NOT NULL AND EXISTS (SELECT 1 FROM location WHERE entity = NEW.entity)
       AND NOT EXISTS (SELECT 1 FROM evidence WHERE location = NEW.entity AND role = 'coordinates') THEN
      RAISE EXCEPTION 'the coordinates of "%" have no evidence: name the gazetteer record', NEW.entity USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER entity_has_evidence AFTER INSERT OR UPDATE ON entity DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_evidence();
CREATE CONSTRAINT TRIGGER relation_has_evidence AFTER INSERT OR UPDATE ON relation DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_evidence();
CREATE CONSTRAINT TRIGGER claim_has_evidence AFTER INSERT OR UPDATE ON claim DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_evidence();
CREATE CONSTRAINT TRIGGER coordinates_have_evidence AFTER INSERT OR UPDATE ON location DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_evidence();

-- Deleting the last evidence entry of a record that stays is refused too.
CREATE FUNCTION keep_required_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role = 'record' AND OLD.entity IS NOT NULL AND EXISTS (SELECT 1 FROM entity WHERE id = OLD.entity)
     AND NOT EXISTS (SELECT 1 FROM evidence WHERE entity = OLD.entity AND role = 'record') THEN
    RAISE EXCEPTION 'entity "%" would have no evidence left', OLD.entity USING ERRCODE = 'check_violation';
  ELSIF OLD.role = 'record' AND OLD.relation IS NOT NULL AND EXISTS (SELECT 1 FROM relation WHERE id = OLD.relation)
     AND NOT EXISTS (SELECT 1 FROM evidence WHERE relation = OLD.relation AND role = 'record') THEN
    RAISE EXCEPTION 'relation "%" would have no evidence left', OLD.relation USING ERRCODE = 'check_violation';
  ELSIF OLD.role = 'claim' AND EXISTS (SELECT 1 FROM claim WHERE entity = OLD.entity AND position = OLD.claim_position)
     AND NOT EXISTS (SELECT 1 FROM evidence WHERE entity = OLD.entity AND claim_position = OLD.claim_position AND role = 'claim') THEN
    RAISE EXCEPTION 'claim % of entity "%" would have no evidence left', OLD.claim_position, OLD.entity USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER evidence_stays_required AFTER DELETE OR UPDATE ON evidence DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION keep_required_evidence();

-- The version of the data: every write bumps it in its transaction, and the
-- bump notifies channel conflict_graph_data when the transaction commits, so
-- that every serving replica reloads (src/database/follow.ts).
CREATE TABLE data_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL,
  change text NOT NULL
);
INSERT INTO data_version VALUES (true, 0, now(), 'schema created');

CREATE FUNCTION bump_data_version(change text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  bumped bigint;
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = now(), change = bump_data_version.change RETURNING version INTO bumped;
  PERFORM pg_notify('conflict_graph_data', bumped::text);
  RETURN bumped;
END;
$$;

-- Roles: the server reads (conflict_graph_reader), `db import` and `merge` write
-- (conflict_graph_writer). Grant them to login roles (docs/operations.md).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'conflict_graph_reader') THEN
    CREATE ROLE conflict_graph_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'conflict_graph_writer') THEN
    CREATE ROLE conflict_graph_writer NOLOGIN;
  END IF;
END;
$$;
GRANT USAGE ON SCHEMA public TO conflict_graph_reader, conflict_graph_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO conflict_graph_reader;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO conflict_graph_writer;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON entity_kind, entity_subtype, relation_type, relation_signature, claim_measure, claim_qualifier, pgmigrations FROM conflict_graph_writer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO conflict_graph_writer;
REVOKE EXECUTE ON FUNCTION bump_data_version(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bump_data_version(text) TO conflict_graph_writer;

-- Down Migration

DROP TABLE data_file, evidence, location, relation, claim, account, entity_variant, entity_alias, entity, source_document,
  claim_qualifier, claim_measure, relation_signature, relation_type, entity_subtype, entity_kind, data_version;
DROP FUNCTION require_evidence(), keep_required_evidence(), bump_data_version(text);
DROP DOMAIN record_id, nonempty_text, review_status, record_rank;

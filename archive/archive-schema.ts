// The shared archive's PostgreSQL schema, step by step like the library's (library/migrations.ts):
// step N brings the archive to schema_version N. Never edit a released step.
//
// Who sees what is the database's rule, not only the app's: every reporter is a PostgreSQL role
// in the group role nr_reporter, and row-level security shows a reporter the articles they pushed
// or that were shared to a desk they belong to, and the annotations they wrote or that were shared
// to such a desk. A reporter outside the desk reads nothing of it, even with psql.
//
// Incremental pull: every row carries a change_seq from one sequence. Writers take one advisory
// lock for the rest of their transaction before drawing a number, so numbers become visible in
// order and a reader's high-water mark never skips a row a slower transaction commits later.

/** The advisory lock every archive write holds until commit (an arbitrary constant). */
export const ARCHIVE_WRITE_LOCK = 735_201;

/** The group role every reporter is a member of; its privileges are the app's. */
export const REPORTER_ROLE = 'nr_reporter';

export const ARCHIVE_CORE_SCHEMA_SQL = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${REPORTER_ROLE}') THEN CREATE ROLE ${REPORTER_ROLE} NOLOGIN; END IF;
END $$;

CREATE TABLE archive_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE change_seq;

-- Draws the row's change number under the archive's write lock (see the header).
CREATE FUNCTION nr_next_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${ARCHIVE_WRITE_LOCK});
  NEW.change_seq := nextval('change_seq');
  RETURN NEW;
END $$;

-- Listeners learn that something changed, not what: they pull what they may see.
CREATE FUNCTION nr_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('nr_archive_changes', NEW.change_seq::text);
  RETURN NULL;
END $$;

CREATE TABLE desks (
  name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE desk_members (
  desk text NOT NULL REFERENCES desks ON DELETE CASCADE,
  member name NOT NULL,
  PRIMARY KEY (desk, member)
);
CREATE INDEX desk_members_member ON desk_members (member, desk);

-- The desks the logged-in reporter belongs to. SECURITY DEFINER so policies can read desk_members,
-- which reporters themselves may only read for their own desks; inside it current_user is the
-- function's owner, so the reporter is session_user (not a role passed in: a function that takes the
-- role would tell any reporter which desks another one is on).
CREATE FUNCTION nr_my_desks() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT desk FROM desk_members WHERE member = session_user
$$;

CREATE TABLE articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url_key text UNIQUE,
  content_hash text NOT NULL UNIQUE,
  title text NOT NULL,
  author text,
  source text,
  url text,
  language text NOT NULL,
  published_at text,
  body text NOT NULL,
  blocks jsonb NOT NULL,
  added_by name NOT NULL DEFAULT current_user,
  added_at timestamptz NOT NULL DEFAULT now(),
  change_seq bigint NOT NULL
);
CREATE INDEX articles_change_seq ON articles (change_seq);

-- Who pushed an article (dedup keeps one row; each reporter who pushed it still sees it).
CREATE TABLE article_owners (
  article_id uuid NOT NULL REFERENCES articles ON DELETE CASCADE,
  owner name NOT NULL,
  PRIMARY KEY (article_id, owner)
);
CREATE INDEX article_owners_owner ON article_owners (owner, article_id);

CREATE TABLE article_shares (
  article_id uuid NOT NULL REFERENCES articles ON DELETE CASCADE,
  desk text NOT NULL REFERENCES desks ON DELETE CASCADE,
  shared_by name NOT NULL DEFAULT current_user,
  change_seq bigint NOT NULL,
  PRIMARY KEY (article_id, desk)
);
CREATE INDEX article_shares_desk ON article_shares (desk, article_id);
CREATE INDEX article_shares_change_seq ON article_shares (change_seq);

-- A collection a reporter shares with a desk: its articles are shared to the desk as they are pushed.
CREATE TABLE collection_shares (
  owner name NOT NULL DEFAULT current_user,
  collection text NOT NULL CHECK (length(collection) BETWEEN 1 AND 200),
  desk text NOT NULL REFERENCES desks ON DELETE CASCADE,
  change_seq bigint NOT NULL,
  PRIMARY KEY (owner, collection, desk)
);

CREATE TABLE annotations (
  id text PRIMARY KEY,
  article_id uuid NOT NULL REFERENCES articles ON DELETE CASCADE,
  author name NOT NULL DEFAULT current_user,
  -- NULL: private to its author.
  desk text REFERENCES desks ON DELETE SET NULL,
  quote jsonb NOT NULL,
  position jsonb NOT NULL,
  color text NOT NULL,
  note text NOT NULL,
  created_at timestamptz NOT NULL,
  -- Last writer wins per field: each field remembers when it was last written.
  color_updated timestamptz NOT NULL,
  note_updated timestamptz NOT NULL,
  desk_updated timestamptz NOT NULL,
  change_seq bigint NOT NULL
);
CREATE INDEX annotations_change_seq ON annotations (change_seq);
CREATE INDEX annotations_article ON annotations (article_id);
CREATE INDEX annotations_desk ON annotations (desk) WHERE desk IS NOT NULL;

-- Older note texts an edit replaced: never dropped (offline edits on two machines).
CREATE TABLE annotation_note_history (
  id bigserial PRIMARY KEY,
  annotation_id text NOT NULL REFERENCES annotations ON DELETE CASCADE,
  note text NOT NULL,
  written_at timestamptz NOT NULL,
  replaced_at timestamptz NOT NULL DEFAULT now(),
  change_seq bigint NOT NULL
);
CREATE INDEX annotation_note_history_annotation ON annotation_note_history (annotation_id);
-- A push repeated after a crash (kill -9 between the archive's commit and the outbox delete) writes nothing twice.
CREATE UNIQUE INDEX annotation_note_history_once ON annotation_note_history (annotation_id, written_at, md5(note));

-- Deletions, and annotations taken back from a desk, for the readers who saw them.
CREATE TABLE tombstones (
  kind text NOT NULL CHECK (kind IN ('annotation')),
  id text NOT NULL,
  author name NOT NULL,
  desk text,
  deleted_at timestamptz NOT NULL DEFAULT now(),
  change_seq bigint NOT NULL
);
CREATE INDEX tombstones_change_seq ON tombstones (change_seq);

CREATE TRIGGER articles_change BEFORE INSERT OR UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION nr_next_change();
CREATE TRIGGER article_shares_change BEFORE INSERT OR UPDATE ON article_shares FOR EACH ROW EXECUTE FUNCTION nr_next_change();
CREATE TRIGGER collection_shares_change BEFORE INSERT OR UPDATE ON collection_shares FOR EACH ROW EXECUTE FUNCTION nr_next_change();
CREATE TRIGGER annotations_change BEFORE INSERT OR UPDATE ON annotations FOR EACH ROW EXECUTE FUNCTION nr_next_change();
CREATE TRIGGER annotation_note_history_change BEFORE INSERT ON annotation_note_history FOR EACH ROW EXECUTE FUNCTION nr_next_change();
CREATE TRIGGER tombstones_change BEFORE INSERT ON tombstones FOR EACH ROW EXECUTE FUNCTION nr_next_change();
-- A deleted annotation, or one taken back from a desk, leaves a tombstone for those who saw it there.
CREATE FUNCTION nr_annotation_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO tombstones (kind, id, author, desk) VALUES ('annotation', OLD.id, OLD.author, OLD.desk);
  ELSIF OLD.desk IS NOT NULL AND OLD.desk IS DISTINCT FROM NEW.desk THEN
    INSERT INTO tombstones (kind, id, author, desk) VALUES ('annotation', OLD.id, OLD.author, OLD.desk);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER annotations_tombstone AFTER DELETE OR UPDATE OF desk ON annotations FOR EACH ROW EXECUTE FUNCTION nr_annotation_tombstone();

CREATE TRIGGER articles_notify AFTER INSERT OR UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION nr_notify_change();
CREATE TRIGGER article_shares_notify AFTER INSERT OR UPDATE ON article_shares FOR EACH ROW EXECUTE FUNCTION nr_notify_change();
CREATE TRIGGER annotations_notify AFTER INSERT OR UPDATE ON annotations FOR EACH ROW EXECUTE FUNCTION nr_notify_change();
CREATE TRIGGER tombstones_notify AFTER INSERT ON tombstones FOR EACH ROW EXECUTE FUNCTION nr_notify_change();

-- Row-level security: the database, not the app, decides who reads what.
ALTER TABLE desks ENABLE ROW LEVEL SECURITY;
ALTER TABLE desk_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_owners ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE collection_shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE annotation_note_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE tombstones ENABLE ROW LEVEL SECURITY;

CREATE POLICY desks_mine ON desks FOR SELECT TO ${REPORTER_ROLE} USING (name IN (SELECT nr_my_desks()));
CREATE POLICY desk_members_mine ON desk_members FOR SELECT TO ${REPORTER_ROLE} USING (desk IN (SELECT nr_my_desks()));

CREATE POLICY articles_read ON articles FOR SELECT TO ${REPORTER_ROLE} USING (
  EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = articles.id AND o.owner = current_user)
  OR EXISTS (SELECT 1 FROM article_shares s WHERE s.article_id = articles.id AND s.desk IN (SELECT nr_my_desks()))
);
CREATE POLICY articles_insert ON articles FOR INSERT TO ${REPORTER_ROLE} WITH CHECK (added_by = current_user);
CREATE POLICY article_owners_mine ON article_owners FOR ALL TO ${REPORTER_ROLE} USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY article_shares_read ON article_shares FOR SELECT TO ${REPORTER_ROLE} USING (desk IN (SELECT nr_my_desks()) OR shared_by = current_user);
CREATE POLICY article_shares_write ON article_shares FOR INSERT TO ${REPORTER_ROLE} WITH CHECK (
  shared_by = current_user AND desk IN (SELECT nr_my_desks())
  AND EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = article_shares.article_id AND o.owner = current_user)
);
CREATE POLICY collection_shares_read ON collection_shares FOR SELECT TO ${REPORTER_ROLE} USING (owner = current_user OR desk IN (SELECT nr_my_desks()));
CREATE POLICY collection_shares_write ON collection_shares FOR ALL TO ${REPORTER_ROLE}
  USING (owner = current_user) WITH CHECK (owner = current_user AND desk IN (SELECT nr_my_desks()));

CREATE POLICY annotations_read ON annotations FOR SELECT TO ${REPORTER_ROLE} USING (author = current_user OR desk IN (SELECT nr_my_desks()));
CREATE POLICY annotations_insert ON annotations FOR INSERT TO ${REPORTER_ROLE} WITH CHECK (author = current_user AND (desk IS NULL OR desk IN (SELECT nr_my_desks())));
CREATE POLICY annotations_update ON annotations FOR UPDATE TO ${REPORTER_ROLE} USING (author = current_user)
  WITH CHECK (author = current_user AND (desk IS NULL OR desk IN (SELECT nr_my_desks())));
CREATE POLICY annotations_delete ON annotations FOR DELETE TO ${REPORTER_ROLE} USING (author = current_user);
CREATE POLICY annotation_note_history_read ON annotation_note_history FOR SELECT TO ${REPORTER_ROLE} USING (
  EXISTS (SELECT 1 FROM annotations a WHERE a.id = annotation_note_history.annotation_id)
);
CREATE POLICY annotation_note_history_write ON annotation_note_history FOR INSERT TO ${REPORTER_ROLE} WITH CHECK (
  EXISTS (SELECT 1 FROM annotations a WHERE a.id = annotation_note_history.annotation_id AND a.author = current_user)
);
CREATE POLICY tombstones_read ON tombstones FOR SELECT TO ${REPORTER_ROLE} USING (author = current_user OR desk IN (SELECT nr_my_desks()));
CREATE POLICY tombstones_write ON tombstones FOR INSERT TO ${REPORTER_ROLE} WITH CHECK (author = current_user);

GRANT USAGE ON SCHEMA public TO ${REPORTER_ROLE};
GRANT USAGE ON SEQUENCE change_seq TO ${REPORTER_ROLE};
GRANT USAGE ON SEQUENCE annotation_note_history_id_seq TO ${REPORTER_ROLE};
GRANT SELECT ON archive_meta, desks, desk_members TO ${REPORTER_ROLE};
GRANT SELECT, INSERT ON articles, article_owners, article_shares, annotation_note_history, tombstones TO ${REPORTER_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON collection_shares, annotations TO ${REPORTER_ROLE};
GRANT DELETE ON article_shares TO ${REPORTER_ROLE};
`;

// What sync calls (archive/archive-push.ts). Pushing an article is the one SECURITY DEFINER step: the
// same article (canonical URL or content hash, the library's import rules) may already be in the
// archive, pushed by a reporter whose row this one cannot see; the function finds it, makes the
// caller an owner (session_user: the logged-in reporter, not the function's owner) and returns its
// id, and shows nothing of its shares or other owners. Everything else runs as the reporter, under
// row-level security.
export const ARCHIVE_SYNC_FUNCTIONS_SQL = `
CREATE FUNCTION nr_push_article(p_id uuid, p_url_key text, p_content_hash text, p_title text, p_author text, p_source text,
    p_url text, p_language text, p_published_at text, p_body text, p_blocks jsonb)
  RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE found_id uuid;
BEGIN
  IF NOT pg_has_role(session_user, '${REPORTER_ROLE}', 'MEMBER') THEN
    RAISE EXCEPTION 'role % is not a reporter', session_user USING ERRCODE = '42501';
  END IF;
  -- Taken before looking, so two reporters pushing the same article at once find one row.
  PERFORM pg_advisory_xact_lock(${ARCHIVE_WRITE_LOCK});
  SELECT id INTO found_id FROM articles WHERE id = p_id;
  IF found_id IS NULL AND p_url_key IS NOT NULL THEN SELECT id INTO found_id FROM articles WHERE url_key = p_url_key; END IF;
  IF found_id IS NULL THEN SELECT id INTO found_id FROM articles WHERE content_hash = p_content_hash; END IF;
  IF found_id IS NULL THEN
    INSERT INTO articles (id, url_key, content_hash, title, author, source, url, language, published_at, body, blocks, added_by)
    VALUES (coalesce(p_id, gen_random_uuid()), p_url_key, p_content_hash, p_title, p_author, p_source, p_url, p_language, p_published_at, p_body, p_blocks, session_user)
    RETURNING id INTO found_id;
  END IF;
  INSERT INTO article_owners (article_id, owner) VALUES (found_id, session_user) ON CONFLICT DO NOTHING;
  RETURN found_id;
END $$;
REVOKE ALL ON FUNCTION nr_push_article(uuid, text, text, text, text, text, text, text, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nr_push_article(uuid, text, text, text, text, text, text, text, text, text, jsonb) TO ${REPORTER_ROLE};

-- A reporter who annotates an article they see through a desk (pulled, not pushed by them) becomes
-- one of its owners, so they may share it on with their annotation. Only an article shared to one of
-- their desks: knowing an id gives nothing else.
CREATE FUNCTION nr_adopt_article(p_article uuid) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT pg_has_role(session_user, '${REPORTER_ROLE}', 'MEMBER') THEN
    RAISE EXCEPTION 'role % is not a reporter', session_user USING ERRCODE = '42501';
  END IF;
  IF EXISTS (SELECT 1 FROM article_owners WHERE article_id = p_article AND owner = session_user) THEN RETURN true; END IF;
  IF NOT EXISTS (SELECT 1 FROM article_shares s JOIN desk_members m ON m.desk = s.desk WHERE s.article_id = p_article AND m.member = session_user) THEN
    RETURN false;
  END IF;
  INSERT INTO article_owners (article_id, owner) VALUES (p_article, session_user) ON CONFLICT DO NOTHING;
  RETURN true;
END $$;
REVOKE ALL ON FUNCTION nr_adopt_article(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nr_adopt_article(uuid) TO ${REPORTER_ROLE};

-- An annotation as one machine last saw it: last writer wins per field (colour, note, desk, each by
-- its own time); the note text that loses, whichever it is, goes to the history. Runs as the
-- reporter: row-level security lets them write only their own annotations, to their own desks.
-- Pushing the same state twice changes nothing (no new change_seq, no second history row).
CREATE FUNCTION nr_upsert_annotation(p_id text, p_article uuid, p_desk text, p_quote jsonb, p_position jsonb, p_color text,
    p_note text, p_created timestamptz, p_color_updated timestamptz, p_note_updated timestamptz, p_desk_updated timestamptz)
  RETURNS void LANGUAGE plpgsql SECURITY INVOKER SET search_path = public AS $$
DECLARE
  cur annotations;
  next_color text; next_color_updated timestamptz;
  next_note text; next_note_updated timestamptz;
  next_desk text; next_desk_updated timestamptz;
  next_quote jsonb; next_position jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(${ARCHIVE_WRITE_LOCK});
  SELECT * INTO cur FROM annotations WHERE id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO annotations (id, article_id, desk, quote, position, color, note, created_at, color_updated, note_updated, desk_updated)
    VALUES (p_id, p_article, p_desk, p_quote, p_position, p_color, p_note, p_created, p_color_updated, p_note_updated, p_desk_updated);
    RETURN;
  END IF;
  next_color := cur.color; next_color_updated := cur.color_updated;
  IF p_color_updated > cur.color_updated THEN next_color := p_color; next_color_updated := p_color_updated; END IF;
  next_desk := cur.desk; next_desk_updated := cur.desk_updated;
  IF p_desk_updated > cur.desk_updated THEN next_desk := p_desk; next_desk_updated := p_desk_updated; END IF;
  next_note := cur.note; next_note_updated := cur.note_updated;
  IF p_note_updated > cur.note_updated THEN
    next_note := p_note; next_note_updated := p_note_updated;
    IF cur.note <> p_note AND cur.note <> '' THEN
      INSERT INTO annotation_note_history (annotation_id, note, written_at) VALUES (p_id, cur.note, cur.note_updated)
      ON CONFLICT (annotation_id, written_at, md5(note)) DO NOTHING;
    END IF;
  ELSIF p_note <> cur.note AND p_note <> '' THEN
    INSERT INTO annotation_note_history (annotation_id, note, written_at) VALUES (p_id, p_note, p_note_updated)
    ON CONFLICT (annotation_id, written_at, md5(note)) DO NOTHING;
  END IF;
  -- The anchor follows whichever side wrote last.
  next_quote := cur.quote; next_position := cur.position;
  IF greatest(p_color_updated, p_note_updated, p_desk_updated) > greatest(cur.color_updated, cur.note_updated, cur.desk_updated) THEN
    next_quote := p_quote; next_position := p_position;
  END IF;
  IF (next_color, next_note, next_desk, next_quote, next_position, next_color_updated, next_note_updated, next_desk_updated)
     IS DISTINCT FROM (cur.color, cur.note, cur.desk, cur.quote, cur.position, cur.color_updated, cur.note_updated, cur.desk_updated) THEN
    UPDATE annotations SET color = next_color, color_updated = next_color_updated, note = next_note, note_updated = next_note_updated,
      desk = next_desk, desk_updated = next_desk_updated, quote = next_quote, position = next_position
    WHERE id = p_id;
  END IF;
END $$;
REVOKE ALL ON FUNCTION nr_upsert_annotation(text, uuid, text, jsonb, jsonb, text, text, timestamptz, timestamptz, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nr_upsert_annotation(text, uuid, text, jsonb, jsonb, text, text, timestamptz, timestamptz, timestamptz, timestamptz) TO ${REPORTER_ROLE};
`;

/** Schema steps in order; the search step (archive-search-schema.ts) is joined in by archive-migrations.ts. */
export const ARCHIVE_CORE_STEPS: readonly string[] = [ARCHIVE_CORE_SCHEMA_SQL + ARCHIVE_SYNC_FUNCTIONS_SQL];

// Archive schema step 5 (sync, issue 18): what push needed and the first two steps did not allow.
// - A reporter's re-imported text (same article, edited page) replaces the archive's copy, through one
//   SECURITY DEFINER function like nr_push_article: only an owner of the article, or a member of a desk
//   it is shared to, may; the new text must not be another archive article's (content hash, as local
//   import dedups). The update moves change_seq, so the other reporters pull the new text.
// - Unsharing a collection from a desk takes back the article shares its owner made for it: reporters
//   may delete their own share rows (shared_by), nothing else; row-level security enforces it.
// - Note history gets the change_seq index the other synced tables have: a pull's page bound reads
//   each table's next changes by that index.
import { ARCHIVE_WRITE_LOCK, REPORTER_ROLE } from './archive-schema.ts';

export const ARCHIVE_SYNC_STEP_SQL = `
CREATE INDEX annotation_note_history_change_seq ON annotation_note_history (change_seq);
CREATE POLICY article_shares_take_back ON article_shares FOR DELETE TO ${REPORTER_ROLE} USING (shared_by = current_user);

CREATE FUNCTION nr_update_article_text(p_id uuid, p_content_hash text, p_title text, p_author text, p_source text,
    p_language text, p_published_at text, p_body text, p_blocks jsonb)
  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT pg_has_role(session_user, '${REPORTER_ROLE}', 'MEMBER') THEN
    RAISE EXCEPTION 'role % is not a reporter', session_user USING ERRCODE = '42501';
  END IF;
  PERFORM pg_advisory_xact_lock(${ARCHIVE_WRITE_LOCK});
  IF NOT EXISTS (SELECT 1 FROM article_owners WHERE article_id = p_id AND owner = session_user)
     AND NOT EXISTS (SELECT 1 FROM article_shares s JOIN desk_members m ON m.desk = s.desk WHERE s.article_id = p_id AND m.member = session_user) THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT 1 FROM articles WHERE content_hash = p_content_hash AND id <> p_id) THEN RETURN false; END IF;
  UPDATE articles SET content_hash = p_content_hash, title = p_title, author = p_author, source = p_source, language = p_language,
      published_at = p_published_at, body = p_body, blocks = p_blocks
    WHERE id = p_id AND content_hash IS DISTINCT FROM p_content_hash;
  IF NOT FOUND THEN RETURN false; END IF;
  INSERT INTO article_owners (article_id, owner) VALUES (p_id, session_user) ON CONFLICT DO NOTHING;
  RETURN true;
END $$;
REVOKE ALL ON FUNCTION nr_update_article_text(uuid, text, text, text, text, text, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nr_update_article_text(uuid, text, text, text, text, text, text, text, jsonb) TO ${REPORTER_ROLE};
`;

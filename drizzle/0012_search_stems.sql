-- Indonesian root words beside the exact words in every full-text index (docs/decisions/019). FTS5 takes no
-- tokenizer written in JavaScript, so the roots are computed by the app's stem_id() SQL function, which
-- db/client.server.ts registers on every connection, and stored in *_stem columns.
--
-- competency_search: as in 0004 plus the stem columns; competency_search_published: the same for each entry's
-- latest published revision, which the API and the SKJ editor's picker offer. Both are written by
-- refreshCompetencySearch (db/queries/dictionary-search.server.ts), which repeats the SELECTs below.
DROP TABLE competency_search;
--> statement-breakpoint
CREATE VIRTUAL TABLE competency_search USING fts5(
  code, name, definition, levels, indicators, keywords,
  name_stem, definition_stem, levels_stem, indicators_stem, keywords_stem,
  competency_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE competency_search_published USING fts5(
  code, name, definition, levels, indicators, keywords,
  name_stem, definition_stem, levels_stem, indicators_stem, keywords_stem,
  competency_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TEMP VIEW competency_search_source AS
SELECT c.id AS id, c.code AS code, coalesce(r.name, c.name) AS name, r.definition_text AS definition,
  coalesce((SELECT group_concat(l.description, char(10) ORDER BY l.level) FROM competency_levels l WHERE l.revision_id = r.id), '') AS levels,
  coalesce((SELECT group_concat(i.text, char(10) ORDER BY l.level, i.ordinal)
            FROM competency_levels l JOIN competency_indicators i ON i.level_id = l.id WHERE l.revision_id = r.id), '') AS indicators,
  coalesce((SELECT group_concat(k.value, ', ' ORDER BY k.key) FROM json_each(coalesce(r.keywords, c.keywords)) k), '') AS keywords,
  r.number AS number, r.status AS status, r.competency_id AS competency_id
FROM competencies c JOIN competency_revisions r ON r.competency_id = c.id;
--> statement-breakpoint
INSERT INTO competency_search(rowid, code, name, definition, levels, indicators, keywords,
  name_stem, definition_stem, levels_stem, indicators_stem, keywords_stem, competency_id)
SELECT id, code, name, definition, levels, indicators, keywords,
  stem_id(name), stem_id(definition), stem_id(levels), stem_id(indicators), stem_id(keywords), id
FROM competency_search_source s
WHERE s.number = (SELECT max(r2.number) FROM competency_revisions r2 WHERE r2.competency_id = s.id);
--> statement-breakpoint
INSERT INTO competency_search_published(rowid, code, name, definition, levels, indicators, keywords,
  name_stem, definition_stem, levels_stem, indicators_stem, keywords_stem, competency_id)
SELECT id, code, name, definition, levels, indicators, keywords,
  stem_id(name), stem_id(definition), stem_id(levels), stem_id(indicators), stem_id(keywords), id
FROM competency_search_source s
WHERE s.number = (SELECT max(r2.number) FROM competency_revisions r2 WHERE r2.competency_id = s.id AND r2.status = 'diterbitkan');
--> statement-breakpoint
DROP VIEW competency_search_source;
--> statement-breakpoint
-- Positions: the stems are derived from the row, so the external-content index reads them through a view and
-- the triggers compute them; a write through a connection without stem_id() fails instead of skipping them.
DROP TRIGGER positions_fts_after_insert;
--> statement-breakpoint
DROP TRIGGER positions_fts_after_delete;
--> statement-breakpoint
DROP TRIGGER positions_fts_after_update;
--> statement-breakpoint
DROP TABLE positions_fts;
--> statement-breakpoint
CREATE VIEW positions_search_source AS
SELECT id, name, summary_text, stem_id(name) AS name_stem, stem_id(summary_text) AS summary_stem FROM positions;
--> statement-breakpoint
CREATE VIRTUAL TABLE positions_fts USING fts5(
  name, summary_text, name_stem, summary_stem,
  content = 'positions_search_source', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER positions_fts_after_insert AFTER INSERT ON positions BEGIN
  INSERT INTO positions_fts(rowid, name, summary_text, name_stem, summary_stem)
  VALUES (new.id, new.name, new.summary_text, stem_id(new.name), stem_id(new.summary_text));
END;
--> statement-breakpoint
CREATE TRIGGER positions_fts_after_delete AFTER DELETE ON positions BEGIN
  INSERT INTO positions_fts(positions_fts, rowid, name, summary_text, name_stem, summary_stem)
  VALUES ('delete', old.id, old.name, old.summary_text, stem_id(old.name), stem_id(old.summary_text));
END;
--> statement-breakpoint
CREATE TRIGGER positions_fts_after_update AFTER UPDATE OF name, summary_text ON positions BEGIN
  INSERT INTO positions_fts(positions_fts, rowid, name, summary_text, name_stem, summary_stem)
  VALUES ('delete', old.id, old.name, old.summary_text, stem_id(old.name), stem_id(old.summary_text));
  INSERT INTO positions_fts(rowid, name, summary_text, name_stem, summary_stem)
  VALUES (new.id, new.name, new.summary_text, stem_id(new.name), stem_id(new.summary_text));
END;
--> statement-breakpoint
INSERT INTO positions_fts(positions_fts) VALUES ('rebuild');

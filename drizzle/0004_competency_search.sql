-- Full-text search over the dictionary. One row per entry, rowid = competency id, holding the texts of its
-- latest revision (any status), because editors search what they are working on, not only what is published.
-- A regular (not contentless) table: snippet() and highlight() need the stored text. Levels, indicators and
-- keywords live in other tables, so there are no triggers: write paths call refreshCompetencySearch
-- (db/queries/dictionary-search.server.ts), which repeats the SELECT below for one entry.
CREATE VIRTUAL TABLE competency_search USING fts5(
  code, name, definition, levels, indicators, keywords, competency_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO competency_search(rowid, code, name, definition, levels, indicators, keywords, competency_id)
SELECT
  c.id,
  c.code,
  coalesce(r.name, c.name),
  r.definition_text,
  coalesce((SELECT group_concat(l.description, char(10) ORDER BY l.level) FROM competency_levels l WHERE l.revision_id = r.id), ''),
  coalesce((SELECT group_concat(i.text, char(10) ORDER BY l.level, i.ordinal)
            FROM competency_levels l JOIN competency_indicators i ON i.level_id = l.id WHERE l.revision_id = r.id), ''),
  coalesce((SELECT group_concat(k.value, ', ' ORDER BY k.key) FROM json_each(coalesce(r.keywords, c.keywords)) k), ''),
  c.id
FROM competencies c
JOIN competency_revisions r ON r.competency_id = c.id
  AND r.number = (SELECT max(r2.number) FROM competency_revisions r2 WHERE r2.competency_id = c.id);

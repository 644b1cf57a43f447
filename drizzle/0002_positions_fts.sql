-- Full-text search over position names and summaries (external content: the rows stay in positions).
CREATE VIRTUAL TABLE positions_fts USING fts5(name, summary_text, content='positions', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER positions_fts_after_insert AFTER INSERT ON positions BEGIN
  INSERT INTO positions_fts(rowid, name, summary_text) VALUES (new.id, new.name, new.summary_text);
END;
--> statement-breakpoint
CREATE TRIGGER positions_fts_after_delete AFTER DELETE ON positions BEGIN
  INSERT INTO positions_fts(positions_fts, rowid, name, summary_text) VALUES ('delete', old.id, old.name, old.summary_text);
END;
--> statement-breakpoint
CREATE TRIGGER positions_fts_after_update AFTER UPDATE OF name, summary_text ON positions BEGIN
  INSERT INTO positions_fts(positions_fts, rowid, name, summary_text) VALUES ('delete', old.id, old.name, old.summary_text);
  INSERT INTO positions_fts(rowid, name, summary_text) VALUES (new.id, new.name, new.summary_text);
END;
--> statement-breakpoint
INSERT INTO positions_fts(positions_fts) VALUES ('rebuild');

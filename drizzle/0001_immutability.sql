-- Published data never changes: the application never tries, and SQLite refuses if anything does.
CREATE TRIGGER skj_versions_no_update BEFORE UPDATE ON skj_versions
BEGIN SELECT RAISE(ABORT, 'skj_versions is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER skj_versions_no_delete BEFORE DELETE ON skj_versions
BEGIN SELECT RAISE(ABORT, 'skj_versions is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER skj_version_ends_no_update BEFORE UPDATE ON skj_version_ends
BEGIN SELECT RAISE(ABORT, 'skj_version_ends is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER skj_version_ends_no_delete BEFORE DELETE ON skj_version_ends
BEGIN SELECT RAISE(ABORT, 'skj_version_ends is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER competency_revisions_published_no_update BEFORE UPDATE ON competency_revisions
WHEN OLD.status = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER competency_revisions_published_no_delete BEFORE DELETE ON competency_revisions
WHEN OLD.status = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER competency_levels_published_no_insert BEFORE INSERT ON competency_levels
WHEN (SELECT status FROM competency_revisions WHERE id = NEW.revision_id) = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER competency_levels_published_no_update BEFORE UPDATE ON competency_levels
WHEN (SELECT status FROM competency_revisions WHERE id = OLD.revision_id) = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER competency_levels_published_no_delete BEFORE DELETE ON competency_levels
WHEN (SELECT status FROM competency_revisions WHERE id = OLD.revision_id) = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER competency_indicators_published_no_insert BEFORE INSERT ON competency_indicators
WHEN (SELECT r.status FROM competency_levels l JOIN competency_revisions r ON r.id = l.revision_id WHERE l.id = NEW.level_id) = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER competency_indicators_published_no_update BEFORE UPDATE ON competency_indicators
WHEN (SELECT r.status FROM competency_levels l JOIN competency_revisions r ON r.id = l.revision_id WHERE l.id = OLD.level_id) = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER competency_indicators_published_no_delete BEFORE DELETE ON competency_indicators
WHEN (SELECT r.status FROM competency_levels l JOIN competency_revisions r ON r.id = l.revision_id WHERE l.id = OLD.level_id) = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER penetapan_published_no_update BEFORE UPDATE ON penetapan
WHEN OLD.status = 'ditetapkan'
BEGIN SELECT RAISE(ABORT, 'a published penetapan is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER penetapan_published_no_delete BEFORE DELETE ON penetapan
WHEN OLD.status = 'ditetapkan'
BEGIN SELECT RAISE(ABORT, 'a published penetapan is immutable'); END;

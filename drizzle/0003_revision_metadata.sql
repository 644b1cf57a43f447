ALTER TABLE `competency_revisions` ADD `name` text;--> statement-breakpoint
ALTER TABLE `competency_revisions` ADD `category` text;--> statement-breakpoint
ALTER TABLE `competency_revisions` ADD `source_kind` text;--> statement-breakpoint
ALTER TABLE `competency_revisions` ADD `source_reference` text;--> statement-breakpoint
ALTER TABLE `competency_revisions` ADD `keywords` text;--> statement-breakpoint
-- Backfill from the entry. Published revisions are frozen by trigger, so lift it for this one statement.
DROP TRIGGER competency_revisions_published_no_update;
--> statement-breakpoint
UPDATE competency_revisions SET
  name = (SELECT c.name FROM competencies c WHERE c.id = competency_id),
  category = (SELECT c.category FROM competencies c WHERE c.id = competency_id),
  source_kind = (SELECT c.source_kind FROM competencies c WHERE c.id = competency_id),
  source_reference = (SELECT c.source_reference FROM competencies c WHERE c.id = competency_id),
  keywords = (SELECT c.keywords FROM competencies c WHERE c.id = competency_id)
WHERE name IS NULL;
--> statement-breakpoint
CREATE TRIGGER competency_revisions_published_no_update BEFORE UPDATE ON competency_revisions
WHEN OLD.status = 'diterbitkan'
BEGIN SELECT RAISE(ABORT, 'a published competency revision is immutable'); END;

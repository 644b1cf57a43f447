-- What a published penetapan gathered, and which dictionary revision each published version used, are part
-- of the published record: SQLite refuses to change them, as it does for the versions themselves.
CREATE TRIGGER penetapan_items_published_no_insert BEFORE INSERT ON penetapan_items
WHEN (SELECT status FROM penetapan WHERE id = NEW.penetapan_id) = 'ditetapkan'
BEGIN SELECT RAISE(ABORT, 'a published penetapan is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER penetapan_items_published_no_update BEFORE UPDATE ON penetapan_items
WHEN (SELECT status FROM penetapan WHERE id = OLD.penetapan_id) = 'ditetapkan'
  OR (SELECT status FROM penetapan WHERE id = NEW.penetapan_id) = 'ditetapkan'
BEGIN SELECT RAISE(ABORT, 'a published penetapan is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER penetapan_items_published_no_delete BEFORE DELETE ON penetapan_items
WHEN (SELECT status FROM penetapan WHERE id = OLD.penetapan_id) = 'ditetapkan'
BEGIN SELECT RAISE(ABORT, 'a published penetapan is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER skj_competency_uses_version_no_update BEFORE UPDATE ON skj_competency_uses
WHEN OLD.version_id IS NOT NULL OR NEW.version_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the dictionary revisions of a published SKJ version are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER skj_competency_uses_version_no_delete BEFORE DELETE ON skj_competency_uses
WHEN OLD.version_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the dictionary revisions of a published SKJ version are immutable'); END;

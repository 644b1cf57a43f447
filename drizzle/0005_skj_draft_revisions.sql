CREATE TABLE `skj_draft_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`document` text NOT NULL,
	`saved_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `skj_drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skj_draft_revisions_uq` ON `skj_draft_revisions` (`draft_id`,`revision`);--> statement-breakpoint
CREATE TRIGGER skj_draft_revisions_no_update BEFORE UPDATE ON skj_draft_revisions
BEGIN SELECT RAISE(ABORT, 'skj_draft_revisions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER skj_draft_revisions_no_delete BEFORE DELETE ON skj_draft_revisions
BEGIN SELECT RAISE(ABORT, 'skj_draft_revisions is append-only'); END;

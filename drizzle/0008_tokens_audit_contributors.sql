CREATE TABLE `competency_revision_contributors` (
	`revision_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`revision_id`, `user_id`),
	FOREIGN KEY (`revision_id`) REFERENCES `competency_revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `created_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `token_id` integer REFERENCES api_tokens(id);--> statement-breakpoint
-- Until now only the creator and the last editor of a revision were known: both count as contributors.
INSERT OR IGNORE INTO `competency_revision_contributors` (`revision_id`, `user_id`)
SELECT `id`, `created_by` FROM `competency_revisions` WHERE `created_by` IS NOT NULL
UNION SELECT `id`, `last_edited_by` FROM `competency_revisions` WHERE `last_edited_by` IS NOT NULL;

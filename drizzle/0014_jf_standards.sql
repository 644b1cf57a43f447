CREATE TABLE `jf_standards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`jf` text NOT NULL,
	`jenjang` text NOT NULL,
	`match_key` text NOT NULL,
	`instansi_pembina` text NOT NULL,
	`legal_basis` text NOT NULL,
	`levels` text NOT NULL,
	`technical` text NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`example` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jf_standards_match_key_unique` ON `jf_standards` (`match_key`);
CREATE INDEX `positions_affair_idx` ON `positions` (`government_affair`);--> statement-breakpoint
CREATE INDEX `skj_competency_uses_version_idx` ON `skj_competency_uses` (`version_id`);
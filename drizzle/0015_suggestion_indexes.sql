CREATE INDEX `positions_affair_idx` ON `positions` (`government_affair`);--> statement-breakpoint
CREATE INDEX `skj_competency_uses_version_idx` ON `skj_competency_uses` (`version_id`,`competency_revision_id`);--> statement-breakpoint
-- how many published entries hold each word: the ikhtisar match of suggested competencies leaves out words
-- common to much of the dictionary (docs/decisions/027-suggested-competencies.md)
CREATE VIRTUAL TABLE `competency_search_published_vocab` USING fts5vocab(`competency_search_published`, 'row');

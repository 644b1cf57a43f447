ALTER TABLE `org_units` ADD `kind_label` text;

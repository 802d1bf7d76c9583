ALTER TABLE `database_pool` ADD `prepared_template` text;--> statement-breakpoint
ALTER TABLE `database_pool` ADD `prepared_schema` text;--> statement-breakpoint
ALTER TABLE `database_pool` ADD `preparing_since` text;
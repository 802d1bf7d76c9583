CREATE TABLE `backup_restores` (
	`id` text PRIMARY KEY NOT NULL,
	`backup_id` text NOT NULL,
	`community_id` text NOT NULL,
	`target` text NOT NULL,
	`new_community_id` text,
	`database_binding` text,
	`retired_binding` text,
	`status` text DEFAULT 'running' NOT NULL,
	`report` text,
	`error` text,
	`actor_user_id` text NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `backup_restores_community_idx` ON `backup_restores` (`community_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `backup_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`trigger` text NOT NULL,
	`day` text NOT NULL,
	`total` integer NOT NULL,
	`started_by` text,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE TABLE `community_backups` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`community_id` text NOT NULL,
	`database_binding` text NOT NULL,
	`day` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`cursor_table` integer DEFAULT 0 NOT NULL,
	`cursor_offset` integer DEFAULT 0 NOT NULL,
	`cursor_after` integer,
	`tables_done` integer DEFAULT 0 NOT NULL,
	`tables_total` integer DEFAULT 0 NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`size` integer,
	`sha256` text,
	`r2_key` text,
	`error` text,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	`pruned_at` text
);
--> statement-breakpoint
CREATE INDEX `community_backups_run_idx` ON `community_backups` (`run_id`);--> statement-breakpoint
CREATE INDEX `community_backups_community_idx` ON `community_backups` (`community_id`,`day`);--> statement-breakpoint
ALTER TABLE `database_pool` ADD `held_for` text;--> statement-breakpoint
ALTER TABLE `database_pool` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `database_pool` ADD `retired_from` text;
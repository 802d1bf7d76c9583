CREATE TABLE `archive_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`requested_by` integer NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`cursor` text,
	`tables_done` integer DEFAULT 0 NOT NULL,
	`tables_total` integer NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`object_key` text,
	`size` integer,
	`sha256` text,
	`token_hash` text NOT NULL,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`requested_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `retention_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ran_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`day` text NOT NULL,
	`child_details` integer DEFAULT 0 NOT NULL,
	`child_names` integer DEFAULT 0 NOT NULL,
	`care_recipients` integer DEFAULT 0 NOT NULL,
	`care_visits` integer DEFAULT 0 NOT NULL,
	`library_loans` integer DEFAULT 0 NOT NULL,
	`assisted_phones` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `retention_runs_ran_at` ON `retention_runs` (`ran_at`);--> statement-breakpoint
CREATE TABLE `retention_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`care_months` integer DEFAULT 12 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "retention_settings_single_row" CHECK("retention_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE `care_recipients` ADD `erased_at` text;
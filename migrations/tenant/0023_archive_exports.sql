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

CREATE TABLE `program_text_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text_id` integer NOT NULL,
	`number` integer NOT NULL,
	`body` text NOT NULL,
	`summary` text NOT NULL,
	`kind` text NOT NULL,
	`author_user_id` text,
	`author_name` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`text_id`) REFERENCES `program_texts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `program_text_revisions_number` ON `program_text_revisions` (`text_id`,`number`);--> statement-breakpoint
CREATE INDEX `program_text_revisions_text` ON `program_text_revisions` (`text_id`);--> statement-breakpoint
CREATE TABLE `program_texts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_key` text NOT NULL,
	`section` text NOT NULL,
	`locale` text NOT NULL,
	`body` text NOT NULL,
	`revision` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`program_key`) REFERENCES `programs`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `program_texts_section` ON `program_texts` (`program_key`,`section`,`locale`);--> statement-breakpoint
ALTER TABLE `activities` ADD `program_key` text REFERENCES programs(key);--> statement-breakpoint
CREATE INDEX `activities_program` ON `activities` (`program_key`,`starts_at`);
CREATE TABLE `handbook_chapters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handbook` text NOT NULL,
	`key` text NOT NULL,
	`locale` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`draft_title` text,
	`draft_body` text,
	`base_version` integer NOT NULL,
	`base_title` text NOT NULL,
	`base_body` text NOT NULL,
	`edited` integer DEFAULT false NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handbook_chapters_key` ON `handbook_chapters` (`handbook`,`key`,`locale`);--> statement-breakpoint
CREATE TABLE `handbook_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chapter_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`summary` text NOT NULL,
	`kind` text NOT NULL,
	`published` integer NOT NULL,
	`template_version` integer,
	`author_user_id` text,
	`author_name` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`chapter_id`) REFERENCES `handbook_chapters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handbook_revisions_number` ON `handbook_revisions` (`chapter_id`,`number`);--> statement-breakpoint
CREATE INDEX `handbook_revisions_chapter` ON `handbook_revisions` (`chapter_id`);--> statement-breakpoint
ALTER TABLE `community_profile` ADD `founded_on` text;--> statement-breakpoint
ALTER TABLE `community_profile` ADD `surplus_rate_percent` integer;
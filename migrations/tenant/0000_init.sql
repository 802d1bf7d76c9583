CREATE TABLE `bodies` (
	`key` text PRIMARY KEY NOT NULL,
	`level` integer NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`description_zh` text NOT NULL,
	`description_en` text NOT NULL,
	`decision_rule` text,
	`cadence` text
);
--> statement-breakpoint
CREATE TABLE `body_parties` (
	`body_key` text NOT NULL,
	`party_key` text NOT NULL,
	PRIMARY KEY(`body_key`, `party_key`),
	FOREIGN KEY (`body_key`) REFERENCES `bodies`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_key`) REFERENCES `parties`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `buildings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`contacts_required` integer DEFAULT 2 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `buildings_name_unique` ON `buildings` (`name`);--> statement-breakpoint
CREATE TABLE `canvas_entries` (
	`key` text PRIMARY KEY NOT NULL,
	`section` text NOT NULL,
	`position` integer NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE TABLE `community_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`slug` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text,
	`city` text NOT NULL,
	`district` text,
	`households` integer NOT NULL,
	`template_key` text NOT NULL,
	`template_version` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "community_profile_single_row" CHECK("community_profile"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `member_roles` (
	`member_id` integer NOT NULL,
	`role` text NOT NULL,
	`party_key` text DEFAULT '' NOT NULL,
	`building_id` integer,
	`granted_by` text NOT NULL,
	`granted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`member_id`, `role`, `party_key`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`display_name` text NOT NULL,
	`building_id` integer,
	`joined_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_user_id_unique` ON `members` (`user_id`);--> statement-breakpoint
CREATE TABLE `parties` (
	`key` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text NOT NULL,
	`organisation_name` text,
	`remit_zh` text NOT NULL,
	`remit_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `programs` (
	`key` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`description_zh` text NOT NULL,
	`description_en` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL
);

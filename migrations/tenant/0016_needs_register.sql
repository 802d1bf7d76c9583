CREATE TABLE `need_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`need_id` integer NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_member_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `need_events_need` ON `need_events` (`need_id`);--> statement-breakpoint
CREATE INDEX `need_events_to_state` ON `need_events` (`to_state`,`at`);--> statement-breakpoint
CREATE TABLE `need_responses` (
	`need_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`need_id`, `member_id`, `kind`),
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `need_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`review_after_days` integer DEFAULT 14 NOT NULL,
	CONSTRAINT "need_settings_single_row" CHECK("need_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `needs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`beneficiary` text NOT NULL,
	`posted_by` integer NOT NULL,
	`on_behalf_name` text,
	`on_behalf_flat` text,
	`state` text DEFAULT 'unclaimed' NOT NULL,
	`claimed_by` integer,
	`claimed_at` text,
	`outcome` text,
	`activity_id` integer,
	`club_id` integer,
	`program_key` text,
	`closing_note` text,
	`state_since` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`posted_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_key`) REFERENCES `programs`(`key`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "needs_on_behalf_is_a_neighbour" CHECK("needs"."on_behalf_name" IS NULL OR "needs"."beneficiary" = 'neighbour')
);
--> statement-breakpoint
CREATE INDEX `needs_state` ON `needs` (`state`);--> statement-breakpoint
CREATE INDEX `needs_activity` ON `needs` (`activity_id`);--> statement-breakpoint
CREATE INDEX `needs_club` ON `needs` (`club_id`);
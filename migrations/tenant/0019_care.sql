CREATE TABLE `care_pairings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`volunteer_id` integer NOT NULL,
	`paired_by` integer NOT NULL,
	`paired_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`recipient_id`) REFERENCES `care_recipients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`volunteer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paired_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `care_pairings_one_open` ON `care_pairings` (`recipient_id`,`volunteer_id`) WHERE "care_pairings"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX `care_pairings_volunteer` ON `care_pairings` (`volunteer_id`,`ended_at`);--> statement-breakpoint
CREATE TABLE `care_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`building_id` integer,
	`household` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`member_id` integer,
	`registered_by` integer NOT NULL,
	`registered_as` text NOT NULL,
	`consent_how` text NOT NULL,
	`consent_on` text NOT NULL,
	`needs` text DEFAULT '' NOT NULL,
	`needs_note` text DEFAULT '' NOT NULL,
	`preferred_times` text DEFAULT '' NOT NULL,
	`emergency_name` text NOT NULL,
	`emergency_phone` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_recipients_registered_by` ON `care_recipients` (`registered_by`);--> statement-breakpoint
CREATE INDEX `care_recipients_building` ON `care_recipients` (`building_id`);--> statement-breakpoint
CREATE TABLE `care_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`stale_days` integer DEFAULT 14 NOT NULL,
	CONSTRAINT "care_settings_single_row" CHECK("care_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `care_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`volunteer_id` integer NOT NULL,
	`visited_on` text NOT NULL,
	`minutes` integer NOT NULL,
	`done` text NOT NULL,
	`observations` text DEFAULT '' NOT NULL,
	`concern` integer DEFAULT false NOT NULL,
	`follow_up` text,
	`followed_up_by` integer,
	`followed_up_at` text,
	`confirmed_by` integer,
	`confirmed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`recipient_id`) REFERENCES `care_recipients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`volunteer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`followed_up_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "care_visits_minutes" CHECK("care_visits"."minutes" > 0)
);
--> statement-breakpoint
CREATE INDEX `care_visits_recipient` ON `care_visits` (`recipient_id`,`visited_on`);--> statement-breakpoint
CREATE INDEX `care_visits_volunteer` ON `care_visits` (`volunteer_id`);--> statement-breakpoint
CREATE TABLE `time_bank_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`minutes` integer NOT NULL,
	`visit_id` integer,
	`counterpart_id` integer,
	`transfer_key` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `care_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterpart_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "time_bank_entries_sign" CHECK(("time_bank_entries"."kind" IN ('earned', 'gift-in') AND "time_bank_entries"."minutes" > 0) OR ("time_bank_entries"."kind" IN ('gift-out', 'used') AND "time_bank_entries"."minutes" < 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `time_bank_entries_visit` ON `time_bank_entries` (`visit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `time_bank_entries_transfer` ON `time_bank_entries` (`transfer_key`,`kind`);--> statement-breakpoint
CREATE INDEX `time_bank_entries_member` ON `time_bank_entries` (`member_id`);--> statement-breakpoint
ALTER TABLE `volunteers` ADD `age_band` text;--> statement-breakpoint
CREATE TRIGGER `time_bank_entries_no_update` BEFORE UPDATE ON `time_bank_entries` BEGIN SELECT RAISE(ABORT, 'time bank is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `time_bank_entries_no_delete` BEFORE DELETE ON `time_bank_entries` BEGIN SELECT RAISE(ABORT, 'time bank is append-only'); END;

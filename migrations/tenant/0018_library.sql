CREATE TABLE `library_borrower_months` (
	`month` text PRIMARY KEY NOT NULL,
	`borrowers` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `library_cards` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`card_number` text NOT NULL,
	`issued_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_cards_card_number_unique` ON `library_cards` (`card_number`);--> statement-breakpoint
CREATE TABLE `library_copies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_id` integer NOT NULL,
	`shelf_mark` text NOT NULL,
	`condition` text DEFAULT 'good' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`title_id`) REFERENCES `library_titles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_copies_shelf_mark` ON `library_copies` (`shelf_mark`);--> statement-breakpoint
CREATE INDEX `library_copies_title` ON `library_copies` (`title_id`);--> statement-breakpoint
CREATE TABLE `library_duty_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`status` text DEFAULT 'held' NOT NULL,
	`claimed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`confirmed_by` integer,
	`confirmed_at` text,
	FOREIGN KEY (`slot_id`) REFERENCES `library_duty_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_duty_claims_once` ON `library_duty_claims` (`slot_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `library_duty_claims_slot` ON `library_duty_claims` (`slot_id`);--> statement-breakpoint
CREATE TABLE `library_duty_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`places` integer DEFAULT 2 NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_duty_slots_start` ON `library_duty_slots` (`starts_at`);--> statement-breakpoint
CREATE TABLE `library_loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`copy_id` integer NOT NULL,
	`member_id` integer,
	`lent_at` text NOT NULL,
	`lent_on` text NOT NULL,
	`due_on` text NOT NULL,
	`renewals` integer DEFAULT 0 NOT NULL,
	`lent_by` integer,
	`returned_at` text,
	`returned_on` text,
	`reminder_stage` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`copy_id`) REFERENCES `library_copies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lent_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_loans_one_open_per_copy` ON `library_loans` (`copy_id`) WHERE "library_loans"."returned_at" IS NULL;--> statement-breakpoint
CREATE INDEX `library_loans_member` ON `library_loans` (`member_id`,`returned_at`);--> statement-breakpoint
CREATE INDEX `library_loans_lent_on` ON `library_loans` (`lent_on`);--> statement-breakpoint
CREATE TABLE `library_reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_id` integer NOT NULL,
	`member_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`held_copy_id` integer,
	`held_at` text,
	`held_until` text,
	`closed_at` text,
	FOREIGN KEY (`title_id`) REFERENCES `library_titles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`held_copy_id`) REFERENCES `library_copies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_reservations_one_open` ON `library_reservations` (`title_id`,`member_id`) WHERE "library_reservations"."status" IN ('waiting', 'held');--> statement-breakpoint
CREATE UNIQUE INDEX `library_reservations_one_hold_per_copy` ON `library_reservations` (`held_copy_id`) WHERE "library_reservations"."status" = 'held';--> statement-breakpoint
CREATE INDEX `library_reservations_queue` ON `library_reservations` (`title_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `library_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`loan_days` integer DEFAULT 30 NOT NULL,
	`max_loans` integer DEFAULT 3 NOT NULL,
	`hold_days` integer DEFAULT 3 NOT NULL,
	`erase_after_months` integer DEFAULT 6 NOT NULL,
	CONSTRAINT "library_settings_single_row" CHECK("library_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `library_titles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`author` text DEFAULT '' NOT NULL,
	`isbn` text,
	`publisher` text DEFAULT '' NOT NULL,
	`year` integer,
	`category` text DEFAULT 'other' NOT NULL,
	`donor_name` text,
	`donor_thanked` integer DEFAULT false NOT NULL,
	`added_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`added_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_titles_isbn` ON `library_titles` (`isbn`);--> statement-breakpoint
CREATE INDEX `library_titles_title` ON `library_titles` (`title`);
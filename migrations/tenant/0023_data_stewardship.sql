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
CREATE TABLE `privacy_agreements` (
	`member_id` integer NOT NULL,
	`notice_version` integer NOT NULL,
	`agreed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`way` text NOT NULL,
	`items` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`member_id`, `notice_version`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notice_version`) REFERENCES `privacy_notices`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `privacy_agreements_version` ON `privacy_agreements` (`notice_version`);--> statement-breakpoint
CREATE TABLE `privacy_item_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`item` text NOT NULL,
	`notice_version` integer NOT NULL,
	`given_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `privacy_item_consents_in_force` ON `privacy_item_consents` (`member_id`,`item`) WHERE "privacy_item_consents"."withdrawn_at" IS NULL;--> statement-breakpoint
CREATE TABLE `privacy_notice_draft` (
	`id` integer PRIMARY KEY NOT NULL,
	`text_zh` text NOT NULL,
	`text_en` text NOT NULL,
	`contact` text NOT NULL,
	`summary_zh` text DEFAULT '' NOT NULL,
	`summary_en` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "privacy_notice_draft_single_row" CHECK("privacy_notice_draft"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `privacy_notices` (
	`version` integer PRIMARY KEY NOT NULL,
	`text_zh` text NOT NULL,
	`text_en` text NOT NULL,
	`contact` text NOT NULL,
	`summary_zh` text NOT NULL,
	`summary_en` text DEFAULT '' NOT NULL,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`published_by` integer,
	FOREIGN KEY (`published_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
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
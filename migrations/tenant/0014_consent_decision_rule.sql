CREATE TABLE `consent_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`window_id` integer NOT NULL,
	`objector_member_id` integer NOT NULL,
	`reason` text NOT NULL,
	`raised_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	`resolution` text,
	FOREIGN KEY (`window_id`) REFERENCES `consent_windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objector_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_objections_window` ON `consent_objections` (`window_id`);--> statement-breakpoint
CREATE TABLE `consent_windows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`opened_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`restarted_at` text,
	`asked` text NOT NULL,
	`outcome` text,
	`decided_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_windows_subject` ON `consent_windows` (`subject`,`subject_id`);--> statement-breakpoint
CREATE INDEX `consent_windows_open` ON `consent_windows` (`outcome`);--> statement-breakpoint
ALTER TABLE `community_profile` ADD `decision_rule` text DEFAULT 'single' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_profile` ADD `consent_days` integer DEFAULT 3 NOT NULL;
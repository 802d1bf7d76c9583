CREATE TABLE `architect_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`lead_member_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`lead_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `architect_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`output` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'planned' NOT NULL,
	`finished_at` text,
	`issue_id` integer,
	`activity_id` integer,
	FOREIGN KEY (`project_id`) REFERENCES `architect_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `architect_stages_project` ON `architect_stages` (`project_id`,`position`);--> statement-breakpoint
CREATE TABLE `child_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`child_id` integer NOT NULL,
	`given_by` integer NOT NULL,
	`given_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`purpose` text NOT NULL,
	`emergency_name` text,
	`emergency_phone` text,
	`needs_note` text,
	`details_until` text NOT NULL,
	`erased_at` text,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`given_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `child_consents_once` ON `child_consents` (`target_kind`,`target_id`,`child_id`);--> statement-breakpoint
CREATE INDEX `child_consents_until` ON `child_consents` (`details_until`);--> statement-breakpoint
CREATE TABLE `child_signups` (
	`signup_id` integer PRIMARY KEY NOT NULL,
	`child_id` integer NOT NULL,
	FOREIGN KEY (`signup_id`) REFERENCES `signups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `children` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guardian_member_id` integer NOT NULL,
	`name` text NOT NULL,
	`birth_month` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`guardian_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `children_guardian_name` ON `children` (`guardian_member_id`,`name`);--> statement-breakpoint
CREATE TABLE `rota_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rota_day_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`rota_day_id`) REFERENCES `rota_days`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rota_claims_once` ON `rota_claims` (`rota_day_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `rota_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`day` text NOT NULL,
	`needed` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rota_days_once` ON `rota_days` (`activity_id`,`day`);--> statement-breakpoint
CREATE TABLE `safety_checks` (
	`target_kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`checked_items` text DEFAULT '' NOT NULL,
	`adult_name` text DEFAULT '' NOT NULL,
	`adult_phone` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`headcount_start` integer,
	`headcount_end` integer,
	PRIMARY KEY(`target_kind`, `target_id`),
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);

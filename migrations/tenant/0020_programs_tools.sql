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
CREATE TABLE `course_attendance` (
	`session_id` integer NOT NULL,
	`enrolment_id` integer NOT NULL,
	`present` integer NOT NULL,
	`marked_by` integer NOT NULL,
	`marked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`session_id`, `enrolment_id`),
	FOREIGN KEY (`session_id`) REFERENCES `course_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrolment_id`) REFERENCES `course_enrolments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marked_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `course_enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`child_name` text DEFAULT '' NOT NULL,
	`child_id` integer,
	`status` text NOT NULL,
	`fee_fen` integer DEFAULT 0 NOT NULL,
	`payment_ref` text,
	`refund_ref` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`cancelled_at` text,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_enrolments_once` ON `course_enrolments` (`course_id`,`member_id`,`child_name`);--> statement-breakpoint
CREATE INDEX `course_enrolments_status` ON `course_enrolments` (`course_id`,`status`);--> statement-breakpoint
CREATE INDEX `course_enrolments_member` ON `course_enrolments` (`member_id`);--> statement-breakpoint
CREATE TABLE `course_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`booking_id` integer,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `course_sessions_course` ON `course_sessions` (`course_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `course_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "course_terms_dates" CHECK("course_terms"."starts_on" <= "course_terms"."ends_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_terms_name` ON `course_terms` (`name`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`teacher_member_id` integer,
	`teacher_name` text DEFAULT '' NOT NULL,
	`teacher_note` text DEFAULT '' NOT NULL,
	`age_min` integer,
	`age_max` integer,
	`space_id` integer,
	`place` text NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`surplus_rate_percent` integer NOT NULL,
	`fee_fen` integer DEFAULT 0 NOT NULL,
	`min_enrolment` integer NOT NULL,
	`max_enrolment` integer NOT NULL,
	`enrolment_deadline` text NOT NULL,
	`status` text DEFAULT 'enrolling' NOT NULL,
	`decision_ref` text,
	`decided_at` text,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `course_terms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`teacher_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "courses_enrolment_range" CHECK("courses"."min_enrolment" >= 1 AND "courses"."min_enrolment" <= "courses"."max_enrolment")
);
--> statement-breakpoint
CREATE INDEX `courses_term` ON `courses` (`term_id`);--> statement-breakpoint
CREATE INDEX `courses_deadline` ON `courses` (`status`,`enrolment_deadline`);--> statement-breakpoint
CREATE TABLE `partnership_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partnership_id` integer NOT NULL,
	`ref` text NOT NULL,
	`kind` text NOT NULL,
	`ours` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`title` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`residents` integer DEFAULT 0 NOT NULL,
	`activity_id` integer,
	`donation_kind` text,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_entries_ref_unique` ON `partnership_entries` (`ref`);--> statement-breakpoint
CREATE INDEX `partnership_entries_partnership` ON `partnership_entries` (`partnership_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `partnerships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`link_id` text,
	`side` text DEFAULT 'proposer' NOT NULL,
	`partner_name` text NOT NULL,
	`partner_slug` text,
	`partner_place` text DEFAULT '' NOT NULL,
	`partner_contact` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`started_on` text,
	`ended_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnerships_link_id_unique` ON `partnerships` (`link_id`);--> statement-breakpoint
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
--> statement-breakpoint
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

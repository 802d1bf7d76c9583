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
CREATE INDEX `courses_deadline` ON `courses` (`status`,`enrolment_deadline`);
CREATE INDEX `care_visits_concerns` ON `care_visits` (`concern`,`followed_up_at`);--> statement-breakpoint
CREATE INDEX `care_visits_unconfirmed` ON `care_visits` (`confirmed_at`,`visited_on`);--> statement-breakpoint
CREATE INDEX `care_visits_day` ON `care_visits` (`visited_on`);--> statement-breakpoint
CREATE INDEX `course_attendance_enrolment` ON `course_attendance` (`enrolment_id`,`present`);--> statement-breakpoint
CREATE INDEX `partnership_entries_day` ON `partnership_entries` (`occurred_on`);
CREATE TABLE `party_appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_key` text NOT NULL,
	`member_id` integer NOT NULL,
	`appointed_by` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`decided_at` text,
	`ended_by` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointed_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `party_appointments_one_open` ON `party_appointments` (`party_key`,`member_id`) WHERE "party_appointments"."status" = 'offered';--> statement-breakpoint
CREATE INDEX `party_appointments_member` ON `party_appointments` (`member_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contact_applications_one_pending` ON `contact_applications` (`member_id`) WHERE "contact_applications"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX `member_roles_one_party` ON `member_roles` (`member_id`) WHERE "member_roles"."role" = 'party-representative';
ALTER TABLE `bookings` ADD `activity_id` integer REFERENCES activities(id);--> statement-breakpoint
CREATE INDEX `bookings_activity` ON `bookings` (`activity_id`);--> statement-breakpoint
ALTER TABLE `community_profile` ADD `residents` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `household` text;
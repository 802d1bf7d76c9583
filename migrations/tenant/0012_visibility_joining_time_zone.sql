ALTER TABLE `activities` ADD `max_places_per_member` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `people` integer;--> statement-breakpoint
ALTER TABLE `community_profile` ADD `time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_profile` ADD `join_policy` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `community_profile` ADD `organiser_names_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `status` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `approved_by` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `approved_at` text;
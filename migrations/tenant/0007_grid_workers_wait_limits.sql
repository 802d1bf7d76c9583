ALTER TABLE `buildings` ADD `grid_worker` text;--> statement-breakpoint
ALTER TABLE `community_profile` ADD `issue_wait_limits` text;
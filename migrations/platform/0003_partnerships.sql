CREATE TABLE `partnership_links` (
	`id` text PRIMARY KEY NOT NULL,
	`proposer_community_id` text NOT NULL,
	`partner_community_id` text NOT NULL,
	`pair_key` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`proposer_member_id` integer NOT NULL,
	`partner_member_id` integer,
	`proposed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`started_on` text,
	`responded_at` text,
	`ended_on` text,
	`ended_by_community_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_links_open_pair` ON `partnership_links` (`pair_key`) WHERE status IN ('proposed', 'active');--> statement-breakpoint
CREATE INDEX `partnership_links_proposer` ON `partnership_links` (`proposer_community_id`);--> statement-breakpoint
CREATE INDEX `partnership_links_partner` ON `partnership_links` (`partner_community_id`);--> statement-breakpoint
CREATE TABLE `partnership_shared_items` (
	`id` text PRIMARY KEY NOT NULL,
	`link_id` text NOT NULL,
	`kind` text NOT NULL,
	`by_community_id` text NOT NULL,
	`occurred_on` text NOT NULL,
	`title` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`residents` integer DEFAULT 0 NOT NULL,
	`activity_id` integer,
	`donation_kind` text,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `partnership_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partnership_shared_items_link` ON `partnership_shared_items` (`link_id`);
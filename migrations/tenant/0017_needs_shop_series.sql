CREATE TABLE `activity_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_activity_id` integer NOT NULL,
	`club_id` integer,
	`title` text NOT NULL,
	`every` integer NOT NULL,
	`unit` text NOT NULL,
	`monthly_by` text,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`time_zone` text NOT NULL,
	`end_count` integer,
	`end_until` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`template_activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_series_template_activity_id_unique` ON `activity_series` (`template_activity_id`);--> statement-breakpoint
CREATE TABLE `need_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`need_id` integer NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_member_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `need_events_need` ON `need_events` (`need_id`);--> statement-breakpoint
CREATE INDEX `need_events_to_state` ON `need_events` (`to_state`,`at`);--> statement-breakpoint
CREATE TABLE `need_responses` (
	`need_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`need_id`, `member_id`, `kind`),
	FOREIGN KEY (`need_id`) REFERENCES `needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `need_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`review_after_days` integer DEFAULT 14 NOT NULL,
	CONSTRAINT "need_settings_single_row" CHECK("need_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `needs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`beneficiary` text NOT NULL,
	`posted_by` integer NOT NULL,
	`on_behalf_name` text,
	`on_behalf_flat` text,
	`state` text DEFAULT 'unclaimed' NOT NULL,
	`claimed_by` integer,
	`claimed_at` text,
	`outcome` text,
	`activity_id` integer,
	`club_id` integer,
	`program_key` text,
	`closing_note` text,
	`state_since` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`posted_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_key`) REFERENCES `programs`(`key`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "needs_on_behalf_is_a_neighbour" CHECK("needs"."on_behalf_name" IS NULL OR "needs"."beneficiary" = 'neighbour')
);
--> statement-breakpoint
CREATE INDEX `needs_state` ON `needs` (`state`);--> statement-breakpoint
CREATE INDEX `needs_activity` ON `needs` (`activity_id`);--> statement-breakpoint
CREATE INDEX `needs_club` ON `needs` (`club_id`);--> statement-breakpoint
CREATE TABLE `series_occurrences` (
	`series_id` integer NOT NULL,
	`position` integer NOT NULL,
	`activity_id` integer,
	`starts_at` text NOT NULL,
	PRIMARY KEY(`series_id`, `position`),
	FOREIGN KEY (`series_id`) REFERENCES `activity_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_occurrences_activity` ON `series_occurrences` (`activity_id`);--> statement-breakpoint
CREATE TABLE `shop_closings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`ref` text NOT NULL,
	`sales_count` integer NOT NULL,
	`system_total_fen` integer NOT NULL,
	`counted_fen` integer NOT NULL,
	`difference_fen` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`fund_key` text NOT NULL,
	`ledger_ref` text,
	`closed_by` integer NOT NULL,
	`closed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`closed_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shop_closings_day_unique` ON `shop_closings` (`day`);--> statement-breakpoint
CREATE UNIQUE INDEX `shop_closings_ref_unique` ON `shop_closings` (`ref`);--> statement-breakpoint
CREATE TABLE `shop_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`condition` text NOT NULL,
	`price_fen` integer NOT NULL,
	`donor_member_id` integer,
	`donor_name` text,
	`donor_follows` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'in-stock' NOT NULL,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`received_by` integer NOT NULL,
	`left_at` text,
	`left_by` integer,
	`left_note` text,
	FOREIGN KEY (`donor_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`left_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shop_items_price_positive" CHECK("shop_items"."price_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `shop_items_status` ON `shop_items` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `shop_items_donor` ON `shop_items` (`donor_member_id`);--> statement-breakpoint
CREATE TABLE `shop_proceeds_uses` (
	`transaction_id` integer PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`marked_by` integer NOT NULL,
	`marked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marked_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `shop_sales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`ref` text NOT NULL,
	`price_fen` integer NOT NULL,
	`day` text NOT NULL,
	`sold_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sold_by` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `shop_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sold_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shop_sales_item_id_unique` ON `shop_sales` (`item_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `shop_sales_ref_unique` ON `shop_sales` (`ref`);--> statement-breakpoint
CREATE INDEX `shop_sales_day` ON `shop_sales` (`day`);--> statement-breakpoint
CREATE TABLE `shop_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`bands_fen` text DEFAULT '[200,500,1000,2000]' NOT NULL,
	`fund_key` text DEFAULT 'hub' NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);

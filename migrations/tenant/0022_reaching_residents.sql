CREATE TABLE `notification_preferences` (
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`cadence` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`member_id`, `kind`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`email` text,
	`language` text DEFAULT 'zh-CN' NOT NULL,
	`quiet_start` text,
	`quiet_end` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`member_id` integer NOT NULL,
	`channel` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`items` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`not_before` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key_unique` ON `outbox` (`key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `outbox_member` ON `outbox` (`member_id`,`channel`);--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint_unique` ON `push_subscriptions` (`endpoint`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_member` ON `push_subscriptions` (`member_id`);--> statement-breakpoint
ALTER TABLE `issues` ADD `anonymous` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `issues` ADD `on_behalf_by` integer REFERENCES members(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `papers_sent_at` text;--> statement-breakpoint
ALTER TABLE `members` ADD `assisted_by` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `members` ADD `claim_code_hash` text;--> statement-breakpoint
ALTER TABLE `members` ADD `claim_code_expires_at` text;--> statement-breakpoint
ALTER TABLE `members` ADD `claimed_at` text;--> statement-breakpoint
ALTER TABLE `needs` ADD `on_behalf_by` integer REFERENCES members(id);--> statement-breakpoint
ALTER TABLE `notifications` ADD `kind` text DEFAULT 'general' NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `link` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `delivery` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `routed_at` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `digest_key` text;--> statement-breakpoint
CREATE INDEX `notifications_unrouted` ON `notifications` (`id`) WHERE "notifications"."delivery" IS NULL;--> statement-breakpoint
CREATE INDEX `notifications_digest_due` ON `notifications` (`delivery`,`member_id`) WHERE "notifications"."digest_key" IS NULL AND "notifications"."delivery" IN ('daily', 'weekly');--> statement-breakpoint
ALTER TABLE `signups` ADD `on_behalf_by` integer REFERENCES members(id);--> statement-breakpoint
ALTER TABLE `volunteer_hours` ADD `on_behalf_by` integer REFERENCES members(id);--> statement-breakpoint
UPDATE `notifications` SET `delivery` = 'stale', `routed_at` = `created_at` WHERE `delivery` IS NULL;

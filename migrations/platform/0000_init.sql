CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor_user_id` text,
	`community_id` text,
	`action` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_community_idx` ON `audit_log` (`community_id`,`at`);--> statement-breakpoint
CREATE TABLE `communities` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text,
	`status` text NOT NULL,
	`provision_step` text NOT NULL,
	`provision_error` text,
	`setup` text NOT NULL,
	`database_binding` text,
	`template_key` text NOT NULL,
	`template_version` integer NOT NULL,
	`founder_user_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`activated_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `communities_slug_unique` ON `communities` (`slug`);--> statement-breakpoint
CREATE INDEX `communities_status_idx` ON `communities` (`status`);--> statement-breakpoint
CREATE TABLE `consultant_grants` (
	`community_id` text NOT NULL,
	`consultant_user_id` text NOT NULL,
	`granted_by` text NOT NULL,
	`granted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`revoked_at` text,
	PRIMARY KEY(`community_id`, `consultant_user_id`)
);
--> statement-breakpoint
CREATE TABLE `database_pool` (
	`binding` text PRIMARY KEY NOT NULL,
	`community_id` text,
	`claimed_at` text,
	`registered_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `database_pool_community_id_unique` ON `database_pool` (`community_id`);--> statement-breakpoint
CREATE TABLE `platform_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`granted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`user_id`, `role`)
);

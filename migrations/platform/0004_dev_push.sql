CREATE TABLE `dev_push_endpoints` (
	`token` text PRIMARY KEY NOT NULL,
	`private_jwk` text NOT NULL,
	`auth_secret` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dev_push_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token` text NOT NULL,
	`headers` text NOT NULL,
	`body_base64` text NOT NULL,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dev_push_messages_token` ON `dev_push_messages` (`token`);
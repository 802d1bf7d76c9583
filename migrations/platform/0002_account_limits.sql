CREATE TABLE `account_limits` (
	`user_id` text PRIMARY KEY NOT NULL,
	`max_communities` integer NOT NULL,
	`set_by` text NOT NULL,
	`set_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);

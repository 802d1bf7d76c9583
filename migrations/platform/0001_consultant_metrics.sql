CREATE TABLE `consultant_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `metric_snapshots` (
	`community_id` text NOT NULL,
	`month` text NOT NULL,
	`figures` text NOT NULL,
	`computed_at` text NOT NULL,
	`run_id` text,
	PRIMARY KEY(`community_id`, `month`)
);
--> statement-breakpoint
CREATE INDEX `metric_snapshots_month_idx` ON `metric_snapshots` (`month`);--> statement-breakpoint
CREATE TABLE `snapshot_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`trigger` text NOT NULL,
	`total` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text
);

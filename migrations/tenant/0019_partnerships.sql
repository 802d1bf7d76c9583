CREATE TABLE `partnership_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partnership_id` integer NOT NULL,
	`ref` text NOT NULL,
	`kind` text NOT NULL,
	`ours` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`title` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`residents` integer DEFAULT 0 NOT NULL,
	`activity_id` integer,
	`donation_kind` text,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_entries_ref_unique` ON `partnership_entries` (`ref`);--> statement-breakpoint
CREATE INDEX `partnership_entries_partnership` ON `partnership_entries` (`partnership_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `partnerships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`link_id` text,
	`side` text DEFAULT 'proposer' NOT NULL,
	`partner_name` text NOT NULL,
	`partner_slug` text,
	`partner_place` text DEFAULT '' NOT NULL,
	`partner_contact` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`goals` text DEFAULT '' NOT NULL,
	`started_on` text,
	`ended_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnerships_link_id_unique` ON `partnerships` (`link_id`);
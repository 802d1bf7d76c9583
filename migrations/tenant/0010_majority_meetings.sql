CREATE TABLE `meeting_voters` (
	`meeting_id` integer NOT NULL,
	`voter` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`detail` text,
	`member_id` integer,
	`position` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `voter`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `minutes_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`text` text NOT NULL,
	`reason` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_amendments_meeting` ON `minutes_amendments` (`meeting_id`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `tally` text;--> statement-breakpoint
UPDATE `agenda_items` SET `revised_from` = NULL WHERE `revised_from` IS NOT NULL AND `id` NOT IN (SELECT MIN(`id`) FROM `agenda_items` WHERE `revised_from` IS NOT NULL GROUP BY `revised_from`);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_revised_from` ON `agenda_items` (`revised_from`);--> statement-breakpoint
ALTER TABLE `issues` ADD `study_committee_id` integer REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE `issues` ADD `recommendation` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `recommended_at` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `assist_committee_id` integer REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `committee_id` integer REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `opened_at` text;--> statement-breakpoint
CREATE TRIGGER `minutes_amendments_no_update` BEFORE UPDATE ON `minutes_amendments` BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `minutes_amendments_no_delete` BEFORE DELETE ON `minutes_amendments` BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `item_stances_closed_insert` BEFORE INSERT ON `item_stances` WHEN (SELECT `m`.`status` FROM `agenda_items` `a` JOIN `meetings` `m` ON `m`.`id` = `a`.`meeting_id` WHERE `a`.`id` = NEW.`item_id`) = 'closed' BEGIN SELECT RAISE(ABORT, 'meeting closed: positions are final'); END;
--> statement-breakpoint
CREATE TRIGGER `item_stances_closed_update` BEFORE UPDATE ON `item_stances` WHEN (SELECT `m`.`status` FROM `agenda_items` `a` JOIN `meetings` `m` ON `m`.`id` = `a`.`meeting_id` WHERE `a`.`id` = OLD.`item_id`) = 'closed' BEGIN SELECT RAISE(ABORT, 'meeting closed: positions are final'); END;
--> statement-breakpoint
CREATE TRIGGER `item_stances_closed_delete` BEFORE DELETE ON `item_stances` WHEN (SELECT `m`.`status` FROM `agenda_items` `a` JOIN `meetings` `m` ON `m`.`id` = `a`.`meeting_id` WHERE `a`.`id` = OLD.`item_id`) = 'closed' BEGIN SELECT RAISE(ABORT, 'meeting closed: positions are final'); END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_closed_decision` BEFORE UPDATE OF `outcome`, `decision_text`, `tally` ON `agenda_items` WHEN (SELECT `status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = 'closed' BEGIN SELECT RAISE(ABORT, 'meeting closed: decisions are final'); END;
--> statement-breakpoint
CREATE TRIGGER `meetings_closed_final` BEFORE UPDATE ON `meetings` WHEN OLD.`status` = 'closed' AND (NEW.`status` <> 'closed' OR (OLD.`minutes_published_at` IS NOT NULL AND (NEW.`minutes` IS NOT OLD.`minutes` OR NEW.`minutes_published_at` IS NOT OLD.`minutes_published_at`))) BEGIN SELECT RAISE(ABORT, 'meeting closed: its record and approved minutes are final'); END;

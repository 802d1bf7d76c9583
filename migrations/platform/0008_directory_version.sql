CREATE TABLE `directory_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `directory_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `communities_directory_update` AFTER UPDATE OF `slug`, `name_zh`, `name_en`, `status`, `database_binding` ON `communities`
WHEN OLD.`status` = 'active' AND (OLD.`slug` IS NOT NEW.`slug` OR OLD.`name_zh` IS NOT NEW.`name_zh` OR OLD.`name_en` IS NOT NEW.`name_en`
	OR OLD.`status` IS NOT NEW.`status` OR OLD.`database_binding` IS NOT NEW.`database_binding`)
BEGIN
	UPDATE `directory_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `communities_directory_delete` AFTER DELETE ON `communities`
WHEN OLD.`status` = 'active'
BEGIN
	UPDATE `directory_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;

ALTER TABLE `database_pool` ADD `shard` text DEFAULT 'main' NOT NULL;--> statement-breakpoint
CREATE INDEX `database_pool_shard_idx` ON `database_pool` (`shard`,`community_id`);
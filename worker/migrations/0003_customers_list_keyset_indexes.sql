DROP INDEX `customers_ws_name_idx`;--> statement-breakpoint
CREATE INDEX `customers_ws_updated_idx` ON `customers` (`workspace_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_ws_name_idx` ON `customers` (`workspace_id`,`name`,`id`);
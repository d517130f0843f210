CREATE TABLE `workspace_reports` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`as_of` text NOT NULL,
	`config_version` integer NOT NULL,
	`report` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `interactions` ADD `contact_id` text REFERENCES contacts(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `interactions_contact_idx` ON `interactions` (`contact_id`);--> statement-breakpoint
CREATE INDEX `customers_ws_id_idx` ON `customers` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `grades_churn_idx` ON `grades` (`workspace_id`,`churn`);
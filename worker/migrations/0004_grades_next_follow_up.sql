ALTER TABLE `grades` ADD `next_follow_up` text;--> statement-breakpoint
-- Grades stored before this column: their next follow-up, read from the stored grade itself.
UPDATE `grades` SET `next_follow_up` = json_extract(`result`, '$.serviceLevel.nextFollowUp');--> statement-breakpoint
CREATE INDEX `grades_follow_up_idx` ON `grades` (`workspace_id`,`next_follow_up`,`customer_id`);

ALTER TABLE `grades` ADD `reply_by` text;--> statement-breakpoint
-- Grades stored before this column: the deadline of their reply-due step, read from the stored grade itself.
UPDATE `grades` SET `reply_by` = (SELECT json_extract(s.`value`, '$.due') FROM json_each(`grades`.`result`, '$.suggestions') AS s WHERE json_extract(s.`value`, '$.code') = 'reply-due' LIMIT 1);--> statement-breakpoint
CREATE INDEX `grades_reply_by_idx` ON `grades` (`workspace_id`,`reply_by`,`customer_id`);

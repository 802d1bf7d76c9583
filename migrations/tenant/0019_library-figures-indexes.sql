DROP INDEX `library_loans_lent_on`;--> statement-breakpoint
CREATE INDEX `library_loans_returned_on` ON `library_loans` (`returned_on`,`due_on`);--> statement-breakpoint
CREATE INDEX `library_loans_lent_on` ON `library_loans` (`lent_on`,`member_id`);
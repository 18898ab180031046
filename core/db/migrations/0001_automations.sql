CREATE TABLE `automation_pending` (
	`automation_id` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`deadline` integer,
	`data` text NOT NULL,
	PRIMARY KEY(`automation_id`, `kind`, `key`)
);
--> statement-breakpoint
CREATE TABLE `automation_traces` (
	`run_id` text PRIMARY KEY NOT NULL,
	`automation_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`trace` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `automation_traces_by_automation` ON `automation_traces` (`automation_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `automations` (
	`id` text PRIMARY KEY NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);

CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`severity` text NOT NULL,
	`title` text NOT NULL,
	`message` text NOT NULL,
	`entity_id` text,
	`source` text NOT NULL,
	`raised_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`notify` text,
	`repeat_every_s` integer,
	`silent` integer DEFAULT false NOT NULL,
	`notified_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `alerts_open` ON `alerts` (`acknowledged_at`,`source`,`entity_id`);--> statement-breakpoint
CREATE INDEX `alerts_raised_at` ON `alerts` (`raised_at`);
CREATE TABLE `history_attributes` (
	`id` integer PRIMARY KEY NOT NULL,
	`json` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `history_attributes_json_unique` ON `history_attributes` (`json`);--> statement-breakpoint
CREATE TABLE `history_entities` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity_id` text NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `history_entities_entity_id_unique` ON `history_entities` (`entity_id`);--> statement-breakpoint
CREATE TABLE `history_texts` (
	`id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `history_texts_text_unique` ON `history_texts` (`text`);--> statement-breakpoint
CREATE TABLE `logbook` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ms` integer NOT NULL,
	`kind` text NOT NULL,
	`entity_id` text,
	`what` text NOT NULL,
	`outcome` text,
	`context_id` text,
	`user_id` text,
	`automation_id` text,
	`parent_id` text,
	`node` text,
	`address` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `logbook_ms` ON `logbook` (`ms`);--> statement-breakpoint
CREATE INDEX `logbook_entity_ms` ON `logbook` (`entity_id`,`ms`);--> statement-breakpoint
CREATE TABLE `states` (
	`key` integer PRIMARY KEY NOT NULL,
	`value` real,
	`text` integer,
	`attributes` integer
);
--> statement-breakpoint
CREATE TABLE `statistics` (
	`entity` integer NOT NULL,
	`period` integer NOT NULL,
	`start` integer NOT NULL,
	`mean` real NOT NULL,
	`min` real NOT NULL,
	`max` real NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`entity`, `period`, `start`)
);

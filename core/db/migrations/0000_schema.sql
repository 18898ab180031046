CREATE TABLE `auth_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auth_tokens_hash_unique` ON `auth_tokens` (`hash`);--> statement-breakpoint
CREATE INDEX `auth_tokens_user` ON `auth_tokens` (`user_id`,`kind`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE `states_staged` (
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

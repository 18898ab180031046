CREATE TABLE `schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);

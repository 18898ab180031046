CREATE TABLE `floorplans` (
	`id` text PRIMARY KEY NOT NULL,
	`level` integer NOT NULL,
	`definition` text NOT NULL,
	`image` blob,
	`image_type` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `floorplans_level_unique` ON `floorplans` (`level`);--> statement-breakpoint
CREATE TABLE `people_locations` (
	`user_id` text PRIMARY KEY NOT NULL,
	`area` text NOT NULL,
	`until` integer NOT NULL
);

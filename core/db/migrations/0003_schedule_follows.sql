CREATE TABLE `schedule_follows` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`schedule` text NOT NULL,
	`updated_at` integer NOT NULL
);

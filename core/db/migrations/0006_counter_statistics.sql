ALTER TABLE `history_entities` ADD `counter` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `statistics` ADD `change` real;--> statement-breakpoint
ALTER TABLE `statistics` ADD `sum` real;
/** Weekly schedules (DESIGN §2 `schedule` domain, §6 /api/schedules): definition, pure evaluation, the entities, devices following them, and their routes. */
export { DAYS, scheduleSchema, type Block, type Day, type ScheduleDefinition, type ScheduleInput, type ScheduleValue } from '../config/index.js';
export { compile, evaluate, stateAt, type CompiledSchedule, type ScheduleState } from './evaluate.js';
export { createFollowRoutes } from './follow-routes.js';
export { createFollows, type FollowInfo, type Follows, type FollowsDeps } from './follows.js';
export { createScheduleRoutes } from './routes.js';
export { createSchedules, SCHEDULE_OWNER, type ScheduleInfo, type Schedules, type SchedulesDeps } from './service.js';

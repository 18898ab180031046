import { z } from 'zod';

/** Input rules shared by the API, the OpenAPI document and the CLI. */
export const roleSchema = z.enum(['owner', 'admin', 'member']);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{1,64}$/, 'use 1–64 letters, digits, _ . or -');

export const passwordSchema = z.string().min(8, 'use at least 8 characters').max(256, 'use at most 256 characters');

export const credentialsSchema = z.strictObject({ username: usernameSchema, password: passwordSchema });

/** Login accepts any non-empty strings: a rule change must not lock out an existing account. */
export const loginSchema = z.strictObject({ username: z.string().min(1).max(256), password: z.string().min(1).max(256) });

export const newUserSchema = z.strictObject({ username: usernameSchema, password: passwordSchema, role: roleSchema.default('member') });

export const userPatchSchema = z
  .strictObject({ role: roleSchema.optional(), password: passwordSchema.optional() })
  .refine((p) => p.role !== undefined || p.password !== undefined, 'give a role or a password to change');

export const newTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).default(365),
});

export type Credentials = z.infer<typeof credentialsSchema>;
export type NewUser = z.input<typeof newUserSchema>;
export type UserPatch = z.infer<typeof userPatchSchema>;

/** `POST /api/invitations`: who the invitee becomes and for how long the code works. */
export const newInvitationSchema = z.strictObject({
  role: roleSchema.default('member'),
  expiresInHours: z.number().int().min(1).max(30 * 24).default(72),
});

/** `POST /api/invitations/accept`: the code as typed (any case, dashes or spaces) and the new account. */
export const acceptInvitationSchema = z.strictObject({
  code: z.string().trim().min(1).max(32),
  username: usernameSchema,
  password: passwordSchema,
});

/** `POST /api/auth/password`: the current password is any string (old rules may have allowed it), the new one follows today's. */
export const passwordChangeSchema = z.strictObject({ current: z.string().min(1).max(256), new: passwordSchema });

/** `PUT /api/auth/me`: null or an empty string goes back to showing the username. */
export const displayNameSchema = z.strictObject({
  displayName: z
    .string()
    .trim()
    .max(64, 'use at most 64 characters')
    .regex(/^[^\p{Cc}]*$/u, 'no control characters')
    .nullable()
    .transform((name) => name || null),
});

export type NewInvitation = z.infer<typeof newInvitationSchema>;
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

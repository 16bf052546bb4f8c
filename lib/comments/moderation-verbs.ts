// What a moderator can do to a comment; shared by the studio's buttons and its Server Actions.
export const moderationVerbs = ["hide", "restore", "delete", "dismiss"] as const;
export type ModerationVerb = (typeof moderationVerbs)[number];
